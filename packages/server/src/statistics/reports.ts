/**
 * Use cases of the reporting calendar: submit a period's report (a frozen snapshot of the
 * organisation's own records), correct it (a new revision with a reason; every revision kept),
 * list submissions, and the board of a superior department / 司法局 (who submitted, who is late,
 * the aggregated form of everyone under them).
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import { reportKinds, ZBoardQuery, ZCorrectReport, ZReportPeriod, ZSubmitReport, type ZReportSnapshot } from "@kuanyan/contract/statistics";
import { statisticsColumns } from "@kuanyan/domain/measures";
import {
  aggregateSnapshots,
  computeForm,
  correctSnapshot,
  createSnapshot,
  dueDate,
  reportKindLabels,
  reportPeriod,
  submissionOverview,
  type Period,
  type ReportKind,
  type ReportSnapshot,
} from "@kuanyan/domain/statistics";
import { rolesAllowed } from "@kuanyan/domain/organisations";
import { readScope, requireAccess, requireAuth } from "../access";
import { recordAudit } from "../audit/record";
import { organisations, statisticsReports, users } from "../db/schema";
import type { AppContext, Auth } from "../http/context";
import { AppError, notFound } from "../http/errors";
import { zeroValues, type Values } from "./getForm";
import { today as todayOf } from "../shared/clock";
import { resolveScope } from "./scope";
import { loadCountingRecords } from "./sql";

export { reportKinds, ZBoardQuery, ZCorrectReport, ZReportPeriod, ZSubmitReport };

export function periodKey(kind: ReportKind, period: Period): string {
  const year = period.from.slice(0, 4);
  if (kind === "annual") return year;
  if (kind === "half_year") return `${year}-H1`;
  return period.from.slice(0, 7);
}

function periodOf(input: z.infer<typeof ZReportPeriod>): Period {
  return reportPeriod(input.kind, input.year, input.n ?? 1);
}

export interface ReportSummary {
  id: string;
  organisationId: string;
  organisationName: string;
  kind: ReportKind;
  periodKey: string;
  period: Period;
  revision: number;
  submittedAt: string;
  submittedBy: string | null;
  reason: string | null;
  phone: string;
  values: Values;
  /** Records of the period not counted that someone should fix (no written record, bad persons). */
  actionableExceptions: number;
}

function valuesOf(s: ReportSnapshot): Values {
  const v = zeroValues();
  for (const c of statisticsColumns) v[c] = s.cells[c].value;
  return v;
}

type ReportRow = typeof statisticsReports.$inferSelect;

function summary(row: ReportRow, orgName: string, submitter: string | null): ReportSummary {
  const s = row.snapshot as ReportSnapshot;
  return {
    id: row.id,
    organisationId: row.organisationId,
    organisationName: orgName,
    kind: row.kind as ReportKind,
    periodKey: row.periodKey,
    period: s.period,
    revision: row.revision,
    submittedAt: row.submittedAt.toISOString(),
    submittedBy: submitter,
    reason: row.reason,
    phone: s.phone,
    values: valuesOf(s),
    actionableExceptions: s.exceptions.filter((e) => e.reason === "no_written_record" || e.reason === "invalid_persons").length,
  };
}

async function history(ctx: AppContext, organisationId: string, kind: ReportKind, key: string): Promise<ReportRow[]> {
  return ctx.database.db
    .select()
    .from(statisticsReports)
    .where(and(eq(statisticsReports.organisationId, organisationId), eq(statisticsReports.kind, kind), eq(statisticsReports.periodKey, key)))
    .orderBy(asc(statisticsReports.revision));
}

/** Two submissions of the same report at once: the unique index refuses the second one. */
function ruleError(err: unknown): never {
  const code = (err as { code?: string }).code;
  if (code === "23505") throw new AppError("conflict", "该报表刚刚已由他人报送或更正，请刷新后重试");
  throw err;
}

async function submitOrCorrect(
  ctx: AppContext,
  authIn: Auth | null,
  input: z.infer<typeof ZSubmitReport> & { reason?: string },
  mode: "submit" | "correct",
): Promise<ReportSummary> {
  const auth = requireAuth(authIn);
  const organisationId = input.organisationId ?? auth.organisationId;
  // Filing is the organisation's act: the roles of the permission table (authz), in the write scope.
  await requireAccess(ctx.database.db, auth, {
    mode: "write",
    organisationId,
    roles: rolesAllowed("statistics.report.file"),
    what: "报送或更正统计报表",
  });
  const [org] = await ctx.database.db.select().from(organisations).where(eq(organisations.id, organisationId));
  if (!org) throw notFound("单位");
  const period = periodOf(input);
  const today = todayOf(ctx);
  if (today < period.from) throw new AppError("rule_violation", "统计期间尚未开始，不能报送");
  const key = periodKey(input.kind, period);
  const form = computeForm(await loadCountingRecords(ctx.database, [organisationId], period), period, { organisationIds: [organisationId] });
  const submittedAt = ctx.now().toISOString();
  const phone = input.phone ?? org.contactPhone ?? "";
  try {
    const row = await ctx.database.db.transaction(async (tx) => {
      const earlier = await tx
        .select()
        .from(statisticsReports)
        .where(
          and(eq(statisticsReports.organisationId, organisationId), eq(statisticsReports.kind, input.kind), eq(statisticsReports.periodKey, key)),
        )
        .orderBy(asc(statisticsReports.revision));
      let snapshot: ReportSnapshot;
      if (mode === "submit") {
        if (earlier.length > 0)
          throw new AppError("conflict", `该单位${reportKindLabels[input.kind]}已报送（第${earlier.length}版），如需修改请更正`);
        snapshot = createSnapshot({
          form,
          organisationId,
          reportingOrganisation: org.name,
          phone,
          reportKind: input.kind,
          submittedBy: auth.userId,
          submittedAt,
        });
      } else {
        const next = correctSnapshot(
          earlier.map((r) => r.snapshot as ReportSnapshot),
          { form, submittedBy: auth.userId, submittedAt, correctionReason: input.reason ?? "", phone: input.phone },
        );
        snapshot = next[next.length - 1];
      }
      const [inserted] = await tx
        .insert(statisticsReports)
        .values({
          regionCode: org.regionCode,
          organisationId,
          kind: input.kind,
          periodKey: key,
          revision: snapshot.revision,
          scope: "own",
          snapshot,
          reason: snapshot.correctionReason ?? null,
          submittedBy: auth.userId,
          submittedAt: new Date(submittedAt),
        })
        .returning();
      await recordAudit(tx, auth, {
        action: mode === "submit" ? "statistics.report_submitted" : "statistics.report_corrected",
        entityType: "statistics_report",
        entityId: inserted.id,
        organisationId,
        regionCode: org.regionCode,
        after: {
          kind: input.kind,
          periodKey: key,
          revision: snapshot.revision,
          reason: snapshot.correctionReason ?? null,
          values: valuesOf(snapshot),
        },
      });
      return inserted;
    });
    return summary(row, org.name, auth.displayName);
  } catch (err) {
    ruleError(err);
  }
}

export const submitReport = (ctx: AppContext, auth: Auth | null, input: z.infer<typeof ZSubmitReport>) => submitOrCorrect(ctx, auth, input, "submit");
export const correctReport = (ctx: AppContext, auth: Auth | null, input: z.infer<typeof ZCorrectReport>) =>
  submitOrCorrect(ctx, auth, input, "correct");

async function summaries(ctx: AppContext, rows: ReportRow[]): Promise<ReportSummary[]> {
  if (rows.length === 0) return [];
  const orgIds = [...new Set(rows.map((r) => r.organisationId))];
  const userIds = [...new Set(rows.map((r) => r.submittedBy).filter((x): x is string => !!x))];
  const orgNames = new Map(
    (
      await ctx.database.db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, orgIds))
    ).map((o) => [o.id, o.name]),
  );
  const userNames = new Map(
    userIds.length
      ? (await ctx.database.db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, userIds))).map((u) => [
          u.id,
          u.name,
        ])
      : [],
  );
  return rows.map((r) => summary(r, orgNames.get(r.organisationId) ?? "", r.submittedBy ? (userNames.get(r.submittedBy) ?? null) : null));
}

/** Submissions (every revision) of the organisations the user may read, optionally of one period / organisation. */
export async function listReports(
  ctx: AppContext,
  authIn: Auth | null,
  input: { kind?: ReportKind; year?: number; n?: number; organisationId?: string },
): Promise<ReportSummary[]> {
  const auth = requireAuth(authIn);
  const scope = await readScope(ctx.database.db, auth);
  if (input.organisationId) await requireAccess(ctx.database.db, auth, { mode: "read", organisationId: input.organisationId });
  const conds = [];
  if (input.organisationId) conds.push(eq(statisticsReports.organisationId, input.organisationId));
  else if (scope !== "all") conds.push(inArray(statisticsReports.organisationId, [...scope]));
  if (input.kind) {
    conds.push(eq(statisticsReports.kind, input.kind));
    if (input.year) conds.push(eq(statisticsReports.periodKey, periodKey(input.kind, reportPeriod(input.kind, input.year, input.n ?? 1))));
  }
  const rows = await ctx.database.db
    .select()
    .from(statisticsReports)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(asc(statisticsReports.periodKey), asc(statisticsReports.organisationId), asc(statisticsReports.revision));
  return summaries(ctx, rows);
}

/** One submitted revision with every cell's records as frozen. */
export async function getReport(
  ctx: AppContext,
  authIn: Auth | null,
  id: string,
): Promise<ReportSummary & { snapshot: z.infer<typeof ZReportSnapshot> }> {
  const auth = requireAuth(authIn);
  const [row] = await ctx.database.db.select().from(statisticsReports).where(eq(statisticsReports.id, id));
  if (!row) throw notFound("报表");
  await requireAccess(ctx.database.db, auth, { mode: "read", organisationId: row.organisationId });
  const [s] = await summaries(ctx, [row]);
  return { ...s, snapshot: row.snapshot as z.infer<typeof ZReportSnapshot> };
}

/** The organisations that report (agencies and townships). */
const reportingKinds = new Set(["agency", "township"]);

export async function submissionBoard(ctx: AppContext, authIn: Auth | null, input: z.infer<typeof ZBoardQuery>) {
  const auth = requireAuth(authIn);
  const scope = await resolveScope(ctx.database, auth, input);
  const period = periodOf(input);
  const key = periodKey(input.kind, period);
  const today = todayOf(ctx);
  const orgs = scope.organisations.filter((o) => reportingKinds.has(o.kind));
  const rows = orgs.length
    ? await ctx.database.db
        .select()
        .from(statisticsReports)
        .where(
          and(
            inArray(
              statisticsReports.organisationId,
              orgs.map((o) => o.id),
            ),
            eq(statisticsReports.kind, input.kind),
            eq(statisticsReports.periodKey, key),
          ),
        )
    : [];
  const snapshots = rows.map((r) => r.snapshot as ReportSnapshot);
  const overview = submissionOverview(
    orgs.map((o) => ({ id: o.id, name: o.name })),
    snapshots,
    input.kind,
    period,
    today,
  );
  const aggregated = aggregateSnapshots(snapshots);
  const values = zeroValues();
  for (const c of statisticsColumns) values[c] = aggregated[c].value;
  const latestId = new Map<string, { id: string; revision: number }>();
  for (const r of rows) {
    const cur = latestId.get(r.organisationId);
    if (!cur || r.revision > cur.revision) latestId.set(r.organisationId, { id: r.id, revision: r.revision });
  }
  return {
    kind: input.kind,
    period,
    periodKey: key,
    dueDate: dueDate(input.kind, period),
    scope: { kind: scope.kind, organisationId: scope.organisationId, region: scope.region, label: scope.label },
    rows: overview.map((r) => ({ ...r, latestReportId: latestId.get(r.organisationId)?.id ?? null })),
    counts: {
      organisations: overview.length,
      submitted: overview.filter((r) => r.status === "submitted" || r.status === "submitted_late").length,
      late: overview.filter((r) => r.status === "submitted_late" || r.status === "overdue").length,
      overdue: overview.filter((r) => r.status === "overdue").length,
    },
    /** The aggregated form of the latest revisions submitted (a record in two snapshots counts once). */
    aggregated: values,
  };
}

export { history };
