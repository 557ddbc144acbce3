/**
 * 导入 (pure part): reads the annex table of a list file — already turned into a grid of cell texts
 * by the server (.xlsx / .docx) — into list items with row-level Chinese errors and warnings.
 * Columns are recognised by meaning (序号, 事项名称 / 处罚事项名称, 事项编码, 情形, 依据, 配套监管措施,
 * 备注), header cells possibly spread over lines or two rows. Nothing is saved here.
 */
import { parseCitations } from "../laws/citations";
import type { LawLibrary } from "../laws/library";
import { softMethodFromLabel, type SoftMethod } from "../measures";
import { parseConditions, type Condition } from "./conditions";
import { listTypes, type ListItem, type ListType } from "./types";

/** The table of a file, with the lines of text before and after it. */
export interface Grid {
  before: string[];
  rows: string[][];
  after: string[];
  /** Structured conditions by 序号 (the xlsx export's second sheet), when present. */
  conditions?: Map<number, unknown>;
}

export interface ImportRow {
  /** Row number in the file's table (1-based, header excluded). */
  row: number;
  seq: number;
  matterName: string;
  errors: string[];
  warnings: string[];
}

export interface ImportPreview {
  ok: boolean;
  title: string;
  type: ListType | null;
  notes: string;
  items: ListItem[];
  rows: ImportRow[];
  /** Errors about the file as a whole (no table, no header …). */
  errors: string[];
  /** Warnings about the file as a whole (e.g. 不予处罚 items that would apply to every situation). */
  warnings: string[];
}

export type Column = "seq" | "matterName" | "matterCode" | "circumstances" | "basis" | "measures" | "remarks";

const norm = (s: string) => s.replace(/[\s\u3000]+/g, "");

function columnOf(header: string): Column | undefined {
  const h = norm(header);
  if (h === "") return undefined;
  if (h === "序号" || h === "编号") return "seq";
  if (/事项名称|违法行为/.test(h)) return "matterName";
  if (/编码/.test(h)) return "matterCode";
  if (/情形/.test(h)) return "circumstances";
  if (/依据/.test(h)) return "basis";
  if (/措施/.test(h)) return "measures";
  if (/备注/.test(h)) return "remarks";
  return undefined;
}

function mapHeader(cells: string[]): Map<Column, number> {
  const map = new Map<Column, number>();
  cells.forEach((c, i) => {
    const col = columnOf(c);
    if (col && !map.has(col)) map.set(col, i);
  });
  return map;
}

export const requiredImportColumns: Column[] = ["matterName", "circumstances", "basis"];
export const importColumnNames: Record<Column, string> = {
  seq: "序号",
  matterName: "事项名称",
  matterCode: "事项编码",
  circumstances: "情形",
  basis: "依据",
  measures: "配套监管措施",
  remarks: "备注",
};

/** The list type a title or header names, if any. */
export function typeFromText(text: string): ListType | undefined {
  const t = norm(text);
  if (/不予(行政)?强制/.test(t)) return "no_compulsion";
  if (/不予(行政)?处罚|免罚|正面清单/.test(t)) return "no_penalty";
  if (/减轻(行政)?处罚/.test(t)) return "mitigated";
  if (/从轻(行政)?处罚/.test(t)) return "lighter";
  if (/从重(行政)?处罚|负面清单/.test(t)) return "heavier";
  return undefined;
}

/** Splits a 配套监管措施 cell into soft methods and 其他 (其他：…) measures; unknown words are errors. */
export function parseMeasures(cell: string): { measures: SoftMethod[]; otherMeasures: string[]; errors: string[] } {
  const measures: SoftMethod[] = [];
  const otherMeasures: string[] = [];
  const errors: string[] = [];
  const parts = cell
    .split(/[\n、，,；;/\s\u3000]+/)
    .map((p) =>
      p
        .replace(/^[0-9０-９]+[.、．]/, "")
        .replace(/[。.]$/, "")
        .trim(),
    )
    .filter((p) => p !== "" && p !== "等");
  for (const raw of parts) {
    const other = /^其他[：:（(](.+?)[）)]?$/.exec(raw);
    if (other) {
      otherMeasures.push(other[1].trim());
      continue;
    }
    const word = raw.replace(/等$/, "");
    const m = softMethodFromLabel(word);
    if (m) {
      if (!measures.includes(m)) measures.push(m);
    } else errors.push(`未知的配套监管措施“${word}”（应为说服教育、劝导示范、行政指导等，或写作“其他：具体措施”）`);
  }
  return { measures, otherMeasures, errors };
}

export function findHeader(rows: string[][]): { index: number; span: number; columns: Map<Column, number> } | undefined {
  for (let i = 0; i < rows.length; i++) {
    const one = mapHeader(rows[i]);
    if (!one.has("matterName")) continue;
    if (requiredImportColumns.every((c) => one.has(c))) return { index: i, span: 1, columns: one };
    // A header spread over two rows (merged cells): join each column's text.
    const next = rows[i + 1];
    if (next) {
      const joined = mapHeader(rows[i].map((c, k) => c + (next[k] ?? "")));
      const secondRow = mapHeader(next);
      const merged = new Map([...secondRow, ...one, ...joined]);
      if (requiredImportColumns.every((c) => merged.has(c))) return { index: i, span: 2, columns: merged };
    }
    return { index: i, span: 1, columns: one };
  }
  return undefined;
}

type CellReader = (row: string[], c: Column) => string;

/** One item row of the annex table: the item, and the row's errors and warnings. */
function parseItemRow(
  r: string[],
  rowNo: number,
  cell: CellReader,
  type: ListType | null,
  ctx: { library: LawLibrary; conditions: Grid["conditions"] },
): { item: ListItem; row: ImportRow } {
  const rowErrors: string[] = [];
  const warnings: string[] = [];
  const seqText = cell(r, "seq");
  let seq = rowNo;
  if (seqText !== "") {
    const n = Number(seqText.replace(/[^\d]/g, ""));
    if (Number.isInteger(n) && n > 0) seq = n;
    else rowErrors.push(`序号“${seqText}”不是正整数`);
  }
  const matterName = cell(r, "matterName").replace(/\s*\n\s*/g, "");
  const circumstances = cell(r, "circumstances").replace(/\s*\n\s*/g, "");
  const basisText = cell(r, "basis");
  if (matterName === "") rowErrors.push("缺少事项名称");
  if (circumstances === "") rowErrors.push("缺少情形");
  const parsed = basisText === "" ? { citations: [], errors: ["缺少依据"] } : parseCitations(basisText, { resolver: ctx.library });
  for (const e of parsed.errors) rowErrors.push(e === "缺少依据" ? e : `依据无法识别：${e}`);
  for (const c of parsed.citations) {
    const res = ctx.library.resolve(c);
    if (!res.ok) rowErrors.push(`依据有误：${res.error}`);
  }
  const m = parseMeasures(cell(r, "measures"));
  rowErrors.push(...m.errors);
  if (m.measures.length === 0 && m.otherMeasures.length === 0 && type !== "heavier") warnings.push("未填写配套监管措施");
  const matterCode = cell(r, "matterCode").toUpperCase();
  let conditions: Condition[] = [];
  const rawConditions = ctx.conditions?.get(seq);
  if (rawConditions !== undefined) {
    const pc = parseConditions(rawConditions, type ? { listType: type } : {});
    if (pc.ok) conditions = pc.conditions;
    else rowErrors.push(...pc.errors.map((e) => `适用条件：${e}`));
  }
  if (type === "no_penalty" && conditions.length === 0) warnings.push(noConditionsWarning);
  const item: ListItem = {
    seq,
    matterName,
    circumstances,
    basis: parsed.citations,
    basisText,
    measures: m.measures,
    otherMeasures: m.otherMeasures,
    conditions,
  };
  if (matterCode) item.matterCode = matterCode;
  const remarks = cell(r, "remarks");
  if (remarks) item.remarks = remarks;
  return { item, row: { row: rowNo, seq, matterName, errors: rowErrors, warnings } };
}

/** Reads the annex table of a grid into list items and row-level errors. */
export function parseGrid(grid: Grid, options: { library: LawLibrary; type?: ListType }): ImportPreview {
  const errors: string[] = [];
  const header = findHeader(grid.rows);
  const titleLine =
    [...grid.before, ...(header ? grid.rows.slice(0, header.index).map((r) => r.filter(Boolean).join(" ")) : [])]
      .map((l) => l.trim())
      .find((l) => /清单/.test(l) && !/^单位[：:]/.test(l)) ?? "";
  const headerText = header
    ? grid.rows
        .slice(header.index, header.index + header.span)
        .flat()
        .join(" ")
    : "";
  const type = options.type ?? typeFromText(titleLine) ?? typeFromText(headerText) ?? null;
  const empty: ImportPreview = { ok: false, title: norm(titleLine), type, notes: "", items: [], rows: [], errors, warnings: [] };
  if (!header) {
    // No row names a 事项名称 column: name what the first row of the table holds instead.
    const first = grid.rows.find((r) => r.some((c) => c.trim() !== ""));
    if (!first) {
      errors.push("未找到清单表格：表头应包含“序号”“事项名称”“情形”“依据”“配套监管措施”等列");
      return empty;
    }
    errors.push(...headerErrors(first, mapHeader(first)));
    return empty;
  }
  errors.push(
    ...headerErrors(
      grid.rows.slice(header.index, header.index + header.span).reduce(
        (a, r) => a.map((c, k) => c + (r[k] ?? "")),
        grid.rows[header.index].map(() => ""),
      ),
      header.columns,
    ),
  );
  if (errors.length) return empty;

  const cell: CellReader = (row, c) => {
    const i = header.columns.get(c);
    return i === undefined ? "" : (row[i] ?? "").trim();
  };
  const items: ListItem[] = [];
  const rows: ImportRow[] = [];
  const noteLines: string[] = [];
  const body = grid.rows.slice(header.index + header.span);
  let inNotes = false;
  let rowNo = 0;
  for (const r of body) {
    const joined = r.map((c) => c.trim()).filter(Boolean);
    if (joined.length === 0) continue;
    const first = joined[0];
    if (inNotes || /^说明[：:]?/.test(first)) {
      inNotes = true;
      noteLines.push(...new Set(joined));
      continue;
    }
    // A row spanning the table ("本系统不存在不予行政强制事项") is a note, not an item.
    if (new Set(joined).size === 1 && !cell(r, "circumstances") && !/^\d+$/.test(first)) {
      noteLines.push(first);
      continue;
    }
    rowNo += 1;
    const parsedRow = parseItemRow(r, rowNo, cell, type, { library: options.library, conditions: grid.conditions });
    items.push(parsedRow.item);
    rows.push(parsedRow.row);
  }
  const seqs = new Map<number, number>();
  for (const r of rows) {
    const earlier = seqs.get(r.seq);
    if (earlier !== undefined) r.errors.push(`序号${r.seq}与第${earlier}行重复`);
    else seqs.set(r.seq, r.row);
  }
  noteLines.push(...grid.after.filter((l) => l.trim() !== ""));
  const notes = noteLines
    .map((l) => l.trim().replace(/^说明[：:]\s*/, ""))
    .filter((l) => l !== "")
    .join("\n");
  if (!type) errors.push(`无法从标题判断清单类型，请选择清单类型（${listTypes.join("、")}）`);
  if (items.length === 0 && type !== "no_compulsion") errors.push("表格中没有事项");
  const ok = errors.length === 0 && rows.every((r) => r.errors.length === 0);
  const fileWarnings: string[] = [];
  const unconditioned = rows.filter((r) => r.warnings.includes(noConditionsWarning));
  if (unconditioned.length > 0) {
    fileWarnings.push(
      `${unconditioned.length}个不予处罚事项没有适用条件（第${unconditioned.map((r) => r.row).join("、")}行）：` +
        "导入后这些事项将适用于所有情形。Word 文件不带结构化的适用条件，请导入后逐项设置，或改用本系统导出的 Excel 文件导入",
    );
  }
  return { ok, title: norm(titleLine), type, notes, items, rows, errors, warnings: fileWarnings };
}

/** The row warning of a 不予处罚 item imported without conditions. */
export const noConditionsWarning = "未设置适用条件：导入后本事项将适用于所有情形，请导入后设置适用条件";

/**
 * What is wrong with a header row, exactly: each required column it lacks, and each column whose
 * heading is not one of the annex columns (named as written in the file).
 */
export function headerErrors(cells: readonly string[], columns: Map<Column, number>): string[] {
  const out: string[] = [];
  for (const c of requiredImportColumns) if (!columns.has(c)) out.push(`表头缺少“${importColumnNames[c]}”列`);
  if (out.length === 0) return out;
  const unknown = cells.map((c) => c.replace(/\s+/g, "").trim()).filter((c) => c !== "" && columnOf(c) === undefined);
  if (unknown.length > 0) {
    const expected = Object.values(importColumnNames)
      .map((n) => `“${n}”`)
      .join("");
    out.push(`表头中的${unknown.map((c) => `“${c}”`).join("")}列无法识别（应为${expected}等列）`);
  }
  return out;
}
