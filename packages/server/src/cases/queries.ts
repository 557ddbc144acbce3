/**
 * Reads (the case list is in caseList.ts): the case detail with its timeline and 案卷, the 法制审核 queue
 * and the overdue board. Every read is limited to the user's data scope.
 */
import { and, asc, eq, inArray, isNull, lt, notInArray, or, sql, type SQL } from "drizzle-orm";
import { auditReadActions } from "@kuanyan/domain/audit";
import type { CaseAction } from "@kuanyan/domain/cases";
import type { ZCase, ZCaseFile } from "@kuanyan/contract/cases";
import type { z } from "zod";
import { daysBetween } from "@kuanyan/domain/dates";
import type { DbOrTx } from "../db/client";
import { auditEvents, cases, caseTasks, documents, evidence, measures, organisations } from "../db/schema";
import { revealPhone } from "../pii/values";
import { readScope, type Scope } from "../access";
import type { AppContext, Auth } from "../http/context";
import { closeProblems, documentsModuleInstalled, requiredDocuments } from "./closeCase";
import { poolUnitOf } from "./poolUnit";
import { allowedActionsFor, readCase, type CaseRow } from "./shared";
import { today } from "../shared/clock";

/**
 * The case as the API shows it: no ciphertext, no blind index; the party's phone in full only in the
 * case file, masked in lists.
 */
export function presentCase<E extends { organisationName?: string; overdue?: boolean; allowedActions: CaseAction[] }>(
  c: CaseRow,
  extra: E,
  options: { list?: boolean } = {},
): CaseDto & E {
  const { partyIdNumberEnc: _enc, partyIdNumberBidx: _ib, partyPhoneEnc, partyPhoneMasked, partyPhoneBidx: _pb, ...rest } = c;
  const partyPhone = options.list ? partyPhoneMasked : revealPhone(partyPhoneEnc, partyPhoneMasked);
  return {
    ...rest,
    // The columns stored as text and jsonb, typed as the contract has them (the response schema checks them).
    status: c.status as CaseDto["status"],
    route: c.route as CaseDto["route"],
    routeDetail: c.routeDetail as CaseDto["routeDetail"],
    reviewStatus: c.reviewStatus as CaseDto["reviewStatus"],
    review: c.review as CaseDto["review"],
    partyType: c.partyType as CaseDto["partyType"],
    circumstances: c.circumstances as CaseDto["circumstances"],
    inspection: presentInspection(c.inspection),
    decision: c.decision as CaseDto["decision"],
    proposedOutcome: c.proposedOutcome as CaseDto["proposedOutcome"],
    decidedOutcome: c.decidedOutcome as CaseDto["decidedOutcome"],
    partyChoice: c.partyChoice as CaseDto["partyChoice"],
    // JSON has no dates: the timestamps as ISO 8601 strings, as the contract says.
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
    closedAt: c.closedAt ? iso(c.closedAt) : null,
    partyPhone,
    ...extra,
  };
}

type CaseDto = Omit<z.infer<typeof ZCase>, "allowedActions" | "organisationName">;
type CaseFileDto = z.infer<typeof ZCaseFile>;

/**
 * The inspection record with its officers as a list of {id, name, licenceNo}: records made by other
 * tools (the generated data) may hold the officers as names or only as a count.
 */
function presentInspection(inspection: unknown): CaseDto["inspection"] {
  const record = (inspection && typeof inspection === "object" ? inspection : {}) as Record<string, unknown>;
  const raw = record.officers;
  const officers = Array.isArray(raw)
    ? raw.map((o) =>
        typeof o === "string"
          ? { id: null, name: o, licenceNo: null }
          : {
              id: (o as { id?: string | null })?.id ?? null,
              name: String((o as { name?: unknown })?.name ?? ""),
              licenceNo: (o as { licenceNo?: string | null })?.licenceNo ?? null,
            },
      )
    : [];
  return { ...record, officers } as CaseDto["inspection"];
}

/** A timestamp as the API sends it. */
function iso(d: Date | string): string {
  return d instanceof Date ? d.toISOString() : new Date(d).toISOString();
}

function scopeWhere(scope: Scope): SQL | undefined {
  return scope === "all" ? undefined : inArray(cases.organisationId, [...scope]);
}

/** The case with everything in its 案卷: evidence (without bytes), measures, tasks, documents, audit trail. */
export async function getCase(ctx: AppContext, auth: Auth, id: string) {
  const { db } = ctx.database;
  const c = await readCase(db, auth, id);
  return caseFile(db, auth, c, today(ctx));
}

/** The case file as the user sees it, with the actions he may take on the case now. */
export async function caseFile(db: DbOrTx, auth: Auth, c: CaseRow, on: string): Promise<CaseFileDto> {
  const allowed = await allowedActionsFor(db, auth);
  const [org] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, c.organisationId));
  const ev = await db
    .select({
      id: evidence.id,
      fileName: evidence.fileName,
      mime: evidence.mime,
      size: evidence.size,
      sha256: evidence.sha256,
      description: evidence.description,
      uploadedBy: evidence.uploadedBy,
      createdAt: evidence.createdAt,
    })
    .from(evidence)
    .where(eq(evidence.caseId, c.id))
    .orderBy(asc(evidence.createdAt));
  const ms = await db.select().from(measures).where(eq(measures.caseId, c.id)).orderBy(asc(measures.carriedOutOn), asc(measures.createdAt));
  const tasks = await db.select().from(caseTasks).where(eq(caseTasks.caseId, c.id)).orderBy(asc(caseTasks.dueOn));
  const docs = await db
    .select({
      id: documents.id,
      type: documents.type,
      number: documents.number,
      status: documents.status,
      issuedOn: documents.issuedOn,
      sha256: documents.sha256,
    })
    .from(documents)
    .where(eq(documents.caseId, c.id))
    .orderBy(asc(documents.createdAt));
  const timeline = await caseTimeline(db, c.id, docs);
  const openStatuses = ["decided", "in_progress"];
  return {
    case: presentCase(c, { organisationName: org?.name, allowedActions: allowed(c) }),
    evidence: ev.map((e) => ({ ...e, createdAt: iso(e.createdAt) })),
    measures: ms.map((m) => ({ ...m, method: m.method as CaseFileDto["measures"][number]["method"], createdAt: iso(m.createdAt) })),
    tasks: tasks.map((t) => ({
      ...t,
      kind: t.kind as CaseFileDto["tasks"][number]["kind"],
      result: t.result as CaseFileDto["tasks"][number]["result"],
      createdAt: iso(t.createdAt),
      overdue: !t.doneOn && t.dueOn < on,
    })),
    documents: docs,
    requiredDocuments: requiredDocuments(c),
    documentsChecked: documentsModuleInstalled(),
    closeProblems: openStatuses.includes(c.status) ? await closeProblems(db, c) : [],
    timeline: timeline.map((e) => ({ ...e, at: iso(e.at), after: e.after as Record<string, unknown> | null })),
    poolUnit: await poolUnitOf(db, auth, c),
  };
}

/**
 * Events of a case's own record that say nothing an officer needs: reads of personal data, and the
 * bookkeeping "case.updated" that accompanies a recorded measure (the measure has its own event).
 */
const timelineNoise = [...auditReadActions, "case.updated"];
/** The events of the case's documents the timeline shows: 文书签发, 送达, 作废. */
export const timelineDocumentActions = ["document.issued", "document.delivered", "document.cancelled"] as const;

/**
 * The case's 全过程记录: its own events and the issuing, delivery and cancelling of its documents, in the
 * order they happened. A document event carries the document's type and number (never the names of the
 * deliverer or recipient).
 */
async function caseTimeline(db: DbOrTx, caseId: string, docs: { id: string; type: string; number: string }[]) {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const ofCase = and(eq(auditEvents.entityType, "case"), eq(auditEvents.entityId, caseId), notInArray(auditEvents.action, timelineNoise));
  const ofDocuments = docs.length
    ? and(
        eq(auditEvents.entityType, "document"),
        inArray(
          auditEvents.entityId,
          docs.map((d) => d.id),
        ),
        inArray(auditEvents.action, [...timelineDocumentActions]),
      )
    : undefined;
  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      actorName: auditEvents.actorName,
      action: auditEvents.action,
      entityId: auditEvents.entityId,
      after: auditEvents.after,
    })
    .from(auditEvents)
    .where(ofDocuments ? or(ofCase, ofDocuments) : ofCase)
    .orderBy(asc(auditEvents.id));
  return rows.map(({ entityId, ...e }) => {
    if (!e.action.startsWith("document.")) return e;
    const d = byId.get(entityId);
    const after = (e.after ?? {}) as Record<string, unknown>;
    return {
      ...e,
      after: {
        documentId: entityId,
        type: d?.type ?? null,
        number: d?.number ?? null,
        ...(e.action === "document.delivered" ? { method: after.method ?? null, refused: after.refused ?? null } : {}),
      },
    };
  });
}

/** 法制审核 queue: ordinary-procedure cases awaiting review, and 疑难问题 put to the legal office. */
export async function reviewQueue(ctx: AppContext, auth: Auth) {
  const { db } = ctx.database;
  const scope = await readScope(db, auth);
  const allowed = await allowedActionsFor(db, auth);
  const rows = await db
    .select({ c: cases, organisationName: organisations.name })
    .from(cases)
    .innerJoin(organisations, eq(organisations.id, cases.organisationId))
    .where(
      and(
        scopeWhere(scope),
        eq(cases.status, "intake"),
        or(and(eq(cases.route, "ordinary"), eq(cases.reviewStatus, "pending")), eq(cases.route, "escalated")),
      ),
    )
    .orderBy(asc(cases.updatedAt));
  return {
    items: rows.map((r) => ({
      ...presentCase(r.c, { organisationName: r.organisationName, allowedActions: allowed(r.c) }, { list: true }),
      decision: undefined,
    })),
  };
}

/** The officers' names from a case's inspection record (tolerant of records made by other tools). */
function officerNames(inspection: unknown): string[] {
  const officers = (inspection as { officers?: unknown } | null)?.officers;
  if (!Array.isArray(officers)) return typeof officers === "string" ? [officers] : [];
  return officers.map((o) => (typeof o === "string" ? o : String((o as { name?: unknown })?.name ?? ""))).filter(Boolean);
}

/** Overdue board: correction deadlines and follow-ups past due, for officers and supervisors. */
export async function overdueBoard(ctx: AppContext, auth: Auth) {
  const { db } = ctx.database;
  const on = today(ctx);
  const scope = await readScope(db, auth);
  const rows = await db
    .select({ t: caseTasks, c: cases, organisationName: organisations.name })
    .from(caseTasks)
    .innerJoin(cases, eq(cases.id, caseTasks.caseId))
    .innerJoin(organisations, eq(organisations.id, cases.organisationId))
    .where(and(scopeWhere(scope), isNull(caseTasks.doneOn), lt(caseTasks.dueOn, on)))
    .orderBy(asc(caseTasks.dueOn));
  const corrections = await db
    .select({ c: cases, organisationName: organisations.name })
    .from(cases)
    .innerJoin(organisations, eq(organisations.id, cases.organisationId))
    .where(
      and(
        scopeWhere(scope),
        lt(cases.correctionDue, on),
        isNull(cases.correctedOn),
        inArray(cases.status, ["intake", "decided", "in_progress"]),
        sql`not exists (select 1 from ${caseTasks} where ${caseTasks.caseId} = ${cases.id} and ${caseTasks.doneOn} is null)`,
      ),
    );
  const daysLate = (due: string) => daysBetween(due, on);
  return {
    today: on,
    items: [
      ...rows.map((r) => ({
        kind: r.t.kind as "reinspection" | "follow_up",
        taskId: r.t.id,
        dueOn: r.t.dueOn,
        daysLate: daysLate(r.t.dueOn),
        caseId: r.c.id,
        caseNo: r.c.caseNo,
        partyName: r.c.partyName,
        matterName: r.c.matterName,
        organisationName: r.organisationName,
        officers: officerNames(r.c.inspection),
      })),
      ...corrections.map((r) => ({
        kind: "correction_not_corrected" as const,
        taskId: null,
        dueOn: r.c.correctionDue!,
        daysLate: daysLate(r.c.correctionDue!),
        caseId: r.c.id,
        caseNo: r.c.caseNo,
        partyName: r.c.partyName,
        matterName: r.c.matterName,
        organisationName: r.organisationName,
        officers: officerNames(r.c.inspection),
      })),
    ].sort((a, b) => a.dueOn.localeCompare(b.dueOn)),
  };
}

/** The bytes of an evidence file of a case the user may read. */
export async function evidenceFile(ctx: AppContext, auth: Auth, caseId: string, evidenceId: string) {
  const { db } = ctx.database;
  const c = await readCase(db, auth, caseId);
  const [row] = await db
    .select()
    .from(evidence)
    .where(and(eq(evidence.id, evidenceId), eq(evidence.caseId, c.id)));
  return row ?? null;
}
