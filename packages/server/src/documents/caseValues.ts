/**
 * The values a case gives a document: party, facts, provisions cited with their text, deadline,
 * contact person. The officer types only what the case cannot know (officer fields and case fields
 * the case has left empty).
 */
import { asc, eq } from "drizzle-orm";
import { findMatter } from "@kuanyan/domain/matters";
import { formatCitations } from "@kuanyan/domain/laws";
import type { Decision } from "@kuanyan/domain/decisions";
import type { DocumentTemplate, FieldKind, FieldValues } from "@kuanyan/domain/documents";
import type { DbOrTx } from "../db/client";
import { cases, evidence, users } from "../db/schema";
import { AppError } from "../http/errors";
import { lawLibrary } from "../laws/library";
import { decryptIdNumber } from "../cases/idNumbers";
import { revealPhone } from "../pii/values";
import type { OrganisationRow } from "./shared";

export type CaseRow = typeof cases.$inferSelect;

/** "李明（执法人员）" → "李明": demo display names carry the role in brackets. */
const personName = (displayName: string) => displayName.replace(/（[^）]*）$/, "").trim();

/** Every value the case (and its organisation) can supply, by field key. Empty values are left out. */
export async function valuesFromCase(db: DbOrTx, c: CaseRow, org: OrganisationRow): Promise<Record<string, string>> {
  const decision = (c.decision ?? null) as Decision | null;
  const matter = findMatter(c.matterCode);
  const out: Record<string, string | null | undefined> = {
    partyName: c.partyName,
    partyAddress: c.partyAddress,
    partyRepresentative: c.partyContact,
    partyPhone: revealPhone(c.partyPhoneEnc, c.partyPhoneMasked),
    caseNumber: c.caseNo,
    handlingUnit: org.name,
    // The templates continue the facts with "，系轻微违法行为。": no closing punctuation of its own.
    facts: c.facts.trim().replace(/[。；;，,.\s]+$/u, ""),
    dueDate: c.correctionDue,
    contactPerson: org.contactPerson,
    contactPhone: org.contactPhone,
  };
  if (c.partyCreditCode) out.partyIdNumber = c.partyCreditCode;
  else if (c.partyIdNumberEnc) out.partyIdNumber = await decryptIdNumber(db, c.partyIdNumberEnc).catch(() => c.partyIdNumberMasked);
  if (c.createdBy) {
    const [u] = await db.select({ displayName: users.displayName }).from(users).where(eq(users.id, c.createdBy));
    if (u) out.handlingOfficer = personName(u.displayName);
  }
  if (matter && matter.violated.length > 0) {
    const cited = formatCitations(matter.violated);
    out.provisionCitations = cited;
    out.violatedProvisions = cited;
    const lib = lawLibrary();
    const texts = matter.violated.map((v) => lib.lookup(v)).filter((t): t is string => !!t);
    if (texts.length) out.provisionText = texts.map((t) => `“${t}”`).join("\n");
  }
  if (decision?.basis?.length) out.noPenaltyBasis = [...new Set(decision.basis.map((b) => b.cited))].join("、");
  if (decision?.listItem) out.listName = `《${decision.listItem.listTitle}》第${decision.listItem.seq}项`;
  const files = await db
    .select({ fileName: evidence.fileName, description: evidence.description })
    .from(evidence)
    .where(eq(evidence.caseId, c.id))
    .orderBy(asc(evidence.createdAt));
  if (files.length) out.evidence = files.map((f) => f.description || f.fileName).join("、");

  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries(out)) if (v && v.trim() !== "") clean[k] = v.trim();
  return clean;
}

export interface FormField {
  key: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  source: "case" | "officer";
  /** The case's value (read-only in the form) or empty. */
  caseValue: string;
  /** Whether the officer types this field. */
  editable: boolean;
  notBeforeToday: boolean;
}

/** The form of a template for a case: which fields come from the case and which the officer types. */
export function formFields(template: DocumentTemplate, caseValues: Record<string, string>): FormField[] {
  return template.fields
    .filter((f) => f.source === "case" || f.source === "officer")
    .map((f) => ({
      key: f.key,
      label: f.label,
      kind: f.kind,
      required: f.required,
      source: f.source as "case" | "officer",
      caseValue: f.source === "case" ? (caseValues[f.key] ?? "") : "",
      editable: f.source === "officer" || !caseValues[f.key],
      notBeforeToday: !!f.notBeforeToday,
    }));
}

/**
 * Merges what the officer typed into the case's values. Refused (Chinese error): a field the template
 * does not have, a system or delivery field, or a case field the case already fills (correct the case).
 */
export function mergeOfficerValues(
  template: DocumentTemplate,
  caseValues: Record<string, string>,
  officer: FieldValues,
  /** Skip (instead of refusing) values the template does not take from the officer (demo data). */
  lenient = false,
): Record<string, string> {
  const byKey = new Map(template.fields.map((f) => [f.key, f]));
  const problems: string[] = [];
  const merged: Record<string, string> = {};
  for (const f of template.fields) if (f.source === "case" && caseValues[f.key]) merged[f.key] = caseValues[f.key];
  for (const [key, raw] of Object.entries(officer)) {
    const value = raw?.trim() ?? "";
    if (value === "") continue;
    const f = byKey.get(key);
    if (!f) problems.push(`“${key}”不是《${template.title}》的字段`);
    else if (f.source === "system") problems.push(`“${f.label}”由系统在签发时生成，不能填写`);
    else if (f.source === "delivery") problems.push(`“${f.label}”在送达时记录，签发时不能填写`);
    else if (f.source === "case" && caseValues[key]) problems.push(`“${f.label}”取自案件，不能在文书中修改（如有错误，请先更正案件）`);
    else merged[key] = value;
  }
  if (problems.length && !lenient) throw new AppError("validation_failed", problems.join("；"));
  return merged;
}
