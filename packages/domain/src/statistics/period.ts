/**
 * Statistics periods: month, half-year, year, custom. All bounds are ISO dates, inclusive.
 */

export type PeriodKind = "month" | "half_year" | "year" | "custom";

export interface Period {
  kind: PeriodKind;
  /** First day, ISO `YYYY-MM-DD`, inclusive. */
  from: string;
  /** Last day, ISO `YYYY-MM-DD`, inclusive. */
  to: string;
}

import { daysInMonth, formatChineseDate, isIsoDate, isoDate } from "../dates/index";
import { InvalidInputError } from "../errors/index";

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new InvalidInputError(`统计年度无效：${year}`);
  }
}

/**
 * The period of a calendar unit:
 * - `month`, n = 1…12: that month;
 * - `half_year`, n = 1: 1 Jan – 30 Jun (上半年, seed 000); n = 2: 1 Jul – 31 Dec (下半年);
 * - `year`: 1 Jan – 31 Dec (n is ignored).
 */
export function periodRange(kind: Exclude<PeriodKind, "custom">, year: number, n = 1): Period {
  assertYear(year);
  switch (kind) {
    case "month": {
      if (!Number.isInteger(n) || n < 1 || n > 12) throw new InvalidInputError(`月份无效：${n}`);
      return { kind, from: isoDate(year, n, 1), to: isoDate(year, n, daysInMonth(year, n)) };
    }
    case "half_year": {
      if (n !== 1 && n !== 2) throw new InvalidInputError(`半年度无效：${n}（应为 1 或 2）`);
      return n === 1 ? { kind, from: isoDate(year, 1, 1), to: isoDate(year, 6, 30) } : { kind, from: isoDate(year, 7, 1), to: isoDate(year, 12, 31) };
    }
    case "year":
      return { kind, from: isoDate(year, 1, 1), to: isoDate(year, 12, 31) };
  }
}

/** A custom period from `from` to `to`, both inclusive. */
export function customPeriod(from: string, to: string): Period {
  if (!isIsoDate(from) || !isIsoDate(to)) throw new InvalidInputError(`统计期间日期无效：${from} 至 ${to}`);
  if (from > to) throw new InvalidInputError(`统计期间起始日期晚于截止日期：${from} 至 ${to}`);
  return { kind: "custom", from, to };
}

/** True when the ISO date lies inside the period (bounds inclusive). */
export function inPeriod(date: string, period: Period): boolean {
  return date >= period.from && date <= period.to;
}

/**
 * The period as the form's title prefix: "2026年度", "2026年上半年", "2026年3月",
 * "2026年1月1日至2026年3月31日".
 */
export function periodTitle(period: Period): string {
  const year = Number(period.from.slice(0, 4));
  const sameYear = period.to.slice(0, 4) === period.from.slice(0, 4);
  if (sameYear) {
    const month = Number(period.from.slice(5, 7));
    const whole = (kind: Exclude<PeriodKind, "custom">, n: number) => {
      const p = periodRange(kind, year, n);
      return p.from === period.from && p.to === period.to;
    };
    if (whole("year", 1)) return `${year}年度`;
    if (whole("half_year", 1)) return `${year}年上半年`;
    if (whole("half_year", 2)) return `${year}年下半年`;
    if (whole("month", month)) return `${year}年${month}月`;
  }
  return `${formatChineseDate(period.from)}至${formatChineseDate(period.to)}`;
}

/** The form's title for a period: "2026年度柔性执法统计报表". */
export function statisticsFormTitle(period: Period): string {
  return `${periodTitle(period)}柔性执法统计报表`;
}
