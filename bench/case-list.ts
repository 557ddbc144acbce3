/**
 * Case list benchmark (`npx tsx bench/case-list.ts`): prints JSON lines only.
 *
 * PostgreSQL (a fresh database next to KUANYAN_TEST_PG / 127.0.0.1:5432, dropped at the end): a server
 * process started with the demo data, then BENCH_CASES generated cases (default 1,000,000) loaded into
 * the same database and ANALYZEd. Through HTTP, with a logged-in session each:
 *   - the first page (50 cases) and a page ~100,000 cases deep (reached with a cursor) for a county
 *     officer (明溪县应急管理局), the city 司法局 supervisor (all of 三明) and the system administrator;
 *   - GET /api/v1/health with the same session cookie, in the same run (the floor of any request);
 *   - the first page at 50 connections for BENCH_SECONDS: p50, p99, errors.
 * Targets (issue 17): first page ≤ 50 ms, a deep page ≤ 80 ms, p99 ≤ 500 ms at 50 connections, no errors.
 */
import { Agent, request } from "undici";
import { openPostgres } from "../packages/server/src/db/client";
import { freshPostgresUrl, TEST_DATA_KEY } from "../packages/server/src/testing/db";
import { startServerProcess } from "../packages/server/src/testing/process";
import { demoOrganisationsForCases, generateDemoCases } from "../packages/server/src/demo-data/generator";
import { encodeCursor, listCases } from "../packages/server/src/cases/caseList";
import { loadConfig } from "../packages/server/src/config";
import type { AppContext, Auth } from "../packages/server/src/http/context";

const total = Number(process.env.BENCH_CASES ?? 1_000_000);
const runs = Number(process.env.BENCH_RUNS ?? 31);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const depth = Number(process.env.BENCH_DEPTH ?? 100_000);
const today = "2026-11-25";

function emit(line: Record<string, unknown>): void {
  console.log(JSON.stringify({ bench: "case-list", ...line }));
}

const round = (x: number) => Math.round(x * 10) / 10;
function quantiles(times: number[]) {
  const s = [...times].sort((a, b) => a - b);
  const q = (p: number) => round(s[Math.min(s.length - 1, Math.floor((s.length - 1) * p))] ?? 0);
  return { p50Ms: q(0.5), p95Ms: q(0.95), p99Ms: q(0.99), maxMs: q(1) };
}

async function login(base: string, username: string): Promise<string> {
  const res = await request(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: "Kuanyan@2026" }),
  });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${await res.body.text()}`);
  const setCookie = res.headers["set-cookie"];
  await res.body.dump();
  return (Array.isArray(setCookie) ? setCookie : [setCookie!]).map((c) => c.split(";")[0]).join("; ");
}

async function get(agent: Agent, url: string, cookie: string): Promise<{ status: number; body: unknown }> {
  const r = await request(url, { dispatcher: agent, headers: { cookie } });
  const text = await r.body.text();
  return { status: r.statusCode, body: r.statusCode === 200 && text ? JSON.parse(text) : text };
}

/** Sequential timings of one request (after one warm-up), failing on any non-200. */
async function timed(agent: Agent, url: string, cookie: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    const r = await get(agent, url, cookie);
    const dt = performance.now() - t0;
    if (r.status !== 200) throw new Error(`${url}: ${r.status} ${String(r.body).slice(0, 200)}`);
    if (i > 0) times.push(dt);
  }
  return times;
}

async function timedCall(fn: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    await fn();
    if (i > 0) times.push(performance.now() - t0);
  }
  return times;
}

async function authOf(database: Awaited<ReturnType<typeof openPostgres>>, username: string): Promise<Auth> {
  const [u] = await database.query<{ id: string; display_name: string; roles: string[]; organisation_id: string; name: string; region_code: string }>(
    `SELECT u.id, u.display_name, u.roles, u.organisation_id, o.name, o.region_code FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.username = $1`,
    [username],
  );
  return {
    userId: u.id,
    username,
    displayName: u.display_name,
    roles: u.roles as Auth["roles"],
    organisationId: u.organisation_id,
    organisationName: u.name,
    regionCode: u.region_code,
    csrfToken: "",
    sessionTokenHash: "",
    ip: "127.0.0.1",
  };
}

async function main() {
  const pg = await freshPostgresUrl();
  const env = { DATABASE_URL: pg.url, KUANYAN_DATA_KEY: TEST_DATA_KEY };
  const server = await startServerProcess(["--demo"], env, 300_000);
  const database = await openPostgres(pg.url);
  try {
    const organisations = await demoOrganisationsForCases((text) => database.query(text));
    const t0 = performance.now();
    await generateDemoCases(
      (text) => database.exec(text),
      { count: total, from: "2025-01-01", to: today, tag: "L", organisations, batchSize: 50_000 },
      today,
    );
    const loadSeconds = round((performance.now() - t0) / 1000);
    const a0 = performance.now();
    await database.exec("VACUUM ANALYZE");
    const [{ n }] = await database.query<{ n: number }>("SELECT count(*)::int AS n FROM cases");
    emit({ op: "load", cases: n, generatedCases: total, loadSeconds, vacuumAnalyzeSeconds: round((performance.now() - a0) / 1000) });

    const agent = new Agent({ connections: 64, pipelining: 1 });
    const users = [
      { user: "demo-officer", who: "county officer (明溪县应急管理局)" },
      { user: "demo-justice-city", who: "city 司法局 supervisor (三明市, all organisations of 3504)" },
      { user: "demo-admin", who: "system administrator (every organisation)" },
    ];
    const firstCookie = await login(server.url, users[0].user);
    emit({ op: "GET /api/v1/health (authenticated)", ...quantiles(await timed(agent, `${server.url}/api/v1/health`, firstCookie)) });
    for (const u of users) {
      const cookie = await login(server.url, u.user);
      const list = `${server.url}/api/v1/cases?limit=50`;
      const first = (await get(agent, list, cookie)).body as { total: number; totalIsEstimate: boolean; items: unknown[] };
      emit({
        op: "first page",
        user: u.user,
        who: u.who,
        total: first.total,
        totalIsEstimate: first.totalIsEstimate,
        ...quantiles(await timed(agent, list, cookie)),
      });
      // The cursor of the case ~100,000 deep in this user's order (as the pages before would have ended).
      const deep = await deepCursor(database, u.user, Math.min(depth, Math.floor(first.total / 2)));
      if (deep) {
        const url = `${list}&cursor=${deep.cursor}`;
        emit({ op: "deep page", user: u.user, rowsDeep: deep.offset, ...quantiles(await timed(agent, url, cookie)) });
      }
      // The use case alone, in this process (no HTTP, no session): what the database and the shaping cost.
      const ctx: AppContext = { database, config: loadConfig({ KUANYAN_DEMO: "off", LOG_LEVEL: "silent" }), now: () => new Date() };
      const auth = await authOf(database, u.user);
      emit({ op: "first page, use case in-process", user: u.user, ...quantiles(await timedCall(() => listCases(ctx, auth, { limit: 50 }))) });
      if (deep) {
        const cursor = deep.cursor;
        emit({
          op: "deep page, use case in-process",
          user: u.user,
          ...quantiles(await timedCall(() => listCases(ctx, auth, { limit: 50, cursor }))),
        });
      }
      const overdue = `${list}&overdue=true`;
      emit({ op: "first page, overdue only", user: u.user, ...quantiles(await timed(agent, overdue, cookie)) });
      const closed = `${list}&status=closed`;
      emit({ op: "first page, status closed", user: u.user, ...quantiles(await timed(agent, closed, cookie)) });
    }
    for (const connections of [10, 50]) {
      const cookie = await login(server.url, "demo-justice-city");
      const url = `${server.url}/api/v1/cases?limit=50`;
      const times: number[] = [];
      let errors = 0;
      const until = Date.now() + seconds * 1000;
      await Promise.all(
        Array.from({ length: connections }, async () => {
          while (Date.now() < until) {
            const t1 = performance.now();
            const r = await get(agent, url, cookie).catch(() => ({ status: 0 }));
            if (r.status === 200) times.push(performance.now() - t1);
            else errors++;
          }
        }),
      );
      emit({
        op: "first page under load",
        user: "demo-justice-city",
        connections,
        seconds,
        requests: times.length,
        rps: Math.round(times.length / seconds),
        errors,
        ...quantiles(times),
      });
    }
    await agent.close();
  } finally {
    await database.close();
    await server.stop();
    // BENCH_KEEP=1 leaves the database for EXPLAIN ANALYZE by hand.
    if (process.env.BENCH_KEEP === "1") emit({ op: "kept", url: pg.url });
    else await pg.drop();
  }
}

/** The cursor after `offset` cases of the user's list (its data scope, newest first). */
async function deepCursor(database: Awaited<ReturnType<typeof openPostgres>>, username: string, offset: number) {
  if (offset < 1) return null;
  const [row] = await database.query<{ id: string; t: string }>(
    `WITH RECURSIVE me AS (SELECT organisation_id, region_code, roles FROM users WHERE username = $1),
     d AS (SELECT organisation_id AS id FROM me UNION SELECT o.id FROM organisations o JOIN d ON o.parent_id = d.id),
     scope AS (
       SELECT id FROM d
       UNION SELECT o.id FROM organisations o, me
         WHERE 'justiceSupervisor' = ANY(me.roles)
           AND o.region_code LIKE (CASE WHEN me.region_code LIKE '__0000' THEN left(me.region_code, 2) WHEN me.region_code LIKE '____00' THEN left(me.region_code, 4) ELSE me.region_code END) || '%'
       UNION SELECT o.id FROM organisations o, me WHERE 'sysAdmin' = ANY(me.roles))
     SELECT c.id, to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS t
     FROM cases c WHERE c.organisation_id IN (SELECT id FROM scope) ORDER BY c.created_at DESC, c.id DESC OFFSET $2 LIMIT 1`,
    [username, offset - 1],
  );
  return row ? { offset, cursor: encodeCursor({ t: row.t, i: row.id }) } : null;
}

await main();
process.exit(0);
