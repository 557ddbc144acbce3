/**
 * Stage 5 — measures: the applied list item's soft measures, and for 不予处罚 the duty to educate
 * (行政处罚法 第三十三条第三款: 说服教育, cited in the basis).
 */
import type { ProvisionLookup } from "../../laws/types";
import type { SoftMethod } from "../../measures";
import { provisionRef, provisions } from "../statutes";
import type { DecisionInput } from "../types";
import { pushUnique, refKey, type Candidate } from "./candidates";
import type { Chosen } from "./outcome";

export interface Measures {
  measures: SoftMethod[];
  otherMeasures: string[];
}

/** The measures of the decision; adds 第三十三条第三款 to the chosen basis where it applies. */
export function measuresFor(chosen: Chosen, listApplied: Candidate | undefined, input: DecisionInput, lookup: ProvisionLookup): Measures {
  const measures: SoftMethod[] = [];
  const otherMeasures: string[] = [];
  if (listApplied?.compiled) {
    pushUnique(measures, listApplied.compiled.item.measures, (m) => m);
    pushUnique(otherMeasures, listApplied.compiled.item.otherMeasures, (m) => m);
  }
  const waived = chosen.outcome === "no_penalty" || chosen.outcome === "may_waive";
  if ((input.kind ?? "penalty") === "penalty" && waived) {
    pushUnique(chosen.basis, [provisionRef(lookup, provisions.art33para3)], refKey);
    if (!measures.includes("persuasion")) measures.unshift("persuasion");
  }
  return { measures, otherMeasures };
}
