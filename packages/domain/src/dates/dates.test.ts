import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  addYears,
  chinaDay,
  chinaDayStart,
  chinaInstant,
  chinaMinute,
  daysBetween,
  daysInMonth,
  formatChinaDateTime,
  formatChineseDate,
  formatChineseDateTime,
  formatChineseNumeralDate,
  fullYearsBetween,
  isIsoDate,
  isIsoDateTime,
  isLeapYear,
} from "./index";
import { InvalidInputError } from "../errors/index";

describe("闰年与每月天数", () => {
  it("能被4整除的是闰年，整百年须能被400整除", () => {
    expect([2024, 2028, 2000, 2400].map(isLeapYear)).toEqual([true, true, true, true]);
    expect([2026, 2100, 1900, 2023].map(isLeapYear)).toEqual([false, false, false, false]);
  });
  it("二月闰年29天、平年28天，小月30天，大月31天", () => {
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2026, 11)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
  });
  it("2月29日只在闰年是有效日期", () => {
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2100-02-29")).toBe(false);
    expect(isIsoDate("2026-13-01")).toBe(false);
    expect(isIsoDate("2026-1-5")).toBe(false);
    expect(isIsoDate(20261201)).toBe(false);
    expect(isIsoDateTime("2028-02-29T23:59")).toBe(true);
    expect(isIsoDateTime("2026-02-29T09:00")).toBe(false);
    expect(isIsoDateTime("2026-12-01T24:00")).toBe(false);
  });
});

describe("中国日期：UTC 16:00 是北京时间次日零时", () => {
  it("UTC 15:59:59 仍是当天，16:00 起是次日", () => {
    expect(chinaDay(new Date("2026-11-30T15:59:59.999Z"))).toBe("2026-11-30");
    expect(chinaDay(new Date("2026-11-30T16:00:00Z"))).toBe("2026-12-01");
    expect(chinaDay("2026-12-01T00:00:00+08:00")).toBe("2026-12-01");
  });
  it("年末与闰日的边界", () => {
    expect(chinaDay("2026-12-31T16:00:00Z")).toBe("2027-01-01");
    expect(chinaDay("2028-02-28T16:00:00Z")).toBe("2028-02-29");
    expect(chinaDay("2028-02-29T16:00:00Z")).toBe("2028-03-01");
  });
  it("北京时间的分钟、当日零时与墙上时间互相换算", () => {
    expect(chinaMinute(new Date("2026-11-30T16:05:00Z"))).toBe("2026-12-01T00:05");
    expect(chinaDayStart("2026-12-01").toISOString()).toBe("2026-11-30T16:00:00.000Z");
    expect(chinaInstant("2026-12-01T09:30").toISOString()).toBe("2026-12-01T01:30:00.000Z");
    expect(formatChinaDateTime("2026-11-30T16:05:09Z")).toBe("2026-12-01 00:05");
    expect(formatChinaDateTime("2026-11-30T16:05:09Z", true)).toBe("2026-12-01 00:05:09");
  });
  it("无效时间是输入错误", () => {
    expect(() => chinaDay("昨天")).toThrow(InvalidInputError);
    expect(() => chinaInstant("2026-02-30T09:00")).toThrow(InvalidInputError);
  });
});

describe("日期加减与天数差", () => {
  it("加天数跨月、跨年、跨闰日", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
  it("加月数没有对应日的，以月末日为准（民法典第二百零二条）", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2026-11-30", 3)).toBe("2027-02-28");
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
    expect(addYears("2028-02-29", 1)).toBe("2029-02-28");
    expect(addYears("2028-02-29", 4)).toBe("2032-02-29");
  });
  it("天数差含闰日，可为负数", () => {
    expect(daysBetween("2028-02-28", "2028-03-01")).toBe(2);
    expect(daysBetween("2026-02-28", "2026-03-01")).toBe(1);
    expect(daysBetween("2026-12-01", "2026-11-01")).toBe(-30);
    expect(daysBetween("2026-01-01", "2027-01-01")).toBe(365);
    expect(daysBetween("2028-01-01", "2029-01-01")).toBe(366);
  });
  it("周岁：2月29日出生的人在平年3月1日满一岁", () => {
    expect(fullYearsBetween("2008-02-29", "2026-02-28")).toBe(17);
    expect(fullYearsBetween("2008-02-29", "2026-03-01")).toBe(18);
    expect(fullYearsBetween("2008-12-01", "2026-12-01")).toBe(18);
    expect(fullYearsBetween("2008-12-02", "2026-12-01")).toBe(17);
  });
  it("无效日期不参与计算", () => {
    expect(() => addDays("2026-02-30", 1)).toThrow(InvalidInputError);
  });
});

describe("中文日期", () => {
  it("阿拉伯数字，月、日不编虚位", () => {
    expect(formatChineseDate("2026-12-01")).toBe("2026年12月1日");
    expect(formatChineseDate("2026-01-05")).toBe("2026年1月5日");
    expect(() => formatChineseDate("2026-02-29")).toThrow(InvalidInputError);
  });
  it("汉字数字：二〇二六年十二月一日", () => {
    expect(formatChineseNumeralDate("2026-12-01")).toBe("二〇二六年十二月一日");
    expect(formatChineseNumeralDate("2028-02-29")).toBe("二〇二八年二月二十九日");
    expect(formatChineseNumeralDate("2030-10-10")).toBe("二〇三〇年十月十日");
    expect(formatChineseNumeralDate("2027-01-31")).toBe("二〇二七年一月三十一日");
    expect(formatChineseNumeralDate("2027-11-20")).toBe("二〇二七年十一月二十日");
  });
  it("时分：9时05分；只到时：9时", () => {
    expect(formatChineseDateTime("2026-12-01T09:05")).toBe("2026年12月1日9时05分");
    expect(formatChineseDateTime("2026-12-01T09:30", "hour")).toBe("2026年12月1日9时");
  });
});
