import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Rate-limit counters (migration 0011), used when the server runs on PostgreSQL so that several
 * processes share them. Infrastructure, not jurisdictional data: no region_code. `key` is a
 * SHA-256 of the limiter name and the client, never an IP or username in clear.
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    count: integer("count").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("rate_limits_expires_idx").on(t.expiresAt)],
);
