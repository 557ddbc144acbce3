/**
 * 当事人的选择 (seed 002 三(三)1): the party is told it may accept soft enforcement or ask for the
 * ordinary procedure. Asking for it routes the case to 普通程序 and ends soft enforcement here
 * (status transferred) with the reason recorded (seed 002 三(三)3(1)).
 */
import type { PartyChoiceInput } from "@kuanyan/contract/cases";
import type { AppContext, Auth } from "../http/context";
import { bad, editableCase, nextStatus, saveCase, type CaseRow } from "./shared";

export async function recordPartyChoice(ctx: AppContext, auth: Auth, caseId: string, body: PartyChoiceInput): Promise<CaseRow> {
  return ctx.database.db.transaction(async (tx) => {
    const c = await editableCase(tx, auth, caseId, body.lockVersion, body.choice === "accept_soft" ? "partyAcceptsSoft" : "partyRequestsOrdinary");
    if (body.choice === "accept_soft") {
      return saveCase(tx, auth, c, { partyChoice: "accept_soft" }, "case.party_accepted_soft", { statement: body.statement ?? null });
    }
    if (!body.statement) throw bad("statement", "当事人陈述：当事人要求适用普通程序的，请记录其陈述");
    return saveCase(
      tx,
      auth,
      c,
      {
        partyChoice: "ordinary_procedure",
        route: "ordinary",
        status: nextStatus(c, "partyRequestsOrdinary"),
        routeDetail: { kind: "party_chose_ordinary", statement: body.statement },
        terminationReason: `当事人要求适用普通程序，终止柔性执法：${body.statement}`,
      },
      "case.party_chose_ordinary",
      { statement: body.statement },
    );
  });
}
