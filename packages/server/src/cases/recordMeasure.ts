/**
 * A soft method carried out (说服教育、行政告诫 …): one of the statistics form's columns, counted only
 * with its written record (seed 001: every counted item must have one).
 */
import type { RecordMeasureInput } from "@kuanyan/contract/cases";
import { measures } from "../db/schema";
import { recordAudit } from "../audit/record";
import type { AppContext, Auth } from "../http/context";
import type { Tx } from "../db/client";
import { bad, editableCase, saveCase, statusChange, type CaseRow } from "./shared";
import { today } from "../shared/clock";

/** Inserts the measure and its audit event (used by recordMeasure and recordFollowUp). */
export async function insertMeasure(
  tx: Tx,
  auth: Auth,
  c: CaseRow,
  m: { method: string; carriedOutOn: string; persons?: number; writtenRecord?: string | null; documentId?: string | null },
) {
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
    const c = await editableCase(tx, auth, caseId, body.lockVersion, "recordMeasure");
    if (!body.writtenRecord && !body.documentId) throw bad("writtenRecord", "书面记录：每项柔性执法措施都须有书面记录（或关联文书）");
    if (body.writtenRecord !== undefined && body.writtenRecord.length < 5)
      throw bad("writtenRecord", "书面记录：请如实记录措施的内容（不少于5个字）");
    const now = today(ctx);
    if (body.carriedOutOn > now) throw bad("carriedOutOn", "实施日期：不能晚于今天");
    if (body.carriedOutOn < c.discoveredOn) throw bad("carriedOutOn", "实施日期：不能早于发现违法行为的日期");
    const measure = await insertMeasure(tx, auth, c, body);
    const updated = await saveCase(tx, auth, c, statusChange(c, "recordMeasure"), "case.updated", { measureId: measure.id });
    return { case: updated, measure };
  });
}
