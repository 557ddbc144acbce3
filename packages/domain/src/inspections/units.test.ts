import { describe, expect, it } from "vitest";
import { makeCreditCode } from "./fixtures.test-support";
import { mapUnitRows, unitImportHeaders } from "./import";
import { industries, industryLabels, industrySources, listIndustryCategory, parseIndustry, parseRiskLevel, validateUnit } from "./units";

const good = makeCreditCode("350582", 7);
const other = makeCreditCode("350582", 8);

describe("the unit record", () => {
  it("the industry vocabulary: the five high-risk industries and seed 003's categories, each with its source", () => {
    expect(industries.map((i) => industryLabels[i])).toEqual([
      "矿山",
      "危化品",
      "金属冶炼",
      "建筑施工",
      "道路运输",
      "烟花爆竹",
      "工贸企业",
      "有限空间",
      "粉尘涉爆",
      "涉氨制冷",
      "其他",
    ]);
    for (const i of industries) expect(industrySources[i]).not.toBe("");
    expect(listIndustryCategory("hazardous_chemicals")).toBe("hazardous_chemicals");
    expect(listIndustryCategory("dust_explosion")).toBe("general");
    expect(parseIndustry("工贸")).toBe("industry_trade");
    expect(parseRiskLevel("橙")).toBe("high");
  });

  it("validates the 统一社会信用代码 and every field, with Chinese messages", () => {
    const r = validateUnit({
      creditCode: "91350582000000000X",
      name: "",
      regionCode: "35058",
      industry: "纺织",
      riskLevel: "很高",
      contactPhone: "123",
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.map((p) => p.field)).toEqual(["creditCode", "name", "regionCode", "industry", "riskLevel", "contactPhone"]);
      expect(r.problems[3].message).toContain("不在行业目录中");
    }
    expect(
      validateUnit({ creditCode: good.toLowerCase(), name: " 晋江市某鞋业有限公司 ", regionCode: "350582", industry: "工贸企业", riskLevel: "一般" }),
    ).toMatchObject({
      ok: true,
      unit: { creditCode: good, name: "晋江市某鞋业有限公司", industry: "industry_trade", riskLevel: "moderate", keyUnit: false },
    });
  });
});

describe("the .xlsx import (row mapping)", () => {
  const header = ["统一社会信用代码", "单位名称", "地址", "行政区划代码", "行业", "风险等级", "重点单位", "联系人", "联系电话"];
  const row = (code: string, name = "晋江市某鞋业有限公司", key = "否") => [
    code,
    name,
    "晋江市青阳街道",
    350582,
    "工贸企业",
    "较大",
    key,
    "陈经理",
    "13800000000",
  ];

  it("maps valid rows, reports row errors with row numbers, and reports duplicates (not dropped silently)", () => {
    const r = mapUnitRows(header, [row(good), row("123"), [], row(good, "重复的单位"), row(other, "另一家", "也许")]);
    if (!r.ok) throw new Error(r.error);
    expect(r.result.units).toEqual([
      { row: 2, action: "create", unit: expect.objectContaining({ creditCode: good, regionCode: "350582", riskLevel: "high" }) },
    ]);
    expect(r.result.emptyRows).toBe(1);
    expect(r.result.errors).toEqual([
      { row: 3, column: "统一社会信用代码", message: "统一社会信用代码应为18位，实际为3位" },
      { row: 5, column: "统一社会信用代码", message: `统一社会信用代码${good}与第2行重复，同一单位只能导入一次` },
      { row: 6, column: "重点单位", message: "“也许”无法识别，请填写“是”或“否”" },
    ]);
  });

  it("a unit already in the pool is an update; a header without a required column is refused; 10,000 rows at most", () => {
    const r = mapUnitRows(header, [row(good, "x", "是")], { existingCreditCodes: new Set([good]) });
    expect(r).toMatchObject({ ok: true, result: { units: [{ action: "update", unit: { keyUnit: true } }] } });
    expect(mapUnitRows(["单位名称"], [])).toEqual({
      ok: false,
      error: "表头缺少必填列：统一社会信用代码、行政区划代码、行业、风险等级（请使用导入模板）",
    });
    expect(
      mapUnitRows(
        header,
        Array.from({ length: 10_001 }, () => []),
      ),
    ).toMatchObject({ ok: false });
    expect(unitImportHeaders).toEqual(header);
  });

  it("maps 10,000 rows quickly", () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => row(makeCreditCode("350582", 500_000 + i)));
    const t0 = performance.now();
    const r = mapUnitRows(header, rows);
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(r.ok && r.result.units.length).toBe(10_000);
  });
});
