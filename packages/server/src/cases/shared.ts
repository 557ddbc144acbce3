/**
 * What the case use cases share: loading a case for reading or editing
 * (data scope, the archive lock, optimistic locking), saving with the audit event, labels.
 */
import { and, eq, sql } from "drizzle-orm";
import { allowedCaseActions, checkCaseAction, nextCaseStatus, type CaseAction, type CaseActionRefused, type CaseStatus } from "@kuanyan/domain/cases";
import { canRead, rolesAllowed, type Role } from "@kuanyan/domain/organisations";
import type { DbOrTx, Tx } from "../db/client";
import { cases, counters, organisations } from "../db/schema";
import { recordAudit } from "../audit/record";
import { loadOrgNodes } from "../access";
import { AppError, forbidden, notFound, versionConflict } from "../http/errors";
import type { Auth } from "../http/context";

export type CaseRow = typeof cases.$inferSelect;

/** Roles that handle cases (write): the permission case.handle of the permission table. */
export const officerRoles: readonly Role[] = rolesAllowed("case.handle");

/** Reads a case the user may see, or 404 (never revealing another organisation's case). */
export async function readCase(db: DbOrTx, auth: Auth, id: string): Promise<CaseRow> {
  const [row] = await db.select().from(cases).where(eq(cases.id, id));
  if (!row) throw notFound("案件");
  if (!canRead(auth, await loadOrgNodes(db), row.organisationId)) throw notFound("案件");
  return row;
}

/** The refusal of the lifecycle table as the HTTP error: 403 for a permission, else 422. */
export function refusalError(refusal: CaseActionRefused): AppError {
  return refusal.kind === "forbidden" ? forbidden(refusal.message) : new AppError("rule_violation", refusal.message);
}

/**
 * Loads a case for an action inside the transaction and runs the action through the lifecycle
 * table (packages/domain/src/cases/lifecycle.ts): a case the user may not read is 404; the
 * permission (403) and the closed lock are checked before the version read, the status and the
 * preconditions after it (a stale version is 409 whatever the case's status now).
 */
export async function editableCase(tx: Tx, auth: Auth, id: string, lockVersion: number, action: CaseAction): Promise<CaseRow> {
  const [row] = await tx.select().from(cases).where(eq(cases.id, id)).for("update");
  if (!row) throw notFound("案件");
  const orgs = await loadOrgNodes(tx);
  if (!canRead(auth, orgs, row.organisationId)) throw notFound("案件");
  const refusal = checkCaseAction(row, action, { ...auth, orgs });
  if (refusal && (refusal.kind === "forbidden" || refusal.kind === "locked")) throw refusalError(refusal);
  if (row.lockVersion !== lockVersion) throw versionConflict();
  if (refusal) throw refusalError(refusal);
  return row;
}

/** The case's status after the action, by the lifecycle table. */
export function nextStatus(c: CaseRow, action: CaseAction): CaseStatus {
  return nextCaseStatus(action, c.status as CaseStatus);
}

/** The status change of the action ({} when the status stays), e.g. a measure moves a decided case on. */
export function statusChange(c: CaseRow, action: CaseAction): Partial<CaseRow> {
  const next = nextStatus(c, action);
  return next === c.status ? {} : { status: next };
}

/** The actions the user may take on each case now (for the case responses). */
export async function allowedActionsFor(db: DbOrTx, auth: Auth): Promise<(c: CaseRow) => CaseAction[]> {
  const orgs = await loadOrgNodes(db);
  const user = { ...auth, orgs };
  return (c) => allowedCaseActions(c, user);
}

/** Writes the change (bumping lock_version) and its audit event in the transaction. */
export async function saveCase(
  tx: Tx,
  auth: Auth,
  before: CaseRow,
  changes: Partial<CaseRow>,
  action: string,
  detail?: Record<string, unknown>,
): Promise<CaseRow> {
  const [after] = await tx
    .update(cases)
    .set({ ...changes, lockVersion: before.lockVersion + 1, updatedAt: new Date() })
    .where(and(eq(cases.id, before.id), eq(cases.lockVersion, before.lockVersion)))
    .returning();
  if (!after) throw versionConflict();
  await recordAudit(tx, auth, {
    action,
    entityType: "case",
    entityId: before.id,
    organisationId: before.organisationId,
    regionCode: before.regionCode,
    before: pickChanged(before, changes),
    after: { ...pickChanged(after, changes), ...(detail ?? {}) },
  });
  return after;
}

function pickChanged(row: CaseRow, changes: Partial<CaseRow>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(changes) as (keyof CaseRow)[]) {
    if (k === "partyIdNumberEnc" || k === "decision") continue;
    out[k] = row[k];
  }
  return out;
}

/** The next case number of the organisation in the year: 明溪应急柔案〔2026〕3号. */
export async function nextCaseNo(tx: Tx, organisationId: string, regionCode: string, year: number): Promise<string> {
  const key = `case:${organisationId}:${year}`;
  const [row] = await tx
    .insert(counters)
    .values({ key, regionCode, value: 1 })
    .onConflictDoUpdate({ target: counters.key, set: { value: sql`${counters.value} + 1` } })
    .returning();
  const [org] = await tx.select({ shortName: organisations.shortName }).from(organisations).where(eq(organisations.id, organisationId));
  return `${org?.shortName ?? ""}柔案〔${year}〕${row.value}号`;
}

export function bad(field: string, message: string): AppError {
  return new AppError("validation_failed", message, [{ field, message }]);
}
