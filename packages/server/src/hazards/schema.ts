/** 隐患 (issue 10 §7): the ledger and its events (migration 0014; the ledger's indexes 0015). */
import { sql } from "drizzle-orm";
import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { bytea } from "../cases/schema";
import { inspections } from "../inspections/schema";

export const hazards = pgTable(
  "hazards",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionCode: text("region_code").notNull(),
    organisationId: uuid("organisation_id").notNull(),
    inspectionId: uuid("inspection_id").references(() => inspections.id),
    itemId: text("item_id"),
    creditCode: text("credit_code").notNull(),
    unitName: text("unit_name").notNull(),
    level: text("level").notNull(),
    criterion: text("criterion"),
    description: text("description").notNull(),
    responsiblePerson: text("responsible_person").notNull(),
    foundOn: date("found_on", { mode: "string" }).notNull(),
    deadline: date("deadline", { mode: "string" }).notNull(),
    status: text("status").notNull(),
    rectificationEvidence: jsonb("rectification_evidence")
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    reviews: jsonb("reviews")
      .$type<{ on: string; passed: boolean; note: string; reviewerId: string }[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    previousDeadlines: jsonb("previous_deadlines")
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    rectifiedOn: date("rectified_on", { mode: "string" }),
    closedOn: date("closed_on", { mode: "string" }),
    idempotencyKey: text("idempotency_key"),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("hazards_item_idx").on(t.inspectionId, t.itemId),
    index("hazards_org_idx").on(t.organisationId, t.status, t.deadline),
    index("hazards_region_idx").on(t.regionCode, t.foundOn),
    // The ledger's order (newest found first, then id): its first page is read from the index, and
    // with organisation_id in it the total of a scope and year is counted from the index alone
    // (migration 0015, bench/hazards-ledger.ts).
    index("hazards_ledger_idx").on(t.foundOn.desc().nullsFirst(), t.id, t.organisationId),
    // The ledger's search by 统一社会信用代码.
    index("hazards_credit_code_idx").on(t.creditCode),
  ],
);

export const hazardEvents = pgTable(
  "hazard_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionCode: text("region_code").notNull(),
    organisationId: uuid("organisation_id").notNull(),
    hazardId: uuid("hazard_id")
      .notNull()
      .references(() => hazards.id),
    kind: text("kind").notNull(),
    detail: jsonb("detail")
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    evidence: jsonb("evidence")
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    actorId: uuid("actor_id"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("hazard_events_hazard_idx").on(t.hazardId)],
);

/** Rectification evidence files (photos, documents), hashed like case evidence. */
export const hazardEvidence = pgTable(
  "hazard_evidence",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionCode: text("region_code").notNull(),
    organisationId: uuid("organisation_id").notNull(),
    hazardId: uuid("hazard_id")
      .notNull()
      .references(() => hazards.id),
    mime: text("mime").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    data: bytea("data").notNull(),
    uploadedBy: uuid("uploaded_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("hazard_evidence_hazard_idx").on(t.hazardId)],
);
