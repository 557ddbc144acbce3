/**
 * Publicly verifiable draws, exactly as the domain does them (docs/inspections/draw.md):
 * - announce: the pool is frozen (the canonical file and its SHA-256 stored as published), a server
 *   secret drawn (kept encrypted) and its commitment published with the named future public value;
 * - draw: once the public value is entered (not before its date), the secret is revealed, the seed
 *   and the selection computed and stored; the row is then never changed (a database trigger refuses
 *   it); an annual draw plans one inspection per selected unit, a periodic one assigns the drawn
 *   inspectors (by 执法证号 → user) to the plan's inspections, an ad-hoc one creates them;
 * - a redraw is a new draw naming the one it replaces, with the reason.
 */
import crypto from "node:crypto";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import {
  announceDraw,
  applyInspectionAction,
  assignmentsFromDraw,
  drawInspectorPool,
  freezeAnnualPool,
  freezePeriodicPool,
  lastTimeExclusions,
  parsePoolFile,
  performDraw,
  plannedInspections,
  poolObjectOf,
  quarterEnd,
  type AnnualRules,
  type DrawAnnouncement,
  type DrawPool,
  type DrawSelection,
  type Exclusion,
  type Industry,
  type InspectionRecord,
  type InspectionStatus,
  type PoolObject,
  type RiskLevel,
} from "@kuanyan/domain/inspections";
import { recordAudit } from "../audit/record";
import type { DbOrTx, Tx } from "../db/client";
import { organisations, users } from "../db/schema";
import { AppError, notFound } from "../http/errors";
import type { AppContext, Auth } from "../http/context";
import { decryptValue, encryptValue } from "../pii/keyring";
import { inspectorPool } from "./inspectors";
import { drawSummary } from "./plans";
import { inspectionDraws, inspectionExclusions, inspectionPlans, inspectionUnits, inspections } from "./schema";
import { allowedActions, loadOrganisation, requireActionRole, requirePermission, today } from "./shared";

type DrawRow = typeof inspectionDraws.$inferSelect;

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

function unitObject(u: typeof inspectionUnits.$inferSelect): PoolObject {
  return poolObjectOf({
    creditCode: u.creditCode,
    name: u.name,
    address: u.address,
    regionCode: u.regionCode,
    industry: u.industry as Industry,
    riskLevel: u.riskLevel as RiskLevel,
    keyUnit: u.keyUnit,
  });
}

export interface AnnounceInput {
  organisationId?: string;
  planId?: string;
  kind: "annual" | "periodic";
  drawNo: string;
  title: string;
  publicSource: string;
  publicValueDate: string;
  objectCount?: number;
  inspectorsPerObject?: number;
  dueBy?: string;
  redrawOf?: string;
  redrawReason?: string;
}

type PlanRow = typeof inspectionPlans.$inferSelect;
type UnitRow = typeof inspectionUnits.$inferSelect;
/** A frozen pool, with the drawn inspectors' users and the due date of a periodic draw. */
type FrozenDraw = { frozen: { text: string; sha256: string; pool: DrawPool }; inspectorUsers: Record<string, string>; dueBy: string | null };

/** The draw number, checked: filled in, the public value's date well formed, not used before. */
async function checkedDrawNo(tx: Tx, organisationId: string, input: AnnounceInput): Promise<string> {
  const drawNo = input.drawNo.trim();
  if (drawNo === "") throw new AppError("validation_failed", "请填写抽取编号");
  if (!DAY_RE.test(input.publicValueDate)) throw new AppError("validation_failed", "公开随机数的日期应为“年-月-日”");
  const [dup] = await tx.select({ id: inspectionDraws.id }).from(inspectionDraws).where(and(eq(inspectionDraws.organisationId, organisationId), eq(inspectionDraws.drawNo, drawNo)));
  if (dup) throw new AppError("conflict", `抽取编号${drawNo}已经使用；重新抽取须使用新的编号`);
  return drawNo;
}

async function announcedPlan(tx: Tx, organisationId: string, planId: string | undefined): Promise<PlanRow | undefined> {
  if (!planId) return undefined;
  const [plan] = await tx.select().from(inspectionPlans).where(eq(inspectionPlans.id, planId));
  if (!plan || plan.organisationId !== organisationId) throw new AppError("validation_failed", "抽查计划不存在或不是本单位的计划");
  return plan;
}

/** The draw a redraw replaces: of this organisation, same plan and kind, not replaced already. */
async function replacedDraw(tx: Tx, organisationId: string, input: AnnounceInput): Promise<DrawRow | undefined> {
  if (!input.redrawOf) return undefined;
  const [previous] = await tx.select().from(inspectionDraws).where(eq(inspectionDraws.id, input.redrawOf));
  if (!previous || previous.organisationId !== organisationId) throw new AppError("validation_failed", "被替代的抽取不存在");
  if (previous.kind !== input.kind || previous.planId !== (input.planId ?? null)) throw new AppError("validation_failed", "重新抽取须与被替代的抽取属于同一计划、同一种类");
  const [already] = await tx.select({ drawNo: inspectionDraws.drawNo }).from(inspectionDraws).where(eq(inspectionDraws.redrawOf, previous.id));
  if (already) throw new AppError("conflict", `该抽取已由${already.drawNo}重新抽取替代`);
  return previous;
}

async function freezeAnnual(tx: Tx, drawNo: string, orgName: string, input: AnnounceInput, units: UnitRow[], plan: PlanRow | undefined, previous: DrawRow | undefined): Promise<FrozenDraw> {
  if (!plan) throw new AppError("validation_failed", "年度抽取须选择年度抽查计划");
  if (!previous) {
    const [annual] = await tx
      .select({ drawNo: inspectionDraws.drawNo })
      .from(inspectionDraws)
      .where(and(eq(inspectionDraws.planId, plan.id), eq(inspectionDraws.kind, "annual")));
    if (annual) throw new AppError("conflict", `该年度计划已有年度抽取（${annual.drawNo}）；如需重新抽取，请选择“重新抽取”并写明理由`);
  }
  const r = freezeAnnualPool({ drawId: drawNo, title: input.title.trim(), organisation: orgName, objects: units.map(unitObject), rules: plan.rules as AnnualRules });
  if (!r.ok) throw new AppError("rule_violation", r.error);
  return { frozen: r.frozen, inspectorUsers: {}, dueBy: null };
}

/** The objects of a periodic draw: the plan's still planned inspections' units, or every unit. */
async function periodicObjects(tx: Tx, units: UnitRow[], plan: PlanRow | undefined): Promise<PoolObject[]> {
  if (!plan) return units.map(unitObject);
  const planned = await tx
    .select({ unitId: inspections.unitId })
    .from(inspections)
    .where(and(eq(inspections.planId, plan.id), eq(inspections.status, "planned")));
  const ids = new Set(planned.map((p) => p.unitId));
  return units.filter((u) => ids.has(u.id)).map(unitObject);
}

async function periodicExclusions(tx: Tx, organisationId: string): Promise<Exclusion[]> {
  const recorded = await tx
    .select({ userId: inspectionExclusions.userId, reason: inspectionExclusions.reason, creditCode: inspectionUnits.creditCode })
    .from(inspectionExclusions)
    .innerJoin(inspectionUnits, eq(inspectionUnits.id, inspectionExclusions.unitId))
    .where(eq(inspectionExclusions.organisationId, organisationId));
  // The inspectors of each unit's last submitted inspection are not drawn for it again.
  const last = await tx
    .select({ creditCode: inspections.creditCode, inspectorIds: inspections.inspectorIds, at: inspections.updatedAt })
    .from(inspections)
    .where(and(eq(inspections.organisationId, organisationId), eq(inspections.status, "submitted")))
    .orderBy(desc(inspections.updatedAt));
  const lastByUnit = new Map<string, string[]>();
  for (const l of last) if (!lastByUnit.has(l.creditCode)) lastByUnit.set(l.creditCode, l.inspectorIds);
  return [
    ...recorded.map((e) => ({ userId: e.userId, creditCode: e.creditCode, reason: e.reason as Exclusion["reason"] })),
    ...lastTimeExclusions([...lastByUnit].map(([creditCode, inspectorIds]) => ({ creditCode, inspectorIds }))),
  ];
}

function periodicDueBy(input: AnnounceInput, date: string): string {
  if (input.dueBy !== undefined && !DAY_RE.test(input.dueBy)) throw new AppError("validation_failed", "应完成日期应为“年-月-日”");
  const [y, m] = date.split("-").map(Number);
  const dueBy = input.dueBy ?? quarterEnd(y, (Math.floor((m - 1) / 3) + 1) as 1 | 2 | 3 | 4);
  if (dueBy < date) throw new AppError("validation_failed", "应完成日期不能早于今天");
  return dueBy;
}

async function freezePeriodic(tx: Tx, organisationId: string, drawNo: string, orgName: string, input: AnnounceInput, units: UnitRow[], plan: PlanRow | undefined, date: string): Promise<FrozenDraw> {
  const objects = await periodicObjects(tx, units, plan);
  const pool = await inspectorPool(tx, organisationId);
  const exclusions = await periodicExclusions(tx, organisationId);
  const ip = drawInspectorPool(pool, exclusions, date);
  const inspectorUsers = Object.fromEntries(ip.userIdOf);
  const r = freezePeriodicPool({
    drawId: drawNo,
    title: input.title.trim(),
    organisation: orgName,
    objects,
    inspectors: ip.inspectors,
    exclusions: ip.exclusions,
    rules: { objectCount: input.objectCount ?? 0, inspectorsPerObject: input.inspectorsPerObject ?? 2 },
  });
  if (!r.ok) {
    const why = ip.ineligible.length ? `（不能参加抽取：${ip.ineligible.map((i) => i.reason).join("；")}）` : "";
    throw new AppError("rule_violation", `${r.error}${why}`);
  }
  return { frozen: r.frozen, inspectorUsers, dueBy: periodicDueBy(input, date) };
}

/** 公告: freeze the pool, commit to a secret, name the public value. */
export async function announce(ctx: AppContext, auth: Auth, input: AnnounceInput) {
  const organisationId = input.organisationId ?? auth.organisationId;
  return ctx.database.db.transaction(async (tx) => {
    await requirePermission(tx, auth, "inspection.draw", organisationId);
    const org = await loadOrganisation(tx, organisationId);
    const date = today(ctx);
    const drawNo = await checkedDrawNo(tx, organisationId, input);
    const plan = await announcedPlan(tx, organisationId, input.planId);
    const previous = await replacedDraw(tx, organisationId, input);

    const units = await tx.select().from(inspectionUnits).where(eq(inspectionUnits.organisationId, organisationId)).orderBy(asc(inspectionUnits.creditCode));
    const { frozen, inspectorUsers, dueBy } =
      input.kind === "annual"
        ? await freezeAnnual(tx, drawNo, org.name, input, units, plan, previous)
        : await freezePeriodic(tx, organisationId, drawNo, org.name, input, units, plan, date);

    const secret = crypto.randomBytes(32).toString("hex");
    const prevAnnouncement = previous ? announcementOf(previous) : undefined;
    const a = announceDraw({
      drawId: drawNo,
      poolSha256: frozen.sha256,
      secret,
      publicSource: input.publicSource,
      publicValueDate: input.publicValueDate,
      today: date,
      ...(previous && prevAnnouncement ? { redrawOf: { drawId: previous.drawNo, reason: input.redrawReason ?? "", previous: prevAnnouncement } } : {}),
    });
    if (!a.ok) throw new AppError("rule_violation", a.error);
    const [row] = await tx
      .insert(inspectionDraws)
      .values({
        regionCode: org.regionCode,
        organisationId,
        planId: plan?.id ?? null,
        drawNo,
        kind: input.kind,
        title: input.title.trim(),
        dueBy,
        poolText: frozen.text,
        poolSha256: frozen.sha256,
        objectCount: frozen.pool.objects.length,
        inspectorUsers,
        commitment: a.announcement.commitment,
        secretEnc: encryptValue(secret),
        publicSource: a.announcement.publicSource,
        publicValueDate: a.announcement.publicValueDate,
        announcedOn: date,
        announcedBy: auth.userId,
        redrawOf: previous?.id ?? null,
        redrawReason: a.announcement.redrawOf?.reason ?? null,
      })
      .returning();
    await recordAudit(tx, auth, {
      action: previous ? "inspection.draw.redraw_announced" : "inspection.draw.announced",
      entityType: "inspection_draw",
      entityId: row.id,
      organisationId,
      regionCode: org.regionCode,
      after: { drawNo, kind: row.kind, poolSha256: row.poolSha256, commitment: row.commitment, publicSource: row.publicSource, publicValueDate: row.publicValueDate, objects: row.objectCount, redrawOf: previous?.drawNo ?? null, redrawReason: row.redrawReason },
    });
    return drawDetail(tx, ctx, auth, row);
  });
}

function announcementOf(d: DrawRow): DrawAnnouncement {
  return {
    drawId: d.drawNo,
    poolSha256: d.poolSha256,
    commitment: d.commitment,
    publicSource: d.publicSource,
    publicValueDate: d.publicValueDate,
    announcedOn: d.announcedOn,
  };
}

async function loadDraw(db: DbOrTx, id: string): Promise<DrawRow> {
  const [row] = await db.select().from(inspectionDraws).where(eq(inspectionDraws.id, id));
  if (!row) throw notFound("抽取");
  return row;
}

/** 抽取: enter the public value, reveal the secret, compute and store the selection and its inspections. */
export async function draw(ctx: AppContext, auth: Auth, id: string, input: { publicValue: string }) {
  requireActionRole(auth, "inspection.draw");
  return ctx.database.db.transaction(async (tx) => {
    const row = await loadDraw(tx, id);
    await requirePermission(tx, auth, "inspection.draw", row.organisationId);
    if (row.drawnAt) throw new AppError("conflict", "该次抽取已经完成，抽取结果不能重做或修改；如需重新抽取，请发起新的抽取并写明理由");
    const [replacement] = await tx.select({ drawNo: inspectionDraws.drawNo }).from(inspectionDraws).where(eq(inspectionDraws.redrawOf, row.id));
    if (replacement) throw new AppError("rule_violation", `该抽取已由${replacement.drawNo}重新抽取替代，不能再抽取`);
    const parsed = parsePoolFile(row.poolText);
    if (!parsed.ok) throw new AppError("rule_violation", parsed.error);
    const date = today(ctx);
    const performed = performDraw({
      announcement: announcementOf(row),
      pool: parsed.pool,
      poolSha256: row.poolSha256,
      publicValue: input.publicValue,
      secret: decryptValue(row.secretEnc),
      today: date,
    });
    if (!performed.ok) throw new AppError("rule_violation", performed.error);
    const result = performed.result;
    const units = await tx.select().from(inspectionUnits).where(eq(inspectionUnits.organisationId, row.organisationId));
    const unitOf = new Map(units.map((u) => [u.creditCode, u]));
    const year = Number(date.slice(0, 4));
    let plan: typeof inspectionPlans.$inferSelect | undefined;
    if (row.planId) [plan] = await tx.select().from(inspectionPlans).where(eq(inspectionPlans.id, row.planId));
    const selection = result.selection;
    let created = 0;
    let assigned = 0;
    if (selection.kind === "annual") {
      // A redraw of an annual draw: the replaced draw's inspections not yet drawn are cancelled.
      if (row.redrawOf) {
        await tx
          .update(inspections)
          .set({ status: "cancelled", cancelReason: `年度抽取已由${row.drawNo}重新抽取替代：${row.redrawReason ?? ""}`, updatedAt: new Date() })
          .where(and(eq(inspections.planDrawId, row.redrawOf), eq(inspections.status, "planned")));
      }
      const records = plannedInspections({ selection: selection.annual, objects: parsed.pool.objects, organisationId: row.organisationId, year: plan?.year ?? year, idFor: () => crypto.randomUUID() });
      const values = records.map((r) => {
        const unit = unitOf.get(r.creditCode);
        if (!unit) throw new AppError("rule_violation", `抽中的单位${r.creditCode}已不在检查对象名录库中`);
        return { id: r.id, regionCode: unit.regionCode, organisationId: row.organisationId, unitId: unit.id, unitName: r.unitName, creditCode: r.creditCode, year: r.year, planId: row.planId, planDrawId: row.id, status: "planned" };
      });
      for (let i = 0; i < values.length; i += 500) await tx.insert(inspections).values(values.slice(i, i + 500));
      created = values.length;
    } else {
      const userIdOf = new Map(Object.entries(row.inspectorUsers as Record<string, string>));
      const pool = await inspectorPool(tx, row.organisationId);
      const now = ctx.now().toISOString();
      let planned: InspectionRecord[];
      if (plan) {
        const rows = await tx.select().from(inspections).where(and(eq(inspections.planId, plan.id), eq(inspections.status, "planned")));
        planned = rows.map(recordOfRow);
      } else {
        // An ad-hoc (专项) draw: the drawn units' inspections are created now, then assigned.
        const values = selection.periodic.assignments.map((a) => {
          const unit = unitOf.get(a.creditCode);
          if (!unit) throw new AppError("rule_violation", `抽中的单位${a.creditCode}已不在检查对象名录库中`);
          return { id: crypto.randomUUID(), regionCode: unit.regionCode, organisationId: row.organisationId, unitId: unit.id, unitName: unit.name, creditCode: unit.creditCode, year, status: "planned" };
        });
        const inserted = values.length ? await tx.insert(inspections).values(values).returning() : [];
        created = inserted.length;
        planned = inserted.map(recordOfRow);
      }
      const a = assignmentsFromDraw({ drawId: row.id, selection: selection.periodic, planned, userIdOf, dueBy: row.dueBy ?? date });
      if (!a.ok) throw new AppError("rule_violation", a.error);
      for (const { inspectionId, action } of a.assignments) {
        const record = planned.find((p) => p.id === inspectionId)!;
        const applied = applyInspectionAction(record, action, { userId: auth.userId, roles: auth.roles }, { now, inspectors: pool });
        if (!applied.ok) throw new AppError("rule_violation", applied.error);
        await tx
          .update(inspections)
          .set({ status: applied.record.status, inspectorIds: applied.record.inspectorIds, drawId: row.id, dueBy: applied.record.dueBy ?? action.dueBy, updatedAt: new Date() })
          .where(eq(inspections.id, inspectionId));
        assigned++;
      }
    }
    const [saved] = await tx
      .update(inspectionDraws)
      .set({ publicValue: result.publicValue, secret: result.secret, seed: result.seed, result: selection, drawnOn: date, drawnAt: new Date(), drawnBy: auth.userId })
      .where(eq(inspectionDraws.id, id))
      .returning();
    await recordAudit(tx, auth, {
      action: "inspection.draw.drawn",
      entityType: "inspection_draw",
      entityId: id,
      organisationId: row.organisationId,
      regionCode: row.regionCode,
      after: { drawNo: row.drawNo, publicValue: result.publicValue, seed: result.seed, inspectionsCreated: created, inspectionsAssigned: assigned },
    });
    return drawDetail(tx, ctx, auth, saved);
  });
}

function recordOfRow(r: typeof inspections.$inferSelect): InspectionRecord {
  return {
    id: r.id,
    organisationId: r.organisationId,
    regionCode: r.regionCode,
    creditCode: r.creditCode,
    unitName: r.unitName,
    status: r.status as InspectionStatus,
    year: r.year,
    inspectorIds: r.inspectorIds,
    results: [],
    signatures: [],
  };
}

/** The selection as the API shows it: units by credit code and name, inspectors by 执法证号. */
export function presentSelection(selection: DrawSelection | null, poolText: string) {
  if (!selection) return null;
  const parsed = parsePoolFile(poolText);
  const names = new Map(parsed.ok ? parsed.pool.objects.map((o) => [o.creditCode, o.name]) : []);
  if (selection.kind === "annual") {
    return {
      objects: selection.annual.selected.map((s) => ({ creditCode: s.creditCode, unitName: names.get(s.creditCode) ?? "", reason: s.reason, inspectors: [] as string[] })),
      strata: selection.annual.strata,
    };
  }
  return {
    objects: selection.periodic.assignments.map((a) => ({ creditCode: a.creditCode, unitName: names.get(a.creditCode) ?? "", reason: null, inspectors: a.inspectors })),
    strata: [],
  };
}

export function publicUrlOf(id: string): string {
  return `/public/draws/${id}`;
}

async function drawDetail(db: DbOrTx | Tx, ctx: AppContext, auth: Auth, row: DrawRow) {
  const nodes = await requirePermission(db, auth, "inspection.read", row.organisationId);
  const [org] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, row.organisationId));
  const [replacement] = await db.select({ id: inspectionDraws.id }).from(inspectionDraws).where(eq(inspectionDraws.redrawOf, row.id));
  const rows = await db
    .select()
    .from(inspections)
    .where(row.kind === "annual" ? eq(inspections.planDrawId, row.id) : eq(inspections.drawId, row.id))
    .orderBy(asc(inspections.creditCode));
  const ids = [...new Set(rows.flatMap((r) => r.inspectorIds))];
  const names = new Map(ids.length ? (await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids))).map((u) => [u.id, u.name]) : []);
  return {
    ...drawSummary(row, replacement?.id ?? null),
    organisationId: row.organisationId,
    organisationName: org?.name ?? "",
    planId: row.planId,
    commitment: row.commitment,
    publicValue: row.publicValue,
    secret: row.secret,
    seed: row.seed,
    selection: presentSelection(row.result as DrawSelection | null, row.poolText),
    inspections: rows.map((r) => ({
      id: r.id,
      unitName: r.unitName,
      creditCode: r.creditCode,
      status: r.status as InspectionStatus,
      dueBy: r.dueBy,
      inspectors: r.inspectorIds.map((i) => names.get(i) ?? ""),
    })),
    publicUrl: publicUrlOf(row.id),
    allowedActions: allowedActions(auth, row.organisationId, nodes),
  };
}

export async function getDraw(ctx: AppContext, auth: Auth, id: string) {
  requireActionRole(auth, "inspection.read");
  const row = await loadDraw(ctx.database.db, id);
  return drawDetail(ctx.database.db, ctx, auth, row);
}

export async function drawPoolFile(ctx: AppContext, auth: Auth, id: string) {
  requireActionRole(auth, "inspection.read");
  const row = await loadDraw(ctx.database.db, id);
  await requirePermission(ctx.database.db, auth, "inspection.read", row.organisationId);
  return row;
}
