/**
 * 年度抽查计划: the rules of an organisation's annual plan (default percent, ratios per industry and
 * risk level), and the list of plans with their draws and the state of their inspections.
 */
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { AnnualRules } from "@kuanyan/domain/inspections";
import { recordAudit } from "../audit/record";
import { AppError } from "../http/errors";
import type { AppContext, Auth } from "../http/context";
import { inspectionDraws, inspectionPlans, inspections } from "./schema";
import { allowedActions, isUniqueViolation, loadOrganisation, requirePermission } from "./shared";

type DrawRow = typeof inspectionDraws.$inferSelect;

export function drawSummary(d: DrawRow, replacedBy: string | null) {
  return {
    id: d.id,
    drawNo: d.drawNo,
    kind: d.kind as "annual" | "periodic",
    title: d.title,
    status: (d.drawnAt ? "drawn" : "announced") as "drawn" | "announced",
    poolSha256: d.poolSha256,
    objectCount: d.objectCount,
    publicSource: d.publicSource,
    publicValueDate: d.publicValueDate,
    announcedOn: d.announcedOn,
    drawnOn: d.drawnOn,
    dueBy: d.dueBy,
    redrawOf: d.redrawOf,
    redrawReason: d.redrawReason,
    replacedBy,
  };
}

export async function listPlans(ctx: AppContext, auth: Auth, organisationId: string) {
  const db = ctx.database.db;
  const nodes = await requirePermission(db, auth, "inspection.read", organisationId);
  const plans = await db.select().from(inspectionPlans).where(eq(inspectionPlans.organisationId, organisationId)).orderBy(desc(inspectionPlans.year));
  const draws = await db
    .select()
    .from(inspectionDraws)
    .where(eq(inspectionDraws.organisationId, organisationId))
    .orderBy(asc(inspectionDraws.createdAt));
  const replacedBy = new Map(draws.filter((d) => d.redrawOf).map((d) => [d.redrawOf!, d.id]));
  const counts = await db
    .select({ planId: inspections.planId, status: inspections.status, n: sql<number>`count(*)::int` })
    .from(inspections)
    .where(eq(inspections.organisationId, organisationId))
    .groupBy(inspections.planId, inspections.status);
  const countsOf = (planId: string) => {
    const rows = counts.filter((c) => c.planId === planId);
    const n = (s: string[]) => rows.filter((r) => s.includes(r.status)).reduce((a, r) => a + Number(r.n), 0);
    return {
      planned: n(["planned"]),
      drawn: n(["drawn", "started"]),
      done: n(["submitted"]),
      total: n(["planned", "drawn", "started", "submitted"]),
    };
  };
  return {
    items: plans.map((p) => ({
      id: p.id,
      organisationId: p.organisationId,
      year: p.year,
      title: p.title,
      rules: p.rules as AnnualRules,
      notes: p.notes,
      draws: draws.filter((d) => d.planId === p.id).map((d) => drawSummary(d, replacedBy.get(d.id) ?? null)),
      inspections: countsOf(p.id),
    })),
    adhocDraws: draws.filter((d) => !d.planId).map((d) => drawSummary(d, replacedBy.get(d.id) ?? null)),
    allowedActions: allowedActions(auth, organisationId, nodes),
  };
}

export async function createPlan(
  ctx: AppContext,
  auth: Auth,
  input: { organisationId?: string; year: number; title: string; rules: AnnualRules; notes?: string },
) {
  const organisationId = input.organisationId ?? auth.organisationId;
  return ctx.database.db.transaction(async (tx) => {
    await requirePermission(tx, auth, "inspection.draw", organisationId);
    const org = await loadOrganisation(tx, organisationId);
    const title = input.title.trim();
    if (title === "") throw new AppError("validation_failed", "请填写计划名称");
    const [dup] = await tx
      .select({ id: inspectionPlans.id })
      .from(inspectionPlans)
      .where(and(eq(inspectionPlans.organisationId, organisationId), eq(inspectionPlans.year, input.year)));
    if (dup) throw new AppError("conflict", `本单位${input.year}年度的抽查计划已经存在`);
    const rules: AnnualRules = {
      defaultPercent: input.rules.defaultPercent,
      ratios: input.rules.ratios.map((r) => ({
        ...(r.industry ? { industry: r.industry } : {}),
        ...(r.riskLevel ? { riskLevel: r.riskLevel } : {}),
        percent: r.percent,
      })),
    };
    try {
      const [row] = await tx
        .insert(inspectionPlans)
        .values({
          regionCode: org.regionCode,
          organisationId,
          year: input.year,
          title,
          rules,
          notes: input.notes?.trim() ?? "",
          createdBy: auth.userId,
        })
        .returning();
      await recordAudit(tx, auth, {
        action: "inspection.plan.created",
        entityType: "inspection_plan",
        entityId: row.id,
        organisationId,
        regionCode: org.regionCode,
        after: row,
      });
      return {
        id: row.id,
        organisationId,
        year: row.year,
        title: row.title,
        rules,
        notes: row.notes,
        draws: [],
        inspections: { planned: 0, drawn: 0, done: 0, total: 0 },
      };
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError("conflict", `本单位${input.year}年度的抽查计划已经存在`);
      throw err;
    }
  });
}
