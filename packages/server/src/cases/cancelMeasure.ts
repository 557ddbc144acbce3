/**
 * 撤销措施: a soft measure recorded in error is cancelled, with its reason. It stays in the 案卷,
 * marked, and no longer counts on the statistics form (docs/statistics.md §2 rule 6).
 */
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { ZCancelMeasure } from "@kuanyan/contract/cases";
import { measures } from "../db/schema";
import type { AppContext, Auth } from "../http/context";
import { AppError, notFound } from "../http/errors";
import { editableCase, saveCase, type CaseRow } from "./shared";

export async function cancelMeasure(ctx: AppContext, auth: Auth, caseId: string, body: z.infer<typeof ZCancelMeasure>): Promise<CaseRow> {
  return ctx.database.db.transaction(async (tx) => {
    const c = await editableCase(tx, auth, caseId, body.lockVersion, "cancelMeasure");
    const [m] = await tx
      .select()
      .from(measures)
      .where(and(eq(measures.id, body.measureId), eq(measures.caseId, c.id)));
    if (!m) throw notFound("措施");
    if (m.cancelled) throw new AppError("rule_violation", "该措施已撤销");
    await tx.update(measures).set({ cancelled: true }).where(eq(measures.id, m.id));
    // The case's version moves on (the 案卷 changed); one audit event says which measure and why.
    return saveCase(tx, auth, c, {}, "case.measure_cancelled", {
      measureId: m.id,
      method: m.method,
      carriedOutOn: m.carriedOutOn,
      reason: body.reason,
    });
  });
}
