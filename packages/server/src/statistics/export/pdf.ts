/**
 * The 柔性执法统计报表 as an A4 landscape PDF, laid out as the seed form, with the shipped
 * Noto Serif SC fonts embedded (subset), so it prints the same on machines without Chinese fonts.
 */
import { readFileSync } from "node:fs";
import PDFDocument from "pdfkit";
import { fonts } from "../../shared/fonts";
import { cellValues, columnHeaders, formNotes, formNotesHeading, formTitle, headerFields, type StatisticsFormExportInput } from "./form-layout";

/** A4 landscape, in points. */
const page = { width: 841.89, height: 595.28 };
const margin = 40;
const tableWidth = page.width - 2 * margin;
const colWidth = tableWidth / columnHeaders.length;

/** Geometry of the printed form (points from the top-left corner), for readers and tests. */
export const pdfLayout = {
  page,
  margin,
  colWidth,
  titleY: 56,
  headerFieldsY: 112,
  tableTop: 140,
  headerRowHeight: 84,
  valueRowHeight: 40,
} as const;

let fontCache: { regular: Buffer; bold: Buffer } | undefined;
function loadFonts(): { regular: Buffer; bold: Buffer } {
  fontCache ??= { regular: readFileSync(fonts.serifRegular), bold: readFileSync(fonts.serifBold) };
  return fontCache;
}

/** "不予行政处罚" → ["不予", "行政", "处罚"]: the seed prints the headers two characters a line. */
function headerLines(label: string, unit: string): string[] {
  const lines: string[] = [];
  for (let i = 0; i < label.length; i += 2) lines.push(label.slice(i, i + 2));
  lines.push(`（${unit}）`);
  return lines;
}

export async function exportFormPdf(input: StatisticsFormExportInput): Promise<Buffer> {
  const title = formTitle(input);
  const fields = headerFields(input);
  const values = cellValues(input);
  const { regular, bold } = loadFonts();

  const doc = new PDFDocument({
    size: "A4",
    layout: "landscape",
    margin,
    info: { Title: title, Creator: "宽严 Kuanyan", Producer: "宽严 Kuanyan" },
  });
  doc.registerFont("body", regular);
  doc.registerFont("title", bold);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  // Title, centred.
  doc.font("title").fontSize(22).text(title, margin, pdfLayout.titleY, {
    width: tableWidth,
    align: "center",
    lineBreak: false,
  });

  // 填报单位： 填报时间： 联系电话： on one line, over columns 1–6, 7–10, 11–15 (as in the .xlsx).
  const fieldStarts = [0, 6, 10];
  const fieldEnds = [6, 10, columnHeaders.length];
  doc.font("body").fontSize(12);
  fields.forEach((text, i) => {
    const x = margin + fieldStarts[i]! * colWidth;
    const width = (fieldEnds[i]! - fieldStarts[i]!) * colWidth - 6;
    doc.text(text, x, pdfLayout.headerFieldsY, { width, lineBreak: false, ellipsis: true });
  });

  // The table: header row and value row, ruled.
  const top = pdfLayout.tableTop;
  const headBottom = top + pdfLayout.headerRowHeight;
  const bottom = headBottom + pdfLayout.valueRowHeight;
  doc.lineWidth(0.8).strokeColor("#000000");
  doc.rect(margin, top, tableWidth, bottom - top).stroke();
  doc
    .moveTo(margin, headBottom)
    .lineTo(margin + tableWidth, headBottom)
    .stroke();
  for (let i = 1; i < columnHeaders.length; i++) {
    const x = margin + i * colWidth;
    doc.moveTo(x, top).lineTo(x, bottom).stroke();
  }

  const headSize = 10.5;
  const lineGap = 3;
  columnHeaders.forEach((h, i) => {
    const lines = headerLines(h.label, h.unit);
    const blockHeight = lines.length * (headSize + lineGap) - lineGap;
    let y = top + (pdfLayout.headerRowHeight - blockHeight) / 2;
    const x = margin + i * colWidth;
    doc.font("title").fontSize(headSize);
    for (const line of lines) {
      doc.text(line, x, y, { width: colWidth, align: "center", lineBreak: false });
      y += headSize + lineGap;
    }
  });

  doc.font("body").fontSize(14);
  values.forEach((v, i) => {
    doc.text(String(v), margin + i * colWidth, headBottom + (pdfLayout.valueRowHeight - 14) / 2, {
      width: colWidth,
      align: "center",
      lineBreak: false,
    });
  });

  // 填表说明.
  let y = bottom + 18;
  doc.font("body").fontSize(12);
  for (const line of [formNotesHeading, ...formNotes]) {
    doc.text(line, margin, y, { width: tableWidth, lineBreak: false });
    y += 22;
  }

  doc.end();
  return done;
}
