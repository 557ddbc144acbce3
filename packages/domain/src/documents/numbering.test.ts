import { describe, expect, it } from "vitest";
import { formatChineseDate, formatChineseDateTime } from "../dates/index";
import { DEFAULT_NUMBER_PATTERN, formatDocumentNumber, selectTemplate, validateNumberPattern, BUILT_IN_TEMPLATES } from "./index";

describe("formatDocumentNumber", () => {
  it("writes the official style 明应急告〔2026〕3号 with the default pattern", () => {
    expect(DEFAULT_NUMBER_PATTERN).toBe("{org}{type}〔{year}〕{seq}号");
    expect(formatDocumentNumber(DEFAULT_NUMBER_PATTERN, { orgShort: "明应急", typeShort: "告", year: 2026, seq: 3 })).toBe("明应急告〔2026〕3号");
  });

  it("follows a configured pattern, with zero padding when asked", () => {
    const parts = { orgShort: "三应急", typeShort: "约", year: 2027, seq: 12 };
    expect(formatDocumentNumber("{org}〔{year}〕{type}字第{seq:3}号", parts)).toBe("三应急〔2027〕约字第012号");
    expect(formatDocumentNumber("{year}-{seq}", parts)).toBe("2027-12");
  });

  it("refuses a non-positive sequence or a short year", () => {
    expect(() => formatDocumentNumber(DEFAULT_NUMBER_PATTERN, { orgShort: "a", typeShort: "b", year: 2026, seq: 0 })).toThrow("编号序号必须是正整数");
    expect(() => formatDocumentNumber(DEFAULT_NUMBER_PATTERN, { orgShort: "a", typeShort: "b", year: 26, seq: 1 })).toThrow("编号年份必须是四位数");
  });
});

describe("validateNumberPattern", () => {
  it("accepts the default pattern", () => {
    expect(validateNumberPattern(DEFAULT_NUMBER_PATTERN)).toEqual([]);
  });

  it("requires exactly one sequence and one year (numbering restarts every year)", () => {
    expect(validateNumberPattern("{org}{type}〔{year}〕号")).toContain("编号格式必须且只能含有一个序号占位符 {seq}");
    expect(validateNumberPattern("{org}{seq}{seq}〔{year}〕")).toContain("编号格式必须且只能含有一个序号占位符 {seq}");
    expect(validateNumberPattern("{org}{type}{seq}号")).toContain("编号格式必须且只能含有一个年份占位符 {year}（编号按年度编排）");
  });

  it("names unknown tokens and unbalanced braces", () => {
    const errors = validateNumberPattern("{org}{month}〔{year}〕{seq}号{");
    expect(errors.join()).toContain("无法识别的占位符：{month}");
    expect(errors).toContain("编号格式中的花括号不成对");
    expect(validateNumberPattern("{year}{seq:9}").join()).toContain("{seq:9}");
    expect(validateNumberPattern("  ")).toEqual(["编号格式不能为空"]);
  });
});

describe("Chinese dates", () => {
  it("formats dates with Arabic numerals and no leading zeros", () => {
    expect(formatChineseDate("2026-11-25")).toBe("2026年11月25日");
    expect(formatChineseDate("2026-01-05")).toBe("2026年1月5日");
    expect(formatChineseDate("2024-02-29")).toBe("2024年2月29日");
  });

  it("refuses impossible dates", () => {
    expect(() => formatChineseDate("2026-02-29")).toThrow("日期格式不正确");
    expect(() => formatChineseDate("2026-13-01")).toThrow();
    expect(() => formatChineseDate("2026/11/25")).toThrow();
  });

  it("formats times to the minute or to the hour", () => {
    expect(formatChineseDateTime("2026-12-01T09:30")).toBe("2026年12月1日9时30分");
    expect(formatChineseDateTime("2026-12-01T17:00", "hour")).toBe("2026年12月1日17时");
    expect(formatChineseDateTime("2026-01-02T08:05")).toBe("2026年1月2日8时05分");
    expect(() => formatChineseDateTime("2026-12-01T24:00")).toThrow();
  });
});

describe("selectTemplate", () => {
  const builtIn = BUILT_IN_TEMPLATES.warning;
  const cityV2 = { ...builtIn, version: 2, title: "行政告诫书（市局）" };
  const cityV3 = { ...builtIn, version: 3, title: "行政告诫书（市局新版）" };
  const county = { ...builtIn, version: 4, title: "行政告诫书（县局）" };
  const candidates = [
    { organisationId: null, template: builtIn },
    { organisationId: "city", template: cityV2 },
    { organisationId: "city", template: cityV3 },
    { organisationId: "county", template: county },
  ];

  it("uses the organisation's own newest version first", () => {
    expect(selectTemplate("warning", candidates, ["county", "city"])).toBe(county);
  });

  it("falls back to the superior's newest version (上级部门已制发相关文书范本的，可以直接适用)", () => {
    expect(selectTemplate("warning", candidates, ["township", "city"])).toBe(cityV3);
  });

  it("falls back to the built-in template, and finds nothing for a type without any", () => {
    expect(selectTemplate("warning", candidates, ["other"])).toBe(builtIn);
    expect(selectTemplate("advice", candidates, ["city"])).toBeUndefined();
  });
});
