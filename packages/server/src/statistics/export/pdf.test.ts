import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { statisticsColumnInfo, statisticsColumns, type StatisticsColumn } from "@kuanyan/domain/measures";
import { exportFormPdf } from "./pdf";

function pdfText(buffer: Buffer, mode: "-raw" | "-layout"): string {
  const dir = mkdtempSync(path.join(tmpdir(), "kuanyan-pdf-"));
  const file = path.join(dir, "form.pdf");
  writeFileSync(file, buffer);
  return execFileSync("pdftotext", [mode, "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
}

describe("统计报表 PDF export", () => {
  const cells = Object.fromEntries(statisticsColumns.map((c, i) => [c, 1000 + 37 * i])) as Record<StatisticsColumn, number>;
  const input = {
    year: 2026,
    reportingOrganisation: "明溪县应急管理局",
    reportedAt: "2026-07-05",
    phone: "0598-2812345",
    cells,
  };

  it("is one A4 landscape page", async () => {
    const pdf = await exportFormPdf(input);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const dir = mkdtempSync(path.join(tmpdir(), "kuanyan-pdf-"));
    writeFileSync(path.join(dir, "f.pdf"), pdf);
    const info = execFileSync("pdfinfo", [path.join(dir, "f.pdf")], { encoding: "utf8" });
    expect(info).toMatch(/Pages:\s+1\b/);
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
  });

  it("reads back the title, the header fields, the 15 headers in order, the numbers and the notes", async () => {
    const pdf = await exportFormPdf(input);
    const raw = pdfText(pdf, "-raw");
    const flat = raw.replace(/\s/g, "");
    expect(flat).toContain("2026年度柔性执法统计报表");
    expect(flat).toContain("填报单位：明溪县应急管理局");
    expect(flat).toContain("填报时间：2026年7月5日");
    expect(flat).toContain("联系电话：0598-2812345");
    expect(flat).toContain(statisticsColumnInfo.map((c) => `${c.label}（${c.unit}）`).join(""));
    expect(flat).toContain("不予行政处罚（件）减轻行政处罚（件）");
    // The number row, left to right, in the seed's column order.
    const layout = pdfText(pdf, "-layout");
    const numberLine = layout.split("\n").find((l) => l.includes("1000"));
    expect(numberLine?.trim().split(/\s+/).map(Number)).toEqual(statisticsColumns.map((c) => cells[c]));
    expect(flat).toContain("填表说明：");
    expect(flat).toContain("1.所有事项的统计数量都应当具有实施该类柔性执法行为的文字记录；");
    expect(flat).toContain("2.每年本报表应当与年度行政执法统计报表一并报本级人民政府、上级主管部门和本级司法行政部门。");
  });
});
