import type { AppContext, Auth } from "../http/context";
import { runTransition } from "./transition";

/**
 * 修订: a new draft version copied from a published one. The old version and its items stay as
 * they are (old cases point at them); its effectiveTo is set when the new version is published.
 */
export function reviseList(ctx: AppContext, auth: Auth, input: { listId: string; fromVersion: number }) {
  return runTransition(ctx, auth, { listId: input.listId, action: { type: "revise", fromVersion: input.fromVersion } });
}
