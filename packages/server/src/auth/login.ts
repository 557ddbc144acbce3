import { eq } from "drizzle-orm";
import { organisations, users } from "../db/schema";
import { recordAudit } from "../audit/record";
import { AppError } from "../http/errors";
import type { AppContext } from "../http/context";
import { createSession } from "./sessions";
import { hashPassword, verifyPassword } from "./passwords";

let dummyHash: Promise<string> | null = null;

function lockedMessage(until: Date): string {
  const hh = String(until.getHours()).padStart(2, "0");
  const mm = String(until.getMinutes()).padStart(2, "0");
  return `登录失败次数过多，账号已锁定至 ${hh}:${mm}，请稍后再试或联系单位管理员解锁`;
}

/**
 * Logs a user in. After `loginMaxFailures` wrong passwords in a row the account is locked for
 * `lockoutMinutes`; every attempt leaves an audit event.
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
  if (user.lockedUntil && user.lockedUntil > now) throw new AppError("account_locked", lockedMessage(user.lockedUntil));

  const ok = await verifyPassword(user.passwordHash, input.password);
  const actor = { userId: user.id, displayName: user.displayName, ip: input.ip };
  const audit = { entityType: "user", entityId: user.id, organisationId: user.organisationId, regionCode: row.regionCode };
  if (!ok) {
    const failures = user.failedLogins + 1;
    const lock = failures >= ctx.config.loginMaxFailures;
    const lockedUntil = lock ? new Date(now.getTime() + ctx.config.lockoutMinutes * 60_000) : null;
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ failedLogins: lock ? 0 : failures, lockedUntil })
        .where(eq(users.id, user.id));
      await recordAudit(tx, actor, { ...audit, action: lock ? "auth.locked" : "auth.login_failed", after: { failures } });
    });
    if (lock && lockedUntil) throw new AppError("account_locked", lockedMessage(lockedUntil));
    throw new AppError("invalid_credentials", "用户名或密码错误");
  }
  return db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
    const session = await createSession(tx, user.id, input.ip, now, ctx.config.sessionHours);
    await recordAudit(tx, actor, { ...audit, action: "auth.login" });
    return { ...session, userId: user.id };
  });
}
