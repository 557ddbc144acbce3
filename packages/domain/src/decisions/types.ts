/**
 * The decision engine's input and output (one JSON shape: docs/decision-input.schema.json and
 * docs/decision-output.schema.json).
 */
import type { Citation } from "../laws/types";
import type { ConditionResult, CorrectionState, HarmLevel } from "../lists/conditions";
import type { ListType } from "../lists/types";
import type { SoftMethod } from "../measures";

export const outcomes = [
  "no_penalty",
  "may_waive",
  "mitigated",
  "lighter",
  "ordinary",
  "heavier",
  "time_barred",
  "no_compulsion",
  "not_applicable",
] as const;
export type Outcome = (typeof outcomes)[number];

export const outcomeLabels: Record<Outcome, string> = {
  no_penalty: "不予行政处罚",
  may_waive: "可以不予行政处罚",
  mitigated: "减轻行政处罚",
  lighter: "从轻行政处罚",
  ordinary: "依法处罚",
  heavier: "从重行政处罚",
  time_barred: "不再给予行政处罚（超过时效）",
  no_compulsion: "不予行政强制",
  not_applicable: "柔性执法不适用",
};

/**
 * Document types a case may need. All but penalty_notice/penalty_decision (ordinary procedure)
 * are the documents module's DocumentType codes.
 */
export const decisionDocumentTypes = [
  "no_penalty_decision",
  "penalty_notice",
  "penalty_decision",
  "warning",
  "advice",
  "guidance",
  "reminder",
  "interview_notice",
  "correction_order",
  "commitment",
  "delivery_receipt",
  "follow_up_form",
] as const;
export type DecisionDocumentType = (typeof decisionDocumentTypes)[number];

export const decisionDocumentLabels: Record<DecisionDocumentType, string> = {
  no_penalty_decision: "不予行政处罚决定书",
  penalty_notice: "行政处罚告知书",
  penalty_decision: "行政处罚决定书",
  warning: "行政告诫书",
  advice: "行政执法建议书",
  guidance: "行政指导意见书",
  reminder: "行政执法提示书",
  interview_notice: "行政约谈通知书",
  correction_order: "责令限期改正通知书",
  commitment: "轻微违法行为承诺书",
  delivery_receipt: "送达回证",
  follow_up_form: "行政执法案件回访登记表",
};

/** The matter, as the catalogue holds it. */
export interface DecisionMatter {
  /** 事项编码, e.g. "YJ-AQSCF-097-04" */
  code: string;
  name: string;
  /** 罚款幅度 of the penalty provision, in yuan. */
  fineRange?: { minYuan: number; maxYuan: number };
  /** The penalty provision's wording (e.g. "责令限期改正，处十万元以下的罚款；…"). */
  penaltyText?: string;
  /** Whether the violation concerns 公民生命健康安全、金融安全 (行政处罚法 第三十六条). */
  lifeHealthOrFinancialSafety?: boolean;
  /** The penalty provision(s); cited when the outcome is an ordinary penalty. */
  penaltyBasis?: Citation[];
}

/** 精神状况 (行政处罚法 第三十一条). */
export type MentalCapacity = "full" | "unable" | "partial" | "intermittent_lucid";

export interface DecisionSubject {
  kind: "enterprise" | "individual";
  /** 行业类别: one of lists' industryCategories (mining, hazardous_chemicals, …, general) */
  industryCategory?: string;
  /** Individuals: date of birth; the age at the act is computed from it. */
  birthDate?: string;
  /** Individuals: age in full years (周岁) at the time of the act, when no birth date is given. */
  ageAtAct?: number;
  /** Individuals: 精神病人、智力残疾人 — unable 不能辨认或者不能控制; partial 尚未完全丧失; intermittent_lucid 间歇性精神病人在精神正常时. */
  mentalCapacity?: MentalCapacity;
}

export interface DecisionAct {
  /** 违法行为发生之日 (start of a continuing act). */
  date: string;
  /** 发现之日 */
  discoveredOn: string;
  /** 违法行为有连续或者继续状态 */
  continuing?: boolean;
  /** 行为终了之日 of a continuing act; absent while it continues. */
  endDate?: string;
}

export interface DecisionCircumstances {
  /** 首次被发现 */
  firstTimeFound?: boolean;
  /** 初次违法 */
  firstOffence?: boolean;
  correction?: CorrectionState;
  harm?: HarmLevel;
  /** 当事人有证据足以证明没有主观过错 */
  noSubjectiveFault?: boolean;
  /** 主动消除或者减轻违法行为危害后果 */
  proactiveElimination?: boolean;
  /** 受他人胁迫或者诱骗实施违法行为 */
  coercedOrDeceived?: boolean;
  /** 主动供述行政机关尚未掌握的违法行为 */
  confessedUnknownViolation?: boolean;
  /** 配合行政机关查处违法行为有立功表现 */
  meritoriousCooperation?: boolean;
  /** 重大事故隐患 */
  majorHazard?: boolean;
  /** The officer's judgement: 违法行为轻微 */
  minorViolation?: boolean;
  /** 行政强制法 第十六条第二款: 情节显著轻微 */
  significantlyMinor?: boolean;
  /** 行政强制法 第十六条第二款: 没有明显社会危害 */
  noObviousSocialHarm?: boolean;
  refusedCorrection?: boolean;
  obstructedInspection?: boolean;
  /** Dates of earlier established violations of the same matter ([] = none). */
  priorViolationDates?: string[];
  /** Answers to list items' own questions, by question id. */
  answers?: Record<string, boolean>;
}

export interface DecisionInput {
  /** penalty (default): 是否处罚、如何处罚; compulsion: 是否采取行政强制措施. */
  kind?: "penalty" | "compulsion";
  /** The deciding organisation; its own and claimed lists apply. */
  organisationId: string;
  /** The lists' version in force on this date applies. */
  decisionDate: string;
  matter: DecisionMatter;
  subject: DecisionSubject;
  act: DecisionAct;
  /** 突发事件: violating emergency measures (seed 001) or exploiting an emergency (seed 004). */
  emergency?: { violatesEmergencyMeasures?: boolean; exploitsEmergency?: boolean };
  circumstances: DecisionCircumstances;
}

export interface ProvisionRef {
  citation: Citation;
  /** As officials write it: "《中华人民共和国行政处罚法》第三十三条第一款" */
  cited: string;
  /** 前段 / 后段 of a paragraph with two sentences. */
  part?: "前段" | "后段";
  /** The text relied on. */
  text: string;
}

/** A policy document relied on (the seeds), not a law. */
export interface PolicyRef {
  document: string;
  section: string;
  text: string;
}

export interface ListItemRef {
  listId: string;
  listType: ListType;
  listTitle: string;
  /** The list's owner (differs from the deciding organisation when claimed). */
  organisationId: string;
  version: number;
  seq: number;
  matterName: string;
  circumstances: string;
  claimed: boolean;
}

export interface ConditionTrace {
  description: string;
  result: ConditionResult;
  resultLabel: string;
}

export interface RuleTrace {
  /** Stable rule id: "statute.art33.1.former", "list:<listId>:v1:3" … */
  rule: string;
  label: string;
  result: ConditionResult;
  /** The outcome the rule leads to when it holds. */
  outcome: Outcome | null;
  /** Whether the rule's outcome is the decision's outcome. */
  applied: boolean;
  /** Why the rule was not considered (e.g. emergency), in Chinese. */
  skipped?: string;
  conditions: ConditionTrace[];
  listItem?: ListItemRef;
}

export interface DecisionQuestion {
  /** Path of the input field that answers it, e.g. "circumstances.minorViolation". */
  key: string;
  text: string;
}

export interface Decision {
  kind: "penalty" | "compulsion";
  outcome: Outcome;
  outcomeLabel: string;
  /** The outcomes the agency may choose from (e.g. may_waive → no_penalty or a penalty). */
  permittedOutcomes: Outcome[];
  /** True when no unanswered question could change the outcome. */
  firm: boolean;
  organisationId: string;
  decisionDate: string;
  matter: { code: string; name: string };
  /** Chinese sentences explaining the outcome. */
  reasons: string[];
  /** Every provision relied on, with its text (never empty). */
  basis: ProvisionRef[];
  policyBasis: PolicyRef[];
  listItem: ListItemRef | null;
  trace: RuleTrace[];
  questions: DecisionQuestion[];
  measures: SoftMethod[];
  otherMeasures: string[];
  documents: DecisionDocumentType[];
  /** The fine range where a penalty remains, with guidance. */
  fine: { minYuan: number; maxYuan: number; guidance: string } | null;
  warnings: string[];
}

export interface DecisionInputError {
  field: string;
  message: string;
}
