import { chineseToNumber } from "../laws/numerals";
import type { FineRange } from "./types";

/**
 * Amounts as penalty provisions write them: "十万元" → 100000, "3万元" → 30000, "五千元" → 5000,
 * "1.5万元" → 15000. Returns undefined for anything else.
 */
export function parseYuan(text: string): number | undefined {
  const m = /^([〇零一二两三四五六七八九十百千万0-9.]+)元$/.exec(text.trim());
  if (!m) return undefined;
  const amount = m[1];
  const arabic = /^([0-9]+(?:\.[0-9]+)?)(万|千|百)?$/.exec(amount);
  if (arabic) {
    const unit = arabic[2] === "万" ? 10000 : arabic[2] === "千" ? 1000 : arabic[2] === "百" ? 100 : 1;
    return Math.round(Number(arabic[1]) * unit);
  }
  return chineseToNumber(amount);
}

const AMOUNT = "[〇零一二两三四五六七八九十百千万0-9.]+元";
const RANGE_RE = new RegExp(`处(${AMOUNT})以上(${AMOUNT})以下(?:的)?罚款`);
const UPPER_RE = new RegExp(`处(${AMOUNT})以下(?:的)?罚款`);

/** The first fine on the unit in a text: "处十万元以下的罚款" → 0–100000, "处3万元以上5万元以下的罚款" → 30000–50000. */
export function parseFirstFine(text: string): FineRange | undefined {
  const range = RANGE_RE.exec(text);
  const upper = UPPER_RE.exec(text);
  // Whichever comes first in the text is the unit's fine; the persons' fine follows it.
  if (range && (!upper || range.index <= upper.index)) {
    const min = parseYuan(range[1]);
    const max = parseYuan(range[2]);
    return min === undefined || max === undefined ? undefined : { minYuan: min, maxYuan: max };
  }
  if (upper) {
    const max = parseYuan(upper[1]);
    return max === undefined ? undefined : { minYuan: 0, maxYuan: max };
  }
  return undefined;
}

/**
 * Splits a penalty text at "逾期未改正" and reads the unit's fine before and after it:
 * "责令限期改正，处十万元以下的罚款；逾期未改正的，…并处十万元以上二十万元以下的罚款…"
 * → { fineRange: 0–100000, escalatedFineRange: 100000–200000 }. Notes are not produced here.
 */
export function parseFineRanges(penaltyText: string): { fineRange?: FineRange; escalatedFineRange?: FineRange } {
  const at = penaltyText.indexOf("逾期未改正");
  const before = at < 0 ? penaltyText : penaltyText.slice(0, at);
  const after = at < 0 ? "" : penaltyText.slice(at);
  const result: { fineRange?: FineRange; escalatedFineRange?: FineRange } = {};
  const fine = parseFirstFine(before);
  if (fine) result.fineRange = fine;
  const escalated = parseFirstFine(after);
  if (escalated) result.escalatedFineRange = escalated;
  return result;
}
