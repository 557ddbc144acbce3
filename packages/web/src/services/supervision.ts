// 监督检查 API (packages/server/src/supervision/routes.ts): the overview per organisation and the
// decisions that departed from the engine's proposal, grouped by matter.
import { request } from "./request";

export type OverviewFlag = "filing_overdue" | "correction_overdue" | "follow_up_overdue" | "report_overdue";

export const overviewFlagLabels: Record<OverviewFlag, string> = {
  filing_overdue: "备案逾期",
  correction_overdue: "整改逾期",
  follow_up_overdue: "回访逾期",
  report_overdue: "报表逾期",
};

export const overviewFlagColors: Record<OverviewFlag, string> = {
  filing_overdue: "red",
  correction_overdue: "volcano",
  follow_up_overdue: "orange",
  report_overdue: "magenta",
};

export interface ListFigures {
  published: number;
  filedOnTime: number;
  filedLate: number;
  overdueUnfiled: number;
  pending: number;
  claimed: number;
}

export interface CaseFigures {
  total: number;
  byStatus: Record<string, number>;
  correctionOverdue: number;
  followUpOverdue: number;
  departures: number;
}

export interface ReportFigures {
  due: number;
  submittedOnTime: number;
  submittedLate: number;
  overdue: number;
  overduePeriods: { kind: "monthly" | "half_year" | "annual"; periodKey: string; dueDate: string }[];
}

export interface OrganisationOverview {
  organisationId: string;
  organisationName: string;
  kind: string;
  regionCode: string;
  parentId: string | null;
  lists: ListFigures;
  cases: CaseFigures;
  statistics: ReportFigures | null;
  flags: OverviewFlag[];
}

export interface Overview {
  asOf: string;
  organisations: OrganisationOverview[];
  totals: {
    organisations: number;
    lists: ListFigures;
    cases: CaseFigures;
    statistics: Omit<ReportFigures, "overduePeriods">;
  };
}

export interface Departure {
  caseId: string;
  caseNo: string;
  organisationId: string;
  organisationName: string;
  partyName: string;
  decidedOn: string | null;
  proposedOutcome: string | null;
  proposedLabel: string | null;
  decidedOutcome: string | null;
  decidedLabel: string | null;
  reason: string;
  officer: string | null;
  listItemSeq: number | null;
  fineYuan: number | null;
}

export interface DepartureGroup {
  matterCode: string;
  matterName: string;
  departures: Departure[];
  outcomes: { outcome: string; label: string; count: number }[];
  decidedCases: number;
  differentOutcomes: boolean;
}

export interface Departures {
  asOf: string;
  total: number;
  groups: DepartureGroup[];
}

export const getOverview = (asOf?: string) => request<Overview>("/supervision/overview", { query: { asOf } });
export const getDepartures = (query: { asOf?: string; from?: string; matterCode?: string } = {}) =>
  request<Departures>("/supervision/departures", { query });
