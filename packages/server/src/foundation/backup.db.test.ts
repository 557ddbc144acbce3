/**
 * `kuanyan backup` / `kuanyan restore`, run as real processes: the round trip gives the same data
 * (every table's rows, compared by an md5 of their ordered text) on the database this run uses.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openPglite, type Database } from "../db/client";
import { acquireDataDirLock } from "../db/lock";
import { freshDatabase, freshPostgresUrl, testDbKind } from "../testing/db";
import { runCli } from "../testing/process";

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

/** Table → md5 of all its rows in order, plus the user triggers (the audit trail's guard among them). */
async function fingerprint(database: Database): Promise<Record<string, string>> {
  const tables = await database.query<{ t: string }>(`SELECT tablename AS t FROM pg_catalog.pg_tables WHERE schemaname = 'public' ORDER BY 1`);
  const out: Record<string, string> = {};
  for (const { t } of tables) {
    const [{ h, n }] = await database.query<{ h: string; n: number }>(
      `SELECT md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '')) AS h, count(*)::int AS n FROM public."${t}" x`,
    );
    out[t] = `${n}:${h}`;
  }
  const triggers = await database.query<{ g: string }>(
    `SELECT string_agg(c.relname || '.' || t.tgname, ',' ORDER BY c.relname, t.tgname) AS g
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal`,
  );
  out["(triggers)"] = triggers[0].g ?? "";
  return out;
}

const tmp = (prefix: string) => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(() => fs.rmSync(d, { recursive: true, force: true }));
  return d;
};

function pgUrl(dbName: string): string {
  const u = new URL(process.env.KUANYAN_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
  u.pathname = `/${dbName}`;
  return u.toString();
}

describe("备份与恢复", () => {
  it.runIf(testDbKind === "postgres")(
    "PostgreSQL：备份后恢复到空库，每张表的数据完全一致；非空库须加 --force",
    async () => {
      const source = await freshDatabase();
      cleanups.push(() => source.close());
      const [{ db }] = await source.query<{ db: string }>("SELECT current_database() AS db");
      const sourceUrl = pgUrl(db);
      const file = path.join(tmp("kuanyan-backup-"), "kuanyan.dump");

      const backup = await runCli(["backup", "--out", file], { DATABASE_URL: sourceUrl });
      expect(backup.output).toMatch(/已备份/);
      expect(backup.code).toBe(0);
      expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe("PGDMP");

      const target = await freshPostgresUrl();
      cleanups.push(() => target.drop());
      const restore = await runCli(["restore", "--in", file], { DATABASE_URL: target.url });
      expect(restore.output).toMatch(/已从 .* 恢复/);
      expect(restore.code).toBe(0);
      const { openPostgres } = await import("../db/client");
      const restored = await openPostgres(target.url, { max: 1 });
      cleanups.push(() => restored.close());
      const expected = await fingerprint(source);
      expect(Object.keys(expected).length).toBeGreaterThan(20);
      expect(expected.cases).not.toMatch(/^0:/);
      expect(await fingerprint(restored)).toEqual(expected);

      // A database that holds data is not overwritten without --force.
      await source.exec(`UPDATE organisations SET contact_person = '备份之后改的' WHERE id = (SELECT id FROM organisations ORDER BY id LIMIT 1)`);
      const changed = await fingerprint(source);
      expect(changed).not.toEqual(expected);
      const refused = await runCli(["restore", "--in", file], { DATABASE_URL: sourceUrl });
      expect(refused.code).toBe(2);
      expect(refused.output).toMatch(/目标数据库不是空的.*--force/);
      expect(await fingerprint(source)).toEqual(changed);

      const forced = await runCli(["restore", "--in", file, "--force"], { DATABASE_URL: sourceUrl });
      expect(forced.output).toMatch(/已从 .* 恢复/);
      expect(forced.code).toBe(0);
      expect(await fingerprint(source)).toEqual(expected);
    },
    240_000,
  );

  it.runIf(testDbKind === "pglite")(
    "内置数据库：备份后恢复到新目录，每张表的数据完全一致；使用中的目录与非空目录被拒绝",
    async () => {
      // A data directory holding the demo database, as `kuanyan start` leaves it.
      const template = await freshDatabase();
      const dump = await template.pglite!.dumpDataDir("none");
      const expected = await fingerprint(template);
      await template.close();
      expect(expected.cases).not.toMatch(/^0:/);
      const sourceDir = tmp("kuanyan-backup-src-");
      const seeded = await openPglite({ dataDir: path.join(sourceDir, "pgdata"), loadDataDir: dump });
      await seeded.close();
      const file = path.join(tmp("kuanyan-backup-"), "kuanyan.tar.gz");

      // While a process holds the data directory, no backup is taken from under it.
      const release = acquireDataDirLock(sourceDir);
      const busy = await runCli(["backup", "--data-dir", sourceDir, "--out", file]);
      release();
      expect(busy.code).not.toBe(0);
      expect(busy.output).toMatch(/已被另一个宽严进程（PID \d+）占用/);

      const backup = await runCli(["backup", "--data-dir", sourceDir, "--out", file]);
      expect(backup.output).toMatch(/已备份/);
      expect(backup.code).toBe(0);

      const targetDir = tmp("kuanyan-restore-");
      const restore = await runCli(["restore", "--data-dir", targetDir, "--in", file]);
      expect(restore.output).toMatch(/已从 .* 恢复/);
      expect(restore.code).toBe(0);
      const restored = await openPglite({ dataDir: path.join(targetDir, "pgdata") });
      expect(await fingerprint(restored)).toEqual(expected);
      await restored.exec(`UPDATE organisations SET contact_person = '备份之后改的' WHERE id = (SELECT id FROM organisations ORDER BY id LIMIT 1)`);
      const changed = await fingerprint(restored);
      await restored.close();

      const refused = await runCli(["restore", "--data-dir", targetDir, "--in", file]);
      expect(refused.code).toBe(2);
      expect(refused.output).toMatch(/不是空的.*--force/);
      const untouched = await openPglite({ dataDir: path.join(targetDir, "pgdata") });
      expect(await fingerprint(untouched)).toEqual(changed);
      await untouched.close();

      const forced = await runCli(["restore", "--data-dir", targetDir, "--in", file, "--force"]);
      expect(forced.code).toBe(0);
      const again = await openPglite({ dataDir: path.join(targetDir, "pgdata") });
      expect(await fingerprint(again)).toEqual(expected);
      await again.close();
      expect(fs.readdirSync(targetDir).filter((f) => f.includes("before-restore"))).toEqual([]);

      // A PostgreSQL backup is not mistaken for one of the embedded database.
      const wrong = path.join(tmp("kuanyan-backup-"), "pg.dump");
      fs.writeFileSync(wrong, "PGDMP\x01\x0e\x00");
      const mismatch = await runCli(["restore", "--data-dir", tmp("kuanyan-restore-"), "--in", wrong]);
      expect(mismatch.code).toBe(2);
      expect(mismatch.output).toMatch(/是PostgreSQL的备份，不能恢复到内置数据库/);
    },
    240_000,
  );
});
