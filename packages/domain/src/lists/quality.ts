/**
 * Quality checks of a list version (issue 3 §6): missing cells, unresolved or superseded
 * citations, invalid conditions, and conflicts with the organisation's other lists. Errors block
 * publication; warnings need a written reason.
 */
import type { Citation, ProvisionLookup } from "../laws/types";
import { validateConditions, type Condition } from "./conditions";
import { formatCitation } from "../laws/citations";
import { listTypeLabels, type List, type ListItem, type ListType, type ListVersion } from "./types";

export type QualitySeverity = "error" | "warning";

export interface QualityFinding {
  severity: QualitySeverity;
  /** Stable English code, e.g. "citation_unresolved". */
  code: string;
  /** Chinese message for the list manager. */
  message: string;
  itemSeq?: number;
}

export interface ListVersionRef {
  list: Pick<List, "id" | "type" | "title">;
  version: Pick<ListVersion, "version" | "items">;
}

export interface QualityContext {
  lookup: ProvisionLookup;
  /** Titles of laws that are superseded or repealed (已修订 / 已废止 versions). */
  supersededLaws?: ReadonlySet<string> | readonly string[];
  /** The organisation's other lists in force or in preparation (own and claimed). */
  otherLists?: readonly ListVersionRef[];
}

const lenientPenaltyTypes: ReadonlySet<ListType> = new Set<ListType>(["no_penalty", "mitigated", "lighter"]);

/** Runs every check on one list version. */
export function checkListVersion(target: ListVersionRef, context: QualityContext): QualityFinding[] {
  const findings: QualityFinding[] = [];
  const type = target.list.type;
  const superseded = new Set(context.supersededLaws ?? []);
  const seqs = new Set<number>();
  const codes = new Map<string, number>();

  for (const item of target.version.items) {
    const at = `第${item.seq}项`;
    const push = (severity: QualitySeverity, code: string, message: string) =>
      findings.push({ severity, code, message: `${at}：${message}`, itemSeq: item.seq });

    if (!Number.isInteger(item.seq) || item.seq < 1) push("error", "item_bad_seq", "序号必须是正整数");
    else if (seqs.has(item.seq)) push("error", "item_duplicate_seq", "序号重复");
    seqs.add(item.seq);

    if (!item.matterName?.trim()) push("error", "item_missing_matter_name", "缺少事项名称");
    if (!item.circumstances?.trim()) push("error", "item_missing_circumstances", "缺少情形");
    if (!item.matterCode?.trim()) push("warning", "item_missing_matter_code", "缺少事项编码，决策引擎无法按编码匹配该事项");
    else {
      const earlier = codes.get(item.matterCode);
      if (earlier !== undefined) push("warning", "item_duplicate_matter", `与第${earlier}项是同一事项（${item.matterCode}），请确认情形互不重叠`);
      else codes.set(item.matterCode, item.seq);
    }

    if (item.basis.length === 0) push("error", "item_missing_basis", "缺少依据（须引用法律、法规、规章的具体条款）");
    for (const citation of item.basis) {
      const cited = formatCitation(citation);
      if (superseded.has(citation.law)) push("error", "citation_superseded", `依据${cited}所在的法律法规已被修订或废止，请引用现行有效版本`);
      else if (context.lookup(citation) === undefined) push("error", "citation_unresolved", `依据${cited}在法律法规库中不存在`);
    }

    if (type !== "heavier" && item.measures.length === 0 && item.otherMeasures.length === 0) {
      push("warning", "item_missing_measures", "未选择配套监管措施");
    }

    for (const error of validateConditions(item.conditions, { listType: type })) push("error", "condition_invalid", error);
    if (item.conditions.length === 0) {
      push("warning", "item_no_conditions", "未设置结构化适用条件，决策引擎将对该事项的所有情形适用本项");
    }
  }

  for (const other of context.otherLists ?? []) {
    if (other.list.id === target.list.id) continue;
    findings.push(...conflictsBetween(target, other));
  }
  return findings;
}

/** Which pairs of list types can contradict each other on the same matter. */
function typeConflicts(a: ListType, b: ListType): { lenientVsHeavier: boolean; noPenaltyVsReduced: boolean } {
  const reduced = (t: ListType) => t === "mitigated" || t === "lighter";
  return {
    lenientVsHeavier: (lenientPenaltyTypes.has(a) && b === "heavier") || (a === "heavier" && lenientPenaltyTypes.has(b)),
    noPenaltyVsReduced: (a === "no_penalty" && reduced(b)) || (b === "no_penalty" && reduced(a)),
  };
}

/** A list's items that carry a matter code, grouped by it. */
function itemsByMatterCode(items: readonly ListItem[]): Map<string, ListItem[]> {
  const byCode = new Map<string, ListItem[]>();
  for (const item of items) {
    if (!item.matterCode) continue;
    const bucket = byCode.get(item.matterCode);
    if (bucket) bucket.push(item);
    else byCode.set(item.matterCode, [item]);
  }
  return byCode;
}

function conflictsBetween(target: ListVersionRef, other: ListVersionRef): QualityFinding[] {
  const b = other.list.type;
  const { lenientVsHeavier, noPenaltyVsReduced } = typeConflicts(target.list.type, b);
  if (!lenientVsHeavier && !noPenaltyVsReduced) return [];
  const out: QualityFinding[] = [];
  const byCode = itemsByMatterCode(other.version.items);
  for (const item of target.version.items) {
    if (!item.matterCode) continue;
    for (const o of byCode.get(item.matterCode) ?? []) {
      // Lenient lists never apply to violations of emergency measures (seed 001), so an
      // aggravated item for such violations cannot meet a lenient one.
      const emergencyOnly = [item, o].some((i) => i.conditions.some((c) => c.kind === "duringEmergency"));
      const overlap = !(lenientVsHeavier && emergencyOnly) && conditionsOverlap(item.conditions, o.conditions);
      const where = `《${other.list.title}》（${listTypeLabels[b]}）第${o.seq}项`;
      if (lenientVsHeavier && overlap) {
        out.push({
          severity: "error",
          code: "conflict_lenient_heavier",
          message: `第${item.seq}项：同一事项（${item.matterCode}）也列入${where}，且适用条件可能同时满足，从宽与从重冲突`,
          itemSeq: item.seq,
        });
      } else if (noPenaltyVsReduced) {
        out.push({
          severity: overlap ? "error" : "warning",
          code: overlap ? "conflict_no_penalty_reduced" : "same_matter_no_penalty_reduced",
          message: overlap
            ? `第${item.seq}项：同一事项（${item.matterCode}）同时列入${where}，且适用条件可能同时满足，不予处罚与从轻/减轻处罚冲突`
            : `第${item.seq}项：同一事项（${item.matterCode}）也列入${where}，适用条件互斥，请确认`,
          itemSeq: item.seq,
        });
      }
    }
  }
  return out;
}

/**
 * Whether two condition sets can both hold for one case. Conservative: they overlap unless a
 * pair of conditions is known to exclude each other.
 */
export function conditionsOverlap(a: readonly Condition[], b: readonly Condition[]): boolean {
  for (const x of a) for (const y of b) if (excludes(x, y) || excludes(y, x)) return false;
  return true;
}

function excludes(x: Condition, y: Condition): boolean {
  switch (x.kind) {
    case "harm":
      return y.kind === "seriousHarm";
    case "corrected":
      return y.kind === "refusedCorrection";
    case "firstOffence":
    case "firstTimeFound":
      return y.kind === "repeatOffence";
    case "question":
      return y.kind === "question" && y.id === x.id && y.expected !== x.expected;
    case "subjectCategoryNotIn":
      return y.kind === "subjectCategoryIn" && y.categories.every((c) => x.categories.includes(c));
    case "subjectCategoryIn":
      return (
        (y.kind === "subjectCategoryIn" && !y.categories.some((c) => x.categories.includes(c))) ||
        (y.kind === "subjectCategoryNotIn" && x.categories.every((c) => y.categories.includes(c)))
      );
    default:
      return false;
  }
}

/**
 * Publication gate: errors block; warnings are allowed only with a written reason.
 */
export function canPublish(findings: readonly QualityFinding[], warningReason?: string): { ok: true } | { ok: false; reason: string } {
  const errors = findings.filter((f) => f.severity === "error");
  if (errors.length > 0) return { ok: false, reason: `质量检查发现${errors.length}个错误，须修改后才能发布：${errors[0].message}` };
  const warnings = findings.filter((f) => f.severity === "warning");
  if (warnings.length > 0 && !warningReason?.trim()) {
    return { ok: false, reason: `质量检查有${warnings.length}个提示，须填写仍予发布的理由` };
  }
  return { ok: true };
}

/** Convenience: the citations of a version that do not resolve. */
export function unresolvedCitations(items: readonly ListItem[], lookup: ProvisionLookup): Citation[] {
  return items.flatMap((i) => i.basis.filter((c) => lookup(c) === undefined));
}
