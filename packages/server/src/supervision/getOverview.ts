/**
 * 监督检查总览: for every organisation in the user's data scope, on a date (`asOf`, default today):
 * - lists (清单): versions published by then, filed (备案) on time / late, overdue and still unfiled
 *   (the 15-day deadline is list_versions.filing_deadline);
 * - cases: counts by status, overdue corrections (改正期限 or 复查 past due), overdue 回访, decisions
 *   that departed from the engine's proposal (偏离建议);
 * - statistics reports (统计报表) due this year up to `asOf`: submitted on time / late / overdue.
 * Read-only over the lists, cases and statistics tables.
 */
import { and, eq, gt, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { chinaDate, dueDate, reportPeriod, reportStatus, type ReportKind } from "@kuanyan/domain/statistics";
import { overviewFlagLabels, type OverviewFlag } from "@kuanyan/domain/supervision";
import { requireAuth } from "../access";
import { caseTasks, cases, listClaims, listVersions, statisticsReports } from "../db/schema";
import type { AppContext, Auth } from "../http/context";
import { periodKey } from "../statistics/reports";
import { resolveAsOf, scopedOrganisations } from "./scope";

/** Statuses of a list version that was published at some time. */
export const everPublishedStatuses = ["published", "filed", "superseded", "repealed"];
/** Case statuses in which a correction can still be overdue. */
export const openCaseStatuses = ["intake", "decided", "in_progress"];
/** Organisation kinds that submit statistics reports (as on the statistics submissions board). */
export const reportingKinds = new Set(["agency", "township"]);

export { overviewFlagLabels, type OverviewFlag };

export interface ListFigures {
  published: number;
  filedOnTime: number;
  filedLate: number;
  /** Published, not filed by `asOf`, and the filing deadline has passed. */
  overdueUnfiled: number;
  /** Published, not filed, still within the deadline. */
  pending: number;
  /** A superior's lists this organisation applies (认领, active claims made by asOf). */
  claimed: number;
}

export interface CaseFigures {
  total: number;
  byStatus: Record<string, number>;
  /** Open cases whose correction deadline passed uncorrected, or with a 复查 past due and not done. */
  correctionOverdue: number;
  /** Cases with a 回访 past due and not done. */
  followUpOverdue: number;
  /** Decisions that departed from the engine's proposal (with a written reason). */
  departures: number;
}

export interface ReportFigures {
  /** Reports whose due date fell in the year of `asOf`, up to `asOf`. */
  due: number;
  submittedOnTime: number;
  submittedLate: number;
  overdue: number;
  overduePeriods: { kind: ReportKind; periodKey: string; dueDate: string }[];
}

export interface OrganisationOverview {
  organisationId: string;
  organisationName: string;
  kind: string;
  regionCode: string;
  parentId: string | null;
  lists: ListFigures;
  cases: CaseFigures;
  /** null for organisations that do not report (e.g. a justice bureau). */
  statistics: ReportFigures | null;
  flags: OverviewFlag[];
}

export interface Overview {
  asOf: string;
  organisations: OrganisationOverview[];
  totals: {
    organisations: number;
    lists: ListFigures;
    cases: Omit<CaseFigures, "byStatus"> & { byStatus: Record<string, number> };
    statistics: Omit<ReportFigures, "overduePeriods">;
  };
}

/** The report periods whose due date lies in [1 Jan of asOf's year, asOf]. */
export function reportsDueBy(asOf: string): { kind: ReportKind; periodKey: string; dueDate: string }[] {
  const year = Number(asOf.slice(0, 4));
  const candidates: { kind: ReportKind; year: number; n: number }[] = [{ kind: "monthly", year: year - 1, n: 12 }];
  for (let m = 1; m <= 11; m++) candidates.push({ kind: "monthly", year, n: m });
  candidates.push({ kind: "half_year", year, n: 1 }, { kind: "annual", year, n: 1 });
  const out = [];
  for (const c of candidates) {
    const period = reportPeriod(c.kind, c.year, c.n);
    const due = dueDate(c.kind, period);
    if (due >= `${year}-01-01` && due <= asOf) out.push({ kind: c.kind, periodKey: periodKey(c.kind, period), dueDate: due });
  }
  return out;
}

const emptyLists = (): ListFigures => ({ published: 0, filedOnTime: 0, filedLate: 0, overdueUnfiled: 0, pending: 0, claimed: 0 });
const emptyCases = (): CaseFigures => ({ total: 0, byStatus: {}, correctionOverdue: 0, followUpOverdue: 0, departures: 0 });

/** Open correction overdue on `asOf`, or a 复查 task past due and not done by then. */
export function correctionOverdueCondition(asOf: string): SQL {
  return or(
    and(lt(cases.correctionDue, asOf), or(isNull(cases.correctedOn), gt(cases.correctedOn, asOf)), inArray(cases.status, openCaseStatuses)),
    taskOverdue("reinspection", asOf),
  )!;
}

export function taskOverdue(kind: "reinspection" | "follow_up", asOf: string): SQL {
  return sql`exists (select 1 from ${caseTasks} where ${caseTasks.caseId} = ${cases.id} and ${caseTasks.kind} = ${kind} and ${caseTasks.dueOn} < ${asOf} and (${caseTasks.doneOn} is null or ${caseTasks.doneOn} > ${asOf}))`;
}

const int = (v: unknown) => Number(v ?? 0);

export async function getOverview(ctx: AppContext, authIn: Auth | null, input: { asOf?: string }): Promise<Overview> {
  const auth = requireAuth(authIn);
  const { db } = ctx.database;
  const asOf = resolveAsOf(ctx, input.asOf);
  const orgs = await scopedOrganisations(db, auth);
  const ids = orgs.map((o) => o.id);
  const listsBy = new Map<string, ListFigures>();
  const casesBy = new Map<string, CaseFigures>();
  const submittedBy = new Map<string, string>();

  if (ids.length) {
    const unfiled = sql`(${listVersions.filedOn} is null or ${listVersions.filedOn} > ${asOf})`;
    const listRows = await db
      .select({
        org: listVersions.organisationId,
        published: sql<number>`count(*)`,
        onTime: sql<number>`count(*) filter (where ${listVersions.filedOn} <= ${asOf} and ${listVersions.filedOn} <= ${listVersions.filingDeadline})`,
        late: sql<number>`count(*) filter (where ${listVersions.filedOn} <= ${asOf} and ${listVersions.filedOn} > ${listVersions.filingDeadline})`,
        overdue: sql<number>`count(*) filter (where ${unfiled} and ${listVersions.filingDeadline} < ${asOf})`,
        pending: sql<number>`count(*) filter (where ${unfiled} and (${listVersions.filingDeadline} is null or ${listVersions.filingDeadline} >= ${asOf}))`,
      })
      .from(listVersions)
      .where(
        and(
          inArray(listVersions.organisationId, ids),
          inArray(listVersions.status, everPublishedStatuses),
          isNotNull(listVersions.publishedOn),
          lte(listVersions.publishedOn, asOf),
        ),
      )
      .groupBy(listVersions.organisationId);
    for (const r of listRows)
      listsBy.set(r.org, {
        published: int(r.published),
        filedOnTime: int(r.onTime),
        filedLate: int(r.late),
        overdueUnfiled: int(r.overdue),
        pending: int(r.pending),
        claimed: 0,
      });
    const claimRows = await db
      .select({ org: listClaims.organisationId, n: sql<number>`count(*)` })
      .from(listClaims)
      .where(and(inArray(listClaims.organisationId, ids), eq(listClaims.active, true), lte(listClaims.claimedOn, asOf)))
      .groupBy(listClaims.organisationId);
    for (const r of claimRows) {
      const f = listsBy.get(r.org) ?? emptyLists();
      f.claimed = int(r.n);
      listsBy.set(r.org, f);
    }

    const caseRows = await db
      .select({
        org: cases.organisationId,
        status: cases.status,
        n: sql<number>`count(*)`,
        correction: sql<number>`count(*) filter (where ${correctionOverdueCondition(asOf)})`,
        followUp: sql<number>`count(*) filter (where ${taskOverdue("follow_up", asOf)})`,
        departures: sql<number>`count(*) filter (where ${cases.departureReason} is not null and ${cases.decidedOn} <= ${asOf})`,
      })
      .from(cases)
      .where(and(inArray(cases.organisationId, ids), lte(cases.discoveredOn, asOf)))
      .groupBy(cases.organisationId, cases.status);
    for (const r of caseRows) {
      const f = casesBy.get(r.org) ?? emptyCases();
      f.total += int(r.n);
      f.byStatus[r.status] = (f.byStatus[r.status] ?? 0) + int(r.n);
      f.correctionOverdue += int(r.correction);
      f.followUpOverdue += int(r.followUp);
      f.departures += int(r.departures);
      casesBy.set(r.org, f);
    }

    const reportRows = await db
      .select({
        org: statisticsReports.organisationId,
        kind: statisticsReports.kind,
        key: statisticsReports.periodKey,
        at: statisticsReports.submittedAt,
      })
      .from(statisticsReports)
      .where(and(inArray(statisticsReports.organisationId, ids), eq(statisticsReports.revision, 1)));
    for (const r of reportRows) submittedBy.set(`${r.org}|${r.kind}|${r.key}`, chinaDate(r.at.toISOString()));
  }

  const due = reportsDueBy(asOf);
  const out: OrganisationOverview[] = orgs.map((o) => {
    const lists = listsBy.get(o.id) ?? emptyLists();
    const c = casesBy.get(o.id) ?? emptyCases();
    let statistics: ReportFigures | null = null;
    if (reportingKinds.has(o.kind)) {
      statistics = { due: due.length, submittedOnTime: 0, submittedLate: 0, overdue: 0, overduePeriods: [] };
      for (const d of due) {
        const at = submittedBy.get(`${o.id}|${d.kind}|${d.periodKey}`);
        const status = reportStatus(d.dueDate, at !== undefined && at <= asOf ? at : undefined, asOf);
        if (status === "submitted") statistics.submittedOnTime++;
        else if (status === "submitted_late") statistics.submittedLate++;
        else if (status === "overdue") {
          statistics.overdue++;
          statistics.overduePeriods.push(d);
        }
      }
    }
    const flags: OverviewFlag[] = [];
    if (lists.overdueUnfiled > 0) flags.push("filing_overdue");
    if (c.correctionOverdue > 0) flags.push("correction_overdue");
    if (c.followUpOverdue > 0) flags.push("follow_up_overdue");
    if (statistics && statistics.overdue > 0) flags.push("report_overdue");
    return {
      organisationId: o.id,
      organisationName: o.name,
      kind: o.kind,
      regionCode: o.regionCode,
      parentId: o.parentId,
      lists,
      cases: c,
      statistics,
      flags,
    };
  });

  const totals: Overview["totals"] = {
    organisations: out.length,
    lists: emptyLists(),
    cases: { total: 0, byStatus: {}, correctionOverdue: 0, followUpOverdue: 0, departures: 0 },
    statistics: { due: 0, submittedOnTime: 0, submittedLate: 0, overdue: 0 },
  };
  for (const o of out) {
    for (const k of Object.keys(totals.lists) as (keyof ListFigures)[]) totals.lists[k] += o.lists[k];
    totals.cases.total += o.cases.total;
    totals.cases.correctionOverdue += o.cases.correctionOverdue;
    totals.cases.followUpOverdue += o.cases.followUpOverdue;
    totals.cases.departures += o.cases.departures;
    for (const [s, n] of Object.entries(o.cases.byStatus)) totals.cases.byStatus[s] = (totals.cases.byStatus[s] ?? 0) + n;
    if (o.statistics) {
      totals.statistics.due += o.statistics.due;
      totals.statistics.submittedOnTime += o.statistics.submittedOnTime;
      totals.statistics.submittedLate += o.statistics.submittedLate;
      totals.statistics.overdue += o.statistics.overdue;
    }
  }
  return { asOf, organisations: out, totals };
}
