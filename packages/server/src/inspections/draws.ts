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
import { and, asc, eq, inArray } from "drizzle-orm";
import {
  announceDraw,
  applyInspectionAction,
  assignmentsFromDraw,
  parsePoolFile,
  performDraw,
  plannedInspections,
  type DrawAnnouncement,
  type DrawSelection,
  type InspectionRecord,
  type InspectionStatus,
} from "@kuanyan/domain/inspections";
import { recordAudit } from "../audit/record";
import type { DbOrTx, Tx } from "../db/client";
import { organisations, users } from "../db/schema";
import { AppError, notFound } from "../http/errors";
import type { AppContext, Auth } from "../http/context";
import { decryptValue, encryptValue } from "../pii/keyring";
import { inspectorPool } from "./inspectors";
import { drawSummary } from "./plans";
import { inspectionDraws, inspectionPlans, inspectionUnits, inspections } from "./schema";
import { type AnnounceInput, checkedDrawNo, announcedPlan, replacedDraw, freezeAnnual, freezePeriodic } from "./announceDraw";
import { allowedActions, loadOrganisation, requireActionRole, requirePermission, today } from "./shared";

type DrawRow = typeof inspectionDraws.$inferSelect;

/** 公告: freeze the pool, commit to a secret, name the public value. */
export type { AnnounceInput };

export async function announce(ctx: AppContext, auth: Auth, input: AnnounceInput) {
  const organisationId = input.organisationId ?? auth.organisationId;
  return ctx.database.db.transaction(async (tx) => {
    await requirePermission(tx, auth, "inspection.draw", organisationId);
    const org = await loadOrganisation(tx, organisationId);
    const date = today(ctx);
    const drawNo = await checkedDrawNo(tx, organisationId, input);
    const plan = await announcedPlan(tx, organisationId, input.planId);
    const previous = await replacedDraw(tx, organisationId, input);

    const units = await tx
      .select()
      .from(inspectionUnits)
      .where(eq(inspectionUnits.organisationId, organisationId))
      .orderBy(asc(inspectionUnits.creditCode));
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
      ...(previous && prevAnnouncement
        ? { redrawOf: { drawId: previous.drawNo, reason: input.redrawReason ?? "", previous: prevAnnouncement } }
        : {}),
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
      after: {
        drawNo,
        kind: row.kind,
        poolSha256: row.poolSha256,
        commitment: row.commitment,
        publicSource: row.publicSource,
        publicValueDate: row.publicValueDate,
        objects: row.objectCount,
        redrawOf: previous?.drawNo ?? null,
        redrawReason: row.redrawReason,
      },
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
      const records = plannedInspections({
        selection: selection.annual,
        objects: parsed.pool.objects,
        organisationId: row.organisationId,
        year: plan?.year ?? year,
        idFor: () => crypto.randomUUID(),
      });
      const values = records.map((r) => {
        const unit = unitOf.get(r.creditCode);
        if (!unit) throw new AppError("rule_violation", `抽中的单位${r.creditCode}已不在检查对象名录库中`);
        return {
          id: r.id,
          regionCode: unit.regionCode,
          organisationId: row.organisationId,
          unitId: unit.id,
          unitName: r.unitName,
          creditCode: r.creditCode,
          year: r.year,
          planId: row.planId,
          planDrawId: row.id,
          status: "planned",
        };
      });
      for (let i = 0; i < values.length; i += 500) await tx.insert(inspections).values(values.slice(i, i + 500));
      created = values.length;
    } else {
      const userIdOf = new Map(Object.entries(row.inspectorUsers as Record<string, string>));
      const pool = await inspectorPool(tx, row.organisationId);
      const now = ctx.now().toISOString();
      let planned: InspectionRecord[];
      if (plan) {
        const rows = await tx
          .select()
          .from(inspections)
          .where(and(eq(inspections.planId, plan.id), eq(inspections.status, "planned")));
        planned = rows.map(recordOfRow);
      } else {
        // An ad-hoc (专项) draw: the drawn units' inspections are created now, then assigned.
        const values = selection.periodic.assignments.map((a) => {
          const unit = unitOf.get(a.creditCode);
          if (!unit) throw new AppError("rule_violation", `抽中的单位${a.creditCode}已不在检查对象名录库中`);
          return {
            id: crypto.randomUUID(),
            regionCode: unit.regionCode,
            organisationId: row.organisationId,
            unitId: unit.id,
            unitName: unit.name,
            creditCode: unit.creditCode,
            year,
            status: "planned",
          };
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
          .set({
            status: applied.record.status,
            inspectorIds: applied.record.inspectorIds,
            drawId: row.id,
            dueBy: applied.record.dueBy ?? action.dueBy,
            updatedAt: new Date(),
          })
          .where(eq(inspections.id, inspectionId));
        assigned++;
      }
    }
    const [saved] = await tx
      .update(inspectionDraws)
      .set({
        publicValue: result.publicValue,
        secret: result.secret,
        seed: result.seed,
        result: selection,
        drawnOn: date,
        drawnAt: new Date(),
        drawnBy: auth.userId,
      })
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
      objects: selection.annual.selected.map((s) => ({
        creditCode: s.creditCode,
        unitName: names.get(s.creditCode) ?? "",
        reason: s.reason,
        inspectors: [] as string[],
      })),
      strata: selection.annual.strata,
    };
  }
  return {
    objects: selection.periodic.assignments.map((a) => ({
      creditCode: a.creditCode,
      unitName: names.get(a.creditCode) ?? "",
      reason: null,
      inspectors: a.inspectors,
    })),
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
  const names = new Map(
    ids.length
      ? (await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids))).map((u) => [u.id, u.name])
      : [],
  );
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
