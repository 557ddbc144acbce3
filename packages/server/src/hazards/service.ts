/**
 * 隐患 use cases (issue 10 §7, §8): the ledger (data scope, filters, masked personal data), the
 * detail, rectification evidence, the actions of the domain lifecycle (整改 → 复查 → 销号) and the
 * figures. Every change and its audit event in one transaction; the rules are the domain's
 * (packages/domain/src/hazards), the server only loads, checks scope and saves.
 */
import crypto from "node:crypto";
import { and, asc, desc, eq, ilike, inArray, like, lt, or, sql, type SQL } from "drizzle-orm";
import { maskName } from "@kuanyan/domain/codes";
import { applyHazardAction, hazardFigures, hazardFiguresBy, overdueEscalation, type Hazard, type HazardAction } from "@kuanyan/domain/hazards";
import { rolesAllowed, type AdminAction, type Role } from "@kuanyan/domain/organisations";
import { inspectionFigures, keyUnitCoverage, type InspectionStatus } from "@kuanyan/domain/inspections";
import { inspections, inspectionUnits } from "../inspections/schema";

import type { HazardDetail, HazardListItem, HazardListQuery, FieldFigures } from "@kuanyan/contract/hazards";
import type { DbOrTx, Tx } from "../db/client";
import { organisations, users } from "../db/schema";
import { hazardEvents, hazardEvidence, hazards } from "./schema";
import { recordAudit } from "../audit/record";
import { readScope, requireAccess, requireRole } from "../access";
import { AppError, notFound } from "../http/errors";
import type { AppContext, Auth } from "../http/context";
import { checkEvidenceFile, uploadLimits } from "../uploads";
import { sizeText } from "../uploads/limits";
import { today } from "../shared/clock";

export type HazardRow = typeof hazards.$inferSelect;

/** A timestamp as PostgreSQL prints it → the day in China (YYYY-MM-DD). */
function chinaDay(ts: string): string {
  return new Date(new Date(ts.replace(" ", "T").replace(/([+-]\d\d)$/, "$1:00")).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export const roles = (a: AdminAction): readonly Role[] => rolesAllowed(a);
export const MAX_HAZARD_EVIDENCE_BYTES = 10 * 1024 * 1024;

export function toDomain(row: HazardRow): Hazard {
  return {
    id: row.id,
    organisationId: row.organisationId,
    regionCode: row.regionCode,
    creditCode: row.creditCode,
    unitName: row.unitName,
    inspectionId: row.inspectionId ?? "",
    itemId: row.itemId ?? "",
    level: row.level as Hazard["level"],
    ...(row.criterion ? { criterion: row.criterion } : {}),
    description: row.description,
    responsiblePerson: row.responsiblePerson,
    foundOn: row.foundOn,
    deadline: row.deadline,
    status: row.status as Hazard["status"],
    rectificationEvidence: row.rectificationEvidence,
    reviews: row.reviews,
    previousDeadlines: row.previousDeadlines,
    ...(row.rectifiedOn ? { rectifiedOn: row.rectifiedOn } : {}),
    ...(row.closedOn ? { closedOn: row.closedOn } : {}),
  };
}

function listItem(row: HazardRow, organisationName: string, day: string, unitId: string | null): HazardListItem {
  const esc = overdueEscalation(toDomain(row), day);
  return {
    id: row.id,
    organisationId: row.organisationId,
    organisationName,
    regionCode: row.regionCode,
    inspectionId: row.inspectionId,
    itemId: row.itemId,
    unitId,
    creditCode: row.creditCode,
    unitName: row.unitName,
    level: row.level as HazardListItem["level"],
    criterion: row.criterion,
    description: row.description,
    responsiblePersonMasked: maskName(row.responsiblePerson),
    foundOn: row.foundOn,
    deadline: row.deadline,
    status: row.status as HazardListItem["status"],
    overdue: esc.overdue,
    daysOverdue: esc.daysOverdue,
    escalation: esc.escalation,
  };
}

/** The organisations of the query the user may read (403 for a named one outside the scope). */
async function scopedOrganisations(db: DbOrTx, auth: Auth, organisationId?: string): Promise<"all" | string[]> {
  requireRole(auth, roles("inspection.read"), "查看隐患");
  if (organisationId) {
    await requireAccess(db, auth, { mode: "read", organisationId });
    return [organisationId];
  }
  const scope = await readScope(db, auth);
  return scope === "all" ? "all" : [...scope];
}

/** 统一社会信用代码 as typed in the search box: 18 characters of its alphabet (the check character is not verified). */
const creditCodeShape = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/**
 * The ledger's search box: a 统一社会信用代码 finds that unit's hazards (exact, by hazards_credit_code_idx);
 * any other text is a part of the unit's name. Text without upper/lower case (Chinese, digits) is
 * matched with LIKE, which gives the same rows as ILIKE without case-folding every name (≈3× cheaper
 * on PostgreSQL for UTF-8 text).
 */
function searchCondition(q: string): SQL {
  const code = q.toUpperCase();
  if (creditCodeShape.test(code)) return eq(hazards.creditCode, code);
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return q.toLowerCase() === q.toUpperCase() ? like(hazards.unitName, pattern) : ilike(hazards.unitName, pattern);
}

export async function listHazards(ctx: AppContext, auth: Auth, query: HazardListQuery) {
  const { db } = ctx.database;
  const orgs = await scopedOrganisations(db, auth, query.organisationId);
  const day = today(ctx);
  const where: SQL[] = [];
  if (orgs !== "all") {
    if (orgs.length === 0) return { items: [], total: 0 };
    where.push(inArray(hazards.organisationId, orgs));
  }
  if (query.regionCode) where.push(eq(hazards.regionCode, query.regionCode));
  if (query.status) where.push(eq(hazards.status, query.status));
  if (query.level) where.push(eq(hazards.level, query.level));
  if (query.rectified === "true") where.push(inArray(hazards.status, ["review_passed", "closed"]));
  if (query.overdue === "true") where.push(and(eq(hazards.status, "open"), lt(hazards.deadline, day))!);
  if (query.overdue === "false") where.push(or(sql`${hazards.status} <> 'open'`, sql`${hazards.deadline} >= ${day}`)!);
  if (query.year) where.push(and(sql`${hazards.foundOn} >= ${`${query.year}-01-01`}`, sql`${hazards.foundOn} <= ${`${query.year}-12-31`}`)!);
  if (query.q) where.push(searchCondition(query.q));
  const cond = where.length ? and(...where) : undefined;
  // The total and the page are independent: on PostgreSQL they run at once on two connections.
  // The page follows hazards_ledger_idx (found_on DESC, id); the total of a scope and year is an
  // index-only scan of it (bench/hazards-ledger.ts).
  const [[{ total }], rows] = await Promise.all([
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(hazards)
      .where(cond),
    db
      .select({ h: hazards, organisationName: organisations.name, unitId: inspectionUnits.id })
      .from(hazards)
      .innerJoin(organisations, eq(organisations.id, hazards.organisationId))
      .leftJoin(inspectionUnits, and(eq(inspectionUnits.organisationId, hazards.organisationId), eq(inspectionUnits.creditCode, hazards.creditCode)))
      .where(cond)
      .orderBy(desc(hazards.foundOn), asc(hazards.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
  ]);
  return { items: rows.map((r) => listItem(r.h, r.organisationName, day, r.unitId)), total };
}

async function readHazard(db: DbOrTx, auth: Auth, id: string): Promise<HazardRow> {
  requireRole(auth, roles("inspection.read"), "查看隐患");
  const [row] = await db.select().from(hazards).where(eq(hazards.id, id));
  if (!row) throw notFound("隐患");
  try {
    await requireAccess(db, auth, { mode: "read", organisationId: row.organisationId });
  } catch {
    throw notFound("隐患");
  }
  return row;
}

export async function getHazard(ctx: AppContext, auth: Auth, id: string): Promise<HazardDetail> {
  const { db } = ctx.database;
  const row = await readHazard(db, auth, id);
  const [org] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, row.organisationId));
  const [unit] = await db
    .select({ id: inspectionUnits.id })
    .from(inspectionUnits)
    .where(and(eq(inspectionUnits.organisationId, row.organisationId), eq(inspectionUnits.creditCode, row.creditCode)));
  const events = await db
    .select({ e: hazardEvents, actorName: users.displayName })
    .from(hazardEvents)
    .leftJoin(users, eq(users.id, hazardEvents.actorId))
    .where(eq(hazardEvents.hazardId, id))
    .orderBy(asc(hazardEvents.at), asc(hazardEvents.id));
  const files = await db
    .select({ id: hazardEvidence.id, sha256: hazardEvidence.sha256, mime: hazardEvidence.mime, size: hazardEvidence.size })
    .from(hazardEvidence)
    .where(eq(hazardEvidence.hazardId, id))
    .orderBy(asc(hazardEvidence.createdAt));
  return {
    ...listItem(row, org?.name ?? "", today(ctx), unit?.id ?? null),
    responsiblePerson: row.responsiblePerson,
    rectificationEvidence: row.rectificationEvidence,
    reviews: row.reviews,
    previousDeadlines: row.previousDeadlines,
    rectifiedOn: row.rectifiedOn,
    closedOn: row.closedOn,
    evidenceFiles: files,
    events: events.map(({ e, actorName }) => ({ id: e.id, kind: e.kind, detail: e.detail, evidence: e.evidence, actorName, at: e.at.toISOString() })),
  };
}

export async function hazardEvidenceFile(ctx: AppContext, auth: Auth, id: string, evidenceId: string) {
  const { db } = ctx.database;
  await readHazard(db, auth, id);
  const [row] = await db
    .select()
    .from(hazardEvidence)
    .where(and(eq(hazardEvidence.id, evidenceId), eq(hazardEvidence.hazardId, id)));
  return row ?? null;
}

/** Loads a hazard for a change (locked row), checking the write scope of its organisation. */
async function editableHazard(tx: Tx, auth: Auth, id: string, action: AdminAction, what: string): Promise<HazardRow> {
  const [row] = await tx.select().from(hazards).where(eq(hazards.id, id)).for("update");
  if (!row) throw notFound("隐患");
  try {
    await requireAccess(tx, auth, { mode: "read", organisationId: row.organisationId });
  } catch {
    throw notFound("隐患");
  }
  await requireAccess(tx, auth, { mode: "write", organisationId: row.organisationId, roles: roles(action), what });
  return row;
}

export async function uploadHazardEvidence(ctx: AppContext, auth: Auth, id: string, input: { contentBase64: string }) {
  const data = Buffer.from(input.contentBase64, "base64");
  if (data.length === 0) throw new AppError("validation_failed", "文件内容为空", [{ field: "contentBase64", message: "文件内容为空" }]);
  const max = Math.min(MAX_HAZARD_EVIDENCE_BYTES, uploadLimits(ctx.config).maxBytes);
  if (data.length > max) throw new AppError("payload_too_large", `文件过大，整改证据不得超过 ${sizeText(max)}`);
  requireRole(auth, roles("hazard.manage"), "上传整改证据");
  const type = await checkEvidenceFile(ctx.config, data, "整改证据");
  const sha256 = crypto.createHash("sha256").update(data).digest("hex");
  return ctx.database.db.transaction(async (tx) => {
    const h = await editableHazard(tx, auth, id, "hazard.manage", "上传整改证据");
    if (h.status === "closed") throw new AppError("rule_violation", "隐患已销号，不能再上传整改证据");
    const [existing] = await tx
      .select()
      .from(hazardEvidence)
      .where(and(eq(hazardEvidence.hazardId, id), eq(hazardEvidence.sha256, sha256)));
    if (existing) return { id: existing.id, sha256, mime: existing.mime, size: existing.size };
    const [row] = await tx
      .insert(hazardEvidence)
      .values({
        regionCode: h.regionCode,
        organisationId: h.organisationId,
        hazardId: id,
        mime: type.mime,
        size: data.length,
        sha256,
        data,
        uploadedBy: auth.userId,
      })
      .returning({ id: hazardEvidence.id });
    await recordAudit(tx, auth, {
      action: "hazard.evidence_uploaded",
      entityType: "hazard",
      entityId: id,
      organisationId: h.organisationId,
      regionCode: h.regionCode,
      after: { evidenceId: row.id, mime: type.mime, size: data.length, sha256 },
    });
    return { id: row.id, sha256, mime: type.mime, size: data.length };
  });
}

const eventKind: Record<HazardAction["type"], string> = {
  reportRectification: "rectification_reported",
  review: "reviewed",
  close: "closed",
};

/** Applies a lifecycle action (the domain decides; a refusal is a 422 and changes nothing). */
export async function actOnHazard(ctx: AppContext, auth: Auth, id: string, action: HazardAction): Promise<void> {
  const permission: AdminAction = action.type === "close" ? "hazard.close" : "hazard.manage";
  const day = today(ctx);
  requireRole(auth, roles(permission), action.type === "close" ? "隐患销号" : "登记整改情况或复查");
  await ctx.database.db.transaction(async (tx) => {
    const row = await editableHazard(tx, auth, id, permission, action.type === "close" ? "销号" : action.type === "review" ? "复查" : "登记整改情况");
    if (action.type === "reportRectification") {
      if (action.on > day) throw new AppError("rule_violation", `整改完成日期不能晚于今天（${day}）`);
      // Evidence must be files uploaded to this hazard: a hash alone proves nothing.
      const uploaded = action.evidence.length
        ? await tx
            .select({ sha256: hazardEvidence.sha256 })
            .from(hazardEvidence)
            .where(and(eq(hazardEvidence.hazardId, id), inArray(hazardEvidence.sha256, action.evidence)))
        : [];
      const missing = action.evidence.filter((h) => !uploaded.some((u) => u.sha256 === h));
      if (missing.length) throw new AppError("rule_violation", "整改证据须先上传到本隐患（有摘要对应不上已上传的文件）");
    }
    if (action.type === "review" && !action.passed && action.newDeadline && action.newDeadline < day) {
      throw new AppError("rule_violation", "重新确定的整改期限不能早于今天");
    }
    if (action.type === "review" && !action.passed && !action.newDeadline) {
      throw new AppError("rule_violation", "复查不合格的，须重新确定整改期限");
    }
    const before = toDomain(row);
    const result = applyHazardAction(before, action, { userId: auth.userId, roles: auth.roles }, day);
    if (!result.ok) throw new AppError("rule_violation", result.error);
    const h = result.hazard;
    await tx
      .update(hazards)
      .set({
        status: h.status,
        deadline: h.deadline,
        rectificationEvidence: h.rectificationEvidence,
        reviews: h.reviews,
        previousDeadlines: h.previousDeadlines,
        rectifiedOn: h.rectifiedOn ?? null,
        closedOn: h.closedOn ?? null,
        updatedAt: ctx.now(),
      })
      .where(eq(hazards.id, id));
    const detail: Record<string, unknown> =
      action.type === "reportRectification"
        ? { on: action.on, note: action.note ?? null }
        : action.type === "review"
          ? { passed: action.passed, note: action.note, newDeadline: action.newDeadline ?? null }
          : {};
    await tx.insert(hazardEvents).values({
      regionCode: row.regionCode,
      organisationId: row.organisationId,
      hazardId: id,
      kind: eventKind[action.type],
      detail,
      evidence: action.type === "reportRectification" ? action.evidence : [],
      actorId: auth.userId,
      at: ctx.now(),
    });
    await recordAudit(tx, auth, {
      action: `hazard.${eventKind[action.type]}`,
      entityType: "hazard",
      entityId: id,
      organisationId: row.organisationId,
      regionCode: row.regionCode,
      before: { status: before.status, deadline: before.deadline },
      after: { status: h.status, deadline: h.deadline, ...detail },
    });
  });
}

/** The hazard figures of a year (issue 10 §8), per organisation and region, each opening the ledger. */
export async function hazardFiguresOf(ctx: AppContext, auth: Auth, query: { year: number; organisationId?: string }): Promise<FieldFigures> {
  const { db } = ctx.database;
  const orgs = await scopedOrganisations(db, auth, query.organisationId);
  const day = today(ctx);
  const from = `${query.year}-01-01`;
  const to = `${query.year}-12-31`;
  const where: SQL[] = [sql`${hazards.foundOn} >= ${from}`, sql`${hazards.foundOn} <= ${to}`];
  if (orgs !== "all") where.push(orgs.length ? inArray(hazards.organisationId, orgs) : sql`false`);
  // One row a group, not a row a hazard: the domain counts each group `count` times. The deadline
  // matters only to an open hazard (overdue), so it is kept only there and the groups stay few.
  const deadline = sql<string | null>`CASE WHEN ${hazards.status} = 'open' THEN ${hazards.deadline}::text END`;
  const rows = await db
    .select({
      organisationId: hazards.organisationId,
      organisationName: organisations.name,
      regionCode: hazards.regionCode,
      status: hazards.status,
      level: hazards.level,
      deadline,
      count: sql<number>`count(*)::int`,
    })
    .from(hazards)
    .innerJoin(organisations, eq(organisations.id, hazards.organisationId))
    .where(and(...where))
    .groupBy(hazards.organisationId, organisations.name, hazards.regionCode, hazards.status, hazards.level, deadline);
  const countable = rows.map((r) => ({
    ...r,
    deadline: r.deadline ?? from,
    foundOn: from,
    status: r.status as Hazard["status"],
    level: r.level as Hazard["level"],
  }));
  const names = new Map(rows.map((r) => [r.organisationId, r.organisationName]));
  const base = `/hazards?year=${query.year}${query.organisationId ? `&organisationId=${query.organisationId}` : ""}`;
  const inspOrg = orgs === "all" ? undefined : orgs.length ? inArray(inspections.organisationId, orgs) : sql`false`;
  const inspRows = await db
    .select({
      status: inspections.status,
      year: inspections.year,
      dueBy: inspections.dueBy,
      creditCode: inspections.creditCode,
      submittedAt: sql<string | null>`(SELECT min(r.submitted_at)::text FROM inspection_records r WHERE r.inspection_id = ${inspections.id})`,
    })
    .from(inspections)
    .where(and(eq(inspections.year, query.year), inspOrg));
  const records = inspRows.map((r) => ({
    status: r.status as InspectionStatus,
    year: r.year,
    creditCode: r.creditCode,
    ...(r.dueBy ? { dueBy: r.dueBy } : {}),
    ...(r.submittedAt ? { submittedAt: chinaDay(r.submittedAt) } : {}),
  }));
  const poolUnits = await db
    .select({ creditCode: inspectionUnits.creditCode, keyUnit: inspectionUnits.keyUnit })
    .from(inspectionUnits)
    // Only the key units count for the coverage: the others are not read.
    .where(
      and(eq(inspectionUnits.keyUnit, true), orgs === "all" ? undefined : orgs.length ? inArray(inspectionUnits.organisationId, orgs) : sql`false`),
    );
  const coverage = keyUnitCoverage(poolUnits, records, query.year);
  return {
    year: query.year,
    today: day,
    inspections: inspectionFigures(records, query.year),
    keyUnits: { keyUnits: coverage.keyUnits, covered: coverage.covered, percent: coverage.percent },
    hazards: hazardFigures(countable, { today: day }),
    byOrganisation: hazardFiguresBy(countable, (h) => h.organisationId, { today: day }).map((g) => ({
      organisationId: g.key,
      organisationName: names.get(g.key) ?? "",
      figures: g.figures,
    })),
    byRegion: hazardFiguresBy(countable, (h) => h.regionCode, { today: day }).map((g) => ({ regionCode: g.key, figures: g.figures })),
    links: {
      found: base,
      open: `${base}&status=open`,
      awaitingReview: `${base}&status=rectification_reported`,
      rectified: `${base}&rectified=true`,
      closed: `${base}&status=closed`,
      overdue: `${base}&overdue=true`,
      inspections: `/inspections/field`,
      keyUnits: `/inspections/units?uncoveredIn=${query.year}${query.organisationId ? `&organisationId=${query.organisationId}` : ""}`,
    },
  };
}
