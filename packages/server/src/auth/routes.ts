import { eq } from "drizzle-orm";
import { ZLoginBody, ZNoContent, ZPasswordChangeBody, ZSession, type Me } from "@kuanyan/contract/auth";
import { allowedActions, type Role } from "@kuanyan/domain/organisations";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { FastifyInstance } from "fastify";
import { organisations, users } from "../db/schema";
import { recordAudit } from "../audit/record";
import { requireAuth } from "../access";
import { AppError } from "../http/errors";
import type { AppContext } from "../http/context";
import { login } from "./login";
import { SESSION_COOKIE, deleteSession, revokeSessions } from "./sessions";
import { checkNewPassword, hashPassword, rememberPassword, verifyPassword } from "./passwords";

/** The session's user, with the actions the permission table allows his roles (the console reads them). */
async function me(ctx: AppContext, userId: string): Promise<Me> {
  const rows = await ctx.database.db
    .select({ u: users, o: organisations })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, userId));
  const { u, o } = rows[0];
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles as Role[],
    organisation: { id: o.id, name: o.name, regionCode: o.regionCode, domain: o.domain },
    ...(u.licenceNo ? { licenceNo: u.licenceNo } : {}),
    permissions: allowedActions({ roles: u.roles }),
  };
}

export async function register(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const secure = (proto: string) => ctx.config.cookieSecure === "on" || (ctx.config.cookieSecure === "auto" && proto === "https");

  app.post(
    "/api/v1/auth/login",
    {
      config: { access: "public" },
      schema: {
        tags: ["认证"],
        summary: "登录",
        body: ZLoginBody,
        response: { 200: ZSession },
      },
    },
    async (request, reply) => {
      const s = await login(ctx, { ...request.body, ip: request.ip });
      reply.setCookie(SESSION_COOKIE, s.token, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure: secure(request.protocol),
        maxAge: ctx.config.sessionHours * 3600,
      });
      return { user: await me(ctx, s.userId), csrfToken: s.csrfToken };
    },
  );

  app.get("/api/v1/auth/me", { schema: { tags: ["认证"], summary: "当前用户", response: { 200: ZSession } } }, async (request) => {
    const auth = requireAuth(request.auth);
    return { user: await me(ctx, auth.userId), csrfToken: auth.csrfToken };
  });

  app.post("/api/v1/auth/logout", { schema: { tags: ["认证"], summary: "退出登录", response: { 204: ZNoContent } } }, async (request, reply) => {
    const auth = requireAuth(request.auth);
    await ctx.database.db.transaction(async (tx) => {
      await deleteSession(tx, auth.sessionTokenHash);
      await recordAudit(tx, auth, {
        action: "auth.logout",
        entityType: "user",
        entityId: auth.userId,
        organisationId: auth.organisationId,
        regionCode: auth.regionCode,
      });
    });
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return reply.status(204).send(null);
  });

  app.post(
    "/api/v1/auth/password",
    {
      schema: {
        tags: ["认证"],
        summary: "修改密码",
        body: ZPasswordChangeBody,
        response: { 204: ZNoContent },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request.auth);
      const [u] = await ctx.database.db.select().from(users).where(eq(users.id, auth.userId));
      if (!(await verifyPassword(u.passwordHash, request.body.currentPassword))) {
        throw new AppError("validation_failed", "当前密码不正确", [{ field: "currentPassword", message: "当前密码不正确" }]);
      }
      await checkNewPassword(ctx.database.db, {
        userId: u.id,
        username: u.username,
        password: request.body.newPassword,
        field: "newPassword",
        label: "新密码",
      });
      const passwordHash = await hashPassword(request.body.newPassword);
      await ctx.database.db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ passwordHash, version: u.version + 1, updatedAt: ctx.now() })
          .where(eq(users.id, u.id));
        await rememberPassword(tx, u.id, passwordHash, ctx.now());
        // Every other session of the user ends (one opened with the old password by someone else included).
        const sessionsEnded = await revokeSessions(tx, u.id, auth.sessionTokenHash);
        await recordAudit(tx, auth, {
          action: "user.password_changed",
          entityType: "user",
          entityId: u.id,
          organisationId: u.organisationId,
          regionCode: u.regionCode,
          after: { sessionsEnded },
        });
      });
      return reply.status(204).send(null);
    },
  );
}
