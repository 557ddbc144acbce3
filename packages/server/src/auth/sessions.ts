import crypto from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { organisations, sessions, users } from "../db/schema";
import type { Role } from "@kuanyan/domain/organisations";

export const SESSION_COOKIE = "kuanyan_session";

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
    expiresAt: new Date(now.getTime() + hours * 3600_000),
  });
  return { token, csrfToken };
}

/** The session's user, or null when the token is unknown, expired or the user is disabled. */
export async function findSession(db: DbOrTx, token: string, now: Date) {
  const rows = await db
    .select({
      tokenHash: sessions.tokenHash,
      csrfToken: sessions.csrfToken,
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
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, now)))
    .limit(1);
  const row = rows[0];
  if (!row || !row.active) return null;
  return { ...row, roles: row.roles as Role[] };
}

export async function deleteSession(db: DbOrTx, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteExpiredSessions(db: DbOrTx, now: Date) {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}
