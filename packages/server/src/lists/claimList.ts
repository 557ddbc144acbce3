import { and, eq } from "drizzle-orm";
import { claimListVersion, type Claim, type ListRole } from "@kuanyan/domain/lists";
import { canRead } from "@kuanyan/domain/organisations";
import { loadOrgNodes, requireAccess, requireRole } from "../access";
import { recordAudit } from "../audit/record";
import { listClaims } from "../db/schema";
import { AppError, notFound } from "../http/errors";
import type { AppContext, Auth } from "../http/context";
import { today } from "../shared/clock";
import { loadList, versionId } from "./repository";

/** Whether `ancestorId` is above `organisationId` in the organisation tree (上级部门). */
export function isAncestor(nodes: { id: string; parentId: string | null }[], ancestorId: string, organisationId: string): boolean {
  const parent = new Map(nodes.map((n) => [n.id, n.parentId]));
  let at = parent.get(organisationId) ?? null;
  for (let i = 0; at && i < 50; i++) {
    if (at === ancestorId) return true;
    at = parent.get(at) ?? null;
  }
  return false;
}

/**
 * 认领: the user's organisation claims a superior's published list version; the claim records the
 * version. A running claim of an older version of the same list is withdrawn.
 */
export async function claimList(ctx: AppContext, auth: Auth, input: { listId: string; versionNo: number }) {
  requireRole(auth, ["listManager", "orgAdmin"], "认领清单");
  return ctx.database.db.transaction(async (tx) => {
    await requireAccess(tx, auth, { mode: "write", organisationId: auth.organisationId, what: "认领清单" });
    const loaded = await loadList(tx, input.listId);
    const nodes = await loadOrgNodes(tx);
    // Another county's list is not claimable and not shown (authz: foreign ids answer 404).
    if (!isAncestor(nodes, loaded.list.organisationId, auth.organisationId) && !canRead(auth, nodes, loaded.list.organisationId))
      throw notFound("清单");
    const id = versionId(loaded, input.versionNo);
    const rows = await tx
      .select()
      .from(listClaims)
      .where(and(eq(listClaims.organisationId, auth.organisationId), eq(listClaims.listId, loaded.list.id), eq(listClaims.active, true)));
    const existing: Claim[] = rows.map((r) => ({
      listId: r.listId,
      version: loaded.versions.find((v) => v.id === r.listVersionId)?.versionNo ?? 0,
      organisationId: r.organisationId,
      claimedOn: r.claimedOn,
    }));
    const result = claimListVersion({
      record: loaded.record,
      version: input.versionNo,
      claimantOrganisationId: auth.organisationId,
      ownerIsSuperior: isAncestor(nodes, loaded.list.organisationId, auth.organisationId),
      actorRoles: auth.roles as ListRole[],
      existingClaims: existing,
      today: today(ctx),
    });
    if (!result.ok) throw new AppError("rule_violation", result.error);
    if (result.withdrawn) {
      await tx
        .update(listClaims)
        .set({ active: false })
        .where(and(eq(listClaims.organisationId, auth.organisationId), eq(listClaims.listId, loaded.list.id)));
    }
    const [claim] = await tx
      .insert(listClaims)
      .values({
        regionCode: auth.regionCode,
        organisationId: auth.organisationId,
        listId: loaded.list.id,
        listVersionId: id,
        claimedOn: result.claim.claimedOn,
        claimedBy: auth.userId,
      })
      .returning();
    await recordAudit(tx, auth, {
      action: "list.claimed",
      entityType: "list_claim",
      entityId: claim.id,
      organisationId: auth.organisationId,
      regionCode: auth.regionCode,
      before: result.withdrawn ?? null,
      after: { ...claim, versionNo: input.versionNo, listTitle: loaded.record.list.title },
    });
    return { claimId: claim.id, listId: loaded.list.id, versionNo: input.versionNo, versionId: id, claimedOn: claim.claimedOn };
  });
}
