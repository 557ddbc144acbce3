/**
 * 统计报表 API (packages/server/src/statistics/routes.ts, reportRoutes.ts): the computed form, the
 * records behind each number, the exports (.xlsx / PDF: file downloads, no JSON schema), the reporting
 * calendar (submissions, corrections, the board) and the dashboard (数据驾驶舱).
 */
import { z } from "zod";
import { decisionColumns, softMethods, type StatisticsColumn } from "@kuanyan/domain/measures";
import type { ExclusionReason, PeriodKind, ReportKind, ReportStatus } from "@kuanyan/domain/statistics";

/** The 15 columns of the form (the domain's statisticsColumns, in order). */
export const ZStatisticsColumn = z.enum([...decisionColumns, ...softMethods] as const satisfies readonly StatisticsColumn[]);
export const reportKinds = ["monthly", "half_year", "annual"] as const satisfies readonly ReportKind[];
export const ZReportKind = z.enum(reportKinds);
export const ZPeriodKind = z.enum(["month", "half_year", "year", "custom"] as const satisfies readonly PeriodKind[]);
export const ZScopeKind = z.enum(["organisation", "subtree", "region"]);

/** A number per column. */
export const ZValues = z.record(ZStatisticsColumn, z.number());
export const ZPeriod = z.object({ kind: ZPeriodKind, from: z.string(), to: z.string() });
/** What the numbers cover, as resolved by the server. */
export const ZScopeInfo = z.object({ kind: ZScopeKind, organisationId: z.string().optional(), region: z.string().optional(), label: z.string() });

// ---- requests ----

export const ZPeriodQuery = z.object({
  period: ZPeriodKind.default("year").describe("统计期间类型"),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe("统计年度"),
  n: z.coerce.number().int().min(1).max(12).optional().describe("月份或半年度"),
  from: z.string().optional().describe("起始日期"),
  to: z.string().optional().describe("截止日期"),
});

export const ZScopeQuery = z.object({
  scope: ZScopeKind.optional().describe("统计范围"),
  organisationId: z.uuid().optional().describe("单位"),
  region: z
    .string()
    .regex(/^\d{2,12}$/, "应为行政区划代码前缀")
    .optional()
    .describe("行政区划"),
});

export const ZFormQuery = ZPeriodQuery.extend(ZScopeQuery.shape);

/** What GET /statistics/records can list: a form column, or a dashboard indicator. */
export const recordKinds = [
  ...decisionColumns,
  ...softMethods,
  "decisions",
  "measures",
  "burden",
  "rectification_due",
  "rectification_on_time",
  "overdue_reinspection",
  "overdue_follow_up",
] as const;
export const ZRecordKind = z.enum(recordKinds);

export const ZRecordsQuery = ZFormQuery.extend({
  column: ZRecordKind.describe("栏目"),
  matterCode: z.string().max(40).optional().describe("事项编码"),
  limit: z.coerce.number().int().min(1).max(500).default(50).describe("每页条数"),
  offset: z.coerce.number().int().min(0).default(0).describe("起始位置"),
});

export const ZReportPeriod = z.object({
  kind: ZReportKind.describe("报表类型"),
  year: z.coerce.number().int().min(2000).max(2100).describe("统计年度"),
  n: z.coerce.number().int().min(1).max(12).optional().describe("月份"),
});
export const ZSubmitReport = ZReportPeriod.extend({
  organisationId: z.uuid().optional().describe("填报单位"),
  phone: z.string().trim().max(30).optional().describe("联系电话"),
});
export const ZCorrectReport = ZSubmitReport.extend({
  reason: z.string().trim().min(2, "请填写更正原因").max(500).describe("更正原因"),
});
export const ZReportsQuery = z.object({
  kind: ZReportKind.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  n: z.coerce.number().int().min(1).max(12).optional(),
  organisationId: z.uuid().optional(),
});
export const ZBoardQuery = ZReportPeriod.extend(ZScopeQuery.shape);
export const ZReportIdParams = z.object({ id: z.uuid() });

export const ZDashboardQuery = ZScopeQuery.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional().describe("统计年度"),
});

// ---- responses ----

export const ZBreakdownRow = z.object({
  organisationId: z.string(),
  name: z.string(),
  regionCode: z.string(),
  parentId: z.string().nullable(),
  /** The organisation's own records. */
  own: ZValues,
  /** Own plus every subordinate in scope. */
  total: ZValues,
});

export const ZComputedForm = z.object({
  title: z.string(),
  period: ZPeriod,
  scope: ZScopeInfo,
  reportingOrganisation: z.string(),
  phone: z.string(),
  reportedAt: z.string(),
  columns: z.array(z.object({ column: ZStatisticsColumn, label: z.string(), unit: z.string(), value: z.number() })),
  values: ZValues,
  breakdown: z.array(ZBreakdownRow),
});

export const ZRecordRow = z.object({
  kind: z.enum(["decision", "measure", "correction", "task"]),
  recordId: z.string(),
  caseId: z.string().nullable(),
  caseNo: z.string().nullable(),
  partyName: z.string().nullable(),
  matterCode: z.string().nullable(),
  matterName: z.string().nullable(),
  /** The date that placed the record in the period. */
  date: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  /** What the record adds to the number (1, or the persons of a 人次 column). */
  amount: z.number(),
  /** The outcome, method or task kind (code). */
  category: z.string(),
  /** The written record: the text, or the document (number and type), or the confirmed decision. */
  writtenRecord: z.string().nullable(),
  officer: z.string().nullable(),
  dueDate: z.string().nullable().optional(),
  doneOn: z.string().nullable().optional(),
  relievedYuan: z.number().nullable().optional(),
});
export const ZRecordsPage = z.object({ total: z.number().int(), items: z.array(ZRecordRow) });

export const ZReportSummary = z.object({
  id: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  kind: ZReportKind,
  periodKey: z.string(),
  period: ZPeriod,
  revision: z.number().int(),
  submittedAt: z.string(),
  submittedBy: z.string().nullable(),
  reason: z.string().nullable(),
  phone: z.string(),
  values: ZValues,
  /** Records of the period not counted that someone should fix. */
  actionableExceptions: z.number().int(),
});
export const ZReportList = z.object({ items: z.array(ZReportSummary) });

const exclusionReasons = [
  "cancelled",
  "case_cancelled",
  "transferred_to_ordinary",
  "superseded_decision",
  "no_written_record",
  "duplicate_written_record",
  "invalid_persons",
] as const satisfies readonly ExclusionReason[];

const ZCountedEntry = z.object({
  kind: z.enum(["decision", "measure"]),
  recordId: z.string(),
  caseId: z.string().nullable(),
  organisationId: z.string(),
  date: z.string(),
  writtenRecordId: z.string(),
  amount: z.number(),
});

/** The frozen report (the domain's ReportSnapshot). */
export const ZReportSnapshot = z.object({
  organisationId: z.string(),
  reportingOrganisation: z.string(),
  phone: z.string(),
  reportKind: ZReportKind,
  period: ZPeriod,
  revision: z.number().int(),
  cells: z.record(ZStatisticsColumn, z.object({ value: z.number(), recordIds: z.array(z.string()), entries: z.array(ZCountedEntry) })),
  exceptions: z.array(
    z.object({
      kind: z.enum(["decision", "measure"]),
      recordId: z.string(),
      caseId: z.string().nullable(),
      organisationId: z.string(),
      date: z.string(),
      column: ZStatisticsColumn,
      reason: z.enum(exclusionReasons),
    }),
  ),
  submittedBy: z.string(),
  submittedAt: z.string(),
  correctionReason: z.string().optional(),
});
export const ZReportDetail = ZReportSummary.extend({ snapshot: ZReportSnapshot });

export const ZSubmissionStatus = z.enum(["submitted", "submitted_late", "due", "overdue"] as const satisfies readonly ReportStatus[]);

export const ZSubmissionBoard = z.object({
  kind: ZReportKind,
  period: ZPeriod,
  periodKey: z.string(),
  dueDate: z.string(),
  scope: ZScopeInfo,
  rows: z.array(
    z.object({
      organisationId: z.string(),
      name: z.string().optional(),
      dueDate: z.string(),
      status: ZSubmissionStatus,
      /** When revision 1 was submitted. */
      firstSubmittedAt: z.string().optional(),
      latestRevision: z.number().int().optional(),
      latestReportId: z.string().nullable(),
    }),
  ),
  counts: z.object({ organisations: z.number().int(), submitted: z.number().int(), late: z.number().int(), overdue: z.number().int() }),
  /** The aggregated form of the latest revisions submitted. */
  aggregated: ZValues,
});

/** The query of GET /statistics/records that lists a dashboard data point's records. */
export const ZRecordsFilter = z.object({
  column: ZRecordKind,
  period: z.literal("custom"),
  from: z.string(),
  to: z.string(),
  scope: ZScopeKind,
  organisationId: z.string().optional(),
  region: z.string().optional(),
  matterCode: z.string().optional(),
});
const ZColumnFilters = z.record(ZStatisticsColumn, ZRecordsFilter);

export const ZDashboard = z.object({
  year: z.number().int(),
  today: z.string(),
  scope: ZScopeInfo,
  totals: z.object({
    values: ZValues,
    outcomes: z.number(),
    methods: z.number(),
    yoyOutcomes: z.number().nullable(),
    yoyMethods: z.number().nullable(),
    filters: ZColumnFilters,
  }),
  months: z.array(
    z.object({
      month: z.string(),
      values: ZValues,
      outcomes: z.number(),
      methods: z.number(),
      previousOutcomes: z.number(),
      previousMethods: z.number(),
      yoyOutcomes: z.number().nullable(),
      yoyMethods: z.number().nullable(),
      filters: ZColumnFilters,
    }),
  ),
  byOrganisation: z.array(
    z.object({
      organisationId: z.string(),
      name: z.string(),
      regionCode: z.string(),
      values: ZValues,
      outcomes: z.number(),
      methods: z.number(),
      filter: ZRecordsFilter,
    }),
  ),
  byRegion: z.array(
    z.object({ regionCode: z.string(), name: z.string(), values: ZValues, outcomes: z.number(), methods: z.number(), filter: ZRecordsFilter }),
  ),
  burden: z.object({ totalYuan: z.number(), cases: z.number(), withoutBenchmark: z.number(), filter: ZRecordsFilter }),
  rectification: z.object({
    due: z.number(),
    verifiedOnTime: z.number(),
    rate: z.number().nullable(),
    dueFilter: ZRecordsFilter,
    onTimeFilter: ZRecordsFilter,
  }),
  overdue: z.object({ reinspection: z.number(), followUp: z.number(), reinspectionFilter: ZRecordsFilter, followUpFilter: ZRecordsFilter }),
  topMatters: z.array(z.object({ matterCode: z.string(), matterName: z.string(), count: z.number(), filter: ZRecordsFilter })),
});

/** Content types of the exports (file downloads, documented in the OpenAPI description). */
export const statisticsExportContentTypes = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
} as const;
export type ScopeKind = z.infer<typeof ZScopeKind>;
export type Values = z.infer<typeof ZValues>;
export type FormQuery = z.input<typeof ZFormQuery>;
export type ScopeInfo = z.infer<typeof ZScopeInfo>;
export type BreakdownRow = z.infer<typeof ZBreakdownRow>;
export type ComputedForm = z.infer<typeof ZComputedForm>;
export type RecordRow = z.infer<typeof ZRecordRow>;
export type ReportSummary = z.infer<typeof ZReportSummary>;
export type SubmissionStatus = z.infer<typeof ZSubmissionStatus>;
export type SubmissionBoard = z.infer<typeof ZSubmissionBoard>;
export type Dashboard = z.infer<typeof ZDashboard>;
export type ReportPeriodInput = z.input<typeof ZSubmitReport>;
