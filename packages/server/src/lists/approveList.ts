import type { AppContext, Auth } from "../http/context";
import { runTransition } from "./transition";

/** 合法性审核通过 (法制审核人员), with optional comments. */
export function approveList(ctx: AppContext, auth: Auth, input: { listId: string; versionNo: number; comments?: string; lockVersion?: number }) {
  return runTransition(ctx, auth, {
    listId: input.listId,
    lockVersion: input.lockVersion,
    action: { type: "approve", version: input.versionNo, comments: input.comments },
  });
}
