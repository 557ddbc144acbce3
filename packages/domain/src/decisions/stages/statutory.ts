/**
 * Stage 2 — statutory leniency: 行政处罚法 第三十条, 第三十一条, 第三十三条第二款, 第三十三条第一款
 * 前段 / 后段, 第三十二条; for compulsion 行政强制法 第十六条第二款. Mandatory rules always apply;
 * discretionary ones unless soft enforcement is excluded (see the orchestrator).
 */
import { evaluateCondition, type ConditionFacts, type ConditionResult } from "../../lists/conditions";
import { fullYearsBetween } from "../../dates/index";
import { art32Item, provisions } from "../statutes";
import type { DecisionInput, DecisionQuestion } from "../types";
import { Conditions, yes, type BasisSpec, type Candidate } from "./candidates";

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

function timely(facts: ConditionFacts): ConditionResult {
  return evaluateCondition({ kind: "corrected", how: "any" }, facts);
}

/** 第三十条 (age) and 第三十一条 (mental capacity): individuals only. */
function individualCandidates(input: DecisionInput): Candidate[] {
  const { subject } = input;
  if (subject.kind !== "individual") return [];
  const age = subject.birthDate !== undefined ? fullYearsBetween(subject.birthDate, input.act.date) : subject.ageAtAct;
  const ageQuestion = Q.age;
  const under14 = new Conditions().add("违法时不满十四周岁", age === undefined ? "unanswered" : age < 14 ? "held" : "failed", ageQuestion);
  const minor = new Conditions().add(
    "违法时已满十四周岁不满十八周岁",
    age === undefined ? "unanswered" : age >= 14 && age < 18 ? "held" : "failed",
    ageQuestion,
  );
  const capacity = subject.mentalCapacity ?? "full";
  const unable = new Conditions().add("精神病人、智力残疾人在不能辨认或者不能控制自己行为时有违法行为", capacity === "unable" ? "held" : "failed");
  const partial = new Conditions().add("尚未完全丧失辨认或者控制自己行为能力的精神病人、智力残疾人", capacity === "partial" ? "held" : "failed");
  return [
    {
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
    },
    {
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
    },
    {
      rule: "statute.art31.unable",
      label: "行政处罚法第三十一条（不能辨认或者不能控制自己行为）",
      outcome: "no_penalty",
      permitted: ["no_penalty"],
      mandatory: true,
      result: unable.all(),
      conditions: unable.trace,
      questions: [],
      basis: B.art31,
      reason:
        "当事人系精神病人、智力残疾人，在不能辨认或者不能控制自己行为时有违法行为，依照《中华人民共和国行政处罚法》第三十一条不予行政处罚，责令其监护人严加看管和治疗。",
    },
    {
      rule: "statute.art31.partial",
      label: "行政处罚法第三十一条（尚未完全丧失辨认或者控制能力）",
      outcome: "lighter",
      permitted: ["lighter", "mitigated", "ordinary"],
      mandatory: false,
      result: partial.all(),
      conditions: partial.trace,
      questions: [],
      basis: B.art31,
      reason:
        "当事人系尚未完全丧失辨认或者控制自己行为能力的精神病人、智力残疾人，依照《中华人民共和国行政处罚法》第三十一条可以从轻或者减轻行政处罚。",
    },
  ];
}

/** 第三十三条: no fault (第二款), minor and corrected (第一款前段), first offence (第一款后段). */
function art33Candidates(input: DecisionInput, facts: ConditionFacts): Candidate[] {
  const c = input.circumstances;
  const noFault = new Conditions().add("当事人有证据足以证明没有主观过错", yes(c.noSubjectiveFault), Q.noFault);
  const correctionQ = Q.correction;
  const harmQ = Q.harm;
  const minorCs = new Conditions()
    .add("违法行为轻微（执法人员判断）", yes(c.minorViolation), Q.minor)
    .add("及时改正", timely(facts), correctionQ)
    .add("没有造成危害后果", evaluateCondition({ kind: "harm", atMost: "none" }, facts), harmQ);
  const firstCs = new Conditions()
    .add("初次违法", yes(c.firstOffence), Q.firstOffence)
    .add("危害后果轻微", evaluateCondition({ kind: "harm", atMost: "minor" }, facts), harmQ)
    .add("及时改正", timely(facts), correctionQ);
  return [
    {
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
    },
    {
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
    },
    {
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
    },
  ];
}

/** 第三十二条: any one of the four grounds (从轻或者减轻). */
function art32Candidate(input: DecisionInput): Candidate {
  const c = input.circumstances;
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
  return {
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
  };
}

/** 行政强制法 第十六条第二款: either of the two grounds. */
function compulsionCandidate(input: DecisionInput): Candidate {
  const cs = new Conditions()
    .add("违法行为情节显著轻微", yes(input.circumstances.significantlyMinor), Q.significantlyMinor)
    .add("没有明显社会危害", yes(input.circumstances.noObviousSocialHarm), Q.noObviousSocialHarm);
  return {
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
  };
}

/** The statutory candidates in the order the trace lists them. */
export function statutoryCandidates(input: DecisionInput, facts: ConditionFacts): Candidate[] {
  if ((input.kind ?? "penalty") !== "penalty") return [compulsionCandidate(input)];
  return [...individualCandidates(input), ...art33Candidates(input, facts), art32Candidate(input)];
}
