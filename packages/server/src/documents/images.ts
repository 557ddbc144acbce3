/**
 * Seal and signature images: the type is recognised by the content (magic bytes), never by a name,
 * the image is walked whole (src/uploads/content.ts) and must be readable by the PDF renderer.
 */
import PDFDocument from "pdfkit";
import type { Config } from "../config";
import { AppError } from "../http/errors";
import { imageProblem } from "../uploads/content";
import { checkImageFile } from "../uploads";

export interface CheckedImage {
  mime: "image/png" | "image/jpeg";
  width: number;
  height: number;
}

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function sniffImage(data: Buffer): "image/png" | "image/jpeg" | null {
  if (PNG_MAGIC.every((b, i) => data[i] === b)) return "image/png";
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return "image/jpeg";
  return null;
}

type ImageOptions = { what: string; maxBytes: number; pngOnly?: boolean; field: string };

const imageError = (options: ImageOptions, code: "validation_failed" | "payload_too_large" | "unsupported_media_type", message: string) =>
  new AppError(code, message, [{ field: options.field, message }]);

/** The cheap checks, on the main thread: not empty, not over the size limit. */
function checkImageSize(data: Buffer, options: ImageOptions): void {
  if (data.length === 0) throw imageError(options, "validation_failed", `${options.what}图片内容为空`);
  if (data.length > options.maxBytes) {
    const limit = options.maxBytes >= 1024 * 1024 ? `${options.maxBytes / 1024 / 1024} MB` : `${Math.round(options.maxBytes / 1024)} KB`;
    throw imageError(options, "payload_too_large", `${options.what}图片过大（${(data.length / 1024).toFixed(0)} KB），不得超过 ${limit}，未保存`);
  }
}

/**
 * Checks the image bytes: accepted types, size limit, the whole image walked (no trailing page
 * markup), readable by pdfkit. Runs in a parsing worker (src/uploads).
 * `what` names the image in the Chinese errors (电子印章, 签名).
 */
export function checkImageData(data: Buffer, options: ImageOptions): { data: Buffer; image: CheckedImage } {
  const fail = (code: "validation_failed" | "payload_too_large" | "unsupported_media_type", message: string) => imageError(options, code, message);
  checkImageSize(data, options);
  const mime = sniffImage(data);
  const allowed = options.pngOnly ? "PNG" : "PNG 或 JPEG";
  if (!mime || (options.pngOnly && mime !== "image/png")) {
    throw fail("unsupported_media_type", `${options.what}必须是 ${allowed} 图片（按文件内容识别），该文件不是，未保存`);
  }
  const problem = imageProblem(data, mime);
  if (problem)
    throw fail("unsupported_media_type", `${options.what}图片不是完整有效的 ${mime === "image/png" ? "PNG" : "JPEG"} 图片（${problem}），未保存`);
  let width: number;
  let height: number;
  try {
    const doc = new PDFDocument({ autoFirstPage: false }) as unknown as { openImage(src: Buffer): { width: number; height: number } };
    const img = doc.openImage(data);
    width = img.width;
    height = img.height;
  } catch {
    throw fail("unsupported_media_type", `${options.what}图片已损坏，无法读取，未保存`);
  }
  if (!(width > 0 && height > 0) || width > 4000 || height > 4000) {
    throw fail("validation_failed", `${options.what}图片尺寸不合适（${width} × ${height} 像素），宽和高应在 1 至 4000 像素之间`);
  }
  return { data, image: { mime, width, height } };
}

/**
 * Decodes base64 (a data: URL prefix is accepted) and checks the image, the decoding off the main
 * thread (checkImageData in a parsing worker).
 */
export async function checkImage(config: Config, base64: string, options: ImageOptions): Promise<{ data: Buffer; image: CheckedImage }> {
  const data = Buffer.from(base64.replace(/^data:[^,]*,/, ""), "base64");
  checkImageSize(data, options);
  return { data, image: await checkImageFile(config, data, options) };
}
