/**
 * 执法检查人员名录库 (inspector pool): 执法证 validity, fields of competence and 回避 exclusions.
 * An inspector with a missing or expired certificate can neither be drawn nor sign a record.
 */
import type { Industry } from "./units";

/** 行政执法证 (执法证件). */
export interface EnforcementCertificate {
  /** 执法证号 */
  number: string;
  /** 发证机关 */
  issuedBy: string;
  /** 有效期起 (YYYY-MM-DD) */
  validFrom: string;
  /** 有效期至 (YYYY-MM-DD, inclusive) */
  validTo: string;
}

export interface Inspector {
  /** The user id. */
  userId: string;
  name: string;
  organisationId: string;
  regionCode: string;
  certificate?: EnforcementCertificate;
  /** 执法领域: the industries the inspector is competent for. */
  fields: readonly Industry[];
}

/** Why an inspector is excluded from one object (回避, 行政处罚法 第四十三条). */
export const exclusionReasons = ["linked", "inspected_last_time", "other"] as const;
export type ExclusionReason = (typeof exclusionReasons)[number];

export const exclusionReasonLabels: Record<ExclusionReason, string> = {
  linked: "与检查对象有直接利害关系或者其他关系",
  inspected_last_time: "上一次检查该对象",
  other: "其他应当回避的情形",
};

export interface Exclusion {
  /** The inspector's user id. */
  userId: string;
  /** The object's 统一社会信用代码. */
  creditCode: string;
  reason: ExclusionReason;
  /** The recorded particulars (internal; never published). */
  note?: string;
}

export type CertificateStatus = "valid" | "missing" | "not_yet_valid" | "expired";

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** The state of an inspector's certificate on a date. */
export function certificateStatus(certificate: EnforcementCertificate | undefined, date: string): CertificateStatus {
  if (!certificate || certificate.number.trim() === "") return "missing";
  if (date < certificate.validFrom) return "not_yet_valid";
  if (date > certificate.validTo) return "expired";
  return "valid";
}

/** Checks a certificate as entered; returns Chinese problems (empty when sound). */
export function validateCertificate(c: Partial<EnforcementCertificate>): string[] {
  const problems: string[] = [];
  if (!c.number || c.number.trim() === "") problems.push("请填写执法证号");
  if (!c.issuedBy || c.issuedBy.trim() === "") problems.push("请填写执法证的发证机关");
  if (!c.validFrom || !DATE_RE.test(c.validFrom)) problems.push("请填写执法证有效期起始日期（年-月-日）");
  if (!c.validTo || !DATE_RE.test(c.validTo)) problems.push("请填写执法证有效期截止日期（年-月-日）");
  if (c.validFrom && c.validTo && DATE_RE.test(c.validFrom) && DATE_RE.test(c.validTo) && c.validTo < c.validFrom)
    problems.push("执法证有效期截止日期不能早于起始日期");
  return problems;
}

/** Why the inspector may not sign / be drawn on the date, or null when he may. */
export function certificateProblem(inspector: Pick<Inspector, "name" | "certificate">, date: string): string | null {
  switch (certificateStatus(inspector.certificate, date)) {
    case "valid":
      return null;
    case "missing":
      return `${inspector.name}没有登记行政执法证，不能参加抽取或在检查记录上签名`;
    case "not_yet_valid":
      return `${inspector.name}的行政执法证（${inspector.certificate!.number}）自${inspector.certificate!.validFrom}起有效，不能参加抽取或签名`;
    case "expired":
      return `${inspector.name}的行政执法证（${inspector.certificate!.number}）已于${inspector.certificate!.validTo}过期，不能参加抽取或在检查记录上签名`;
  }
}

/** Whether the inspector may sign an inspection record on the date. */
export function maySign(inspector: Pick<Inspector, "name" | "certificate">, date: string): { ok: true } | { ok: false; error: string } {
  const problem = certificateProblem(inspector, date);
  return problem ? { ok: false, error: problem } : { ok: true };
}

/** Builds an exclusion; the reason must be recorded (a note is required for "other"). */
export function makeExclusion(input: {
  userId: string;
  creditCode: string;
  reason: string;
  note?: string;
}): { ok: true; exclusion: Exclusion } | { ok: false; error: string } {
  if (!(exclusionReasons as readonly string[]).includes(input.reason)) return { ok: false, error: "请选择回避理由" };
  const note = input.note?.trim();
  if (input.reason === "other" && !note) return { ok: false, error: "“其他应当回避的情形”须写明具体理由" };
  return {
    ok: true,
    exclusion: { userId: input.userId, creditCode: input.creditCode, reason: input.reason as ExclusionReason, ...(note ? { note } : {}) },
  };
}

/**
 * The exclusions that follow from the last inspection of each object: its inspectors are not
 * drawn for it again (issue 10 §2).
 */
export function lastTimeExclusions(lastInspections: readonly { creditCode: string; inspectorIds: readonly string[] }[]): Exclusion[] {
  return lastInspections.flatMap((l) =>
    l.inspectorIds.map((userId) => ({ userId, creditCode: l.creditCode, reason: "inspected_last_time" as const })),
  );
}

export interface IneligibleInspector {
  userId: string;
  name: string;
  reason: string;
}

/**
 * Splits the inspector pool for a draw on `date`: those who may be drawn (valid certificate, at
 * least one field) and those who may not, each with the reason.
 */
export function eligibleInspectors(pool: readonly Inspector[], date: string): { eligible: Inspector[]; ineligible: IneligibleInspector[] } {
  const eligible: Inspector[] = [];
  const ineligible: IneligibleInspector[] = [];
  for (const i of pool) {
    const problem = certificateProblem(i, date);
    if (problem) ineligible.push({ userId: i.userId, name: i.name, reason: problem });
    else if (i.fields.length === 0) ineligible.push({ userId: i.userId, name: i.name, reason: `${i.name}没有登记执法领域` });
    else eligible.push(i);
  }
  return { eligible, ineligible };
}

/**
 * The inspector part of a periodic draw's pool, from the inspector pool on the draw date: only
 * those with a valid certificate and a field (by 执法证号, as published), the exclusions translated
 * to 执法证号, and the way back from 执法证号 to the user for the assignment.
 */
export function drawInspectorPool(
  pool: readonly Inspector[],
  exclusions: readonly Exclusion[],
  date: string,
): {
  inspectors: { code: string; fields: Industry[] }[];
  exclusions: { inspector: string; object: string; reason: ExclusionReason }[];
  userIdOf: Map<string, string>;
  ineligible: IneligibleInspector[];
} {
  const { eligible, ineligible } = eligibleInspectors(pool, date);
  const codeOf = new Map(eligible.map((i) => [i.userId, i.certificate!.number.trim()]));
  return {
    inspectors: eligible.map((i) => ({ code: codeOf.get(i.userId)!, fields: [...i.fields] })),
    exclusions: exclusions
      .filter((e) => codeOf.has(e.userId))
      .map((e) => ({ inspector: codeOf.get(e.userId)!, object: e.creditCode, reason: e.reason })),
    userIdOf: new Map([...codeOf].map(([userId, code]) => [code, userId])),
    ineligible,
  };
}
