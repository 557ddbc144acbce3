/**
 * Officer text at the edge of a document: what an officer types (facts, opinions, a legal basis
 * joined from several citations) is inserted into a template sentence, so doubled or stacked
 * punctuation ("。。", "。，"), ASCII punctuation inside Chinese text and the same law named twice in
 * one basis would be printed as typed. These pure functions normalise it; fill.ts applies them to
 * every text field and at the joins between a field and the template's own text.
 */

/** Marks that end or divide a clause; two of them in a row is always a typing slip. */
const CLAUSE_MARKS = "，。；、：";
const CLAUSE_RUN = new RegExp(`[${CLAUSE_MARKS}]{2,}`, "gu");
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/u;
const ASCII_TO_FULL: Record<string, string> = { ",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）" };

/** Chinese numerals and digits as they appear in 第…条/款/项. */
const NUM = "(?:[一二三四五六七八九十百千零〇两\\d]+|（[一二三四五六七八九十\\d]+）)";

/**
 * Merges citations of the same law in one basis: "《行政处罚法》第三十三条第一款、《行政处罚法》第三十三条第三款"
 * becomes "《行政处罚法》第三十三条第一款、第三款" (the law named once, an article repeated only when it changes).
 */
export function mergeLawCitations(text: string): string {
  let out = text;
  // 《L》X、《L》Y → 《L》X、Y (repeatedly, for three or more citations).
  const sameLaw = /《([^《》]+)》(第[^《》，。；]*?)、《\1》/u;
  for (let guard = 0; guard < 20 && sameLaw.test(out); guard++) out = out.replace(sameLaw, "《$1》$2、");
  // 第N条第A款、第N条第B款 → 第N条第A款、第B款 (the same article written again).
  const sameArticle = new RegExp(`(第${NUM}条)((?:第${NUM}[款项])+(?:、(?:第${NUM}[款项])+)*)、\\1(?=第${NUM}[款项])`, "u");
  for (let guard = 0; guard < 20 && sameArticle.test(out); guard++) out = out.replace(sameArticle, "$1$2、");
  return out;
}

/**
 * Normalises one officer-typed value: trims it, turns ASCII , ; : ? ! ( ) next to Chinese text into
 * their full-width forms, collapses a run of clause marks ("。。", "。，", "，，") to its last mark
 * and merges citations of the same law.
 */
export function normaliseOfficerText(text: string): string {
  let out = text.trim();
  const chars = [...out];
  out = chars
    .map((ch, i) => {
      const full = ASCII_TO_FULL[ch];
      if (!full) return ch;
      // Only beside Chinese text: 1,000 and hd@example.com keep their ASCII marks.
      const beside = ch === "(" ? (chars[i + 1] ?? "") : (chars[i - 1] ?? "");
      return CJK.test(beside) ? full : ch;
    })
    .join("");
  out = out.replace(CLAUSE_RUN, (run) => run[run.length - 1]);
  return mergeLawCitations(out);
}

/**
 * The join of a field's value with the template text after it: when the value ends with a clause
 * mark and the template continues with one ("……违法行为。" + "，"), the template's mark stands
 * alone. Returns the value with its trailing clause mark dropped when that is the case.
 */
export function trimBeforeTemplateMark(value: string, following: string): string {
  if (following === "" || !CLAUSE_MARKS.includes(following[0])) return value;
  return value.replace(new RegExp(`[${CLAUSE_MARKS}]+$`, "u"), "");
}

/**
 * The facts (违法事实) are printed after "你（单位）" in the documents, so they are written as the
 * act itself, not about the party in the third person. Shown as help next to the facts field.
 */
export const FACTS_WRITING_HINT =
  "文书中印作“你（单位）＋违法事实”，请直接写行为，不要以“该公司”“当事人”“其”开头，例如：于2026年11月10日未将事故隐患排查治理情况如实记录";
