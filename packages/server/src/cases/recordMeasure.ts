/**
 * A soft method carried out (说服教育、行政告诫 …): one of the statistics form's columns, counted only
 * with its written record (seed 001: every counted item must have one).
 */
import { z } from "zod";
import { softMethods } from "@kuanyan/domain/measures";
import { measures } from "../db/schema";
import { recordAudit } from "../audit/record";
import type { AppContext, Auth } from "../http/context";
import type { Tx } from "../db/client";
import { bad, editableCase, officerRoles, saveCase, type CaseRow } from "./shared";
import { today } from "../shared/clock";

export const ZRecordMeasure = z.object({
  lockVersion: z.number().int().describe("版本号"),
  method: z.enum(softMethods).describe("柔性执法方式"),
  carriedOutOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "应为日期（YYYY-MM-DD）").describe("实施日期"),
  persons: z.number().int().min(1).max(10000).optional().describe("人次"),
  writtenRecord: z.string().trim().max(5000).optional().describe("书面记录"),
  documentId: z.uuid().optional().describe("文书"),
});
export type RecordMeasureInput = z.infer<typeof ZRecordMeasure>;

/** Inserts the measure and its audit event (used by recordMeasure and recordFollowUp). */
export async function insertMeasure(tx: Tx, auth: Auth, c: CaseRow, m: { method: string; carriedOutOn: string; persons?: number; writtenRecord?: string | null; documentId?: string | null }) {
  const [row] = await tx
    .insert(measures)
    .values({
      regionCode: c.regionCode,
      organisationId: c.organisationId,
      caseId: c.id,
      method: m.method,
      carriedOutOn: m.carriedOutOn,
      persons: m.persons ?? 1,
      writtenRecord: m.writtenRecord ?? null,
      documentId: m.documentId ?? null,
      isDemo: c.isDemo,
      createdBy: auth.userId,
    })
    .returning();
  await recordAudit(tx, auth, {
    action: "case.measure_recorded",
    entityType: "case",
    entityId: c.id,
    organisationId: c.organisationId,
    regionCode: c.regionCode,
    after: { measureId: row.id, method: row.method, carriedOutOn: row.carriedOutOn, persons: row.persons, writtenRecord: row.writtenRecord },
  });
  return row;
}

export async function recordMeasure(ctx: AppContext, auth: Auth, caseId: string, body: RecordMeasureInput) {
  return ctx.database.db.transaction(async (tx) => {
    const c = await editableCase(tx, auth, caseId, body.lockVersion, { roles: officerRoles, what: "记录柔性执法措施", statuses: ["intake", "decided", "in_progress"] });
    if (!body.writtenRecord && !body.documentId) throw bad("writtenRecord", "书面记录：每项柔性执法措施都须有书面记录（或关联文书）");
    if (body.writtenRecord !== undefined && body.writtenRecord.length < 5) throw bad("writtenRecord", "书面记录：请如实记录措施的内容（不少于5个字）");
    const now = today(ctx);
    if (body.carriedOutOn > now) throw bad("carriedOutOn", "实施日期：不能晚于今天");
    if (body.carriedOutOn < c.discoveredOn) throw bad("carriedOutOn", "实施日期：不能早于发现违法行为的日期");
    const measure = await insertMeasure(tx, auth, c, body);
    const updated = await saveCase(tx, auth, c, c.status === "decided" ? { status: "in_progress" } : {}, "case.updated", { measureId: measure.id });
    return { case: updated, measure };
  });
}
