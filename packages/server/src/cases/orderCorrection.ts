/** 责令限期改正: a due date not in the past; a 复查 (reinspection) task falls due on it. */
import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { ZOrderCorrection } from "@kuanyan/contract/cases";
import { caseTasks } from "../db/schema";
import type { AppContext, Auth } from "../http/context";
import { bad, statusChange, editableCase, saveCase, type CaseRow } from "./shared";
import { today } from "../shared/clock";

export async function orderCorrection(ctx: AppContext, auth: Auth, caseId: string, body: z.infer<typeof ZOrderCorrection>): Promise<CaseRow> {
  return ctx.database.db.transaction(async (tx) => {
    const c = await editableCase(tx, auth, caseId, body.lockVersion, "orderCorrection");
    const now = today(ctx);
    if (body.dueDate < now) throw bad("dueDate", `改正期限：不能早于今天（${now}）`);
    const open = await tx
      .select({ id: caseTasks.id })
      .from(caseTasks)
      .where(and(eq(caseTasks.caseId, c.id), eq(caseTasks.kind, "reinspection"), isNull(caseTasks.doneOn)));
    if (open.length) throw bad("dueDate", `改正期限：已有尚未复查的改正期限（${c.correctionDue}），请先复查`);
    await tx
      .insert(caseTasks)
      .values({ regionCode: c.regionCode, organisationId: c.organisationId, caseId: c.id, kind: "reinspection", dueOn: body.dueDate });
    return saveCase(
      tx,
      auth,
      c,
      { correctionDue: body.dueDate, correctedOn: null, ...statusChange(c, "orderCorrection") },
      "case.correction_ordered",
      { requirements: body.requirements },
    );
  });
}
