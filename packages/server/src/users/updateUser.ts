/** 修改用户 (含停用、解锁、重置密码): optimistic version, the session ends where the password or activity changes. */
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { User, ZUserPatchBody } from "@kuanyan/contract/users";
import { rolesAllowed, userManagementProblem } from "@kuanyan/domain/organisations";
import { organisations, users } from "../db/schema";
import { recordAudit } from "../audit/record";
import { loadOrgNodes, requireRole } from "../access";
import { forbidden, notFound, versionConflict } from "../http/errors";
import type { AppContext, Auth } from "../http/context";
import { checkNewPassword, hashPassword } from "../auth/passwords";
import { afterUserChange } from "../auth/account";
import { userPhoneColumns } from "../pii/values";
import { checkOfficer, presentUser } from "./present";

export async function updateUser(ctx: AppContext, auth: Auth, id: string, body: z.output<typeof ZUserPatchBody>): Promise<User> {
  const { db } = ctx.database;
  const [before] = await db.select().from(users).where(eq(users.id, id));
  if (!before) throw notFound("用户");
  const { version, password, unlock, ...changes } = body;
  // Scope, roles he may grant, the user's present roles, no change of one's own roles (authz).
  requireRole(auth, rolesAllowed("user.edit"), "管理用户");
  const problem = userManagementProblem(auth, await loadOrgNodes(db), {
    user: before,
    organisationId: before.organisationId,
    roles: changes.roles,
    active: changes.active,
  });
  if (problem) throw forbidden(problem);
  if (password) await checkNewPassword(db, { userId: before.id, username: before.username, password });
  checkOfficer(changes.roles ?? before.roles, changes.licenceNo ?? before.licenceNo);
  const passwordHash = password ? await hashPassword(password) : undefined;
  const updated = await db.transaction(async (tx) => {
    const rows = await tx
      .update(users)
      .set({
        ...changes,
        ...userPhoneColumns(changes.phone),
        ...(passwordHash ? { passwordHash } : {}),
        ...(unlock ? { lockedUntil: null, failedLogins: 0 } : {}),
        version: version + 1,
        updatedAt: ctx.now(),
      })
      .where(and(eq(users.id, before.id), eq(users.version, version)))
      .returning();
    if (!rows.length) throw versionConflict();
    await afterUserChange(tx, before.id, { passwordHash, active: changes.active, at: ctx.now() });
    await recordAudit(tx, auth, {
      action: "user.updated",
      entityType: "user",
      entityId: before.id,
      organisationId: before.organisationId,
      regionCode: before.regionCode,
      before,
      after: { ...rows[0], passwordReset: !!password },
    });
    return rows[0];
  });
  const [org] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, updated.organisationId));
  return presentUser(updated, org.name, ctx.now());
}
