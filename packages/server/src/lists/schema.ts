import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/** 清单: one per organisation and type; its content lives in versions. */
export const lists = pgTable(
  "lists",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionCode: text("region_code").notNull(),
    organisationId: uuid("organisation_id").notNull(),
    type: text("type").notNull(),
    title: text("title").notNull(),
    isDemo: boolean("is_demo").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("lists_org_idx").on(t.organisationId), index("lists_region_idx").on(t.regionCode)],
);

/** A version of a list: draft → 合法性审核 → published → filed (备案) → superseded / repealed. */
export const listVersions = pgTable(
  "list_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionCode: text("region_code").notNull(),
    organisationId: uuid("organisation_id").notNull(),
    listId: uuid("list_id").notNull(),
    versionNo: integer("version_no").notNull(),
    status: text("status").notNull(),
    title: text("title").notNull(),
    notes: text("notes").notNull().default(""),
    effectiveFrom: date("effective_from", { mode: "string" }),
    effectiveTo: date("effective_to", { mode: "string" }),
    publishedOn: date("published_on", { mode: "string" }),
    filingDeadline: date("filing_deadline", { mode: "string" }),
    filedOn: date("filed_on", { mode: "string" }),
    filedWithId: uuid("filed_with_id"),
    reviewComments: jsonb("review_comments").notNull().default([]),
    quality: jsonb("quality").notNull().default([]),
    warningReason: text("warning_reason"),
    repealReason: text("repeal_reason"),
    lockVersion: integer("lock_version").notNull().default(1),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("list_versions_no_uq").on(t.listId, t.versionNo), index("list_versions_org_idx").on(t.organisationId, t.status)],
);

/** An item (one row of the annex table) of a list version, with its structured conditions. */
export const listItems = pgTable(
  "list_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionCode: text("region_code").notNull(),
    listVersionId: uuid("list_version_id").notNull(),
    seq: integer("seq").notNull(),
    matterName: text("matter_name").notNull(),
    matterCode: text("matter_code"),
    circumstances: text("circumstances").notNull(),
    basis: jsonb("basis").notNull().default([]),
    basisText: text("basis_text").notNull().default(""),
    measures: text("measures").array().notNull().default([]),
    otherMeasures: text("other_measures").array().notNull().default([]),
    remarks: text("remarks").notNull().default(""),
    conditions: jsonb("conditions").notNull().default([]),
  },
  (t) => [index("list_items_version_idx").on(t.listVersionId, t.seq), index("list_items_matter_idx").on(t.matterCode)],
);

/** 定期评估 of a published list version. */
export const listEvaluations = pgTable("list_evaluations", {
  id: uuid("id").primaryKey().defaultRandom(),
  regionCode: text("region_code").notNull(),
  listVersionId: uuid("list_version_id").notNull(),
  evaluatedOn: date("evaluated_on", { mode: "string" }).notNull(),
  findings: text("findings").notNull(),
  evaluatorId: uuid("evaluator_id"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** 认领: a subordinate organisation applies a superior's published list (a recorded version). */
export const listClaims = pgTable(
  "list_claims",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionCode: text("region_code").notNull(),
    organisationId: uuid("organisation_id").notNull(),
    listId: uuid("list_id").notNull(),
    listVersionId: uuid("list_version_id").notNull(),
    claimedOn: date("claimed_on", { mode: "string" }).notNull(),
    active: boolean("active").notNull().default(true),
    claimedBy: uuid("claimed_by"),
  },
  (t) => [index("list_claims_org_idx").on(t.organisationId)],
);

/** 执法事项库: the shipped catalogue plus matters organisations add. */
export const matters = pgTable("matters", {
  code: text("code").primaryKey(),
  regionCode: text("region_code").notNull().default("000000"),
  name: text("name").notNull(),
  domain: text("domain").notNull(),
  kind: text("kind").notNull(),
  data: jsonb("data").notNull(),
});
