/**
 * The counting rules of the 柔性执法统计报表 (docs/statistics.md §2) as SQL over the case tables, the
 * form read from the daily totals that the database keeps by the same rules (migration 0007, §10), and
 * the loader that feeds the same rows to the domain's computeForm. All must agree: statistics.db.test.ts
 * and totals.db.test.ts check it. How case columns map onto the counting inputs: docs/statistics-api.md.
 *
 * - decision columns: one row per case (`cases` keeps the final decision; a reopened case is re-decided
 *   in place, so it can never count twice); `may_waive` counts as 不予行政处罚; a case that is cancelled,
 *   transferred (status `transferred` or the party chose the ordinary procedure) is not counted; the
 *   written record of a decision is the decision confirmed by a named officer (`decided_by`).
 * - method columns: each measure not cancelled, of a case not cancelled, with its written record
 *   (`document_id`, or the `written_record` text); 人次 columns add `persons` (≥ 1); a document entered
 *   twice for the same method counts once (the first countable entry by date, then id, in any period).
 */
import { softMethods, columnUnit, statisticsColumns, type StatisticsColumn } from "@kuanyan/domain/measures";
import type { CaseStatus, CountingRecords, DecisionOutcome, DecisionRecord, MeasureRecord, Period } from "@kuanyan/domain/statistics";
import { sql } from "drizzle-orm";
import type { Database } from "../db/client";

export const personMethods = softMethods.filter((m) => columnUnit(m) === "人次");
const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(", ");
export const decisionOutcomesCounted = ["no_penalty", "may_waive", "mitigated", "lighter", "no_compulsion"] as const;

/** An array parameter as a PostgreSQL array literal (works on pg and PGlite alike). */
export function uuidArray(ids: readonly string[]): string {
  for (const id of ids) if (!/^[0-9a-f-]{36}$/i.test(id)) throw new Error(`invalid uuid ${id}`);
  return `{${ids.join(",")}}`;
}

/** The column of a case decision: 可以不予 confirmed counts as 不予行政处罚. */
export const decisionColumnSql = (c: string) => `CASE ${c}.decided_outcome WHEN 'may_waive' THEN 'no_penalty' ELSE ${c}.decided_outcome END`;

/** Cases counted in a decision column; $1 organisations, $2 from, $3 to. */
export const decisionCountedSql = (c: string) => `
  ${c}.organisation_id = ANY($1::uuid[]) AND ${c}.decided_on BETWEEN $2::date AND $3::date
  AND ${c}.decided_outcome IN (${list(decisionOutcomesCounted)})
  AND ${c}.status NOT IN ('cancelled', 'transferred')
  AND ${c}.party_choice IS DISTINCT FROM 'ordinary_procedure'
  AND ${c}.decided_by IS NOT NULL`;

/** A measure that may count, whatever its date and organisation (docs/statistics.md §2). */
export const measureCountableSql = (m: string) => `
  NOT ${m}.cancelled
  AND ${m}.method IN (${list(softMethods)})
  AND (${m}.document_id IS NOT NULL OR btrim(coalesce(${m}.written_record, '')) <> '')
  AND (${m}.method NOT IN (${list(personMethods)}) OR ${m}.persons >= 1)
  AND NOT EXISTS (SELECT 1 FROM cases cx WHERE cx.id = ${m}.case_id AND cx.status = 'cancelled')`;

/** Measures of the organisations $1 carried out from $2 to $3 that may count. */
const measureValidSql = (m: string) => `
  ${m}.organisation_id = ANY($1::uuid[]) AND ${m}.carried_out_on BETWEEN $2::date AND $3::date AND ${measureCountableSql(m)}`;

/**
 * A written record entered twice for the same method counts once: the first countable measure by date,
 * then id — across all periods and organisations, so a document counted last year is not counted again.
 */
export const firstOfWrittenRecordSql = (m: string) => `
  (${m}.document_id IS NULL OR NOT EXISTS (
    SELECT 1 FROM measures e
    WHERE e.document_id = ${m}.document_id AND e.method = ${m}.method
      AND (e.carried_out_on, e.id) < (${m}.carried_out_on, ${m}.id) AND ${measureCountableSql("e")}))`;

/** CTE `counted_measures` (id, organisation_id, method, persons, carried_out_on, case_id, document_id, written_record). */
export const countedMeasuresCte = `
counted_measures AS (
  SELECT m.id, m.organisation_id, m.method, m.persons, m.carried_out_on, m.case_id, m.document_id, m.written_record
  FROM measures m WHERE ${measureValidSql("m")} AND ${firstOfWrittenRecordSql("m")}
)`;

/**
 * Runs a heavy read-only aggregate: on PostgreSQL in a transaction with JIT off (its compile time
 * costs more than it saves here); parameters are passed as literals (only uuids, ISO dates, numbers
 * and JSON made by the server go through here).
 */
export async function queryAggregate<T>(database: Database, text: string, params: unknown[]): Promise<T[]> {
  if (database.kind !== "postgres") return database.query<T>(text, params);
  const literal = (v: unknown) => (v === null || v === undefined ? "NULL" : typeof v === "number" ? String(v) : `'${String(v).replace(/'/g, "''")}'`);
  const inlined = text.replace(/\$(\d+)/g, (_m, n: string) => literal(params[Number(n) - 1]));
  return database.db.transaction(async (tx) => {
    await tx.execute(sql.raw("SET LOCAL jit = off"));
    // The planner underestimates the partial covering index on measures (migration 0006) and picks a
    // bitmap heap scan of the wide rows; without bitmap scans it reads the index only (≈3× faster at 1M).
    await tx.execute(sql.raw("SET LOCAL enable_bitmapscan = off"));
    const result = await tx.execute(sql.raw(inlined));
    return ((result as { rows?: T[] }).rows ?? (result as unknown as T[])) as T[];
  });
}

export const measureAmountSql = (m: string) => `CASE WHEN ${m}.method IN (${list(personMethods)}) THEN ${m}.persons ELSE 1 END`;

export interface AggregateRow {
  org: string;
  col: StatisticsColumn;
  /** YYYY-MM, when grouped by month. */
  month?: string;
  value: number;
}

/** The 15 statistics columns as an SQL list. */
const formItems = list(statisticsColumns);

/**
 * The 15 numbers per organisation (and per month when asked), read from the daily totals that the
 * database keeps in step with every case and measure write (migration 0007). Sum the rows of the
 * organisations in scope for the form.
 */
export async function aggregateForm(
  database: Database,
  organisationIds: readonly string[],
  period: Period,
  options: { byMonth?: boolean } = {},
): Promise<AggregateRow[]> {
  if (organisationIds.length === 0) return [];
  const month = options.byMonth ? ", to_char(t.day, 'YYYY-MM')" : "";
  return database.query<AggregateRow>(
    `SELECT s.org::text AS org, s.col${options.byMonth ? ", s.month" : ""}, s.value FROM (
       SELECT t.organisation_id AS org, t.item AS col${month ? `${month} AS month` : ""}, sum(t.value)::int AS value
       FROM statistics_daily_totals t
       WHERE t.organisation_id = ANY($1::uuid[]) AND t.day BETWEEN $2::date AND $3::date AND t.item IN (${formItems})
       GROUP BY 1, 2${month ? ", 3" : ""}
     ) s`,
    [uuidArray(organisationIds), period.from, period.to],
  );
}

/**
 * The same numbers computed from the records themselves (what the daily totals must equal): used by
 * the tests, and by anyone who doubts a total.
 */
export async function aggregateFormFromRecords(database: Database, organisationIds: readonly string[], period: Period): Promise<AggregateRow[]> {
  if (organisationIds.length === 0) return [];
  return queryAggregate<AggregateRow>(
    database,
    `SELECT t.org::text AS org, t.col, t.value FROM (
     SELECT c.organisation_id AS org, ${decisionColumnSql("c")} AS col, count(*)::int AS value
     FROM cases c WHERE ${decisionCountedSql("c")} GROUP BY 1, 2
     UNION ALL
     SELECT m.organisation_id AS org, m.method AS col, sum(${measureAmountSql("m")})::int AS value
     FROM measures m WHERE ${measureValidSql("m")} AND ${firstOfWrittenRecordSql("m")} GROUP BY 1, 2
     ) t`,
    [uuidArray(organisationIds), period.from, period.to],
  );
}

function caseStatusOf(status: string, partyChoice: string | null): CaseStatus {
  if (status === "cancelled") return "cancelled";
  if (status === "transferred" || partyChoice === "ordinary_procedure") return "transferred_to_ordinary";
  if (status === "closed") return "closed";
  return "active";
}

function outcomeOf(outcome: string | null): DecisionOutcome {
  if (outcome === "may_waive") return "no_penalty";
  return outcome === "no_penalty" || outcome === "mitigated" || outcome === "lighter" || outcome === "no_compulsion" ? outcome : "other";
}

/**
 * The counting inputs of the domain's computeForm for organisations and a period: every case decided
 * in the period, every measure of the period in date order, the earlier measures that share a written
 * record with them (the first entry of a record is the one that counts), and the cases of all those
 * measures (for their status). Use for submitted snapshots (which keep the record lists) and to check
 * the SQL.
 */
export async function loadCountingRecords(database: Database, organisationIds: readonly string[], period: Period): Promise<CountingRecords> {
  if (organisationIds.length === 0) return { decisions: [], measures: [] };
  const params = [uuidArray(organisationIds), period.from, period.to];
  const measures = await database.query<{
    id: string;
    case_id: string | null;
    organisation_id: string;
    method: string;
    carried_out_on: string;
    persons: number;
    document_id: string | null;
    written_record: string | null;
    cancelled: boolean;
  }>(
    `WITH p AS (
       SELECT m.* FROM measures m
       WHERE m.organisation_id = ANY($1::uuid[]) AND m.carried_out_on BETWEEN $2::date AND $3::date
         AND m.method IN (${list(softMethods)})
     )
     SELECT m.id::text, m.case_id::text, m.organisation_id::text, m.method, m.carried_out_on::text, m.persons,
            m.document_id::text, m.written_record, m.cancelled
     FROM (
       SELECT * FROM p
       UNION
       SELECT e.* FROM measures e
       WHERE e.carried_out_on <= $3::date AND (e.document_id, e.method) IN (SELECT p.document_id, p.method FROM p WHERE p.document_id IS NOT NULL)
     ) m
     ORDER BY m.carried_out_on, m.id`,
    params,
  );
  const caseIds = [...new Set(measures.map((m) => m.case_id).filter((id): id is string => id !== null))];
  const cases = await database.query<{
    id: string;
    organisation_id: string;
    decided_outcome: string | null;
    decided_on: string | null;
    status: string;
    party_choice: string | null;
    reopen_count: number;
    decided_by: string | null;
  }>(
    `SELECT c.id::text, c.organisation_id::text, c.decided_outcome, c.decided_on::text, c.status, c.party_choice, c.reopen_count, c.decided_by::text
     FROM cases c
     WHERE (c.organisation_id = ANY($1::uuid[]) AND c.decided_on BETWEEN $2::date AND $3::date)
        OR c.id = ANY($4::uuid[])
     ORDER BY c.id`,
    [...params, uuidArray(caseIds)],
  );
  const decisions: DecisionRecord[] = cases.map((c) => ({
    caseId: c.id,
    organisationId: c.organisation_id,
    outcome: outcomeOf(c.decided_outcome),
    decidedOn: c.decided_on,
    caseStatus: caseStatusOf(c.status, c.party_choice),
    reopenCount: c.reopen_count,
    writtenRecordId: c.decided_by ? `decision:${c.id}` : null,
  }));
  const measureRecords: MeasureRecord[] = measures.map((m) => ({
    id: m.id,
    caseId: m.case_id,
    organisationId: m.organisation_id,
    method: m.method as MeasureRecord["method"],
    carriedOutOn: m.carried_out_on,
    persons: m.persons,
    writtenRecordId: m.document_id ? `document:${m.document_id}` : (m.written_record ?? "").trim() !== "" ? `measure:${m.id}` : null,
    cancelled: m.cancelled,
  }));
  return { decisions, measures: measureRecords };
}
