/**
 * One item's result (issue 10 §6): pass, fail (with its finding: hazard or case) or not applicable,
 * with a note and photos already uploaded. A changed result voids the signatures given.
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { ItemResult } from "@kuanyan/domain/inspections";
import type { SaveResult } from "@kuanyan/contract/hazards";
import { inspectionPhotos, inspectionResults, inspectionSignatures } from "./schema";
import type { AppContext, Auth } from "../../http/context";
import { act, audit, hasFollowUp, rule, writable } from "./shared";

/** Saves one item's result. Returns whether anything changed (a replay changes nothing). */
export async function saveResult(ctx: AppContext, auth: Auth, id: string, itemId: string, input: SaveResult): Promise<{ changed: boolean }> {
  return ctx.database.db.transaction(async (tx) => {
    const { src, record } = await writable(tx, auth, id, "填写检查项");
    const [replay] = await tx
      .select({ id: inspectionResults.id })
      .from(inspectionResults)
      .where(and(eq(inspectionResults.inspectionId, id), eq(inspectionResults.idempotencyKey, input.idempotencyKey)));
    if (replay) return { changed: false };
    const result: ItemResult = {
      itemId,
      outcome: input.outcome,
      ...(input.note?.trim() ? { note: input.note.trim() } : {}),
      photos: [...new Set(input.photos)],
      ...(input.finding ? { finding: input.finding } : {}),
    };
    const next = act(src, record, { type: "recordResult", result }, auth, ctx.now());
    if (next === record) return { changed: false }; // the same content again
    if (result.photos.length) {
      const stored = await tx
        .select({ sha256: inspectionPhotos.sha256 })
        .from(inspectionPhotos)
        .where(and(eq(inspectionPhotos.inspectionId, id), inArray(inspectionPhotos.sha256, result.photos)));
      if (stored.length !== result.photos.length) throw rule("有照片尚未上传，请先上传照片再保存检查结果");
    }
    if (await hasFollowUp(tx, id, itemId)) throw rule(`检查项${itemId}已登记隐患或立案，不能再修改结果`);
    const values = {
      outcome: result.outcome,
      note: result.note ?? null,
      photos: result.photos,
      finding: (result.finding ?? null) as Record<string, unknown> | null,
      idempotencyKey: input.idempotencyKey,
      recordedBy: auth.userId,
      recordedAt: ctx.now(),
    };
    const before = record.results.find((r) => r.itemId === itemId);
    if (before)
      await tx
        .update(inspectionResults)
        .set(values)
        .where(and(eq(inspectionResults.inspectionId, id), eq(inspectionResults.itemId, itemId)));
    else
      await tx
        .insert(inspectionResults)
        .values({ regionCode: src.regionCode, organisationId: src.organisationId, inspectionId: id, itemId, ...values });
    // A changed result voids the signatures given (they signed other content): never shown as signed.
    const voided = await tx
      .update(inspectionSignatures)
      .set({ voidedAt: ctx.now() })
      .where(and(eq(inspectionSignatures.inspectionId, id), isNull(inspectionSignatures.voidedAt)))
      .returning({ id: inspectionSignatures.id });
    await audit(tx, auth, src, "inspection.result_recorded", {
      itemId,
      outcome: result.outcome,
      finding: result.finding?.kind ?? null,
      photos: result.photos.length,
      signaturesVoided: voided.length,
    });
    return { changed: true };
  });
}
