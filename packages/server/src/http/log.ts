/**
 * Log hygiene: the server's log never carries request bodies, the parameters of failed queries
 * (drizzle, pg and PGlite errors all carry them) or personal data. Request URLs are logged with
 * each query value replaced by a keyed hash (HMAC-SHA256), so that the same search can be
 * recognised across log lines without the search term (a phone number, an ID number) being readable.
 */
import crypto from "node:crypto";
import type { FastifyServerOptions } from "fastify";

/** A keyed hash of a value for the log: the first 16 hex digits of HMAC-SHA256. */
export function logHash(key: Buffer, value: string): string {
  return crypto.createHmac("sha256", key).update(value, "utf8").digest("hex").slice(0, 16);
}

/** The URL as it may be logged: the path, and the query with every value replaced by its keyed hash. */
export function safeUrl(url: string | undefined, key: Buffer): string {
  if (!url) return "";
  const q = url.indexOf("?");
  if (q < 0) return url.slice(0, 300);
  const path = url.slice(0, Math.min(q, 300));
  const parts = url
    .slice(q + 1)
    .split("&")
    .filter(Boolean)
    .slice(0, 30)
    .map((pair) => {
      const eq = pair.indexOf("=");
      const name = (eq < 0 ? pair : pair.slice(0, eq)).slice(0, 40).replace(/[^\w.[\]-]/g, "_");
      const value = eq < 0 ? "" : pair.slice(eq + 1);
      return value === "" ? `${name}=` : `${name}=h:${logHash(key, value)}`;
    });
  return `${path}?${parts.join("&")}`;
}

/**
 * PostgreSQL's messages quote the offending value for some errors
 * (`invalid input syntax for type uuid: "…"`, `Key (phone)=(…) already exists`): keep the words, drop the value.
 */
export function safeDbMessage(message: string): string {
  return message
    .replace(/(:\s*)"(?:[^"\\]|\\.)*"\s*$/s, '$1"…"')
    .replace(/=\((?:[^()]|\([^()]*\))*\)/g, "=(…)")
    .replace(/'(?:[^'\\]|\\.|'')*'/g, "'…'")
    .split("\nparams:")[0]
    .slice(0, 500);
}

const dbFields = ["code", "severity", "constraint", "table", "column", "dataType", "routine", "schema"] as const;

export interface ScrubbedError {
  type: string;
  message: string;
  code?: string;
  stack?: string;
  cause?: ScrubbedError;
  [k: string]: unknown;
}

/**
 * What may be logged of an error: its type, a message without query parameters or quoted values,
 * the database error's code and object names, and the stack frames (never the original first line,
 * which repeats the message). Query text, parameters, `detail`, `where` and any other property are dropped.
 */
export function scrubError(err: unknown, depth = 0): ScrubbedError {
  if (!(err instanceof Error) && (typeof err !== "object" || err === null)) {
    return { type: typeof err, message: safeDbMessage(String(err)) };
  }
  const e = err as Error & Record<string, unknown>;
  const type = (e.constructor?.name && e.constructor.name !== "Object" ? e.constructor.name : e.name) ?? "Error";
  let message = typeof e.message === "string" ? e.message : "";
  // drizzle: "Failed query: <sql>\nparams: <values>" — keep neither the values nor the literal text.
  if (message.startsWith("Failed query:")) message = `Failed query: ${safeDbMessage(message.slice(13).split("\nparams:")[0].trim()).slice(0, 300)}`;
  else message = safeDbMessage(message);
  const out: ScrubbedError = { type, message };
  for (const f of dbFields) if (typeof e[f] === "string" && (e[f] as string).length < 100) out[f] = e[f];
  if (typeof e.stack === "string") {
    const frames = e.stack
      .split("\n")
      .filter((l) => /^\s+at /.test(l))
      .slice(0, 15);
    if (frames.length) out.stack = frames.join("\n");
  }
  if (e.cause !== undefined && depth < 3) out.cause = scrubError(e.cause, depth + 1);
  return out;
}

/**
 * Pino options for the server: the request is method, path with hashed query values and the
 * client address; no bodies, no headers; errors pass through scrubError whoever logs them.
 */
export function loggerOptions(
  level: string,
  hashKey: Buffer,
  stream?: NodeJS.WritableStream,
): NonNullable<Exclude<FastifyServerOptions["logger"], boolean>> {
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: {
      req: (req: { method?: string; url?: string; ip?: string; socket?: { remoteAddress?: string } }) => ({
        method: req.method,
        url: safeUrl(req.url, hashKey),
        remoteAddress: req.ip ?? req.socket?.remoteAddress,
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      err: (err: unknown) => scrubError(err),
    },
  } as NonNullable<Exclude<FastifyServerOptions["logger"], boolean>>;
}

/** The key for logged hashes: KUANYAN_LOG_HASH_KEY, else a random key for this process. */
export function logHashKey(configured?: string): Buffer {
  return configured ? Buffer.from(configured, "utf8") : crypto.randomBytes(32);
}
