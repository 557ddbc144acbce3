// 统计报表 and 数据驾驶舱 API (packages/server/src/statistics/routes.ts). Types from the contract.
import type { z } from "zod";
import type {
  ZBoardQuery,
  ZBreakdownRow,
  ZComputedForm,
  ZCorrectReport,
  ZDashboard,
  ZDashboardQuery,
  ZFormQuery,
  ZPeriodKind,
  ZRecordRow,
  ZRecordsFilter,
  ZRecordsPage,
  ZRecordsQuery,
  ZReportKind,
  ZReportList,
  ZReportSummary,
  ZReportsQuery,
  ZScopeInfo,
  ZScopeKind,
  ZSubmissionBoard,
  ZSubmissionStatus,
  ZSubmitReport,
  ZValues,
} from "@kuanyan/contract/statistics";
import { API_BASE, request } from "./request";

export type PeriodKind = z.infer<typeof ZPeriodKind>;
export type ScopeKind = z.infer<typeof ZScopeKind>;
export type ReportKind = z.infer<typeof ZReportKind>;
export type Values = z.infer<typeof ZValues>;
/** The query of the form (what the user sends: every field optional). */
export type FormQuery = z.input<typeof ZFormQuery>;
export type ScopeInfo = z.infer<typeof ZScopeInfo>;
export type BreakdownRow = z.infer<typeof ZBreakdownRow>;
export type ComputedForm = z.infer<typeof ZComputedForm>;
/** The query of GET /statistics/records without the page: a form cell or a dashboard data point. */
export type RecordsFilter = Omit<z.input<typeof ZRecordsQuery>, "limit" | "offset"> | z.infer<typeof ZRecordsFilter>;
export type RecordRow = z.infer<typeof ZRecordRow>;
export type ReportSummary = z.infer<typeof ZReportSummary>;
export type SubmissionStatus = z.infer<typeof ZSubmissionStatus>;
export type SubmissionBoard = z.infer<typeof ZSubmissionBoard>;
export type Dashboard = z.infer<typeof ZDashboard>;

type Query = Record<string, string | number | boolean | undefined | null>;

export function getForm(query: FormQuery): Promise<ComputedForm> {
  return request<ComputedForm>("/statistics/form", { query: query as Query });
}

export function listRecords(filter: RecordsFilter, page: { limit: number; offset: number }): Promise<z.infer<typeof ZRecordsPage>> {
  return request("/statistics/records", { query: { ...filter, ...page } as Query });
}

/** The download address of the form as .xlsx or PDF (the session cookie authorises it). */
export function exportUrl(format: "xlsx" | "pdf", query: FormQuery): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== "") params.set(k, String(v));
  return `${API_BASE}/statistics/form.${format}?${params.toString()}`;
}

export type ReportPeriodInput = z.input<typeof ZSubmitReport>;

export function submitReport(input: ReportPeriodInput): Promise<ReportSummary> {
  return request("/statistics/reports", { method: "POST", body: input, silent: true });
}

export function correctReport(input: z.input<typeof ZCorrectReport>): Promise<ReportSummary> {
  return request("/statistics/reports/corrections", { method: "POST", body: input, silent: true });
}

export async function listReports(query: z.input<typeof ZReportsQuery>): Promise<ReportSummary[]> {
  return (await request<z.infer<typeof ZReportList>>("/statistics/reports", { query: query as Query })).items;
}

export function getBoard(query: z.input<typeof ZBoardQuery>): Promise<SubmissionBoard> {
  return request("/statistics/reports/board", { query: query as Query });
}

export function getDashboard(query: z.input<typeof ZDashboardQuery>): Promise<Dashboard> {
  return request("/statistics/dashboard", { query: query as Query });
}
