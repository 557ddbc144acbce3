import { and, eq, isNull, lte, or, sql } from "drizzle-orm";
import { organisations, users } from "../db/schema";
import { recordAudit } from "../audit/record";
import { AppError } from "../http/errors";
import type { AppContext } from "../http/context";
import { createSession, hashToken, limitSessions } from "./sessions";
import { hashPassword, verifyPassword } from "./passwords";
import { beijingTime } from "./time";

let dummyHash: Promise<string> | null = null;

export function lockedMessage(until: Date, now: Date): string {
  return `登录失败次数过多，账号已锁定，请于 ${beijingTime(until, now)} 后再试（北京时间），或联系单位管理员解锁`;
}

/**
 * Logs a user in. After `loginMaxFailures` wrong passwords in a row the account is locked for
 * `lockoutMinutes`; every attempt leaves an audit event.
 *
 * The attempt is counted before the password is checked, by one UPDATE … RETURNING that only
 * matches an account that is not locked: parallel attempts cannot read the same count, and the
 * attempt that reaches the limit locks the account at once (a right password then unlocks it).
 * So however many requests arrive together, at most `loginMaxFailures` passwords are checked per
 * lockout period.
 */
export async function login(ctx: AppContext, input: { username: string; password: string; ip: string }) {
  const now = ctx.now();
  const { db } = ctx.database;
  const rows = await db
    .select({ user: users, regionCode: organisations.regionCode })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.username, input.username))
    .limit(1);
  const row = rows[0];
  if (!row || !row.user.active) {
    // Same work as a real check, so timing does not tell which usernames exist.
    dummyHash ??= hashPassword("not-a-real-password-1");
    await verifyPassword(await dummyHash, input.password);
    throw new AppError("invalid_credentials", "用户名或密码错误");
  }
  const user = row.user;
  const max = ctx.config.loginMaxFailures;
  const lockUntil = new Date(now.getTime() + ctx.config.lockoutMinutes * 60_000);
  const notLocked = or(isNull(users.lockedUntil), lte(users.lockedUntil, now));
  // A lock that has run out starts the count afresh.
  const attempts = sql`(CASE WHEN ${users.lockedUntil} IS NOT NULL THEN 0 ELSE ${users.failedLogins} END + 1)`;
  const claimed = await db
    .update(users)
    .set({
      failedLogins: attempts,
      lockedUntil: sql`CASE WHEN ${attempts} >= ${max} THEN ${lockUntil.toISOString()}::timestamptz ELSE NULL END`,
    })
    .where(and(eq(users.id, user.id), notLocked))
    .returning({ failures: users.failedLogins, lockedUntil: users.lockedUntil });
  if (!claimed.length) {
    const [{ lockedUntil }] = await db.select({ lockedUntil: users.lockedUntil }).from(users).where(eq(users.id, user.id));
    throw new AppError("account_locked", lockedMessage(lockedUntil ?? lockUntil, now));
  }
  const { failures, lockedUntil } = claimed[0];

  const ok = await verifyPassword(user.passwordHash, input.password);
  const actor = { userId: user.id, displayName: user.displayName, ip: input.ip };
  const audit = { entityType: "user", entityId: user.id, organisationId: user.organisationId, regionCode: row.regionCode };
  if (!ok) {
    await db.transaction(async (tx) => {
      await recordAudit(tx, actor, { ...audit, action: lockedUntil ? "auth.locked" : "auth.login_failed", after: { failures } });
    });
    if (lockedUntil) throw new AppError("account_locked", lockedMessage(lockedUntil, now));
    throw new AppError("invalid_credentials", "用户名或密码错误");
  }
  return db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
    const session = await createSession(tx, user.id, input.ip, now, ctx.config.sessionHours);
    const sessionsEnded = await limitSessions(tx, user.id, hashToken(session.token), ctx.config.maxSessionsPerUser);
    await recordAudit(tx, actor, { ...audit, action: "auth.login", ...(sessionsEnded ? { after: { sessionsEnded } } : {}) });
    return { ...session, userId: user.id };
  });
}
