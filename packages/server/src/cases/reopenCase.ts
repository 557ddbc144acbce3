/** 重新打开: a closed case is corrected only through a recorded reopening with its reason. */
import { z } from "zod";
import type { AppContext, Auth } from "../http/context";
import { editableCase, nextStatus, saveCase, type CaseRow } from "./shared";

export const ZReopenCase = z.object({
  lockVersion: z.number().int().describe("版本号"),
  reason: z.string().trim().min(5, "请说明重新打开的理由（不少于5个字）").max(2000).describe("重新打开理由"),
});

export async function reopenCase(ctx: AppContext, auth: Auth, caseId: string, body: z.infer<typeof ZReopenCase>): Promise<CaseRow> {
  return ctx.database.db.transaction(async (tx) => {
    const c = await editableCase(tx, auth, caseId, body.lockVersion, "reopen");
    return saveCase(tx, auth, c, { status: nextStatus(c, "reopen"), closedAt: null, reopenCount: c.reopenCount + 1 }, "case.reopened", { reason: body.reason });
  });
}
