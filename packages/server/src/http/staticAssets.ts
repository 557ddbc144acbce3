import path from "node:path";
import type { FastifyReply } from "fastify";
import type { FastifyStaticOptions } from "@fastify/static";

/**
 * How the built console (packages/web/dist) is served (issue 15, item 7):
 * - the build writes `.br` and `.gz` beside every compressible file (packages/web/compress.ts);
 *   with `preCompressed` the server sends the one the browser accepts (brotli first), with
 *   `Content-Encoding` and `Vary: Accept-Encoding`, and the plain file to the others;
 * - files under /assets/ carry a content hash in their names, so they never change: a year,
 *   `immutable` (no revalidation on reload);
 * - everything else (index.html above all, which names the current hashes) is revalidated on
 *   every use: `no-cache` with its ETag / Last-Modified.
 */
export const immutableCache = "public, max-age=31536000, immutable";
export const revalidateCache = "no-cache";

function cacheControlFor(root: string, file: string): string {
  const rel = path.relative(root, file).split(path.sep);
  return rel.length > 1 && rel[0] === "assets" ? immutableCache : revalidateCache;
}

export function staticAssetOptions(root: string): FastifyStaticOptions {
  return {
    root,
    prefix: "/",
    wildcard: false,
    index: ["index.html"],
    preCompressed: true,
    // The compressed siblings are chosen by content negotiation, not requested by name.
    globIgnore: ["**/*.br", "**/*.gz"],
    cacheControl: false,
    setHeaders: (reply: FastifyReply, file: string) => {
      reply.header("cache-control", cacheControlFor(root, file));
    },
  };
}
