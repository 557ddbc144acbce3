/**
 * 提交 (issue 10 §6): the signed inspection becomes a numbered 现场检查记录 (PDF stored with its hash)
 * and is locked. A correction in progress already has its number: submitting completes that record.
 */
import { and, eq, isNull } from "drizzle-orm";
import { inspectionRecords } from "./schema";
import type { AppContext, Auth } from "../../http/context";
import { setStatus } from "./source";
import { recordContent, recordPdf } from "./recordDocument";
import { act, audit, nextRecordNo, recordOrganisation, sha256, writable } from "./shared";

export async function submitInspection(ctx: AppContext, auth: Auth, id: string): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    const { src, record } = await writable(tx, auth, id, "提交检查记录");
    if (src.status === "submitted") {
      const [done] = await tx.select({ id: inspectionRecords.id }).from(inspectionRecords).where(eq(inspectionRecords.inspectionId, id));
      if (done) return; // a replayed submit
    }
    const now = ctx.now();
    const submitted = act(src, record, { type: "submit" }, auth, now);
    const org = await recordOrganisation(tx, src);
    // A correction in progress already has its numbered record (superseding the old): it is completed.
    const [pending] = await tx
      .select()
      .from(inspectionRecords)
      .where(and(eq(inspectionRecords.inspectionId, id), isNull(inspectionRecords.supersededById)));
    if (pending) {
      const old = pending.supersedesId
        ? (await tx.select().from(inspectionRecords).where(eq(inspectionRecords.id, pending.supersedesId)))[0]
        : undefined;
      const content = recordContent(src, submitted, { recordNo: pending.recordNo, organisationName: org.name, submittedAt: now.toISOString() });
      content.corrects = old ? { recordNo: old.recordNo, reason: pending.correctionReason ?? "" } : null;
      const pdf = await recordPdf(content);
      await tx
        .update(inspectionRecords)
        .set({ content: content as unknown as Record<string, unknown>, sha256: sha256(pdf), pdf, submittedBy: auth.userId, submittedAt: now })
        .where(eq(inspectionRecords.id, pending.id));
      await setStatus(tx, id, "submitted");
      await audit(tx, auth, src, "inspection.submitted", { recordId: pending.id, recordNo: pending.recordNo, sha256: sha256(pdf) });
      return;
    }
    const recordNo = await nextRecordNo(ctx, tx, src, org.shortName);
    const content = recordContent(src, submitted, { recordNo, organisationName: org.name, submittedAt: now.toISOString() });
    const pdf = await recordPdf(content);
    const [row] = await tx
      .insert(inspectionRecords)
      .values({
        regionCode: src.regionCode,
        organisationId: src.organisationId,
        inspectionId: id,
        recordNo,
        content: content as unknown as Record<string, unknown>,
        sha256: sha256(pdf),
        pdf,
        submittedBy: auth.userId,
        submittedAt: now,
      })
      .returning({ id: inspectionRecords.id });
    await setStatus(tx, id, "submitted");
    await audit(tx, auth, src, "inspection.submitted", { recordId: row.id, recordNo, sha256: sha256(pdf) });
  });
}
