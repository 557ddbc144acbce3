/**
 * 处理决定: the officer confirms the engine's proposal, or departs from it with a written reason
 * (recorded for the analysis of 同案不同罚). A confirmed 可以不予处罚 is stored as 不予处罚.
 * An ordinary-procedure case needs its 法制审核 first (行政处罚法 第五十八条); the summary procedure
 * only covers 警告 or fines up to 200 元 (citizens) / 3,000 元 (organisations) (第五十一条).
 */
import type { DecideCaseInput } from "@kuanyan/contract/cases";
import { outcomeLabels, type Decision, type Outcome } from "@kuanyan/domain/decisions";
import { findMatter } from "@kuanyan/domain/matters";
import { matterBenchmarkFine } from "@kuanyan/domain/statistics";
import type { AppContext, Auth } from "../http/context";
import { AppError } from "../http/errors";
import type { CaseRoute } from "@kuanyan/domain/cases";
import { bad, editableCase, nextStatus, saveCase, type CaseRow } from "./shared";
import { today } from "../shared/clock";

const penaltyOutcomes: readonly Outcome[] = ["mitigated", "lighter", "ordinary", "heavier", "not_applicable"];
const lenientOutcomes: readonly Outcome[] = ["no_penalty", "may_waive", "no_compulsion", "time_barred"];

export function summaryLimit(partyType: string): number {
  return partyType === "individual" ? 200 : 3000;
}

/** The outcome decided: the engine's proposal confirmed, or a departure from it with a written reason. */
function decidedOutcome(c: CaseRow, body: DecideCaseInput): { decided: Outcome; departureReason: string | null } {
  const decision = c.decision as Decision;
  const proposed = c.proposedOutcome as Outcome;
  const proposedAsDecided: Outcome = proposed === "may_waive" ? "no_penalty" : proposed;
  if (body.confirm) {
    if (!decision.firm && decision.questions.length) {
      throw new AppError(
        "rule_violation",
        `研判尚有待确认的问题，请先回答后再确认：${decision.questions.map((q) => q.text).join("；")}`,
        decision.questions.map((q) => ({ field: q.key, message: q.text })),
      );
    }
    return { decided: proposedAsDecided, departureReason: null };
  }
  if (!body.outcome) throw bad("outcome", "处理结果：不采纳研判建议时，请选择处理结果");
  if (body.outcome === "may_waive") throw bad("outcome", "处理结果：请明确选择不予行政处罚或给予处罚");
  if (body.outcome === proposedAsDecided) throw bad("outcome", "处理结果：与研判建议相同，请直接采纳建议");
  if (!body.departureReason || body.departureReason.length < 10) {
    throw bad("departureReason", "偏离理由：不采纳研判建议的，须书面说明理由（不少于10个字）");
  }
  return { decided: body.outcome, departureReason: body.departureReason };
}

/** The summary procedure covers 警告 or a fine up to the limit of 第五十一条 only. */
function checkSummaryFine(c: CaseRow, body: DecideCaseInput): void {
  if (body.warningOnly) return;
  if (body.fineYuan === undefined) throw bad("fineYuan", "罚款金额：简易程序请填写罚款金额或选择警告");
  if (body.fineYuan > summaryLimit(c.partyType)) {
    throw bad(
      "fineYuan",
      `罚款金额：适用简易程序的罚款，${c.partyType === "individual" ? "对公民不超过二百元" : "对法人或者其他组织不超过三千元"}（《中华人民共和国行政处罚法》第五十一条），请改用普通程序`,
    );
  }
}

/** A penalty is decided in the summary or the ordinary procedure, with its fine (or a warning only). */
function checkPenalty(c: CaseRow, body: DecideCaseInput, decided: Outcome, route: CaseRoute | null): void {
  if (route === null || route === "caution") throw bad("route", "办理程序：给予处罚的，请先选择简易程序或普通程序");
  if (route === "summary") checkSummaryFine(c, body);
  if (decided !== "not_applicable" && !body.warningOnly && body.fineYuan === undefined) throw bad("fineYuan", "罚款金额：给予罚款的，请填写罚款金额");
}

/** The route the decision is taken in: a lenient outcome without a route is a 柔性 (caution) case. */
function decisionRoute(c: CaseRow, body: DecideCaseInput, decided: Outcome): CaseRoute | null {
  const route = c.route as CaseRoute | null;
  if (penaltyOutcomes.includes(decided)) {
    checkPenalty(c, body, decided, route);
    return route;
  }
  if (!lenientOutcomes.includes(decided) && decided !== "no_penalty") throw bad("outcome", `处理结果：${outcomeLabels[decided]}无法适用`);
  return route ?? "caution";
}

export async function decideCase(ctx: AppContext, auth: Auth, caseId: string, body: DecideCaseInput): Promise<CaseRow> {
  return ctx.database.db.transaction(async (tx) => {
    // The lifecycle table checks the status and the preconditions: the engine's proposal exists,
    // the 法制审核 of an ordinary-procedure case passed, no 疑难问题 is still open.
    const c = await editableCase(tx, auth, caseId, body.lockVersion, "decide");
    const { decided, departureReason } = decidedOutcome(c, body);
    const route = decisionRoute(c, body, decided);
    const penalty = penaltyOutcomes.includes(decided);

    return saveCase(
      tx,
      auth,
      c,
      {
        status: nextStatus(c, "decide"),
        route,
        decidedOutcome: decided,
        departureReason,
        decidedBy: auth.userId,
        decidedOn: today(ctx),
        fineYuan: penalty && !body.warningOnly ? (body.fineYuan ?? null) : null,
        // The fine that would have applied without leniency, fixed now (减轻当事人经济负担, docs/statistics.md §8).
        benchmarkFineYuan: matterBenchmarkFine(findMatter(c.matterCode)),
      },
      departureReason ? "case.decided_with_departure" : "case.decided",
      { proposedOutcome: c.proposedOutcome as Outcome, decidedOutcome: decided, departureReason, warningOnly: body.warningOnly ?? false },
    );
  });
}
