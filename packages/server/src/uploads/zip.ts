/**
 * A bounded zip reader for .xlsx/.docx uploads. It reads the central directory the way JSZip
 * (used by ExcelJS) does, refuses what it cannot vouch for (zip64, encryption, bytes before the
 * archive, unknown methods), checks the declared sizes against the limits before inflating, and
 * inflates each entry with zlib's maxOutputLength so that an entry that inflates to more than it
 * declares is stopped while inflating, not after.
 */
import zlib from "node:zlib";
import { AppError } from "../http/errors";
import { RATIO_FLOOR_BYTES, sizeText, type UploadLimits } from "./limits";

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  dataOffset: number;
}

const DEFAULT_WHAT = "Office（.xlsx/.docx）";
const EOCD = 0x06054b50;
const CEN = 0x02014b50;
const LOC = 0x04034b50;
const ZIP64_LOCATOR = 0x07064b50;

export type ZipLimits = Pick<UploadLimits, "maxDecompressedBytes" | "maxRatio" | "maxEntries">;

/** What "not a valid file" says for the kind of file expected (Excel / Word). */
function broken(what: string, detail: string): AppError {
  return new AppError("validation_failed", `文件无法读取：不是有效的 ${what}文件（${detail}）`);
}

/** The inflated-size budget of a file: the smaller of the size limit and ratio × its bytes (at least 1 MiB). */
export function inflateBudget(fileBytes: number, limits: ZipLimits): { bytes: number; byRatio: boolean } {
  const byRatio = Math.max(RATIO_FLOOR_BYTES, fileBytes * limits.maxRatio);
  return byRatio < limits.maxDecompressedBytes ? { bytes: byRatio, byRatio: true } : { bytes: limits.maxDecompressedBytes, byRatio: false };
}

function overBudget(total: number, fileBytes: number, limits: ZipLimits): AppError {
  const budget = inflateBudget(fileBytes, limits);
  if (budget.byRatio) {
    const ratio = Math.round(total / Math.max(1, fileBytes));
    return new AppError(
      "payload_too_large",
      `文件解压后过大：解压后至少是原文件的 ${ratio} 倍，超过压缩比上限 ${limits.maxRatio} 倍（疑似“压缩炸弹”），已停止读取`,
      [{ field: "contentBase64", message: `压缩比超过上限 ${limits.maxRatio} 倍` }],
    );
  }
  return new AppError(
    "payload_too_large",
    `文件解压后过大：解压后至少 ${sizeText(total)}，超过解压后大小上限 ${sizeText(limits.maxDecompressedBytes)}，已停止读取`,
    [{ field: "contentBase64", message: `解压后超过 ${sizeText(limits.maxDecompressedBytes)}` }],
  );
}

/** Where the central directory is (end of central directory record), checked. */
interface CentralDirectory {
  eocd: number;
  count: number;
  cdOffset: number;
}

function findCentralDirectory(buf: Buffer, limits: ZipLimits, what: string): CentralDirectory {
  if (buf.length < 22 || buf.readUInt32LE(0) !== LOC) throw broken(what, "不是 zip 格式");
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw broken(what, "缺少 zip 目录");
  if (eocd >= 20 && buf.readUInt32LE(eocd - 20) === ZIP64_LOCATOR) throw broken(what, "不支持 zip64 格式");
  const disk = buf.readUInt16LE(eocd + 4);
  const cdDisk = buf.readUInt16LE(eocd + 6);
  const entriesHere = buf.readUInt16LE(eocd + 8);
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (disk !== 0 || cdDisk !== 0 || entriesHere !== count) throw broken(what, "不支持分卷压缩");
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw broken(what, "不支持 zip64 格式");
  if (cdOffset + cdSize !== eocd) throw broken(what, "zip 目录位置不符");
  if (count > limits.maxEntries) {
    throw new AppError("payload_too_large", `文件内含 ${count} 个压缩条目，超过上限 ${limits.maxEntries} 个，已拒绝`, [
      { field: "contentBase64", message: `压缩条目超过 ${limits.maxEntries} 个` },
    ]);
  }
  return { eocd, count, cdOffset };
}

/** The central directory entry at p (its name not yet cleaned) and where the next one starts. */
function readDirectoryEntry(buf: Buffer, p: number, dir: CentralDirectory, what: string): { entry: ZipEntry; end: number } {
  const { eocd, cdOffset } = dir;
  if (p + 46 > eocd || buf.readUInt32LE(p) !== CEN) throw broken(what, "zip 目录已损坏");
  const flags = buf.readUInt16LE(p + 8);
  const method = buf.readUInt16LE(p + 10);
  const compressedSize = buf.readUInt32LE(p + 20);
  const size = buf.readUInt32LE(p + 24);
  const nameLen = buf.readUInt16LE(p + 28);
  const extraLen = buf.readUInt16LE(p + 30);
  const commentLen = buf.readUInt16LE(p + 32);
  const localOffset = buf.readUInt32LE(p + 42);
  const end = p + 46 + nameLen + extraLen + commentLen;
  if (end > eocd) throw broken(what, "zip 目录已损坏");
  const name = buf.subarray(p + 46, p + 46 + nameLen).toString(flags & 0x800 ? "utf8" : "latin1");
  if (flags & 0x1) throw broken(what, "文件已加密");
  if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) throw broken(what, "不支持 zip64 格式");
  if (method !== 0 && method !== 8) throw broken(what, `不支持的压缩方式 ${method}`);
  if (localOffset + 30 > cdOffset || buf.readUInt32LE(localOffset) !== LOC) throw broken(what, "zip 条目已损坏");
  const dataOffset = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
  if (dataOffset + compressedSize > cdOffset) throw broken(what, "zip 条目已损坏");
  if (method === 0 && size !== compressedSize) throw broken(what, "zip 条目大小不符");
  return { entry: { name, method, compressedSize, size, dataOffset }, end };
}

/** The entries of the central directory, checked; nothing is inflated. */
export function listZip(buf: Buffer, limits: ZipLimits, what = DEFAULT_WHAT): ZipEntry[] {
  const dir = findCentralDirectory(buf, limits, what);
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let p = dir.cdOffset;
  let declared = 0;
  const budget = inflateBudget(buf.length, limits);
  for (let n = 0; n < dir.count; n++) {
    const { entry, end } = readDirectoryEntry(buf, p, dir, what);
    p = end;
    declared += entry.size;
    if (declared > budget.bytes) throw overBudget(declared, buf.length, limits);
    const clean = entry.name.replace(/^\//, "");
    if (names.has(clean)) throw broken(what, `条目 ${clean} 重复`);
    names.add(clean);
    entries.push({ ...entry, name: clean });
  }
  return entries;
}

/**
 * Inflates one entry: never more than it declares (zlib stops at maxOutputLength while inflating),
 * and exactly what it declares.
 */
export function inflateEntry(buf: Buffer, entry: ZipEntry, what = DEFAULT_WHAT): Buffer {
  const raw = buf.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) return raw;
  let out: Buffer;
  try {
    out = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.size) });
  } catch (err) {
    if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw broken(what, `条目 ${entry.name} 解压后大于其声明的大小`);
    throw broken(what, `条目 ${entry.name} 无法解压`);
  }
  if (out.length !== entry.size) throw broken(what, `条目 ${entry.name} 解压后大小与声明不符`);
  return out;
}

/**
 * Inflates the entries `wanted` selects (all by default) within the limits and returns them by name.
 * Every entry's inflated size is bounded by what it declares, and the declared sizes by the limits,
 * so the whole never exceeds the budget.
 */
export function readZip(buf: Buffer, limits: ZipLimits, options: { what?: string; wanted?: (name: string) => boolean } = {}): Map<string, Buffer> {
  const what = options.what ?? DEFAULT_WHAT;
  const out = new Map<string, Buffer>();
  for (const e of listZip(buf, limits, what)) {
    if (e.name.endsWith("/")) continue;
    if (options.wanted && !options.wanted(e.name)) continue;
    out.set(e.name, inflateEntry(buf, e, what));
  }
  return out;
}
