/**
 * 导入: reads a list from an .xlsx or .docx whose table has the annex columns (序号, 事项名称 /
 * 处罚事项名称, 事项编码 (optional), 情形, 依据, 配套监管措施, 备注), header cells possibly spread
 * over lines or two rows. Returns a preview with row-level Chinese errors; nothing is saved here.
 */
import ExcelJS from "exceljs";
import { parseCitations, type LawLibrary } from "@kuanyan/domain/laws";
import { isListType, listTypes, parseConditions, type Condition, type ListItem, type ListType } from "@kuanyan/domain/lists";
import { softMethodFromLabel, type SoftMethod } from "@kuanyan/domain/measures";
import { AppError } from "../http/errors";
import { defaultUploadLimits, type UploadLimits } from "../uploads/limits";
import { scanSheet, tooManyCells, tooManyColumns, tooManyRows, type GridLimits } from "../uploads/sheetScan";
import { readZip } from "../uploads/zip";

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
}

type Column = "seq" | "matterName" | "matterCode" | "circumstances" | "basis" | "measures" | "remarks";

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

const required: Column[] = ["matterName", "circumstances", "basis"];
const columnNames: Record<Column, string> = {
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
    .split(/[\n、，,；;\/\s\u3000]+/)
    .map((p) => p.replace(/^[0-9０-９]+[.、．]/, "").replace(/[。.]$/, "").trim())
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

function findHeader(rows: string[][]): { index: number; span: number; columns: Map<Column, number> } | undefined {
  for (let i = 0; i < rows.length; i++) {
    const one = mapHeader(rows[i]);
    if (!one.has("matterName")) continue;
    if (required.every((c) => one.has(c))) return { index: i, span: 1, columns: one };
    // A header spread over two rows (merged cells): join each column's text.
    const next = rows[i + 1];
    if (next) {
      const joined = mapHeader(rows[i].map((c, k) => c + (next[k] ?? "")));
      const secondRow = mapHeader(next);
      const merged = new Map([...secondRow, ...one, ...joined]);
      if (required.every((c) => merged.has(c))) return { index: i, span: 2, columns: merged };
    }
    return { index: i, span: 1, columns: one };
  }
  return undefined;
}

/** Reads the annex table of a grid into list items and row-level errors. */
export function parseGrid(grid: Grid, options: { library: LawLibrary; type?: ListType }): ImportPreview {
  const errors: string[] = [];
  const header = findHeader(grid.rows);
  const titleLine = [...grid.before, ...(header ? grid.rows.slice(0, header.index).map((r) => r.filter(Boolean).join(" ")) : [])]
    .map((l) => l.trim())
    .find((l) => /清单/.test(l) && !/^单位[：:]/.test(l)) ?? "";
  const headerText = header ? grid.rows.slice(header.index, header.index + header.span).flat().join(" ") : "";
  const type = options.type ?? typeFromText(titleLine) ?? typeFromText(headerText) ?? null;
  const empty: ImportPreview = { ok: false, title: norm(titleLine), type, notes: "", items: [], rows: [], errors };
  if (!header) {
    errors.push("未找到清单表格：表头应包含“序号”“事项名称”“情形”“依据”“配套监管措施”等列");
    return empty;
  }
  for (const c of required) if (!header.columns.has(c)) errors.push(`表头缺少“${columnNames[c]}”列`);
  if (errors.length) return empty;

  const cell = (row: string[], c: Column) => {
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
    const parsed = basisText === "" ? { citations: [], errors: ["缺少依据"] } : parseCitations(basisText, { resolver: options.library });
    for (const e of parsed.errors) rowErrors.push(e === "缺少依据" ? e : `依据无法识别：${e}`);
    for (const c of parsed.citations) {
      const res = options.library.resolve(c);
      if (!res.ok) rowErrors.push(`依据有误：${res.error}`);
    }
    const m = parseMeasures(cell(r, "measures"));
    rowErrors.push(...m.errors);
    if (m.measures.length === 0 && m.otherMeasures.length === 0 && type !== "heavier") warnings.push("未填写配套监管措施");
    const matterCode = cell(r, "matterCode").toUpperCase();
    let conditions: Condition[] = [];
    const rawConditions = grid.conditions?.get(seq);
    if (rawConditions !== undefined) {
      const pc = parseConditions(rawConditions, type ? { listType: type } : {});
      if (pc.ok) conditions = pc.conditions;
      else rowErrors.push(...pc.errors.map((e) => `适用条件：${e}`));
    }
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
    items.push(item);
    rows.push({ row: rowNo, seq, matterName, errors: rowErrors, warnings });
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
  return { ok, title: norm(titleLine), type, notes, items, rows, errors };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((t) => t.text).join("");
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if (value instanceof Date) return value.toISOString().slice(0, 10);
  }
  return String(value);
}

/**
 * The first worksheet as a grid (merged cells give their text once), plus the conditions sheet if
 * present. The zip is inflated within the limits and every sheet's rows, columns and cells counted
 * before ExcelJS reads it; the column count is computed once (it used to be recomputed per cell,
 * over every row: A1 + XFD1 froze the server).
 */
export async function xlsxGrid(buffer: Buffer, limits: UploadLimits = defaultUploadLimits): Promise<Grid> {
  const entries = readZip(buffer, limits, { what: "Excel（.xlsx）" });
  let cells = 0;
  for (const [name, data] of entries) {
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) cells += scanSheet(data.toString("utf8"), limits, cells).cells;
  }
  entries.clear();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError("validation_failed", "文件无法读取：不是有效的 Excel（.xlsx）文件");
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError("validation_failed", "Excel 文件中没有工作表");
  const columnCount = ws.columnCount;
  if (ws.rowCount > limits.maxRows) throw tooManyRows(ws.rowCount, limits);
  if (columnCount > limits.maxColumns) throw tooManyColumns(columnCount, limits);
  const rows: string[][] = [];
  let gridCells = 0;
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const width = Math.max(columnCount, row.cellCount);
    if (width > limits.maxColumns) throw tooManyColumns(width, limits);
    gridCells += width;
    if (gridCells > limits.maxCells) throw tooManyCells(gridCells, limits);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.findCell(c);
      cells.push(!cell || (cell.isMerged && cell.master.address !== cell.address) ? "" : cellText(cell.value));
    }
    rows[rowNumber - 1] = cells;
  });
  const grid: Grid = { before: [], rows: Array.from(rows, (r) => r ?? []), after: [] };
  const cs = wb.worksheets.find((w) => w.name === CONDITIONS_SHEET);
  if (cs) {
    grid.conditions = new Map();
    cs.eachRow((row, n) => {
      if (n === 1) return;
      const seq = Number(cellText(row.getCell(1).value));
      const json = cellText(row.getCell(2).value);
      if (!Number.isInteger(seq) || json.trim() === "") return;
      try {
        grid.conditions!.set(seq, JSON.parse(json));
      } catch {
        grid.conditions!.set(seq, [{ kind: "无法读取的条件" }]);
      }
    });
  }
  return grid;
}

export const CONDITIONS_SHEET = "适用条件";

function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, "&");
}

function paragraphTexts(xml: string): string[] {
  const out: string[] = [];
  for (const p of xml.match(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g) ?? []) {
    const text = (p.match(/<w:t(?: [^>]*)?>[\s\S]*?<\/w:t>|<w:br\/>|<w:tab\/>/g) ?? [])
      .map((t) => (t === "<w:br/>" ? "\n" : t === "<w:tab/>" ? " " : decodeXml(t.replace(/<[^>]+>/g, ""))))
      .join("");
    out.push(text);
  }
  return out;
}

/** The rows of a Word table (a cell spanning columns gives its text once), within the limits. */
function tableRows(tbl: string, limits: GridLimits): string[][] {
  const trs = tbl.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? [];
  if (trs.length > limits.maxRows) throw tooManyRows(trs.length, limits, "Word 表格");
  let cells = 0;
  return trs.map((tr) => {
    const out: string[] = [];
    for (const tc of tr.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []) {
      const span = Number(/<w:gridSpan w:val="(\d+)"/.exec(tc)?.[1] ?? 1);
      if (out.length + span > limits.maxColumns) throw tooManyColumns(out.length + span, limits, "Word 表格");
      cells += span;
      if (cells > limits.maxCells) throw tooManyCells(cells, limits, "Word 表格");
      const continued = /<w:vMerge\/>|<w:vMerge w:val="continue"\/>/.test(tc);
      out.push(continued ? "" : paragraphTexts(tc).join("\n"), ...Array<string>(Math.max(0, span - 1)).fill(""));
    }
    return out;
  });
}

/** The first table of word/document.xml that has an annex header, with the paragraphs around it. */
export async function docxGrid(buffer: Buffer, limits: UploadLimits = defaultUploadLimits): Promise<Grid> {
  const doc = readZip(buffer, limits, { what: "Word（.docx）", wanted: (n) => n === "word/document.xml" }).get("word/document.xml");
  if (!doc) throw new AppError("validation_failed", "文件无法读取：不是有效的 Word（.docx）文件（缺少 word/document.xml）");
  const xml = doc.toString("utf8");
  const body = xml.slice(xml.indexOf("<w:body"), xml.lastIndexOf("</w:body>"));
  const tables = [...body.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)];
  const parse = (tbl: string) => tableRows(tbl, limits);
  for (const t of tables) {
    const rows = parse(t[0]);
    if (!findHeader(rows)) continue;
    const start = t.index!;
    const end = start + t[0].length;
    const outside = (s: string) => paragraphTexts(s.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, ""));
    return { before: outside(body.slice(0, start)), rows, after: outside(body.slice(end)) };
  }
  return { before: paragraphTexts(body), rows: [], after: [] };
}

/** Reads an uploaded file (by name: .xlsx or .docx) into a preview. */
export async function previewImport(
  file: { fileName: string; content: Buffer },
  options: { library: LawLibrary; type?: string; limits?: UploadLimits },
): Promise<ImportPreview> {
  const name = file.fileName.toLowerCase();
  let grid: Grid;
  if (name.endsWith(".xlsx")) grid = await xlsxGrid(file.content, options.limits);
  else if (name.endsWith(".docx")) grid = await docxGrid(file.content, options.limits);
  else throw new AppError("unsupported_media_type", "只支持导入 .xlsx 或 .docx 文件（旧版 .xls/.doc 请先另存为新格式）");
  return parseGrid(grid, { library: options.library, ...(isListType(options.type) ? { type: options.type } : {}) });
}
