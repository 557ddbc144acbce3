/** Use case: the computed 柔性执法统计报表 for a period and scope, with each organisation's numbers. */
import { statisticsColumnInfo, statisticsColumns, type StatisticsColumn } from "@kuanyan/domain/measures";
import { statisticsFormTitle, type Period } from "@kuanyan/domain/statistics";
import { today as todayOf } from "../shared/clock";
import { requireAuth } from "../access";
import type { AppContext, Auth } from "../http/context";
import { aggregateForm, type AggregateRow } from "./sql";
import { resolvePeriod, resolveScope, type PeriodQuery, type ResolvedScope, type ScopeQuery } from "./scope";

export type Values = Record<StatisticsColumn, number>;

export function zeroValues(): Values {
  const v = {} as Values;
  for (const c of statisticsColumns) v[c] = 0;
  return v;
}

export interface BreakdownRow {
  organisationId: string;
  name: string;
  regionCode: string;
  parentId: string | null;
  /** The organisation's own records. */
  own: Values;
  /** Own plus every subordinate in scope (each record counted once, at its own organisation). */
  total: Values;
}

export interface ComputedForm {
  title: string;
  period: Period;
  scope: { kind: ResolvedScope["kind"]; organisationId?: string; region?: string; label: string };
  reportingOrganisation: string;
  phone: string;
  reportedAt: string;
  columns: { column: StatisticsColumn; label: string; unit: string; value: number }[];
  values: Values;
  breakdown: BreakdownRow[];
}

/** Own values per organisation and tree totals within the scope (a parent outside the scope starts a new root). */
export function breakdown(scope: ResolvedScope, rows: readonly AggregateRow[]): BreakdownRow[] {
  const own = new Map<string, Values>();
  for (const o of scope.organisations) own.set(o.id, zeroValues());
  for (const r of rows) {
    const v = own.get(r.org);
    if (v) v[r.col] += Number(r.value);
  }
  const inScope = new Set(scope.organisationIds);
  const children = new Map<string, string[]>();
  for (const o of scope.organisations) {
    if (o.parentId && inScope.has(o.parentId)) children.set(o.parentId, [...(children.get(o.parentId) ?? []), o.id]);
  }
  const totals = new Map<string, Values>();
  const total = (id: string, seen: Set<string>): Values => {
    const done = totals.get(id);
    if (done) return done;
    seen.add(id);
    const t = { ...own.get(id)! };
    for (const child of children.get(id) ?? []) {
      if (seen.has(child)) continue;
      const ct = total(child, seen);
      for (const c of statisticsColumns) t[c] += ct[c];
    }
    totals.set(id, t);
    return t;
  };
  return scope.organisations.map((o) => ({
    organisationId: o.id,
    name: o.name,
    regionCode: o.regionCode,
    parentId: o.parentId && inScope.has(o.parentId) ? o.parentId : null,
    own: own.get(o.id)!,
    total: total(o.id, new Set()),
  }));
}

export function sumValues(rows: readonly AggregateRow[]): Values {
  const v = zeroValues();
  for (const r of rows) v[r.col] += Number(r.value);
  return v;
}

export async function getForm(ctx: AppContext, authIn: Auth | null, input: PeriodQuery & ScopeQuery): Promise<ComputedForm> {
  const auth = requireAuth(authIn);
  const today = todayOf(ctx);
  const period = resolvePeriod(input, today);
  const scope = await resolveScope(ctx.database, auth, input);
  const rows = await aggregateForm(ctx.database, scope.organisationIds, period);
  const values = sumValues(rows);
  return {
    title: statisticsFormTitle(period),
    period,
    scope: { kind: scope.kind, organisationId: scope.organisationId, region: scope.region, label: scope.label },
    reportingOrganisation: scope.label,
    phone: scope.phone,
    reportedAt: today,
    columns: statisticsColumnInfo.map((i) => ({ column: i.column, label: i.label, unit: i.unit, value: values[i.column] })),
    values,
    breakdown: breakdown(scope, rows),
  };
}
