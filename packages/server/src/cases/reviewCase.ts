/**
 * 法制审核 (行政处罚法 第五十八条): a 法制审核人员 reviews an ordinary-procedure case before the
 * decision — approves, or returns it with the opinion; 集体讨论 is recorded where required.
 */
import { z } from "zod";
import type { AppContext, Auth } from "../http/context";
import { AppError } from "../http/errors";
import { editableCase, saveCase, type CaseRow } from "./shared";
import { today } from "../shared/clock";

export const ZReviewCase = z.object({
  lockVersion: z.number().int().describe("版本号"),
  result: z.enum(["approved", "returned"]).describe("审核结果"),
  opinion: z.string().trim().min(2, "请填写审核意见").max(5000).describe("审核意见"),
  collectiveDiscussion: z.boolean().optional().describe("经集体讨论"),
});

export async function reviewCase(ctx: AppContext, auth: Auth, caseId: string, body: z.infer<typeof ZReviewCase>): Promise<CaseRow> {
  return ctx.database.db.transaction(async (tx) => {
    const c = await editableCase(tx, auth, caseId, body.lockVersion, { roles: ["legalReviewer"], what: "进行法制审核", statuses: ["intake"] });
    if (c.route !== "ordinary" || c.reviewStatus !== "pending") throw new AppError("rule_violation", "该案件不在法制审核队列中");
    const review = {
      reviewerId: auth.userId,
      reviewerName: auth.displayName,
      on: today(ctx),
      result: body.result,
      opinion: body.opinion,
      collectiveDiscussion: body.collectiveDiscussion ?? false,
    };
    return saveCase(tx, auth, c, { reviewStatus: body.result, review }, body.result === "approved" ? "case.review_approved" : "case.review_returned", review);
  });
}
