/** Reading documents: the list of an organisation's documents (filters), one document with its deliveries. */
import { and, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import {
  allowedDocumentActions,
  allowedDocumentPageActions,
  DOCUMENT_TYPE_LABELS,
  type DocumentAction,
  type DocumentType,
} from "@kuanyan/domain/documents";
import { writableOrganisations } from "@kuanyan/domain/organisations";
import { cases, deliveries, documents, organisations, users } from "../db/schema";
import { inScope, loadOrgNodes, readScope, requireAccess } from "../access";
import { notFound } from "../http/errors";
import type { AppContext, Auth } from "../http/context";
import {
  DELIVERY_METHOD_LABELS,
  DOCUMENT_STATUS_LABELS,
  frozenFields,
  type DeliveryMethod,
  type DeliveryRow,
  type DocumentRow,
  type DocumentStatus,
} from "./shared";

export interface DocumentFilter {
  organisationId?: string;
  caseId?: string;
  type?: string;
  status?: string;
  year?: number;
  q?: string;
  limit?: number;
  offset?: number;
}

/** The organisations whose records the user may write (for the actions on their documents). */
async function writeScope(ctx: AppContext, auth: Auth) {
  return writableOrganisations(auth, await loadOrgNodes(ctx.database.db));
}

function actionsOn(d: Pick<DocumentRow, "status" | "organisationId">, auth: Auth, writable: "all" | Set<string>): DocumentAction[] {
  return allowedDocumentActions(d.status as DocumentStatus, { roles: auth.roles, canWrite: writable === "all" || writable.has(d.organisationId) });
}

function summary(
  d: DocumentRow,
  extra: { organisationName: string; caseNo: string | null; partyName: string | null; deliveredCount?: number; allowedActions: DocumentAction[] },
) {
  return {
    id: d.id,
    organisationId: d.organisationId,
    organisationName: extra.organisationName,
    caseId: d.caseId,
    caseNo: extra.caseNo,
    partyName: extra.partyName,
    type: d.type as DocumentType,
    typeLabel: DOCUMENT_TYPE_LABELS[d.type as DocumentType] ?? d.type,
    number: d.number,
    status: d.status as DocumentStatus,
    statusLabel: DOCUMENT_STATUS_LABELS[d.status as DocumentStatus] ?? d.status,
    templateVersion: d.templateVersion,
    issuedOn: d.issuedOn,
    issuedAt: d.issuedAt.toISOString(),
    shortCode: d.shortCode,
    sha256: d.sha256,
    supersedesId: d.supersedesId,
    isDemo: d.isDemo,
    deliveredCount: extra.deliveredCount ?? 0,
    /** What the user may do with the document now (记录送达, 更正, 作废). */
    allowedActions: extra.allowedActions,
  };
}
export type DocumentSummary = ReturnType<typeof summary>;

export async function listDocuments(ctx: AppContext, auth: Auth, f: DocumentFilter) {
  const { db } = ctx.database;
  const scope = await readScope(db, auth);
  const writable = await writeScope(ctx, auth);
  // 签发 and 设置 concern the user's own organisation (or the one chosen).
  const pageActions = allowedDocumentPageActions({
    roles: auth.roles,
    canWrite: writable === "all" || writable.has(f.organisationId ?? auth.organisationId),
  });
  const where: (SQL | undefined)[] = [];
  if (f.organisationId) {
    if (!inScope(scope, f.organisationId)) return { items: [], total: 0, allowedActions: pageActions };
    where.push(eq(documents.organisationId, f.organisationId));
  } else if (scope !== "all") where.push(inArray(documents.organisationId, [...scope]));
  if (f.caseId) where.push(eq(documents.caseId, f.caseId));
  if (f.type) where.push(eq(documents.type, f.type));
  if (f.status) where.push(eq(documents.status, f.status));
  if (f.year) where.push(eq(documents.year, f.year));
  if (f.q) {
    const q = `%${f.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
    where.push(or(ilike(documents.number, q), ilike(cases.partyName, q), ilike(cases.caseNo, q), eq(documents.shortCode, f.q.trim().toUpperCase())));
  }
  const rows = await db
    .select({ d: documents, organisationName: organisations.name, caseNo: cases.caseNo, partyName: cases.partyName })
    .from(documents)
    .innerJoin(organisations, eq(organisations.id, documents.organisationId))
    .leftJoin(cases, eq(cases.id, documents.caseId))
    .where(and(...where))
    .orderBy(desc(documents.issuedAt), desc(documents.seq))
    .limit(Math.min(f.limit ?? 50, 500))
    .offset(f.offset ?? 0);
  const counts = rows.length
    ? await db
        .select({ documentId: deliveries.documentId })
        .from(deliveries)
        .where(
          inArray(
            deliveries.documentId,
            rows.map((r) => r.d.id),
          ),
        )
    : [];
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(documents)
    .leftJoin(cases, eq(cases.id, documents.caseId))
    .where(and(...where));
  return {
    items: rows.map((r) =>
      summary(r.d, { ...r, deliveredCount: counts.filter((c) => c.documentId === r.d.id).length, allowedActions: actionsOn(r.d, auth, writable) }),
    ),
    total,
    allowedActions: pageActions,
  };
}

function deliveryView(r: DeliveryRow) {
  return {
    id: r.id,
    method: r.method as DeliveryMethod,
    methodLabel: DELIVERY_METHOD_LABELS[r.method as DeliveryMethod] ?? r.method,
    deliverer: r.deliverer,
    recipient: r.recipient,
    deliveredAt: r.deliveredAt.toISOString(),
    place: r.place,
    refused: r.refused,
    witnesses: (r.witnesses as string[]) ?? [],
    consent: r.consent,
    consentRecord: r.consentRecord,
    remarks: r.remarks,
    signed: !!r.signature,
    hasSignedPdf: !!r.signedPdf,
  };
}

/** A document the user may read (404 otherwise, never revealing another organisation's document). */
export async function readDocument(ctx: AppContext, auth: Auth, id: string): Promise<DocumentRow> {
  const { db } = ctx.database;
  const [d] = await db.select().from(documents).where(eq(documents.id, id));
  if (!d) throw notFound("文书");
  await requireAccess(db, auth, { mode: "read", organisationId: d.organisationId }).catch(() => {
    throw notFound("文书");
  });
  return d;
}

export async function getDocument(ctx: AppContext, auth: Auth, id: string) {
  const d = await readDocument(ctx, auth, id);
  const { db } = ctx.database;
  const [org] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, d.organisationId));
  const [c] = d.caseId ? await db.select({ caseNo: cases.caseNo, partyName: cases.partyName }).from(cases).where(eq(cases.id, d.caseId)) : [];
  const dels = await db.select().from(deliveries).where(eq(deliveries.documentId, d.id)).orderBy(deliveries.deliveredAt);
  const [issuer] = d.issuedBy ? await db.select({ displayName: users.displayName }).from(users).where(eq(users.id, d.issuedBy)) : [];
  const [supersededBy] = await db.select({ id: documents.id, number: documents.number }).from(documents).where(eq(documents.supersedesId, d.id));
  const f = frozenFields(d);
  return {
    ...summary(d, {
      organisationName: org?.name ?? "",
      caseNo: c?.caseNo ?? null,
      partyName: c?.partyName ?? null,
      deliveredCount: dels.length,
      allowedActions: actionsOn(d, auth, await writeScope(ctx, auth)),
    }),
    values: f.values,
    verificationUrl: f.verificationUrl,
    sealed: !!f.sealBase64,
    issuedByName: issuer?.displayName ?? null,
    cancelledAt: d.cancelledAt?.toISOString() ?? null,
    cancelReason: d.cancelReason,
    supersededBy: supersededBy ?? null,
    deliveries: dels.map(deliveryView),
  };
}
