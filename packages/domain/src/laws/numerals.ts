/**
 * Chinese numerals as they appear in law numbering (第一百零五条, 第（十二）项) ↔ integers.
 * Supports 0–99 999 999 with 〇/零, 两, 十/百/千/万, the bare leading 十 (十二 = 12)
 * and the digit-by-digit form (二〇二一 = 2021).
 */

const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

const DIGIT_CHARS = "零一二三四五六七八九";

/** Parses a section below 万 (e.g. 三千零五). Returns undefined when malformed. */
function parseSection(text: string): number | undefined {
  if (text === "") return 0;
  let total = 0;
  let pending: number | undefined;
  let lastUnit = Infinity;
  let sawZero = false;
  for (const ch of text) {
    if (ch in DIGITS) {
      if (pending !== undefined) return undefined; // two digits in a row (handled by the digit form)
      const d = DIGITS[ch];
      if (d === 0) {
        sawZero = true;
        continue;
      }
      pending = d;
    } else if (ch in UNITS) {
      const unit = UNITS[ch];
      if (unit >= lastUnit) return undefined; // units must decrease: 百 then 十
      if (pending === undefined) {
        // A bare 十 is allowed only at the very start (十二) or after 零 (一百零十 is not Chinese, but 一百一十 is).
        if (unit !== 10 || total !== 0 || sawZero) return undefined;
        pending = 1;
      }
      total += pending * unit;
      pending = undefined;
      lastUnit = unit;
      sawZero = false;
    } else {
      return undefined;
    }
  }
  if (pending !== undefined) {
    // A trailing digit is the ones place, unless it follows a unit without a 零 (一百五 = 150, colloquial).
    if (lastUnit !== Infinity && lastUnit > 10 && !sawZero) {
      total += pending * (lastUnit / 10);
    } else {
      total += pending;
    }
  }
  return total;
}

/**
 * Converts a Chinese numeral to an integer: "九十七" → 97, "一百零五" → 105, "两" → 2, "〇" → 0.
 * Arabic digits are accepted as well ("33" → 33). Returns undefined for anything else.
 */
export function chineseToNumber(input: string): number | undefined {
  const text = input.trim();
  if (text === "") return undefined;
  if (/^[0-9]+$/.test(text)) return Number(text);
  if (/^[0-9０-９]+$/.test(text)) {
    return Number(text.replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10)));
  }
  // Digit-by-digit form: 二〇二一.
  if (text.length > 1 && [...text].every((c) => c in DIGITS && c !== "两")) {
    return Number([...text].map((c) => DIGITS[c]).join(""));
  }
  if (text.length === 1 && text in DIGITS) return DIGITS[text];
  const wan = text.split("万");
  if (wan.length > 2) return undefined;
  if (wan.length === 2) {
    const high = parseSection(wan[0]);
    const low = parseSection(wan[1]);
    if (high === undefined || low === undefined || wan[0] === "") return undefined;
    return high * 10000 + low;
  }
  return parseSection(text);
}

function sectionToChinese(n: number, leadingTen: boolean): string {
  // n in 0..9999
  const parts: string[] = [];
  const units = ["千", "百", "十", ""];
  const values = [1000, 100, 10, 1];
  let zeroPending = false;
  let started = false;
  for (let i = 0; i < 4; i++) {
    const d = Math.floor(n / values[i]) % 10;
    if (d === 0) {
      if (started) zeroPending = true;
      continue;
    }
    if (zeroPending) {
      parts.push("零");
      zeroPending = false;
    }
    if (!(leadingTen && !started && values[i] === 10 && d === 1)) parts.push(DIGIT_CHARS[d]);
    parts.push(units[i]);
    started = true;
  }
  return parts.join("");
}

/**
 * Converts a non-negative integer to the Chinese numeral used in law numbering:
 * 97 → "九十七", 105 → "一百零五", 110 → "一百一十", 10 → "十", 0 → "零".
 */
export function numberToChinese(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99_999_999) {
    throw new RangeError(`numberToChinese: unsupported number ${n}`);
  }
  if (n === 0) return "零";
  if (n < 10000) return sectionToChinese(n, n >= 10 && n < 20);
  const high = Math.floor(n / 10000);
  const low = n % 10000;
  let text = sectionToChinese(high, high >= 10 && high < 20) + "万";
  if (low === 0) return text;
  if (low < 1000) text += "零";
  return text + sectionToChinese(low, false);
}
