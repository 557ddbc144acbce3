/**
 * 导出: a list version as .xlsx or .docx in the annex layout — title "<单位><清单类型>",
 * 单位/联系人/联系电话, the columns of the list type, then the 说明. The xlsx also carries a
 * second sheet 适用条件 with each item's structured conditions, so that an export imports back
 * with its conditions.
 */
import ExcelJS from "exceljs";
import { AlignmentType, Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import { formatCitations } from "@kuanyan/domain/laws";
import { describeCondition, listColumnLabels, type ListItem, type ListType } from "@kuanyan/domain/lists";
import { softMethodLabels } from "@kuanyan/domain/measures";
import { CONDITIONS_SHEET } from "./importFile";

export interface ExportInput {
  title: string;
  type: ListType;
  organisationName: string;
  contactPerson: string;
  contactPhone: string;
  notes: string;
  items: readonly ListItem[];
}

function measuresCell(item: ListItem): string {
  return [...item.measures.map((m) => softMethodLabels[m]), ...item.otherMeasures.map((o) => `其他：${o}`)].join("、");
}

function basisCell(item: ListItem): string {
  return item.basisText.trim() || formatCitations(item.basis);
}

function headers(type: ListType): string[] {
  const l = listColumnLabels(type);
  return [l.seq, l.matterName, l.matterCode, l.circumstances, l.basis, l.measures, l.remarks];
}

function rowOf(item: ListItem): string[] {
  return [String(item.seq), item.matterName, item.matterCode ?? "", item.circumstances, basisCell(item), measuresCell(item), item.remarks ?? ""];
}

function unitLine(input: ExportInput): string {
  return `单位：${input.organisationName}　　联系人：${input.contactPerson}　　联系电话：${input.contactPhone}`;
}

function notesText(notes: string): string {
  return notes.trim() ? `说明：${notes.trim()}` : "";
}

export async function exportXlsx(input: ExportInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("清单", { pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = [6, 30, 18, 40, 40, 20, 12].map((width) => ({ width }));
  const border = { top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } } as const;
  ws.addRow([input.title]);
  ws.mergeCells(1, 1, 1, 7);
  ws.getCell(1, 1).font = { name: "方正小标宋简体", size: 18, bold: true };
  ws.getCell(1, 1).alignment = { horizontal: "center", vertical: "middle" };
  ws.getRow(1).height = 36;
  ws.addRow([unitLine(input)]);
  ws.mergeCells(2, 1, 2, 7);
  const head = ws.addRow(headers(input.type));
  head.eachCell((c) => {
    c.font = { bold: true };
    c.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    c.border = border;
  });
  for (const item of input.items) {
    const r = ws.addRow(rowOf(item));
    r.eachCell({ includeEmpty: true }, (c) => {
      c.alignment = { vertical: "top", wrapText: true };
      c.border = border;
    });
  }
  const notes = notesText(input.notes);
  if (notes) {
    const r = ws.addRow([notes]);
    ws.mergeCells(r.number, 1, r.number, 7);
    r.getCell(1).alignment = { wrapText: true, vertical: "top" };
    r.height = 40;
  }
  const cs = wb.addWorksheet(CONDITIONS_SHEET);
  cs.columns = [{ width: 8 }, { width: 80 }, { width: 60 }];
  cs.addRow(["序号", "适用条件（系统读取，请勿修改格式）", "条件说明"]);
  for (const item of input.items) {
    cs.addRow([item.seq, JSON.stringify(item.conditions), item.conditions.map(describeCondition).join("；")]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const font = "仿宋_GB2312";

function cellParagraphs(text: string, bold = false): Paragraph[] {
  return text.split("\n").map((line) => new Paragraph({ children: [new TextRun({ text: line, bold, font, size: 21 })] }));
}

export async function exportDocx(input: ExportInput): Promise<Buffer> {
  const widths = [6, 16, 10, 24, 22, 14, 8];
  const row = (cells: string[], bold = false) =>
    new TableRow({
      tableHeader: bold,
      children: cells.map(
        (text, i) => new TableCell({ width: { size: widths[i], type: WidthType.PERCENTAGE }, children: cellParagraphs(text, bold) }),
      ),
    });
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [row(headers(input.type), true), ...input.items.map((i) => row(rowOf(i)))],
  });
  const notes = notesText(input.notes);
  const doc = new Document({
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: input.title, bold: true, size: 36, font: "方正小标宋简体" })],
          }),
          new Paragraph({ children: [new TextRun({ text: unitLine(input), font, size: 24 })] }),
          table,
          ...(notes ? [new Paragraph({ children: [new TextRun({ text: notes, font, size: 24 })] })] : []),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
