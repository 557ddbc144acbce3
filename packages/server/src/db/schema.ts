/**
 * The database schema (PostgreSQL ≥ 15; the same on PGlite). Every domain table carries
 * `region_code` (GB/T 2260, 6 digits, of the owning organisation) so that a distributed
 * PostgreSQL can shard by region; see docs/database.md.
 */
import { sql } from "drizzle-orm";
import { bigint, bigserial, boolean, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

/** 行政区划: province (1), city (2), county (3), township (4). */
export const regions = pgTable(
  "regions",
  {
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    parentCode: text("parent_code"),
    level: smallint("level").notNull(),
  },
  (t) => [index("regions_parent_idx").on(t.parentCode)],
);

/** 执法主体 and other organisations (司法局, 乡镇人民政府, 人民政府). */
export const organisations = pgTable(
  "organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionCode: text("region_code").notNull(),
    name: text("name").notNull(),
    shortName: text("short_name").notNull(),
    creditCode: text("credit_code"),
    domain: text("domain").notNull(),
    kind: text("kind").notNull(),
    parentId: uuid("parent_id"),
    contactPerson: text("contact_person"),
    contactPhone: text("contact_phone"),
    isDemo: boolean("is_demo").notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("organisations_name_uq").on(t.name),
    index("organisations_region_idx").on(t.regionCode),
    index("organisations_parent_idx").on(t.parentId),
  ],
);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionCode: text("region_code").notNull(),
    organisationId: uuid("organisation_id").notNull(),
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    roles: text("roles")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    licenceNo: text("licence_no"),
    // pii: the phone encrypted (src/pii) and masked; the old clear column "phone" is emptied at start.
    phoneEnc: text("phone_enc"),
    phoneMasked: text("phone_masked"),
    active: boolean("active").notNull().default(true),
    failedLogins: integer("failed_logins").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    isDemo: boolean("is_demo").notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("users_username_uq").on(t.username), index("users_org_idx").on(t.organisationId)],
);

/** Sessions live in the database so that any server process can serve any request. */
export const sessions = pgTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id").notNull(),
    csrfToken: text("csrf_token").notNull(),
    ip: text("ip"),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** Last request seen on the session (written at most once a minute); the idle timeout counts from it. */
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Hashes of the passwords a user has had (the newest few are kept), so that none is reused. */
export const passwordHistory = pgTable(
  "password_history",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** The user's region (every table carries one: the shard key of a distributed database). */
    regionCode: text("region_code").notNull(),
    userId: uuid("user_id").notNull(),
    passwordHash: text("password_hash").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("password_history_user_idx").on(t.userId, t.createdAt)],
);

/** 全过程记录: append-only audit events, written in the same transaction as the change. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    regionCode: text("region_code").notNull(),
    organisationId: uuid("organisation_id"),
    actorId: uuid("actor_id"),
    actorName: text("actor_name"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    ip: text("ip"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    // The hash chain (migration 0008, src/audit/chain.ts): gapless sequence, previous and own hash.
    seq: bigint("seq", { mode: "number" }),
    prevHash: text("prev_hash"),
    hash: text("hash"),
  },
  (t) => [
    index("audit_entity_idx").on(t.entityType, t.entityId),
    index("audit_org_idx").on(t.organisationId, t.at),
    uniqueIndex("audit_seq_uq").on(t.seq),
  ],
);

/** The head of the global audit chain (one row, id 1), locked by every append. */
export const auditChainHead = pgTable("audit_chain_head", {
  id: smallint("id").primaryKey().default(1),
  regionCode: text("region_code").notNull().default("000000"),
  seq: bigint("seq", { mode: "number" }).notNull().default(0),
  hash: text("hash").notNull(),
});

/** Named counters (document numbers and the like), incremented under a row lock. */
export const counters = pgTable("counters", {
  key: text("key").primaryKey(),
  regionCode: text("region_code").notNull(),
  value: integer("value").notNull().default(0),
});

/** Installation-wide settings (e.g. the key that encrypts ID numbers), created at first start. */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

export * from "../lists/schema";
export * from "../cases/schema";
export * from "../documents/schema";
export * from "../statistics/schema";
export * from "../http/rateLimitSchema";
export * from "../inspections/schema";
export * from "../inspections/field/schema";
export * from "../hazards/schema";
