/**
 * The page layout of official documents, GB/T 9704-2012 (党政机关公文格式), shared by the DOCX and
 * PDF renderers: A4, top margin 37 mm, bottom 35 mm, left (binding) 28 mm, right 26 mm, type area
 * 156 × 225 mm, 22 lines of 28 characters; title 2号 (22 pt), body 3号 (16 pt).
 */

export const MM_PER_INCH = 25.4;
export const mmToPt = (mm: number): number => (mm * 72) / MM_PER_INCH;
/** Twentieths of a point, the unit of Word. */
export const mmToTwip = (mm: number): number => Math.round(mmToPt(mm) * 20);
export const ptToTwip = (pt: number): number => Math.round(pt * 20);

export const officialLayout = {
  pageMm: { width: 210, height: 297 },
  marginMm: { top: 37, bottom: 35, left: 28, right: 26 },
  typeAreaMm: { width: 156, height: 225 },
  linesPerPage: 22,
  charsPerLine: 28,
  /** 3号 */
  bodyPt: 16,
  /** 2号 */
  titlePt: 22,
  /** 小四, for form tables */
  tablePt: 12,
  /** Footer lines (本文书一式二份…), 小四 */
  footerPt: 12,
} as const;

/** 225 mm / 22 lines ≈ 28.94 pt. */
export const linePitchPt = mmToPt(officialLayout.typeAreaMm.height) / officialLayout.linesPerPage;
/** 156 mm / 28 characters ≈ 15.79 pt. */
export const charPitchPt = mmToPt(officialLayout.typeAreaMm.width) / officialLayout.charsPerLine;

/** Width of a text in body characters: CJK and full-width forms count 1, ASCII and the like ½. */
export function textWidthInChars(text: string): number {
  let w = 0;
  for (const ch of text) w += isHalfWidth(ch) ? 0.5 : 1;
  return w;
}

export function isHalfWidth(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return c < 0x1100 || (c >= 0xff61 && c <= 0xffdc);
}

/**
 * The signature block (GB/T 9704-2012 7.3.5.1): the date of issue right-aligned with 4 characters
 * of space on its right, the organisation's name centred over the date. Returns the right indent of
 * each line in body characters.
 */
export function signatureIndents(organisation: string, date: string): { organisation: number; date: number } {
  const dateRight = 4;
  const orgW = textWidthInChars(organisation);
  const dateW = textWidthInChars(date);
  // Centre over the date; a name longer than date + 4 characters goes flush right.
  const orgRight = Math.max(0, dateRight + (dateW - orgW) / 2);
  return { organisation: orgRight, date: dateRight };
}

/** Characters that may not begin a line (行首禁则) and may not end one (行尾禁则). */
export const NO_LINE_START = new Set([..."，。、；：？！）》」』”’〕】〗…—·%,.;:?!)]}"]);
export const NO_LINE_END = new Set([..."（《「『“‘〔【〖([{"]);

/** Column widths in points (or any unit) from relative widths. */
export function columnWidths(relative: readonly number[], total: number): number[] {
  const sum = relative.reduce((a, b) => a + b, 0);
  return relative.map((w) => (w / sum) * total);
}
