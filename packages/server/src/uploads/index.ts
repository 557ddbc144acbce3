/**
 * Bounded parsing of uploads: what the routes call. Each function checks the bytes against the
 * upload limit on the main thread (cheap), then parses in a worker thread (pool.ts).
 */
import type { Config } from "../config";
import { AppError } from "../http/errors";
import type { SniffedType } from "../cases/fileTypes";
import type { ImportPreview } from "../lists/importFile";
import type { CheckedImage } from "../documents/images";
import { runParse } from "./pool";
import { sizeText, uploadLimits, type UploadLimits } from "./limits";

export { uploadLimits, type UploadLimits } from "./limits";

/** 413 when the file is over the upload limit (the limit named). */
export function checkUploadBytes(data: Buffer, limits: UploadLimits, what = "上传的文件"): void {
  if (data.length > limits.maxBytes) {
    const message = `文件过大：${what}为 ${sizeText(data.length)}，超过上传大小上限 ${sizeText(limits.maxBytes)}`;
    throw new AppError("payload_too_large", message, [{ field: "contentBase64", message: `超过 ${sizeText(limits.maxBytes)}` }]);
  }
}

function checkListFileName(fileName: string): void {
  const name = fileName.toLowerCase();
  if (!name.endsWith(".xlsx") && !name.endsWith(".docx")) {
    throw new AppError("unsupported_media_type", "只支持导入 .xlsx 或 .docx 文件（旧版 .xls/.doc 请先另存为新格式）");
  }
}

/** The import preview of a list file (.xlsx / .docx), parsed in a worker within the limits. */
export async function parseListFile(config: Config, file: { fileName: string; content: Buffer }, type?: string): Promise<ImportPreview> {
  const limits = uploadLimits(config);
  checkUploadBytes(file.content, limits);
  checkListFileName(file.fileName);
  return runParse<ImportPreview>({ kind: "listPreview", fileName: file.fileName, content: file.content, type, limits }, limits);
}

/**
 * The import preview as the API returns it (items with their citations resolved), as JSON text:
 * parsing, presenting and serialising all happen in the worker.
 */
export async function previewListFileJson(config: Config, file: { fileName: string; content: Buffer }, type?: string): Promise<string> {
  const limits = uploadLimits(config);
  checkUploadBytes(file.content, limits);
  checkListFileName(file.fileName);
  return runParse<string>({ kind: "listPreview", fileName: file.fileName, content: file.content, type, limits, present: true }, limits);
}

/** The type of an evidence file by its content (walked in a worker); refuses polyglots, SVG, HTML. */
export async function checkEvidenceFile(config: Config, data: Buffer, fileName: string): Promise<SniffedType> {
  const limits = uploadLimits(config);
  return runParse<SniffedType>({ kind: "evidence", fileName, content: data }, limits);
}

/** A seal or signature image checked in a worker (type by content, whole image, readable by pdfkit). */
export async function checkImageFile(
  config: Config,
  data: Buffer,
  options: { what: string; maxBytes: number; pngOnly?: boolean; field: string },
): Promise<CheckedImage> {
  return runParse<CheckedImage>({ kind: "image", content: data, ...options }, uploadLimits(config));
}
