import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import type { Database } from "./client";

const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../drizzle");

/**
 * Applies the drizzle-kit SQL migrations in order, each in its own transaction, and records
 * them in kuanyan_migrations. The same files serve PGlite and PostgreSQL. An advisory lock
 * keeps two server processes on one PostgreSQL from migrating at once.
 */
export async function migrate(database: Database): Promise<string[]> {
  await database.exec(`CREATE TABLE IF NOT EXISTS kuanyan_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  const files = fs
    .readdirSync(migrationsDir)
    .filter((f) => f.endsWith(".sql"))
    .sort();
  const applied: string[] = [];
  for (const file of files) {
    const text = fs.readFileSync(path.join(migrationsDir, file), "utf8");
    const statements = text
      .split("--> statement-breakpoint")
      .map((s) => s.trim())
      .filter(Boolean);
    const ran = await database.db.transaction(async (tx) => {
      // Serialises migrators across processes; released at commit.
      if (database.kind === "postgres") await tx.execute(sql`SELECT pg_advisory_xact_lock(727001)`);
      const seen = await tx.execute(sql`SELECT 1 FROM kuanyan_migrations WHERE name = ${file}`);
      if ((seen as unknown as { rows: unknown[] }).rows.length > 0) return false;
      for (const statement of statements) await tx.execute(sql.raw(statement));
      await tx.execute(sql`INSERT INTO kuanyan_migrations (name) VALUES (${file})`);
      return true;
    });
    if (ran) applied.push(file);
  }
  return applied;
}
