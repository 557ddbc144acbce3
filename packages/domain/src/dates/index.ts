/**
 * Dates in China, one module for the whole platform: the calendar day and minute of an instant in
 * China (UTC+8, no daylight saving since 1991), ISO date arithmetic (YYYY-MM-DD), leap years, day
 * differences and Chinese date formatting. Pure: no clock (the server's clock is ctx.now()), no
 * time zone of the machine it runs on.
 */
import { InvalidInputError } from "../errors/index";

/** China's offset from UTC (Asia/Shanghai has kept UTC+8 without daylight saving since 1991). */
const CHINA_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month, month 1…12. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for a real calendar date written YYYY-MM-DD (2026-02-29 is not one, 2028-02-29 is). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** True for YYYY-MM-DDTHH:mm (a space instead of T, and seconds, allowed) with a real date and time. */
export function isIsoDateTime(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const m = ISO_DATETIME.exec(value);
  return m !== null && isIsoDate(`${m[1]}-${m[2]}-${m[3]}`) && Number(m[4]) <= 23 && Number(m[5]) <= 59;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** YYYY-MM-DD from year, month (1…12) and day. */
export function isoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function parts(date: string): [number, number, number] {
  if (!isIsoDate(date)) throw new InvalidInputError(`日期无效：${date}（应为 YYYY-MM-DD）`);
  const [y, m, d] = date.split("-").map(Number);
  return [y, m, d];
}

function toInstant(at: Date | string | number): number {
  const ms = at instanceof Date ? at.getTime() : typeof at === "number" ? at : Date.parse(at);
  if (Number.isNaN(ms)) throw new InvalidInputError(`时间格式无效：${String(at)}`);
  return ms;
}

/** The calendar day in China of an instant: 2026-11-30T16:00:00Z is already 2026-12-01. */
export function chinaDay(at: Date | string | number): string {
  return new Date(toInstant(at) + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The minute in China of an instant, YYYY-MM-DDTHH:mm. */
export function chinaMinute(at: Date | string | number): string {
  return new Date(toInstant(at) + CHINA_OFFSET_MS).toISOString().slice(0, 16);
}

/** The instant a China day begins (00:00 in China = 16:00 UTC the day before). */
export function chinaDayStart(date: string): Date {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d) - CHINA_OFFSET_MS);
}

/** A China wall-clock time (YYYY-MM-DDTHH:mm) as an instant. */
export function chinaInstant(local: string): Date {
  if (!isIsoDateTime(local)) throw new InvalidInputError(`时间格式不正确：${local}（应为 YYYY-MM-DDTHH:mm）`);
  const [date, time] = local.replace(" ", "T").split("T");
  const [h, mi] = time.split(":").map(Number);
  return new Date(chinaDayStart(date).getTime() + (h * 60 + mi) * 60_000);
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/**
 * Adds months; when the target month has no such day, the month's last day is used
 * (民法典 第二百零二条: 没有对应日的，月末日为期间的最后一日).
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return isoDate(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

export function addYears(date: string, years: number): string {
  return addMonths(date, years * 12);
}

/** Days from `from` to `to` (negative when `to` is earlier): 2028-02-28 → 2028-03-01 is 2. */
export function daysBetween(from: string, to: string): number {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  return Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / DAY_MS);
}

/** Whole years between a birth date and a later date (周岁); born 29 Feb, one turns a year older on 1 Mar. */
export function fullYearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  let years = ty - fy;
  if (tm < fm || (tm === fm && td < fd)) years -= 1;
  return years;
}

/** "2026-12-01" → "2026年12月1日" (GB/T 9704-2012 7.3.5.3: Arabic numerals, no leading zeros). */
export function formatChineseDate(date: string): string {
  if (!isIsoDate(date)) throw new InvalidInputError(`日期格式不正确：${date}（应为 YYYY-MM-DD）`);
  const [y, m, d] = date.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

const DIGITS = "〇一二三四五六七八九";
function chineseNumber(n: number): string {
  if (n <= 10) return n === 10 ? "十" : DIGITS[n];
  if (n < 20) return `十${DIGITS[n % 10]}`;
  return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ""}`;
}

/** "2026-12-01" → "二〇二六年十二月一日" (Chinese numerals, as on seals and formal dates). */
export function formatChineseNumeralDate(date: string): string {
  if (!isIsoDate(date)) throw new InvalidInputError(`日期格式不正确：${date}（应为 YYYY-MM-DD）`);
  const [y, m, d] = date.split("-").map(Number);
  const year = [...String(y)].map((c) => DIGITS[Number(c)]).join("");
  return `${year}年${chineseNumber(m)}月${chineseNumber(d)}日`;
}

/**
 * "2026-12-01T09:30" → "2026年12月1日9时30分" (minutes in two digits: 9时05分); with precision
 * "hour" → "2026年12月1日9时".
 */
export function formatChineseDateTime(local: string, precision: "hour" | "minute" = "minute"): string {
  const m = ISO_DATETIME.exec(local);
  if (!m || !isIsoDateTime(local)) throw new InvalidInputError(`时间格式不正确：${local}（应为 YYYY-MM-DDTHH:mm）`);
  const date = `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日${Number(m[4])}时`;
  return precision === "hour" ? date : `${date}${m[5]}分`;
}

/** An instant as China's date and time for people: "2026-12-01 09:30" (seconds: "09:30:05"). */
export function formatChinaDateTime(at: Date | string | number, withSeconds = false): string {
  const iso = new Date(toInstant(at) + CHINA_OFFSET_MS).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, withSeconds ? 19 : 16)}`;
}
