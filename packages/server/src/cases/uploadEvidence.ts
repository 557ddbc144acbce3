/**
 * 证据: a photo or document of the case, at most 10 MB, its type checked by its content (magic
 * bytes, then the whole file walked as that type: src/uploads/content.ts), kept with its SHA-256.
 */
import crypto from "node:crypto";
import type { UploadEvidenceInput } from "@kuanyan/contract/cases";
import { evidence } from "../db/schema";
import { recordAudit } from "../audit/record";
import { AppError } from "../http/errors";
import type { AppContext, Auth } from "../http/context";
import { checkEvidenceFile, uploadLimits } from "../uploads";
import { sizeText } from "../uploads/limits";
import { editableCase } from "./shared";

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

export async function uploadEvidence(ctx: AppContext, auth: Auth, caseId: string, input: UploadEvidenceInput) {
  const data = Buffer.from(input.contentBase64, "base64");
  if (data.length === 0) throw new AppError("validation_failed", "文件内容为空", [{ field: "contentBase64", message: "文件内容为空" }]);
  const max = Math.min(MAX_EVIDENCE_BYTES, uploadLimits(ctx.config).maxBytes);
  if (data.length > max) {
    throw new AppError("payload_too_large", `文件过大：${(data.length / 1024 / 1024).toFixed(1)} MB，证据文件不得超过 ${sizeText(max)}`);
  }
  // The type by content, the file walked as that type (no GIF/HTML polyglot, SVG or HTML), in a worker.
  const type = await checkEvidenceFile(ctx.config, data, input.fileName);
  const sha256 = crypto.createHash("sha256").update(data).digest("hex");
  return ctx.database.db.transaction(async (tx) => {
    // Adding evidence is not an edit of the case's fields: a stale version is still refused so the
    // officer sees the latest case, but the case's version is not bumped.
    const c = await editableCase(tx, auth, caseId, input.lockVersion, "uploadEvidence");
    const [row] = await tx
      .insert(evidence)
      .values({
        regionCode: c.regionCode,
        organisationId: c.organisationId,
        caseId: c.id,
        fileName: input.fileName,
        mime: type.mime,
        size: data.length,
        sha256,
        data,
        description: input.description ?? null,
        uploadedBy: auth.userId,
      })
      .returning({
        id: evidence.id,
        fileName: evidence.fileName,
        mime: evidence.mime,
        size: evidence.size,
        sha256: evidence.sha256,
        createdAt: evidence.createdAt,
      });
    await recordAudit(tx, auth, {
      action: "case.evidence_uploaded",
      entityType: "case",
      entityId: c.id,
      organisationId: c.organisationId,
      regionCode: c.regionCode,
      after: { evidenceId: row.id, fileName: row.fileName, mime: row.mime, size: row.size, sha256 },
    });
    return row;
  });
}
