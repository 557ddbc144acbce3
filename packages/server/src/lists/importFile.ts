/**
 * 导入: reads an .xlsx or .docx into a grid of cell texts (within the upload limits) and lets the
 * domain (`@kuanyan/domain/lists` import.ts) read the annex table from it. Returns a preview with
 * row-level Chinese errors and warnings; nothing is saved here.
 */
import ExcelJS from "exceljs";
import type { LawLibrary } from "@kuanyan/domain/laws";
import { findHeader, isListType, parseGrid, type Grid, type ImportPreview } from "@kuanyan/domain/lists";
import { AppError } from "../http/errors";
import { defaultUploadLimits, type UploadLimits } from "../uploads/limits";
import { scanSheet, tooManyCells, tooManyColumns, tooManyRows, type GridLimits } from "../uploads/sheetScan";
import { readZip } from "../uploads/zip";

export { parseGrid, parseMeasures, typeFromText, type Grid, type ImportPreview, type ImportRow } from "@kuanyan/domain/lists";

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
  // No table has an annex header: hand on the first table so the preview can name its wrong columns.
  if (tables.length > 0) {
    const start = tables[0].index!;
    const outside = (s: string) => paragraphTexts(s.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, ""));
    return { before: outside(body.slice(0, start)), rows: parse(tables[0][0]), after: outside(body.slice(start + tables[0][0].length)) };
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
