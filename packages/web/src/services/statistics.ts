// 统计报表 and 数据驾驶舱 API (packages/server/src/statistics/routes.ts). Types from the contract.
import type { z } from "zod";
import type {
  ZBoardQuery,
  ZCorrectReport,
  ZDashboardQuery,
  ZPeriodKind,
  ZRecordsFilter,
  ZRecordsPage,
  ZRecordsQuery,
  ZReportKind,
  ZReportList,
  ZReportsQuery,
} from "@kuanyan/contract/statistics";
import { API_BASE, request } from "./request";

export type PeriodKind = z.infer<typeof ZPeriodKind>;
import type { ScopeKind } from "@kuanyan/contract/statistics";
export type { ScopeKind };
export type ReportKind = z.infer<typeof ZReportKind>;
import type { Values } from "@kuanyan/contract/statistics";
export type { Values };
/** The query of the form (what the user sends: every field optional). */
import type { FormQuery } from "@kuanyan/contract/statistics";
export type { FormQuery };
import type { ScopeInfo } from "@kuanyan/contract/statistics";
export type { ScopeInfo };
import type { BreakdownRow } from "@kuanyan/contract/statistics";
export type { BreakdownRow };
import type { ComputedForm } from "@kuanyan/contract/statistics";
export type { ComputedForm };
/** The query of GET /statistics/records without the page: a form cell or a dashboard data point. */
export type RecordsFilter = Omit<z.input<typeof ZRecordsQuery>, "limit" | "offset"> | z.infer<typeof ZRecordsFilter>;
import type { RecordRow } from "@kuanyan/contract/statistics";
export type { RecordRow };
import type { ReportSummary } from "@kuanyan/contract/statistics";
export type { ReportSummary };
import type { SubmissionStatus } from "@kuanyan/contract/statistics";
export type { SubmissionStatus };
import type { SubmissionBoard } from "@kuanyan/contract/statistics";
export type { SubmissionBoard };
import type { Dashboard } from "@kuanyan/contract/statistics";
export type { Dashboard };

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

import type { ReportPeriodInput } from "@kuanyan/contract/statistics";
export type { ReportPeriodInput };

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
