/**
 * The limits every parsed upload is held to, in one place. Four of them can be set from the
 * environment (src/config: KUANYAN_UPLOAD_MAX_MB, KUANYAN_PARSE_TIMEOUT_SECONDS,
 * KUANYAN_PARSE_CONCURRENCY, KUANYAN_PARSE_HEAP_MB); the others are fixed here.
 */
import type { Config } from "../config";

export interface UploadLimits {
  /** Bytes of an uploaded file (before decompression). */
  maxBytes: number;
  /** Bytes of all zip entries together, once inflated (checked while inflating). */
  maxDecompressedBytes: number;
  /** Inflated bytes per byte of the file (files under 1 MiB inflated are never held to it). */
  maxRatio: number;
  /** Entries of a zip (.xlsx/.docx). */
  maxEntries: number;
  /** Rows of a table (the highest row number used counts, not just the rows present). */
  maxRows: number;
  /** Columns of a table (the highest column used). */
  maxColumns: number;
  /** Cells of all sheets / the table together. */
  maxCells: number;
  /** A parse taking longer is stopped (its worker thread terminated). */
  timeoutMs: number;
  /** Old-generation heap of a parsing worker (resourceLimits). */
  heapMb: number;
  /** Parses running at once (each in its own worker thread). */
  concurrency: number;
  /** Uploads waiting for a free worker; one more is refused with 429 busy. */
  queueLength: number;
  /** How long an upload may wait in the queue before it is refused with 429 busy. */
  queueWaitMs: number;
}

export const defaultUploadLimits: UploadLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxDecompressedBytes: 50 * 1024 * 1024,
  maxRatio: 100,
  maxEntries: 1000,
  maxRows: 5000,
  maxColumns: 100,
  maxCells: 200_000,
  timeoutMs: 10_000,
  heapMb: 512,
  concurrency: 2,
  queueLength: 4,
  queueWaitMs: 10_000,
};

/** Inflated sizes up to this are accepted whatever the ratio (tiny files compress very well). */
export const RATIO_FLOOR_BYTES = 1024 * 1024;

/** The limits for a configuration (environment values over the defaults). */
export function uploadLimits(config: Partial<Pick<Config, "uploads">>): UploadLimits {
  const u = config.uploads;
  if (!u) return defaultUploadLimits;
  return {
    ...defaultUploadLimits,
    maxBytes: u.maxMb * 1024 * 1024,
    timeoutMs: u.parseTimeoutSeconds * 1000,
    concurrency: u.parseConcurrency,
    heapMb: u.parseHeapMb,
    ...u.overrides,
  };
}

/** "10 MB", "512 KB": a byte count for a Chinese message. */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) {
    const mb = bytes / 1024 / 1024;
    return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  }
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
