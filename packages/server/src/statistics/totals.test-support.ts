/** Test support: the stored statistics daily totals next to a full recount from the records. */
import type { Database } from "../db/client";

export type TotalRow = { region_code: string; organisation_id: string; day: string; item: string; value: string };

/** Every stored total, and the same rows recounted from the records by statistics_totals_of. */
export async function storedAndRecounted(db: Database): Promise<{ stored: TotalRow[]; recounted: TotalRow[] }> {
  const cols = "region_code, organisation_id::text, day::text, item, value::numeric(18, 2)::text AS value";
  const stored = await db.query<TotalRow>(`SELECT ${cols} FROM statistics_daily_totals ORDER BY 1, 2, 3, 4`);
  const recounted = await db.query<TotalRow>(
    `WITH k AS (
       SELECT array_agg(x.region_code) AS r, array_agg(x.organisation_id) AS o, array_agg(x.day) AS d FROM (
         SELECT region_code, organisation_id, decided_on AS day FROM cases WHERE decided_on IS NOT NULL
         UNION SELECT region_code, organisation_id, correction_due FROM cases WHERE correction_due IS NOT NULL
         UNION SELECT region_code, organisation_id, carried_out_on FROM measures
         UNION SELECT region_code, organisation_id, due_on FROM case_tasks) x
     )
     SELECT ${cols} FROM (SELECT s.* FROM k, statistics_totals_of(k.r, k.o, k.d) s) t ORDER BY 1, 2, 3, 4`,
  );
  return { stored, recounted };
}
