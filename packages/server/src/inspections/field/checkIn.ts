/**
 * 签到 (issue 10 §6): the first inspector's check-in starts the inspection on its unit's published
 * checklist (the location is kept when the browser gives it). A replay, or a second inspector, changes nothing.
 */
import { eq } from "drizzle-orm";
import { inspectionCheckIns } from "./schema";
import type { AppContext, Auth } from "../../http/context";
import { setStatus } from "./source";
import { act, audit, rule, writable } from "./shared";

export async function checkIn(
  ctx: AppContext,
  auth: Auth,
  id: string,
  input: { idempotencyKey: string; location?: { latitude: number; longitude: number; accuracyMetres?: number } },
): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    const { src, record } = await writable(tx, auth, id, "开始检查（签到）");
    const [existing] = await tx.select().from(inspectionCheckIns).where(eq(inspectionCheckIns.inspectionId, id));
    if (existing && src.status !== "drawn") return; // already started (a replay, or the other inspector checked in)
    if (!src.checklist) throw rule("本单位没有适用于该行业的已发布检查表，不能开始检查（请先发布检查表）");
    const now = ctx.now();
    act(
      src,
      record,
      {
        type: "start",
        checklist: { checklistId: src.checklist.id, version: src.checklist.version },
        ...(input.location ? { location: input.location } : {}),
      },
      auth,
      now,
    );
    await tx.insert(inspectionCheckIns).values({
      regionCode: src.regionCode,
      organisationId: src.organisationId,
      inspectionId: id,
      userId: auth.userId,
      at: now,
      latitude: input.location?.latitude ?? null,
      longitude: input.location?.longitude ?? null,
      accuracyMetres: input.location?.accuracyMetres ?? null,
      idempotencyKey: input.idempotencyKey,
    });
    await setStatus(tx, id, "started", { id: src.checklist.id, version: src.checklist.version });
    await audit(tx, auth, src, "inspection.started", { at: now.toISOString(), located: Boolean(input.location) });
  });
}
