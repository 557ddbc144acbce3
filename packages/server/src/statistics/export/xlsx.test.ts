import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { statisticsColumns, type StatisticsColumn } from "@kuanyan/domain/measures";
import { computeForm, periodRange } from "@kuanyan/domain/statistics";
import { exportFormXlsx, xlsxRows, xlsxSheetName } from "./xlsx";

/** The seed's 15 column headers in order (seed 001 annex 5), written out here independently. */
const seedHeaders = [
  "不予行政处罚（件）",
  "减轻行政处罚（件）",
  "从轻行政处罚（件）",
  "不予行政强制（件）",
  "说服教育（件）",
  "劝导示范（件）",
  "行政指导（人次）",
  "行政奖励（人次）",
  "行政和解（件）",
  "行政建议（人次）",
  "行政提示（人次）",
  "行政约谈（件）",
  "行政告诫（件）",
  "行政回访（件）",
  "其他（件）",
];

async function readBack(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet(xlsxSheetName);
  if (!sheet) throw new Error("sheet missing");
  return sheet;
}

const text = (v: ExcelJS.CellValue) => String(v ?? "").replace(/\s/g, "");

describe("统计报表 .xlsx export", () => {
  const cells = Object.fromEntries(statisticsColumns.map((c, i) => [c, 3 * i + (i % 4)])) as Record<StatisticsColumn, number>;
  const input = {
    year: 2026,
    reportingOrganisation: "三明市应急管理局",
    reportedAt: "2026-12-30T09:30:00+08:00",
    phone: "0598-8240000",
    cells,
  };

  it("has the seed's title, header fields, 15 headers in order and the numbers given", async () => {
    const sheet = await readBack(await exportFormXlsx(input));
    expect(sheet.getCell("A1").value).toBe("2026年度柔性执法统计报表");
    expect(sheet.getCell("A1").isMerged && sheet.getCell("O1").isMerged).toBe(true);
    expect(sheet.getCell("A1").alignment?.horizontal).toBe("center");
    expect(["A2", "G2", "K2"].map((ref) => sheet.getCell(ref).value)).toEqual([
      "填报单位：三明市应急管理局",
      "填报时间：2026年12月30日",
      "联系电话：0598-8240000",
    ]);
    const row = sheet.getRow(xlsxRows.columns);
    expect(Array.from({ length: 15 }, (_, i) => text(row.getCell(i + 1).value))).toEqual(seedHeaders);
    const values = sheet.getRow(xlsxRows.values);
    expect(Array.from({ length: 15 }, (_, i) => values.getCell(i + 1).value)).toEqual(statisticsColumns.map((c) => cells[c]));
    expect(sheet.getCell(`A${xlsxRows.notesHeading}`).value).toBe("填表说明：");
    expect(sheet.getCell(`A${xlsxRows.firstNote}`).value).toBe("1. 所有事项的统计数量都应当具有实施该类柔性执法行为的文字记录；");
    expect(sheet.getCell(`A${xlsxRows.firstNote + 1}`).value).toBe(
      "2. 每年本报表应当与年度行政执法统计报表一并报本级人民政府、上级主管部门和本级司法行政部门。",
    );
  });

  it("prints on A4 landscape, one page wide, with borders and a Chinese font", async () => {
    const sheet = await readBack(await exportFormXlsx(input));
    expect(sheet.pageSetup.paperSize).toBe(9);
    expect(sheet.pageSetup.orientation).toBe("landscape");
    expect(sheet.pageSetup.fitToPage).toBe(true);
    expect(sheet.pageSetup.fitToWidth).toBe(1);
    const head = sheet.getCell("A3");
    const value = sheet.getCell("O4");
    expect(head.border?.top?.style).toBe("thin");
    expect(value.border?.right?.style).toBe("thin");
    expect(head.font?.name).toMatch(/[宋仿]/);
    expect(sheet.getCell("A1").font?.name).toMatch(/[宋仿]/);
  });

  it("exports a computed form: the numbers of the screen, and a period title", async () => {
    const form = computeForm(
      {
        decisions: [
          {
            caseId: "c1",
            organisationId: "o",
            outcome: "mitigated",
            decidedOn: "2026-03-01",
            caseStatus: "closed",
            reopenCount: 0,
            writtenRecordId: "d1",
          },
        ],
        measures: [
          {
            id: "m1",
            caseId: "c1",
            organisationId: "o",
            method: "administrativeGuidance",
            carriedOutOn: "2026-03-02",
            persons: 17,
            writtenRecordId: "w1",
            cancelled: false,
          },
        ],
      },
      periodRange("half_year", 2026, 1),
      { organisationIds: ["o"] },
    );
    const sheet = await readBack(await exportFormXlsx({ ...input, year: undefined, periodTitle: "2026年上半年", cells: form.cells }));
    expect(sheet.getCell("A1").value).toBe("2026年上半年柔性执法统计报表");
    expect(sheet.getCell("B4").value).toBe(1); // 减轻行政处罚
    expect(sheet.getCell("G4").value).toBe(17); // 行政指导（人次）
    expect(sheet.getCell("A4").value).toBe(0);
  });

  it("refuses numbers that are not whole and non-negative, in Chinese", async () => {
    await expect(exportFormXlsx({ ...input, cells: { ...cells, persuasion: -1 } })).rejects.toThrow("说服教育");
    await expect(exportFormXlsx({ ...input, year: undefined })).rejects.toThrow("统计年度");
  });
});
