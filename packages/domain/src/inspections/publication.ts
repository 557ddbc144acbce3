/**
 * 双随机抽查结果公示 (一公开, issue 10 item 4): what the public page says about each inspected object.
 *
 * - Only a submitted record is published; while a correction is being made the record it corrects
 *   stays published, and once the correction is submitted it takes its place (the caller picks the
 *   record: `publishedRecordOf`).
 * - The result is a category derived from the record's items: no failed item → 未发现问题; a failed item
 *   that opened a case → 发现问题，已立案调查; failed items registered as hazards → 发现问题，已责令整改
 *   (n 项隐患). Not yet submitted: 待检查, or 未检查（逾期） after the due date; 已取消 without its reason.
 * - 整改 x/n: of the record's hazard items, those whose hazard passed 复查 (复查合格 or 已销号), the
 *   整改率 rule of hazards/figures.ts.
 * - Units are published by name and 统一社会信用代码; a 个体工商户 (credit code 92…, GB 32100-2015:
 *   登记管理部门 9 工商, 机构类别 2) registered under its operator's name is a person: the name is
 *   masked (publicUnitName).
 *
 * Nothing about people is an input here: no inspector, certificate, representative, note or photo.
 */
import { maskName } from "../codes/mask";
import type { HazardStatus } from "../hazards/lifecycle";
import type { InspectionStatus, ItemOutcome } from "./lifecycle";

export const publicResultCategories = ["no_problem", "hazards_ordered", "case_opened", "overdue", "pending", "cancelled"] as const;
export type PublicResultCategory = (typeof publicResultCategories)[number];

export const publicResultCategoryLabels: Record<PublicResultCategory, string> = {
  no_problem: "未发现问题",
  hazards_ordered: "发现问题，已责令整改",
  case_opened: "发现问题，已立案调查",
  overdue: "未检查（逾期）",
  pending: "待检查",
  cancelled: "已取消",
};

/** A published record as the category needs it: each item's outcome and what its failure led to. */
export interface PublishableRecord {
  /** China day of the check-in (检查日期). */
  checkedOn: string;
  items: readonly { itemId: string; outcome: ItemOutcome; finding: "hazard" | "case" | null }[];
}

export interface PublicResultInput {
  status: InspectionStatus;
  dueBy: string | null;
  /** The published (submitted) record, null before the first submission. */
  record: PublishableRecord | null;
  /** The hazards registered from the record's items (by item id). */
  hazards: readonly { itemId: string; status: HazardStatus }[];
  today: string;
}

export interface PublicResult {
  category: PublicResultCategory;
  /** "发现问题，已责令整改（2项隐患）" */
  label: string;
  checkedOn: string | null;
  /** Hazard items of the record (n) and those rectified (x): 已整改 x/n. */
  hazards: number;
  rectified: number;
}

const rectifiedStatuses: readonly HazardStatus[] = ["review_passed", "closed"];

/** The result category of one inspected object. Pure. */
export function publicInspectionResult(input: PublicResultInput): PublicResult {
  const none = { checkedOn: null, hazards: 0, rectified: 0 };
  const { record } = input;
  if (!record) {
    if (input.status === "cancelled") return { category: "cancelled", label: publicResultCategoryLabels.cancelled, ...none };
    const overdue = input.dueBy !== null && input.today > input.dueBy;
    const category = overdue ? "overdue" : "pending";
    return { category, label: publicResultCategoryLabels[category], ...none };
  }
  const failed = record.items.filter((i) => i.outcome === "fail");
  const hazardItems = new Set(failed.filter((i) => i.finding === "hazard").map((i) => i.itemId));
  const rectified = input.hazards.filter((h) => hazardItems.has(h.itemId) && rectifiedStatuses.includes(h.status)).length;
  const counts = { checkedOn: record.checkedOn, hazards: hazardItems.size, rectified };
  if (failed.length === 0) return { category: "no_problem", label: publicResultCategoryLabels.no_problem, ...counts };
  if (failed.some((i) => i.finding === "case")) return { category: "case_opened", label: publicResultCategoryLabels.case_opened, ...counts };
  return { category: "hazards_ordered", label: `${publicResultCategoryLabels.hazards_ordered}（${hazardItems.size}项隐患）`, ...counts };
}

/**
 * Which of an inspection's records is published: the current one once submitted; during a correction
 * (the inspection started again, the new record not yet submitted) the record it corrects; none before
 * the first submission.
 */
export function publishedRecordOf<R extends { id: string; supersedesId: string | null; supersededById: string | null }>(
  status: InspectionStatus,
  records: readonly R[],
): R | null {
  const current = records.find((r) => r.supersededById === null);
  if (!current) return null;
  if (status === "submitted") return current;
  if (status === "started" && current.supersedesId) return records.find((r) => r.id === current.supersedesId) ?? null;
  return null;
}

export interface PublicResultsSummary {
  /** Objects to inspect (not cancelled). */
  total: number;
  /** With a published record. */
  done: number;
  /** 发现问题 (hazards ordered or a case opened). */
  withProblems: number;
  overdue: number;
  cancelled: number;
}

/** 检查完成 done/total，发现问题 withProblems 户. */
export function summarisePublicResults(results: readonly Pick<PublicResult, "category">[]): PublicResultsSummary {
  const s: PublicResultsSummary = { total: 0, done: 0, withProblems: 0, overdue: 0, cancelled: 0 };
  for (const r of results) {
    if (r.category === "cancelled") {
      s.cancelled++;
      continue;
    }
    s.total++;
    if (r.category === "overdue") s.overdue++;
    if (r.category === "no_problem" || r.category === "hazards_ordered" || r.category === "case_opened") s.done++;
    if (r.category === "hazards_ordered" || r.category === "case_opened") s.withProblems++;
  }
  return s;
}

/** Words that name a business (字号 / 行业 / 组织形式): a name with one of them is not just a person's name. */
const BUSINESS_WORDS =
  /(店|厂|场|部|馆|行|社|坊|铺|摊|站|所|室|院|园|庄|厅|堂|吧|屋|轩|阁|楼|房|档|中心|公司|超市|商贸|经营|门市|加工|养殖|种植|维修|制品|批发|零售|服务|市场|合作)/;
const REGION_PREFIX = /^(.{2,12}?(?:省|自治区|市|州|盟|县|区|旗|镇|乡|街道))(?=.)/u;
const PERSON_NAME = /^[\p{Script=Han}·]{2,6}$/u;
const isPersonName = (s: string) => PERSON_NAME.test(s) && !BUSINESS_WORDS.test(s);

/**
 * The unit's name as published: a 个体工商户 (credit code "92…") whose name, without a leading place
 * name and a "（个体工商户）" note, is nothing but 2–6 Han characters and no business word is taken for
 * its operator's name and masked like any person's ("明溪县张三丰" → "明溪县张**"); every other name as is.
 */
export function publicUnitName(creditCode: string, name: string): string {
  if (!creditCode.startsWith("92")) return name;
  const trimmed = name.trim().replace(/[（(]个体(?:工商户|户)?[)）]$/u, "");
  const prefix = REGION_PREFIX.exec(trimmed)?.[1] ?? "";
  if (prefix && isPersonName(trimmed.slice(prefix.length))) return prefix + maskName(trimmed.slice(prefix.length));
  return isPersonName(trimmed) ? maskName(trimmed) : name;
}
