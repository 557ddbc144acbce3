import crypto from "node:crypto";
import type { Database } from "../db/client";

type Callback = (err: Error | null, res?: { current: number; ttl: number }) => void;

/** The store contract of @fastify/rate-limit (incr, read, child). */
export interface RateLimitStore {
  incr(key: string, cb: Callback, timeWindow: number, max: number): void;
  read(key: string, cb: Callback, timeWindow: number, max: number): void;
  child(routeOptions: unknown): RateLimitStore;
}

/** The table holds a hash of the key: no client IP or username in clear in the database. */
export function storedKey(key: string): string {
  return crypto.createHash("sha256").update(key).digest("hex");
}

// One statement, atomic under concurrency (the primary key serialises writers of one key): a new
// key or an expired window starts at 1 with a fresh expiry; a live window counts up and keeps its
// expiry. The database's clock decides, so every process agrees on the window.
const incrSql = `
INSERT INTO rate_limits AS r (key, count, expires_at)
VALUES ($1, 1, now() + $2::int * interval '1 millisecond')
ON CONFLICT (key) DO UPDATE SET
  count = CASE WHEN r.expires_at <= now() THEN 1 ELSE r.count + 1 END,
  expires_at = CASE WHEN r.expires_at <= now() THEN EXCLUDED.expires_at ELSE r.expires_at END
RETURNING count, greatest(0, ceil(extract(epoch FROM (r.expires_at - now())) * 1000))::int AS ttl`;

const readSql = `
SELECT count, greatest(0, ceil(extract(epoch FROM (expires_at - now())) * 1000))::int AS ttl
FROM rate_limits WHERE key = $1 AND expires_at > now()`;

/** How often (at most) a process deletes expired counters. */
const sweepEveryMs = 60_000;

/**
 * Counters in the `rate_limits` table, shared by every server process on one PostgreSQL.
 * Keys are namespaced by the limiter (see rateLimit.ts), so one store serves all limiters.
 */
export function databaseStore(database: Database): new (...args: unknown[]) => RateLimitStore {
  let lastSweep = 0;
  const sweep = () => {
    const now = Date.now();
    if (now - lastSweep < sweepEveryMs) return;
    lastSweep = now;
    // Fire and forget: a failed sweep (e.g. the pool closing) only leaves rows for the next one.
    database.query("DELETE FROM rate_limits WHERE expires_at < now()").catch(() => undefined);
  };
  class DatabaseStore implements RateLimitStore {
    incr(key: string, cb: Callback, timeWindow: number) {
      database.query<{ count: number; ttl: number }>(incrSql, [storedKey(key), Math.min(Math.max(1, Math.trunc(timeWindow)), 2_000_000_000)]).then(
        ([row]) => {
          sweep();
          cb(null, { current: Number(row.count), ttl: Number(row.ttl) });
        },
        (err: Error) => cb(err),
      );
    }
    read(key: string, cb: Callback) {
      database.query<{ count: number; ttl: number }>(readSql, [storedKey(key)]).then(
        ([row]) => cb(null, row ? { current: Number(row.count), ttl: Number(row.ttl) } : { current: 0, ttl: 0 }),
        (err: Error) => cb(err),
      );
    }
    child() {
      return new DatabaseStore();
    }
  }
  return DatabaseStore;
}
