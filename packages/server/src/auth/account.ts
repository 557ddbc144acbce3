import type { DbOrTx } from "../db/client";
import { rememberPassword } from "./passwords";
import { revokeSessions } from "./sessions";
import { announceAuthChange } from "./sessionCache";

/**
 * What an administrator's change to a user means for the user's sessions and password history,
 * called in the change's transaction: a new password (reset) is remembered, and a reset or a
 * disabled account ends every session of the user. Any other change (roles, unit, name, licence)
 * reaches the session caches of every process (src/auth/sessionCache.ts). Returns how many sessions
 * were ended.
 */
export async function afterUserChange(tx: DbOrTx, userId: string, change: { passwordHash?: string; active?: boolean; at: Date }): Promise<number> {
  if (change.passwordHash) await rememberPassword(tx, userId, change.passwordHash, change.at);
  const ended = change.passwordHash || change.active === false ? await revokeSessions(tx, userId) : 0;
  if (!ended) await announceAuthChange(tx, { userId });
  return ended;
}
