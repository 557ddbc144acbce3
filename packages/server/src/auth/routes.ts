import { eq } from "drizzle-orm";
import { ZLoginBody, ZNoContent, ZPasswordChangeBody, ZSession, type Me } from "@kuanyan/contract/auth";
import { allowedActions } from "@kuanyan/domain/organisations";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { FastifyInstance } from "fastify";
import { users } from "../db/schema";
import { recordAudit } from "../audit/record";
import { requireAuth } from "../access";
import { AppError } from "../http/errors";
import type { AppContext } from "../http/context";
import { login } from "./login";
import { SESSION_COOKIE, deleteSession, hashToken, loadSession, revokeSessions } from "./sessions";
import type { SessionRecord } from "./sessionCache";
import { checkNewPassword, hashPassword, rememberPassword, verifyPassword } from "./passwords";

/** The session's user, with the actions the permission table allows his roles (the console reads them). */
function presentMe(s: SessionRecord): Me {
  return {
    id: s.userId,
    username: s.username,
    displayName: s.displayName,
    roles: [...s.roles],
    organisation: { id: s.organisationId, name: s.organisationName, regionCode: s.regionCode, domain: s.organisationDomain },
    ...(s.licenceNo ? { licenceNo: s.licenceNo } : {}),
    permissions: allowedActions({ roles: s.roles }),
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
      const session = await loadSession(ctx.database.db, hashToken(s.token), ctx.now());
      if (!session) throw new AppError("invalid_credentials", "用户名或密码错误");
      return { user: presentMe(session), csrfToken: s.csrfToken };
    },
  );

  app.get("/api/v1/auth/me", { schema: { tags: ["认证"], summary: "当前用户", response: { 200: ZSession } } }, async (request) => {
    // Answered from the session (the session cache): no query.
    const auth = requireAuth(request.auth);
    return { user: presentMe(request.sessionUser!), csrfToken: auth.csrfToken };
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
