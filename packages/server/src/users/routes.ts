import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { userPhoneColumns } from "../pii/values";
import { grantableRoles, roleLabels, roles, rolesAllowed, userManagementProblem } from "@kuanyan/domain/organisations";
import { organisations, users } from "../db/schema";
import { recordAudit } from "../audit/record";
import { loadOrgNodes, readScope, requireAccess, requireAuth, requireRole } from "../access";
import { AppError, forbidden, notFound, versionConflict } from "../http/errors";
import type { AppContext } from "../http/context";
import { checkNewPassword, hashPassword, rememberPassword } from "../auth/passwords";
import { afterUserChange } from "../auth/account";

export const ZUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(roles)),
  organisationId: z.string(),
  organisationName: z.string(),
  licenceNo: z.string().nullable(),
  phone: z.string().nullable(),
  locked: z.boolean(),
  active: z.boolean(),
  version: z.number(),
});

const ZRoles = z.array(z.enum(roles)).min(1, "至少选择一个角色").max(6).describe("角色");
const fields = {
  displayName: z.string().trim().min(1).max(30).describe("姓名"),
  licenceNo: z.string().trim().max(30).optional().describe("执法证号"),
  phone: z.string().trim().regex(/^1\d{10}$|^[0-9-]{7,20}$/, "应为手机号或电话号码").optional().describe("联系电话"),
};

type UserRow = typeof users.$inferSelect;

function present(u: UserRow, organisationName: string, now: Date): z.infer<typeof ZUser> {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles as z.infer<typeof ZUser>["roles"],
    organisationId: u.organisationId,
    organisationName,
    licenceNo: u.licenceNo,
    phone: u.phoneMasked,
    locked: !!u.lockedUntil && u.lockedUntil > now,
    active: u.active,
    version: u.version,
  };
}

function checkOfficer(rolesGiven: readonly string[], licenceNo: string | null | undefined) {
  if (rolesGiven.includes("officer") && !licenceNo) {
    throw new AppError("validation_failed", "执法证号：执法人员必须填写执法证号", [{ field: "licenceNo", message: "执法证号：执法人员必须填写执法证号" }]);
  }
}

export async function register(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  app.get(
    "/api/v1/users",
    {
      config: { auditRead: { action: "users.listed", entityType: "organisation", query: "organisationId" } },
      schema: {
        tags: ["用户"],
        summary: "用户列表（本单位及可见单位）",
        querystring: z.object({ organisationId: z.uuid().optional().describe("单位") }),
        response: { 200: z.object({ items: z.array(ZUser) }) },
      },
    },
    async (request) => {
      const auth = requireAuth(request.auth);
      const { organisationId } = request.query;
      if (organisationId) await requireAccess(db, auth, { mode: "read", organisationId });
      const scope = await readScope(db, auth);
      const where = organisationId
        ? eq(users.organisationId, organisationId)
        : scope === "all"
          ? undefined
          : inArray(users.organisationId, [...scope]);
      const rows = await db
        .select({ u: users, orgName: organisations.name })
        .from(users)
        .innerJoin(organisations, eq(organisations.id, users.organisationId))
        .where(where)
        .orderBy(organisations.name, users.username);
      return { items: rows.map((r) => present(r.u, r.orgName, ctx.now())) };
    },
  );

  app.get(
    "/api/v1/users/grantable-roles",
    {
      schema: {
        tags: ["用户"],
        summary: "当前管理员可授予的角色（按单位；新建、编辑用户的表单据此列出角色）",
        querystring: z.object({ organisationId: z.uuid().optional().describe("单位") }),
        response: { 200: z.object({ items: z.array(z.object({ role: z.enum(roles), label: z.string() })) }) },
      },
    },
    async (request) => {
      const auth = requireAuth(request.auth);
      const organisationId = request.query.organisationId ?? auth.organisationId;
      const granted = grantableRoles(auth, await loadOrgNodes(db), organisationId);
      return { items: granted.map((role) => ({ role, label: roleLabels[role] })) };
    },
  );

  app.post(
    "/api/v1/users",
    {
      schema: {
        tags: ["用户"],
        summary: "新建用户",
        body: z.object({
          username: z.string().trim().regex(/^[A-Za-z0-9_.-]{3,32}$/, "3–32 位字母、数字或 _ . -").describe("用户名"),
          password: z.string().min(1).max(128).describe("密码"),
          roles: ZRoles,
          organisationId: z.uuid().describe("所属单位"),
          ...fields,
        }),
        response: { 201: ZUser },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request.auth);
      const input = request.body;
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
        const [row] = await tx.insert(users).values({ ...rest, ...userPhoneColumns(rest.phone), passwordHash, regionCode: org.regionCode }).returning();
        await rememberPassword(tx, row.id, passwordHash, ctx.now());
        await recordAudit(tx, auth, { action: "user.created", entityType: "user", entityId: row.id, organisationId: org.id, regionCode: org.regionCode, after: row });
        return row;
      });
      return reply.status(201).send(present(created, org.name, ctx.now()));
    },
  );

  app.patch(
    "/api/v1/users/:id",
    {
      schema: {
        tags: ["用户"],
        summary: "修改用户（含停用、解锁、重置密码）",
        params: z.object({ id: z.uuid().describe("用户") }),
        body: z.object({
          displayName: fields.displayName.optional(),
          licenceNo: fields.licenceNo,
          phone: fields.phone,
          roles: ZRoles.optional(),
          active: z.boolean().optional().describe("启用"),
          unlock: z.boolean().optional().describe("解锁"),
          password: z.string().min(1).max(128).optional().describe("新密码"),
          version: z.number().int().min(1).describe("版本号"),
        }),
        response: { 200: ZUser },
      },
    },
    async (request) => {
      const auth = requireAuth(request.auth);
      const [before] = await db.select().from(users).where(eq(users.id, request.params.id));
      if (!before) throw notFound("用户");
      const { version, password, unlock, ...changes } = request.body;
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
        await recordAudit(tx, auth, { action: "user.updated", entityType: "user", entityId: before.id, organisationId: before.organisationId, regionCode: before.regionCode, before, after: { ...rows[0], passwordReset: !!password } });
        return rows[0];
      });
      const [org] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, updated.organisationId));
      return present(updated, org.name, ctx.now());
    },
  );
}
