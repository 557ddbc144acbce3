/**
 * The hazard ledger of a city on PostgreSQL (issue 10: 100,000 hazards, the ledger page ≤ 300 ms).
 * A `kuanyan start --demo` process on a database created and dropped here (kuanyan_bench_hazards);
 * 100,000 hazards are bulk-inserted (generate_series) into the 三明 (3504) enforcement organisations,
 * found this year (1 January to today), in every state (30 % 整改中 — most of them overdue —, 10 %
 * 已报整改待复查, 10 % 复查合格待销号, 50 % 已销号; 5 % 重大事故隐患), then VACUUM ANALYZE.
 * demo-justice-city (三明市司法局, reads the whole city) then requests over HTTP what the console
 * (packages/web/src/pages/hazards) asks for: the default first page (`?year=<this year>&page=1`),
 * only overdue (`&overdue=true`), the search box by unit name and by credit code, and the figures
 * the page loads beside the list. Sequential requests, p50/p95/max over BENCH_RUNS (default 30)
 * after 3 warm-ups. Baseline in the same run: the same session's /api/v1/health and /api/v1/auth/me.
 * Run: npx tsx bench/hazards-ledger.ts (BENCH_HAZARDS to change the count). Prints JSON lines.
 */
import pg from "pg";
import { request } from "undici";
import { TEST_DATA_KEY } from "../packages/server/src/testing/db";
import { startServerProcess } from "../packages/server/src/testing/process";

const HAZARDS = Number(process.env.BENCH_HAZARDS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const TARGET_MS = 300;
const pgBase = process.env.KUANYAN_BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432";
const dbName = "kuanyan_bench_hazards";

function emit(line: Record<string, unknown>): void {
  console.log(JSON.stringify({ bench: "hazards-ledger", ...line }));
}

/** Today in China (the server's 'today' for overdue and the console's default year). */
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const year = Number(today.slice(0, 4));

const insertHazards = `
WITH orgs AS (
  SELECT id, region_code, row_number() OVER (ORDER BY name) - 1 AS k, count(*) OVER () AS n
  FROM organisations WHERE region_code LIKE '3504%' AND kind IN ('agency', 'township')
), g AS (
  SELECT i, (($1::date - make_date($2, 1, 1)) + 1) AS days FROM generate_series(0, $3::int - 1) AS i
), h AS (
  SELECT g.i, o.id AS organisation_id, o.region_code,
         make_date($2, 1, 1) + ((g.i * 7919) % g.days)::int AS found_on,
         CASE WHEN g.i % 10 < 3 THEN 'open' WHEN g.i % 10 = 3 THEN 'rectification_reported'
              WHEN g.i % 10 = 4 THEN 'review_passed' ELSE 'closed' END AS status,
         CASE WHEN g.i % 20 = 0 THEN 'major' ELSE 'general' END AS level
  FROM g JOIN orgs o ON o.k = (g.i * 31) % o.n
)
INSERT INTO hazards (region_code, organisation_id, credit_code, unit_name, level, criterion, description, responsible_person,
                     found_on, deadline, status, rectification_evidence, reviews, rectified_on, closed_on, created_at, updated_at)
SELECT region_code, organisation_id,
       '91350400' || lpad((i % 5000)::text, 9, '0') || 'X',
       '三明市基准测试企业' || (i % 5000) || '有限公司',
       level,
       CASE WHEN level = 'major' THEN '工贸行业重大生产安全事故隐患判定标准第' || (i % 9 + 1) || '项' END,
       '第' || (i % 40 + 1) || '项检查发现：安全出口堵塞，消防设施未定期检验维护（基准测试数据）',
       (ARRAY['陈建国', '林秀英', '黄志明', '吴丽华', '郑伟'])[i % 5 + 1],
       found_on,
       found_on + CASE WHEN level = 'major' THEN 60 ELSE 30 END,
       status,
       CASE WHEN status = 'open' THEN '[]'::jsonb ELSE jsonb_build_array(md5(i::text) || md5((i + 1)::text)) END,
       CASE WHEN status IN ('review_passed', 'closed')
            THEN jsonb_build_array(jsonb_build_object('on', (found_on + 20)::text, 'passed', true, 'note', '复查合格', 'reviewerId', organisation_id))
            ELSE '[]'::jsonb END,
       CASE WHEN status <> 'open' THEN found_on + 15 END,
       CASE WHEN status = 'closed' THEN found_on + 25 END,
       found_on::timestamptz, found_on::timestamptz
FROM h`;

async function login(base: string, username: string): Promise<string> {
  const res = await request(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: "Kuanyan@2026" }),
  });
  const setCookie = res.headers["set-cookie"];
  const body = await res.body.json();
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${JSON.stringify(body)}`);
  return (Array.isArray(setCookie) ? setCookie : [setCookie!]).map((c) => c.split(";")[0]).join("; ");
}

async function get(base: string, cookie: string, url: string): Promise<Record<string, unknown>> {
  const res = await request(`${base}${url}`, { headers: { cookie } });
  const json = (await res.body.json()) as Record<string, unknown>;
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${JSON.stringify(json).slice(0, 300)}`);
  return json;
}

async function timed(base: string, cookie: string, url: string) {
  let last: Record<string, unknown> = {};
  for (let i = 0; i < 3; i++) last = await get(base, cookie, url);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    last = await get(base, cookie, url);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => Math.round(times[Math.min(times.length - 1, Math.ceil(times.length * p) - 1)] * 10) / 10;
  return { p50Ms: q(0.5), p95Ms: q(0.95), maxMs: q(1), body: last };
}

async function main(): Promise<void> {
  const admin = new pg.Client({ connectionString: `${pgBase}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = `${pgBase}/${dbName}`;
  try {
    const server = await startServerProcess(["--demo"], { DATABASE_URL: url, KUANYAN_DATA_KEY: TEST_DATA_KEY }, 180_000);
    try {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const t0 = performance.now();
        await client.query(insertHazards, [today, year, HAZARDS]);
        await client.query("VACUUM ANALYZE hazards");
        const [{ n, orgs, overdue }] = (
          await client.query(
            `SELECT count(*)::int AS n, count(DISTINCT organisation_id)::int AS orgs,
                    count(*) FILTER (WHERE status = 'open' AND deadline < $1::date)::int AS overdue FROM hazards`,
            [today],
          )
        ).rows as { n: number; orgs: number; overdue: number }[];
        emit({ op: "load", hazards: n, organisations: orgs, overdue, seconds: Math.round((performance.now() - t0) / 100) / 10 });
      } finally {
        await client.end();
      }

      const cookie = await login(server.url, "demo-justice-city");
      const base = `/api/v1/hazards?year=${year}`;
      const cases: [string, string, boolean][] = [
        ["health (authenticated, baseline)", "/api/v1/health", false],
        ["auth/me (baseline)", "/api/v1/auth/me", false],
        ["ledger first page", `${base}&page=1`, true],
        ["ledger overdue", `${base}&overdue=true&page=1`, true],
        ["ledger q unit name", `${base}&q=${encodeURIComponent("基准测试企业1234有限")}&page=1`, true],
        ["ledger q credit code", `${base}&q=91350400000001234X&page=1`, true],
        ["ledger page 100", `${base}&page=100`, false],
        ["figures (beside the list)", `/api/v1/hazards/figures?year=${year}`, false],
      ];
      for (const [name, path, target] of cases) {
        const r = await timed(server.url, cookie, path);
        const total = typeof r.body.total === "number" ? r.body.total : undefined;
        const items = Array.isArray(r.body.items) ? r.body.items.length : undefined;
        emit({
          op: name,
          hazards: HAZARDS,
          runs: RUNS,
          total,
          items,
          p50Ms: r.p50Ms,
          p95Ms: r.p95Ms,
          maxMs: r.maxMs,
          ...(target ? { targetMs: TARGET_MS, ok: r.p95Ms <= TARGET_MS && (items ?? 0) > 0 } : {}),
        });
      }
    } finally {
      await server.stop();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
}

await main();
process.exit(0);
