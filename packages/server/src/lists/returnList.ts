import type { AppContext, Auth } from "../http/context";
import { runTransition } from "./transition";

/** 退回修改 (法制审核人员): comments are required; the version goes back to draft. */
export function returnList(ctx: AppContext, auth: Auth, input: { listId: string; versionNo: number; comments: string; lockVersion?: number }) {
  return runTransition(ctx, auth, {
    listId: input.listId,
    lockVersion: input.lockVersion,
    action: { type: "return", version: input.versionNo, comments: input.comments },
  });
}
