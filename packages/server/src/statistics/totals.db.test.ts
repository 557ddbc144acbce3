/**
 * The daily totals behind the form and the dashboard (migration 0007) stay equal to a recount from the
 * records after every kind of write — by any writer, since the database triggers keep them — and the
 * form read from them equals the form counted from the records (docs/statistics.md §10).
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statisticsColumns } from "@kuanyan/domain/measures";
import { customPeriod } from "@kuanyan/domain/statistics";
import { testApp, type TestApp } from "../testing/app";
import { aggregateForm, aggregateFormFromRecords, type AggregateRow } from "./sql";
import { allOrganisations } from "./scope";
import { storedAndRecounted } from "./totals.test-support";

let t: TestApp;
let regionIds: (prefix: string) => string[];
let orgId: (name: string) => string;

beforeAll(async () => {
  t = await testApp();
  const orgs = await allOrganisations(t.database);
  orgId = (name) => orgs.find((o) => o.name === name)!.id;
  regionIds = (prefix) => orgs.filter((o) => o.regionCode.startsWith(prefix)).map((o) => o.id);
});
afterAll(async () => t?.close());

const byColumn = (rows: readonly AggregateRow[]) => {
  const v: Record<string, number> = Object.fromEntries(statisticsColumns.map((c) => [c, 0]));
  for (const r of rows) v[r.col] += Number(r.value);
  return v;
};

/** The totals equal the recount, and the form read from them equals the form counted from the records. */
async function expectInStep(step: string): Promise<void> {
  const { stored, recounted } = await storedAndRecounted(t.database);
  expect(stored.length, step).toBeGreaterThan(0);
  expect(stored, step).toEqual(recounted);
  const period = customPeriod("2025-01-01", "2026-12-31");
  const ids = regionIds("35");
  expect(byColumn(await aggregateForm(t.database, ids, period)), step).toEqual(byColumn(await aggregateFormFromRecords(t.database, ids, period)));
}

async function one<T>(text: string, params: unknown[] = []): Promise<T> {
  const [row] = await t.database.query<T>(text, params);
  return row;
}

async function cellOf(organisationId: string, day: string, item: string): Promise<number> {
  const row = await one<{ v: string | null }>(
    "SELECT sum(value)::text AS v FROM statistics_daily_totals WHERE organisation_id = $1 AND day = $2::date AND item = $3",
    [organisationId, day, item],
  );
  return Number(row.v ?? 0);
}

describe("统计日累计表：随每次写入同步更新", () => {
  it("the demo data (use cases and the generator) leaves the totals equal to a recount", async () => {
    await expectInStep("demo");
  });

  it("stays equal to a recount after measures are added, moved, cancelled and deleted, cases re-decided, cancelled, transferred and restored, and tasks scheduled and done", async () => {
    const org = orgId("明溪县应急管理局");
    const c = await one<{ id: string; region_code: string; decided_on: string; decided_outcome: string }>(
      `SELECT id::text, region_code, decided_on::text, decided_outcome FROM cases
       WHERE organisation_id = $1 AND decided_outcome = 'no_penalty' AND status = 'closed' AND decided_by IS NOT NULL
       ORDER BY decided_on DESC LIMIT 1`,
      [org],
    );
    const day = c.decided_on;
    const before = await cellOf(org, day, "no_penalty");
    expect(before).toBeGreaterThan(0);

    // A measure with a text record counts at once.
    const persuasionBefore = await cellOf(org, day, "persuasion");
    const m1 = await one<{ id: string }>(
      `INSERT INTO measures (region_code, organisation_id, case_id, method, carried_out_on, written_record)
       VALUES ($1, $2, $3, 'persuasion', $4::date, '对当事人开展说服教育，制作笔录') RETURNING id::text`,
      [c.region_code, org, c.id, day],
    );
    expect(await cellOf(org, day, "persuasion")).toBe(persuasionBefore + 1);
    await expectInStep("measure added");

    // The same document entered twice for one method: only the earlier entry counts.
    const doc = "5f0c1b52-9d0e-4c55-8a5e-2f9e3d1c7a01";
    const later = await one<{ id: string }>(
      `INSERT INTO measures (region_code, organisation_id, case_id, method, carried_out_on, document_id)
       VALUES ($1, $2, $3, 'administrativeWarning', $4::date + 2, $5) RETURNING id::text`,
      [c.region_code, org, c.id, day, doc],
    );
    const laterDay = (await one<{ d: string }>("SELECT carried_out_on::text AS d FROM measures WHERE id = $1", [later.id])).d;
    const warningsLater = await cellOf(org, laterDay, "administrativeWarning");
    await t.database.query(
      `INSERT INTO measures (region_code, organisation_id, case_id, method, carried_out_on, document_id)
       VALUES ($1, $2, $3, 'administrativeWarning', $4::date, $5)`,
      [c.region_code, org, c.id, day, doc],
    );
    expect(await cellOf(org, laterDay, "administrativeWarning")).toBe(warningsLater - 1);
    await expectInStep("duplicate document");

    // Moved to another day and to another organisation.
    const other = orgId("明溪县市场监督管理局");
    await t.database.query("UPDATE measures SET carried_out_on = carried_out_on - 20, organisation_id = $2 WHERE id = $1", [m1.id, other]);
    expect(await cellOf(org, day, "persuasion")).toBe(persuasionBefore);
    await expectInStep("measure moved");

    // Cancelled, then deleted.
    await t.database.query("UPDATE measures SET cancelled = true WHERE id = $1", [m1.id]);
    await expectInStep("measure cancelled");
    await t.database.query("DELETE FROM measures WHERE id = $1", [later.id]);
    await expectInStep("measure deleted");

    // The case re-decided on another day with another outcome, a fine and a benchmark.
    await t.database.query(
      `UPDATE cases SET decided_outcome = 'mitigated', decided_on = decided_on + 1, fine_yuan = 2000, benchmark_fine_yuan = 25000,
         reopen_count = reopen_count + 1 WHERE id = $1`,
      [c.id],
    );
    expect(await cellOf(org, day, "no_penalty")).toBe(before - 1);
    await expectInStep("re-decided");

    // A correction deadline met, then the case cancelled (void) and restored.
    await t.database.query("UPDATE cases SET correction_due = decided_on + 10, corrected_on = decided_on + 9 WHERE id = $1", [c.id]);
    await expectInStep("correction");
    await t.database.query("UPDATE cases SET status = 'cancelled' WHERE id = $1", [c.id]);
    await expectInStep("case cancelled");
    await t.database.query("UPDATE cases SET status = 'closed' WHERE id = $1", [c.id]);
    await expectInStep("case restored");

    // 复查 / 回访 tasks: open, done, and open again when the case leaves the soft route and comes back.
    const task = await one<{ id: string }>(
      `INSERT INTO case_tasks (region_code, organisation_id, case_id, kind, due_on) VALUES ($1, $2, $3, 'follow_up', $4::date + 30)
       RETURNING id::text`,
      [c.region_code, org, c.id, day],
    );
    await expectInStep("task scheduled");
    await t.database.query("UPDATE cases SET status = 'transferred' WHERE id = $1", [c.id]);
    await expectInStep("case transferred");
    await t.database.query("UPDATE cases SET status = 'closed' WHERE id = $1", [c.id]);
    await t.database.query("UPDATE case_tasks SET done_on = due_on WHERE id = $1", [task.id]);
    await expectInStep("task done");
    await t.database.query("UPDATE cases SET matter_code = 'YJ-AQSCF-099-01' WHERE id = $1", [c.id]);
    await expectInStep("matter changed");

    // An edit that the totals do not read changes nothing and costs no recount.
    const rows = (await storedAndRecounted(t.database)).stored;
    await t.database.query("UPDATE cases SET facts = facts || '（补充）' WHERE id = $1", [c.id]);
    expect((await storedAndRecounted(t.database)).stored).toEqual(rows);
  });

  it("concurrent writers of one organisation and day lose no count", async () => {
    const org = orgId("明溪县交通运输局");
    const c = await one<{ id: string; region_code: string }>(
      "SELECT id::text, region_code FROM cases WHERE organisation_id = $1 AND status = 'closed' LIMIT 1",
      [org],
    );
    const day = "2026-06-15";
    const before = await cellOf(org, day, "followUpVisit");
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.database.db.transaction(async (tx) => {
          await tx.execute(
            sql.raw(`INSERT INTO measures (region_code, organisation_id, case_id, method, carried_out_on, written_record)
             VALUES ('${c.region_code}', '${org}', '${c.id}', 'followUpVisit', '${day}', '回访记录 ${i + 1}')`),
          );
          // Hold the transaction open a moment so that the others overlap it.
          await tx.execute(sql.raw("SELECT pg_sleep(0.01)"));
        }),
      ),
    );
    expect(await cellOf(org, day, "followUpVisit")).toBe(before + 12);
    await expectInStep("concurrent");
  });
});
