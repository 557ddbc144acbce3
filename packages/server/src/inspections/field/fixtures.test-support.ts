/**
 * A drawn inspection for the field tests (until the demo data holds some): a unit of 明溪县应急管理局's
 * pool, certificates for demo-officer and demo-officer2, a checklist of three starter items
 * (工贸企业 GM-01, GM-07, GM-11) and the inspection assigned to both officers.
 */
import { starterChecklists } from "@kuanyan/domain/inspections";
import type { Database } from "../../db/client";

export const FIELD_ITEMS = ["GM-01", "GM-07", "GM-11"];

export async function drawnInspection(
  database: Database,
  options: { unitName?: string; creditCode?: string; dueBy?: string; organisation?: string; usernames?: string[] } = {},
): Promise<string> {
  const q = <T>(sql: string, params: unknown[] = []) => database.query<T>(sql, params);
  const [org] = await q<{ id: string; region_code: string }>("SELECT id::text, region_code FROM organisations WHERE name = $1", [
    options.organisation ?? "明溪县应急管理局",
  ]);
  const officers = await q<{ id: string }>("SELECT id::text FROM users WHERE username = ANY($1::text[]) ORDER BY username", [
    options.usernames ?? ["demo-officer", "demo-officer2"],
  ]);
  for (const [n, o] of officers.entries()) {
    await q(
      `INSERT INTO inspector_certificates (region_code, organisation_id, user_id, number, issuing_body, valid_from, valid_to, fields)
       VALUES ($1, $2, $3, $4, '三明市人民政府', '2024-01-01', '2099-12-31', '{industry_trade}') ON CONFLICT (user_id) DO NOTHING`,
      [org.region_code, org.id, o.id, `3504212026000${n + 1}`],
    );
  }
  const creditCode = options.creditCode ?? "91350582000700396X";
  const [unit] = await q<{ id: string }>(
    `INSERT INTO inspection_units (region_code, organisation_id, credit_code, name, address, industry, risk_level, key_unit, contact_name)
     VALUES ($1, $2, $3, $4, '明溪县城关乡工业园区8号', 'industry_trade', 'moderate', true, '陈建国')
     ON CONFLICT (organisation_id, credit_code) DO UPDATE SET name = EXCLUDED.name RETURNING id::text`,
    [org.region_code, org.id, creditCode, options.unitName ?? "明溪县城关机械有限公司"],
  );
  const starter = starterChecklists().find((c) => c.industry === "industry_trade")!;
  const items = starter.versions[0].items.filter((i) => FIELD_ITEMS.includes(i.id));
  const [checklist] = await q<{ id: string }>(
    `INSERT INTO inspection_checklists (region_code, organisation_id, industry, title, versions) VALUES ($1, $2, 'industry_trade', $3, $4::jsonb) RETURNING id::text`,
    [org.region_code, org.id, starter.title, JSON.stringify([{ version: 1, status: "published", items, publishedOn: "2026-12-01" }])],
  );
  const [inspection] = await q<{ id: string }>(
    `INSERT INTO inspections (region_code, organisation_id, unit_id, unit_name, credit_code, year, checklist_id, checklist_version, inspector_ids, due_by, status)
     VALUES ($1, $2, $3, $4, $5, 2026, $6, 1, $7::uuid[], $8, 'drawn') RETURNING id::text`,
    [
      org.region_code,
      org.id,
      unit.id,
      options.unitName ?? "明溪县城关机械有限公司",
      creditCode,
      checklist.id,
      officers.map((o) => o.id),
      options.dueBy ?? "2026-12-31",
    ],
  );
  return inspection.id;
}
