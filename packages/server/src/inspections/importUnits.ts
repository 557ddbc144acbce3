/**
 * The object-pool import from .xlsx: a preview (row errors in Chinese, new and updated units) and the
 * commit of the previewed file (its SHA-256 must match: what is saved is what was shown). A file with
 * any row error is not imported (nothing changes); the import is one transaction with one audit
 * event that lists the credit codes created and updated (no contact data).
 */
import crypto from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { UnitImportResult } from "@kuanyan/domain/inspections";
import { recordAudit } from "../audit/record";
import type { DbOrTx } from "../db/client";
import { AppError } from "../http/errors";
import type { AppContext, Auth } from "../http/context";
import { checkUploadBytes, uploadLimits } from "../uploads";
import { runParse } from "../uploads/pool";
import { inspectionUnits } from "./schema";
import { loadOrganisation, requirePermission } from "./shared";
import { unitFileLimits } from "./unitFile";
import { unitColumns } from "./units";

interface UnitFile {
  organisationId?: string;
  fileName: string;
  contentBase64: string;
}

async function existingCodes(db: DbOrTx, organisationId: string): Promise<string[]> {
  const rows = await db.select({ c: inspectionUnits.creditCode }).from(inspectionUnits).where(eq(inspectionUnits.organisationId, organisationId));
  return rows.map((r) => r.c);
}

async function parse(ctx: AppContext, file: UnitFile, organisationId: string): Promise<{ result: UnitImportResult; sha256: string; ms: number }> {
  if (!file.fileName.toLowerCase().endsWith(".xlsx"))
    throw new AppError("unsupported_media_type", "只支持导入 .xlsx 文件（旧版 .xls 请先另存为 .xlsx）");
  const content = Buffer.from(file.contentBase64, "base64");
  const limits = unitFileLimits(uploadLimits(ctx.config));
  checkUploadBytes(content, limits);
  const sha256 = crypto.createHash("sha256").update(content).digest("hex");
  const started = performance.now();
  const codes = await existingCodes(ctx.database.db, organisationId);
  const result = await runParse<UnitImportResult>({ kind: "unitPreview", content, existingCreditCodes: codes, limits }, limits);
  return { result, sha256, ms: Math.round(performance.now() - started) };
}

export async function previewUnitImport(ctx: AppContext, auth: Auth, file: UnitFile) {
  const organisationId = file.organisationId ?? auth.organisationId;
  await requirePermission(ctx.database.db, auth, "inspection.pool.manage", organisationId);
  const { result, sha256, ms } = await parse(ctx, file, organisationId);
  return {
    fileSha256: sha256,
    rows: result.units.length + new Set(result.errors.map((e) => e.row)).size,
    creates: result.units.filter((u) => u.action === "create").length,
    updates: result.units.filter((u) => u.action === "update").length,
    emptyRows: result.emptyRows,
    errors: result.errors.slice(0, 1000).map((e) => ({ row: e.row, column: e.column ?? null, message: e.message })),
    sample: result.units.slice(0, 200).map(({ row, action, unit }) => ({
      row,
      action,
      creditCode: unit.creditCode,
      name: unit.name,
      regionCode: unit.regionCode,
      industry: unit.industry,
      riskLevel: unit.riskLevel,
      keyUnit: unit.keyUnit,
    })),
    parseMs: ms,
  };
}

const BATCH = 500;

export async function commitUnitImport(ctx: AppContext, auth: Auth, file: UnitFile & { fileSha256: string }) {
  const organisationId = file.organisationId ?? auth.organisationId;
  await requirePermission(ctx.database.db, auth, "inspection.pool.manage", organisationId);
  const { result, sha256 } = await parse(ctx, file, organisationId);
  if (sha256 !== file.fileSha256) throw new AppError("conflict", "导入的文件与预览的文件不一致，请重新预览后再导入");
  if (result.errors.length > 0) {
    throw new AppError("rule_violation", `文件中有${new Set(result.errors.map((e) => e.row)).size}行有错误，请修正后重新导入（未导入任何单位）`);
  }
  if (result.units.length === 0) throw new AppError("rule_violation", "文件中没有可导入的单位");
  return ctx.database.db.transaction(async (tx) => {
    await requirePermission(tx, auth, "inspection.pool.manage", organisationId);
    await loadOrganisation(tx, organisationId);
    const created: string[] = [];
    const updated: string[] = [];
    for (let i = 0; i < result.units.length; i += BATCH) {
      const batch = result.units.slice(i, i + BATCH);
      const rows = await tx
        .insert(inspectionUnits)
        .values(batch.map(({ unit }) => ({ organisationId, ...unitColumns(unit) })))
        .onConflictDoUpdate({
          target: [inspectionUnits.organisationId, inspectionUnits.creditCode],
          set: {
            name: sql`excluded.name`,
            address: sql`excluded.address`,
            regionCode: sql`excluded.region_code`,
            industry: sql`excluded.industry`,
            riskLevel: sql`excluded.risk_level`,
            keyUnit: sql`excluded.key_unit`,
            contactName: sql`excluded.contact_name`,
            contactPhoneEnc: sql`excluded.contact_phone_enc`,
            contactPhoneMasked: sql`excluded.contact_phone_masked`,
            contactPhoneBidx: sql`excluded.contact_phone_bidx`,
            version: sql`${inspectionUnits.version} + 1`,
            updatedAt: sql`now()`,
          },
        })
        .returning({ creditCode: inspectionUnits.creditCode, version: inspectionUnits.version });
      for (const r of rows) (r.version === 1 ? created : updated).push(r.creditCode);
    }
    const org = await loadOrganisation(tx, organisationId);
    await recordAudit(tx, auth, {
      action: "inspection.units.imported",
      entityType: "organisation",
      entityId: organisationId,
      organisationId,
      regionCode: org.regionCode,
      after: { fileName: file.fileName, fileSha256: sha256, created, updated },
    });
    return { created: created.length, updated: updated.length };
  });
}
