/**
 * Checks a decision input (any JSON) and reports problems in Chinese, field by field — including
 * what a JSON Schema cannot say (discovery before the act, a decision before the discovery).
 */
import { InvalidInputError } from "../errors/index";
import { isIsoDate } from "../dates/index";
import type { DecisionInput, DecisionInputError } from "./types";

const correctionStates = ["on_spot", "within_deadline", "after_deadline", "not_corrected", "pending"];
const harmLevels = ["none", "minor", "serious"];
const capacities = ["full", "unable", "partial", "intermittent_lucid"];
const booleanCircumstances = [
  "firstTimeFound",
  "firstOffence",
  "noSubjectiveFault",
  "proactiveElimination",
  "coercedOrDeceived",
  "confessedUnknownViolation",
  "meritoriousCooperation",
  "majorHazard",
  "minorViolation",
  "significantlyMinor",
  "noObviousSocialHarm",
  "refusedCorrection",
  "obstructedInspection",
];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The fields each object may have (as in docs/decision-input.schema.json). */
const knownFields: Record<string, readonly string[]> = {
  "": ["kind", "organisationId", "decisionDate", "matter", "subject", "act", "emergency", "circumstances"],
  matter: ["code", "name", "fineRange", "penaltyText", "lifeHealthOrFinancialSafety", "penaltyBasis"],
  subject: ["kind", "industryCategory", "birthDate", "ageAtAct", "mentalCapacity"],
  act: ["date", "discoveredOn", "continuing", "endDate"],
  emergency: ["violatesEmergencyMeasures", "exploitsEmergency"],
  circumstances: [...booleanCircumstances, "correction", "harm", "priorViolationDates", "answers"],
};

function unknownFields(path: string, value: Record<string, unknown>, errors: DecisionInputError[]): void {
  const known = knownFields[path];
  for (const key in value) {
    if (!known.includes(key)) errors.push({ field: path ? `${path}.${key}` : key, message: `未知字段“${path ? `${path}.${key}` : key}”` });
  }
}

export class InvalidDecisionInputError extends InvalidInputError {
  constructor(readonly errors: DecisionInputError[]) {
    super(`输入有误：${errors.map((e) => e.message).join("；")}`, errors, "validation_failed");
  }
}

/** Returns the problems of an input; empty when it can be evaluated. */
export function validateDecisionInput(raw: unknown): DecisionInputError[] {
  const errors: DecisionInputError[] = [];
  const err = (field: string, message: string) => errors.push({ field, message });
  if (!isObject(raw)) return [{ field: "", message: "决策输入必须是一个对象" }];
  const date = (field: string, value: unknown, label: string, required: boolean): string | undefined => {
    if (value === undefined) {
      if (required) err(field, `请填写${label}`);
      return undefined;
    }
    if (!isIsoDate(value)) {
      err(field, `${label}不是有效日期（应为YYYY-MM-DD）`);
      return undefined;
    }
    return value;
  };

  unknownFields("", raw, errors);
  for (const part of ["matter", "subject", "act", "emergency", "circumstances"]) {
    const value = raw[part];
    if (isObject(value)) unknownFields(part, value, errors);
  }
  if (raw.kind !== undefined && raw.kind !== "penalty" && raw.kind !== "compulsion") err("kind", "决策类型只能是处罚（penalty）或行政强制（compulsion）");
  if (typeof raw.organisationId !== "string" || raw.organisationId.trim() === "") err("organisationId", "请指定作出决定的执法主体");
  const decisionDate = date("decisionDate", raw.decisionDate, "决定日期", true);

  const matter = raw.matter;
  if (!isObject(matter)) err("matter", "请选择执法事项");
  else {
    if (typeof matter.code !== "string" || matter.code.trim() === "") err("matter.code", "请填写事项编码");
    if (typeof matter.name !== "string" || matter.name.trim() === "") err("matter.name", "请填写事项名称");
    if (matter.fineRange !== undefined) {
      const r = matter.fineRange;
      if (!isObject(r) || typeof r.minYuan !== "number" || typeof r.maxYuan !== "number" || !Number.isFinite(r.minYuan) || !Number.isFinite(r.maxYuan) || r.minYuan < 0 || r.maxYuan < r.minYuan) {
        err("matter.fineRange", "罚款幅度无效：最低额和最高额须为非负数，且最低额不大于最高额");
      }
    }
    if (matter.lifeHealthOrFinancialSafety !== undefined && typeof matter.lifeHealthOrFinancialSafety !== "boolean") {
      err("matter.lifeHealthOrFinancialSafety", "是否涉及生命健康安全、金融安全只能填是或否");
    }
    if (matter.penaltyBasis !== undefined) {
      const ok = Array.isArray(matter.penaltyBasis) && matter.penaltyBasis.every((c) => isObject(c) && typeof c.law === "string" && Number.isInteger(c.article));
      if (!ok) err("matter.penaltyBasis", "处罚依据格式无效");
    }
  }

  const subject = raw.subject;
  let birthDate: string | undefined;
  if (!isObject(subject)) err("subject", "请填写当事人信息");
  else {
    if (subject.kind !== "enterprise" && subject.kind !== "individual") err("subject.kind", "当事人类型只能是单位（enterprise）或个人（individual）");
    if (subject.industryCategory !== undefined && (typeof subject.industryCategory !== "string" || subject.industryCategory === "")) err("subject.industryCategory", "行业类别无效");
    birthDate = date("subject.birthDate", subject.birthDate, "出生日期", false);
    if (subject.ageAtAct !== undefined && (typeof subject.ageAtAct !== "number" || !Number.isInteger(subject.ageAtAct) || subject.ageAtAct < 0 || subject.ageAtAct > 150)) {
      err("subject.ageAtAct", "违法时年龄应为0到150之间的整数（周岁）");
    }
    if (subject.mentalCapacity !== undefined && !capacities.includes(subject.mentalCapacity as string)) err("subject.mentalCapacity", "精神状况取值无效");
    if (subject.kind === "enterprise" && (subject.birthDate !== undefined || subject.ageAtAct !== undefined || subject.mentalCapacity !== undefined)) {
      err("subject", "单位当事人不应填写年龄或精神状况");
    }
  }

  const act = raw.act;
  if (!isObject(act)) err("act", "请填写违法行为的发生和发现日期");
  else {
    const actDate = date("act.date", act.date, "违法行为发生日期", true);
    const discovered = date("act.discoveredOn", act.discoveredOn, "发现日期", true);
    const endDate = date("act.endDate", act.endDate, "行为终了日期", false);
    if (act.continuing !== undefined && typeof act.continuing !== "boolean") err("act.continuing", "是否连续或继续状态只能填是或否");
    if (endDate && act.continuing !== true) err("act.endDate", "只有连续或者继续状态的违法行为才填写行为终了日期");
    if (actDate && discovered && discovered < actDate) err("act.discoveredOn", "发现日期不能早于违法行为发生日期");
    if (actDate && endDate && endDate < actDate) err("act.endDate", "行为终了日期不能早于违法行为发生日期");
    if (actDate && decisionDate && decisionDate < actDate) err("decisionDate", "决定日期不能早于违法行为发生日期");
    if (discovered && decisionDate && decisionDate < discovered) err("decisionDate", "决定日期不能早于发现日期");
    if (actDate && birthDate && birthDate > actDate) err("subject.birthDate", "出生日期不能晚于违法行为发生日期");
  }

  if (raw.emergency !== undefined) {
    const e = raw.emergency;
    if (!isObject(e)) err("emergency", "突发事件情况格式无效");
    else {
      for (const k of ["violatesEmergencyMeasures", "exploitsEmergency"]) {
        if (e[k] !== undefined && typeof e[k] !== "boolean") err(`emergency.${k}`, "只能填是或否");
      }
    }
  }

  const c = raw.circumstances;
  if (!isObject(c)) err("circumstances", "请填写违法情节");
  else {
    for (const k of booleanCircumstances) {
      if (c[k] !== undefined && typeof c[k] !== "boolean") err(`circumstances.${k}`, "只能填是或否");
    }
    if (c.correction !== undefined && !correctionStates.includes(c.correction as string)) err("circumstances.correction", "改正情况取值无效");
    if (c.harm !== undefined && !harmLevels.includes(c.harm as string)) err("circumstances.harm", "危害后果只能是没有、轻微或者严重");
    if (c.priorViolationDates !== undefined && (!Array.isArray(c.priorViolationDates) || !c.priorViolationDates.every(isIsoDate))) {
      err("circumstances.priorViolationDates", "此前违法日期必须是日期列表（YYYY-MM-DD）");
    }
    if (c.answers !== undefined && (!isObject(c.answers) || !Object.values(c.answers).every((v) => typeof v === "boolean"))) {
      err("circumstances.answers", "清单问题的回答只能是是或否");
    }
  }
  return errors;
}

/** Throws InvalidDecisionInputError unless the input is valid. */
export function assertDecisionInput(raw: unknown): asserts raw is DecisionInput {
  const errors = validateDecisionInput(raw);
  if (errors.length > 0) throw new InvalidDecisionInputError(errors);
}
