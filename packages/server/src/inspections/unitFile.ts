/**
 * The object-pool import file (.xlsx), read in a parsing worker (src/uploads/jobs.ts): the first
 * sheet's header and rows go through the domain's `mapUnitRows` (validation, duplicates by credit
 * code, create/update against the pool). Up to 10,000 data rows. No database here.
 */
import { mapUnitRows, type UnitImportResult } from "@kuanyan/domain/inspections";
import { AppError } from "../http/errors";
import { xlsxGrid } from "../lists/importFile";
import type { UploadLimits } from "../uploads/limits";

export const UNIT_IMPORT_MAX_ROWS = 10_000;

/** The upload limits of this import: the header row and 10,000 data rows (and a few blank ones). */
export function unitFileLimits(limits: UploadLimits): UploadLimits {
  return {
    ...limits,
    maxRows: Math.max(limits.maxRows, UNIT_IMPORT_MAX_ROWS + 50),
    maxCells: Math.max(limits.maxCells, (UNIT_IMPORT_MAX_ROWS + 50) * 20),
  };
}

export async function parseUnitFile(content: Buffer, existingCreditCodes: readonly string[], limits: UploadLimits): Promise<UnitImportResult> {
  const grid = await xlsxGrid(content, limits);
  const rows = grid.rows;
  const headerAt = rows.findIndex((r) => r.some((c) => c.trim() !== ""));
  if (headerAt < 0) throw new AppError("validation_failed", "Excel 文件中没有数据");
  const header = rows[headerAt];
  const data = rows.slice(headerAt + 1);
  while (data.length > 0 && data[data.length - 1].every((c) => c.trim() === "")) data.pop();
  const r = mapUnitRows(header, data, { existingCreditCodes: new Set(existingCreditCodes), maxRows: UNIT_IMPORT_MAX_ROWS });
  if (!r.ok) throw new AppError("rule_violation", r.error, [{ field: "contentBase64", message: r.error }]);
  if (headerAt > 0) {
    // Row numbers in the domain's result count from the header at row 1; shift them to the sheet's.
    for (const u of r.result.units) u.row += headerAt;
    for (const e of r.result.errors) e.row += headerAt;
  }
  return r.result;
}
