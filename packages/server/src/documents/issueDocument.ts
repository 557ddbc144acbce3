/**
 * 签发文书: fills the organisation's template with the case's values and what the officer typed,
 * numbers it, renders the PDF (seal, verification QR code and short code, creation date = time of
 * issue), hashes the bytes and stores them — number, document and audit event in one transaction,
 * so a failed issue leaves no gap in the numbers. An issued document is never edited: a correction
 * is a new document that supersedes it (both kept).
 */
import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import {
  documentActionProblem,
  documentIssuerRoles,
  documentPageRules,
  fillTemplate,
  formatDocumentNumber,
  type DocumentStatus,
} from "@kuanyan/domain/documents";
import { chinaDay } from "@kuanyan/domain/dates";
import type { DbOrTx, Tx } from "../db/client";
import { cases, documents, measures } from "../db/schema";
import { recordAudit } from "../audit/record";
import { requireAccess } from "../access";
import { AppError, notFound } from "../http/errors";
import type { AppContext, Auth } from "../http/context";
import { renderPdf } from "./render/pdf";
import { mergeOfficerValues, valuesFromCase, type CaseRow } from "./caseValues";
import { nextSequence, numberSettings } from "./numbering";
import {
  effectiveTemplate,
  loadSeal,
  newShortCode,
  organisationChain,
  sha256Hex,
  verificationUrl,
  type Actor,
  type DocumentRow,
  type EffectiveTemplate,
  type FrozenFields,
  type OrganisationRow,
} from "./shared";

import { ZIssueDocument } from "@kuanyan/contract/documents";
export { ZIssueDocument };
export type IssueDocumentInput = z.infer<typeof ZIssueDocument>;

/** Case statuses in which documents may be issued. */
const openStatuses = new Set(["intake", "decided", "in_progress"]);

interface Prepared {
  c: CaseRow;
  org: OrganisationRow;
  chosen: EffectiveTemplate;
  values: Record<string, string>;
  pattern: string;
  issuedOn: string;
  issuedAt: Date;
  seal: Buffer | undefined;
}

/**
 * Reads and checks everything before the transaction: the fill is validated with a placeholder number.
 * `system` (demo data): any case status, and values the template does not take are skipped.
 */
async function prepare(db: DbOrTx, c: CaseRow, input: IssueDocumentInput, issuedAt: Date, issuedOn: string, system = false): Promise<Prepared> {
  if (!system && !openStatuses.has(c.status)) {
    throw new AppError("rule_violation", c.status === "closed" ? "案件已办结归档并锁定，不能再签发文书" : "案件已转出或撤销，不能签发文书");
  }
  const chain = await organisationChain(db, c.organisationId);
  const org = chain[0];
  const chosen = await effectiveTemplate(db, input.type, chain);
  const caseValues = await valuesFromCase(db, c, org);
  const values = { ...mergeOfficerValues(chosen.template, caseValues, input.values, system), organisationName: org.name, issueDate: issuedOn };
  const check = fillTemplate(chosen.template, { ...values, documentNumber: "〔待编号〕" }, { today: issuedOn });
  if (!check.ok)
    throw new AppError(
      "validation_failed",
      check.message,
      check.errors.map((message) => ({ field: "values", message })),
    );
  const { numberPattern } = await numberSettings(db, org.id);
  return { c, org, chosen, values, pattern: numberPattern, issuedOn, issuedAt, seal: await loadSeal(db, org.id) };
}

async function write(tx: Tx, actor: Actor, p: Prepared, input: IssueDocumentInput, baseUrl: string, isDemo: boolean): Promise<DocumentRow> {
  const { template } = p.chosen;
  const year = Number(p.issuedOn.slice(0, 4));
  const seq = await nextSequence(tx, p.org.id, p.org.regionCode, template.type, year);
  const number = template.numbered ? formatDocumentNumber(p.pattern, { orgShort: p.org.shortName, typeShort: template.typeShort, year, seq }) : "";
  const values = template.numbered ? { ...p.values, documentNumber: number } : p.values;
  const filled = fillTemplate(template, values, { today: p.issuedOn });
  if (!filled.ok) throw new AppError("validation_failed", filled.message);
  const shortCode = newShortCode();
  const url = verificationUrl(baseUrl, shortCode);
  const pdf = await renderPdf(filled.document, { creationDate: p.issuedAt, sealImage: p.seal, verification: { url, code: shortCode } });
  const fields: FrozenFields = { values, verificationUrl: url, sealBase64: p.seal ? p.seal.toString("base64") : null };

  let supersedes: DocumentRow | undefined;
  if (input.supersedesId) {
    [supersedes] = await tx.select().from(documents).where(eq(documents.id, input.supersedesId)).for("update");
    if (!supersedes || supersedes.caseId !== p.c.id) throw new AppError("validation_failed", "被更正的文书不属于本案件");
    // Who may issue (and so correct) was checked before the transaction: here only the status decides.
    const problem = documentActionProblem(
      "correct",
      supersedes.status as DocumentStatus,
      { roles: documentIssuerRoles, canWrite: true },
      supersedes.number,
    );
    if (problem) throw new AppError("rule_violation", problem);
    if (supersedes.type !== template.type) throw new AppError("validation_failed", "更正文书必须与被更正的文书种类相同");
  }

  const [row] = await tx
    .insert(documents)
    .values({
      regionCode: p.org.regionCode,
      organisationId: p.org.id,
      caseId: p.c.id,
      type: template.type,
      templateId: p.chosen.templateId,
      templateVersion: template.version,
      year,
      seq,
      number,
      status: "issued",
      supersedesId: supersedes?.id ?? null,
      fields,
      pdf,
      sha256: sha256Hex(pdf),
      shortCode,
      issuedBy: actor?.userId ?? null,
      issuedOn: p.issuedOn,
      issuedAt: p.issuedAt,
      isDemo,
    })
    .returning();

  if (supersedes) {
    await tx.update(documents).set({ status: "superseded" }).where(eq(documents.id, supersedes.id));
    await recordAudit(tx, actor, {
      action: "document.superseded",
      entityType: "document",
      entityId: supersedes.id,
      organisationId: supersedes.organisationId,
      regionCode: supersedes.regionCode,
      before: { status: supersedes.status },
      after: { status: "superseded", supersededBy: row.id, number: row.number },
    });
  }
  if (input.measureId) {
    // Only measures.document_id is written here (the measure belongs to the cases module).
    const linked = await tx
      .update(measures)
      .set({ documentId: row.id })
      .where(and(eq(measures.id, input.measureId), eq(measures.caseId, p.c.id), isNull(measures.documentId)))
      .returning({ id: measures.id });
    if (!linked.length) throw new AppError("validation_failed", "所选柔性执法措施不属于本案件或已关联其他文书");
  }
  await recordAudit(tx, actor, {
    action: "document.issued",
    entityType: "document",
    entityId: row.id,
    organisationId: row.organisationId,
    regionCode: row.regionCode,
    after: {
      caseId: row.caseId,
      type: row.type,
      number: row.number,
      templateId: row.templateId,
      templateVersion: row.templateVersion,
      sha256: row.sha256,
      shortCode: row.shortCode,
      supersedesId: row.supersedesId,
      measureId: input.measureId ?? null,
    },
  });
  return row;
}

/** Issues a document for a case (officer, orgAdmin; the case's organisation). */
export async function issueDocument(ctx: AppContext, auth: Auth, input: IssueDocumentInput, baseUrl: string): Promise<DocumentRow> {
  const { db } = ctx.database;
  const [c] = await db.select().from(cases).where(eq(cases.id, input.caseId));
  if (!c) throw notFound("案件");
  await requireAccess(db, auth, { mode: "read", organisationId: c.organisationId }).catch(() => {
    throw notFound("案件");
  });
  await requireAccess(db, auth, {
    mode: "write",
    organisationId: c.organisationId,
    roles: documentPageRules.issue.roles,
    what: documentPageRules.issue.label,
  });
  const issuedAt = ctx.now();
  const p = await prepare(db, c, input, issuedAt, chinaDay(issuedAt));
  return db.transaction((tx) => write(tx, auth, p, input, baseUrl, false));
}

/**
 * Issues a document inside a running transaction without a user (demo data), dated `issuedOn`
 * (the demo's cases are created in their final state, so their status is not checked).
 */
export async function issueDocumentInTx(
  tx: Tx,
  c: CaseRow,
  input: IssueDocumentInput,
  options: { issuedAt: Date; issuedOn: string; baseUrl: string; isDemo: boolean },
): Promise<DocumentRow> {
  const p = await prepare(tx, c, input, options.issuedAt, options.issuedOn, true);
  return write(tx, null, p, input, options.baseUrl, options.isDemo);
}
