/**
 * Inspections, part A (migration 0013): the object pool, inspectors' certificates and exclusions,
 * the 抽查事项清单, versioned checklists, plans, publicly verifiable draws and the inspections they
 * plan. Every table carries region_code (the owning organisation's).
 */
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

/** 检查对象名录库: one unit per organisation and 统一社会信用代码. The contact phone is personal data (src/pii). */
export const inspectionUnits = pgTable(
  "inspection_units",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionCode: text("region_code").notNull(),
    organisationId: uuid("organisation_id").notNull(),
    creditCode: text("credit_code").notNull(),
    name: text("name").notNull(),
    address: text("address").notNull().default(""),
    industry: text("industry").notNull(),
    riskLevel: text("risk_level").notNull(),
    keyUnit: boolean("key_unit").notNull().default(false),
    /** 联系人 (masked in lists, never published). */
    contactName: text("contact_name"),
    contactPhoneEnc: text("contact_phone_enc"),
    contactPhoneMasked: text("contact_phone_masked"),
    contactPhoneBidx: text("contact_phone_bidx"),
    isDemo: boolean("is_demo").notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("inspection_units_org_credit_uq").on(t.organisationId, t.creditCode),
    index("inspection_units_region_idx").on(t.regionCode),
    index("inspection_units_org_industry_idx").on(t.organisationId, t.industry, t.riskLevel),
  ],
);

/** 行政执法证 of a user (one per user) and the fields of competence (industries). */
export const inspectorCertificates = pgTable(
  "inspector_certificates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionCode: text("region_code").notNull(),
    organisationId: uuid("organisation_id").notNull(),
    userId: uuid("user_id").notNull(),
    number: text("number").notNull(),
    issuingBody: text("issuing_body").notNull(),
    validFrom: date("valid_from", { mode: "string" }).notNull(),
    validTo: date("valid_to", { mode: "string" }).notNull(),
    fields: text("fields")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    isDemo: boolean("is_demo").notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("inspector_certificates_user_uq").on(t.userId),
    index("inspector_certificates_org_idx").on(t.organisationId),
    index("inspector_certificates_number_idx").on(t.number),
  ],
);

/** 回避: an inspector never drawn for a unit, with the reason category and (internal) particulars. */
export const inspectionExclusions = pgTable(
  "inspection_exclusions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionCode: text("region_code").notNull(),
    organisationId: uuid("organisation_id").notNull(),
    userId: uuid("user_id").notNull(),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => inspectionUnits.id),
    reason: text("reason").notNull(),
    note: text("note"),
    createdBy: uuid("created_by"),
    isDemo: boolean("is_demo").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("inspection_exclusions_pair_uq").on(t.userId, t.unitId, t.reason), index("inspection_exclusions_org_idx").on(t.organisationId)],
);

/**
 * 检查表 of an organisation: the domain's ChecklistRecord, its versions (items, status) as jsonb.
 * `copied_from` is { checklistId, version } (checklistId "starter:<key>" for a shipped starter).
 */
export const inspectionChecklists = pgTable(
  "inspection_checklists",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionCode: text("region_code").notNull(),
    organisationId: uuid("organisation_id").notNull(),
    industry: text("industry").notNull(),
    title: text("title").notNull(),
    copiedFrom: jsonb("copied_from"),
    versions: jsonb("versions").notNull().default([]),
    isDemo: boolean("is_demo").notNull().default(false),
    lockVersion: integer("lock_version").notNull().default(1),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("inspection_checklists_org_idx").on(t.organisationId, t.industry)],
);

/** 抽查事项清单: a matter of an organisation, tied to catalogue matters and a checklist. */
export const inspectionMatters = pgTable(
  "inspection_matters",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionCode: text("region_code").notNull(),
    organisationId: uuid("organisation_id").notNull(),
    name: text("name").notNull(),
    industry: text("industry"),
    matterCodes: text("matter_codes")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    checklistId: uuid("checklist_id").references(() => inspectionChecklists.id),
    inspectionMethod: text("inspection_method").notNull().default(""),
    published: boolean("published").notNull().default(false),
    publishedOn: date("published_on", { mode: "string" }),
    isDemo: boolean("is_demo").notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("inspection_matters_org_idx").on(t.organisationId)],
);

/** 年度抽查计划: the annual rules (default percent, ratios per industry / risk level). */
export const inspectionPlans = pgTable(
  "inspection_plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionCode: text("region_code").notNull(),
    organisationId: uuid("organisation_id").notNull(),
    year: integer("year").notNull(),
    title: text("title").notNull(),
    rules: jsonb("rules").notNull(),
    notes: text("notes").notNull().default(""),
    createdBy: uuid("created_by"),
    isDemo: boolean("is_demo").notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("inspection_plans_org_year_uq").on(t.organisationId, t.year)],
);

/**
 * A draw (docs/inspections/draw.md): announced with the frozen pool file, its SHA-256, the
 * commitment and the named future public value; drawn once that value is entered (secret revealed,
 * seed and result stored). A trigger refuses any change after drawing, any change of the announced
 * fields, and every delete. A redraw is a new row (`redraw_of`, `redraw_reason`).
 */
export const inspectionDraws = pgTable(
  "inspection_draws",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionCode: text("region_code").notNull(),
    organisationId: uuid("organisation_id").notNull(),
    planId: uuid("plan_id").references(() => inspectionPlans.id),
    /** The public draw id written into the pool file (e.g. "JJYJ-2027-ZX01"). */
    drawNo: text("draw_no").notNull(),
    /** "annual" | "periodic" */
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    /** Periodic draws: the inspections are due by this date. */
    dueBy: date("due_by", { mode: "string" }),
    /** The frozen pool file, byte for byte as published. */
    poolText: text("pool_text").notNull(),
    poolSha256: text("pool_sha256").notNull(),
    objectCount: integer("object_count").notNull(),
    /** 执法证号 → user id of the pool's inspectors, as at freezing (internal). */
    inspectorUsers: jsonb("inspector_users").notNull().default({}),
    commitment: text("commitment").notNull(),
    /** The server secret, encrypted (src/pii) until it is revealed by the draw. */
    secretEnc: text("secret_enc").notNull(),
    publicSource: text("public_source").notNull(),
    publicValueDate: date("public_value_date", { mode: "string" }).notNull(),
    announcedOn: date("announced_on", { mode: "string" }).notNull(),
    announcedBy: uuid("announced_by"),
    redrawOf: uuid("redraw_of").references((): AnyPgColumn => inspectionDraws.id),
    redrawReason: text("redraw_reason"),
    publicValue: text("public_value"),
    secret: text("secret"),
    seed: text("seed"),
    /** The domain's DrawSelection. */
    result: jsonb("result"),
    drawnOn: date("drawn_on", { mode: "string" }),
    drawnAt: timestamp("drawn_at", { withTimezone: true }),
    drawnBy: uuid("drawn_by"),
    isDemo: boolean("is_demo").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("inspection_draws_org_no_uq").on(t.organisationId, t.drawNo),
    index("inspection_draws_org_idx").on(t.organisationId, t.announcedOn),
    index("inspection_draws_plan_idx").on(t.planId),
  ],
);

/**
 * An inspection (the domain's InspectionRecord, lifecycle.ts): planned by an annual draw
 * (`plan_draw_id`) or created by an ad-hoc draw, assigned by a periodic draw (`draw_id`).
 * Results, signatures and hazards are added by migration 0014.
 */
export const inspections = pgTable(
  "inspections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionCode: text("region_code").notNull(),
    organisationId: uuid("organisation_id").notNull(),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => inspectionUnits.id),
    unitName: text("unit_name").notNull(),
    creditCode: text("credit_code").notNull(),
    year: integer("year").notNull(),
    planId: uuid("plan_id").references(() => inspectionPlans.id),
    planDrawId: uuid("plan_draw_id").references(() => inspectionDraws.id),
    drawId: uuid("draw_id").references(() => inspectionDraws.id),
    checklistId: uuid("checklist_id").references(() => inspectionChecklists.id),
    checklistVersion: integer("checklist_version"),
    inspectorIds: uuid("inspector_ids")
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    dueBy: date("due_by", { mode: "string" }),
    /** InspectionStatus of the domain. */
    status: text("status").notNull(),
    cancelReason: text("cancel_reason"),
    isDemo: boolean("is_demo").notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("inspections_org_status_idx").on(t.organisationId, t.status, t.dueBy),
    index("inspections_unit_idx").on(t.unitId),
    index("inspections_draw_idx").on(t.drawId),
    index("inspections_region_idx").on(t.regionCode, t.year),
    index("inspections_inspectors_idx").using("gin", t.inspectorIds),
  ],
);
