/**
 * 电子印章: an organisation uploads its seal image (PNG or JPEG by content, ≤ 1 MB). Documents issued
 * afterwards carry it over the organisation's name and date (电子签名法 第十四条: a reliable electronic
 * signature has the same legal effect as a handwritten signature or seal).
 */
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { organisations, seals } from "../db/schema";
import { recordAudit } from "../audit/record";
import { requireAccess } from "../access";
import { notFound } from "../http/errors";
import type { AppContext, Auth } from "../http/context";
import { checkImage } from "./images";
import { adminRoles, sha256Hex } from "./shared";

export const MAX_SEAL_BYTES = 1024 * 1024;

import { ZUploadSeal } from "@kuanyan/contract/documents";
export { ZUploadSeal };

export async function uploadSeal(ctx: AppContext, auth: Auth, input: z.infer<typeof ZUploadSeal>) {
  const organisationId = input.organisationId ?? auth.organisationId;
  const { db } = ctx.database;
  const [org] = await db.select().from(organisations).where(eq(organisations.id, organisationId));
  if (!org) throw notFound("单位");
  await requireAccess(db, auth, { mode: "write", organisationId, roles: adminRoles, what: "上传电子印章" });
  const { data, image } = await checkImage(ctx.config, input.contentBase64, { what: "电子印章", maxBytes: MAX_SEAL_BYTES, field: "contentBase64" });
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ image: seals.image }).from(seals).where(eq(seals.organisationId, organisationId));
    const values = { regionCode: org.regionCode, image: data, mime: image.mime, uploadedBy: auth.userId, uploadedAt: ctx.now() };
    if (before) await tx.update(seals).set(values).where(eq(seals.organisationId, organisationId));
    else await tx.insert(seals).values({ organisationId, ...values });
    const after = { sha256: sha256Hex(data), mime: image.mime, width: image.width, height: image.height, size: data.length };
    await recordAudit(tx, auth, {
      action: "documents.seal_uploaded",
      entityType: "organisation",
      entityId: organisationId,
      organisationId,
      regionCode: org.regionCode,
      before: before ? { sha256: sha256Hex(before.image) } : null,
      after,
    });
    return { organisationId, ...after };
  });
}
