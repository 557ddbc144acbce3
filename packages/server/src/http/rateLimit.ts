import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from "fastify";
import rateLimit from "@fastify/rate-limit";
import type { AppContext } from "./context";
import { databaseStore } from "./rateLimitStore";

/**
 * Rate limits (issue 15, item 7) with @fastify/rate-limit:
 *  - login: per client IP (any username) and per client IP + username;
 *  - uploads (routes whose body carries a file: a `…Base64` field, or a body limit above the
 *    default): per route and user, or per route and client IP when anonymous;
 *  - public endpoints (`config.access: "public"`: document verification, public lists, the law
 *    library, …): anonymous requests per route and client IP. A logged-in user is identified and
 *    audited and is not held back on the catalogues the console reads.
 * Requests are counted once they are valid (preHandler, after the schema check): a malformed one
 * gets its 400 at no cost and does not use up the allowance — the limits protect the work behind
 * a request (a password check, parsing a file, a lookup by code), and a fuzzing client sees the
 * validation errors, not 429s.
 * A limited request gets 429 `{code: "rate_limited", message: "操作过于频繁，请 N 秒后再试"}` with
 * Retry-After, sent here (not through the error handler) so the body is the contract whatever the
 * error handler does with framework errors.
 *
 * Counters live in the `rate_limits` table on PostgreSQL (several processes share them, see
 * rateLimitStore.ts) and in memory on PGlite (one process owns the database).
 * Limits come from the config (KUANYAN_RATE_*); 0 turns one off.
 */

export type LimitKind = "login" | "upload" | "public";

/** Routes that must never be limited: load balancers and monitors poll them. */
const unlimited = new Set(["/api/v1/health"]);

function bodyCarriesFile(schema: unknown): boolean {
  const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;
  return !!shape && typeof shape === "object" && Object.keys(shape).some((k) => /Base64$/.test(k));
}

/** Which limit a route falls under, if any. */
export function limitKind(
  route: Pick<RouteOptions, "url" | "method" | "bodyLimit" | "schema" | "config">,
  defaultBodyLimit: number,
): LimitKind | null {
  const url = route.url ?? "";
  if (!url.startsWith("/api/") || unlimited.has(url)) return null;
  const methods = ([] as string[]).concat(route.method as string | string[]);
  if (url === "/api/v1/auth/login" && methods.includes("POST")) return "login";
  const writes = methods.some((m) => m === "POST" || m === "PUT" || m === "PATCH");
  if (writes && (bodyCarriesFile(route.schema?.body) || (route.bodyLimit ?? 0) > defaultBodyLimit)) return "upload";
  if ((route.config as { access?: string } | undefined)?.access === "public") return "public";
  return null;
}

export function rateLimitedBody(seconds: number) {
  return { code: "rate_limited", message: `操作过于频繁，请 ${seconds} 秒后再试` };
}

type Limiter = ReturnType<FastifyInstance["createRateLimit"]>;

/**
 * Registers the limits. Call it before the routes are added (an onRoute hook attaches the limits
 * to them as preHandler hooks, which run after the session is resolved and the input validated).
 */
export async function registerRateLimits(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const c = ctx.config;
  await app.register(rateLimit, {
    global: false,
    ...(ctx.database.kind === "postgres" ? { store: databaseStore(ctx.database) } : { cache: 10_000 }),
  });
  const timeWindow = c.rateWindowSeconds * 1000;
  const limiter = (max: number, prefix: string, key: (r: FastifyRequest) => string): Limiter | null =>
    max > 0 ? app.createRateLimit({ max, timeWindow, keyGenerator: (r) => `${prefix}:${key(r)}` }) : null;

  const loginPerIp = limiter(c.rateLoginPerIp, "login-ip", (r) => r.ip);
  const loginPerUser = limiter(c.rateLoginPerUser, "login-user", (r) => {
    const username = (r.body as { username?: unknown } | undefined)?.username;
    return `${r.ip}\n${typeof username === "string" ? username.trim().toLowerCase() : ""}`;
  });
  const routeOf = (r: FastifyRequest) => `${r.method} ${r.routeOptions.url}`;
  const upload = limiter(c.rateUpload, "upload", (r) => `${routeOf(r)}\n${r.auth ? `u:${r.auth.userId}` : `ip:${r.ip}`}`);
  const publicAnon = limiter(c.ratePublic, "public", (r) => `${routeOf(r)}\n${r.ip}`);

  /** Counts the request on each limiter; the first one exceeded answers 429. */
  const check = (limiters: (Limiter | null)[], skip?: (r: FastifyRequest) => boolean) =>
    async function rateLimitCheck(request: FastifyRequest, reply: FastifyReply) {
      if (skip?.(request)) return;
      for (const l of limiters) {
        if (!l) continue;
        const res = await l(request);
        if (res.isAllowed || !res.isExceeded) continue;
        const seconds = Math.max(1, res.ttlInSeconds);
        request.log.warn({ rateLimit: request.routeOptions.url }, "rate limited");
        return reply
          .code(429)
          .header("retry-after", String(seconds))
          .header("x-ratelimit-limit", String(res.max))
          .header("x-ratelimit-remaining", "0")
          .header("x-ratelimit-reset", String(seconds))
          .send(rateLimitedBody(seconds));
      }
    };

  const hooks: Record<LimitKind, ReturnType<typeof check> | null> = {
    login: loginPerIp || loginPerUser ? check([loginPerIp, loginPerUser]) : null,
    upload: upload ? check([upload]) : null,
    public: publicAnon ? check([publicAnon], (r) => r.auth !== null) : null,
  };
  const defaultBodyLimit = app.initialConfig.bodyLimit ?? 1024 * 1024;
  app.addHook("onRoute", (route) => {
    const kind = limitKind(route, defaultBodyLimit);
    const fn = kind ? hooks[kind] : null;
    if (!fn) return;
    const existing = route.preHandler;
    route.preHandler = (Array.isArray(existing) ? [...existing, fn] : existing ? [existing, fn] : [fn]) as never;
  });
}
