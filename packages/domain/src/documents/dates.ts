/**
 * Dates in documents: Arabic numerals, 年/月/日 without leading zeros (GB/T 9704-2012 7.3.5.3:
 * "用阿拉伯数字将年、月、日标全，年份应标全称，月、日不编虚位").
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1];
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  return m !== null && validDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** True for YYYY-MM-DDTHH:mm (seconds allowed) with a real date and time. */
export function isIsoDateTime(value: string): boolean {
  const m = ISO_DATETIME.exec(value);
  return (
    m !== null &&
    validDate(Number(m[1]), Number(m[2]), Number(m[3])) &&
    Number(m[4]) <= 23 &&
    Number(m[5]) <= 59
  );
}

/** "2026-11-25" → "2026年11月25日"; "2026-01-05" → "2026年1月5日". Throws on an invalid date. */
export function formatChineseDate(isoDate: string): string {
  const m = ISO_DATE.exec(isoDate);
  if (!m || !isIsoDate(isoDate)) throw new RangeError(`日期格式不正确：${isoDate}（应为 YYYY-MM-DD）`);
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/**
 * "2026-12-01T09:30" → "2026年12月1日9时30分" (minutes in two digits: 9时05分); with precision
 * "hour" → "2026年12月1日9时".
 * Throws on an invalid date-time.
 */
export function formatChineseDateTime(isoDateTime: string, precision: "hour" | "minute" = "minute"): string {
  const m = ISO_DATETIME.exec(isoDateTime);
  if (!m || !isIsoDateTime(isoDateTime)) {
    throw new RangeError(`时间格式不正确：${isoDateTime}（应为 YYYY-MM-DDTHH:mm）`);
  }
  const date = `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日${Number(m[4])}时`;
  return precision === "hour" ? date : `${date}${m[5]}分`;
}
