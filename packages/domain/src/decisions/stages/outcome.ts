/**
 * Stage 4 — the outcome: the most lenient applicable one wins (a list item and the statute of the
 * same rank are cited together); only when nothing lenient applies, the aggravated list (从重),
 * else 柔性执法不适用 during an emergency, else 依法处罚.
 */
import type { ProvisionLookup } from "../../laws/types";
import { provisionRef, provisions, tryProvisionRef } from "../statutes";
import type { DecisionInput, Outcome, ProvisionRef } from "../types";
import { pushUnique, rank, refKey, type Candidate } from "./candidates";
import { candidateBasis } from "./lists";
import type { SoftExclusion } from "./policies";

export interface Chosen {
  outcome: Outcome;
  permitted: Outcome[];
  /** The candidates applied: the most lenient ones, or the aggravated item; none otherwise. */
  group: Candidate[];
  /** The aggravated list item applied, if any. */
  heavierApplied?: Candidate;
  reasons: string[];
  basis: ProvisionRef[];
}

export interface OutcomeContext {
  input: DecisionInput;
  lookup: ProvisionLookup;
  /** Missing provisions of list items or of the matter are reported here. */
  warnings: string[];
  exclusion: SoftExclusion | undefined;
}

function mostLenient(held: Candidate[], heavier: readonly Candidate[], ctx: OutcomeContext): Chosen {
  const best = Math.min(...held.map((c) => rank[c.outcome]));
  const group = held.filter((c) => rank[c.outcome] === best);
  // The list item, where one applies, names the outcome's list entry; statute and item both cited.
  group.sort((a, b) => (a.listItem ? 0 : 1) - (b.listItem ? 0 : 1));
  const outcome = group[0].outcome;
  let permitted: Outcome[] = [];
  for (const c of group) pushUnique(permitted, c.permitted, (o) => o);
  if (group.some((c) => c.mandatory)) permitted = permitted.filter((o) => o !== "ordinary");
  if (outcome === "may_waive") {
    const rest = held.filter((c) => rank[c.outcome] > best);
    const fallback = rest.length > 0 ? rest.reduce((a, b) => (rank[b.outcome] < rank[a.outcome] ? b : a)).outcome : "ordinary";
    permitted = ["no_penalty", fallback];
  }
  const reasons: string[] = [];
  const basis: ProvisionRef[] = [];
  for (const c of group) {
    reasons.push(c.reason);
    pushUnique(basis, candidateBasis(c, ctx.lookup, ctx.warnings), refKey);
  }
  const heavierHeld = heavier.filter((c) => c.result === "held");
  if (heavierHeld.length > 0) {
    ctx.warnings.push(`同时符合从重情形（${heavierHeld.map((c) => c.label).join("；")}），依法从宽情形优先适用，请法制审核人员复核。`);
  }
  return { outcome, permitted, group, reasons, basis };
}

function aggravated(item: Candidate, ctx: OutcomeContext): Chosen {
  let basis = candidateBasis(item, ctx.lookup, ctx.warnings);
  if (basis.length === 0) basis = [provisionRef(ctx.lookup, provisions.art5para2)];
  return {
    outcome: "heavier",
    permitted: ["heavier"],
    group: [item],
    heavierApplied: item,
    reasons: [item.reason.replace(/^符合/, "符合从重情形：")],
    basis,
  };
}

function notApplicable(exclusion: SoftExclusion, ctx: OutcomeContext): Chosen {
  const { violation } = exclusion;
  const kind = ctx.input.kind ?? "penalty";
  const citation = kind === "compulsion" ? provisions.compulsionArt16para1 : violation ? provisions.art49 : provisions.art5para2;
  return {
    outcome: "not_applicable",
    permitted: violation ? ["heavier"] : ["ordinary", "heavier"],
    group: [],
    reasons: [`${exclusion.reason}，应当依法处理${violation && kind === "penalty" ? "，依法快速、从重处罚" : ""}。`],
    basis: [provisionRef(ctx.lookup, citation)],
  };
}

function ordinary(ctx: OutcomeContext): Chosen {
  const { input, lookup, warnings } = ctx;
  const chosen: Chosen = { outcome: "ordinary", permitted: ["ordinary"], group: [], reasons: [], basis: [] };
  if (input.kind === "compulsion") {
    chosen.reasons.push("不符合不予行政强制的情形，可以依照法律、法规的规定实施行政强制措施。");
    chosen.basis = [provisionRef(lookup, provisions.compulsionArt16para1)];
    return chosen;
  }
  chosen.reasons.push("不符合不予处罚、从轻或者减轻处罚的法定情形和清单情形，依法处罚。");
  for (const citation of input.matter.penaltyBasis ?? []) {
    const ref = tryProvisionRef(lookup, citation);
    if (ref) chosen.basis.push(ref);
    else warnings.push(`事项的处罚依据在法律法规库中找不到：《${citation.law}》第${citation.article}条`);
  }
  if (chosen.basis.length === 0) chosen.basis = [provisionRef(lookup, provisions.art5para2)];
  return chosen;
}

/** Chooses the outcome among the lenient candidates (skipped ones excluded) and the aggravated items. */
export function chooseOutcome(candidates: readonly Candidate[], heavier: readonly Candidate[], ctx: OutcomeContext): Chosen {
  const held = candidates.filter((c) => c.result === "held" && !c.skipped);
  if (held.length > 0) return mostLenient(held, heavier, ctx);
  const heavierApplied = heavier.find((c) => c.result === "held");
  if (heavierApplied) return aggravated(heavierApplied, ctx);
  if (ctx.exclusion) return notApplicable(ctx.exclusion, ctx);
  return ordinary(ctx);
}
