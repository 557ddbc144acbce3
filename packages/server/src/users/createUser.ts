/** 新建用户: in the administrator's scope, with roles he may grant, a password of the policy. */
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { User, ZUserCreateBody } from "@kuanyan/contract/users";
import { rolesAllowed, userManagementProblem } from "@kuanyan/domain/organisations";
import { organisations, users } from "../db/schema";
import { recordAudit } from "../audit/record";
import { loadOrgNodes, requireRole } from "../access";
import { AppError, forbidden, notFound } from "../http/errors";
import type { AppContext, Auth } from "../http/context";
import { checkNewPassword, hashPassword, rememberPassword } from "../auth/passwords";
import { userPhoneColumns } from "../pii/values";
import { checkOfficer, presentUser } from "./present";

export async function createUser(ctx: AppContext, auth: Auth, input: z.output<typeof ZUserCreateBody>): Promise<User> {
  const { db } = ctx.database;
  // Who may create which user with which roles: the domain's permission table (authz).
  requireRole(auth, rolesAllowed("user.create"), "管理用户");
  const [org] = await db.select().from(organisations).where(eq(organisations.id, input.organisationId));
  if (!org) throw notFound("单位");
  const problem = userManagementProblem(auth, await loadOrgNodes(db), { organisationId: org.id, roles: input.roles });
  if (problem) throw forbidden(problem);
  await checkNewPassword(db, { username: input.username, password: input.password });
  checkOfficer(input.roles, input.licenceNo);
  const passwordHash = await hashPassword(input.password);
  const created = await db.transaction(async (tx) => {
    const dup = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
    if (dup.length) throw new AppError("conflict", `用户名“${input.username}”已被使用`);
    const { password: _pw, ...rest } = input;
    const [row] = await tx
      .insert(users)
      .values({ ...rest, ...userPhoneColumns(rest.phone), passwordHash, regionCode: org.regionCode })
      .returning();
    await rememberPassword(tx, row.id, passwordHash, ctx.now());
    await recordAudit(tx, auth, {
      action: "user.created",
      entityType: "user",
      entityId: row.id,
      organisationId: org.id,
      regionCode: org.regionCode,
      after: row,
    });
    return row;
  });
  return presentUser(created, org.name, ctx.now());
}
