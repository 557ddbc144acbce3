import type { FastifyInstance } from "fastify";
import { SESSION_COOKIE, resolveSession } from "../auth/sessions";
import { SessionCache } from "../auth/sessionCache";
import { checkOrigin } from "../auth/origin";
import { AppError } from "./errors";
import type { AppContext } from "./context";

const unsafe = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Resolves the session cookie to `request.auth` for every request, refuses API calls without a
 * session (401) unless the route is public, and requires the CSRF token (header x-csrf-token)
 * on every state-changing request made with a session. A state-changing request from a foreign
 * Origin is refused before anything else (src/auth/origin.ts). Sessions are resolved through the
 * process's session cache (src/auth/sessionCache.ts), which listens until the app closes.
 */
export async function installAuth(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const cache = await SessionCache.start(ctx.database);
  app.addHook("onClose", () => cache.stop());
  app.decorateRequest("auth", null);
  app.decorateRequest("sessionUser", null);
  app.addHook("onRequest", async (request) => {
    request.auth = null;
    request.sessionUser = null;
    if (unsafe.has(request.method)) checkOrigin(request, ctx.config.publicUrl);
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const s = await resolveSession(ctx.database.db, cache, token, ctx.now(), ctx.config.sessionIdleMinutes);
      if (s) {
        request.sessionUser = s;
        request.auth = {
          userId: s.userId,
          username: s.username,
          displayName: s.displayName,
          roles: s.roles,
          organisationId: s.organisationId,
          organisationName: s.organisationName,
          regionCode: s.regionCode,
          csrfToken: s.csrfToken,
          sessionTokenHash: s.tokenHash,
          ip: request.ip,
        };
      }
    }
    const isApi = request.url.startsWith("/api/v1/");
    const isPublic = request.routeOptions.config?.access === "public";
    if (!isApi || isPublic) return;
    if (!request.auth) throw new AppError("unauthenticated", "请先登录");
    if (unsafe.has(request.method) && request.headers["x-csrf-token"] !== request.auth.csrfToken) {
      throw new AppError("csrf_failed", "安全校验失败（CSRF 令牌缺失或无效），请刷新页面后重试");
    }
  });
}
