/**
 * The inspection on site (issue 10 §6): photos, results, signatures, submitted records (migration 0014).
 * Every row belongs to an inspection (foreign keys of migration 0015; nothing here is ever deleted, so
 * they keep the default ON DELETE NO ACTION: an inspection with records cannot be removed).
 */
import { sql } from "drizzle-orm";
import { type AnyPgColumn, boolean, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { bytea, cases } from "../../cases/schema";
import { inspections } from "../schema";

export const inspectionPhotos = pgTable(
  "inspection_photos",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionCode: text("region_code").notNull(),
    organisationId: uuid("organisation_id").notNull(),
    inspectionId: uuid("inspection_id")
      .notNull()
      .references(() => inspections.id),
    mime: text("mime").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    data: bytea("data").notNull(),
    uploadedBy: uuid("uploaded_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("inspection_photos_hash_idx").on(t.inspectionId, t.sha256)],
);

export const inspectionResults = pgTable(
  "inspection_results",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionCode: text("region_code").notNull(),
    organisationId: uuid("organisation_id").notNull(),
    inspectionId: uuid("inspection_id")
      .notNull()
      .references(() => inspections.id),
    itemId: text("item_id").notNull(),
    outcome: text("outcome").notNull(),
    note: text("note"),
    photos: jsonb("photos")
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    finding: jsonb("finding").$type<Record<string, unknown> | null>(),
    idempotencyKey: text("idempotency_key").notNull(),
    recordedBy: uuid("recorded_by").notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("inspection_results_item_idx").on(t.inspectionId, t.itemId)],
);

export const inspectionSignatures = pgTable(
  "inspection_signatures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionCode: text("region_code").notNull(),
    organisationId: uuid("organisation_id").notNull(),
    inspectionId: uuid("inspection_id")
      .notNull()
      .references(() => inspections.id),
    /** "inspector" or "representative". */
    signerKind: text("signer_kind").notNull(),
    userId: uuid("user_id"),
    name: text("name").notNull(),
    refused: boolean("refused").notNull().default(false),
    note: text("note"),
    image: bytea("image"),
    imageSha256: text("image_sha256"),
    idempotencyKey: text("idempotency_key").notNull(),
    signedAt: timestamp("signed_at", { withTimezone: true }).notNull().defaultNow(),
    /** Set when a later change of a result voids the signature (it signed other content). */
    voidedAt: timestamp("voided_at", { withTimezone: true }),
  },
  (t) => [index("inspection_signatures_inspection_idx").on(t.inspectionId)],
);

export const inspectionRecords = pgTable(
  "inspection_records",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionCode: text("region_code").notNull(),
    organisationId: uuid("organisation_id").notNull(),
    inspectionId: uuid("inspection_id")
      .notNull()
      .references(() => inspections.id),
    recordNo: text("record_no").notNull(),
    content: jsonb("content").$type<Record<string, unknown>>().notNull(),
    sha256: text("sha256").notNull(),
    pdf: bytea("pdf").notNull(),
    submittedBy: uuid("submitted_by").notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    supersedesId: uuid("supersedes_id").references((): AnyPgColumn => inspectionRecords.id),
    correctionReason: text("correction_reason"),
    supersededById: uuid("superseded_by_id").references((): AnyPgColumn => inspectionRecords.id),
  },
  (t) => [index("inspection_records_inspection_idx").on(t.inspectionId)],
);

/** 签到: one per inspection (the first inspector's check-in starts it). */
export const inspectionCheckIns = pgTable(
  "inspection_check_ins",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionCode: text("region_code").notNull(),
    organisationId: uuid("organisation_id").notNull(),
    inspectionId: uuid("inspection_id")
      .notNull()
      .references(() => inspections.id),
    userId: uuid("user_id").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    accuracyMetres: doublePrecision("accuracy_metres"),
    idempotencyKey: text("idempotency_key").notNull(),
  },
  (t) => [uniqueIndex("inspection_check_ins_inspection_idx").on(t.inspectionId)],
);

/** A failed item that opened a case (one case per item). */
export const inspectionCaseLinks = pgTable(
  "inspection_case_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionCode: text("region_code").notNull(),
    organisationId: uuid("organisation_id").notNull(),
    inspectionId: uuid("inspection_id")
      .notNull()
      .references(() => inspections.id),
    itemId: text("item_id").notNull(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("inspection_case_links_item_idx").on(t.inspectionId, t.itemId)],
);
