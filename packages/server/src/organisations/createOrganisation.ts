/** 新建单位: below an organisation of the actor's subtree (top level: 系统管理员), inside his region. */
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Organisation, ZOrganisationInput } from "@kuanyan/contract/organisations";
import { organisationChangeProblem, rolesAllowed } from "@kuanyan/domain/organisations";
import { organisations } from "../db/schema";
import { recordAudit } from "../audit/record";
import { loadOrgNodes, requireRole } from "../access";
import { AppError, forbidden } from "../http/errors";
import type { AppContext, Auth } from "../http/context";
import { checkCreditCode, checkRegion, presentOrganisation, regionName } from "./present";

export async function createOrganisation(ctx: AppContext, auth: Auth, input: z.output<typeof ZOrganisationInput>): Promise<Organisation> {
  const { db } = ctx.database;
  requireRole(auth, rolesAllowed("organisation.create"), "新建单位");
  // Parent inside the subtree, region inside the actor's region (authz: the domain's permission table).
  const problem = organisationChangeProblem(auth, await loadOrgNodes(db), undefined, {
    parentId: input.parentId ?? null,
    regionCode: input.regionCode,
  });
  if (problem) throw forbidden(problem);
  checkCreditCode(input.creditCode);
  await checkRegion(db, input.regionCode);
  const created = await db.transaction(async (tx) => {
    const dup = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, input.name));
    if (dup.length) throw new AppError("conflict", `单位名称“${input.name}”已存在`);
    const [row] = await tx
      .insert(organisations)
      .values({ ...input, parentId: input.parentId ?? null })
      .returning();
    await recordAudit(tx, auth, {
      action: "organisation.created",
      entityType: "organisation",
      entityId: row.id,
      organisationId: row.id,
      regionCode: row.regionCode,
      after: row,
    });
    return row;
  });
  return presentOrganisation(created, await regionName(db, created.regionCode));
}
