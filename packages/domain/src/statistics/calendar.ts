/**
 * The reporting calendar of the 柔性执法统计报表 and the submitted report snapshots.
 * - seed 001: 建立月报、年报制度 → monthly and annual reports;
 * - seed 000: 每年度 7 月 5 日和 12 月 30 日前分别对半年和全年度柔性执法数据进行统计分析 →
 *   half-year report due 7月5日, annual report due 12月30日 of the same year (see docs/statistics.md).
 */
import { RefusedError } from "../errors/index";
import { statisticsColumns, type StatisticsColumn } from "../measures/index";
import type { CountedEntry, ExcludedRecord, FormCells, StatisticsForm } from "./counting";
import { chinaDay, daysInMonth, isIsoDate, isoDate } from "../dates/index";
import { periodRange, type Period } from "./period";

export type ReportKind = "monthly" | "half_year" | "annual";

export const reportKindLabels: Record<ReportKind, string> = {
  monthly: "月报",
  half_year: "半年报",
  annual: "年报",
};

/** Day of the following month by which a monthly report is due (our choice; seed 001 sets none). */
export const monthlyDueDay = 5;

export type ReportStatus = "submitted" | "submitted_late" | "due" | "overdue";

/** A statistics rule refuses the action (a period mismatch, a correction without a reason …). */
export class StatisticsRuleError extends RefusedError {
  constructor(code: string, message: string) {
    super(message, code);
  }
}

/** The period a report covers: monthly n = 1…12; half_year = 1 Jan–30 Jun; annual = the year. */
export function reportPeriod(kind: ReportKind, year: number, n = 1): Period {
  switch (kind) {
    case "monthly":
      return periodRange("month", year, n);
    case "half_year":
      return periodRange("half_year", year, 1);
    case "annual":
      return periodRange("year", year);
  }
}

/**
 * The last day (inclusive) to submit the report for a period:
 * - monthly: the 5th of the following month;
 * - half_year: 7月5日 of the year (seed 000);
 * - annual: 12月30日 of the same year (seed 000) — before the year ends; 31 Dec is added by a correction.
 */
export function dueDate(kind: ReportKind, period: Period): string {
  const year = Number(period.from.slice(0, 4));
  switch (kind) {
    case "monthly": {
      const month = Number(period.from.slice(5, 7));
      const nextYear = month === 12 ? year + 1 : year;
      const nextMonth = month === 12 ? 1 : month + 1;
      return isoDate(nextYear, nextMonth, Math.min(monthlyDueDay, daysInMonth(nextYear, nextMonth)));
    }
    case "half_year":
      return isoDate(year, 7, 5);
    case "annual":
      return isoDate(year, 12, 30);
  }
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The calendar date in China (UTC+8, no daylight saving) of a timestamp. A bare `YYYY-MM-DD` is
 * taken as it is; a timestamp without an offset is read as China time.
 */
export function chinaDate(timestamp: string): string {
  if (ISO_DAY.test(timestamp) && isIsoDate(timestamp)) return timestamp;
  const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/.test(timestamp);
  if (!hasOffset) {
    const date = timestamp.slice(0, 10);
    if (isIsoDate(date)) return date;
    throw new StatisticsRuleError("invalid_timestamp", `时间格式无效：${timestamp}`);
  }
  if (Number.isNaN(Date.parse(timestamp))) throw new StatisticsRuleError("invalid_timestamp", `时间格式无效：${timestamp}`);
  return chinaDay(timestamp);
}

/**
 * Where a report stands: submitted on or before the due date → "submitted", after → "submitted_late";
 * not submitted: today on or before the due date → "due", after → "overdue".
 * `submittedAt` is the first submission (revision 1); corrections do not make a report late.
 */
export function reportStatus(due: string, submittedAt: string | undefined, today: string): ReportStatus {
  if (submittedAt !== undefined) return chinaDate(submittedAt) <= due ? "submitted" : "submitted_late";
  return today <= due ? "due" : "overdue";
}

/** A frozen cell: the number and the records behind it at submission time. */
export interface SnapshotCell {
  readonly value: number;
  readonly recordIds: readonly string[];
  readonly entries: readonly Readonly<CountedEntry>[];
}

/** A submitted report: a frozen copy of the computed form with who and when. */
export interface ReportSnapshot {
  readonly organisationId: string;
  /** 填报单位 as printed. */
  readonly reportingOrganisation: string;
  /** 联系电话. */
  readonly phone: string;
  readonly reportKind: ReportKind;
  readonly period: Readonly<Period>;
  /** 1 for the first submission; each correction adds 1. */
  readonly revision: number;
  readonly cells: Readonly<Record<StatisticsColumn, SnapshotCell>>;
  readonly exceptions: readonly Readonly<ExcludedRecord>[];
  /** User id of the submitter. */
  readonly submittedBy: string;
  /** ISO timestamp of this revision's submission. */
  readonly submittedAt: string;
  /** Why this revision corrects the previous one (revisions ≥ 2). */
  readonly correctionReason?: string;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

function copyCells(cells: FormCells | ReportSnapshot["cells"]): Record<StatisticsColumn, SnapshotCell> {
  const out = {} as Record<StatisticsColumn, SnapshotCell>;
  for (const column of statisticsColumns) {
    const cell = cells[column];
    out[column] = {
      value: cell.value,
      recordIds: [...cell.recordIds],
      entries: cell.entries.map((e) => ({ ...e })),
    };
  }
  return out;
}

export interface SubmitSnapshotInput {
  form: StatisticsForm;
  organisationId: string;
  reportingOrganisation: string;
  phone: string;
  reportKind: ReportKind;
  submittedBy: string;
  submittedAt: string;
}

function samePeriod(a: Period, b: Period): boolean {
  return a.from === b.from && a.to === b.to;
}

function assertReportPeriod(kind: ReportKind, period: Period): void {
  const year = Number(period.from.slice(0, 4));
  const month = Number(period.from.slice(5, 7));
  if (!samePeriod(period, reportPeriod(kind, year, month))) {
    throw new StatisticsRuleError("period_mismatch", `统计期间与${reportKindLabels[kind]}的期间不一致`);
  }
}

/**
 * Revision 1 of a report: a deep, frozen copy of the form, so later changes to the records (or to
 * the form object) do not change what was submitted. The form should cover the organisation's own
 * records only, so that summing the snapshots of a hierarchy counts nothing twice.
 */
export function createSnapshot(input: SubmitSnapshotInput): ReportSnapshot {
  assertReportPeriod(input.reportKind, input.form.period);
  chinaDate(input.submittedAt);
  return deepFreeze({
    organisationId: input.organisationId,
    reportingOrganisation: input.reportingOrganisation,
    phone: input.phone,
    reportKind: input.reportKind,
    period: { ...input.form.period },
    revision: 1,
    cells: copyCells(input.form.cells),
    exceptions: input.form.exceptions.map((e) => ({ ...e })),
    submittedBy: input.submittedBy,
    submittedAt: input.submittedAt,
  });
}

export interface CorrectSnapshotInput {
  form: StatisticsForm;
  submittedBy: string;
  submittedAt: string;
  correctionReason: string;
  phone?: string;
}

/**
 * A correction: returns the history with a new revision appended (every earlier revision is kept
 * unchanged). The corrected form must cover the same period.
 */
export function correctSnapshot(history: readonly ReportSnapshot[], input: CorrectSnapshotInput): ReportSnapshot[] {
  const latest = latestSnapshot(history);
  if (!latest) throw new StatisticsRuleError("not_submitted", "该报表尚未报送，无法更正");
  if (!samePeriod(latest.period, input.form.period)) {
    throw new StatisticsRuleError("period_mismatch", "更正的统计期间与原报表不一致");
  }
  if (input.correctionReason.trim() === "") {
    throw new StatisticsRuleError("correction_reason_required", "更正报表须填写更正原因");
  }
  chinaDate(input.submittedAt);
  const next: ReportSnapshot = deepFreeze({
    organisationId: latest.organisationId,
    reportingOrganisation: latest.reportingOrganisation,
    phone: input.phone ?? latest.phone,
    reportKind: latest.reportKind,
    period: { ...latest.period },
    revision: latest.revision + 1,
    cells: copyCells(input.form.cells),
    exceptions: input.form.exceptions.map((e) => ({ ...e })),
    submittedBy: input.submittedBy,
    submittedAt: input.submittedAt,
    correctionReason: input.correctionReason.trim(),
  });
  return [...history, next];
}

/** The highest revision of a history, or undefined when nothing was submitted. */
export function latestSnapshot(history: readonly ReportSnapshot[]): ReportSnapshot | undefined {
  let latest: ReportSnapshot | undefined;
  for (const s of history) if (!latest || s.revision > latest.revision) latest = s;
  return latest;
}

export interface SubmissionRow {
  organisationId: string;
  name?: string;
  dueDate: string;
  status: ReportStatus;
  /** When revision 1 was submitted. */
  firstSubmittedAt?: string;
  latestRevision?: number;
}

/**
 * Who has submitted a period's report and who is late, for the organisations a superior
 * department or justice bureau oversees. Snapshots of other periods/kinds are ignored.
 */
export function submissionOverview(
  organisations: readonly { id: string; name?: string }[],
  snapshots: readonly ReportSnapshot[],
  kind: ReportKind,
  period: Period,
  today: string,
): SubmissionRow[] {
  const due = dueDate(kind, period);
  return organisations.map((org) => {
    const mine = snapshots.filter((s) => s.organisationId === org.id && s.reportKind === kind && samePeriod(s.period, period));
    const first = mine.reduce<ReportSnapshot | undefined>((acc, s) => (!acc || s.revision < acc.revision ? s : acc), undefined);
    const latest = latestSnapshot(mine);
    const row: SubmissionRow = {
      organisationId: org.id,
      dueDate: due,
      status: reportStatus(due, first?.submittedAt, today),
    };
    if (org.name !== undefined) row.name = org.name;
    if (first) row.firstSubmittedAt = first.submittedAt;
    if (latest) row.latestRevision = latest.revision;
    return row;
  });
}

/**
 * The aggregated form of submitted reports (the latest revision of each organisation's report).
 * A record that appears in more than one snapshot is counted once.
 */
export function aggregateSnapshots(snapshots: readonly ReportSnapshot[]): Record<StatisticsColumn, SnapshotCell> {
  const latestByOrg = new Map<string, ReportSnapshot>();
  for (const s of snapshots) {
    const key = `${s.organisationId}\u0000${s.reportKind}\u0000${s.period.from}\u0000${s.period.to}`;
    const current = latestByOrg.get(key);
    if (!current || s.revision > current.revision) latestByOrg.set(key, s);
  }
  const out = {} as Record<StatisticsColumn, { value: number; recordIds: string[]; entries: CountedEntry[] }>;
  for (const column of statisticsColumns) out[column] = { value: 0, recordIds: [], entries: [] };
  const seen = new Set<string>();
  for (const s of latestByOrg.values()) {
    for (const column of statisticsColumns) {
      for (const entry of s.cells[column].entries) {
        const key = `${column}\u0000${entry.kind}\u0000${entry.recordId}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out[column].value += entry.amount;
        out[column].recordIds.push(entry.recordId);
        out[column].entries.push({ ...entry });
      }
    }
  }
  return out;
}
