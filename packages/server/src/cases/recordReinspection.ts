/** 复查: whether the party corrected within the deadline, recorded on the reinspection task. */
import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { ZReinspection } from "@kuanyan/contract/cases";
import { caseTasks } from "../db/schema";
import type { AppContext, Auth } from "../http/context";
import { AppError } from "../http/errors";
import { bad, editableCase, saveCase, type CaseRow } from "./shared";
import { today } from "../shared/clock";

export async function recordReinspection(ctx: AppContext, auth: Auth, caseId: string, body: z.infer<typeof ZReinspection>): Promise<CaseRow> {
  return ctx.database.db.transaction(async (tx) => {
    const c = await editableCase(tx, auth, caseId, body.lockVersion, "recordReinspection");
    const [task] = await tx
      .select()
      .from(caseTasks)
      .where(and(eq(caseTasks.caseId, c.id), eq(caseTasks.kind, "reinspection"), isNull(caseTasks.doneOn)));
    if (!task) throw new AppError("rule_violation", "没有待复查的改正期限");
    const now = today(ctx);
    if (body.inspectedOn > now) throw bad("inspectedOn", "复查日期：不能晚于今天");
    const correctedOn = body.corrected ? (body.correctedOn ?? body.inspectedOn) : null;
    if (correctedOn && (correctedOn > body.inspectedOn || correctedOn < c.discoveredOn))
      throw bad("correctedOn", "改正日期：应在发现之日与复查日期之间");
    await tx
      .update(caseTasks)
      .set({ doneOn: body.inspectedOn, doneBy: auth.userId, result: { corrected: body.corrected, correctedOn, notes: body.notes } })
      .where(eq(caseTasks.id, task.id));
    return saveCase(tx, auth, c, body.corrected ? { correctedOn } : {}, "case.reinspected", {
      taskId: task.id,
      corrected: body.corrected,
      correctedOn,
      withinDeadline: correctedOn ? correctedOn <= (c.correctionDue ?? correctedOn) : false,
      notes: body.notes,
      previousDue: c.correctionDue,
    });
  });
}
