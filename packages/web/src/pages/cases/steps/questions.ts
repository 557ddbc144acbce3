// The 研判 form's questions: the statute's standard circumstances, and one field for each question the
// engine left open (胁迫、主动供述、立功, a list item's own condition …). A field's name is the path of
// the decision input it answers ("circumstances.coercedOrDeceived" → ["circumstances", "coercedOrDeceived"]),
// so the form's values are the evaluation's body.
import type { Decision, DecisionQuestion } from "@kuanyan/domain/decisions";

export type AnswerKind = "bool" | "correction" | "harm" | "priorViolations";

export interface QuestionField {
  /** The decision input path, e.g. "circumstances.answers.training_done_evidence". */
  key: string;
  name: string[];
  label: string;
  kind: AnswerKind;
}

export const yesNo = [
  { label: "是", value: true },
  { label: "否", value: false },
];
export const correctionOptions = [
  { label: "当场改正", value: "on_spot" },
  { label: "限期内改正", value: "within_deadline" },
  { label: "整改期限未到", value: "pending" },
  { label: "逾期改正", value: "after_deadline" },
  { label: "未改正", value: "not_corrected" },
];
export const harmOptions = [
  { label: "没有", value: "none" },
  { label: "轻微", value: "minor" },
  { label: "严重", value: "serious" },
];

/** The standard questions of the statute, asked before the first evaluation. */
export const standardQuestions: QuestionField[] = [
  ["firstTimeFound", "首次被发现？", "bool"],
  ["firstOffence", "初次违法？", "bool"],
  ["correction", "改正情况", "correction"],
  ["harm", "危害后果", "harm"],
  ["minorViolation", "违法行为轻微？（执法人员判断）", "bool"],
  ["majorHazard", "属于重大事故隐患？", "bool"],
  ["noSubjectiveFault", "有证据足以证明没有主观过错？", "bool"],
  ["proactiveElimination", "主动消除或者减轻危害后果？", "bool"],
].map(([field, label, kind]) => ({ key: `circumstances.${field}`, name: ["circumstances", field], label, kind: kind as AnswerKind }));

/** Paths the officer answers in this form; subject.* comes from the case itself (corrected there). */
const answerable =
  /^(circumstances\.answers\.[^.]+|circumstances\.[A-Za-z]+|matter\.lifeHealthOrFinancialSafety|emergency\.(violatesEmergencyMeasures|exploitsEmergency))$/;

/** The field that answers an engine question, or null when the form cannot answer it. */
export function questionField(q: DecisionQuestion): QuestionField | null {
  if (!answerable.test(q.key)) return null;
  const name = q.key.startsWith("circumstances.answers.")
    ? ["circumstances", "answers", q.key.slice("circumstances.answers.".length)]
    : q.key.split(".");
  const last = name[name.length - 1];
  const kind: AnswerKind =
    last === "correction" ? "correction" : last === "harm" ? "harm" : last === "priorViolationDates" ? "priorViolations" : "bool";
  return { key: q.key, name, label: q.text, kind };
}

/**
 * The form's fields for a case: each open question of the proposal once (with the engine's wording),
 * then the standard questions not open; questions the form cannot answer are returned apart.
 */
export function circumstanceFields(decision: Decision | null): { open: QuestionField[]; others: QuestionField[]; unanswerable: DecisionQuestion[] } {
  const open: QuestionField[] = [];
  const unanswerable: DecisionQuestion[] = [];
  for (const q of decision?.questions ?? []) {
    const field = questionField(q);
    if (!field) unanswerable.push(q);
    else if (!open.some((f) => f.key === field.key)) open.push(field);
  }
  const others = standardQuestions.filter((s) => !open.some((f) => f.key === s.key));
  return { open, others, unanswerable };
}

/** What the case stores of an evaluation (evaluateCase.ts StoredCircumstances). */
export interface StoredCircumstances {
  emergency?: Record<string, boolean | undefined>;
  lifeHealthOrFinancialSafety?: boolean;
  answers?: Record<string, unknown> & { answers?: Record<string, boolean> };
}

export interface CircumstanceValues {
  circumstances?: Record<string, unknown> & { answers?: Record<string, boolean | null | undefined> };
  emergency?: Record<string, boolean | null | undefined>;
  matter?: { lifeHealthOrFinancialSafety?: boolean | null };
}

/** The form's values from the case's last evaluation. */
export function formValues(stored: StoredCircumstances | null | undefined): CircumstanceValues {
  const s = stored ?? {};
  return {
    circumstances: { ...(s.answers ?? {}), answers: { ...(s.answers?.answers ?? {}) } },
    emergency: { ...(s.emergency ?? {}) },
    matter: { lifeHealthOrFinancialSafety: s.lifeHealthOrFinancialSafety },
  };
}

const given = (v: unknown) => v !== undefined && v !== null && v !== "";
const clean = <T extends Record<string, unknown>>(o: T | undefined) => Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => given(v)));

/** The evaluation's body (without lockVersion) and how many answers it carries. */
export function evaluationBody(v: CircumstanceValues): { body: Record<string, unknown>; answered: number } {
  const { answers, priorViolationDates, ...rest } = v.circumstances ?? {};
  const circumstances: Record<string, unknown> = clean(rest);
  if (Array.isArray(priorViolationDates)) {
    const dates = (priorViolationDates as string[]).filter(Boolean);
    // [""]: "有" chosen without a date yet — not an answer.
    if (dates.length || priorViolationDates.length === 0) circumstances.priorViolationDates = dates;
  }
  const listAnswers = Object.fromEntries(Object.entries(answers ?? {}).filter(([, x]) => typeof x === "boolean"));
  if (Object.keys(listAnswers).length) circumstances.answers = listAnswers;
  const emergency = clean(v.emergency);
  const lhs = v.matter?.lifeHealthOrFinancialSafety;
  const body: Record<string, unknown> = { circumstances };
  if (Object.keys(emergency).length) body.emergency = emergency;
  if (typeof lhs === "boolean") body.lifeHealthOrFinancialSafety = lhs;
  const answered =
    Object.keys(circumstances).filter((k) => k !== "answers").length +
    Object.keys(listAnswers).length +
    Object.keys(emergency).length +
    (typeof lhs === "boolean" ? 1 : 0);
  return { body, answered };
}
