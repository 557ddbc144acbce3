import type { FastifyRequest } from "fastify";
import { AppError } from "../http/errors";

/**
 * Cross-site request refusal (ASVS 4.0 V13.2.3 / 等保 access control): a state-changing request
 * that carries an Origin header must come from the server's own origin — the Host it was sent to,
 * or the origin of KUANYAN_PUBLIC_URL. Requests without Origin (command-line and API clients, which
 * a browser cannot forge a cookie for) are let through; a browser's cross-site request without
 * Origin is recognised by Sec-Fetch-Site and refused too.
 */
export function checkOrigin(request: FastifyRequest, publicUrl?: string): void {
  const origin = request.headers.origin;
  if (origin === undefined) {
    if (request.headers["sec-fetch-site"] === "cross-site") throw foreignOrigin();
    return;
  }
  let host: string;
  try {
    const url = new URL(origin);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error("scheme");
    host = url.host.toLowerCase();
  } catch {
    throw foreignOrigin(); // "null" (sandboxed frames, file://) or garbage
  }
  if (host === ownHost(request)) return;
  if (publicUrl && host === new URL(publicUrl).host.toLowerCase()) return;
  throw foreignOrigin();
}

/** The Host the request was sent to, normalised like an origin's host (a default port dropped). */
function ownHost(request: FastifyRequest): string | undefined {
  const host = request.headers.host;
  if (!host) return undefined;
  try {
    return new URL(`${request.protocol === "https" ? "https" : "http"}://${host}`).host.toLowerCase();
  } catch {
    return undefined;
  }
}

const foreignOrigin = () => new AppError("forbidden", "请求来源不是本系统（Origin 不符），已拒绝。请从本系统的页面操作");
