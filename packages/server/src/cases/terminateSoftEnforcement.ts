/**
 * 柔性执法的终止 (seed 002 三(三)3): the basis has lapsed, continuing would harm the public interest
 * or others' rights, or another ground. The case leaves soft enforcement (status transferred) with
 * the ground and reason recorded; a party's own request goes through recordPartyChoice.
 */
import { z } from "zod";
import type { AppContext, Auth } from "../http/context";
import { editableCase, nextStatus, saveCase, type CaseRow } from "./shared";

export const terminationGrounds = {
  party_withdrew: "行政相对人撤回申请",
  basis_lapsed: "所适用的法律法规或者政策依据已经失效",
  public_interest: "继续实施柔性执法将损害社会公共利益、他人合法权益",
  other: "其他需要终止柔性执法的情形",
} as const;

export const ZTerminate = z.object({
  lockVersion: z.number().int().describe("版本号"),
  ground: z.enum(Object.keys(terminationGrounds) as [keyof typeof terminationGrounds]).describe("终止情形"),
  reason: z.string().trim().min(5, "请说明终止的具体理由（不少于5个字）").max(2000).describe("终止理由"),
});

export async function terminateSoftEnforcement(ctx: AppContext, auth: Auth, caseId: string, body: z.infer<typeof ZTerminate>): Promise<CaseRow> {
  return ctx.database.db.transaction(async (tx) => {
    const c = await editableCase(tx, auth, caseId, body.lockVersion, "terminate");
    return saveCase(
      tx,
      auth,
      c,
      {
        status: nextStatus(c, "terminate"),
        route: "ordinary",
        routeDetail: { kind: "terminated", ground: body.ground, reason: body.reason },
        terminationReason: `${terminationGrounds[body.ground]}：${body.reason}`,
      },
      "case.soft_enforcement_terminated",
      { ground: body.ground, reason: body.reason },
    );
  });
}
