/**
 * Stage 7 — what the outcome asks for: the documents of the case and the fine's guidance.
 */
import type { CorrectionState } from "../../lists/conditions";
import type { SoftMethod } from "../../measures";
import type { Decision, DecisionDocumentType, DecisionInput, Outcome } from "../types";
import type { Candidate } from "./candidates";

const measureDocuments: Partial<Record<SoftMethod, DecisionDocumentType>> = {
  administrativeAdvice: "advice",
  administrativeWarning: "warning",
  administrativeInterview: "interview_notice",
  administrativeGuidance: "guidance",
  administrativeReminder: "reminder",
};

/** Outcomes decided by 不予行政处罚决定书. */
const noPenaltyOutcomes: ReadonlySet<Outcome> = new Set<Outcome>(["no_penalty", "may_waive", "time_barred"]);
/** Outcomes that may end in a penalty (告知书 and 决定书 unless compulsion). */
const penaltyOutcomes: ReadonlySet<Outcome> = new Set<Outcome>(["mitigated", "lighter", "ordinary", "heavier", "not_applicable"]);
/** Outcomes followed by a visit (回访). */
const followUpOutcomes: ReadonlySet<Outcome> = new Set<Outcome>(["no_penalty", "may_waive", "mitigated", "lighter", "no_compulsion"]);
/** Correction states that need an order to correct within a deadline. */
const correctionOrderStates: ReadonlySet<CorrectionState | undefined> = new Set<CorrectionState | undefined>([
  "within_deadline",
  "pending",
  "not_corrected",
  "after_deadline",
]);

/** The minor-violation route (list item or 第三十三条第一款) ends with a commitment (承诺书). */
export function isMinorViolationRoute(group: readonly Candidate[]): boolean {
  return group.some((c) => c.listItem !== undefined || c.rule.startsWith("statute.art33.1"));
}

function needsCorrectionOrder(input: DecisionInput): boolean {
  const correction = input.circumstances.correction;
  const ordersCorrection = /责令[^，。；]*改正/.test(input.matter.penaltyText ?? "");
  return correctionOrderStates.has(correction) || (ordersCorrection && correction !== "on_spot");
}

export function documentsFor(
  outcome: Outcome,
  measures: readonly SoftMethod[],
  input: DecisionInput,
  minorViolationRoute: boolean,
): DecisionDocumentType[] {
  const docs: DecisionDocumentType[] = [];
  const add = (d: DecisionDocumentType) => {
    if (!docs.includes(d)) docs.push(d);
  };
  if (noPenaltyOutcomes.has(outcome)) add("no_penalty_decision");
  if (penaltyOutcomes.has(outcome) && input.kind !== "compulsion") {
    add("penalty_notice");
    add("penalty_decision");
  }
  if (outcome !== "time_barred") {
    for (const m of measures) {
      const d = measureDocuments[m];
      if (d) add(d);
    }
    if (needsCorrectionOrder(input)) add("correction_order");
    if ((outcome === "no_penalty" || outcome === "may_waive") && minorViolationRoute) add("commitment");
  }
  if (docs.length > 0) add("delivery_receipt");
  if (followUpOutcomes.has(outcome)) add("follow_up_form");
  return docs;
}

export function fineFor(outcome: Outcome, input: DecisionInput): Decision["fine"] {
  const range = input.matter.fineRange;
  if (!range || input.kind === "compulsion") return null;
  const { minYuan, maxYuan } = range;
  const span = minYuan > 0 ? `${minYuan}元以上${maxYuan}元以下` : `${maxYuan}元以下`;
  let guidance: string;
  switch (outcome) {
    case "lighter":
      guidance = `在法定罚款幅度（${span}）内选择较轻的罚款数额，即从轻处罚。`;
      break;
    case "mitigated":
      guidance =
        minYuan > 0
          ? `在法定最低罚款数额（${minYuan}元）以下处罚，即减轻处罚。`
          : `法定罚款幅度为${span}，没有最低数额；减轻处罚应选择比罚款更轻的处罚种类或者明显低于一般情形的数额。`;
      break;
    case "heavier":
      guidance = `在法定罚款幅度（${span}）内选择较重的罚款数额，即从重处罚，不得超过${maxYuan}元。`;
      break;
    case "may_waive":
      guidance = `如决定给予处罚，在法定罚款幅度（${span}）内依法确定。`;
      break;
    case "ordinary":
    case "not_applicable":
      guidance = `在法定罚款幅度（${span}）内依法确定。`;
      break;
    default:
      return null;
  }
  return { minYuan, maxYuan, guidance };
}
