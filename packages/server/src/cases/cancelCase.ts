/**
 * 撤销立案（作废）: a case registered in error is voided, with its reason. It stays on file, read-only;
 * its decision and measures no longer count on the statistics form (docs/statistics.md §2 rule 6).
 * The officer who handles a case cannot void it alone: the unit's 法制审核人员 or 单位管理员 does.
 */
import type { z } from "zod";
import type { ZCancelCase } from "@kuanyan/contract/cases";
import { rolesAllowed, type Role } from "@kuanyan/domain/organisations";
import type { AppContext, Auth } from "../http/context";
import { editableCase, saveCase, type CaseRow } from "./shared";

/** The permission case.cancel of the permission table. */
export const cancelCaseRoles: readonly Role[] = rolesAllowed("case.cancel");

export async function cancelCase(ctx: AppContext, auth: Auth, caseId: string, body: z.infer<typeof ZCancelCase>): Promise<CaseRow> {
  return ctx.database.db.transaction(async (tx) => {
    const c = await editableCase(tx, auth, caseId, body.lockVersion, "cancel");
    return saveCase(tx, auth, c, { status: "cancelled", terminationReason: `撤销立案：${body.reason}` }, "case.cancelled", {
      reason: body.reason,
      previousStatus: c.status,
    });
  });
}
