/**
 * Export of the object pool as .xlsx, in the import template's columns (so an export can be edited
 * and imported again). The contact is written in clear only for a user who may maintain the pool
 * (he sees and edits it anyway); for readers it is masked. The export is audited.
 */
import ExcelJS from "exceljs";
import { asc } from "drizzle-orm";
import { maskName } from "@kuanyan/domain/codes";
import { industryLabels, riskLevelLabels, unitImportHeaders, type Industry, type RiskLevel } from "@kuanyan/domain/inspections";
import { recordAudit } from "../audit/record";
import type { AppContext, Auth } from "../http/context";
import { decryptValue } from "../pii/keyring";
import { inspectionUnits } from "./schema";
import { loadOrganisation, permitted, requirePermission } from "./shared";
import { unitQueryFilter } from "./units";

export async function exportUnits(
  ctx: AppContext,
  auth: Auth,
  query: { organisationId?: string; q?: string; industry?: Industry; riskLevel?: RiskLevel; keyUnit?: "true" | "false"; uncoveredIn?: number },
) {
  const organisationId = query.organisationId ?? auth.organisationId;
  const db = ctx.database.db;
  const nodes = await requirePermission(db, auth, "inspection.read", organisationId);
  const clear = permitted(auth, "inspection.pool.manage", organisationId, nodes);
  const org = await loadOrganisation(db, organisationId);
  const rows = await db
    .select()
    .from(inspectionUnits)
    .where(await unitQueryFilter(db, organisationId, query))
    .orderBy(asc(inspectionUnits.creditCode));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("检查对象名录库");
  ws.addRow([...unitImportHeaders]);
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    const phone = r.contactPhoneEnc ? (clear ? decryptValue(r.contactPhoneEnc) : (r.contactPhoneMasked ?? "")) : "";
    const name = r.contactName ? (clear ? r.contactName : maskName(r.contactName)) : "";
    ws.addRow([
      r.creditCode,
      r.name,
      r.address,
      r.regionCode,
      industryLabels[r.industry as Industry] ?? r.industry,
      riskLevelLabels[r.riskLevel as RiskLevel] ?? r.riskLevel,
      r.keyUnit ? "是" : "否",
      name,
      phone,
    ]);
  }
  ws.columns.forEach((c, i) => (c.width = [22, 30, 30, 12, 12, 16, 10, 10, 16][i] ?? 14));
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  await db.transaction(async (tx) => {
    await recordAudit(tx, auth, {
      action: "inspection.units.exported",
      entityType: "organisation",
      entityId: organisationId,
      organisationId,
      regionCode: org.regionCode,
      after: { units: rows.length, contactInClear: clear },
    });
  });
  return { buffer, fileName: `${org.name}检查对象名录库.xlsx` };
}
