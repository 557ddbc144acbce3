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
 */
import type { Citation, ProvisionLookup } from "../laws/types";
import {
  conditionQuestion,
  conditionResultLabels,
  evaluateCondition,
  type Condition,
  type ConditionFacts,
  type ConditionResult,
} from "../lists/conditions";
import { addYears, fullYearsBetween } from "../dates/index";
import type { ListType } from "../lists/types";
import type { SoftMethod } from "../measures";
import { itemsFor, type CompiledItem, type DecisionIndex } from "./decisionIndex";
import {
  art32Item,
  emergencyPolicy,
  exploitEmergencyPolicy,
  provisionRef,
  provisions,
  tryProvisionRef,
  zhoushanPolicy,
} from "./statutes";
import type {
  ConditionTrace,
  Decision,
  DecisionDocumentType,
  DecisionInput,
  DecisionQuestion,
  ListItemRef,
  Outcome,
  PolicyRef,
  ProvisionRef,
  RuleTrace,
} from "./types";
import { outcomeLabels } from "./types";

export interface DecisionContext {
  /** Built by buildDecisionIndex from the lists and claims. */
  index: DecisionIndex;
  /** Provision texts (the law library's lookup). */
  lookup: ProvisionLookup;
}

/** Lower is more lenient. */
const rank: Record<Outcome, number> = {
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

const B = {
  art30: [{ citation: provisions.art30 }],
  art31: [{ citation: provisions.art31 }],
  art33para2: [{ citation: provisions.art33para2 }],
  art33former: [{ citation: provisions.art33para1, part: "前段" }],
  art33latter: [{ citation: provisions.art33para1, part: "后段" }],
  art16para2: [{ citation: provisions.compulsionArt16para2 }],
} satisfies Record<string, readonly BasisSpec[]>;

const Q = {
  age: { key: "subject.ageAtAct", text: "当事人实施违法行为时的年龄（周岁）？" },
  noFault: { key: "circumstances.noSubjectiveFault", text: "当事人是否有证据足以证明没有主观过错？" },
  correction: { key: "circumstances.correction", text: "当事人是否已及时改正违法行为？" },
  harm: { key: "circumstances.harm", text: "违法行为的危害后果如何（没有、轻微或者严重）？" },
  minor: { key: "circumstances.minorViolation", text: "违法行为是否轻微？" },
  firstOffence: { key: "circumstances.firstOffence", text: "当事人是否属于初次违法？" },
  significantlyMinor: { key: "circumstances.significantlyMinor", text: "违法行为情节是否显著轻微？" },
  noObviousSocialHarm: { key: "circumstances.noObviousSocialHarm", text: "违法行为是否没有明显社会危害？" },
  lhs: { key: "matter.lifeHealthOrFinancialSafety", text: "该违法行为是否涉及公民生命健康安全、金融安全？" },
  harmForLimit: { key: "circumstances.harm", text: "违法行为是否造成危害后果（决定适用二年还是五年时效）？" },
} satisfies Record<string, DecisionQuestion>;

const art32Grounds = [
  { item: 1, text: "主动消除或者减轻违法行为危害后果", field: "proactiveElimination" },
  { item: 2, text: "受他人胁迫或者诱骗实施违法行为", field: "coercedOrDeceived" },
  { item: 3, text: "主动供述行政机关尚未掌握的违法行为", field: "confessedUnknownViolation" },
  { item: 4, text: "配合行政机关查处违法行为有立功表现", field: "meritoriousCooperation" },
].map((g) => ({
  ...g,
  field: g.field as "proactiveElimination" | "coercedOrDeceived" | "confessedUnknownViolation" | "meritoriousCooperation",
  basis: { citation: art32Item(g.item) } as BasisSpec,
  question: { key: `circumstances.${g.field}`, text: `当事人是否${g.text}？` } as DecisionQuestion,
}));

const art32Whole: BasisSpec = { citation: provisions.art32 };

function resolveBasis(specs: readonly BasisSpec[], lookup: ProvisionLookup): ProvisionRef[] {
  const out: ProvisionRef[] = [];
  for (const b of specs) out.push(provisionRef(lookup, b.citation, b.part));
  return out;
}

const listOutcome: Partial<Record<ListType, Outcome>> = {
  no_penalty: "no_penalty",
  mitigated: "mitigated",
  lighter: "lighter",
  no_compulsion: "no_compulsion",
};

interface BasisSpec {
  citation: Citation;
  part?: "前段" | "后段";
}

interface Candidate {
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

/** Trace entries are immutable and shared between decisions (one per description and result). */
const traceEntries = new Map<string, Record<ConditionResult, ConditionTrace>>();

function traceEntry(description: string, result: ConditionResult): ConditionTrace {
  let entries = traceEntries.get(description);
  if (!entries) {
    const make = (r: ConditionResult) => Object.freeze({ description, result: r, resultLabel: conditionResultLabels[r] });
    entries = { held: make("held"), failed: make("failed"), unanswered: make("unanswered") };
    if (traceEntries.size < 100_000) traceEntries.set(description, entries);
  }
  return entries[result];
}

class Conditions {
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

function yes(value: boolean | undefined): ConditionResult {
  return value === undefined ? "unanswered" : value ? "held" : "failed";
}

const q = (key: string, text: string): DecisionQuestion => ({ key, text });

function factsOf(input: DecisionInput): ConditionFacts {
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

function timely(facts: ConditionFacts): ConditionResult {
  return evaluateCondition({ kind: "corrected", how: "any" }, facts);
}

// ---------------------------------------------------------------------------------------------
// 第三十六条: time limit

function timeLimit(input: DecisionInput): { trace: RuleTrace; barred: boolean; questions: DecisionQuestion[]; basis: BasisSpec[] } {
  const cs = new Conditions();
  const { act, matter } = input;
  const harm = input.circumstances.harm;
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
    if (!beyondTwo) result = "failed";
    else {
      const fiveYears = addYears(start, 5);
      const beyondFive = act.discoveredOn > fiveYears;
      const harmful: boolean | undefined = harm === undefined ? undefined : harm !== "none";
      const lhs = matter.lifeHealthOrFinancialSafety;
      const extended: ConditionResult = lhs === false || harmful === false ? "failed" : lhs === true && harmful === true ? "held" : "unanswered";
      const questions: DecisionQuestion[] = [];
      if (lhs === undefined) questions.push(Q.lhs);
      if (harmful === undefined) questions.push(Q.harmForLimit);
      cs.addOnce(`涉及公民生命健康安全、金融安全且有危害后果，期限延长至五年（至${fiveYears}）`, extended);
      if (extended === "unanswered") for (const x of questions) cs.questions.push(x);
      if (extended === "failed") result = "held";
      else if (beyondFive) {
        cs.addOnce(`自${start}起五年内（至${fiveYears}）亦未被发现`, "held");
        result = "held";
      } else result = extended === "held" ? "failed" : "unanswered";
    }
  }
  const basis: BasisSpec[] = [{ citation: provisions.art36para1 }];
  if (continuing) basis.push({ citation: provisions.art36para2 });
  return {
    trace: { rule: "statute.art36", label: "行政处罚法第三十六条（处罚时效）", result, outcome: "time_barred", applied: result === "held", conditions: cs.trace },
    barred: result === "held",
    questions: result === "unanswered" ? cs.questions : [],
    basis,
  };
}

// ---------------------------------------------------------------------------------------------
// Statutory leniency

function statutoryCandidates(input: DecisionInput, facts: ConditionFacts, lookup: ProvisionLookup): Candidate[] {
  const out: Candidate[] = [];
  const { subject } = input;
  const c = input.circumstances;

  if (subject.kind === "individual") {
    const age = subject.birthDate !== undefined ? fullYearsBetween(subject.birthDate, input.act.date) : subject.ageAtAct;
    const ageQuestion = Q.age;
    const under14 = new Conditions().add("违法时不满十四周岁", age === undefined ? "unanswered" : age < 14 ? "held" : "failed", ageQuestion);
    out.push({
      rule: "statute.art30.under14",
      label: "行政处罚法第三十条（不满十四周岁）",
      outcome: "no_penalty",
      permitted: ["no_penalty"],
      mandatory: true,
      result: under14.all(),
      conditions: under14.trace,
      questions: under14.questions,
      basis: B.art30,
      reason: `当事人违法时不满十四周岁，依照《中华人民共和国行政处罚法》第三十条不予行政处罚，责令监护人加以管教。`,
    });
    const minor = new Conditions().add("违法时已满十四周岁不满十八周岁", age === undefined ? "unanswered" : age >= 14 && age < 18 ? "held" : "failed", ageQuestion);
    out.push({
      rule: "statute.art30.under18",
      label: "行政处罚法第三十条（已满十四周岁不满十八周岁）",
      outcome: "lighter",
      permitted: ["lighter", "mitigated"],
      mandatory: true,
      result: minor.all(),
      conditions: minor.trace,
      questions: minor.questions,
      basis: B.art30,
      reason: "当事人违法时已满十四周岁不满十八周岁，依照《中华人民共和国行政处罚法》第三十条应当从轻或者减轻行政处罚。",
    });
    const capacity = subject.mentalCapacity ?? "full";
    const unable = new Conditions().add("精神病人、智力残疾人在不能辨认或者不能控制自己行为时有违法行为", capacity === "unable" ? "held" : "failed");
    out.push({
      rule: "statute.art31.unable",
      label: "行政处罚法第三十一条（不能辨认或者不能控制自己行为）",
      outcome: "no_penalty",
      permitted: ["no_penalty"],
      mandatory: true,
      result: unable.all(),
      conditions: unable.trace,
      questions: [],
      basis: B.art31,
      reason: "当事人系精神病人、智力残疾人，在不能辨认或者不能控制自己行为时有违法行为，依照《中华人民共和国行政处罚法》第三十一条不予行政处罚，责令其监护人严加看管和治疗。",
    });
    const partial = new Conditions().add("尚未完全丧失辨认或者控制自己行为能力的精神病人、智力残疾人", capacity === "partial" ? "held" : "failed");
    out.push({
      rule: "statute.art31.partial",
      label: "行政处罚法第三十一条（尚未完全丧失辨认或者控制能力）",
      outcome: "lighter",
      permitted: ["lighter", "mitigated", "ordinary"],
      mandatory: false,
      result: partial.all(),
      conditions: partial.trace,
      questions: [],
      basis: B.art31,
      reason: "当事人系尚未完全丧失辨认或者控制自己行为能力的精神病人、智力残疾人，依照《中华人民共和国行政处罚法》第三十一条可以从轻或者减轻行政处罚。",
    });
  }

  const noFault = new Conditions().add("当事人有证据足以证明没有主观过错", yes(c.noSubjectiveFault), Q.noFault);
  out.push({
    rule: "statute.art33.2",
    label: "行政处罚法第三十三条第二款（没有主观过错）",
    outcome: "no_penalty",
    permitted: ["no_penalty"],
    mandatory: true,
    result: noFault.all(),
    conditions: noFault.trace,
    questions: noFault.questions,
    basis: B.art33para2,
    reason: "当事人有证据足以证明没有主观过错，依照《中华人民共和国行政处罚法》第三十三条第二款不予行政处罚。",
  });

  const correctionQ = Q.correction;
  const harmQ = Q.harm;
  const minorCs = new Conditions()
    .add("违法行为轻微（执法人员判断）", yes(c.minorViolation), Q.minor)
    .add("及时改正", timely(facts), correctionQ)
    .add("没有造成危害后果", evaluateCondition({ kind: "harm", atMost: "none" }, facts), harmQ);
  out.push({
    rule: "statute.art33.1.former",
    label: "行政处罚法第三十三条第一款前段（轻微违法不罚）",
    outcome: "no_penalty",
    permitted: ["no_penalty"],
    mandatory: true,
    result: minorCs.all(),
    conditions: minorCs.trace,
    questions: minorCs.questions,
    basis: B.art33former,
    reason: "违法行为轻微并及时改正，没有造成危害后果，依照《中华人民共和国行政处罚法》第三十三条第一款不予行政处罚。",
  });

  const firstCs = new Conditions()
    .add("初次违法", yes(c.firstOffence), Q.firstOffence)
    .add("危害后果轻微", evaluateCondition({ kind: "harm", atMost: "minor" }, facts), harmQ)
    .add("及时改正", timely(facts), correctionQ);
  out.push({
    rule: "statute.art33.1.latter",
    label: "行政处罚法第三十三条第一款后段（首违可不罚）",
    outcome: "may_waive",
    permitted: ["no_penalty"],
    mandatory: false,
    result: firstCs.all(),
    conditions: firstCs.trace,
    questions: firstCs.questions,
    basis: B.art33latter,
    reason: "初次违法且危害后果轻微并及时改正，依照《中华人民共和国行政处罚法》第三十三条第一款可以不予行政处罚。",
  });

  const art32Cs = new Conditions();
  const heldGrounds: (typeof art32Grounds)[number][] = [];
  const art32Basis: BasisSpec[] = [art32Whole];
  for (const g of art32Grounds) {
    const value = c[g.field];
    art32Cs.add(g.text, yes(value), g.question);
    if (value === true) {
      heldGrounds.push(g);
      art32Basis.push(g.basis);
    }
  }
  out.push({
    rule: "statute.art32",
    label: "行政处罚法第三十二条（应当从轻或者减轻，具备其一即可）",
    outcome: "lighter",
    permitted: ["lighter", "mitigated"],
    mandatory: true,
    result: art32Cs.any(),
    conditions: art32Cs.trace,
    questions: art32Cs.questions,
    basis: art32Basis,
    reason: `当事人${heldGrounds.map((g) => g.text).join("，") || "具有法定从轻、减轻情节"}，依照《中华人民共和国行政处罚法》第三十二条应当从轻或者减轻行政处罚。`,
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// List items

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

function candidateBasis(c: Candidate, lookup: ProvisionLookup, warnings: string[]): ProvisionRef[] {
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

// ---------------------------------------------------------------------------------------------

function toTrace(c: Candidate, applied: boolean): RuleTrace {
  const t: RuleTrace = { rule: c.rule, label: c.label, result: c.result, outcome: c.outcome, applied, conditions: c.conditions };
  if (c.skipped) t.skipped = c.skipped;
  if (c.listItem) t.listItem = c.listItem;
  return t;
}

/** Appends the values whose key is not yet present (the arrays are a handful long). */
function pushUnique<T>(target: T[], values: readonly T[], key: (v: T) => string): void {
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

const refKey = (r: ProvisionRef) => `${r.cited}|${r.part ?? ""}`;

const measureDocuments: Partial<Record<SoftMethod, DecisionDocumentType>> = {
  administrativeAdvice: "advice",
  administrativeWarning: "warning",
  administrativeInterview: "interview_notice",
  administrativeGuidance: "guidance",
  administrativeReminder: "reminder",
};

function documentsFor(outcome: Outcome, measures: readonly SoftMethod[], input: DecisionInput, minorViolationRoute: boolean): DecisionDocumentType[] {
  const docs: DecisionDocumentType[] = [];
  const add = (d: DecisionDocumentType) => {
    if (!docs.includes(d)) docs.push(d);
  };
  const penalty = outcome === "mitigated" || outcome === "lighter" || outcome === "ordinary" || outcome === "heavier" || outcome === "not_applicable";
  if (outcome === "no_penalty" || outcome === "may_waive" || outcome === "time_barred") add("no_penalty_decision");
  if (penalty && input.kind !== "compulsion") {
    add("penalty_notice");
    add("penalty_decision");
  }
  if (outcome !== "time_barred") {
    for (const m of measures) {
      const d = measureDocuments[m];
      if (d) add(d);
    }
    const correction = input.circumstances.correction;
    const ordersCorrection = /责令[^，。；]*改正/.test(input.matter.penaltyText ?? "");
    if (correction === "within_deadline" || correction === "pending" || correction === "not_corrected" || correction === "after_deadline" || (ordersCorrection && correction !== "on_spot")) {
      add("correction_order");
    }
    if ((outcome === "no_penalty" || outcome === "may_waive") && minorViolationRoute) add("commitment");
  }
  if (docs.length > 0) add("delivery_receipt");
  if (outcome === "no_penalty" || outcome === "may_waive" || outcome === "mitigated" || outcome === "lighter" || outcome === "no_compulsion") add("follow_up_form");
  return docs;
}

function fineFor(outcome: Outcome, input: DecisionInput): Decision["fine"] {
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
  const trace: RuleTrace[] = [];
  const questions: DecisionQuestion[] = [];
  const policyBasis: PolicyRef[] = [];


  // 1. Time limit (penalties only).
  let timeQuestions: DecisionQuestion[] = [];
  if (kind === "penalty") {
    const tl = timeLimit(input);
    trace.push(tl.trace);
    if (tl.barred) {
      return {
        kind,
        outcome: "time_barred",
        outcomeLabel: outcomeLabels.time_barred,
        permittedOutcomes: ["time_barred"],
        firm: true,
        organisationId: input.organisationId,
        decisionDate: input.decisionDate,
        matter: { code: input.matter.code, name: input.matter.name },
        reasons: ["违法行为在法定期限内未被发现，依照《中华人民共和国行政处罚法》第三十六条不再给予行政处罚。"],
        basis: resolveBasis(tl.basis, lookup),
        policyBasis: [],
        listItem: null,
        trace,
        questions: [],
        measures: [],
        otherMeasures: [],
        documents: documentsFor("time_barred", [], input, false),
        fine: null,
        warnings,
      };
    }
    timeQuestions = tl.questions;
  }

  const emergencyViolation = input.emergency?.violatesEmergencyMeasures === true;
  const emergencyExploit = input.emergency?.exploitsEmergency === true;
  const softExcluded = emergencyViolation || emergencyExploit;
  const softExcludedReason = emergencyViolation
    ? "突发事件期间违反突发事件应对措施，不适用柔性执法"
    : "利用突发事件实施违法行为，不适用柔性执法";

  // 2. Statutory candidates.
  const candidates: Candidate[] = [];
  if (kind === "penalty") candidates.push(...statutoryCandidates(input, facts, lookup));
  else {
    const cs = new Conditions()
      .add("违法行为情节显著轻微", yes(input.circumstances.significantlyMinor), Q.significantlyMinor)
      .add("没有明显社会危害", yes(input.circumstances.noObviousSocialHarm), Q.noObviousSocialHarm);
    candidates.push({
      rule: "statute.compulsion.art16.2",
      label: "行政强制法第十六条第二款（可以不采取行政强制措施，具备其一即可）",
      outcome: "no_compulsion",
      permitted: ["no_compulsion", "ordinary"],
      mandatory: false,
      result: cs.any(),
      conditions: cs.trace,
      questions: cs.questions,
      basis: B.art16para2,
      reason: "违法行为情节显著轻微或者没有明显社会危害，依照《中华人民共和国行政强制法》第十六条第二款可以不采取行政强制措施。",
    });
  }

  // 3. Lists in force on the decision date.
  const entries = itemsFor(context.index, input.organisationId, input.matter.code, input.decisionDate);
  const heavierCandidates: Candidate[] = [];
  for (const e of entries) {
    if (e.listType === "heavier") {
      if (kind === "penalty") heavierCandidates.push(listCandidate(e, "heavier", facts));
      continue;
    }
    const outcome = listOutcome[e.listType];
    if (!outcome) continue;
    if ((kind === "compulsion") !== (e.listType === "no_compulsion")) continue;
    candidates.push(listCandidate(e, outcome, facts));
  }

  if (softExcluded) {
    for (const c of candidates) if (c.listItem || !c.mandatory) c.skipped = softExcludedReason;
  }

  // 4. The most lenient applicable outcome.
  const held = candidates.filter((c) => c.result === "held" && !c.skipped);
  let outcome: Outcome;
  let group: Candidate[] = [];
  let permitted: Outcome[];
  const reasons: string[] = [];
  let basis: ProvisionRef[] = [];
  let heavierApplied: Candidate | undefined;

  if (held.length > 0) {
    const best = Math.min(...held.map((c) => rank[c.outcome]));
    group = held.filter((c) => rank[c.outcome] === best);
    // The list item, where one applies, names the outcome's list entry; statute and item both cited.
    group.sort((a, b) => (a.listItem ? 0 : 1) - (b.listItem ? 0 : 1));
    outcome = group[0].outcome;
    permitted = [];
    for (const c of group) pushUnique(permitted, c.permitted, (o) => o);
    if (group.some((c) => c.mandatory)) permitted = permitted.filter((o) => o !== "ordinary");
    if (outcome === "may_waive") {
      const rest = held.filter((c) => rank[c.outcome] > best);
      const fallback = rest.length > 0 ? rest.reduce((a, b) => (rank[b.outcome] < rank[a.outcome] ? b : a)).outcome : "ordinary";
      permitted = ["no_penalty", fallback];
    }
    for (const c of group) {
      reasons.push(c.reason);
      pushUnique(basis, candidateBasis(c, lookup, warnings), refKey);
    }
    const heavierHeld = heavierCandidates.filter((c) => c.result === "held");
    if (heavierHeld.length > 0) {
      warnings.push(`同时符合从重情形（${heavierHeld.map((c) => c.label).join("；")}），依法从宽情形优先适用，请法制审核人员复核。`);
    }
  } else {
    heavierApplied = heavierCandidates.find((c) => c.result === "held");
    if (heavierApplied) {
      outcome = "heavier";
      group = [heavierApplied];
      permitted = ["heavier"];
      reasons.push(heavierApplied.reason.replace(/^符合/, "符合从重情形："));
      basis = candidateBasis(heavierApplied, lookup, warnings);
      if (basis.length === 0) basis = [provisionRef(lookup, provisions.art5para2)];
    } else if (softExcluded) {
      outcome = "not_applicable";
      permitted = emergencyViolation ? ["heavier"] : ["ordinary", "heavier"];
      reasons.push(`${softExcludedReason}，应当依法处理${emergencyViolation && kind === "penalty" ? "，依法快速、从重处罚" : ""}。`);
      basis =
        kind === "compulsion"
          ? [provisionRef(lookup, provisions.compulsionArt16para1)]
          : emergencyViolation
            ? [provisionRef(lookup, provisions.art49)]
            : [provisionRef(lookup, provisions.art5para2)];
    } else {
      outcome = "ordinary";
      permitted = ["ordinary"];
      if (kind === "compulsion") {
        reasons.push("不符合不予行政强制的情形，可以依照法律、法规的规定实施行政强制措施。");
        basis = [provisionRef(lookup, provisions.compulsionArt16para1)];
      } else {
        reasons.push("不符合不予处罚、从轻或者减轻处罚的法定情形和清单情形，依法处罚。");
        for (const citation of input.matter.penaltyBasis ?? []) {
          const ref = tryProvisionRef(lookup, citation);
          if (ref) basis.push(ref);
          else warnings.push(`事项的处罚依据在法律法规库中找不到：《${citation.law}》第${citation.article}条`);
        }
        if (basis.length === 0) basis = [provisionRef(lookup, provisions.art5para2)];
      }
    }
  }
  if (softExcluded) policyBasis.push(emergencyViolation ? emergencyPolicy : exploitEmergencyPolicy);
  if (softExcluded && outcome !== "not_applicable") reasons.push(`${softExcludedReason}，清单及可以从宽的情形不予适用。`);

  // 舟山: the statutory 不予处罚 applies even though no list item does.
  const listApplied = group.find((c) => c.listItem);
  const zhoushan = outcome === "no_penalty" && kind === "penalty" && !listApplied;
  if (zhoushan) {
    policyBasis.push(zhoushanPolicy);
    reasons.push("不予处罚清单未作规定，但违法行为符合法定不予处罚情形，依法不予处罚。");
  }

  // Measures and the duty to educate (第三十三条第三款).
  const measures: SoftMethod[] = [];
  const otherMeasures: string[] = [];
  if (listApplied?.compiled) {
    pushUnique(measures, listApplied.compiled.item.measures, (m) => m);
    pushUnique(otherMeasures, listApplied.compiled.item.otherMeasures, (m) => m);
  }
  if (kind === "penalty" && (outcome === "no_penalty" || outcome === "may_waive")) {
    pushUnique(basis, [provisionRef(lookup, provisions.art33para3)], refKey);
    if (!measures.includes("persuasion")) measures.unshift("persuasion");
  }

  // Trace: time limit, statutory and list candidates, heavier items.
  for (const c of candidates) trace.push(toTrace(c, group.includes(c)));
  for (const c of heavierCandidates) trace.push(toTrace(c, c === heavierApplied));
  if (zhoushan) {
    trace.push({
      rule: "policy.zhoushan",
      label: "清单未作规定但符合法定不予处罚情形（舟政办发〔2023〕47号）",
      result: "held",
      outcome: "no_penalty",
      applied: true,
      conditions: [traceEntry("没有适用的不予处罚清单事项", "held")],
    });
  }

  // Questions that could still change the outcome.
  const finalRank = rank[outcome];
  pushUnique(questions, timeQuestions, (x) => x.key);
  for (const c of candidates) {
    if (c.result === "unanswered" && !c.skipped && rank[c.outcome] < finalRank) pushUnique(questions, c.questions, (x) => x.key);
  }
  if (outcome === "ordinary") {
    for (const c of heavierCandidates) if (c.result === "unanswered") pushUnique(questions, c.questions, (x) => x.key);
  }

  const minorRoute = group.some((c) => c.listItem !== undefined || c.rule.startsWith("statute.art33.1"));
  if (input.subject.kind === "individual" && input.subject.mentalCapacity === "intermittent_lucid") {
    warnings.push("间歇性精神病人在精神正常时有违法行为的，应当给予行政处罚（行政处罚法第三十一条）。");
  }

  return {
    kind,
    outcome,
    outcomeLabel: outcomeLabels[outcome],
    permittedOutcomes: permitted,
    firm: questions.length === 0,
    organisationId: input.organisationId,
    decisionDate: input.decisionDate,
    matter: { code: input.matter.code, name: input.matter.name },
    reasons,
    basis,
    policyBasis,
    listItem: listApplied?.listItem ?? (heavierApplied?.listItem ?? null),
    trace,
    questions,
    measures,
    otherMeasures,
    documents: documentsFor(outcome, measures, input, minorRoute),
    fine: fineFor(outcome, input),
    warnings,
  };
}
