import crypto from "node:crypto";
import { and, desc, eq, gt, lt, ne, notInArray, or } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { organisations, sessions, users } from "../db/schema";
import type { Role } from "@kuanyan/domain/organisations";

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
  return ended.length;
}

/**
 * The session's user, or null when the token is unknown, expired, idle for longer than
 * `idleMinutes`, or the user is disabled. Records the request in last_seen_at (at most once a minute).
 */
export async function findSession(db: DbOrTx, token: string, now: Date, idleMinutes?: number) {
  const tokenHash = hashToken(token);
  const live = [eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)];
  if (idleMinutes) live.push(gt(sessions.lastSeenAt, new Date(now.getTime() - idleMinutes * 60_000)));
  const rows = await db
    .select({
      tokenHash: sessions.tokenHash,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      roles: users.roles,
      active: users.active,
      organisationId: users.organisationId,
      organisationName: organisations.name,
      regionCode: organisations.regionCode,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(...live))
    .limit(1);
  const row = rows[0];
  if (!row || !row.active) return null;
  if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now })
      .where(and(eq(sessions.tokenHash, tokenHash), lt(sessions.lastSeenAt, new Date(now.getTime() - TOUCH_INTERVAL_MS + 1))));
  }
  const { lastSeenAt: _seen, ...rest } = row;
  return { ...rest, roles: row.roles as Role[] };
}

export async function deleteSession(db: DbOrTx, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/**
 * Ends every session of a user (password reset by an administrator, user disabled), or every one
 * but the caller's own (`exceptTokenHash`, the user changed their own password). Returns how many.
 */
export async function revokeSessions(db: DbOrTx, userId: string, exceptTokenHash?: string): Promise<number> {
  const where = exceptTokenHash ? and(eq(sessions.userId, userId), ne(sessions.tokenHash, exceptTokenHash)) : eq(sessions.userId, userId);
  const ended = await db.delete(sessions).where(where).returning({ tokenHash: sessions.tokenHash });
  return ended.length;
}

/** Deletes expired sessions, and (given `idleMinutes`) those idle for longer than that. */
export async function deleteExpiredSessions(db: DbOrTx, now: Date, idleMinutes?: number) {
  const idle = idleMinutes ? lt(sessions.lastSeenAt, new Date(now.getTime() - idleMinutes * 60_000)) : undefined;
  await db.delete(sessions).where(idle ? or(lt(sessions.expiresAt, now), idle) : lt(sessions.expiresAt, now));
}
