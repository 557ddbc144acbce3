/**
 * 现场照片 (issue 10 §6): an image of at most 10 MB, parsed through src/uploads and stored once per
 * inspection by its SHA-256 (the same photo again changes nothing); photoFile in ./queries.ts reads it.
 */
import { and, eq } from "drizzle-orm";
import { inspectionStatusLabels } from "@kuanyan/domain/inspections";
import { inspectionPhotos } from "./schema";
import { AppError } from "../../http/errors";
import type { AppContext, Auth } from "../../http/context";
import { checkEvidenceFile, uploadLimits } from "../../uploads";
import { audit, rule, sha256, writable } from "./shared";

export async function uploadPhoto(ctx: AppContext, auth: Auth, id: string, input: { contentBase64: string }) {
  const data = Buffer.from(input.contentBase64, "base64");
  if (data.length === 0) throw new AppError("validation_failed", "照片内容为空", [{ field: "contentBase64", message: "照片内容为空" }]);
  if (data.length > Math.min(10 * 1024 * 1024, uploadLimits(ctx.config).maxBytes))
    throw new AppError("payload_too_large", "照片过大，不得超过 10 MB");
  const type = await checkEvidenceFile(ctx.config, data, "现场照片");
  if (!type.mime.startsWith("image/")) throw new AppError("unsupported_media_type", "现场照片须为图片（JPEG、PNG）");
  const hash = sha256(data);
  return ctx.database.db.transaction(async (tx) => {
    const { src } = await writable(tx, auth, id, "上传现场照片");
    if (src.status !== "started") throw rule(`检查当前状态为“${inspectionStatusLabels[src.status]}”，不能上传照片`);
    const [existing] = await tx
      .select({ id: inspectionPhotos.id })
      .from(inspectionPhotos)
      .where(and(eq(inspectionPhotos.inspectionId, id), eq(inspectionPhotos.sha256, hash)));
    if (!existing) {
      await tx.insert(inspectionPhotos).values({
        regionCode: src.regionCode,
        organisationId: src.organisationId,
        inspectionId: id,
        mime: type.mime,
        size: data.length,
        sha256: hash,
        data,
        uploadedBy: auth.userId,
      });
      await audit(tx, auth, src, "inspection.photo_uploaded", { sha256: hash, size: data.length, mime: type.mime });
    }
    return { sha256: hash, size: data.length, mime: type.mime };
  });
}
