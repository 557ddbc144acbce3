/**
 * Use case: the records behind a number — the cases or measures a form cell, or a dashboard data point,
 * counts, each with its written record. The filters are the SQL of the counting rules (sql.ts), so the
 * list and the number always agree.
 */
import type { z } from "zod";
import { recordKinds, ZRecordsQuery, type ZRecordRow } from "@kuanyan/contract/statistics";
import { isSoftMethod, statisticsColumns } from "@kuanyan/domain/measures";
import { requireAuth } from "../access";
import type { AppContext, Auth } from "../http/context";
import { today as todayOf } from "../shared/clock";
import { resolvePeriod, resolveScope } from "./scope";
import { countedMeasuresCte, decisionColumnSql, decisionCountedSql, measureAmountSql, queryAggregate, uuidArray } from "./sql";

export { recordKinds, ZRecordsQuery };
export type RecordKind = (typeof recordKinds)[number];

export type RecordsQuery = z.infer<typeof ZRecordsQuery>;

/** A record behind a number, as the API shows it (the contract's ZRecordRow). */
export type RecordRow = z.infer<typeof ZRecordRow>;

const caseCols = `c.id::text AS case_id, c.case_no, c.party_name, c.matter_code, c.matter_name, o.id::text AS organisation_id, o.name AS organisation_name`;

/**
 * One kind of record behind a number, in two steps so that a page of 50 out of 100,000 joins the
 * details of 50 rows only: `keys` selects the records counted (`k` the id, `d` the date that orders
 * them) from the base table alone; `details` reads the page `p` (k, d, total) and joins what is shown.
 */
interface RecordQuery {
  with?: string;
  keys: string;
  details: string;
}

function decisionDetails(extra = "NULL::numeric AS relieved_yuan"): string {
  return `SELECT 'decision' AS kind, c.id::text AS record_id, ${caseCols}, c.decided_on::text AS date, 1 AS amount,
      ${decisionColumnSql("c")} AS category,
      '处理决定：' || c.matter_name || '（' || to_char(c.decided_on, 'YYYY"年"FMMM"月"FMDD"日"') || '经' || coalesce(u.display_name, '执法人员') || '确认）'
        || coalesce('；文书：' || (SELECT string_agg(dd.number, '、' ORDER BY dd.number) FROM documents dd WHERE dd.case_id = c.id), '') AS written_record,
      u.display_name AS officer, c.correction_due::text AS due_date, c.corrected_on::text AS done_on, ${extra}, p.total
    FROM p JOIN cases c ON c.id = p.k JOIN organisations o ON o.id = c.organisation_id LEFT JOIN users u ON u.id = c.decided_by`;
}

const decisionQuery = (where: string, extra?: string): RecordQuery => ({
  keys: `SELECT c.id AS k, c.decided_on AS d FROM cases c WHERE ${where}`,
  details: decisionDetails(extra),
});

export async function listRecords(ctx: AppContext, authIn: Auth | null, input: RecordsQuery): Promise<{ total: number; items: RecordRow[] }> {
  const auth = requireAuth(authIn);
  const today = todayOf(ctx);
  const period = resolvePeriod(input, today);
  const scope = await resolveScope(ctx.database, auth, input);
  const params: unknown[] = [uuidArray(scope.organisationIds), period.from, period.to];
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const matter = input.matterCode ? ` AND c.matter_code = ${add(input.matterCode)}` : "";
  const column = input.column;
  let q: RecordQuery;
  if (isSoftMethod(column) || column === "measures") {
    const matterOfCase = input.matterCode ? ` AND EXISTS (SELECT 1 FROM cases c WHERE c.id = m.case_id${matter})` : "";
    q = {
      with: countedMeasuresCte,
      keys: `SELECT m.id AS k, m.carried_out_on AS d FROM counted_measures m
        WHERE ${column === "measures" ? "true" : `m.method = ${add(column)}`}${matterOfCase}`,
      details: `SELECT 'measure' AS kind, m.id::text AS record_id, c.id::text AS case_id, c.case_no, c.party_name, c.matter_code, c.matter_name,
        o.id::text AS organisation_id, o.name AS organisation_name, m.carried_out_on::text AS date, ${measureAmountSql("m")} AS amount,
        m.method AS category,
        coalesce(d.number || '（' || d.type || '）', m.written_record) AS written_record,
        u.display_name AS officer, NULL AS due_date, NULL AS done_on, NULL::numeric AS relieved_yuan, p.total
      FROM p JOIN measures m ON m.id = p.k JOIN organisations o ON o.id = m.organisation_id
      LEFT JOIN cases c ON c.id = m.case_id LEFT JOIN documents d ON d.id = m.document_id
      LEFT JOIN users u ON u.id = c.created_by`,
    };
  } else if ((statisticsColumns as readonly string[]).includes(column)) {
    q = decisionQuery(`${decisionCountedSql("c")} AND ${decisionColumnSql("c")} = ${add(column)}${matter}`);
  } else if (column === "decisions") {
    q = decisionQuery(`${decisionCountedSql("c")}${matter}`);
  } else if (column === "burden") {
    // The benchmark fine was fixed on the case when it was decided; a case without one shows no amount.
    q = decisionQuery(
      `${decisionCountedSql("c")} AND c.decided_outcome IN ('no_penalty', 'may_waive', 'mitigated', 'lighter')${matter}`,
      `greatest(0, c.benchmark_fine_yuan - coalesce(c.fine_yuan, 0)) AS relieved_yuan`,
    );
  } else if (column === "rectification_due" || column === "rectification_on_time") {
    const onTime = column === "rectification_on_time" ? " AND c.corrected_on IS NOT NULL AND c.corrected_on <= c.correction_due" : "";
    q = {
      keys: `SELECT c.id AS k, c.correction_due AS d FROM cases c
        WHERE c.organisation_id = ANY($1::uuid[]) AND c.correction_due BETWEEN $2::date AND $3::date
          AND c.correction_due <= ${add(today)}::date AND c.status <> 'cancelled'${onTime}${matter}`,
      details: `SELECT 'correction' AS kind, c.id::text AS record_id, ${caseCols}, c.correction_due::text AS date, 1 AS amount,
        c.status AS category,
        '责令限期改正，期限至' || to_char(c.correction_due, 'YYYY"年"FMMM"月"FMDD"日"')
          || CASE WHEN c.corrected_on IS NULL THEN '；尚未经复查确认整改' ELSE '；经复查' || to_char(c.corrected_on, 'YYYY"年"FMMM"月"FMDD"日"') || '完成整改' END AS written_record,
        u.display_name AS officer, c.correction_due::text AS due_date, c.corrected_on::text AS done_on, NULL::numeric AS relieved_yuan, p.total
      FROM p JOIN cases c ON c.id = p.k JOIN organisations o ON o.id = c.organisation_id LEFT JOIN users u ON u.id = c.created_by`,
    };
  } else {
    const kind = column === "overdue_reinspection" ? "reinspection" : "follow_up";
    q = {
      keys: `SELECT t.id AS k, t.due_on AS d FROM case_tasks t JOIN cases c ON c.id = t.case_id
        WHERE t.organisation_id = ANY($1::uuid[]) AND t.due_on BETWEEN $2::date AND $3::date AND t.kind = ${add(kind)}
          AND t.done_on IS NULL AND t.due_on < ${add(today)}::date AND c.status NOT IN ('cancelled', 'transferred')${matter}`,
      details: `SELECT 'task' AS kind, t.id::text AS record_id, ${caseCols}, t.due_on::text AS date, 1 AS amount, t.kind AS category,
        CASE t.kind WHEN 'reinspection' THEN '复查' ELSE '回访' END || '期限' || to_char(t.due_on, 'YYYY"年"FMMM"月"FMDD"日"') || '，已逾期未完成' AS written_record,
        u.display_name AS officer, t.due_on::text AS due_date, t.done_on::text AS done_on, NULL::numeric AS relieved_yuan, p.total
      FROM p JOIN case_tasks t ON t.id = p.k JOIN cases c ON c.id = t.case_id JOIN organisations o ON o.id = t.organisation_id
      LEFT JOIN users u ON u.id = c.created_by`,
    };
  }
  const countParams = params.length;
  const limit = add(input.limit);
  const offset = add(input.offset);
  const ctes = `WITH ${q.with ? `${q.with},` : ""} keyed AS (${q.keys})`;
  const rows = await queryAggregate<Record<string, unknown>>(
    ctx.database,
    `${ctes},
     p AS (SELECT keyed.k, keyed.d, count(*) OVER ()::int AS total FROM keyed ORDER BY keyed.d, keyed.k LIMIT ${limit} OFFSET ${offset})
     ${q.details}
     ORDER BY p.d, p.k`,
    params,
  );
  if (rows.length === 0 && input.offset > 0) {
    const [{ n }] = await ctx.database.query<{ n: number }>(`${ctes} SELECT count(*)::int AS n FROM keyed`, params.slice(0, countParams));
    return { total: n, items: [] };
  }
  return {
    total: rows.length ? Number(rows[0].total) : 0,
    items: rows.map((r) => ({
      kind: r.kind as RecordRow["kind"],
      recordId: String(r.record_id),
      caseId: (r.case_id as string | null) ?? null,
      caseNo: (r.case_no as string | null) ?? null,
      partyName: (r.party_name as string | null) ?? null,
      matterCode: (r.matter_code as string | null) ?? null,
      matterName: (r.matter_name as string | null) ?? null,
      date: String(r.date),
      organisationId: String(r.organisation_id),
      organisationName: String(r.organisation_name),
      amount: Number(r.amount),
      category: String(r.category),
      writtenRecord: (r.written_record as string | null) ?? null,
      officer: (r.officer as string | null) ?? null,
      dueDate: (r.due_date as string | null) ?? null,
      doneOn: (r.done_on as string | null) ?? null,
      relievedYuan: r.relieved_yuan === null || r.relieved_yuan === undefined ? null : Number(r.relieved_yuan),
    })),
  };
}
