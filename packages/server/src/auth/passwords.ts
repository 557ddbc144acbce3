import { hash, verify } from "@node-rs/argon2";
import { and, desc, eq, notInArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { passwordHistory, users } from "../db/schema";
import { AppError } from "../http/errors";
import { isCommonPassword } from "./common-passwords";

// argon2id (the library's default algorithm) with OWASP-recommended parameters.
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** How many of a user's passwords (the current one included) a new password may not repeat. */
export const PASSWORD_HISTORY = 5;

/** Counts the real password checks (argon2 verifications) made by this process; read by tests. */
export const passwordChecks = { count: 0 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  passwordChecks.count++;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** The rules, as shown next to the password fields (the web shows the same text). */
export const PASSWORD_RULES_TEXT =
  "至少 8 位，包含大写字母、小写字母、数字、符号中的至少 3 类；不能包含用户名或倒写的用户名；不能是常见密码；不能与最近 5 次使用过的密码相同。";

/**
 * Password policy (等保 2.0 level 3 身份鉴别: complexity): at least 8 characters of at least 3 of the
 * 4 classes (upper, lower, digit, symbol), not containing the username or the username reversed
 * (case-insensitive), not a common password. Returns the Chinese reason naming the rule broken, or null.
 */
export function passwordProblem(password: string, username?: string): string | null {
  if (password.length < 8) return "密码至少 8 位";
  if (password.length > 128) return "密码最多 128 位";
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) return "密码须包含大写字母、小写字母、数字、符号中的至少 3 类";
  const name = username?.trim().toLowerCase();
  if (name) {
    const lower = password.toLowerCase();
    if (lower.includes(name)) return "密码不能包含用户名";
    const reversed = [...name].reverse().join("");
    if (lower.includes(reversed)) return "密码不能包含倒写的用户名";
  }
  if (isCommonPassword(password)) return "密码过于常见，容易被猜中，请换一个";
  return null;
}

/** The hashes a new password of this user may not match: the current password and the recent ones. */
async function recentHashes(db: DbOrTx, userId: string): Promise<string[]> {
  const [current] = await db.select({ h: users.passwordHash }).from(users).where(eq(users.id, userId));
  const history = await db
    .select({ h: passwordHistory.passwordHash })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, userId))
    .orderBy(desc(passwordHistory.createdAt), desc(passwordHistory.id))
    .limit(PASSWORD_HISTORY);
  const hashes = [...(current ? [current.h] : []), ...history.map((r) => r.h)];
  // The current password is normally also the newest history entry; count it once.
  return [...new Set(hashes)].slice(0, PASSWORD_HISTORY);
}

/**
 * Checks a new password against the policy and, for an existing user, against the last
 * PASSWORD_HISTORY passwords. Throws a 400 naming the rule broken (field `field`).
 */
export async function checkNewPassword(
  db: DbOrTx,
  input: { username: string; password: string; userId?: string; field?: string; label?: string },
): Promise<void> {
  const field = input.field ?? "password";
  const label = input.label ?? "密码";
  const fail = (reason: string) => {
    const message = `${label}：${reason}`;
    return new AppError("validation_failed", message, [{ field, message }]);
  };
  const problem = passwordProblem(input.password, input.username);
  if (problem) throw fail(problem);
  if (input.userId) {
    for (const h of await recentHashes(db, input.userId)) {
      if (await verifyPassword(h, input.password)) throw fail(`不能与最近 ${PASSWORD_HISTORY} 次使用过的密码相同`);
    }
  }
}

/** Records a newly set password in the user's history and keeps only the newest entries. */
export async function rememberPassword(tx: DbOrTx, userId: string, passwordHash: string, at: Date): Promise<void> {
  await tx.insert(passwordHistory).values({
    regionCode: sql`(SELECT ${users.regionCode} FROM ${users} WHERE ${users.id} = ${userId})`,
    userId,
    passwordHash,
    createdAt: at,
  });
  const keep = await tx
    .select({ id: passwordHistory.id })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, userId))
    .orderBy(desc(passwordHistory.createdAt), desc(passwordHistory.id))
    .limit(PASSWORD_HISTORY);
  await tx.delete(passwordHistory).where(
    and(
      eq(passwordHistory.userId, userId),
      notInArray(
        passwordHistory.id,
        keep.map((r) => r.id),
      ),
    ),
  );
}
