/**
 * The policies beside the statute: during an emergency (violation of emergency measures, seed 001;
 * exploiting an emergency, seed 004) lists and discretionary leniency do not apply; 舟山 (seed 002):
 * a statutory 不予处罚 applies even where no list item does.
 */
import { emergencyPolicy, exploitEmergencyPolicy, zhoushanPolicy } from "../statutes";
import type { DecisionInput, PolicyRef } from "../types";
import type { Candidate } from "./candidates";
import type { Chosen } from "./outcome";

export interface SoftExclusion {
  /** Violation of emergency measures (else: exploiting an emergency). */
  violation: boolean;
  reason: string;
}

/** Whether the emergency excludes soft enforcement, and why. */
export function softExclusion(input: DecisionInput): SoftExclusion | undefined {
  const violation = input.emergency?.violatesEmergencyMeasures === true;
  const exploit = input.emergency?.exploitsEmergency === true;
  if (!violation && !exploit) return undefined;
  return {
    violation,
    reason: violation ? "突发事件期间违反突发事件应对措施，不适用柔性执法" : "利用突发事件实施违法行为，不适用柔性执法",
  };
}

/** Marks list items and discretionary statutory rules as skipped (mandatory statute still applies). */
export function skipSoftCandidates(candidates: readonly Candidate[], exclusion: SoftExclusion): void {
  for (const c of candidates) if (c.listItem || !c.mandatory) c.skipped = exclusion.reason;
}

export interface Policies {
  policyBasis: PolicyRef[];
  /** The list item applied, if any. */
  listApplied: Candidate | undefined;
  /** 舟山: a statutory 不予处罚 with no list item. */
  zhoushan: boolean;
}

/** The policies cited; adds their reasons to the chosen outcome's. */
export function applyPolicies(chosen: Chosen, input: DecisionInput, exclusion: SoftExclusion | undefined): Policies {
  const policyBasis: PolicyRef[] = [];
  if (exclusion) {
    policyBasis.push(exclusion.violation ? emergencyPolicy : exploitEmergencyPolicy);
    if (chosen.outcome !== "not_applicable") chosen.reasons.push(`${exclusion.reason}，清单及可以从宽的情形不予适用。`);
  }
  const listApplied = chosen.group.find((c) => c.listItem);
  const zhoushan = chosen.outcome === "no_penalty" && (input.kind ?? "penalty") === "penalty" && !listApplied;
  if (zhoushan) {
    policyBasis.push(zhoushanPolicy);
    chosen.reasons.push("不予处罚清单未作规定，但违法行为符合法定不予处罚情形，依法不予处罚。");
  }
  return { policyBasis, listApplied, zhoushan };
}
