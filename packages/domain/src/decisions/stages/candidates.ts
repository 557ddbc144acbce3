/**
 * What the stages of evaluateDecision share: a candidate rule (statutory or list item), the
 * conditions it checked, and the order of leniency.
 */
import type { Citation, ProvisionLookup } from "../../laws/types";
import { conditionResultLabels, type ConditionFacts, type ConditionResult } from "../../lists/conditions";
import type { CompiledItem } from "../decisionIndex";
import { provisionRef } from "../statutes";
import type { ConditionTrace, DecisionInput, DecisionQuestion, ListItemRef, Outcome, PolicyRef, ProvisionRef, RuleTrace } from "../types";

/** Lower is more lenient. */
export const rank: Record<Outcome, number> = {
  no_penalty: 0,
  no_compulsion: 0,
  may_waive: 1,
  mitigated: 2,
  lighter: 3,
  ordinary: 4,
  not_applicable: 4,
  heavier: 5,
  time_barred: -1,
};

export interface BasisSpec {
  citation: Citation;
  part?: "前段" | "后段";
}

export interface Candidate {
  rule: string;
  label: string;
  outcome: Outcome;
  permitted: Outcome[];
  mandatory: boolean;
  result: ConditionResult;
  conditions: ConditionTrace[];
  questions: DecisionQuestion[];
  /** Provisions to cite when the candidate applies (resolved only then). */
  basis: readonly BasisSpec[];
  reason: string;
  policies?: PolicyRef[];
  skipped?: string;
  compiled?: CompiledItem;
  listItem?: ListItemRef;
}

export function resolveBasis(specs: readonly BasisSpec[], lookup: ProvisionLookup): ProvisionRef[] {
  const out: ProvisionRef[] = [];
  for (const b of specs) out.push(provisionRef(lookup, b.citation, b.part));
  return out;
}

/** Trace entries are immutable and shared between decisions (one per description and result). */
const traceEntries = new Map<string, Record<ConditionResult, ConditionTrace>>();

export function traceEntry(description: string, result: ConditionResult): ConditionTrace {
  let entries = traceEntries.get(description);
  if (!entries) {
    const make = (r: ConditionResult) => Object.freeze({ description, result: r, resultLabel: conditionResultLabels[r] });
    entries = { held: make("held"), failed: make("failed"), unanswered: make("unanswered") };
    if (traceEntries.size < 100_000) traceEntries.set(description, entries);
  }
  return entries[result];
}

export class Conditions {
  readonly trace: ConditionTrace[] = [];
  readonly questions: DecisionQuestion[] = [];
  add(description: string, result: ConditionResult, question?: DecisionQuestion): this {
    this.trace.push(traceEntry(description, result));
    if (result === "unanswered" && question) this.questions.push(question);
    return this;
  }
  /** For descriptions that embed dates (not shared). */
  addOnce(description: string, result: ConditionResult, question?: DecisionQuestion): this {
    this.trace.push({ description, result, resultLabel: conditionResultLabels[result] });
    if (result === "unanswered" && question) this.questions.push(question);
    return this;
  }
  all(): ConditionResult {
    let unanswered = false;
    for (const c of this.trace) {
      if (c.result === "failed") return "failed";
      if (c.result === "unanswered") unanswered = true;
    }
    return unanswered ? "unanswered" : "held";
  }
  any(): ConditionResult {
    let unanswered = false;
    for (const c of this.trace) {
      if (c.result === "held") return "held";
      if (c.result === "unanswered") unanswered = true;
    }
    return unanswered ? "unanswered" : "failed";
  }
}

export function yes(value: boolean | undefined): ConditionResult {
  return value === undefined ? "unanswered" : value ? "held" : "failed";
}

export function toTrace(c: Candidate, applied: boolean): RuleTrace {
  const t: RuleTrace = { rule: c.rule, label: c.label, result: c.result, outcome: c.outcome, applied, conditions: c.conditions };
  if (c.skipped) t.skipped = c.skipped;
  if (c.listItem) t.listItem = c.listItem;
  return t;
}

/** Appends the values whose key is not yet present (the arrays are a handful long). */
export function pushUnique<T>(target: T[], values: readonly T[], key: (v: T) => string): void {
  for (const v of values) {
    const k = key(v);
    let found = false;
    for (const t of target) {
      if (key(t) === k) {
        found = true;
        break;
      }
    }
    if (!found) target.push(v);
  }
}

export const refKey = (r: ProvisionRef) => `${r.cited}|${r.part ?? ""}`;

/** The facts the conditions of statutory rules and list items are evaluated against. */
export function factsOf(input: DecisionInput): ConditionFacts {
  const c = input.circumstances;
  return {
    actDate: input.act.date,
    industryCategory: input.subject.industryCategory,
    firstTimeFound: c.firstTimeFound,
    firstOffence: c.firstOffence,
    correction: c.correction,
    harm: c.harm,
    noSubjectiveFault: c.noSubjectiveFault,
    proactiveElimination: c.proactiveElimination,
    majorHazard: c.majorHazard,
    answers: c.answers,
    priorViolationDates: c.priorViolationDates,
    refusedCorrection: c.refusedCorrection,
    obstructedInspection: c.obstructedInspection,
    violatesEmergencyMeasures: input.emergency?.violatesEmergencyMeasures,
  };
}
