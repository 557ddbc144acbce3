import type { AppContext, Auth } from "../http/context";
import { runTransition } from "./transition";

/** 废止 (单位管理员): the version in force ends today; a reason is required. */
export function repealList(ctx: AppContext, auth: Auth, input: { listId: string; reason: string }) {
  return runTransition(ctx, auth, { listId: input.listId, action: { type: "repeal", reason: input.reason } });
}
