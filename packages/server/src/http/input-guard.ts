/**
 * One global guard, before any route logic (and before schema validation): text with a NUL byte or
 * an unpaired UTF-16 surrogate — in any string or key of the JSON body, the query or the path
 * parameters — is refused with 400 `invalid_characters`, naming the field in Chinese. PostgreSQL
 * cannot store NUL in text and a lone surrogate is not Unicode text; neither may reach the database.
 * Bodies nested deeper than MAX_DEPTH are refused too (no handler needs them; deep recursion must
 * not be able to exhaust the stack anywhere later).
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError, type FieldError } from "./errors";
import { fieldLabel } from "./validation";

export const MAX_DEPTH = 32;

/** A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
const FORBIDDEN = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasForbiddenCharacters(s: string): boolean {
  return FORBIDDEN.test(s);
}

interface Finding {
  path: string[];
}

/** Walks a parsed value without recursion; returns the paths of bad strings, or "deep" when too deep. */
function scan(value: unknown, found: Finding[]): "deep" | null {
  const stack: { v: unknown; path: string[] }[] = [{ v: value, path: [] }];
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (typeof v === "string") {
      if (FORBIDDEN.test(v)) found.push({ path });
      continue;
    }
    if (v === null || typeof v !== "object" || Buffer.isBuffer(v) || ArrayBuffer.isView(v)) continue;
    if (path.length >= MAX_DEPTH) return "deep";
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: [...path, String(i)] });
    } else {
      // Streams and files are not JSON (query objects have their own null-like prototype: they are checked).
      if (typeof (v as { pipe?: unknown }).pipe === "function" || typeof (v as { on?: unknown }).on === "function") continue;
      for (const [k, x] of Object.entries(v)) {
        if (FORBIDDEN.test(k)) found.push({ path: [...path, k] });
        stack.push({ v: x, path: [...path, k] });
      }
    }
  }
  return null;
}

const partLabel: Record<string, string> = { body: "请求内容", querystring: "查询参数", params: "路径参数" };

function printable(path: string[]): string {
  return path.map((p) => (FORBIDDEN.test(p) ? "(含不允许字符的名称)" : p.slice(0, 60))).join(".");
}

/** The guard as a preValidation hook: the raw body, query and params are checked as received. */
export function inputGuard(request: FastifyRequest): void {
  const schema = (request.routeOptions?.schema ?? {}) as Record<string, unknown>;
  const fields: FieldError[] = [];
  const parts: [string, unknown][] = [
    ["params", request.params],
    ["querystring", request.query],
    ["body", request.body],
  ];
  for (const [part, value] of parts) {
    const found: Finding[] = [];
    if (scan(value, found) === "deep") {
      throw new AppError("validation_failed", "输入有误：请求内容嵌套层级过深", [{ field: "(body)", message: `${partLabel[part]}：嵌套层级过深` }]);
    }
    for (const f of found.slice(0, 20)) {
      const clean = f.path.filter((p) => !FORBIDDEN.test(p));
      const label = (clean.length ? fieldLabel(schema[part], clean).slice(0, 60) : "") || partLabel[part];
      fields.push({ field: printable(f.path) || `(${part})`, message: `${label}：含有不允许的字符` });
    }
  }
  if (fields.length) {
    throw new AppError("invalid_characters", `输入有误：${fields.map((f) => f.message).join("；")}（不允许空字符或不成对的代理字符）`, fields);
  }
}

export function installInputGuard(app: FastifyInstance): void {
  app.addHook("preValidation", async (request) => inputGuard(request));
}
