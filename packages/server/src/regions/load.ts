import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { regions } from "../db/schema";

const seedDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../seed");

/** Region codes as GB/T 2260 writes them: province 35 → 350000, city 3504 → 350400. */
export function normaliseRegionCode(code: string): string {
  if (code.length === 2) return `${code}0000`;
  if (code.length === 4) return `${code}00`;
  return code;
}

export interface RegionRow {
  code: string;
  name: string;
  parentCode: string | null;
  level: number;
}

/** Reads the shipped compact division codes (packages/server/seed/regions.json[.gz]). */
export function readRegionSeed(): RegionRow[] {
  const gz = path.join(seedDir, "regions.json.gz");
  const plain = path.join(seedDir, "regions.json");
  const text = fs.existsSync(gz) ? zlib.gunzipSync(fs.readFileSync(gz)).toString("utf8") : fs.readFileSync(plain, "utf8");
  const data = JSON.parse(text) as { columns: string[]; rows: unknown[][] };
  const idx = (name: string) => data.columns.indexOf(name);
  const [ci, ni, pi, li] = [idx("code"), idx("name"), idx("parent") >= 0 ? idx("parent") : idx("parentCode"), idx("level")];
  return data.rows.map((r) => {
    const code = normaliseRegionCode(String(r[ci]));
    const parent = r[pi] == null || r[pi] === "" ? null : normaliseRegionCode(String(r[pi]));
    return { code, name: String(r[ni]), parentCode: parent, level: Number(r[li]) };
  });
}

/** Loads the division codes into `regions` when the table is empty (first start). */
export async function loadRegions(database: Database): Promise<number> {
  const [{ n }] = await database.query<{ n: number }>("SELECT count(*)::int AS n FROM regions");
  if (n > 0) return 0;
  const rows = readRegionSeed();
  await database.db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 2000) {
      await tx
        .insert(regions)
        .values(rows.slice(i, i + 2000))
        .onConflictDoNothing();
    }
    await tx.execute(sql`SELECT 1`);
  });
  return rows.length;
}
