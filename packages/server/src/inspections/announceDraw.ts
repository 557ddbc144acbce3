/** Announcing a draw: its number, plan and replaced draw checked, the annual or periodic pool frozen. */
import { and, desc, eq } from "drizzle-orm";
import {
  drawInspectorPool,
  freezeAnnualPool,
  freezePeriodicPool,
  lastTimeExclusions,
  poolObjectOf,
  quarterEnd,
  type AnnualRules,
  type DrawPool,
  type Exclusion,
  type Industry,
  type PoolObject,
  type RiskLevel,
} from "@kuanyan/domain/inspections";
import type { Tx } from "../db/client";
import { AppError } from "../http/errors";
import { inspectorPool } from "./inspectors";
import { inspectionDraws, inspectionExclusions, inspectionPlans, inspectionUnits, inspections } from "./schema";

type DrawRow = typeof inspectionDraws.$inferSelect;

export const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

export function unitObject(u: typeof inspectionUnits.$inferSelect): PoolObject {
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

export type PlanRow = typeof inspectionPlans.$inferSelect;
export type UnitRow = typeof inspectionUnits.$inferSelect;
/** A frozen pool, with the drawn inspectors' users and the due date of a periodic draw. */
export type FrozenDraw = { frozen: { text: string; sha256: string; pool: DrawPool }; inspectorUsers: Record<string, string>; dueBy: string | null };

/** The draw number, checked: filled in, the public value's date well formed, not used before. */
export async function checkedDrawNo(tx: Tx, organisationId: string, input: AnnounceInput): Promise<string> {
  const drawNo = input.drawNo.trim();
  if (drawNo === "") throw new AppError("validation_failed", "请填写抽取编号");
  if (!DAY_RE.test(input.publicValueDate)) throw new AppError("validation_failed", "公开随机数的日期应为“年-月-日”");
  const [dup] = await tx
    .select({ id: inspectionDraws.id })
    .from(inspectionDraws)
    .where(and(eq(inspectionDraws.organisationId, organisationId), eq(inspectionDraws.drawNo, drawNo)));
  if (dup) throw new AppError("conflict", `抽取编号${drawNo}已经使用；重新抽取须使用新的编号`);
  return drawNo;
}

export async function announcedPlan(tx: Tx, organisationId: string, planId: string | undefined): Promise<PlanRow | undefined> {
  if (!planId) return undefined;
  const [plan] = await tx.select().from(inspectionPlans).where(eq(inspectionPlans.id, planId));
  if (!plan || plan.organisationId !== organisationId) throw new AppError("validation_failed", "抽查计划不存在或不是本单位的计划");
  return plan;
}

/** The draw a redraw replaces: of this organisation, same plan and kind, not replaced already. */
export async function replacedDraw(tx: Tx, organisationId: string, input: AnnounceInput): Promise<DrawRow | undefined> {
  if (!input.redrawOf) return undefined;
  const [previous] = await tx.select().from(inspectionDraws).where(eq(inspectionDraws.id, input.redrawOf));
  if (!previous || previous.organisationId !== organisationId) throw new AppError("validation_failed", "被替代的抽取不存在");
  if (previous.kind !== input.kind || previous.planId !== (input.planId ?? null))
    throw new AppError("validation_failed", "重新抽取须与被替代的抽取属于同一计划、同一种类");
  const [already] = await tx.select({ drawNo: inspectionDraws.drawNo }).from(inspectionDraws).where(eq(inspectionDraws.redrawOf, previous.id));
  if (already) throw new AppError("conflict", `该抽取已由${already.drawNo}重新抽取替代`);
  return previous;
}

export async function freezeAnnual(
  tx: Tx,
  drawNo: string,
  orgName: string,
  input: AnnounceInput,
  units: UnitRow[],
  plan: PlanRow | undefined,
  previous: DrawRow | undefined,
): Promise<FrozenDraw> {
  if (!plan) throw new AppError("validation_failed", "年度抽取须选择年度抽查计划");
  if (!previous) {
    const [annual] = await tx
      .select({ drawNo: inspectionDraws.drawNo })
      .from(inspectionDraws)
      .where(and(eq(inspectionDraws.planId, plan.id), eq(inspectionDraws.kind, "annual")));
    if (annual) throw new AppError("conflict", `该年度计划已有年度抽取（${annual.drawNo}）；如需重新抽取，请选择“重新抽取”并写明理由`);
  }
  const r = freezeAnnualPool({
    drawId: drawNo,
    title: input.title.trim(),
    organisation: orgName,
    objects: units.map(unitObject),
    rules: plan.rules as AnnualRules,
  });
  if (!r.ok) throw new AppError("rule_violation", r.error);
  return { frozen: r.frozen, inspectorUsers: {}, dueBy: null };
}

/** The objects of a periodic draw: the plan's still planned inspections' units, or every unit. */
export async function periodicObjects(tx: Tx, units: UnitRow[], plan: PlanRow | undefined): Promise<PoolObject[]> {
  if (!plan) return units.map(unitObject);
  const planned = await tx
    .select({ unitId: inspections.unitId })
    .from(inspections)
    .where(and(eq(inspections.planId, plan.id), eq(inspections.status, "planned")));
  const ids = new Set(planned.map((p) => p.unitId));
  return units.filter((u) => ids.has(u.id)).map(unitObject);
}

export async function periodicExclusions(tx: Tx, organisationId: string): Promise<Exclusion[]> {
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

export function periodicDueBy(input: AnnounceInput, date: string): string {
  if (input.dueBy !== undefined && !DAY_RE.test(input.dueBy)) throw new AppError("validation_failed", "应完成日期应为“年-月-日”");
  const [y, m] = date.split("-").map(Number);
  const dueBy = input.dueBy ?? quarterEnd(y, (Math.floor((m - 1) / 3) + 1) as 1 | 2 | 3 | 4);
  if (dueBy < date) throw new AppError("validation_failed", "应完成日期不能早于今天");
  return dueBy;
}

export async function freezePeriodic(
  tx: Tx,
  organisationId: string,
  drawNo: string,
  orgName: string,
  input: AnnounceInput,
  units: UnitRow[],
  plan: PlanRow | undefined,
  date: string,
): Promise<FrozenDraw> {
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
