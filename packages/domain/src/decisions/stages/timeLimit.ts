/**
 * Stage 1 — 行政处罚法 第三十六条 (time limit, penalties only): a violation not discovered within
 * two years (five where it concerns life, health or financial safety and caused harm) is not
 * punished, whatever else holds.
 */
import type { ConditionResult } from "../../lists/conditions";
import { addYears } from "../../dates/index";
import { provisions } from "../statutes";
import type { DecisionInput, DecisionQuestion, RuleTrace } from "../types";
import { Conditions, type BasisSpec } from "./candidates";

const lhsQuestion: DecisionQuestion = { key: "matter.lifeHealthOrFinancialSafety", text: "该违法行为是否涉及公民生命健康安全、金融安全？" };
const harmQuestion: DecisionQuestion = { key: "circumstances.harm", text: "违法行为是否造成危害后果（决定适用二年还是五年时效）？" };

export interface TimeLimit {
  trace: RuleTrace;
  barred: boolean;
  questions: DecisionQuestion[];
  basis: BasisSpec[];
}

/** Beyond two years: whether the five-year limit (涉及公民生命健康安全、金融安全且有危害后果) still allows a penalty. */
function beyondTwoYears(input: DecisionInput, start: string, cs: Conditions): ConditionResult {
  const harm = input.circumstances.harm;
  const fiveYears = addYears(start, 5);
  const beyondFive = input.act.discoveredOn > fiveYears;
  const harmful: boolean | undefined = harm === undefined ? undefined : harm !== "none";
  const lhs = input.matter.lifeHealthOrFinancialSafety;
  const extended: ConditionResult = lhs === false || harmful === false ? "failed" : lhs === true && harmful === true ? "held" : "unanswered";
  const questions: DecisionQuestion[] = [];
  if (lhs === undefined) questions.push(lhsQuestion);
  if (harmful === undefined) questions.push(harmQuestion);
  cs.addOnce(`涉及公民生命健康安全、金融安全且有危害后果，期限延长至五年（至${fiveYears}）`, extended);
  if (extended === "unanswered") for (const x of questions) cs.questions.push(x);
  if (extended === "failed") return "held";
  if (beyondFive) {
    cs.addOnce(`自${start}起五年内（至${fiveYears}）亦未被发现`, "held");
    return "held";
  }
  return extended === "held" ? "failed" : "unanswered";
}

export function timeLimit(input: DecisionInput): TimeLimit {
  const cs = new Conditions();
  const { act } = input;
  let result: ConditionResult;
  const continuing = act.continuing === true;
  const start = continuing ? act.endDate : act.date;
  if (continuing) cs.add("违法行为有连续或者继续状态，期限从行为终了之日起计算", "held");
  if (start === undefined) {
    cs.add("违法行为仍在继续，时效尚未起算", "held");
    result = "failed";
  } else {
    const twoYears = addYears(start, 2);
    const beyondTwo = act.discoveredOn > twoYears;
    cs.addOnce(`自${start}起二年内（至${twoYears}）未被发现`, beyondTwo ? "held" : "failed");
    result = beyondTwo ? beyondTwoYears(input, start, cs) : "failed";
  }
  const basis: BasisSpec[] = [{ citation: provisions.art36para1 }];
  if (continuing) basis.push({ citation: provisions.art36para2 });
  return {
    trace: {
      rule: "statute.art36",
      label: "行政处罚法第三十六条（处罚时效）",
      result,
      outcome: "time_barred",
      applied: result === "held",
      conditions: cs.trace,
    },
    barred: result === "held",
    questions: result === "unanswered" ? cs.questions : [],
    basis,
  };
}
