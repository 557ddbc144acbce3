/**
 * Seal and signature images: the type is recognised by the content (magic bytes), never by a name,
 * and the image must be readable by the PDF renderer.
 */
import PDFDocument from "pdfkit";
import { AppError } from "../http/errors";

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

/**
 * Decodes base64 and checks the image: accepted types, size limit, readable by pdfkit.
 * `what` names the image in the Chinese errors (电子印章, 签名).
 */
export function checkImage(base64: string, options: { what: string; maxBytes: number; pngOnly?: boolean; field: string }): { data: Buffer; image: CheckedImage } {
  const data = Buffer.from(base64.replace(/^data:[^,]*,/, ""), "base64");
  const fail = (code: "validation_failed" | "payload_too_large" | "unsupported_media_type", message: string) =>
    new AppError(code, message, [{ field: options.field, message }]);
  if (data.length === 0) throw fail("validation_failed", `${options.what}图片内容为空`);
  if (data.length > options.maxBytes) {
    const limit = options.maxBytes >= 1024 * 1024 ? `${options.maxBytes / 1024 / 1024} MB` : `${Math.round(options.maxBytes / 1024)} KB`;
    throw fail("payload_too_large", `${options.what}图片过大（${(data.length / 1024).toFixed(0)} KB），不得超过 ${limit}，未保存`);
  }
  const mime = sniffImage(data);
  const allowed = options.pngOnly ? "PNG" : "PNG 或 JPEG";
  if (!mime || (options.pngOnly && mime !== "image/png")) {
    throw fail("unsupported_media_type", `${options.what}必须是 ${allowed} 图片（按文件内容识别），该文件不是，未保存`);
  }
  let width = 0;
  let height = 0;
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
