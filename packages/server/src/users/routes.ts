/** 用户 HTTP routes: thin — the contract validates, the use case acts, the contract serialises. */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  ZGrantableRoles,
  ZGrantableRolesQuery,
  ZUser,
  ZUserCreateBody,
  ZUserIdParam,
  ZUserList,
  ZUserListQuery,
  ZUserPatchBody,
} from "@kuanyan/contract/users";
import { requireAuth } from "../access";
import type { AppContext } from "../http/context";
import { createUser } from "./createUser";
import { grantableRolesFor } from "./grantableRoles";
import { listUsers } from "./listUsers";
import { updateUser } from "./updateUser";

const tags = ["用户"];

export async function register(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    "/api/v1/users",
    {
      config: { auditRead: { action: "users.listed", entityType: "organisation", query: "organisationId" } },
      schema: { tags, summary: "用户列表（本单位及可见单位）", querystring: ZUserListQuery, response: { 200: ZUserList } },
    },
    async (request) => listUsers(ctx, requireAuth(request.auth), request.query),
  );

  app.get(
    "/api/v1/users/grantable-roles",
    {
      schema: {
        tags,
        summary: "当前管理员可授予的角色（按单位；新建、编辑用户的表单据此列出角色）",
        querystring: ZGrantableRolesQuery,
        response: { 200: ZGrantableRoles },
      },
    },
    async (request) => grantableRolesFor(ctx, requireAuth(request.auth), request.query),
  );

  app.post("/api/v1/users", { schema: { tags, summary: "新建用户", body: ZUserCreateBody, response: { 201: ZUser } } }, async (request, reply) =>
    reply.status(201).send(await createUser(ctx, requireAuth(request.auth), request.body)),
  );

  app.patch(
    "/api/v1/users/:id",
    { schema: { tags, summary: "修改用户（含停用、解锁、重置密码）", params: ZUserIdParam, body: ZUserPatchBody, response: { 200: ZUser } } },
    async (request) => updateUser(ctx, requireAuth(request.auth), request.params.id, request.body),
  );
}
