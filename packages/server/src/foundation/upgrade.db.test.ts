/**
 * Upgrade from the previous version: test-fixtures/previous-demo.sql.gz is the demo database of the
 * last release (schema, applied migrations, division codes, demo data; rebuilt at each release by
 * scripts/build-previous-demo.ts). Every migration file added since then, and the start-up preparation
 * `kuanyan start` runs on an existing database, must run on it without losing a row.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { openPglite, openPostgres, type Database } from "../db/client";
import { prepareDatabase } from "../bootstrap";
import { buildApp } from "../http/app";
import type { AppContext } from "../http/context";
import { DEMO_PASSWORD, demoUsers } from "../demo/organisations";
import { freshPostgresUrl, testConfig, testDbKind } from "../testing/db";

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = path.resolve(here, "../../test-fixtures/previous-demo.sql.gz");
const migrationsDir = path.resolve(here, "../../drizzle");

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
});

async function emptyDatabase(): Promise<Database> {
  if (testDbKind === "pglite") {
    const db = await openPglite();
    cleanups.push(() => db.close());
    return db;
  }
  const { url, drop } = await freshPostgresUrl();
  const db = await openPostgres(url, { max: 4 });
  cleanups.push(drop);
  cleanups.push(() => db.close());
  return db;
}

/** Every table's row count and primary keys (as text), read with plain SQL so no schema change matters. */
async function snapshot(database: Database): Promise<Map<string, { count: number; keys: Set<string> | null }>> {
  const tables = await database.query<{ t: string }>(
    `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const out = new Map<string, { count: number; keys: Set<string> | null }>();
  for (const { t } of tables) {
    const pk = await database.query<{ c: string }>(
      `SELECT a.attname AS c FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
        WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY a.attnum`,
      [`public.${t}`],
    );
    const [{ n }] = await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM public."${t}"`);
    let keys: Set<string> | null = null;
    if (pk.length) {
      const expr = pk.map((p) => `"${p.c}"::text`).join(` || '|' || `);
      keys = new Set((await database.query<{ k: string }>(`SELECT ${expr} AS k FROM public."${t}"`)).map((r) => r.k));
    }
    out.set(t, { count: n, keys });
  }
  return out;
}

describe("升级：上一版本的演示数据库", () => {
  it("上一版本的演示数据库经全部新迁移与启动准备后不丢一行，演示账号可登录，案件可打开", async () => {
    const database = await emptyDatabase();
    const sqlText = zlib.gunzipSync(fs.readFileSync(fixture)).toString("utf8");
    await database.exec(sqlText);
    const applied = new Set((await database.query<{ name: string }>(`SELECT name FROM kuanyan_migrations`)).map((r) => r.name));
    expect(applied.has("0000_foundation.sql")).toBe(true);
    const before = await snapshot(database);
    expect(before.get("cases")!.count).toBeGreaterThan(0);
    const demoUsernames = new Set((await database.query<{ username: string }>(`SELECT username FROM users`)).map((r) => r.username));

    // What `kuanyan start` (and `kuanyan migrate`) run on an existing database.
    await prepareDatabase(database);

    // Every migration file in the tree ran, including the ones added after the fixture was made.
    const files = fs
      .readdirSync(migrationsDir)
      .filter((f) => f.endsWith(".sql"))
      .sort();
    const nowApplied = new Set((await database.query<{ name: string }>(`SELECT name FROM kuanyan_migrations`)).map((r) => r.name));
    for (const f of files) expect(nowApplied.has(f), `migration ${f} applied`).toBe(true);

    const after = await snapshot(database);
    for (const [table, b] of before) {
      const a = after.get(table);
      expect(a, `table ${table} still exists`).toBeDefined();
      expect(a!.count, `rows in ${table}`).toBeGreaterThanOrEqual(b.count);
      if (b.keys && a!.keys) {
        const missing = [...b.keys].filter((k) => !a!.keys!.has(k));
        expect(missing.slice(0, 5), `keys lost from ${table}`).toEqual([]);
      }
    }

    // The upgraded database serves: every demo account logs in, an officer opens a case.
    const ctx: AppContext = { database, config: testConfig(), now: () => new Date() };
    const app = await buildApp(ctx);
    cleanups.push(() => app.close());
    const users = demoUsers.filter((u) => demoUsernames.has(u.username));
    expect(users.length).toBeGreaterThan(5);
    let officer = "";
    for (const u of users) {
      const res = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username: u.username, password: DEMO_PASSWORD } });
      expect(res.statusCode, `${u.username} logs in: ${res.body.slice(0, 300)}`).toBe(200);
      if (u.username === "demo-officer") officer = res.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    }
    expect(officer).not.toBe("");
    const list = await app.inject({ method: "GET", url: "/api/v1/cases", headers: { cookie: officer } });
    expect(list.statusCode).toBe(200);
    const first = list.json().items[0] as { id: string };
    expect(before.get("cases")!.keys!.has(first.id)).toBe(true);
    const detail = await app.inject({ method: "GET", url: `/api/v1/cases/${first.id}`, headers: { cookie: officer } });
    expect(detail.statusCode, detail.body.slice(0, 300)).toBe(200);
    expect(detail.json().id ?? detail.json().case?.id).toBe(first.id);
  });
});
