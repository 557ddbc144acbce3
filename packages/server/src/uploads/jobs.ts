/**
 * What a parsing worker thread runs (src/uploads/worker.mjs loads this file). Every job gets its
 * limits; any error that is not already a Chinese AppError becomes "文件无法读取" (400): no input
 * gives a 5xx.
 */
import { errorStatus, type ErrorCode, type FieldError } from "../http/errors";
import type { UploadLimits } from "./limits";

export type ParseJob =
  /** `present`: the preview as the API returns it, as JSON text (so the main thread only sends it). */
  | { kind: "listPreview"; fileName: string; content: Uint8Array; type?: string; limits: UploadLimits; present?: boolean }
  | { kind: "evidence"; fileName: string; content: Uint8Array }
  /** The object-pool import (.xlsx) of the inspections: rows mapped and validated by the domain. */
  | { kind: "unitPreview"; content: Uint8Array; existingCreditCodes: string[]; limits: UploadLimits }
  | { kind: "image"; content: Uint8Array; what: string; maxBytes: number; pngOnly?: boolean; field: string }
  /** Test jobs: spin the CPU, or fill the heap (to prove the time and memory limits). */
  | { kind: "spin"; ms: number }
  | { kind: "allocate"; mb: number };

export type JobError = { code: ErrorCode; message: string; fields?: FieldError[] };

/** Loads every parser (run once when a worker starts, before its first job). */
export async function warm(): Promise<void> {
  const [, { lawLibrary }] = await Promise.all([
    import("../lists/importFile"),
    import("../laws/library"),
    import("../lists/queries"),
    import("./content"),
    import("../documents/images"),
  ]);
  lawLibrary();
}

export async function runJob(job: ParseJob): Promise<unknown> {
  const content = "content" in job ? Buffer.from(job.content.buffer, job.content.byteOffset, job.content.byteLength) : Buffer.alloc(0);
  switch (job.kind) {
    case "listPreview": {
      const [{ previewImport }, { lawLibrary }] = await Promise.all([import("../lists/importFile"), import("../laws/library")]);
      const preview = await previewImport({ fileName: job.fileName, content }, { library: lawLibrary(), type: job.type, limits: job.limits });
      if (!job.present) return preview;
      const { presentItem } = await import("../lists/queries");
      return JSON.stringify({ ...preview, items: preview.items.map(presentItem) });
    }
    case "unitPreview": {
      const { parseUnitFile } = await import("../inspections/unitFile");
      return parseUnitFile(content, job.existingCreditCodes, job.limits);
    }
    case "evidence": {
      const { checkEvidenceContent } = await import("./content");
      return checkEvidenceContent(content, job.fileName);
    }
    case "image": {
      const { checkImageData } = await import("../documents/images");
      return checkImageData(content, job).image;
    }
    case "spin": {
      const end = Date.now() + job.ms;
      while (Date.now() < end);
      return { spun: job.ms };
    }
    case "allocate": {
      const keep: string[][] = [];
      for (let i = 0; i < job.mb; i++) keep.push(Array.from({ length: 16 * 1024 }, (_, k) => `${i}:${k}`));
      return { allocated: keep.length };
    }
  }
}

/** An error as it crosses back to the main thread. */
export function jobError(err: unknown): JobError {
  // Duck-typed: an AppError from any copy of src/http/errors.
  const e = err as { code?: unknown; message?: unknown; fields?: FieldError[] } | null;
  if (e && typeof e.code === "string" && e.code in errorStatus && typeof e.message === "string") {
    return { code: e.code as ErrorCode, message: e.message, ...(e.fields ? { fields: e.fields } : {}) };
  }
  return { code: "validation_failed", message: "文件无法读取：内容已损坏或格式不受支持" };
}
