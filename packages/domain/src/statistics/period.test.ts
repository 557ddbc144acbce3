import { describe, expect, it } from "vitest";
import { isIsoDate } from "../dates/index";
import { customPeriod, periodRange, periodTitle, statisticsFormTitle } from "./period";

describe("statistics periods", () => {
  it("month, half-year and year ranges, inclusive", () => {
    expect(periodRange("month", 2028, 2)).toEqual({ kind: "month", from: "2028-02-01", to: "2028-02-29" });
    expect(periodRange("month", 2026, 2).to).toBe("2026-02-28");
    expect(periodRange("half_year", 2026, 1)).toEqual({ kind: "half_year", from: "2026-01-01", to: "2026-06-30" });
    expect(periodRange("half_year", 2026, 2)).toEqual({ kind: "half_year", from: "2026-07-01", to: "2026-12-31" });
    expect(periodRange("year", 2026)).toEqual({ kind: "year", from: "2026-01-01", to: "2026-12-31" });
    expect(() => periodRange("month", 2026, 13)).toThrow();
    expect(() => periodRange("half_year", 2026, 3)).toThrow();
  });

  it("custom periods need valid dates in order", () => {
    expect(customPeriod("2026-03-01", "2026-03-31")).toEqual({ kind: "custom", from: "2026-03-01", to: "2026-03-31" });
    expect(() => customPeriod("2026-04-01", "2026-03-31")).toThrow();
    expect(() => customPeriod("2026-02-30", "2026-03-31")).toThrow();
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2024-02-29")).toBe(true);
  });

  it("titles: the annual form is 2026年度柔性执法统计报表 as in the seed", () => {
    expect(statisticsFormTitle(periodRange("year", 2026))).toBe("2026年度柔性执法统计报表");
    expect(periodTitle(periodRange("half_year", 2026, 1))).toBe("2026年上半年");
    expect(periodTitle(periodRange("month", 2026, 3))).toBe("2026年3月");
    expect(periodTitle(customPeriod("2026-03-02", "2026-04-01"))).toBe("2026年3月2日至2026年4月1日");
  });
});
