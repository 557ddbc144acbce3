/**
 * Evidence file types recognised by their content (magic bytes), never by their name: a ".png"
 * that is really text is refused.
 */
export interface SniffedType {
  mime: string;
  label: string;
  /** File name extensions that may carry this type. */
  extensions: string[];
}

const types = {
  jpeg: { mime: "image/jpeg", label: "JPEG 图片", extensions: ["jpg", "jpeg"] },
  png: { mime: "image/png", label: "PNG 图片", extensions: ["png"] },
  gif: { mime: "image/gif", label: "GIF 图片", extensions: ["gif"] },
  webp: { mime: "image/webp", label: "WebP 图片", extensions: ["webp"] },
  pdf: { mime: "application/pdf", label: "PDF 文档", extensions: ["pdf"] },
  docx: { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", label: "Word 文档", extensions: ["docx"] },
  xlsx: { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", label: "Excel 表格", extensions: ["xlsx"] },
  mp4: { mime: "video/mp4", label: "MP4 视频", extensions: ["mp4", "m4v", "mov"] },
  mp3: { mime: "audio/mpeg", label: "MP3 音频", extensions: ["mp3"] },
} satisfies Record<string, SniffedType>;

const starts = (b: Buffer, bytes: number[], offset = 0) => bytes.every((x, i) => b[offset + i] === x);
const ascii = (b: Buffer, text: string, offset = 0) => b.subarray(offset, offset + text.length).toString("latin1") === text;

export const acceptedTypesText = "JPG、PNG、GIF、WebP 图片，PDF、Word、Excel 文档，MP4 视频，MP3 音频";

/** The type the bytes are, or null when they are none of the accepted ones. */
export function sniffFileType(data: Buffer): SniffedType | null {
  if (starts(data, [0xff, 0xd8, 0xff])) return types.jpeg;
  if (starts(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return types.png;
  if (ascii(data, "GIF87a") || ascii(data, "GIF89a")) return types.gif;
  if (ascii(data, "RIFF") && ascii(data, "WEBP", 8)) return types.webp;
  if (ascii(data, "%PDF-")) return types.pdf;
  if (ascii(data, "ftyp", 4)) return types.mp4;
  if (ascii(data, "ID3") || starts(data, [0xff, 0xfb])) return types.mp3;
  if (starts(data, [0x50, 0x4b, 0x03, 0x04])) {
    // Office Open XML: a zip whose entries name the document part.
    const head = data.subarray(0, Math.min(data.length, 64 * 1024)).toString("latin1");
    if (head.includes("word/")) return types.docx;
    if (head.includes("xl/")) return types.xlsx;
  }
  return null;
}

/** The extension of a file name, lower-case, without the dot ("" when none). */
export function extensionOf(fileName: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(fileName.trim());
  return m ? m[1].toLowerCase() : "";
}
