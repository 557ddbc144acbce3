/**
 * The pure part of the object-pool import from .xlsx: the caller reads the sheet (header row and
 * data rows as cell values); this maps and validates every row, and reports row errors in Chinese.
 * Duplicates by 统一社会信用代码 are reported (the later row is an error naming the earlier one),
 * never dropped silently; a unit already in the pool is an update, listed as such for the preview.
 */
import { industries, industryLabels, validateUnit, type InspectedUnit } from "./units";

/** The columns of the template, by the header a user sees (aliases accepted). */
const columns: { key: keyof RawUnit; headers: string[]; required: boolean }[] = [
  { key: "creditCode", headers: ["统一社会信用代码", "信用代码", "社会信用代码"], required: true },
  { key: "name", headers: ["单位名称", "企业名称", "名称"], required: true },
  { key: "address", headers: ["地址", "单位地址", "经营地址", "生产经营地址"], required: false },
  { key: "regionCode", headers: ["行政区划代码", "区划代码", "行政区划"], required: true },
  { key: "industry", headers: ["行业", "行业领域", "行业类别"], required: true },
  { key: "riskLevel", headers: ["风险等级", "安全风险等级"], required: true },
  { key: "keyUnit", headers: ["重点单位", "是否重点单位", "重点监管单位"], required: false },
  { key: "contactName", headers: ["联系人"], required: false },
  { key: "contactPhone", headers: ["联系电话", "电话"], required: false },
];

/** The template's header row, in order. */
export const unitImportHeaders: readonly string[] = columns.map((c) => c.headers[0]);

interface RawUnit {
  creditCode: string;
  name: string;
  address: string;
  regionCode: string;
  industry: string;
  riskLevel: string;
  keyUnit: string;
  contactName: string;
  contactPhone: string;
}

export interface ImportRowError {
  /** The spreadsheet row number (the header is row 1). */
  row: number;
  /** The column header, when the error is about one cell. */
  column?: string;
  message: string;
}

export interface UnitImportResult {
  /** Valid rows in order: new units and updates of units already in the pool. */
  units: { row: number; unit: InspectedUnit; action: "create" | "update" }[];
  errors: ImportRowError[];
  /** Rows that were wholly empty (skipped without error). */
  emptyRows: number;
}

export type UnitImportOutcome = { ok: true; result: UnitImportResult } | { ok: false; error: string };

function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : String(v);
  if (typeof v === "boolean") return v ? "是" : "否";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

function parseYesNo(text: string): boolean | undefined {
  const t = text.trim();
  if (t === "" || ["否", "不是", "非", "N", "n", "no", "false", "0"].includes(t)) return false;
  if (["是", "Y", "y", "yes", "true", "1", "重点", "√"].includes(t)) return true;
  return undefined;
}

/**
 * Maps a sheet to units. `header` is the first row; `rows` the data rows (row 2 onwards).
 * `existingCreditCodes`: the codes already in the pool (their rows become updates).
 * Returns an error when the header lacks a required column or the sheet is too large.
 */
export function mapUnitRows(
  header: readonly unknown[],
  rows: readonly (readonly unknown[])[],
  options: { existingCreditCodes?: ReadonlySet<string>; maxRows?: number } = {},
): UnitImportOutcome {
  const maxRows = options.maxRows ?? 10_000;
  if (rows.length > maxRows) return { ok: false, error: `一次最多导入${maxRows}行，本表有${rows.length}行，请分批导入` };
  const headerText = header.map(cellText);
  const index = new Map<keyof RawUnit, number>();
  const missing: string[] = [];
  for (const c of columns) {
    const at = headerText.findIndex((h) => c.headers.includes(h.replace(/[\s\u3000*＊]/g, "")));
    if (at >= 0) index.set(c.key, at);
    else if (c.required) missing.push(c.headers[0]);
  }
  if (missing.length > 0) return { ok: false, error: `表头缺少必填列：${missing.join("、")}（请使用导入模板）` };

  const result: UnitImportResult = { units: [], errors: [], emptyRows: 0 };
  const seen = new Map<string, number>();
  rows.forEach((cells, i) => {
    const row = i + 2;
    const raw = {} as RawUnit;
    for (const c of columns) raw[c.key] = index.has(c.key) ? cellText(cells[index.get(c.key)!]) : "";
    if (Object.values(raw).every((v) => v === "")) {
      result.emptyRows++;
      return;
    }
    const rowErrors: ImportRowError[] = [];
    const keyUnit = parseYesNo(raw.keyUnit);
    if (keyUnit === undefined) rowErrors.push({ row, column: "重点单位", message: `“${raw.keyUnit}”无法识别，请填写“是”或“否”` });
    const checked = validateUnit({ ...raw, keyUnit: keyUnit === true });
    if (!checked.ok) {
      for (const p of checked.problems) {
        const column = columns.find((c) => c.key === p.field)?.headers[0];
        rowErrors.push({ row, ...(column ? { column } : {}), message: p.message });
      }
    }
    if (rowErrors.length > 0 || !checked.ok) {
      result.errors.push(...rowErrors);
      return;
    }
    const code = checked.unit.creditCode;
    const earlier = seen.get(code);
    if (earlier !== undefined) {
      result.errors.push({ row, column: "统一社会信用代码", message: `统一社会信用代码${code}与第${earlier}行重复，同一单位只能导入一次` });
      return;
    }
    seen.set(code, row);
    result.units.push({ row, unit: checked.unit, action: options.existingCreditCodes?.has(code) ? "update" : "create" });
  });
  return { ok: true, result };
}

/** The help text of the 行业 column: every accepted value. */
export const industryColumnHelp = `可填写：${industries.map((i) => industryLabels[i]).join("、")}`;
