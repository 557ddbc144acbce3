/** 修改单位 (含调整上级单位): inside the actor's subtree and region; a move makes no cycle. */
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Organisation, ZOrganisationPatchBody } from "@kuanyan/contract/organisations";
import { organisationChangeProblem, rolesAllowed } from "@kuanyan/domain/organisations";
import { organisations } from "../db/schema";
import { recordAudit } from "../audit/record";
import { announceAuthChange } from "../auth/sessionCache";
import { loadOrgNodes, requireRole } from "../access";
import { forbidden, notFound, versionConflict } from "../http/errors";
import type { AppContext, Auth } from "../http/context";
import { checkCreditCode, checkRegion, presentOrganisation, regionName } from "./present";

export async function updateOrganisation(
  ctx: AppContext,
  auth: Auth,
  id: string,
  body: z.output<typeof ZOrganisationPatchBody>,
): Promise<Organisation> {
  const { db } = ctx.database;
  requireRole(auth, rolesAllowed("organisation.edit"), "修改单位信息");
  const { version, ...changes } = body;
  const [before] = await db.select().from(organisations).where(eq(organisations.id, id));
  if (!before) throw notFound("单位");
  // Only inside the subtree; region inside the actor's region; a move stays in the subtree, no cycle (authz).
  const after = {
    parentId: changes.parentId === undefined ? before.parentId : changes.parentId,
    regionCode: changes.regionCode ?? before.regionCode,
  };
  const problem = organisationChangeProblem(auth, await loadOrgNodes(db), before, after);
  if (problem) throw forbidden(problem);
  checkCreditCode(changes.creditCode);
  if (changes.regionCode) await checkRegion(db, changes.regionCode);
  const updated = await db.transaction(async (tx) => {
    // A move checks again on the tree locked in this transaction: two concurrent moves cannot make a cycle.
    if (after.parentId !== before.parentId) {
      const nodes = await tx
        .select({ id: organisations.id, parentId: organisations.parentId, regionCode: organisations.regionCode, kind: organisations.kind })
        .from(organisations)
        .for("update");
      const again = organisationChangeProblem(auth, nodes, before, after);
      if (again) throw forbidden(again);
    }
    const rows = await tx
      .update(organisations)
      .set({ ...changes, version: version + 1, updatedAt: ctx.now() })
      .where(and(eq(organisations.id, before.id), eq(organisations.version, version)))
      .returning();
    if (!rows.length) throw versionConflict();
    // The unit's name, domain and region are part of its users' sessions (src/auth/sessionCache.ts).
    await announceAuthChange(tx, { organisationId: before.id });
    await recordAudit(tx, auth, {
      action: "organisation.updated",
      entityType: "organisation",
      entityId: before.id,
      organisationId: before.id,
      regionCode: before.regionCode,
      before,
      after: rows[0],
    });
    return rows[0];
  });
  return presentOrganisation(updated, await regionName(db, updated.regionCode));
}
