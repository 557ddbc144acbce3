/**
 * `kuanyan demo-data`: the documented command that writes synthetic demo cases (issue 6, item 5), run
 * as a real process against a fresh PGlite data directory or PostgreSQL database.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openPglite, openPostgres, type Database } from "../db/client";
import { freshPostgresUrl, TEST_DATA_KEY, testDbKind } from "../testing/db";
import { runCli } from "../testing/process";
import { storedAndRecounted } from "../statistics/totals.test-support";

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

/** CLI arguments and environment for a fresh database, and a way to open it afterwards. */
async function freshTarget(): Promise<{
  args: string[];
  env: Record<string, string>;
  open: () => Promise<Database>;
  untouched: () => Promise<boolean>;
}> {
  if (testDbKind === "postgres") {
    const { url, drop } = await freshPostgresUrl();
    cleanups.push(drop);
    const open = () => openPostgres(url, { max: 2 });
    const untouched = async () => {
      const db = await open();
      const [{ n }] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'");
      await db.close();
      return n === 0;
    };
    return { args: [], env: { DATABASE_URL: url, KUANYAN_DATA_KEY: TEST_DATA_KEY }, open, untouched };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kuanyan-demo-data-"));
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  const pgdata = path.join(dir, "pgdata");
  return { args: ["--data-dir", dir], env: {}, open: () => openPglite({ dataDir: pgdata }), untouched: async () => !fs.existsSync(pgdata) };
}

describe("kuanyan demo-data（演示数据生成命令）", () => {
  it("writes the asked number of cases, all marked as demo, with measures and tasks, and the statistics totals equal a recount", async () => {
    const target = await freshTarget();
    const run = await runCli(
      ["demo-data", "--count", "1500", "--from", "2026-01-01", "--to", "2026-06-30", "--tag", "T1", ...target.args],
      target.env,
    );
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain("完成：1500 件演示案件（2026-01-01 至 2026-06-30，标记 T1）");
    const db = await target.open();
    try {
      const [c] = await db.query<{ n: number; demo: number; first: string; last: string }>(
        `SELECT count(*)::int AS n, count(*) FILTER (WHERE is_demo)::int AS demo, min(decided_on)::text AS first, max(decided_on)::text AS last
         FROM cases WHERE case_no LIKE '%〕T1-%'`,
      );
      expect(c).toMatchObject({ n: 1500, demo: 1500 });
      expect(c.first >= "2026-01-01" && c.last <= "2026-06-30").toBe(true);
      const [m] = await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM measures m JOIN cases c ON c.id = m.case_id WHERE c.case_no LIKE '%〕T1-%' AND m.is_demo",
      );
      expect(m.n).toBeGreaterThan(1500);
      const { stored, recounted } = await storedAndRecounted(db);
      expect(stored.length).toBeGreaterThan(0);
      expect(stored).toEqual(recounted);
    } finally {
      await db.close();
    }
  });

  it("refuses a count that is not a whole number with a Chinese message and writes nothing", async () => {
    const target = await freshTarget();
    const run = await runCli(["demo-data", "--count", "十万", ...target.args], target.env);
    expect(run.code).toBe(2);
    expect(run.output).toContain("--count 应为 1 至 50000000 之间的整数");
    expect(await target.untouched()).toBe(true);
  });
});
