/**
 * Stage 3 — the organisation's lists in force on the decision date (own + claimed): an item
 * applies only when all its conditions hold. The aggravated list (从重) is kept apart: it applies
 * only when nothing lenient does.
 */
import type { ProvisionLookup } from "../../laws/types";
import { conditionQuestion, evaluateCondition, type Condition, type ConditionFacts } from "../../lists/conditions";
import type { ListType } from "../../lists/types";
import { itemsFor, type CompiledItem, type DecisionIndex } from "../decisionIndex";
import { tryProvisionRef } from "../statutes";
import type { DecisionInput, ListItemRef, Outcome, ProvisionRef } from "../types";
import { Conditions, resolveBasis, type Candidate } from "./candidates";

const listOutcome: Partial<Record<ListType, Outcome>> = {
  no_penalty: "no_penalty",
  mitigated: "mitigated",
  lighter: "lighter",
  no_compulsion: "no_compulsion",
};

function listItemRef(e: CompiledItem): ListItemRef {
  return {
    listId: e.listId,
    listType: e.listType,
    listTitle: e.listTitle,
    organisationId: e.ownerOrganisationId,
    version: e.version,
    seq: e.item.seq,
    matterName: e.item.matterName,
    circumstances: e.item.circumstances,
    claimed: e.claimed,
  };
}

function itemBasis(e: CompiledItem, lookup: ProvisionLookup, warnings: string[]): ProvisionRef[] {
  const refs: ProvisionRef[] = [];
  for (const citation of e.item.basis) {
    const ref = tryProvisionRef(lookup, citation);
    if (ref) refs.push(ref);
    else warnings.push(`《${e.listTitle}》第${e.item.seq}项的依据在法律法规库中找不到，请清单管理员核查：${e.item.basisText}`);
  }
  return refs;
}

/** The provisions a candidate cites: a list item's own basis (a missing one is a warning), else the statute's. */
export function candidateBasis(c: Candidate, lookup: ProvisionLookup, warnings: string[]): ProvisionRef[] {
  return c.compiled ? itemBasis(c.compiled, lookup, warnings) : resolveBasis(c.basis, lookup);
}

function listCandidate(e: CompiledItem, outcome: Outcome, facts: ConditionFacts): Candidate {
  const cs = new Conditions();
  for (let i = 0; i < e.conditions.length; i += 1) {
    const condition: Condition = e.conditions[i];
    const result = evaluateCondition(condition, facts);
    cs.add(e.descriptions[i], result, result === "unanswered" ? conditionQuestion(condition) : undefined);
  }
  return {
    rule: e.rule,
    label: e.label,
    outcome,
    permitted: [outcome],
    mandatory: true,
    result: cs.all(),
    conditions: cs.trace,
    questions: cs.questions,
    basis: [],
    reason: e.reason,
    compiled: e,
    listItem: listItemRef(e),
  };
}

export interface ListCandidates {
  /** Lenient items of the decision's kind (no_compulsion for compulsion, the others for penalties). */
  lenient: Candidate[];
  /** Aggravated items (penalties only). */
  heavier: Candidate[];
}

export function listCandidates(index: DecisionIndex, input: DecisionInput, facts: ConditionFacts): ListCandidates {
  const kind = input.kind ?? "penalty";
  const entries = itemsFor(index, input.organisationId, input.matter.code, input.decisionDate);
  const lenient: Candidate[] = [];
  const heavier: Candidate[] = [];
  for (const e of entries) {
    if (e.listType === "heavier") {
      if (kind === "penalty") heavier.push(listCandidate(e, "heavier", facts));
      continue;
    }
    const outcome = listOutcome[e.listType];
    if (!outcome) continue;
    if ((kind === "compulsion") !== (e.listType === "no_compulsion")) continue;
    lenient.push(listCandidate(e, outcome, facts));
  }
  return { lenient, heavier };
}
