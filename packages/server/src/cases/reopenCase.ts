/** 重新打开: a closed case is corrected only through a recorded reopening with its reason. */
import type { z } from "zod";
import type { ZReopenCase } from "@kuanyan/contract/cases";
import type { AppContext, Auth } from "../http/context";
import { editableCase, nextStatus, saveCase, type CaseRow } from "./shared";

export async function reopenCase(ctx: AppContext, auth: Auth, caseId: string, body: z.infer<typeof ZReopenCase>): Promise<CaseRow> {
  return ctx.database.db.transaction(async (tx) => {
    const c = await editableCase(tx, auth, caseId, body.lockVersion, "reopen");
    return saveCase(tx, auth, c, { status: nextStatus(c, "reopen"), closedAt: null, reopenCount: c.reopenCount + 1 }, "case.reopened", {
      reason: body.reason,
    });
  });
}
