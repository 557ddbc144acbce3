/**
 * Times and dates as the console shows them: always China's time (Asia/Shanghai), whatever the
 * browser's time zone, from the one date module (@kuanyan/domain/dates). Every page that shows a
 * time or a date, or needs today, takes it from here.
 */
import { chinaDay, chinaMinute, formatChinaDateTime, formatChineseDate, isIsoDate } from "@kuanyan/domain/dates";

const EMPTY = "—";

function safe(iso: string, format: (value: string) => string): string {
  try {
    return format(iso);
  } catch {
    return iso;
  }
}

/** An instant as China's date and minute: "2026-12-01 09:30"; "—" when there is none. */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? safe(iso, (v) => formatChinaDateTime(v)) : EMPTY;
}

/** An instant as China's date and time to the second: "2026-12-01 09:30:05". */
export function formatDateTimeSeconds(iso: string | null | undefined): string {
  return iso ? safe(iso, (v) => formatChinaDateTime(v, true)) : EMPTY;
}

/** A calendar day as 2026年12月1日 (an instant is first taken to its day in China). */
export function formatDateChinese(value: string | null | undefined): string {
  if (!value) return EMPTY;
  return safe(value, (v) => formatChineseDate(isIsoDate(v) ? v : chinaDay(v)));
}

/** Today in China, YYYY-MM-DD. */
export function todayInChina(): string {
  return chinaDay(new Date());
}

/** The current minute in China, YYYY-MM-DDTHH:mm (the value of a datetime-local input). */
export function nowMinuteInChina(): string {
  return chinaMinute(new Date());
}

/** The current year in China. */
export function yearInChina(): number {
  return Number(todayInChina().slice(0, 4));
}

/** The current month in China, 1…12. */
export function monthInChina(): number {
  return Number(todayInChina().slice(5, 7));
}
