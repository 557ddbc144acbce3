/** 更正 of a submitted 现场检查记录 (issue 10 §6). */
import crypto from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { correctInspection, inspectionStatusLabels } from "@kuanyan/domain/inspections";
import type { Correction } from "@kuanyan/contract/hazards";
import { inspectionRecords, inspectionResults, inspectionSignatures } from "./schema";
import { requireAccess, requireRole } from "../../access";
import type { AppContext, Auth } from "../../http/context";
import { roles } from "../../hazards/service";
import { setStatus } from "./source";
import { recordContent, recordPdf } from "./recordDocument";
import { audit, domainRecord, hasFollowUp, nextRecordNo, readable, recordOrganisation, rule, sha256 } from "./shared";

/**
 * 更正 (issue 10 §6): a submitted record is never edited. The correction is a new numbered record
 * that supersedes the old one (both kept, the old one still downloadable); the corrected results
 * replace the item results, the signatures are voided and the inspection is started again, to be
 * signed and submitted anew. One transaction with its audit event.
 */
export async function correctRecord(ctx: AppContext, auth: Auth, id: string, input: Correction): Promise<void> {
  requireRole(auth, roles("inspection.correct"), "更正检查记录");
  await ctx.database.db.transaction(async (tx) => {
    const src = await readable(tx, auth, id);
    await requireAccess(tx, auth, { mode: "write", organisationId: src.organisationId, roles: roles("inspection.correct"), what: "更正检查记录" });
    const record = await domainRecord(tx, src);
    const [old] = await tx
      .select()
      .from(inspectionRecords)
      .where(and(eq(inspectionRecords.inspectionId, id), isNull(inspectionRecords.supersededById)));
    if (!old || src.status !== "submitted") throw rule(`检查当前状态为“${inspectionStatusLabels[src.status]}”，不能更正`);
    const newId = crypto.randomUUID();
    const corrected = correctInspection(record, { newId, reason: input.reason }, { userId: auth.userId, roles: auth.roles });
    if (!corrected.ok) throw rule(corrected.error);
    const items = src.checklist?.items ?? [];
    const seen = new Set<string>();
    for (const r of input.results) {
      if (!items.some((i) => i.id === r.itemId)) throw rule(`检查表中没有检查项${r.itemId}`);
      if (seen.has(r.itemId)) throw rule(`检查项${r.itemId}重复填写`);
      seen.add(r.itemId);
      const before = record.results.find((x) => x.itemId === r.itemId);
      if (before && before.outcome !== r.outcome && (await hasFollowUp(tx, id, r.itemId)))
        throw rule(`检查项${r.itemId}已登记隐患或立案，不能更正其结果`);
    }
    const now = ctx.now();
    for (const r of input.results) {
      const before = record.results.find((x) => x.itemId === r.itemId);
      const values = {
        outcome: r.outcome,
        note: r.note?.trim() ? r.note.trim() : null,
        photos: before?.photos ?? [],
        finding: (r.finding ?? null) as Record<string, unknown> | null,
        idempotencyKey: `${input.idempotencyKey}:${r.itemId}`,
        recordedBy: auth.userId,
        recordedAt: now,
      };
      if (before)
        await tx
          .update(inspectionResults)
          .set(values)
          .where(and(eq(inspectionResults.inspectionId, id), eq(inspectionResults.itemId, r.itemId)));
      else
        await tx
          .insert(inspectionResults)
          .values({ regionCode: src.regionCode, organisationId: src.organisationId, inspectionId: id, itemId: r.itemId, ...values });
    }
    await tx
      .update(inspectionSignatures)
      .set({ voidedAt: now })
      .where(and(eq(inspectionSignatures.inspectionId, id), isNull(inspectionSignatures.voidedAt)));
    const org = await recordOrganisation(tx, src);
    const recordNo = await nextRecordNo(ctx, tx, src, org.shortName);
    const draft = { ...corrected.correction, results: (await domainRecord(tx, src)).results, signatures: [] };
    delete draft.representative;
    const content = recordContent(src, draft, { recordNo, organisationName: org.name, submittedAt: now.toISOString() });
    content.corrects = { recordNo: old.recordNo, reason: input.reason };
    const pdf = await recordPdf(content);
    await tx.insert(inspectionRecords).values({
      id: newId,
      regionCode: src.regionCode,
      organisationId: src.organisationId,
      inspectionId: id,
      recordNo,
      content: content as unknown as Record<string, unknown>,
      sha256: sha256(pdf),
      pdf,
      submittedBy: auth.userId,
      submittedAt: now,
      supersedesId: old.id,
      correctionReason: input.reason,
    });
    await tx.update(inspectionRecords).set({ supersededById: newId }).where(eq(inspectionRecords.id, old.id));
    await setStatus(tx, id, "started");
    await audit(tx, auth, src, "inspection.corrected", {
      supersededRecordId: old.id,
      supersededRecordNo: old.recordNo,
      recordId: newId,
      recordNo,
      reason: input.reason,
      items: input.results.map((r) => r.itemId),
    });
  });
}
