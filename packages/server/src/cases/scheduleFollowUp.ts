/** 回访 scheduled after the decision (seed 001 附件7, seed 002 二(二)3, seed 004 四(五)). */
import type { z } from "zod";
import type { ZScheduleFollowUp } from "@kuanyan/contract/cases";
import { caseTasks } from "../db/schema";
import type { AppContext, Auth } from "../http/context";
import { bad, editableCase, saveCase, statusChange, type CaseRow } from "./shared";
import { today } from "../shared/clock";

export async function scheduleFollowUp(ctx: AppContext, auth: Auth, caseId: string, body: z.infer<typeof ZScheduleFollowUp>): Promise<CaseRow> {
  return ctx.database.db.transaction(async (tx) => {
    const c = await editableCase(tx, auth, caseId, body.lockVersion, "scheduleFollowUp");
    if (body.dueOn < today(ctx)) throw bad("dueOn", `回访日期：不能早于今天（${today(ctx)}）`);
    const [task] = await tx
      .insert(caseTasks)
      .values({ regionCode: c.regionCode, organisationId: c.organisationId, caseId: c.id, kind: "follow_up", dueOn: body.dueOn })
      .returning();
    return saveCase(tx, auth, c, statusChange(c, "scheduleFollowUp"), "case.follow_up_scheduled", { taskId: task.id, dueOn: body.dueOn });
  });
}
