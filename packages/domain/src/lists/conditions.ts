/**
 * Structured applicability conditions of a list item (情形, in evaluable form).
 *
 * A list manager builds them in a form: each condition is a plain JSON object with a `kind`
 * and a few fields. An item applies only when every one of its conditions holds. A condition
 * is "held", "failed", or "unanswered" (the facts needed are not known yet).
 */
import { addMonths } from "../dates/index";

/** 行业类别 of the party. The five high-risk industries excluded from 一般生产经营单位 (seed 000 说明). */
export const industryCategories = ["mining", "hazardous_chemicals", "metallurgy", "construction", "road_transport", "general"] as const;
export type IndustryCategory = (typeof industryCategories)[number];

export const industryCategoryLabels: Record<IndustryCategory, string> = {
  mining: "矿山",
  hazardous_chemicals: "危化品",
  metallurgy: "金属冶炼",
  construction: "建筑施工",
  road_transport: "道路运输",
  general: "一般行业",
};

/** 矿山、危化品、金属冶炼、建筑施工、道路运输 (seed 000 annex 1 说明). */
export const highRiskIndustries: readonly IndustryCategory[] = ["mining", "hazardous_chemicals", "metallurgy", "construction", "road_transport"];

export type CorrectionRequirement = "on_spot" | "within_deadline" | "any";
export type HarmCeiling = "none" | "minor";

export type Condition =
  /** 首次被发现 */
  | { kind: "firstTimeFound" }
  /** 初次违法 */
  | { kind: "firstOffence" }
  /** 及时改正: on_spot 当场改正; within_deadline 责令限期改正后在期限内改正 (当场改正亦可); any 及时改正 (当场或限期内) */
  | { kind: "corrected"; how: CorrectionRequirement }
  /** 危害后果: none 没有造成危害后果; minor 危害后果轻微 (or none) */
  | { kind: "harm"; atMost: HarmCeiling }
  /** 有证据足以证明没有主观过错 */
  | { kind: "noSubjectiveFault" }
  /** 主动消除或者减轻违法行为危害后果 */
  | { kind: "proactiveElimination" }
  /** the party's industry is not one of these (e.g. the five high-risk industries) */
  | { kind: "subjectCategoryNotIn"; categories: string[] }
  /** the party's industry is one of these (for aggravated items) */
  | { kind: "subjectCategoryIn"; categories: string[] }
  /** 重大事故隐患除外 */
  | { kind: "noMajorHazard" }
  /** an item-specific yes/no question written by the list manager */
  | { kind: "question"; id: string; text: string; expected: boolean }
  /** aggravated: the same violation again within N months of an earlier one (再次违法) */
  | { kind: "repeatOffence"; withinMonths: number }
  /** aggravated: 拒不改正 / 逾期未改正 */
  | { kind: "refusedCorrection" }
  /** aggravated: 阻碍、拒绝执法检查 */
  | { kind: "obstructedInspection" }
  /** aggravated: 造成严重危害后果 */
  | { kind: "seriousHarm" }
  /** aggravated: 在突发事件期间违反突发事件应对措施 */
  | { kind: "duringEmergency" };

export type ConditionKind = Condition["kind"];

export const conditionKinds: readonly ConditionKind[] = [
  "firstTimeFound",
  "firstOffence",
  "corrected",
  "harm",
  "noSubjectiveFault",
  "proactiveElimination",
  "subjectCategoryNotIn",
  "subjectCategoryIn",
  "noMajorHazard",
  "question",
  "repeatOffence",
  "refusedCorrection",
  "obstructedInspection",
  "seriousHarm",
  "duringEmergency",
];

/** Labels for the condition builder form. */
export const conditionKindLabels: Record<ConditionKind, string> = {
  firstTimeFound: "首次被发现",
  firstOffence: "初次违法",
  corrected: "及时改正",
  harm: "危害后果",
  noSubjectiveFault: "没有主观过错",
  proactiveElimination: "主动消除或者减轻危害后果",
  subjectCategoryNotIn: "排除行业",
  subjectCategoryIn: "限定行业",
  noMajorHazard: "不属于重大事故隐患",
  question: "自定义问题",
  repeatOffence: "一定期限内再次违法",
  refusedCorrection: "拒不改正",
  obstructedInspection: "阻碍执法检查",
  seriousHarm: "造成严重危害后果",
  duringEmergency: "突发事件期间违反应对措施",
};

/** A field of the condition builder form. */
export type ConditionFormField =
  | { field: "how"; label: string; type: "choice"; options: { value: CorrectionRequirement; label: string }[] }
  | { field: "atMost"; label: string; type: "choice"; options: { value: HarmCeiling; label: string }[] }
  | { field: "categories"; label: string; type: "categories" }
  | { field: "id"; label: string; type: "identifier" }
  | { field: "text"; label: string; type: "text" }
  | { field: "expected"; label: string; type: "boolean" }
  | { field: "withinMonths"; label: string; type: "integer"; min: number; max: number };

/** What the list manager fills in for each kind of condition (no code: a form). */
export const conditionFormFields: Record<ConditionKind, readonly ConditionFormField[]> = {
  firstTimeFound: [],
  firstOffence: [],
  corrected: [
    {
      field: "how",
      label: "改正方式",
      type: "choice",
      options: [
        { value: "any", label: "及时改正（当场或者限期内）" },
        { value: "within_deadline", label: "责令限期改正后在期限内改正" },
        { value: "on_spot", label: "当场改正" },
      ],
    },
  ],
  harm: [
    {
      field: "atMost",
      label: "危害后果",
      type: "choice",
      options: [
        { value: "none", label: "没有造成危害后果" },
        { value: "minor", label: "危害后果轻微" },
      ],
    },
  ],
  noSubjectiveFault: [],
  proactiveElimination: [],
  subjectCategoryNotIn: [{ field: "categories", label: "排除的行业", type: "categories" }],
  subjectCategoryIn: [{ field: "categories", label: "适用的行业", type: "categories" }],
  noMajorHazard: [],
  question: [
    { field: "id", label: "问题编号", type: "identifier" },
    { field: "text", label: "问题内容", type: "text" },
    { field: "expected", label: "满足条件时的回答", type: "boolean" },
  ],
  repeatOffence: [{ field: "withinMonths", label: "月数", type: "integer", min: 1, max: 120 }],
  refusedCorrection: [],
  obstructedInspection: [],
  seriousHarm: [],
  duringEmergency: [],
};

/** Condition kinds that only make sense on the aggravated (从重) list. */
export const aggravatingConditionKinds: ReadonlySet<ConditionKind> = new Set<ConditionKind>([
  "repeatOffence",
  "refusedCorrection",
  "obstructedInspection",
  "seriousHarm",
  "duringEmergency",
]);

/** How the violation was corrected, as far as known. `pending`: a deadline is running. */
export type CorrectionState = "on_spot" | "within_deadline" | "after_deadline" | "not_corrected" | "pending";
export type HarmLevel = "none" | "minor" | "serious";

/**
 * The facts conditions are evaluated against. Every field is optional: a missing field makes
 * the conditions that need it "unanswered".
 */
export interface ConditionFacts {
  /** Date of the act (needed by repeatOffence). */
  actDate?: string;
  industryCategory?: string;
  firstTimeFound?: boolean;
  firstOffence?: boolean;
  correction?: CorrectionState;
  harm?: HarmLevel;
  noSubjectiveFault?: boolean;
  proactiveElimination?: boolean;
  majorHazard?: boolean;
  /** Answers to the items' own questions, by question id. */
  answers?: Record<string, boolean>;
  /** Dates of earlier established violations of the same matter; [] = none. */
  priorViolationDates?: string[];
  refusedCorrection?: boolean;
  obstructedInspection?: boolean;
  violatesEmergencyMeasures?: boolean;
}

export type ConditionResult = "held" | "failed" | "unanswered";

export const conditionResultLabels: Record<ConditionResult, string> = {
  held: "满足",
  failed: "不满足",
  unanswered: "待确认",
};

function bool(value: boolean | undefined, expected = true): ConditionResult {
  if (value === undefined) return "unanswered";
  return value === expected ? "held" : "failed";
}

function correctedResult(how: CorrectionRequirement, c: ConditionFacts["correction"]): ConditionResult {
  if (c === undefined || c === "pending") return "unanswered";
  return bool(c === "on_spot" || (how !== "on_spot" && c === "within_deadline"));
}

function harmResult(atMost: HarmCeiling, h: ConditionFacts["harm"]): ConditionResult {
  if (h === undefined) return "unanswered";
  return bool(h === "none" || (h === "minor" && atMost === "minor"));
}

/** Refused to correct: as answered, else read from how (and whether) the violation was corrected. */
function refusedCorrectionResult(facts: ConditionFacts): ConditionResult {
  if (facts.refusedCorrection !== undefined) return bool(facts.refusedCorrection);
  if (facts.correction === "not_corrected" || facts.correction === "after_deadline") return "held";
  if (facts.correction === "on_spot" || facts.correction === "within_deadline") return "failed";
  return "unanswered";
}

export function evaluateCondition(condition: Condition, facts: ConditionFacts): ConditionResult {
  switch (condition.kind) {
    case "firstTimeFound":
      return bool(facts.firstTimeFound);
    case "firstOffence":
      return bool(facts.firstOffence);
    case "corrected":
      return correctedResult(condition.how, facts.correction);
    case "harm":
      return harmResult(condition.atMost, facts.harm);
    case "noSubjectiveFault":
      return bool(facts.noSubjectiveFault);
    case "proactiveElimination":
      return bool(facts.proactiveElimination);
    case "subjectCategoryNotIn":
    case "subjectCategoryIn":
      if (facts.industryCategory === undefined) return "unanswered";
      return bool(condition.categories.includes(facts.industryCategory), condition.kind === "subjectCategoryIn");
    case "noMajorHazard":
      return bool(facts.majorHazard, false);
    case "question": {
      const answer = facts.answers?.[condition.id];
      return bool(answer, condition.expected);
    }
    case "repeatOffence": {
      if (facts.priorViolationDates === undefined || facts.actDate === undefined) return "unanswered";
      const act = facts.actDate;
      const from = addMonths(act, -condition.withinMonths);
      return facts.priorViolationDates.some((d) => d >= from && d < act) ? "held" : "failed";
    }
    case "refusedCorrection":
      return refusedCorrectionResult(facts);
    case "obstructedInspection":
      return bool(facts.obstructedInspection);
    case "seriousHarm":
      return facts.harm === undefined ? "unanswered" : bool(facts.harm === "serious");
    case "duringEmergency":
      return bool(facts.violatesEmergencyMeasures);
  }
}

/** Combines condition results: failed if any failed, held if all held, else unanswered. */
export function combineResults(results: Iterable<ConditionResult>): ConditionResult {
  let unanswered = false;
  for (const r of results) {
    if (r === "failed") return "failed";
    if (r === "unanswered") unanswered = true;
  }
  return unanswered ? "unanswered" : "held";
}

function categoryNames(categories: readonly string[]): string {
  return categories.map((c) => (industryCategoryLabels as Record<string, string>)[c] ?? c).join("、");
}

/** One Chinese sentence describing the condition, as a reviewer reads it. */
export function describeCondition(condition: Condition): string {
  switch (condition.kind) {
    case "firstTimeFound":
      return "属于首次被发现";
    case "firstOffence":
      return "属于初次违法";
    case "corrected":
      switch (condition.how) {
        case "on_spot":
          return "当场改正违法行为";
        case "within_deadline":
          return "责令限期改正后在期限内改正";
        case "any":
          return "及时改正（当场改正或者在责令改正期限内改正）";
      }
      break;
    case "harm":
      return condition.atMost === "none" ? "没有造成危害后果" : "危害后果轻微（未造成严重后果）";
    case "noSubjectiveFault":
      return "当事人有证据足以证明没有主观过错";
    case "proactiveElimination":
      return "主动消除或者减轻违法行为危害后果";
    case "subjectCategoryNotIn":
      return `当事人不属于${categoryNames(condition.categories)}行业`;
    case "subjectCategoryIn":
      return `当事人属于${categoryNames(condition.categories)}行业`;
    case "noMajorHazard":
      return "不属于重大事故隐患";
    case "question":
      return condition.expected ? condition.text : `并非：${condition.text}`;
    case "repeatOffence":
      return `${condition.withinMonths}个月内再次实施同一违法行为`;
    case "refusedCorrection":
      return "拒不改正或者逾期未改正";
    case "obstructedInspection":
      return "阻碍、拒绝执法检查";
    case "seriousHarm":
      return "造成严重危害后果";
    case "duringEmergency":
      return "在突发事件期间违反突发事件应对措施";
  }
  return "";
}

/** The question to ask the officer when a condition is unanswered. */
export function conditionQuestion(condition: Condition): { key: string; text: string } {
  switch (condition.kind) {
    case "firstTimeFound":
      return { key: "circumstances.firstTimeFound", text: "该违法行为是否属于首次被发现？" };
    case "firstOffence":
      return { key: "circumstances.firstOffence", text: "当事人是否属于初次违法？" };
    case "corrected":
      return { key: "circumstances.correction", text: "当事人是否已改正违法行为（当场改正、在责令期限内改正、逾期改正或者未改正）？" };
    case "harm":
    case "seriousHarm":
      return { key: "circumstances.harm", text: "违法行为的危害后果如何（没有、轻微或者严重）？" };
    case "noSubjectiveFault":
      return { key: "circumstances.noSubjectiveFault", text: "当事人是否有证据足以证明没有主观过错？" };
    case "proactiveElimination":
      return { key: "circumstances.proactiveElimination", text: "当事人是否主动消除或者减轻了违法行为危害后果？" };
    case "subjectCategoryNotIn":
    case "subjectCategoryIn":
      return { key: "subject.industryCategory", text: "当事人属于哪个行业类别？" };
    case "noMajorHazard":
      return { key: "circumstances.majorHazard", text: "是否属于重大事故隐患？" };
    case "question":
      return { key: `circumstances.answers.${condition.id}`, text: `${condition.text}？` };
    case "repeatOffence":
      return { key: "circumstances.priorViolationDates", text: "当事人此前是否因同一违法行为被查处过（查处日期）？" };
    case "refusedCorrection":
      return { key: "circumstances.refusedCorrection", text: "当事人是否拒不改正或者逾期未改正？" };
    case "obstructedInspection":
      return { key: "circumstances.obstructedInspection", text: "当事人是否阻碍、拒绝执法检查？" };
    case "duringEmergency":
      return { key: "emergency.violatesEmergencyMeasures", text: "违法行为是否发生在突发事件期间并违反突发事件应对措施？" };
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The errors in one condition's own fields (`at` names the condition); keeps the question ids seen so far. */
function fieldErrors(kind: ConditionKind, raw: Record<string, unknown>, at: string, seenQuestions: Set<string>): string[] {
  const errors: string[] = [];
  switch (kind) {
    case "corrected":
      if (!["on_spot", "within_deadline", "any"].includes(raw.how as string)) errors.push(`${at}：请选择改正方式（当场改正、限期内改正或及时改正）`);
      break;
    case "harm":
      if (!["none", "minor"].includes(raw.atMost as string)) errors.push(`${at}：请选择危害后果上限（没有危害后果或危害后果轻微）`);
      break;
    case "subjectCategoryNotIn":
    case "subjectCategoryIn":
      if (!Array.isArray(raw.categories) || raw.categories.length === 0 || raw.categories.some((c) => typeof c !== "string" || c.trim() === "")) {
        errors.push(`${at}：请至少选择一个行业类别`);
      }
      break;
    case "question": {
      if (typeof raw.id !== "string" || !/^[A-Za-z0-9_-]{1,64}$/.test(raw.id)) errors.push(`${at}：问题编号只能由字母、数字、下划线或连字符组成`);
      else if (seenQuestions.has(raw.id)) errors.push(`${at}：问题编号“${raw.id}”重复`);
      else seenQuestions.add(raw.id);
      if (typeof raw.text !== "string" || raw.text.trim() === "") errors.push(`${at}：请填写问题内容`);
      if (typeof raw.expected !== "boolean") errors.push(`${at}：请选择满足条件时的回答（是或否）`);
      break;
    }
    case "repeatOffence":
      if (typeof raw.withinMonths !== "number" || !Number.isInteger(raw.withinMonths) || raw.withinMonths < 1 || raw.withinMonths > 120) {
        errors.push(`${at}：月数必须是1到120之间的整数`);
      }
      break;
    default:
      break;
  }
  return errors;
}

/**
 * Checks conditions as they come from a form or an import (any JSON). Returns Chinese error
 * messages; empty when the conditions are valid. Pass the list type to forbid aggravating
 * conditions on lenient lists and vice versa.
 */
export function validateConditions(conditions: readonly unknown[], options: { listType?: string } = {}): string[] {
  const errors: string[] = [];
  if (!Array.isArray(conditions)) return ["适用条件必须是列表"];
  const seenKinds = new Set<string>();
  const seenQuestions = new Set<string>();
  const lenient = options.listType !== undefined && options.listType !== "heavier";
  conditions.forEach((raw, index) => {
    const at = `第${index + 1}个条件`;
    if (!isObject(raw) || typeof raw.kind !== "string") {
      errors.push(`${at}：缺少条件类型`);
      return;
    }
    const kind = raw.kind as ConditionKind;
    if (!(kind in conditionFormFields)) {
      errors.push(`${at}：未知的条件类型“${raw.kind}”`);
      return;
    }
    const label = conditionKindLabels[kind];
    for (const key of Object.keys(raw)) {
      // A condition carries only the fields its form asks for.
      if (key !== "kind" && !conditionFormFields[kind].some((f) => f.field === key)) errors.push(`${at}（${label}）：不应有字段“${key}”`);
    }
    if (kind !== "question") {
      if (seenKinds.has(kind)) errors.push(`${at}（${label}）：与前面的条件重复`);
      seenKinds.add(kind);
    }
    if (lenient && aggravatingConditionKinds.has(kind)) {
      errors.push(`${at}（${label}）：从重情形不能用于${options.listType === "no_compulsion" ? "不予行政强制" : "从宽"}清单`);
    }
    errors.push(...fieldErrors(kind, raw, `${at}（${label}）`, seenQuestions));
  });
  // Contradictions that make an item impossible to apply.
  const list = conditions.filter(isObject) as Record<string, unknown>[];
  const has = (k: string) => list.some((c) => c.kind === k);
  if (has("seriousHarm") && has("harm")) errors.push("适用条件相互矛盾：不能同时要求“造成严重危害后果”和“危害后果轻微或没有危害后果”");
  if (has("refusedCorrection") && has("corrected")) errors.push("适用条件相互矛盾：不能同时要求“拒不改正”和“及时改正”");
  if (has("repeatOffence") && (has("firstOffence") || has("firstTimeFound")))
    errors.push("适用条件相互矛盾：不能同时要求“再次违法”和“初次违法/首次被发现”");
  return errors;
}

/** Narrowing helper: returns typed conditions when valid, or the Chinese errors. */
export function parseConditions(
  raw: unknown,
  options: { listType?: string } = {},
): { ok: true; conditions: Condition[] } | { ok: false; errors: string[] } {
  if (!Array.isArray(raw)) return { ok: false, errors: ["适用条件必须是列表"] };
  const errors = validateConditions(raw, options);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, conditions: raw as Condition[] };
}
