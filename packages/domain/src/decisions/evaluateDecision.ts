/**
 * evaluateDecision: whether a violation must not be punished, may not be punished, is mitigated,
 * lighter, ordinary or aggravated — with the law cited. Order of precedence (docs/decisions.md):
 *
 *  1. 行政处罚法 第三十六条 — time limit: a time-barred act is not punished, whatever else holds.
 *  2. Statutory rules (mandatory ones always; discretionary ones unless soft enforcement is excluded):
 *     第三十条, 第三十一条, 第三十三条第二款, 第三十三条第一款前段 / 后段, 第三十二条
 *     (行政强制法 第十六条第二款 for compulsion).
 *  3. The organisation's lists in force on the decision date (own + claimed): an item applies
 *     only when all its conditions hold. During an emergency (violation of emergency measures,
 *     seed 001; exploiting an emergency, seed 004) lists and discretionary leniency do not apply.
 *  4. The most lenient applicable outcome wins; a statutory 不予处罚 applies even where no list
 *     item does (舟山, seed 002).
 *  5. Only when nothing lenient applies: the aggravated list (从重), else 柔性执法不适用 during an
 *     emergency, else 依法处罚.
 *
 * Each stage is a module of ./stages; this file only runs them in order.
 */
import type { ProvisionLookup } from "../laws/types";
import type { DecisionIndex } from "./decisionIndex";
import { factsOf, resolveBasis } from "./stages/candidates";
import { documentsFor, fineFor, isMinorViolationRoute } from "./stages/documents";
import { listCandidates } from "./stages/lists";
import { measuresFor } from "./stages/measures";
import { chooseOutcome } from "./stages/outcome";
import { applyPolicies, skipSoftCandidates, softExclusion } from "./stages/policies";
import { openQuestions, traceOf } from "./stages/questions";
import { statutoryCandidates } from "./stages/statutory";
import { timeLimit, type TimeLimit } from "./stages/timeLimit";
import type { Decision, DecisionInput, RuleTrace } from "./types";
import { outcomeLabels } from "./types";

export interface DecisionContext {
  /** Built by buildDecisionIndex from the lists and claims. */
  index: DecisionIndex;
  /** Provision texts (the law library's lookup). */
  lookup: ProvisionLookup;
}

/** 第三十六条: the act was not discovered in time; nothing else is looked at. */
function timeBarredDecision(input: DecisionInput, limit: TimeLimit, lookup: ProvisionLookup): Decision {
  return {
    kind: "penalty",
    outcome: "time_barred",
    outcomeLabel: outcomeLabels.time_barred,
    permittedOutcomes: ["time_barred"],
    firm: true,
    organisationId: input.organisationId,
    decisionDate: input.decisionDate,
    matter: { code: input.matter.code, name: input.matter.name },
    reasons: ["违法行为在法定期限内未被发现，依照《中华人民共和国行政处罚法》第三十六条不再给予行政处罚。"],
    basis: resolveBasis(limit.basis, lookup),
    policyBasis: [],
    listItem: null,
    trace: [limit.trace],
    questions: [],
    measures: [],
    otherMeasures: [],
    documents: documentsFor("time_barred", [], input, false),
    fine: null,
    warnings: [],
  };
}

/**
 * Evaluates a decision input against the statute and the organisation's lists. The input is one
 * the contract's ZDecisionInput has accepted (@kuanyan/contract/decisions: every caller parses with
 * it). Throws DecisionBasisError when a statutory provision is missing from the lookup (there is
 * never an outcome without a basis).
 */
export function evaluateDecision(input: DecisionInput, context: DecisionContext): Decision {
  const kind = input.kind ?? "penalty";
  const { lookup } = context;
  const facts = factsOf(input);
  const warnings: string[] = [];

  // 1. Time limit (penalties only).
  const limit = kind === "penalty" ? timeLimit(input) : undefined;
  if (limit?.barred) return timeBarredDecision(input, limit, lookup);

  // 2. Statutory candidates, 3. the lists in force; an emergency sets aside lists and discretion.
  const lists = listCandidates(context.index, input, facts);
  const candidates = [...statutoryCandidates(input, facts), ...lists.lenient];
  const exclusion = softExclusion(input);
  if (exclusion) skipSoftCandidates(candidates, exclusion);

  // 4. The most lenient applicable outcome, else the aggravated list, else not applicable or ordinary.
  const chosen = chooseOutcome(candidates, lists.heavier, { input, lookup, warnings, exclusion });
  const { policyBasis, listApplied, zhoushan } = applyPolicies(chosen, input, exclusion);
  const { measures, otherMeasures } = measuresFor(chosen, listApplied, input, lookup);

  const trace: RuleTrace[] = limit ? [limit.trace] : [];
  trace.push(...traceOf(candidates, lists.heavier, chosen, zhoushan));
  const questions = openQuestions(limit?.questions ?? [], candidates, lists.heavier, chosen.outcome);
  if (input.subject.kind === "individual" && input.subject.mentalCapacity === "intermittent_lucid") {
    warnings.push("间歇性精神病人在精神正常时有违法行为的，应当给予行政处罚（行政处罚法第三十一条）。");
  }

  return {
    kind,
    outcome: chosen.outcome,
    outcomeLabel: outcomeLabels[chosen.outcome],
    permittedOutcomes: chosen.permitted,
    firm: questions.length === 0,
    organisationId: input.organisationId,
    decisionDate: input.decisionDate,
    matter: { code: input.matter.code, name: input.matter.name },
    reasons: chosen.reasons,
    basis: chosen.basis,
    policyBasis,
    listItem: listApplied?.listItem ?? chosen.heavierApplied?.listItem ?? null,
    trace,
    questions,
    measures,
    otherMeasures,
    documents: documentsFor(chosen.outcome, measures, input, isMinorViolationRoute(chosen.group)),
    fine: fineFor(chosen.outcome, input),
    warnings,
  };
}
