import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import helmet from "@fastify/helmet";
import type { AppContext } from "./context";

/**
 * Security headers on every response (issue 15, item 7), with @fastify/helmet.
 *
 * The console's Content-Security-Policy: scripts only from the server itself (no inline script, no
 * eval); styles also inline, because antd writes its CSS-in-JS into <style> elements and style
 * attributes; images also data: and blob: (antd icons, signature previews); frames only our own
 * (the PDF print iframe); nothing may frame us; no plugins; forms and <base> only to ourselves.
 */
export const consoleCsp: Record<string, string[]> = {
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  "script-src-attr": ["'none'"],
  "style-src": ["'self'", "'unsafe-inline'"],
  "img-src": ["'self'", "data:", "blob:"],
  "font-src": ["'self'", "data:"],
  "connect-src": ["'self'"],
  "frame-src": ["'self'"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'none'"],
};

/**
 * The Swagger UI at /api/docs (static scripts and styles of its own, inline styles, data: images).
 * Its own bundle needs nothing more than the console's policy; it is kept separate so that a
 * future Swagger UI that needs more gets it on these routes only.
 */
export const docsCsp: Record<string, string[]> = { ...consoleCsp };

/** Powerful browser features the console never uses, switched off. */
export const permissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

/**
 * HSTS only when the browser reached us over HTTPS, following the session cookie's rule
 * (KUANYAN_COOKIE_SECURE): "on" always, "auto" when the request came over HTTPS (directly or as
 * X-Forwarded-Proto from the trusted proxy), "off" never. Sent over plain HTTP it would be ignored
 * at best, and lock a county out of a server that has no certificate at worst.
 */
export function servedOverHttps(ctx: AppContext, request: FastifyRequest): boolean {
  return ctx.config.cookieSecure === "on" || (ctx.config.cookieSecure === "auto" && request.protocol === "https");
}

function isDocsRoute(url: string | undefined): boolean {
  return !!url && (url === "/api/docs" || url.startsWith("/api/docs/"));
}

export async function registerSecurityHeaders(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: consoleCsp },
    frameguard: { action: "deny" },
    // Not "no-referrer": with it, browsers send `Origin: null` on same-origin POSTs, which an
    // Origin check on login would refuse.
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    // Set below, only over HTTPS.
    strictTransportSecurity: false,
    // The console opens PDFs in new tabs of its own origin; nothing cross-origin needs us.
    crossOriginOpenerPolicy: { policy: "same-origin" },
    crossOriginResourcePolicy: { policy: "same-origin" },
  });

  // The Swagger UI gets its own policy, on its routes only (they are added by @fastify/swagger-ui).
  app.addHook("onRoute", (route) => {
    if (isDocsRoute(route.url)) {
      route.config = { ...(route.config ?? {}), helmet: { contentSecurityPolicy: { useDefaults: false, directives: docsCsp } } } as never;
    }
  });

  app.addHook("onRequest", async (request, reply) => {
    reply.header("permissions-policy", permissionsPolicy);
    if (servedOverHttps(ctx, request)) reply.header("strict-transport-security", "max-age=31536000; includeSubDomains");
  });

  // Files (downloads of evidence, documents, exports):
  // - a PDF shown inline is printed from a hidden iframe of the console (same origin), so our own
  //   pages may frame PDFs, nothing else may; Chrome's PDF viewer does not run under `sandbox`;
  // - any other file gets a policy that allows nothing at all and a sandbox: should a browser ever
  //   render one as a page (a polyglot upload), it runs no script and has no origin.
  app.addHook("onSend", async (request, reply: FastifyReply, payload) => {
    const type = String(reply.getHeader("content-type") ?? "");
    // API answers carry personal and case data: never kept by the browser or a proxy unless the
    // route says otherwise (the Swagger UI's own files may be cached).
    if (request.url.startsWith("/api/v1/") && !reply.hasHeader("cache-control")) reply.header("cache-control", "no-store");
    if (type.startsWith("application/pdf")) {
      reply.header("x-frame-options", "SAMEORIGIN");
      reply.header("content-security-policy", "frame-ancestors 'self'; object-src 'none'; base-uri 'none'; form-action 'none'");
    } else if (reply.getHeader("content-disposition")) {
      reply.header("content-security-policy", "default-src 'none'; frame-ancestors 'none'; sandbox");
    }
    return payload;
  });
}
