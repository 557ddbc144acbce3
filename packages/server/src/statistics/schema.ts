import { date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/** A submitted statistics report: a frozen snapshot; a correction is a new revision. */
export const statisticsReports = pgTable(
  "statistics_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionCode: text("region_code").notNull(),
    organisationId: uuid("organisation_id").notNull(),
    kind: text("kind").notNull(),
    periodKey: text("period_key").notNull(),
    revision: integer("revision").notNull(),
    scope: text("scope").notNull(),
    snapshot: jsonb("snapshot").notNull(),
    reason: text("reason"),
    submittedBy: uuid("submitted_by"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("statistics_reports_rev_uq").on(t.organisationId, t.kind, t.periodKey, t.revision),
    index("statistics_reports_region_idx").on(t.regionCode, t.periodKey),
  ],
);

/**
 * Daily totals behind the form and the dashboard: per organisation and day, the 15 counted numbers
 * (by decision date / date carried out), the economic burden relieved and the matters of the counted
 * decisions (by decision date), the rectification deadlines (by correction deadline) and the open
 * 复查 / 回访 tasks (by due date). Kept exact by database triggers on cases, measures and case tasks in
 * the writing transaction (migration 0007, docs/statistics.md §10); never written by hand.
 * Region first: the natural shard key of a distributed PostgreSQL.
 */
export const statisticsDailyTotals = pgTable(
  "statistics_daily_totals",
  {
    regionCode: text("region_code").notNull(),
    organisationId: uuid("organisation_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    /**
     * A statistics column (`persuasion` …), `burden_yuan`, `burden_cases`, `burden_without`,
     * `matter:<code>`, `rectification_due`, `rectification_on_time`, `open_reinspection`, `open_follow_up`.
     */
    item: text("item").notNull(),
    value: numeric("value", { precision: 18, scale: 2, mode: "number" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.organisationId, t.day, t.item] }),
    index("statistics_daily_totals_org_idx").on(t.organisationId, t.day, t.item),
  ],
);
