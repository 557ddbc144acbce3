/**
 * 柔性执法的终止 (seed 002 三(三)3): the basis has lapsed, continuing would harm the public interest
 * or others' rights, or another ground. The case leaves soft enforcement (status transferred) with
 * the ground and reason recorded; a party's own request goes through recordPartyChoice.
 */
import type { z } from "zod";
import type { ZTerminate } from "@kuanyan/contract/cases";
import { terminationGrounds } from "@kuanyan/domain/cases";
import type { AppContext, Auth } from "../http/context";
import { editableCase, nextStatus, saveCase, type CaseRow } from "./shared";

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
