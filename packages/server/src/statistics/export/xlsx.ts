/**
 * The 柔性执法统计报表 as an .xlsx workbook laid out as the seed form, printable on one A4 landscape page.
 * Rows: 1 title · 2 header fields · 3 column headers · 4 numbers · 5 填表说明： · 6… the notes.
 * No formulas: every cell holds its value, so any reader shows the numbers.
 */
import ExcelJS from "exceljs";
import { cellValues, columnHeaders, formNotes, formNotesHeading, formTitle, headerFields, type StatisticsFormExportInput } from "./form-layout";

/** Font of the printed form (the usual government form faces; readers substitute if missing). */
export const xlsxBodyFont = "仿宋";
export const xlsxTitleFont = "宋体";

export const xlsxSheetName = "柔性执法统计报表";

/** Row numbers of the layout, for readers and tests. */
export const xlsxRows = { title: 1, header: 2, columns: 3, values: 4, notesHeading: 5, firstNote: 6 } as const;

const columnCount = columnHeaders.length; // 15 → A…O
const thin = { style: "thin" as const, color: { argb: "FF000000" } };
const box = { top: thin, left: thin, bottom: thin, right: thin };

/**
 * The header as the seed prints it in its narrow columns, two characters a line and the unit last:
 * "不予\n行政\n处罚\n（件）". Without the line breaks the text is the seed's "不予行政处罚（件）".
 */
export function stackedHeader(label: string, unit: string): string {
  const lines: string[] = [];
  for (let i = 0; i < label.length; i += 2) lines.push(label.slice(i, i + 2));
  lines.push(`（${unit}）`);
  return lines.join("\n");
}

function colLetter(n: number): string {
  return String.fromCharCode("A".charCodeAt(0) + n - 1);
}

export async function exportFormXlsx(input: StatisticsFormExportInput): Promise<Buffer> {
  const title = formTitle(input);
  const fields = headerFields(input);
  const values = cellValues(input);
  const last = colLetter(columnCount);

  const workbook = new ExcelJS.Workbook();
  workbook.creator = "宽严 Kuanyan";
  workbook.title = title;
  const sheet = workbook.addWorksheet(xlsxSheetName, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  sheet.columns = columnHeaders.map(() => ({ width: 9.5 }));

  const body = { name: xlsxBodyFont, size: 11 };

  // 1 · title, merged and centred.
  sheet.mergeCells(`A${xlsxRows.title}:${last}${xlsxRows.title}`);
  const titleCell = sheet.getCell(`A${xlsxRows.title}`);
  titleCell.value = title;
  titleCell.font = { name: xlsxTitleFont, size: 20, bold: true };
  titleCell.alignment = { horizontal: "center", vertical: "middle" };
  sheet.getRow(xlsxRows.title).height = 42;

  // 2 · 填报单位： (A–F) 填报时间： (G–J) 联系电话： (K–O).
  const spans: [number, number][] = [
    [1, 6],
    [7, 10],
    [11, columnCount],
  ];
  spans.forEach(([from, to], i) => {
    sheet.mergeCells(`${colLetter(from)}${xlsxRows.header}:${colLetter(to)}${xlsxRows.header}`);
    const cell = sheet.getCell(`${colLetter(from)}${xlsxRows.header}`);
    cell.value = fields[i];
    cell.font = body;
    cell.alignment = { horizontal: "left", vertical: "middle" };
  });
  sheet.getRow(xlsxRows.header).height = 26;

  // 3 · the 15 column headers, label over unit as in the seed; 4 · the numbers.
  const headerRow = sheet.getRow(xlsxRows.columns);
  const valueRow = sheet.getRow(xlsxRows.values);
  columnHeaders.forEach((h, i) => {
    const head = headerRow.getCell(i + 1);
    head.value = stackedHeader(h.label, h.unit);
    head.font = { ...body, bold: true };
    head.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    head.border = box;
    const cell = valueRow.getCell(i + 1);
    cell.value = values[i];
    cell.numFmt = "0";
    cell.font = { ...body, size: 12 };
    cell.alignment = { horizontal: "center", vertical: "middle" };
    cell.border = box;
  });
  headerRow.height = 72;
  valueRow.height = 36;

  // 5… · 填表说明.
  const noteLines = [formNotesHeading, ...formNotes];
  noteLines.forEach((text, i) => {
    const r = xlsxRows.notesHeading + i;
    sheet.mergeCells(`A${r}:${last}${r}`);
    const cell = sheet.getCell(`A${r}`);
    cell.value = text;
    cell.font = body;
    cell.alignment = { horizontal: "left", vertical: "middle", wrapText: true };
    sheet.getRow(r).height = 22;
  });

  sheet.pageSetup.printArea = `A1:${last}${xlsxRows.notesHeading + noteLines.length - 1}`;
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
