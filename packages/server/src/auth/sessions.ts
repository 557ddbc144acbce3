import crypto from "node:crypto";
import { and, desc, eq, gt, lt, ne, notInArray, or } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { organisations, sessions, users } from "../db/schema";
import type { Role } from "@kuanyan/domain/organisations";
import { announceAuthChange, type SessionCache, type SessionRecord } from "./sessionCache";

export const SESSION_COOKIE = "kuanyan_session";

/** last_seen_at is written at most this often per session, to spare a write per request. */
export const TOUCH_INTERVAL_MS = 60_000;

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

export function newToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

export async function createSession(db: DbOrTx, userId: string, ip: string, now: Date, hours: number) {
  const token = newToken();
  const csrfToken = newToken();
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId,
    csrfToken,
    ip,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + hours * 3600_000),
  });
  return { token, csrfToken };
}

/**
 * Ends the user's oldest sessions so that at most `max` remain, the one just created (`keepTokenHash`)
 * always among them. Returns how many were ended.
 */
export async function limitSessions(db: DbOrTx, userId: string, keepTokenHash: string, max: number): Promise<number> {
  const keep = await db
    .select({ tokenHash: sessions.tokenHash })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.tokenHash, keepTokenHash)))
    .orderBy(desc(sessions.createdAt), desc(sessions.lastSeenAt))
    .limit(Math.max(0, max - 1));
  const ended = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), notInArray(sessions.tokenHash, [keepTokenHash, ...keep.map((k) => k.tokenHash)])))
    .returning({ tokenHash: sessions.tokenHash });
  for (const { tokenHash } of ended) await announceAuthChange(db, { tokenHash });
  return ended.length;
}

/**
 * The live session of `tokenHash` read from the database, or null when it is unknown, expired, idle for
 * longer than `idleMinutes`, or its user is disabled.
 */
export async function loadSession(db: DbOrTx, tokenHash: string, now: Date, idleMinutes?: number): Promise<SessionRecord | null> {
  const live = [eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)];
  if (idleMinutes) live.push(gt(sessions.lastSeenAt, new Date(now.getTime() - idleMinutes * 60_000)));
  const rows = await db
    .select({
      tokenHash: sessions.tokenHash,
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      roles: users.roles,
      licenceNo: users.licenceNo,
      active: users.active,
      organisationId: users.organisationId,
      organisationName: organisations.name,
      organisationDomain: organisations.domain,
      regionCode: organisations.regionCode,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(...live))
    .limit(1);
  const row = rows[0];
  if (!row || !row.active) return null;
  const { active: _active, ...rest } = row;
  // Shared by the requests that the cache serves: nobody may change it in place.
  return { ...rest, roles: Object.freeze([...row.roles]) as Role[] };
}

/** Records a request in last_seen_at unless it was written less than a minute ago; false when no row was written. */
async function touchSession(db: DbOrTx, tokenHash: string, now: Date): Promise<boolean> {
  const written = await db
    .update(sessions)
    .set({ lastSeenAt: now })
    .where(and(eq(sessions.tokenHash, tokenHash), lt(sessions.lastSeenAt, new Date(now.getTime() - TOUCH_INTERVAL_MS + 1))))
    .returning({ tokenHash: sessions.tokenHash });
  return written.length > 0;
}

/**
 * The session of a token, from the process's cache when it holds it (no query), otherwise from the
 * database (then cached); null when there is no live session. Records the request in last_seen_at at
 * most once a minute per session (and per process); when that write finds no row to update (the
 * session ended, or another process recorded a request meanwhile), the session is read again.
 */
export async function resolveSession(db: DbOrTx, cache: SessionCache, token: string, now: Date, idleMinutes?: number): Promise<SessionRecord | null> {
  const tokenHash = hashToken(token);
  const read = async () => {
    const generation = cache.generation;
    const record = await loadSession(db, tokenHash, now, idleMinutes);
    if (record) cache.put(record, generation);
    return record;
  };
  const record = cache.get(tokenHash, now, idleMinutes) ?? (await read());
  if (!record || now.getTime() - record.lastSeenAt.getTime() < TOUCH_INTERVAL_MS) return record;
  record.lastSeenAt = now; // the requests that follow do not write again
  if (await touchSession(db, tokenHash, now)) return record;
  cache.forget(tokenHash);
  return read();
}

export async function deleteSession(db: DbOrTx, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
  await announceAuthChange(db, { tokenHash });
}

/**
 * Ends every session of a user (password reset by an administrator, user disabled), or every one
 * but the caller's own (`exceptTokenHash`, the user changed their own password). Returns how many.
 */
export async function revokeSessions(db: DbOrTx, userId: string, exceptTokenHash?: string): Promise<number> {
  const where = exceptTokenHash ? and(eq(sessions.userId, userId), ne(sessions.tokenHash, exceptTokenHash)) : eq(sessions.userId, userId);
  const ended = await db.delete(sessions).where(where).returning({ tokenHash: sessions.tokenHash });
  if (ended.length) await announceAuthChange(db, { userId });
  return ended.length;
}

/**
 * Deletes expired sessions, and (given `idleMinutes`) those idle for longer than that. No announcement:
 * a cache applies the same two rules to its entries (src/auth/sessionCache.ts).
 */
export async function deleteExpiredSessions(db: DbOrTx, now: Date, idleMinutes?: number) {
  const idle = idleMinutes ? lt(sessions.lastSeenAt, new Date(now.getTime() - idleMinutes * 60_000)) : undefined;
  await db.delete(sessions).where(idle ? or(lt(sessions.expiresAt, now), idle) : lt(sessions.expiresAt, now));
}
