import { formatCitation } from "../laws/citations";
import type { LawLibrary } from "../laws/library";
import { renderParagraphText } from "../laws/parse";
import { parseFineRanges } from "./fines";
import { MATTERS } from "./matters.seed";
import type { FineRange, Matter } from "./types";

/** 事项编码: YJ-AQSCF-097-05, YJ-YJTL-032-01, YJ-YJYA-PS — domain, law, article (3 digits) and item (2 digits), or a mnemonic. */
export const MATTER_CODE_RE = /^[A-Z]{2}-[A-Z]{2,8}-(?:\d{3}-\d{2}|[A-Z]{2,6})$/;

/** The matter with this code, or undefined. */
export function findMatter(code: string, matters: readonly Matter[] = MATTERS): Matter | undefined {
  const c = code.trim().toUpperCase();
  return matters.find((m) => m.code === c);
}

/** Matters whose code, name or keywords contain every whitespace-separated term of the query. */
export function searchMatters(query: string, matters: readonly Matter[] = MATTERS): Matter[] {
  const terms = query
    .trim()
    .split(/[\s\u3000]+/)
    .filter((t) => t !== "");
  if (terms.length === 0) return [...matters];
  return matters.filter((m) => {
    const haystack = [m.code, m.name, ...m.keywords].join(" ");
    return terms.every((t) => haystack.includes(t) || haystack.toUpperCase().includes(t.toUpperCase()));
  });
}

function sameRange(a: FineRange | undefined, b: FineRange | undefined): boolean {
  if (!a || !b) return a === b;
  return a.minYuan === b.minYuan && a.maxYuan === b.maxYuan;
}

function describeRange(r: FineRange | undefined): string {
  return r ? `${r.minYuan}–${r.maxYuan}元` : "无";
}

/**
 * Checks a matter against the law library; returns Chinese problems (empty when sound):
 * code form, every citation resolves, the penalty text is quoted verbatim from the first penalty
 * provision, and the fine ranges are the ones that text states.
 */
export function checkMatter(matter: Matter, library: LawLibrary): string[] {
  const problems: string[] = [];
  const label = matter.code || "（无编码）";
  if (!MATTER_CODE_RE.test(matter.code)) problems.push(`${label}：事项编码格式不正确`);
  if (matter.name.trim() === "") problems.push(`${label}：缺少事项名称`);
  const external = matter.externalBasis ?? [];
  if (matter.violated.length === 0 && external.length === 0) problems.push(`${label}：缺少违法依据`);
  if (matter.penalty.length === 0 && external.length === 0) problems.push(`${label}：缺少处罚依据`);
  for (const c of [...matter.violated, ...matter.penalty]) {
    const r = library.resolve(c);
    if (!r.ok) problems.push(`${label}：${r.error}`);
  }
  const first = matter.penalty[0];
  if (first) {
    const p = library.provision(first);
    if (p) {
      const source = p.paragraph ? renderParagraphText(p.paragraph) : p.article.text;
      if (!source.includes(matter.penaltyText)) {
        problems.push(`${label}：处罚内容不是${formatCitation(first)}的原文`);
      }
    }
  }
  if (matter.penaltyText.trim() === "") problems.push(`${label}：缺少处罚内容`);
  const parsed = parseFineRanges(matter.penaltyText);
  if (!sameRange(parsed.fineRange, matter.fineRange)) {
    problems.push(`${label}：罚款幅度${describeRange(matter.fineRange)}与处罚内容（${describeRange(parsed.fineRange)}）不一致`);
  }
  if (!sameRange(parsed.escalatedFineRange, matter.escalatedFineRange)) {
    problems.push(
      `${label}：逾期未改正的罚款幅度${describeRange(matter.escalatedFineRange)}与处罚内容（${describeRange(parsed.escalatedFineRange)}）不一致`,
    );
  }
  for (const r of [matter.fineRange, matter.escalatedFineRange]) {
    if (r && !(r.minYuan >= 0 && r.minYuan <= r.maxYuan)) problems.push(`${label}：罚款幅度下限大于上限`);
  }
  return problems;
}
