/**
 * What the case use cases share: loading a case for reading or editing
 * (data scope, the archive lock, optimistic locking), saving with the audit event, labels.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Role } from "@kuanyan/domain/organisations";
import type { DbOrTx, Tx } from "../db/client";
import { cases, counters, organisations } from "../db/schema";
import { recordAudit } from "../audit/record";
import { requireAccess } from "../access";
import { AppError, notFound, versionConflict } from "../http/errors";
import type { AppContext, Auth } from "../http/context";

export type CaseRow = typeof cases.$inferSelect;
export type CaseStatus = "intake" | "decided" | "in_progress" | "closed" | "transferred" | "cancelled";

export const caseStatusLabels: Record<CaseStatus, string> = {
  intake: "登记",
  decided: "处理决定已确认",
  in_progress: "措施/整改/回访进行中",
  closed: "办结归档",
  transferred: "已转出",
  cancelled: "已撤销",
};

export const routeLabels = {
  caution: "轻微告诫改正",
  summary: "简易程序",
  ordinary: "普通程序",
  transfer: "案件移送",
  escalated: "疑难问题",
} as const;
export type CaseRoute = keyof typeof routeLabels;

/** Roles that handle cases (write); supervisors and reviewers read. */
export const officerRoles: readonly Role[] = ["officer", "orgAdmin", "sysAdmin"];

/** Reads a case the user may see, or 404 (never revealing another organisation's case). */
export async function readCase(db: DbOrTx, auth: Auth, id: string): Promise<CaseRow> {
  const [row] = await db.select().from(cases).where(eq(cases.id, id));
  if (!row) throw notFound("案件");
  try {
    await requireAccess(db, auth, { mode: "read", organisationId: row.organisationId });
  } catch {
    throw notFound("案件");
  }
  return row;
}

/**
 * Loads a case for a change inside the transaction: the user must be able to write the case's
 * organisation with one of `roles`; a closed case is locked; the version read must be current.
 */
export async function editableCase(
  tx: Tx,
  auth: Auth,
  id: string,
  lockVersion: number,
  options: { roles?: readonly Role[]; what?: string; allowClosed?: boolean; statuses?: CaseStatus[] } = {},
): Promise<CaseRow> {
  const [row] = await tx.select().from(cases).where(eq(cases.id, id)).for("update");
  if (!row) throw notFound("案件");
  await requireAccess(tx, auth, { mode: "read", organisationId: row.organisationId }).catch(() => {
    throw notFound("案件");
  });
  await requireAccess(tx, auth, { mode: "write", organisationId: row.organisationId, roles: options.roles ?? officerRoles, what: options.what ?? "办理案件" });
  if (row.status === "closed" && !options.allowClosed) {
    throw new AppError("rule_violation", "案件已办结归档并锁定，不能修改；如需更正，请先说明理由重新打开案件");
  }
  if (row.lockVersion !== lockVersion) throw versionConflict();
  if (options.statuses && !options.statuses.includes(row.status as CaseStatus)) {
    throw new AppError(
      "rule_violation",
      `案件当前状态为“${caseStatusLabels[row.status as CaseStatus] ?? row.status}”，不能${options.what ?? "执行此操作"}`,
    );
  }
  return row;
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
