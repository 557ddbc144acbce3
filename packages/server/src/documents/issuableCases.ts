/** Cases to issue documents for (read-only over the cases table): the issue form's case picker. */
import { and, desc, ilike, inArray, or } from "drizzle-orm";
import type { z } from "zod";
import type { ZIssuableCasesQuery } from "@kuanyan/contract/documents";
import { writableOrganisations } from "@kuanyan/domain/organisations";
import { loadOrgNodes } from "../access";
import { cases } from "../db/schema";
import type { AppContext, Auth } from "../http/context";

export async function issuableCases(ctx: AppContext, auth: Auth, query: z.infer<typeof ZIssuableCasesQuery>) {
  const { db } = ctx.database;
  const scope = writableOrganisations(auth, await loadOrgNodes(db));
  const q = query.q ? `%${query.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%` : null;
  const rows = await db
    .select({
      id: cases.id,
      caseNo: cases.caseNo,
      partyName: cases.partyName,
      matterName: cases.matterName,
      status: cases.status,
      organisationId: cases.organisationId,
      correctionDue: cases.correctionDue,
    })
    .from(cases)
    .where(
      and(
        inArray(cases.status, ["intake", "decided", "in_progress"]),
        scope === "all" ? undefined : inArray(cases.organisationId, [...scope]),
        q ? or(ilike(cases.caseNo, q), ilike(cases.partyName, q)) : undefined,
      ),
    )
    .orderBy(desc(cases.updatedAt))
    .limit(query.limit ?? 20);
  return { items: rows };
}
