/**
 * 检查对象名录库: create and edit a unit (validated by the domain), list the pool (contact masked).
 * Every write with its audit event in one transaction; the audit keeps the masked contact only.
 */
import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import { maskPhone } from "@kuanyan/domain/codes";
import { keyUnitCoverage, validateUnit, type InspectedUnit, type Industry, type InspectionStatus, type RiskLevel } from "@kuanyan/domain/inspections";
import type { z } from "zod";
import type { ZUnitInput, ZUnitUpdate, ZUnitsQuery } from "@kuanyan/contract/inspections";
import { recordAudit } from "../audit/record";
import type { DbOrTx } from "../db/client";
import { AppError, notFound, versionConflict } from "../http/errors";
import type { AppContext, Auth } from "../http/context";
import { encryptValue } from "../pii/keyring";
import { phoneIndex } from "../pii/values";
import { inspections, inspectionUnits } from "./schema";
import { allowedActions, isUniqueViolation, loadOrganisation, presentUnit, requireActionRole, requirePermission } from "./shared";

/** The stored columns of a validated unit (the phone encrypted, masked and indexed). */
export function unitColumns(unit: InspectedUnit) {
  const phone = unit.contactPhone?.trim();
  return {
    creditCode: unit.creditCode,
    name: unit.name,
    address: unit.address,
    regionCode: unit.regionCode,
    industry: unit.industry,
    riskLevel: unit.riskLevel,
    keyUnit: unit.keyUnit,
    contactName: unit.contactName ?? null,
    contactPhoneEnc: phone ? encryptValue(phone) : null,
    contactPhoneMasked: phone ? maskPhone(phone) : null,
    contactPhoneBidx: phone ? phoneIndex(phone) : null,
  };
}

function validated(input: Omit<z.infer<typeof ZUnitInput>, "organisationId">): InspectedUnit {
  const r = validateUnit(input);
  if (!r.ok) {
    throw new AppError(
      "validation_failed",
      r.problems.map((p) => p.message).join("；"),
      r.problems.map((p) => ({ field: p.field, message: p.message })),
    );
  }
  return r.unit;
}

export async function createUnit(ctx: AppContext, auth: Auth, input: z.infer<typeof ZUnitInput>) {
  const organisationId = input.organisationId ?? auth.organisationId;
  return ctx.database.db.transaction(async (tx) => {
    await requirePermission(tx, auth, "inspection.pool.manage", organisationId);
    const unit = validated(input);
    await loadOrganisation(tx, organisationId);
    const [dup] = await tx
      .select({ id: inspectionUnits.id, name: inspectionUnits.name })
      .from(inspectionUnits)
      .where(and(eq(inspectionUnits.organisationId, organisationId), eq(inspectionUnits.creditCode, unit.creditCode)));
    if (dup) throw new AppError("conflict", `统一社会信用代码${unit.creditCode}已在名录库中（${dup.name}），请修改该单位而不是重复登记`);
    let row: typeof inspectionUnits.$inferSelect;
    try {
      [row] = await tx
        .insert(inspectionUnits)
        .values({ organisationId, ...unitColumns(unit) })
        .returning();
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError("conflict", `统一社会信用代码${unit.creditCode}已在名录库中`);
      throw err;
    }
    const shown = presentUnit(row);
    await recordAudit(tx, auth, {
      action: "inspection.unit.created",
      entityType: "inspection_unit",
      entityId: row.id,
      organisationId,
      regionCode: row.regionCode,
      after: shown,
    });
    return shown;
  });
}

export async function updateUnit(ctx: AppContext, auth: Auth, id: string, input: z.infer<typeof ZUnitUpdate>) {
  requireActionRole(auth, "inspection.pool.manage");
  return ctx.database.db.transaction(async (tx) => {
    const [before] = await tx.select().from(inspectionUnits).where(eq(inspectionUnits.id, id));
    if (!before) throw notFound("检查对象");
    await requirePermission(tx, auth, "inspection.pool.manage", before.organisationId);
    if (before.version !== input.version) throw versionConflict();
    const unit = validated({ ...input, creditCode: before.creditCode });
    const [row] = await tx
      .update(inspectionUnits)
      .set({ ...unitColumns(unit), version: before.version + 1, updatedAt: new Date() })
      .where(and(eq(inspectionUnits.id, id), eq(inspectionUnits.version, input.version)))
      .returning();
    if (!row) throw versionConflict();
    const shown = presentUnit(row);
    await recordAudit(tx, auth, {
      action: "inspection.unit.updated",
      entityType: "inspection_unit",
      entityId: id,
      organisationId: row.organisationId,
      regionCode: row.regionCode,
      before: presentUnit(before),
      after: shown,
    });
    return shown;
  });
}

export function unitFilter(organisationId: string, q: Pick<z.infer<typeof ZUnitsQuery>, "q" | "industry" | "riskLevel" | "keyUnit">): SQL {
  const parts: SQL[] = [eq(inspectionUnits.organisationId, organisationId)];
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(or(ilike(inspectionUnits.name, like), ilike(inspectionUnits.creditCode, like))!);
  }
  if (q.industry) parts.push(eq(inspectionUnits.industry, q.industry as Industry));
  if (q.riskLevel) parts.push(eq(inspectionUnits.riskLevel, q.riskLevel as RiskLevel));
  if (q.keyUnit) parts.push(eq(inspectionUnits.keyUnit, q.keyUnit === "true"));
  return and(...parts)!;
}

/**
 * 本年未检查的重点单位: the key units of the organisation's pool that the domain's key-unit coverage
 * (figures.ts) counts as not inspected in the year — no submitted inspection of the organisation.
 */
export async function uncoveredKeyUnits(db: DbOrTx, organisationId: string, year: number): Promise<SQL> {
  const pool = await db
    .select({ creditCode: inspectionUnits.creditCode, keyUnit: inspectionUnits.keyUnit })
    .from(inspectionUnits)
    .where(and(eq(inspectionUnits.organisationId, organisationId), eq(inspectionUnits.keyUnit, true)));
  const records = await db
    .select({ creditCode: inspections.creditCode, status: inspections.status, year: inspections.year })
    .from(inspections)
    .where(and(eq(inspections.organisationId, organisationId), eq(inspections.year, year)));
  const { uncovered } = keyUnitCoverage(
    pool,
    records.map((r) => ({ ...r, status: r.status as InspectionStatus })),
    year,
  );
  return uncovered.length ? inArray(inspectionUnits.creditCode, uncovered) : sql`false`;
}

/** The filter of a units query, with 本年未检查的重点单位 when asked for. */
export async function unitQueryFilter(db: DbOrTx, organisationId: string, query: z.infer<typeof ZUnitsQuery>): Promise<SQL> {
  const where = unitFilter(organisationId, query);
  return query.uncoveredIn ? and(where, await uncoveredKeyUnits(db, organisationId, query.uncoveredIn))! : where;
}

export async function listUnits(db: DbOrTx, auth: Auth, query: z.infer<typeof ZUnitsQuery>) {
  const organisationId = query.organisationId ?? auth.organisationId;
  const nodes = await requirePermission(db, auth, "inspection.read", organisationId);
  const where = await unitQueryFilter(db, organisationId, query);
  const pageSize = query.pageSize ?? 50;
  const page = query.page ?? 1;
  const rows = await db
    .select()
    .from(inspectionUnits)
    .where(where)
    .orderBy(asc(inspectionUnits.creditCode))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  // Both counts under the filter the list shows (共 N 家，其中重点单位 K 家), and the pool's key units.
  const keyCount = sql<number>`count(*) FILTER (WHERE ${inspectionUnits.keyUnit})::int`;
  const [{ total, key }] = await db.select({ total: count(), key: keyCount }).from(inspectionUnits).where(where);
  const [{ poolKey }] = await db.select({ poolKey: keyCount }).from(inspectionUnits).where(eq(inspectionUnits.organisationId, organisationId));
  return {
    items: rows.map(presentUnit),
    total: Number(total),
    keyUnits: Number(key),
    poolKeyUnits: Number(poolKey),
    allowedActions: allowedActions(auth, organisationId, nodes),
  };
}
