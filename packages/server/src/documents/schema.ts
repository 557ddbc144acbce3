import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, boolean } from "drizzle-orm/pg-core";
import { bytea } from "../cases/schema";

/** An organisation's version of a document template (system defaults have no organisation). */
export const documentTemplates = pgTable(
  "document_templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionCode: text("region_code").notNull(),
    organisationId: uuid("organisation_id"),
    type: text("type").notNull(),
    version: integer("version").notNull(),
    body: jsonb("body").notNull(),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("document_templates_org_type_version_uq").on(t.organisationId, t.type, t.version)],
);

/** An organisation's document settings: the number pattern (编号格式), e.g. {org}{type}〔{year}〕{seq}号. */
export const documentSettings = pgTable("document_settings", {
  organisationId: uuid("organisation_id").primaryKey(),
  regionCode: text("region_code").notNull(),
  numberPattern: text("number_pattern").notNull(),
  version: integer("version").notNull().default(1),
  updatedBy: uuid("updated_by"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** An issued document (文书): frozen bytes with their hash, a number, a verification code. */
export const documents = pgTable(
  "documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionCode: text("region_code").notNull(),
    organisationId: uuid("organisation_id").notNull(),
    caseId: uuid("case_id"),
    type: text("type").notNull(),
    templateId: uuid("template_id"),
    templateVersion: integer("template_version").notNull(),
    year: integer("year").notNull(),
    seq: integer("seq").notNull(),
    number: text("number").notNull(),
    status: text("status").notNull(),
    supersedesId: uuid("supersedes_id"),
    fields: jsonb("fields").notNull(),
    pdf: bytea("pdf").notNull(),
    sha256: text("sha256").notNull(),
    shortCode: text("short_code").notNull(),
    issuedBy: uuid("issued_by"),
    issuedOn: date("issued_on", { mode: "string" }).notNull(),
    /** The exact time of issue: the PDF's CreationDate, so the frozen bytes can be re-rendered. */
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    cancelReason: text("cancel_reason"),
    isDemo: boolean("is_demo").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("documents_number_uq").on(t.organisationId, t.type, t.year, t.seq),
    uniqueIndex("documents_short_code_uq").on(t.shortCode),
    index("documents_case_idx").on(t.caseId),
  ],
);

/** 送达 records of a document. */
export const deliveries = pgTable(
  "deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionCode: text("region_code").notNull(),
    organisationId: uuid("organisation_id").notNull(),
    documentId: uuid("document_id").notNull(),
    method: text("method").notNull(),
    deliverer: text("deliverer").notNull(),
    recipient: text("recipient").notNull(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }).notNull(),
    signature: bytea("signature"),
    refused: boolean("refused").notNull().default(false),
    witnesses: jsonb("witnesses").notNull().default([]),
    consent: boolean("consent"),
    /** How the party's consent to electronic delivery was recorded (行政处罚法 第六十一条). */
    consentRecord: text("consent_record"),
    /** Place of delivery, postal address (with tracking number) or electronic address. */
    place: text("place"),
    remarks: text("remarks"),
    signedPdf: bytea("signed_pdf"),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("deliveries_document_idx").on(t.documentId)],
);

/** An organisation's electronic seal image. */
export const seals = pgTable("seals", {
  organisationId: uuid("organisation_id").primaryKey(),
  regionCode: text("region_code").notNull(),
  image: bytea("image").notNull(),
  mime: text("mime").notNull(),
  uploadedBy: uuid("uploaded_by"),
  uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
});
