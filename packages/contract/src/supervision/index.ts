/**
 * 监督检查 API (packages/server/src/supervision/routes.ts): the overview per organisation and the
 * decisions that departed from the engine's proposal, grouped by matter (同案不同罚).
 */
import { z } from "zod";
import { overviewFlags } from "@kuanyan/domain/supervision";
import { ZReportKind } from "../statistics/index";

export const ZAsOfQuery = z.object({
  asOf: z.string().optional().describe("截止日期"),
});

export const ZDeparturesQuery = z.object({
  asOf: z.string().optional().describe("截止日期"),
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD")
    .optional()
    .describe("决定日期起"),
  matterCode: z.string().trim().max(100).optional().describe("事项编码"),
});

export const ZOverviewFlag = z.enum(overviewFlags);

export const ZListFigures = z.object({
  published: z.number().int(),
  filedOnTime: z.number().int(),
  filedLate: z.number().int(),
  /** Published, not filed by asOf, and the filing deadline has passed. */
  overdueUnfiled: z.number().int(),
  /** Published, not filed, still within the deadline. */
  pending: z.number().int(),
  /** A superior's lists this organisation applies (认领). */
  claimed: z.number().int(),
});

export const ZCaseFigures = z.object({
  total: z.number().int(),
  byStatus: z.record(z.string(), z.number().int()),
  correctionOverdue: z.number().int(),
  followUpOverdue: z.number().int(),
  departures: z.number().int(),
});

const reportFigures = {
  due: z.number().int(),
  submittedOnTime: z.number().int(),
  submittedLate: z.number().int(),
  overdue: z.number().int(),
};
export const ZReportFigures = z.object({
  ...reportFigures,
  overduePeriods: z.array(z.object({ kind: ZReportKind, periodKey: z.string(), dueDate: z.string() })),
});

export const ZOrganisationOverview = z.object({
  organisationId: z.string(),
  organisationName: z.string(),
  kind: z.string(),
  regionCode: z.string(),
  parentId: z.string().nullable(),
  lists: ZListFigures,
  cases: ZCaseFigures,
  /** null for organisations that do not report (e.g. a justice bureau). */
  statistics: ZReportFigures.nullable(),
  flags: z.array(ZOverviewFlag),
});

export const ZOverview = z.object({
  asOf: z.string(),
  organisations: z.array(ZOrganisationOverview),
  totals: z.object({ organisations: z.number().int(), lists: ZListFigures, cases: ZCaseFigures, statistics: z.object(reportFigures) }),
});

export const ZDeparture = z.object({
  caseId: z.string(),
  caseNo: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  partyName: z.string(),
  decidedOn: z.string().nullable(),
  proposedOutcome: z.string().nullable(),
  proposedLabel: z.string().nullable(),
  decidedOutcome: z.string().nullable(),
  decidedLabel: z.string().nullable(),
  reason: z.string(),
  officer: z.string().nullable(),
  listItemSeq: z.number().int().nullable(),
  fineYuan: z.number().nullable(),
});

export const ZDepartureGroup = z.object({
  matterCode: z.string(),
  matterName: z.string(),
  departures: z.array(ZDeparture),
  /** Every decided case of this matter in scope (up to asOf), by decided outcome. */
  outcomes: z.array(z.object({ outcome: z.string(), label: z.string(), count: z.number().int() })),
  decidedCases: z.number().int(),
  /** 同案不同罚 signal: the matter's decided cases ended in more than one outcome. */
  differentOutcomes: z.boolean(),
});

export const ZDepartures = z.object({ asOf: z.string(), total: z.number().int(), groups: z.array(ZDepartureGroup) });
export type OrganisationOverview = z.infer<typeof ZOrganisationOverview>;
export type Overview = z.infer<typeof ZOverview>;
export type DepartureGroup = z.infer<typeof ZDepartureGroup>;
export type Departures = z.infer<typeof ZDepartures>;
