/**
 * Statistics benchmark (`npx tsx bench/statistics.ts`): prints JSON lines only.
 *
 * PostgreSQL (a fresh database at KUANYAN_BENCH_PG_URL, default postgres://postgres@127.0.0.1:5432,
 * created and dropped here) with 1,000,000 generated cases (BENCH_PG_CASES to change):
 *   - the annual form for a city with all subordinates (三明市, region 3504) through the API use case,
 *     target ≤ 300 ms and ≤ 1.5× a hand-written single SQL aggregate measured in the same run;
 *   - the dashboard (≤ 500 ms) and the first page of a number's records.
 * PGlite (in memory) with 100,000 cases (BENCH_PGLITE_CASES): the same form, target ≤ 2 s.
 * BENCH_SKIP=pg or BENCH_SKIP=pglite skips one part.
 */
import pg from "pg";
import { sql } from "drizzle-orm";
import { openPglite, openPostgres, type Database } from "../packages/server/src/db/client";
import { prepareDatabase } from "../packages/server/src/bootstrap";
import { demoOrganisations } from "../packages/server/src/demo/organisations";
import { demoOrganisationsForCases, generateDemoCases } from "../packages/server/src/demo-data/generator";
import { getForm } from "../packages/server/src/statistics/getForm";
import { getDashboard } from "../packages/server/src/statistics/getDashboard";
import { listRecords } from "../packages/server/src/statistics/listRecords";
import { personMethods } from "../packages/server/src/statistics/sql";
import { loadConfig } from "../packages/server/src/config";
import type { AppContext, Auth } from "../packages/server/src/http/context";

const pgBase = process.env.KUANYAN_BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432";
const pgCases = Number(process.env.BENCH_PG_CASES ?? 1_000_000);
const pgliteCases = Number(process.env.BENCH_PGLITE_CASES ?? 100_000);
const skip = process.env.BENCH_SKIP ?? "";
const today = "2026-11-25";
const runs = Number(process.env.BENCH_RUNS ?? 9);

function emit(line: Record<string, unknown>): void {
  console.log(JSON.stringify({ bench: "statistics", ...line }));
}

async function median(fn: () => Promise<unknown>, n = runs): Promise<{ median: number; min: number; max: number }> {
  await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return { median: r(times[Math.floor(times.length / 2)]), min: r(times[0]), max: r(times[times.length - 1]) };
}

/** The demo organisations and one user each (no other module's demo data: only what the cases need). */
async function seedOrganisations(database: Database): Promise<Auth> {
  const ids = new Map<string, string>();
  for (const o of demoOrganisations) {
    const [row] = await database.query<{ id: string }>(
      `INSERT INTO organisations (name, short_name, region_code, domain, kind, parent_id, contact_person, contact_phone, is_demo)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, true) RETURNING id::text`,
      [o.name, o.shortName, o.regionCode, o.domain, o.kind, o.parent ? ids.get(o.parent) : null, o.contactPerson ?? null, o.contactPhone ?? null],
    );
    ids.set(o.name, row.id);
    await database.query(
      `INSERT INTO users (region_code, organisation_id, username, display_name, password_hash, roles, is_demo)
       VALUES ($1, $2, $3, $4, 'x', $5::text[], true)`,
      [o.regionCode, row.id, `bench-${o.shortName}`, `${o.shortName}执法人员`, o.kind === "justice_bureau" ? "{justiceSupervisor}" : "{officer}"],
    );
  }
  const orgId = ids.get("三明市司法局")!;
  const [user] = await database.query<{ id: string }>("SELECT id::text FROM users WHERE organisation_id = $1", [orgId]);
  return {
    userId: user.id,
    username: "bench",
    displayName: "陈文华（市司法局监督）",
    roles: ["justiceSupervisor"],
    organisationId: orgId,
    organisationName: "三明市司法局",
    regionCode: "350400",
    csrfToken: "",
    sessionTokenHash: "",
    ip: "127.0.0.1",
  };
}

const person = personMethods.map((m) => `'${m}'`).join(", ");
/** A hand-written single SQL aggregate of the annual form (same rules, no per-organisation grouping). */
const handSql = `
SELECT d.col, d.value
FROM (
  SELECT m.method AS col, CASE WHEN m.method IN (${person}) THEN sum(m.persons) ELSE count(*) END AS value
  FROM measures m
  WHERE m.organisation_id = ANY($1::uuid[]) AND m.carried_out_on BETWEEN $2::date AND $3::date AND NOT m.cancelled
    AND (m.document_id IS NOT NULL OR btrim(coalesce(m.written_record, '')) <> '')
    AND (m.method NOT IN (${person}) OR m.persons >= 1)
    AND NOT EXISTS (SELECT 1 FROM cases cx WHERE cx.id = m.case_id AND cx.status = 'cancelled')
  GROUP BY m.method
  UNION ALL
  SELECT CASE c.decided_outcome WHEN 'may_waive' THEN 'no_penalty' ELSE c.decided_outcome END, count(*)
  FROM cases c WHERE c.organisation_id = ANY($1::uuid[]) AND c.decided_on BETWEEN $2::date AND $3::date
    AND c.decided_outcome IN ('no_penalty', 'may_waive', 'mitigated', 'lighter', 'no_compulsion')
    AND c.status NOT IN ('cancelled', 'transferred') AND c.party_choice IS DISTINCT FROM 'ordinary_procedure' AND c.decided_by IS NOT NULL
  GROUP BY 1
) d`;

async function measure(database: Database, kind: "postgres" | "pglite", cases: number): Promise<void> {
  await prepareDatabase(database);
  const auth = await seedOrganisations(database);
  const organisations = await demoOrganisationsForCases((text) => database.query(text));
  const t0 = performance.now();
  await generateDemoCases(
    (text) => database.exec(text),
    { count: cases, from: "2025-01-01", to: today, tag: "B", organisations, batchSize: 50_000 },
    today,
  );
  // As a maintained database would be: statistics current and the visibility map set (index-only scans).
  await database.exec(kind === "postgres" ? "VACUUM ANALYZE" : "ANALYZE");
  const [{ m }] = await database.query<{ m: number }>("SELECT count(*)::int AS m FROM measures");
  emit({ db: kind, op: "generate", cases, measures: m, seconds: Math.round((performance.now() - t0) / 100) / 10 });

  const ctx: AppContext = {
    database,
    config: loadConfig({ KUANYAN_DEMO: "off", LOG_LEVEL: "silent" }),
    now: () => new Date(`${today}T10:00:00+08:00`),
  };
  const query = { period: "year" as const, year: 2026, scope: "region" as const, region: "3504" };
  const form = await getForm(ctx, auth, query);
  const counted = form.columns.reduce((s, c) => s + c.value, 0);
  const formTime = await median(() => getForm(ctx, auth, query));
  const ids = `{${form.breakdown.map((b) => b.organisationId).join(",")}}`;
  const sqlTime = await median(() => database.query(handSql, [ids, "2026-01-01", "2026-12-31"]));
  const [{ n: casesInScope }] = await database.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM cases WHERE organisation_id = ANY($1::uuid[]) AND decided_on BETWEEN '2026-01-01' AND '2026-12-31'",
    [ids],
  );
  emit({
    db: kind,
    op: "form_city_year",
    cases,
    casesInScope,
    countedTotal: counted,
    medianMs: formTime.median,
    minMs: formTime.min,
    maxMs: formTime.max,
    targetMs: kind === "postgres" ? 300 : 2000,
  });
  emit({ db: kind, op: "hand_sql_city_year", cases, medianMs: sqlTime.median, minMs: sqlTime.min, maxMs: sqlTime.max });
  emit({ db: kind, op: "form_vs_hand_sql", ratio: Math.round((formTime.median / sqlTime.median) * 100) / 100, targetRatio: 1.5 });
  const dash = await median(() => getDashboard(ctx, auth, { year: 2026, scope: "region", region: "3504" }), Math.min(runs, 5));
  emit({ db: kind, op: "dashboard_city_year", cases, medianMs: dash.median, minMs: dash.min, maxMs: dash.max, targetMs: 500 });
  const rec = await median(() => listRecords(ctx, auth, { ...query, column: "persuasion", limit: 50, offset: 0 }), Math.min(runs, 5));
  emit({ db: kind, op: "records_first_page", cases, medianMs: rec.median, minMs: rec.min, maxMs: rec.max });

  // What keeping the daily totals costs a write: one measure recorded, and one case's status changed
  // (which recounts its decision day and its measures' days), each in its own transaction, with the
  // statistics triggers on and — for comparison only — deferred.
  const [c] = await database.query<{ id: string; region_code: string; organisation_id: string; decided_on: string }>(
    `SELECT id::text, region_code, organisation_id::text, decided_on::text FROM cases
     WHERE organisation_id = ANY($1::uuid[]) AND status = 'closed' AND decided_on >= '2026-06-01' ORDER BY id LIMIT 1`,
    [ids],
  );
  let flip = false;
  const write = (deferred: boolean, what: "measure" | "case") =>
    database.db.transaction(async (tx) => {
      if (deferred) await tx.execute(sql.raw("SELECT set_config('kuanyan.defer_statistics', 'on', true)"));
      if (what === "measure") {
        await tx.execute(
          sql.raw(`INSERT INTO measures (region_code, organisation_id, case_id, method, carried_out_on, written_record)
            VALUES ('${c.region_code}', '${c.organisation_id}', '${c.id}', 'followUpVisit', '${c.decided_on}', '回访记录（基准测试）')`),
        );
      } else {
        flip = !flip;
        await tx.execute(sql.raw(`UPDATE cases SET status = '${flip ? "in_progress" : "closed"}' WHERE id = '${c.id}'`));
      }
    });
  for (const what of ["measure", "case"] as const) {
    const on = await median(() => write(false, what), 21);
    const off = await median(() => write(true, what), 21);
    emit({
      db: kind,
      op: what === "measure" ? "write_measure" : "write_case_status",
      cases,
      medianMs: on.median,
      minMs: on.min,
      maxMs: on.max,
      withoutTotalsMs: off.median,
    });
  }
}

async function main(): Promise<void> {
  if (skip !== "pg") {
    const name = `kuanyan_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: `${pgBase}/postgres` });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    let database: Database | undefined;
    try {
      database = await openPostgres(`${pgBase}/${name}`, { max: 8 });
      await measure(database, "postgres", pgCases);
    } finally {
      await database?.close();
      await new Promise((r) => setTimeout(r, 500)); // let the pool's connections finish closing
      await admin.query(`DROP DATABASE IF EXISTS ${name}`).catch(() => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      await admin.end();
    }
  }
  if (skip !== "pglite") {
    const database = await openPglite();
    try {
      await measure(database, "pglite", pgliteCases);
    } finally {
      await database.close();
    }
  }
}

main().catch((err: Error) => {
  console.error(err.message.slice(0, 2000));
  process.exit(1);
});
