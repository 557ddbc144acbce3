/**
 * Stage 6 — the trace (time limit, statutory and list candidates, aggravated items, 舟山) and the
 * questions whose answer could still change the outcome.
 */
import type { DecisionQuestion, Outcome, RuleTrace } from "../types";
import { pushUnique, rank, toTrace, traceEntry, type Candidate } from "./candidates";
import type { Chosen } from "./outcome";

const zhoushanTrace: Omit<RuleTrace, "conditions"> = {
  rule: "policy.zhoushan",
  label: "清单未作规定但符合法定不予处罚情形（舟政办发〔2023〕47号）",
  result: "held",
  outcome: "no_penalty",
  applied: true,
};

/** The candidates' trace entries, after the time limit's. */
export function traceOf(candidates: readonly Candidate[], heavier: readonly Candidate[], chosen: Chosen, zhoushan: boolean): RuleTrace[] {
  const trace: RuleTrace[] = [];
  for (const c of candidates) trace.push(toTrace(c, chosen.group.includes(c)));
  for (const c of heavier) trace.push(toTrace(c, c === chosen.heavierApplied));
  if (zhoushan) trace.push({ ...zhoushanTrace, conditions: [traceEntry("没有适用的不予处罚清单事项", "held")] });
  return trace;
}

/** Questions that could still change the outcome: the time limit's, more lenient candidates', and (for 依法处罚) aggravated items'. */
export function openQuestions(
  timeQuestions: readonly DecisionQuestion[],
  candidates: readonly Candidate[],
  heavier: readonly Candidate[],
  outcome: Outcome,
): DecisionQuestion[] {
  const questions: DecisionQuestion[] = [];
  const finalRank = rank[outcome];
  pushUnique(questions, timeQuestions, (x) => x.key);
  for (const c of candidates) {
    if (c.result === "unanswered" && !c.skipped && rank[c.outcome] < finalRank) pushUnique(questions, c.questions, (x) => x.key);
  }
  if (outcome === "ordinary") {
    for (const c of heavier) if (c.result === "unanswered") pushUnique(questions, c.questions, (x) => x.key);
  }
  return questions;
}
