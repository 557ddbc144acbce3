/** 复查: whether the party corrected within the deadline, recorded on the reinspection task. */
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { caseTasks } from "../db/schema";
import type { AppContext, Auth } from "../http/context";
import { AppError } from "../http/errors";
import { bad, editableCase, officerRoles, saveCase, type CaseRow } from "./shared";
import { today } from "../shared/clock";

export const ZReinspection = z.object({
  lockVersion: z.number().int().describe("版本号"),
  inspectedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "应为日期（YYYY-MM-DD）").describe("复查日期"),
  corrected: z.boolean().describe("是否已改正"),
  correctedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "应为日期（YYYY-MM-DD）").optional().describe("改正日期"),
  notes: z.string().trim().min(2, "请记录复查情况").max(5000).describe("复查情况"),
});

export async function recordReinspection(ctx: AppContext, auth: Auth, caseId: string, body: z.infer<typeof ZReinspection>): Promise<CaseRow> {
  return ctx.database.db.transaction(async (tx) => {
    const c = await editableCase(tx, auth, caseId, body.lockVersion, { roles: officerRoles, what: "记录复查", statuses: ["intake", "decided", "in_progress"] });
    const [task] = await tx
      .select()
      .from(caseTasks)
      .where(and(eq(caseTasks.caseId, c.id), eq(caseTasks.kind, "reinspection"), isNull(caseTasks.doneOn)));
    if (!task) throw new AppError("rule_violation", "没有待复查的改正期限");
    const now = today(ctx);
    if (body.inspectedOn > now) throw bad("inspectedOn", "复查日期：不能晚于今天");
    const correctedOn = body.corrected ? (body.correctedOn ?? body.inspectedOn) : null;
    if (correctedOn && (correctedOn > body.inspectedOn || correctedOn < c.discoveredOn)) throw bad("correctedOn", "改正日期：应在发现之日与复查日期之间");
    await tx
      .update(caseTasks)
      .set({ doneOn: body.inspectedOn, doneBy: auth.userId, result: { corrected: body.corrected, correctedOn, notes: body.notes } })
      .where(eq(caseTasks.id, task.id));
    return saveCase(
      tx,
      auth,
      c,
      body.corrected ? { correctedOn } : {},
      "case.reinspected",
      { taskId: task.id, corrected: body.corrected, correctedOn, withinDeadline: correctedOn ? correctedOn <= (c.correctionDue ?? correctedOn) : false, notes: body.notes, previousDue: c.correctionDue },
    );
  });
}
