/**
 * 执法检查人员名录库: the users of an organisation with their 行政执法证 (number, issuing body,
 * validity) and fields of competence; an expired or missing certificate shows why it cannot be
 * drawn. 回避 (exclusions) per inspector × unit, with the reason category (published) and the
 * particulars (internal). Certificates are edited by the 单位管理员 (inspection.inspectors.manage).
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { ZCertificateInput, ZExclusionInput } from "@kuanyan/contract/inspections";
import {
  certificateProblem,
  certificateStatus,
  makeExclusion,
  validateCertificate,
  type EnforcementCertificate,
  type Industry,
  type Inspector,
} from "@kuanyan/domain/inspections";
import { recordAudit } from "../audit/record";
import type { DbOrTx } from "../db/client";
import { users } from "../db/schema";
import { AppError, notFound, versionConflict } from "../http/errors";
import type { AppContext, Auth } from "../http/context";
import { inspectionExclusions, inspectionUnits, inspectorCertificates } from "./schema";
import { allowedActions, requireActionRole, requirePermission, today } from "./shared";

type CertRow = typeof inspectorCertificates.$inferSelect;

function certificateOf(c: CertRow | undefined): EnforcementCertificate | undefined {
  return c ? { number: c.number, issuedBy: c.issuingBody, validFrom: c.validFrom, validTo: c.validTo } : undefined;
}

function present(u: { id: string; displayName: string; organisationId: string; roles: string[] }, c: CertRow | undefined, date: string) {
  const certificate = certificateOf(c);
  return {
    userId: u.id,
    displayName: u.displayName,
    organisationId: u.organisationId,
    roles: u.roles,
    certificate: c
      ? {
          number: c.number,
          issuingBody: c.issuingBody,
          validFrom: c.validFrom,
          validTo: c.validTo,
          fields: c.fields as Industry[],
          version: c.version,
        }
      : null,
    status: certificateStatus(certificate, date),
    problem: certificateProblem({ name: u.displayName, certificate }, date),
  };
}

/** The inspectors of an organisation as the domain sees them (officers, with certificates). */
export async function inspectorPool(db: DbOrTx, organisationId: string): Promise<Inspector[]> {
  const rows = await db
    .select({ u: users, c: inspectorCertificates })
    .from(users)
    .leftJoin(inspectorCertificates, eq(inspectorCertificates.userId, users.id))
    .where(and(eq(users.organisationId, organisationId), eq(users.active, true)))
    .orderBy(asc(users.displayName));
  return rows
    .filter((r) => r.u.roles.includes("officer"))
    .map((r) => ({
      userId: r.u.id,
      name: r.u.displayName,
      organisationId: r.u.organisationId,
      regionCode: r.u.regionCode,
      ...(r.c ? { certificate: certificateOf(r.c) } : {}),
      fields: (r.c?.fields ?? []) as Industry[],
    }));
}

export async function listInspectors(ctx: AppContext, auth: Auth, organisationId: string) {
  const db = ctx.database.db;
  const nodes = await requirePermission(db, auth, "inspection.read", organisationId);
  const rows = await db
    .select({ u: users, c: inspectorCertificates })
    .from(users)
    .leftJoin(inspectorCertificates, eq(inspectorCertificates.userId, users.id))
    .where(and(eq(users.organisationId, organisationId), eq(users.active, true)))
    .orderBy(asc(users.displayName));
  const date = today(ctx);
  const items = rows.filter((r) => r.u.roles.includes("officer") || r.c).map((r) => present(r.u, r.c ?? undefined, date));
  return { items, allowedActions: allowedActions(auth, organisationId, nodes) };
}

export async function saveCertificate(ctx: AppContext, auth: Auth, userId: string, input: z.infer<typeof ZCertificateInput>) {
  requireActionRole(auth, "inspection.inspectors.manage");
  return ctx.database.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId));
    if (!user) throw notFound("用户");
    await requirePermission(tx, auth, "inspection.inspectors.manage", user.organisationId);
    const cert = {
      number: input.number.trim(),
      issuedBy: input.issuingBody.trim(),
      validFrom: input.validFrom.trim(),
      validTo: input.validTo.trim(),
    };
    const problems = validateCertificate(cert);
    if (problems.length > 0) throw new AppError("validation_failed", problems.join("；"));
    const fields = [...new Set(input.fields)];
    if (fields.length === 0) throw new AppError("validation_failed", "请至少选择一个执法领域");
    const [same] = await tx
      .select({ userId: inspectorCertificates.userId })
      .from(inspectorCertificates)
      .where(and(eq(inspectorCertificates.organisationId, user.organisationId), eq(inspectorCertificates.number, cert.number)));
    if (same && same.userId !== userId) throw new AppError("conflict", `执法证号${cert.number}已登记在本单位的其他执法人员名下`);
    const [before] = await tx.select().from(inspectorCertificates).where(eq(inspectorCertificates.userId, userId));
    let row: CertRow;
    if (before) {
      if (input.version !== undefined && input.version !== before.version) throw versionConflict();
      [row] = await tx
        .update(inspectorCertificates)
        .set({
          number: cert.number,
          issuingBody: cert.issuedBy,
          validFrom: cert.validFrom,
          validTo: cert.validTo,
          fields,
          version: before.version + 1,
          updatedAt: new Date(),
        })
        .where(and(eq(inspectorCertificates.id, before.id), eq(inspectorCertificates.version, before.version)))
        .returning();
      if (!row) throw versionConflict();
    } else {
      [row] = await tx
        .insert(inspectorCertificates)
        .values({
          regionCode: user.regionCode,
          organisationId: user.organisationId,
          userId,
          number: cert.number,
          issuingBody: cert.issuedBy,
          validFrom: cert.validFrom,
          validTo: cert.validTo,
          fields,
        })
        .returning();
    }
    const shown = present(user, row, today(ctx));
    await recordAudit(tx, auth, {
      action: "inspection.certificate.saved",
      entityType: "user",
      entityId: userId,
      organisationId: user.organisationId,
      regionCode: user.regionCode,
      before: before
        ? { number: before.number, issuingBody: before.issuingBody, validFrom: before.validFrom, validTo: before.validTo, fields: before.fields }
        : null,
      after: shown.certificate,
    });
    return shown;
  });
}

export async function listExclusions(ctx: AppContext, auth: Auth, organisationId: string) {
  const db = ctx.database.db;
  await requirePermission(db, auth, "inspection.read", organisationId);
  const rows = await db
    .select({ e: inspectionExclusions, unitName: inspectionUnits.name, creditCode: inspectionUnits.creditCode, inspectorName: users.displayName })
    .from(inspectionExclusions)
    .innerJoin(inspectionUnits, eq(inspectionUnits.id, inspectionExclusions.unitId))
    .innerJoin(users, eq(users.id, inspectionExclusions.userId))
    .where(eq(inspectionExclusions.organisationId, organisationId))
    .orderBy(asc(inspectionUnits.creditCode));
  return {
    items: rows.map((r) => ({
      id: r.e.id,
      userId: r.e.userId,
      inspectorName: r.inspectorName,
      unitId: r.e.unitId,
      unitName: r.unitName,
      creditCode: r.creditCode,
      reason: r.e.reason as "linked" | "inspected_last_time" | "other",
      note: r.e.note,
      createdAt: r.e.createdAt.toISOString(),
    })),
  };
}

export async function addExclusion(ctx: AppContext, auth: Auth, input: z.infer<typeof ZExclusionInput>) {
  requireActionRole(auth, "inspection.inspectors.manage");
  return ctx.database.db.transaction(async (tx) => {
    const [unit] = await tx.select().from(inspectionUnits).where(eq(inspectionUnits.id, input.unitId));
    if (!unit) throw notFound("检查对象");
    await requirePermission(tx, auth, "inspection.inspectors.manage", unit.organisationId);
    const [user] = await tx
      .select()
      .from(users)
      .where(and(eq(users.id, input.userId), inArray(users.organisationId, [unit.organisationId])));
    if (!user) throw new AppError("validation_failed", "执法人员不是该检查对象所属单位的人员");
    const made = makeExclusion({ userId: input.userId, creditCode: unit.creditCode, reason: input.reason, note: input.note });
    if (!made.ok) throw new AppError("validation_failed", made.error);
    const [exists] = await tx
      .select({ id: inspectionExclusions.id })
      .from(inspectionExclusions)
      .where(
        and(
          eq(inspectionExclusions.userId, input.userId),
          eq(inspectionExclusions.unitId, input.unitId),
          eq(inspectionExclusions.reason, input.reason),
        ),
      );
    if (exists) throw new AppError("conflict", "该回避记录已经登记");
    const [row] = await tx
      .insert(inspectionExclusions)
      .values({
        regionCode: unit.regionCode,
        organisationId: unit.organisationId,
        userId: input.userId,
        unitId: input.unitId,
        reason: input.reason,
        note: made.exclusion.note ?? null,
        createdBy: auth.userId,
      })
      .returning();
    await recordAudit(tx, auth, {
      action: "inspection.exclusion.added",
      entityType: "inspection_unit",
      entityId: unit.id,
      organisationId: unit.organisationId,
      regionCode: unit.regionCode,
      after: { userId: input.userId, creditCode: unit.creditCode, reason: input.reason },
    });
    return {
      id: row.id,
      userId: row.userId,
      inspectorName: user.displayName,
      unitId: row.unitId,
      unitName: unit.name,
      creditCode: unit.creditCode,
      reason: row.reason as "linked" | "inspected_last_time" | "other",
      note: row.note,
      createdAt: row.createdAt.toISOString(),
    };
  });
}
