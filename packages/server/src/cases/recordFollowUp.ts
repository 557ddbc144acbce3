/**
 * 回访 recorded with the fields of the 行政执法案件回访登记表 (seed 001 附件7 六): who was visited, how
 * the decision was carried out and the violation corrected, the measures where not corrected, and —
 * filled in by the party — how the officers kept to the procedure and clean enforcement, and the
 * party's suggestions. Counts as a 行政回访 measure with the form as its written record.
 */
import { and, eq, isNull } from "drizzle-orm";
import type { RecordFollowUpInput } from "@kuanyan/contract/cases";
import { conductEvaluations } from "@kuanyan/domain/cases";
import { followUpPhoneFields } from "../pii/values";
import { caseTasks } from "../db/schema";
import type { AppContext, Auth } from "../http/context";
import { AppError } from "../http/errors";
import { insertMeasure } from "./recordMeasure";
import { bad, editableCase, saveCase, statusChange, type CaseRow } from "./shared";
import { today } from "../shared/clock";

export async function recordFollowUp(ctx: AppContext, auth: Auth, caseId: string, body: RecordFollowUpInput): Promise<CaseRow> {
  return ctx.database.db.transaction(async (tx) => {
    const c = await editableCase(tx, auth, caseId, body.lockVersion, "recordFollowUp");
    if (body.visitedOn > today(ctx)) throw bad("visitedOn", "回访日期：不能晚于今天");
    if (c.decidedOn && body.visitedOn < c.decidedOn) throw bad("visitedOn", "回访日期：回访在作出决定之后进行");
    const open = await tx
      .select()
      .from(caseTasks)
      .where(and(eq(caseTasks.caseId, c.id), eq(caseTasks.kind, "follow_up"), isNull(caseTasks.doneOn)));
    const task = body.taskId ? open.find((t) => t.id === body.taskId) : open[0];
    if (body.taskId && !task) throw new AppError("rule_violation", "该回访任务不存在或已完成");
    const { lockVersion: _v, taskId: _t, ...form } = body;
    // The phone is kept encrypted (src/pii); the result, the written record and the audit show it masked.
    const phone = followUpPhoneFields(form.phone);
    const result = { ...form, ...phone, conductEvaluationLabel: conductEvaluations[body.conductEvaluation] };
    let taskId = task?.id;
    if (task) {
      await tx.update(caseTasks).set({ doneOn: body.visitedOn, doneBy: auth.userId, result }).where(eq(caseTasks.id, task.id));
    } else {
      const [row] = await tx
        .insert(caseTasks)
        .values({
          regionCode: c.regionCode,
          organisationId: c.organisationId,
          caseId: c.id,
          kind: "follow_up",
          dueOn: body.visitedOn,
          doneOn: body.visitedOn,
          doneBy: auth.userId,
          result,
        })
        .returning();
      taskId = row.id;
    }
    const written = [
      `行政执法案件回访登记表（${c.caseNo}）`,
      `企业名称（或自然人姓名）：${c.partyName}；负责人姓名：${body.responsiblePerson}；回访人：${body.visitor}`,
      `行政执法决定执行情况，违法行为整改情况：${body.execution}`,
      body.remedialMeasures ? `整改措施：${body.remedialMeasures}` : null,
      `依照法定程序办案、廉洁执法情况：${conductEvaluations[body.conductEvaluation]}${body.conductComment ? `（${body.conductComment}）` : ""}`,
      body.suggestions ? `对执法机关的建议及需要帮助解决的问题：${body.suggestions}` : null,
      `回访对象签名：${body.signedBy}${phone.phone ? `；联系电话：${phone.phone}` : ""}`,
    ]
      .filter(Boolean)
      .join("\n");
    await insertMeasure(tx, auth, c, { method: "followUpVisit", carriedOutOn: body.visitedOn, writtenRecord: written });
    return saveCase(tx, auth, c, statusChange(c, "recordFollowUp"), "case.follow_up_recorded", { taskId, ...result, phoneEnc: undefined });
  });
}
