/**
 * Document numbers (文书编号) in the official style: 明应急告〔2026〕3号.
 *
 * A pattern is text with tokens: {org} organisation abbreviation, {type} document type abbreviation,
 * {year} four-digit year, {seq} the sequence number within organisation, type and year, {seq:N} the
 * same padded with zeros to N digits (1–6). GB/T 9704-2012 7.2.4: the year in 六角括号〔〕, the
 * sequence without padding zeros and without 第 — the default pattern follows it.
 */

export const DEFAULT_NUMBER_PATTERN = "{org}{type}〔{year}〕{seq}号";

export interface DocumentNumberParts {
  /** Organisation abbreviation, e.g. 明应急. */
  orgShort: string;
  /** Document type abbreviation, e.g. 告. */
  typeShort: string;
  year: number;
  /** Sequence number, a positive integer. */
  seq: number;
}

const TOKEN = /\{([^{}]*)\}/g;
const KNOWN = /^(org|type|year|seq|seq:[1-6])$/;

/** Chinese error messages for an invalid pattern; empty when the pattern is valid. */
export function validateNumberPattern(pattern: string): string[] {
  const errors: string[] = [];
  if (pattern.trim() === "") return ["编号格式不能为空"];
  if (pattern.length > 64) errors.push("编号格式不能超过64个字符");
  if (/[\r\n\t]/.test(pattern)) errors.push("编号格式不能包含换行或制表符");
  const tokens = [...pattern.matchAll(TOKEN)].map((m) => m[1]);
  const unknown = tokens.filter((t) => !KNOWN.test(t));
  if (unknown.length > 0) {
    errors.push(`编号格式含有无法识别的占位符：${unknown.map((t) => `{${t}}`).join("、")}（可用：{org}、{type}、{year}、{seq}、{seq:N}）`);
  }
  const rest = pattern.replace(TOKEN, "");
  if (rest.includes("{") || rest.includes("}")) errors.push("编号格式中的花括号不成对");
  const seqCount = tokens.filter((t) => t === "seq" || t.startsWith("seq:")).length;
  if (seqCount !== 1) errors.push("编号格式必须且只能含有一个序号占位符 {seq}");
  const yearCount = tokens.filter((t) => t === "year").length;
  if (yearCount !== 1) errors.push("编号格式必须且只能含有一个年份占位符 {year}（编号按年度编排）");
  return errors;
}

/**
 * formatDocumentNumber("{org}{type}〔{year}〕{seq}号", { orgShort: "明应急", typeShort: "告", year: 2026, seq: 3 })
 * → "明应急告〔2026〕3号". Throws (Chinese message) on an invalid pattern or parts.
 */
export function formatDocumentNumber(pattern: string, parts: DocumentNumberParts): string {
  const errors = validateNumberPattern(pattern);
  if (!Number.isInteger(parts.seq) || parts.seq < 1) errors.push(`编号序号必须是正整数：${parts.seq}`);
  if (!Number.isInteger(parts.year) || parts.year < 1000 || parts.year > 9999) errors.push(`编号年份必须是四位数：${parts.year}`);
  if (errors.length > 0) throw new RangeError(errors.join("；"));
  return pattern.replace(TOKEN, (_, token: string) => {
    switch (token) {
      case "org":
        return parts.orgShort;
      case "type":
        return parts.typeShort;
      case "year":
        return String(parts.year);
      case "seq":
        return String(parts.seq);
      default:
        return String(parts.seq).padStart(Number(token.slice(4)), "0");
    }
  });
}
