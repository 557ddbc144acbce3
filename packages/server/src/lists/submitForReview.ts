import type { AppContext, Auth } from "../http/context";
import { runTransition } from "./transition";

/** 提交合法性审核 (清单管理员). */
export function submitForReview(ctx: AppContext, auth: Auth, input: { listId: string; versionNo: number; lockVersion?: number }) {
  return runTransition(ctx, auth, { listId: input.listId, lockVersion: input.lockVersion, action: { type: "submit", version: input.versionNo } });
}
