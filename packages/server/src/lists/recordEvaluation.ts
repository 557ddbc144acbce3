import type { AppContext, Auth } from "../http/context";
import { runTransition } from "./transition";

/** 记录定期评估结果 of a version in force. */
export function recordEvaluation(ctx: AppContext, auth: Auth, input: { listId: string; versionNo: number; findings: string }) {
  return runTransition(ctx, auth, { listId: input.listId, action: { type: "recordEvaluation", version: input.versionNo, findings: input.findings } });
}
