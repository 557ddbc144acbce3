/**
 * 签名 (issue 10 §6): each assigned inspector signs by hand; the inspected unit's representative signs,
 * or the refusal is noted (a later representative signature replaces the earlier one).
 */
import { and, eq, isNull } from "drizzle-orm";
import { inspectionSignatures } from "./schema";
import type { AppContext, Auth } from "../../http/context";
import { checkImageFile } from "../../uploads";
import { act, audit, rule, sha256, writable } from "./shared";

export async function signInspection(
  ctx: AppContext,
  auth: Auth,
  id: string,
  input: { idempotencyKey: string; signer: "inspector" | "representative"; name?: string; refused?: boolean; note?: string; imageBase64?: string },
): Promise<void> {
  const image = input.imageBase64 ? Buffer.from(input.imageBase64, "base64") : null;
  if (image) await checkImageFile(ctx.config, image, { what: "签名", maxBytes: 1024 * 1024, pngOnly: true, field: "imageBase64" });
  await ctx.database.db.transaction(async (tx) => {
    const { src, record } = await writable(tx, auth, id, "签名");
    const [replay] = await tx
      .select({ id: inspectionSignatures.id })
      .from(inspectionSignatures)
      .where(and(eq(inspectionSignatures.inspectionId, id), eq(inspectionSignatures.idempotencyKey, input.idempotencyKey)));
    if (replay) return;
    const now = ctx.now();
    if (input.signer === "inspector") {
      if (!image) throw rule("请在签名框内手写签名");
      const next = act(src, record, { type: "sign" }, auth, now);
      if (next === record) return; // already signed
      const name = src.inspectors.find((i) => i.userId === auth.userId)?.name ?? auth.displayName;
      await tx.insert(inspectionSignatures).values({
        regionCode: src.regionCode,
        organisationId: src.organisationId,
        inspectionId: id,
        signerKind: "inspector",
        userId: auth.userId,
        name,
        image,
        imageSha256: sha256(image),
        idempotencyKey: input.idempotencyKey,
        signedAt: now,
      });
      await audit(tx, auth, src, "inspection.signed", { signer: "inspector", userId: auth.userId });
      return;
    }
    if (!input.refused && !image) throw rule("请被检查单位签名人在签名框内手写签名；拒绝签名的，请注明情况");
    act(src, record, { type: "signRepresentative", name: input.name, refused: input.refused, note: input.note }, auth, now);
    await tx
      .update(inspectionSignatures)
      .set({ voidedAt: now })
      .where(
        and(eq(inspectionSignatures.inspectionId, id), eq(inspectionSignatures.signerKind, "representative"), isNull(inspectionSignatures.voidedAt)),
      );
    await tx.insert(inspectionSignatures).values({
      regionCode: src.regionCode,
      organisationId: src.organisationId,
      inspectionId: id,
      signerKind: "representative",
      name: input.refused ? "" : (input.name ?? "").trim(),
      refused: input.refused === true,
      note: input.refused ? (input.note ?? "").trim() : null,
      image: input.refused ? null : image,
      imageSha256: input.refused || !image ? null : sha256(image),
      idempotencyKey: input.idempotencyKey,
      signedAt: now,
    });
    await audit(tx, auth, src, "inspection.signed", { signer: "representative", refused: input.refused === true });
  });
}
