// 统计报表 and 数据驾驶舱 API (packages/server/src/statistics/routes.ts).
import type { StatisticsColumn } from "@kuanyan/domain/measures";
import { API_BASE, request } from "./request";

export type PeriodKind = "month" | "half_year" | "year" | "custom";
export type ScopeKind = "organisation" | "subtree" | "region";
export type ReportKind = "monthly" | "half_year" | "annual";
export type Values = Record<StatisticsColumn, number>;

export interface FormQuery {
  period?: PeriodKind;
  year?: number;
  n?: number;
  from?: string;
  to?: string;
  scope?: ScopeKind;
  organisationId?: string;
  region?: string;
}

export interface ScopeInfo {
  kind: ScopeKind;
  organisationId?: string;
  region?: string;
  label: string;
}

export interface BreakdownRow {
  organisationId: string;
  name: string;
  regionCode: string;
  parentId: string | null;
  own: Values;
  total: Values;
}

export interface ComputedForm {
  title: string;
  period: { kind: PeriodKind; from: string; to: string };
  scope: ScopeInfo;
  reportingOrganisation: string;
  phone: string;
  reportedAt: string;
  columns: { column: StatisticsColumn; label: string; unit: string; value: number }[];
  values: Values;
  breakdown: BreakdownRow[];
}

/** The query of GET /statistics/records: a form cell or a dashboard data point. */
export type RecordsFilter = FormQuery & { column: string; matterCode?: string };

export interface RecordRow {
  kind: "decision" | "measure" | "correction" | "task";
  recordId: string;
  caseId: string | null;
  caseNo: string | null;
  partyName: string | null;
  matterCode: string | null;
  matterName: string | null;
  date: string;
  organisationId: string;
  organisationName: string;
  amount: number;
  category: string;
  writtenRecord: string | null;
  officer: string | null;
  dueDate?: string | null;
  doneOn?: string | null;
  relievedYuan?: number | null;
}

type Query = Record<string, string | number | boolean | undefined | null>;

export function getForm(query: FormQuery): Promise<ComputedForm> {
  return request<ComputedForm>("/statistics/form", { query: query as unknown as Query });
}

export function listRecords(filter: RecordsFilter, page: { limit: number; offset: number }): Promise<{ total: number; items: RecordRow[] }> {
  return request("/statistics/records", { query: { ...filter, ...page } as Query });
}

/** The download address of the form as .xlsx or PDF (the session cookie authorises it). */
export function exportUrl(format: "xlsx" | "pdf", query: FormQuery): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== "") params.set(k, String(v));
  return `${API_BASE}/statistics/form.${format}?${params.toString()}`;
}

export interface ReportSummary {
  id: string;
  organisationId: string;
  organisationName: string;
  kind: ReportKind;
  periodKey: string;
  period: { from: string; to: string };
  revision: number;
  submittedAt: string;
  submittedBy: string | null;
  reason: string | null;
  phone: string;
  values: Values;
  actionableExceptions: number;
}

export interface ReportPeriodInput {
  kind: ReportKind;
  year: number;
  n?: number;
  organisationId?: string;
  phone?: string;
}

export function submitReport(input: ReportPeriodInput): Promise<ReportSummary> {
  return request("/statistics/reports", { method: "POST", body: input, silent: true });
}

export function correctReport(input: ReportPeriodInput & { reason: string }): Promise<ReportSummary> {
  return request("/statistics/reports/corrections", { method: "POST", body: input, silent: true });
}

export async function listReports(query: { kind?: ReportKind; year?: number; n?: number; organisationId?: string }): Promise<ReportSummary[]> {
  return (await request<{ items: ReportSummary[] }>("/statistics/reports", { query })).items;
}

export type SubmissionStatus = "submitted" | "submitted_late" | "due" | "overdue";

export interface SubmissionBoard {
  kind: ReportKind;
  period: { from: string; to: string };
  dueDate: string;
  scope: ScopeInfo;
  rows: {
    organisationId: string;
    name?: string;
    dueDate: string;
    status: SubmissionStatus;
    firstSubmittedAt?: string;
    latestRevision?: number;
    latestReportId: string | null;
  }[];
  counts: { organisations: number; submitted: number; late: number; overdue: number };
  aggregated: Values;
}

export function getBoard(query: { kind: ReportKind; year: number; n?: number } & FormQuery): Promise<SubmissionBoard> {
  return request("/statistics/reports/board", { query: query as unknown as Query });
}

export interface DashboardPoint {
  filter: RecordsFilter;
}

export interface Dashboard {
  year: number;
  today: string;
  scope: ScopeInfo;
  totals: {
    values: Values;
    outcomes: number;
    methods: number;
    yoyOutcomes: number | null;
    yoyMethods: number | null;
    filters: Record<StatisticsColumn, RecordsFilter>;
  };
  months: {
    month: string;
    values: Values;
    outcomes: number;
    methods: number;
    previousOutcomes: number;
    previousMethods: number;
    yoyOutcomes: number | null;
    yoyMethods: number | null;
    filters: Record<StatisticsColumn, RecordsFilter>;
  }[];
  byOrganisation: (DashboardPoint & { organisationId: string; name: string; values: Values; outcomes: number; methods: number })[];
  byRegion: (DashboardPoint & { regionCode: string; name: string; values: Values; outcomes: number; methods: number })[];
  burden: DashboardPoint & { totalYuan: number; cases: number; withoutBenchmark: number };
  rectification: { due: number; verifiedOnTime: number; rate: number | null; dueFilter: RecordsFilter; onTimeFilter: RecordsFilter };
  overdue: { reinspection: number; followUp: number; reinspectionFilter: RecordsFilter; followUpFilter: RecordsFilter };
  topMatters: (DashboardPoint & { matterCode: string; matterName: string; count: number })[];
}

export function getDashboard(query: { year?: number } & FormQuery): Promise<Dashboard> {
  return request("/statistics/dashboard", { query: query as unknown as Query });
}
