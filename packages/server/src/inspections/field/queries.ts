/**
 * The inspection on site, reads (issue 10 §6): the inspector's day, one inspection with its results,
 * signatures, records, hazards and cases, a photo, and the 现场检查记录 file. Every read is limited
 * to the user's data scope (404 otherwise).
 */
import { and, asc, eq, isNull } from "drizzle-orm";
import { inspectionStatusLabels } from "@kuanyan/domain/inspections";
import { formatCitation } from "@kuanyan/domain/laws";
import type { FieldInspection, MyDay } from "@kuanyan/contract/hazards";
import type { DbOrTx } from "../../db/client";
import { cases } from "../../db/schema";
import { hazards } from "../../hazards/schema";
import { inspectionCaseLinks, inspectionCheckIns, inspectionPhotos, inspectionRecords, inspectionResults, inspectionSignatures } from "./schema";
import { requireAccess } from "../../access";
import { notFound } from "../../http/errors";
import type { AppContext, Auth } from "../../http/context";
import { today } from "../../shared/clock";
import { roles } from "../../hazards/service";
import { assignedTo, type FieldSource } from "./source";
import { recordDocx, type RecordContent } from "./recordDocument";
import { readable, sha256 } from "./shared";

export async function myDay(ctx: AppContext, auth: Auth): Promise<MyDay> {
  const day = today(ctx);
  const rows = await assignedTo(ctx.database.db, auth.userId);
  const items = rows
    .filter((r) => r.status === "drawn" || r.status === "started" || (r.status === "submitted" && r.submittedOn === day))
    .map((r) => ({
      id: r.id,
      organisationId: r.organisationId,
      unitName: r.unitName,
      creditCode: r.creditCode,
      address: r.address,
      status: r.status,
      statusLabel: inspectionStatusLabels[r.status],
      dueBy: r.dueBy,
      overdue: r.status !== "submitted" && r.dueBy !== null && r.dueBy < day,
      inspectorNames: r.inspectorNames,
    }))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.dueBy ?? "").localeCompare(b.dueBy ?? "") || a.unitName.localeCompare(b.unitName));
  return { today: day, items };
}

export async function fieldInspection(ctx: AppContext, auth: Auth, id: string): Promise<FieldInspection> {
  const { db } = ctx.database;
  const src = await readable(db, auth, id);
  const day = today(ctx);
  const [checkIn] = await db.select().from(inspectionCheckIns).where(eq(inspectionCheckIns.inspectionId, id));
  const results = await db.select().from(inspectionResults).where(eq(inspectionResults.inspectionId, id)).orderBy(asc(inspectionResults.itemId));
  const sigs = await db
    .select()
    .from(inspectionSignatures)
    .where(and(eq(inspectionSignatures.inspectionId, id), isNull(inspectionSignatures.voidedAt)))
    .orderBy(asc(inspectionSignatures.signedAt));
  const records = await db.select().from(inspectionRecords).where(eq(inspectionRecords.inspectionId, id)).orderBy(asc(inspectionRecords.submittedAt));
  const record = records.find((r) => !r.supersededById) ?? null;
  const hz = await db
    .select({ id: hazards.id, itemId: hazards.itemId, level: hazards.level, status: hazards.status })
    .from(hazards)
    .where(eq(hazards.inspectionId, id));
  const links = await db
    .select({ id: inspectionCaseLinks.caseId, itemId: inspectionCaseLinks.itemId, caseNo: cases.caseNo })
    .from(inspectionCaseLinks)
    .innerJoin(cases, eq(cases.id, inspectionCaseLinks.caseId))
    .where(eq(inspectionCaseLinks.inspectionId, id));
  return {
    id: src.id,
    organisationId: src.organisationId,
    unitName: src.unit.name,
    creditCode: src.unit.creditCode,
    address: src.unit.address,
    status: src.status,
    statusLabel: inspectionStatusLabels[src.status],
    dueBy: src.dueBy,
    overdue: (src.status === "drawn" || src.status === "started") && src.dueBy !== null && src.dueBy < day,
    inspectorNames: src.inspectorIds.map((u) => src.inspectors.find((i) => i.userId === u)?.name ?? ""),
    inspectors: src.inspectorIds.map((u) => {
      const i = src.inspectors.find((x) => x.userId === u);
      return { userId: u, name: i?.name ?? "", certificateNo: i?.certificate?.number ?? null };
    }),
    checkIn: checkIn ? { at: checkIn.at.toISOString(), latitude: checkIn.latitude, longitude: checkIn.longitude } : null,
    checklistTitle: src.checklist?.title ?? null,
    items: (src.checklist?.items ?? []).map((i) => ({
      id: i.id,
      area: i.area,
      text: i.text,
      basis: i.basis.map((c) => formatCitation(c)).join("；"),
      matterCode: i.matterCode,
    })),
    results: results.map((r) => ({
      itemId: r.itemId,
      outcome: r.outcome as "pass" | "fail" | "not_applicable",
      note: r.note,
      photos: r.photos,
      finding: (r.finding as FieldInspection["results"][number]["finding"]) ?? null,
      recordedAt: r.recordedAt.toISOString(),
    })),
    signatures: sigs.map((s) => ({
      id: s.id,
      signerKind: s.signerKind as "inspector" | "representative",
      userId: s.userId,
      name: s.name,
      refused: s.refused,
      note: s.note,
      hasImage: s.image !== null,
      signedAt: s.signedAt.toISOString(),
    })),
    record: record ? { id: record.id, recordNo: record.recordNo, submittedAt: record.submittedAt.toISOString(), sha256: record.sha256 } : null,
    hazards: hz,
    cases: links,
    supersededRecords: records
      .filter((r) => r.supersededById)
      .map((r) => ({
        id: r.id,
        recordNo: r.recordNo,
        submittedAt: r.submittedAt.toISOString(),
        correctionReason: records.find((n) => n.id === r.supersededById)?.correctionReason ?? null,
      })),
    allowedActions: (await mayCorrect(db, auth, src)) ? ["inspection.correct"] : [],
  };
}

/** 更正 is offered on a submitted inspection to an assigned inspector with the permission and write scope. */
async function mayCorrect(db: DbOrTx, auth: Auth, src: FieldSource): Promise<boolean> {
  if (src.status !== "submitted" || !src.inspectorIds.includes(auth.userId)) return false;
  if (!roles("inspection.correct").some((r) => auth.roles.includes(r))) return false;
  try {
    await requireAccess(db, auth, { mode: "write", organisationId: src.organisationId, roles: roles("inspection.correct"), what: "更正检查记录" });
    return true;
  } catch {
    return false;
  }
}

export async function photoFile(ctx: AppContext, auth: Auth, id: string, hash: string) {
  await readable(ctx.database.db, auth, id);
  const [row] = await ctx.database.db
    .select()
    .from(inspectionPhotos)
    .where(and(eq(inspectionPhotos.inspectionId, id), eq(inspectionPhotos.sha256, hash)));
  return row ?? null;
}

/** The current record, or (recordId) an earlier one a correction superseded: both are kept. */
export async function recordFile(ctx: AppContext, auth: Auth, id: string, format: "pdf" | "docx", recordId?: string) {
  await readable(ctx.database.db, auth, id);
  const [row] = await ctx.database.db
    .select()
    .from(inspectionRecords)
    .where(and(eq(inspectionRecords.inspectionId, id), recordId ? eq(inspectionRecords.id, recordId) : isNull(inspectionRecords.supersededById)));
  if (!row) throw notFound("现场检查记录");
  const data = format === "pdf" ? row.pdf : await recordDocx(row.content as unknown as RecordContent);
  return { recordNo: row.recordNo, data, sha256: format === "pdf" ? row.sha256 : sha256(data) };
}
