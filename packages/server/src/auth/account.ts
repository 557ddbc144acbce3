import type { DbOrTx } from "../db/client";
import { rememberPassword } from "./passwords";
import { revokeSessions } from "./sessions";

/**
 * What an administrator's change to a user means for the user's sessions and password history,
 * called in the change's transaction: a new password (reset) is remembered, and a reset or a
 * disabled account ends every session of the user. Returns how many sessions were ended.
 */
export async function afterUserChange(tx: DbOrTx, userId: string, change: { passwordHash?: string; active?: boolean; at: Date }): Promise<number> {
  if (change.passwordHash) await rememberPassword(tx, userId, change.passwordHash, change.at);
  if (change.passwordHash || change.active === false) return revokeSessions(tx, userId);
  return 0;
}
