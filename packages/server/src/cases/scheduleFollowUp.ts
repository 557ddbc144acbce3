/** 回访 scheduled after the decision (seed 001 附件7, seed 002 二(二)3, seed 004 四(五)). */
import { z } from "zod";
import { caseTasks } from "../db/schema";
import type { AppContext, Auth } from "../http/context";
import { bad, editableCase, officerRoles, saveCase, type CaseRow } from "./shared";
import { today } from "../shared/clock";

export const ZScheduleFollowUp = z.object({
  lockVersion: z.number().int().describe("版本号"),
  dueOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "应为日期（YYYY-MM-DD）").describe("回访日期"),
});

export async function scheduleFollowUp(ctx: AppContext, auth: Auth, caseId: string, body: z.infer<typeof ZScheduleFollowUp>): Promise<CaseRow> {
  return ctx.database.db.transaction(async (tx) => {
    const c = await editableCase(tx, auth, caseId, body.lockVersion, { roles: officerRoles, what: "安排回访", statuses: ["decided", "in_progress"] });
    if (body.dueOn < today(ctx)) throw bad("dueOn", `回访日期：不能早于今天（${today(ctx)}）`);
    const [task] = await tx.insert(caseTasks).values({ regionCode: c.regionCode, organisationId: c.organisationId, caseId: c.id, kind: "follow_up", dueOn: body.dueOn }).returning();
    return saveCase(tx, auth, c, c.status === "decided" ? { status: "in_progress" } : {}, "case.follow_up_scheduled", { taskId: task.id, dueOn: body.dueOn });
  });
}
