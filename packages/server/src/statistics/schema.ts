import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

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
