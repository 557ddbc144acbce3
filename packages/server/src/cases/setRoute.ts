/**
 * 办理程序 (台商区 seed 003: 轻微告诫改正、简易程序、一般程序、案件移送、疑难问题):
 * caution — only where the proposal is not to punish; summary — limits checked at the decision
 * (行政处罚法 第五十一条); ordinary — enters the 法制审核 queue (第五十八条); transfer — to another
 * body, or to the public security organ on suspicion of a crime (行刑衔接), ending the case here;
 * escalated — a 疑难问题 put to the superior department or the legal office.
 */
import type { SetRouteInput } from "@kuanyan/contract/cases";
import { routeLabels } from "@kuanyan/domain/cases";
import type { AppContext, Auth } from "../http/context";
import { AppError } from "../http/errors";
import { bad, editableCase, nextStatus, saveCase, type CaseRow } from "./shared";

const lenient = ["no_penalty", "may_waive", "no_compulsion"];

export async function setRoute(ctx: AppContext, auth: Auth, caseId: string, body: SetRouteInput): Promise<CaseRow> {
  return ctx.database.db.transaction(async (tx) => {
    const c = await editableCase(tx, auth, caseId, body.lockVersion, body.route === "transfer" ? "transfer" : "setRoute");
    const changes: Partial<CaseRow> = { route: body.route, routeDetail: null };
    switch (body.route) {
      case "caution":
        if (!c.proposedOutcome || !lenient.includes(c.proposedOutcome)) {
          throw new AppError("rule_violation", "轻微告诫改正只适用于研判建议为不予处罚的轻微违法行为");
        }
        break;
      case "summary":
        break;
      case "ordinary":
        changes.reviewStatus = "pending";
        changes.review = null;
        break;
      case "transfer":
        if (!body.transfer) throw bad("transfer", "案件移送：请填写移送原因和接收单位");
        changes.status = nextStatus(c, "transfer");
        changes.routeDetail = { kind: "transfer", ...body.transfer };
        changes.terminationReason =
          body.transfer.reason === "suspected_crime"
            ? `涉嫌犯罪，移送${body.transfer.receivingBody}（行刑衔接）`
            : `移送${body.transfer.receivingBody}处理`;
        break;
      case "escalated":
        if (!body.escalation) throw bad("escalation", "疑难问题：请填写请示对象和问题");
        changes.routeDetail = { kind: "escalation", ...body.escalation, askedOn: ctx.now().toISOString() };
        break;
    }
    return saveCase(tx, auth, c, changes, "case.route_set", { route: body.route, routeLabel: routeLabels[body.route], detail: changes.routeDetail });
  });
}
