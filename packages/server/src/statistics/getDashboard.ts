/**
 * Use case: the 数据驾驶舱 — outcomes and methods per month with year-on-year change, by department and
 * by region, the economic burden relieved, the rectification rate (整改率), overdue deadlines and
 * follow-ups, the most frequent matters. Every data point carries `filter`: the query of
 * GET /api/v1/statistics/records that lists its records.
 */
import type { z } from "zod";
import { ZDashboardQuery } from "@kuanyan/contract/statistics";
import { decisionColumns, softMethods, statisticsColumns, type StatisticsColumn } from "@kuanyan/domain/measures";
import { periodRange } from "@kuanyan/domain/statistics";
import { requireAuth } from "../access";
import type { AppContext, Auth } from "../http/context";
import { breakdown, sumValues, type Values } from "./getForm";
import { today as todayOf } from "../shared/clock";
import type { RecordKind } from "./listRecords";
import { resolveScope, type ResolvedScope } from "./scope";
import { aggregateForm, uuidArray } from "./sql";

export { ZDashboardQuery };

/** The query that lists a data point's records (GET /api/v1/statistics/records). */
export interface RecordsFilter {
  column: RecordKind;
  period: "custom";
  from: string;
  to: string;
  scope: ResolvedScope["kind"];
  organisationId?: string;
  region?: string;
  matterCode?: string;
}

const outcomesOf = (v: Values) => decisionColumns.reduce((s, c) => s + v[c], 0);
const methodsOf = (v: Values) => softMethods.reduce((s, c) => s + v[c], 0);
/** Year-on-year change in per cent (one decimal); null when last year had none. */
export const yoy = (now: number, before: number) => (before === 0 ? null : Math.round(((now - before) / before) * 1000) / 10);

function lastDay(year: number, month: number): string {
  return periodRange("month", year, month).to;
}

export async function getDashboard(ctx: AppContext, authIn: Auth | null, input: z.infer<typeof ZDashboardQuery>) {
  const auth = requireAuth(authIn);
  const today = todayOf(ctx);
  const year = input.year ?? Number(today.slice(0, 4));
  const scope = await resolveScope(ctx.database, auth, input);
  const period = periodRange("year", year);
  const base = {
    scope: scope.kind,
    ...(scope.organisationId ? { organisationId: scope.organisationId } : {}),
    ...(scope.region ? { region: scope.region } : {}),
  };
  const filter = (column: RecordKind, from = period.from, to = period.to, extra: Partial<RecordsFilter> = {}): RecordsFilter => ({
    column,
    period: "custom",
    from,
    to,
    ...base,
    ...extra,
  });
  const orgs = uuidArray(scope.organisationIds);
  const db = ctx.database;

  const [monthlyRows, indicatorRows, overdueRows, matterRows] = await Promise.all([
    aggregateForm(db, scope.organisationIds, { kind: "custom", from: `${year - 1}-01-01`, to: period.to }, { byMonth: true }),
    // 减轻当事人经济负担 by decision date and 整改 by correction deadline (up to today), from the daily totals.
    db.query<{ item: string; value: string }>(
      `SELECT t.item, sum(t.value)::text AS value FROM statistics_daily_totals t
       WHERE t.organisation_id = ANY($1::uuid[]) AND t.item IN ('burden_yuan', 'burden_cases', 'burden_without')
         AND t.day BETWEEN $2::date AND $3::date
       GROUP BY t.item
       UNION ALL
       SELECT t.item, sum(t.value)::text FROM statistics_daily_totals t
       WHERE t.organisation_id = ANY($1::uuid[]) AND t.item IN ('rectification_due', 'rectification_on_time')
         AND t.day BETWEEN $2::date AND least($3::date, $4::date)
       GROUP BY t.item`,
      [orgs, period.from, period.to, today],
    ),
    // 复查 / 回访 still open after their due day (before today).
    db.query<{ kind: string; n: number }>(
      `SELECT substr(t.item, 6) AS kind, sum(t.value)::int AS n FROM statistics_daily_totals t
       WHERE t.organisation_id = ANY($1::uuid[]) AND t.item IN ('open_reinspection', 'open_follow_up')
         AND t.day BETWEEN $2::date AND $3::date AND t.day < $4::date
       GROUP BY t.item`,
      [orgs, period.from, period.to, today],
    ),
    db.query<{ matter_code: string; matter_name: string | null; n: number }>(
      `SELECT x.matter_code, (SELECT c.matter_name FROM cases c WHERE c.matter_code = x.matter_code LIMIT 1) AS matter_name, x.n
       FROM (
         SELECT substr(t.item, 8) AS matter_code, sum(t.value)::int AS n FROM statistics_daily_totals t
         WHERE t.organisation_id = ANY($1::uuid[]) AND t.item LIKE 'matter:%' AND t.day BETWEEN $2::date AND $3::date
         GROUP BY t.item ORDER BY n DESC, t.item LIMIT 10
       ) x ORDER BY x.n DESC, x.matter_code`,
      [orgs, period.from, period.to],
    ),
  ]);

  const thisYear = monthlyRows.filter((r) => r.month!.startsWith(String(year)));
  const months = Array.from({ length: 12 }, (_, i) => {
    const m = i + 1;
    const key = `${year}-${String(m).padStart(2, "0")}`;
    const prevKey = `${year - 1}-${String(m).padStart(2, "0")}`;
    const values = sumValues(monthlyRows.filter((r) => r.month === key));
    const previous = sumValues(monthlyRows.filter((r) => r.month === prevKey));
    const from = `${key}-01`;
    const to = lastDay(year, m);
    return {
      month: key,
      values,
      outcomes: outcomesOf(values),
      methods: methodsOf(values),
      previousOutcomes: outcomesOf(previous),
      previousMethods: methodsOf(previous),
      yoyOutcomes: yoy(outcomesOf(values), outcomesOf(previous)),
      yoyMethods: yoy(methodsOf(values), methodsOf(previous)),
      filters: Object.fromEntries(statisticsColumns.map((c) => [c, filter(c, from, to)])) as Record<StatisticsColumn, RecordsFilter>,
    };
  });
  const totals = sumValues(thisYear);
  const lastYear = sumValues(monthlyRows.filter((r) => r.month!.startsWith(String(year - 1))));

  const byOrg = breakdown(scope, thisYear)
    .map((b) => ({
      organisationId: b.organisationId,
      name: b.name,
      regionCode: b.regionCode,
      values: b.own,
      outcomes: outcomesOf(b.own),
      methods: methodsOf(b.own),
      filter: filter("decisions", period.from, period.to, { scope: "organisation", organisationId: b.organisationId, region: undefined }),
    }))
    .filter((b) => b.outcomes + b.methods > 0)
    .sort((a, b) => b.outcomes + b.methods - (a.outcomes + a.methods));

  const regionCodes = [...new Set(scope.organisations.map((o) => o.regionCode.slice(0, 6)))];
  const names = new Map(
    (
      await db.query<{ code: string; name: string }>("SELECT code, name FROM regions WHERE code = ANY($1::text[])", [`{${regionCodes.join(",")}}`])
    ).map((r) => [r.code, r.name]),
  );
  const byRegion = regionCodes
    .map((code) => {
      const ids = new Set(scope.organisations.filter((o) => o.regionCode.startsWith(code)).map((o) => o.id));
      const values = sumValues(thisYear.filter((r) => ids.has(r.org)));
      return {
        regionCode: code,
        name: names.get(code) ?? code,
        values,
        outcomes: outcomesOf(values),
        methods: methodsOf(values),
        filter: filter("decisions", period.from, period.to, { scope: "region", region: code, organisationId: undefined }),
      };
    })
    .filter((r) => r.outcomes + r.methods > 0);

  const indicator = new Map(indicatorRows.map((r) => [r.item, Number(r.value)]));
  const rect = { due: indicator.get("rectification_due") ?? 0, on_time: indicator.get("rectification_on_time") ?? 0 };
  const burden = {
    total: indicator.get("burden_yuan") ?? 0,
    cases: indicator.get("burden_cases") ?? 0,
    without: indicator.get("burden_without") ?? 0,
  };
  const overdue = new Map(overdueRows.map((r) => [r.kind, r.n]));
  return {
    year,
    today,
    scope: { kind: scope.kind, organisationId: scope.organisationId, region: scope.region, label: scope.label },
    totals: {
      values: totals,
      outcomes: outcomesOf(totals),
      methods: methodsOf(totals),
      yoyOutcomes: yoy(outcomesOf(totals), outcomesOf(lastYear)),
      yoyMethods: yoy(methodsOf(totals), methodsOf(lastYear)),
      filters: Object.fromEntries(statisticsColumns.map((c) => [c, filter(c)])) as Record<StatisticsColumn, RecordsFilter>,
    },
    months,
    byOrganisation: byOrg,
    byRegion,
    burden: {
      /** 减轻当事人经济负担 (yuan): Σ max(0, benchmark fine − fine imposed) over lenient decisions. */
      totalYuan: Math.round(burden.total * 100) / 100,
      cases: burden.cases,
      withoutBenchmark: burden.without,
      filter: filter("burden"),
    },
    rectification: {
      due: rect.due,
      verifiedOnTime: rect.on_time,
      rate: rect.due === 0 ? null : rect.on_time / rect.due,
      dueFilter: filter("rectification_due"),
      onTimeFilter: filter("rectification_on_time"),
    },
    overdue: {
      reinspection: overdue.get("reinspection") ?? 0,
      followUp: overdue.get("follow_up") ?? 0,
      reinspectionFilter: filter("overdue_reinspection"),
      followUpFilter: filter("overdue_follow_up"),
    },
    topMatters: matterRows.map((m) => ({
      matterCode: m.matter_code,
      matterName: m.matter_name ?? m.matter_code,
      count: m.n,
      filter: filter("decisions", period.from, period.to, { matterCode: m.matter_code }),
    })),
  };
}
