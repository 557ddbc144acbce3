/** FieldSource from the tables of migration 0013 (src/inspections/schema.ts). See ./source.ts. */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { ChecklistVersion, Industry, InspectedUnit, InspectionStatus, Inspector, RiskLevel } from "@kuanyan/domain/inspections";
import type { DbOrTx } from "../../db/client";
import { users } from "../../db/schema";
import { inspectionChecklists, inspections, inspectionUnits, inspectorCertificates } from "../schema";
import { inspectionRecords } from "./schema";
import type { FieldSource } from "./source";

async function inspectorsOf(db: DbOrTx, ids: string[]): Promise<Inspector[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ u: users, c: inspectorCertificates })
    .from(users)
    .leftJoin(inspectorCertificates, eq(inspectorCertificates.userId, users.id))
    .where(inArray(users.id, ids));
  return rows.map(({ u, c }) => ({
    userId: u.id,
    name: u.displayName,
    organisationId: u.organisationId,
    regionCode: c?.regionCode ?? "",
    ...(c ? { certificate: { number: c.number, issuedBy: c.issuingBody, validFrom: c.validFrom, validTo: c.validTo } } : {}),
    fields: (c?.fields ?? []) as Industry[],
  }));
}

export async function loadSource(db: DbOrTx, id: string): Promise<FieldSource | null> {
  const [row] = await db
    .select({ i: inspections, u: inspectionUnits })
    .from(inspections)
    .innerJoin(inspectionUnits, eq(inspectionUnits.id, inspections.unitId))
    .where(eq(inspections.id, id));
  if (!row) return null;
  const { i, u } = row;
  let checklist: FieldSource["checklist"] = null;
  if (i.checklistId && i.checklistVersion) {
    const [c] = await db.select().from(inspectionChecklists).where(eq(inspectionChecklists.id, i.checklistId));
    const v = c ? (c.versions as ChecklistVersion[]).find((x) => x.version === i.checklistVersion) : undefined;
    if (c && v) checklist = { id: c.id, version: v.version, title: c.title, items: v.items };
  } else if (i.status === "planned" || i.status === "drawn") {
    // A draw assigns inspectors, not a checklist: until 签到 fixes it, the organisation's checklist
    // for the unit's industry in its current published version applies.
    const rows = await db
      .select()
      .from(inspectionChecklists)
      .where(and(eq(inspectionChecklists.organisationId, i.organisationId), eq(inspectionChecklists.industry, u.industry)));
    const candidates = rows
      .flatMap((c) => (c.versions as ChecklistVersion[]).filter((v) => v.status === "published").map((v) => ({ c, v })))
      .sort((a, b) => (b.v.publishedOn ?? "").localeCompare(a.v.publishedOn ?? "") || b.v.version - a.v.version);
    if (candidates[0])
      checklist = { id: candidates[0].c.id, version: candidates[0].v.version, title: candidates[0].c.title, items: candidates[0].v.items };
  }
  const unit: InspectedUnit = {
    creditCode: u.creditCode,
    name: u.name,
    address: u.address,
    regionCode: u.regionCode,
    industry: u.industry as Industry,
    riskLevel: u.riskLevel as RiskLevel,
    keyUnit: u.keyUnit,
    ...(u.contactName ? { contactName: u.contactName } : {}),
  };
  return {
    id: i.id,
    organisationId: i.organisationId,
    regionCode: i.regionCode,
    status: i.status as InspectionStatus,
    year: i.year,
    drawId: i.drawId,
    dueBy: i.dueBy,
    inspectorIds: i.inspectorIds,
    unit,
    checklist,
    inspectors: await inspectorsOf(db, i.inspectorIds),
  };
}

export async function setStatus(db: DbOrTx, id: string, status: InspectionStatus, checklist?: { id: string; version: number }): Promise<void> {
  await db
    .update(inspections)
    .set({
      status,
      version: sql`${inspections.version} + 1`,
      updatedAt: new Date(),
      ...(checklist ? { checklistId: checklist.id, checklistVersion: checklist.version } : {}),
    })
    .where(eq(inspections.id, id));
}

/** The inspections assigned to a user that are not cancelled, with what the day list shows. */
export async function assignedTo(db: DbOrTx, userId: string) {
  const rows = await db
    .select({ i: inspections, address: inspectionUnits.address })
    .from(inspections)
    .innerJoin(inspectionUnits, eq(inspectionUnits.id, inspections.unitId))
    .where(and(sql`${userId}::uuid = ANY(${inspections.inspectorIds})`, inArray(inspections.status, ["drawn", "started", "submitted"])));
  const allIds = [...new Set(rows.flatMap((r) => r.i.inspectorIds))];
  const names = allIds.length ? await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, allIds)) : [];
  const submitted = rows.length
    ? await db
        .select({ inspectionId: inspectionRecords.inspectionId, at: inspectionRecords.submittedAt })
        .from(inspectionRecords)
        .where(
          inArray(
            inspectionRecords.inspectionId,
            rows.map((r) => r.i.id),
          ),
        )
    : [];
  const chinaDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  return rows.map(({ i, address }) => ({
    id: i.id,
    organisationId: i.organisationId,
    unitName: i.unitName,
    creditCode: i.creditCode,
    address,
    status: i.status as InspectionStatus,
    dueBy: i.dueBy,
    inspectorNames: i.inspectorIds.map((x) => names.find((n) => n.id === x)?.name ?? ""),
    submittedOn: (() => {
      const s = submitted.find((x) => x.inspectionId === i.id);
      return s ? chinaDay(s.at) : null;
    })(),
  }));
}
