/**
 * 法制审核 (行政处罚法 第五十八条): a 法制审核人员 reviews an ordinary-procedure case before the
 * decision — approves, or returns it with the opinion; 集体讨论 is recorded where required.
 */
import type { z } from "zod";
import type { ZReviewCase } from "@kuanyan/contract/cases";
import type { AppContext, Auth } from "../http/context";
import { editableCase, saveCase, type CaseRow } from "./shared";
import { today } from "../shared/clock";

export async function reviewCase(ctx: AppContext, auth: Auth, caseId: string, body: z.infer<typeof ZReviewCase>): Promise<CaseRow> {
  return ctx.database.db.transaction(async (tx) => {
    const c = await editableCase(tx, auth, caseId, body.lockVersion, "review");
    const review = {
      reviewerId: auth.userId,
      reviewerName: auth.displayName,
      on: today(ctx),
      result: body.result,
      opinion: body.opinion,
      collectiveDiscussion: body.collectiveDiscussion ?? false,
    };
    return saveCase(
      tx,
      auth,
      c,
      { reviewStatus: body.result, review },
      body.result === "approved" ? "case.review_approved" : "case.review_returned",
      review,
    );
  });
}
