/**
 * 作废: a cancelled document keeps its number (no gap, no reuse) and its frozen bytes and hash; it is
 * marked 作废 and its downloads carry the red 作废 marking. Verification reports it as cancelled.
 */
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { documents } from "../db/schema";
import { recordAudit } from "../audit/record";
import { requireAccess } from "../access";
import { AppError, notFound } from "../http/errors";
import type { AppContext, Auth } from "../http/context";
import { documentActionProblem, documentLifecycle, type DocumentStatus } from "@kuanyan/domain/documents";
import type { DocumentRow } from "./shared";

import { ZCancelDocument } from "@kuanyan/contract/documents";
export { ZCancelDocument };

export async function cancelDocument(ctx: AppContext, auth: Auth, id: string, input: z.infer<typeof ZCancelDocument>): Promise<DocumentRow> {
  return ctx.database.db.transaction(async (tx) => {
    const [row] = await tx.select().from(documents).where(eq(documents.id, id)).for("update");
    if (!row) throw notFound("文书");
    await requireAccess(tx, auth, { mode: "read", organisationId: row.organisationId }).catch(() => {
      throw notFound("文书");
    });
    const rule = documentLifecycle.cancel;
    await requireAccess(tx, auth, { mode: "write", organisationId: row.organisationId, roles: rule.roles, what: rule.label });
    const problem = documentActionProblem("cancel", row.status as DocumentStatus, { roles: auth.roles, canWrite: true }, row.number);
    if (problem) throw new AppError("rule_violation", problem);
    const [after] = await tx
      .update(documents)
      .set({ status: "cancelled", cancelledAt: ctx.now(), cancelReason: input.reason })
      .where(eq(documents.id, id))
      .returning();
    await recordAudit(tx, auth, {
      action: "document.cancelled",
      entityType: "document",
      entityId: id,
      organisationId: row.organisationId,
      regionCode: row.regionCode,
      before: { status: row.status },
      after: { status: "cancelled", number: row.number, reason: input.reason },
    });
    return after;
  });
}
