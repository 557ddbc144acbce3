/**
 * Counts what a worksheet's XML holds before ExcelJS builds its model of it: rows (the highest row
 * number), columns (the highest column, A1 … XFD), cells and merged ranges. A scan of the text,
 * linear in its length; a sheet over a limit is refused before it costs anything.
 */
import { AppError } from "../http/errors";
import type { UploadLimits } from "./limits";

export type GridLimits = Pick<UploadLimits, "maxRows" | "maxColumns" | "maxCells">;

/** Column letters (A … XFD) as a number (1 … 16384). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Column number as letters (for messages). */
export function columnLetters(n: number): string {
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function tooManyRows(rows: number, limits: GridLimits, where = "表格"): AppError {
  return new AppError("rule_violation", `${where}行数过多：用到第 ${rows} 行，超过上限 ${limits.maxRows} 行，未导入`, [
    { field: "contentBase64", message: `超过 ${limits.maxRows} 行` },
  ]);
}

export function tooManyColumns(columns: number, limits: GridLimits, where = "表格"): AppError {
  return new AppError(
    "rule_violation",
    `${where}列数过多：用到第 ${columns} 列（${columnLetters(columns)} 列），超过上限 ${limits.maxColumns} 列，未导入`,
    [{ field: "contentBase64", message: `超过 ${limits.maxColumns} 列` }],
  );
}

export function tooManyCells(cells: number, limits: GridLimits, where = "表格"): AppError {
  return new AppError("rule_violation", `${where}单元格过多：共 ${cells} 个，超过上限 ${limits.maxCells} 个，未导入`, [
    { field: "contentBase64", message: `超过 ${limits.maxCells} 个单元格` },
  ]);
}

const attr = (attrs: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];

export interface SheetCounts {
  rows: number;
  columns: number;
  cells: number;
}

/**
 * Scans one worksheet XML; throws the Chinese limit error as soon as a limit is passed.
 * `cellsBefore` counts the cells of the sheets already scanned (the cell limit is for the workbook).
 */
export function scanSheet(xml: string, limits: GridLimits, cellsBefore = 0): SheetCounts {
  let rows = 0;
  let columns = 0;
  let cells = cellsBefore;
  let rowNo = 0;
  let colNo = 0;
  const token = /<(?:[A-Za-z_][\w.-]*:)?(row|c|mergeCell)\b([^>]*)>/g;
  for (let m = token.exec(xml); m; m = token.exec(xml)) {
    const [, tag, attrs] = m;
    if (tag === "row") {
      const r = Number(attr(attrs, "r") ?? rowNo + 1);
      rowNo = Number.isFinite(r) && r > 0 ? r : rowNo + 1;
      colNo = 0;
      if (rowNo > rows) rows = rowNo;
      if (rows > limits.maxRows) throw tooManyRows(rows, limits);
    } else if (tag === "c") {
      const ref = attr(attrs, "r");
      const parts = ref ? /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref) : null;
      colNo = parts ? columnNumber(parts[1]) : colNo + 1;
      if (parts) {
        const r = Number(parts[2]);
        if (r > rows) rows = r;
        if (rows > limits.maxRows) throw tooManyRows(rows, limits);
      }
      if (colNo > columns) columns = colNo;
      if (columns > limits.maxColumns) throw tooManyColumns(columns, limits);
      cells += 1;
      if (cells > limits.maxCells) throw tooManyCells(cells, limits);
    } else {
      const ref = attr(attrs, "ref") ?? "";
      for (const part of ref.split(":")) {
        const p = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(part);
        if (!p) continue;
        const c = columnNumber(p[1]);
        const r = Number(p[2]);
        if (c > limits.maxColumns) throw tooManyColumns(c, limits);
        if (r > limits.maxRows) throw tooManyRows(r, limits);
      }
    }
  }
  return { rows, columns, cells: cells - cellsBefore };
}
