/**
 * Evidence, seals and signatures checked by their content: the magic number names the type
 * (src/cases/fileTypes.ts), then the file is walked as that type — PNG chunks with their CRCs to
 * IEND, GIF blocks to the trailer, JPEG segments to EOI, the RIFF/MP4 boxes, the PDF header, the zip directory of Office files — and an image carrying web-page markup anywhere
 * (a GIF/HTML polyglot) is refused, as are SVG and HTML under any name.
 */
import zlib from "node:zlib";
import { AppError } from "../http/errors";
import { acceptedTypesText, extensionOf, sniffFileType, type SniffedType } from "../cases/fileTypes";
import { listZip } from "./zip";
import { defaultUploadLimits } from "./limits";

/** Why the bytes are not a whole file of their type, or null when they are. */
type Walk = (b: Buffer) => string | null;

const crc32 = (zlib as unknown as { crc32?: (data: Uint8Array) => number }).crc32;

const walkPng: Walk = (b) => {
  let p = 8;
  let first = true;
  while (p + 12 <= b.length) {
    const len = b.readUInt32BE(p);
    const type = b.toString("latin1", p + 4, p + 8);
    if (!/^[A-Za-z]{4}$/.test(type)) return "数据块类型无效";
    if (p + 12 + len > b.length) return "数据块被截断";
    if (first) {
      if (type !== "IHDR" || len !== 13) return "缺少图像头（IHDR）";
      if (b.readUInt32BE(p + 8) === 0 || b.readUInt32BE(p + 12) === 0) return "图像宽或高为 0";
      first = false;
    }
    if (crc32 && crc32(b.subarray(p + 4, p + 8 + len)) >>> 0 !== b.readUInt32BE(p + 8 + len)) return `数据块 ${type} 校验失败`;
    p += 12 + len;
    if (type === "IEND") return p === b.length ? null : "图像结束（IEND）之后还有其他数据";
  }
  return "缺少图像结束标记（IEND）";
};

const walkGif: Walk = (b) => {
  if (b.length < 13) return "文件被截断";
  if (b.readUInt16LE(6) === 0 || b.readUInt16LE(8) === 0) return "图像宽或高为 0";
  let p = 13;
  if (b[10] & 0x80) p += 3 * 2 ** ((b[10] & 7) + 1);
  const subBlocks = (): boolean => {
    while (p < b.length) {
      const n = b[p];
      p += 1 + n;
      if (n === 0) return p <= b.length;
    }
    return false;
  };
  let images = 0;
  while (p < b.length) {
    const tag = b[p];
    if (tag === 0x3b) {
      p += 1;
      const rest = b.subarray(p);
      return rest.every((x) => x === 0) ? (images > 0 ? null : "不含任何图像") : "图像结束标记之后还有其他数据";
    }
    if (tag === 0x21) {
      p += 2;
      if (!subBlocks()) return "扩展块被截断";
    } else if (tag === 0x2c) {
      if (p + 10 > b.length) return "图像描述被截断";
      const flags = b[p + 9];
      p += 10;
      if (flags & 0x80) p += 3 * 2 ** ((flags & 7) + 1);
      const codeSize = b[p];
      if (!(codeSize >= 2 && codeSize <= 12)) return "图像数据无效";
      p += 1;
      if (!subBlocks()) return "图像数据被截断";
      images += 1;
    } else return "数据块无效";
  }
  return "缺少图像结束标记";
};

/** SOF0–SOF15 (frame headers), without DHT (C4), JPG (C8) and DAC (CC), which share the range. */
function isFrameMarker(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** Entropy-coded data after SOS: up to the next marker that is not a stuffed 0xFF00 or a restart marker. */
function skipEntropyCoded(b: Buffer, start: number): number {
  let p = start;
  while (p + 1 < b.length && !(b[p] === 0xff && b[p + 1] !== 0 && !(b[p + 1] >= 0xd0 && b[p + 1] <= 0xd7))) p++;
  return p;
}

const walkJpeg: Walk = (b) => {
  let p = 2;
  let frame = false;
  while (p < b.length) {
    if (b[p] !== 0xff) return "标记段无效";
    while (b[p] === 0xff) p++;
    const marker = b[p++];
    if (marker === undefined) break;
    if (marker === 0xd9) return frame ? null : "缺少图像帧（SOF）";
    if (marker >= 0xd0 && marker <= 0xd7) continue;
    if (marker === 0x01) continue;
    if (p + 2 > b.length) break;
    const len = b.readUInt16BE(p);
    if (len < 2 || p + len > b.length) return "标记段被截断";
    if (isFrameMarker(marker)) {
      if (len < 8 || b.readUInt16BE(p + 3) === 0 || b.readUInt16BE(p + 5) === 0) return "图像宽或高为 0";
      frame = true;
    }
    p += len;
    if (marker === 0xda) p = skipEntropyCoded(b, p);
  }
  return "缺少图像结束标记（EOI）";
};

const walkWebp: Walk = (b) => {
  const size = b.readUInt32LE(4);
  if (size + 8 !== b.length && size + 9 !== b.length) return "文件长度与声明不符";
  const chunk = b.toString("latin1", 12, 16);
  return ["VP8 ", "VP8L", "VP8X"].includes(chunk) ? null : "缺少图像数据";
};

const walkPdf: Walk = (b) => {
  // The header only: evidence PDFs may be scans cut short, and a PDF is only ever downloaded.
  return /^%PDF-\d\.\d/.test(b.toString("latin1", 0, 8)) ? null : "文件头无效";
};

const walkMp4: Walk = (b) => {
  let p = 0;
  let first = true;
  while (p + 8 <= b.length) {
    let size = b.readUInt32BE(p);
    const type = b.toString("latin1", p + 4, p + 8);
    if (first && type !== "ftyp") return "缺少文件类型（ftyp）";
    first = false;
    if (!/^[\x20-\x7e]{4}$/.test(type)) return "数据盒类型无效";
    if (size === 1) {
      if (p + 16 > b.length) return "数据盒被截断";
      size = Number(b.readBigUInt64BE(p + 8));
    } else if (size === 0) size = b.length - p;
    if (size < 8 || p + size > b.length) return "数据盒被截断";
    p += size;
  }
  return p === b.length ? null : "文件末尾数据不完整";
};

const walkOffice =
  (what: "word/" | "xl/"): Walk =>
  (b) => {
    try {
      const names = listZip(b, defaultUploadLimits).map((e) => e.name);
      if (!names.includes("[Content_Types].xml")) return "缺少 [Content_Types].xml";
      if (!names.some((n) => n.startsWith(what))) return "缺少文档内容";
      return null;
    } catch (err) {
      return err instanceof AppError ? err.message.replace(/^文件无法读取：/, "") : "压缩包无效";
    }
  };

const walks: Record<string, Walk> = {
  "image/png": walkPng,
  "image/gif": walkGif,
  "image/jpeg": walkJpeg,
  "image/webp": walkWebp,
  "application/pdf": walkPdf,
  "video/mp4": walkMp4,
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": walkOffice("word/"),
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": walkOffice("xl/"),
};

/**
 * Markup a browser would run as a page (case-insensitive). Only long markers: in 10 MB of
 * compressed image data a chance match of these is below one in 100,000.
 */
const MARKUP = /<(?:script|html|body|iframe|frameset|object|embed)[\s/>]|<!doctype\s+html|javascript:/i;

/** Where in the bytes web-page markup starts, or -1. */
export function markupAt(b: Buffer, from = 0, to = b.length): number {
  const m = MARKUP.exec(b.toString("latin1", from, to));
  return m ? from + m.index : -1;
}

/** SVG or HTML (what an upload of a web page looks like), for a precise refusal. */
function looksLike(b: Buffer): "svg" | "html" | null {
  const head = b
    .toString("utf8", 0, Math.min(b.length, 4096))
    .replace(/^\uFEFF/, "")
    .trimStart()
    .toLowerCase();
  if (/<svg[\s>]/.test(head) || (head.startsWith("<?xml") && head.includes("<svg"))) return "svg";
  if (/^<(?:!doctype\s+html|html|head|body|script|iframe|meta|!--)/.test(head) || /<(?:html|script|body)[\s>]/.test(head)) return "html";
  return null;
}

export const isImageMime = (mime: string) => mime.startsWith("image/");

/**
 * The type of an evidence file by its content, after walking it as that type; throws a Chinese
 * AppError (415) for what is not accepted.
 */
export function checkEvidenceContent(data: Buffer, fileName: string): SniffedType {
  const refuse = (message: string) => new AppError("unsupported_media_type", message, [{ field: "contentBase64", message }]);
  const type = sniffFileType(data);
  if (!type) {
    const like = looksLike(data);
    if (like === "svg") throw refuse(`文件“${fileName}”是 SVG 矢量图，可能含有脚本，不能作为证据上传；请转换为 PNG 或 JPEG 图片后上传`);
    if (like === "html") throw refuse(`文件“${fileName}”的内容是网页（HTML），不是图片或文档，已拒绝（按文件内容识别，而非文件名）`);
    throw refuse(`无法识别的文件类型：证据文件仅支持${acceptedTypesText}（按文件内容识别，而非文件名）`);
  }
  const problem = walks[type.mime]?.(data) ?? null;
  if (problem) throw refuse(`文件“${fileName}”不是完整有效的${type.label}（${problem}），已拒绝`);
  // Images are shown inline: no web-page markup anywhere in them. Other types are only ever
  // downloaded; their first kilobyte (what old browsers sniff) must not look like a page either.
  const at = isImageMime(type.mime) ? markupAt(data) : markupAt(data, 0, Math.min(data.length, 1024));
  if (at >= 0) {
    throw refuse(`文件“${fileName}”虽以${type.label}的文件头开头，但其中含有网页代码（HTML/脚本，第 ${at + 1} 字节起），疑似伪装文件，已拒绝`);
  }
  const ext = extensionOf(fileName);
  if (ext && !type.extensions.includes(ext)) {
    throw refuse(`文件“${fileName}”的扩展名为 .${ext}，但其内容是${type.label}，文件类型与名称不符，已拒绝`);
  }
  return type;
}

/** Why a PNG or JPEG (a seal, a signature) is not a whole image, or null. */
export function imageProblem(data: Buffer, mime: "image/png" | "image/jpeg"): string | null {
  const problem = walks[mime](data);
  if (problem) return problem;
  return markupAt(data) >= 0 ? "其中含有网页代码（HTML/脚本）" : null;
}
