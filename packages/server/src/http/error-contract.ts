/**
 * One error contract for every response that is not 2xx: `{code, message, fields?}` with a stable
 * English `code` and a Chinese `message` — our own AppErrors, schema validation, and everything the
 * framework or a plugin raises (unknown routes, 405, 413, 414, 415, bad URLs, malformed JSON, 429 …).
 * No English framework text, no stack, ever reaches a client.
 */
import http from "node:http";
import type { Socket } from "node:net";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { DomainError } from "@kuanyan/domain/errors";
import { statusOfDomainError, type FieldError } from "./errors";
import { validationFields } from "./validation";
import { scrubError } from "./log";

export interface ErrorBody {
  code: string;
  message: string;
  fields?: FieldError[];
}

/** The code and Chinese message for a status when nothing more specific is known. */
const byStatus: Record<number, ErrorBody> = {
  400: { code: "bad_request", message: "请求有误，请检查后重试" },
  401: { code: "unauthenticated", message: "请先登录" },
  403: { code: "forbidden", message: "您没有执行此操作的权限" },
  404: { code: "not_found", message: "请求的地址不存在" },
  405: { code: "method_not_allowed", message: "该地址不支持此请求方法" },
  406: { code: "not_acceptable", message: "无法提供所要求的内容格式" },
  408: { code: "request_timeout", message: "请求超时，请重试" },
  409: { code: "conflict", message: "请求与当前数据冲突，请刷新后重试" },
  410: { code: "gone", message: "请求的内容已不存在" },
  411: { code: "length_required", message: "请求缺少内容长度" },
  412: { code: "precondition_failed", message: "请求的前提条件不满足" },
  413: { code: "payload_too_large", message: "请求内容过大" },
  414: { code: "uri_too_long", message: "请求地址或其中的参数过长" },
  415: { code: "unsupported_media_type", message: "不支持的内容类型，请使用 application/json" },
  416: { code: "range_not_satisfiable", message: "请求的范围无效" },
  422: { code: "unprocessable", message: "请求内容无法处理" },
  423: { code: "locked", message: "资源已被锁定，请稍后再试" },
  429: { code: "too_many_requests", message: "请求过于频繁，请稍后再试" },
  431: { code: "headers_too_large", message: "请求头过大" },
  503: { code: "unavailable", message: "服务暂时不可用，请稍后重试" },
};
const other4xx: ErrorBody = { code: "request_failed", message: "请求未能处理，请检查后重试" };
const internal: ErrorBody = { code: "internal", message: "服务器内部错误，请稍后重试" };

/** Framework error codes whose meaning is more precise than their status. */
const byFrameworkCode: Record<string, { status: number } & ErrorBody> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: "invalid_json", message: "请求内容不是有效的 JSON" },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: "invalid_json", message: "请求内容不是有效的 JSON" },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: "payload_too_large", message: "请求内容过大" },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: "unsupported_media_type", message: "不支持的内容类型，请使用 application/json" },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: "bad_request", message: "请求内容的长度与声明不符" },
  FST_ERR_BAD_URL: { status: 400, code: "invalid_url", message: "请求地址含有无效的编码" },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: "uri_too_long", message: "请求地址中的参数过长" },
  FST_ERR_ASYNC_CONSTRAINT: { status: 400, code: "bad_request", message: "请求有误，请检查后重试" },
};

const HAN = /\p{Script=Han}/u;
const STABLE_CODE = /^[a-z][a-z0-9_]{1,63}$/;

/** The body for a status, with no further knowledge. */
export function statusBody(status: number): ErrorBody {
  if (status >= 500) return status === 503 ? byStatus[503] : internal;
  return byStatus[status] ?? other4xx;
}

function statusOf(err: unknown, reply?: FastifyReply): number {
  const e = err as { statusCode?: unknown; status?: unknown; code?: unknown } | null;
  const s = Number(e?.statusCode ?? e?.status ?? (typeof e?.code === "number" ? e.code : undefined));
  if (Number.isInteger(s) && s >= 400 && s <= 599) return s;
  if (reply && reply.statusCode >= 400 && reply.statusCode <= 599) return reply.statusCode;
  // @fastify/rate-limit throws whatever its errorResponseBuilder returns, after setting Retry-After:
  // a bare object thrown with that header set is a rate-limit refusal, not a server fault.
  if (!(err instanceof Error) && reply?.getHeader("retry-after") !== undefined) return 429;
  return 500;
}

/**
 * Maps any thrown value to a status and a contract body. A plugin that already speaks the
 * contract (a snake_case `code` and a Chinese `message`, e.g. a rate limit's own error) keeps its words.
 */
export function toErrorResponse(err: unknown, request: FastifyRequest, reply?: FastifyReply): { status: number; body: ErrorBody } {
  if (err instanceof DomainError) {
    return { status: statusOfDomainError(err), body: { code: err.code, message: err.message, ...(err.details ? { fields: err.details } : {}) } };
  }
  const e = (err ?? {}) as FastifyError & { validationContext?: string };
  if (hasZodFastifySchemaValidationErrors(err)) {
    const part = e.validationContext ?? "body";
    const schema = (request.routeOptions?.schema as Record<string, unknown> | undefined)?.[part];
    const fields = validationFields(schema, e.validation as { instancePath: string; message?: string }[]);
    return { status: 400, body: { code: "validation_failed", message: `输入有误：${fields.map((f) => f.message).join("；")}`, fields } };
  }
  if (Array.isArray(e.validation)) {
    // A non-zod schema (JSON schema via ajv) speaks English: keep only where, say it in Chinese.
    const part = e.validationContext ?? "body";
    const schema = (request.routeOptions?.schema as Record<string, unknown> | undefined)?.[part];
    const fields = validationFields(
      schema,
      (e.validation as { instancePath: string }[]).map((v) => ({ instancePath: v.instancePath ?? "", message: "格式不正确" })),
    );
    return { status: 400, body: { code: "validation_failed", message: `输入有误：${fields.map((f) => f.message).join("；")}`, fields } };
  }
  if (typeof e.code === "string" && byFrameworkCode[e.code]) {
    const { status, ...body } = byFrameworkCode[e.code];
    return { status, body };
  }
  if (err instanceof SyntaxError) return { status: 400, body: { code: "invalid_json", message: "请求内容不是有效的 JSON" } };
  const status = statusOf(err, reply);
  if (status < 500 && typeof e.code === "string" && STABLE_CODE.test(e.code) && typeof e.message === "string" && HAN.test(e.message)) {
    const fields = Array.isArray((e as { fields?: unknown }).fields) ? ((e as { fields?: FieldError[] }).fields as FieldError[]) : undefined;
    return { status, body: { code: e.code, message: e.message, ...(fields ? { fields } : {}) } };
  }
  return { status, body: statusBody(status) };
}

/** Fastify's error handler: the contract for every error, a scrubbed log line for 5xx. */
export function errorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const { status, body } = toErrorResponse(err, request, reply);
  if (status >= 500) request.log.error({ err: scrubError(err) }, "unhandled error");
  return reply.status(status).type("application/json; charset=utf-8").send(body);
}

/** Errors the router raises before a route is found (bad URL encoding, over-long parameters). */
export function frameworkErrors(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const { status, body } = toErrorResponse(err, request, reply);
  return reply.status(status).type("application/json; charset=utf-8").send(body);
}

/** Malformed HTTP (before Fastify has a request): answer in the contract, then close. */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket) {
  if (err.code === "ECONNRESET" || socket.destroyed) return;
  const status = err.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : err.code === "HPE_HEADER_OVERFLOW" ? 431 : 400;
  const text = JSON.stringify(statusBody(status));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(text)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${text}`,
    );
  }
  socket.destroy();
}

/**
 * Remembers every route's method and URL pattern, so that an unknown route can be told from a
 * known route called with a method it does not support (405 with an Allow header).
 */
export function trackRoutes(app: FastifyInstance): (path: string) => string[] {
  const routes: { methods: string[]; pattern: RegExp }[] = [];
  app.addHook("onRoute", (opts) => {
    const methods = (Array.isArray(opts.method) ? opts.method : [opts.method]).map(String);
    const source = opts.url
      .split("/")
      .map((seg) => (seg.startsWith(":") ? "[^/]+" : seg === "*" ? ".*" : seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
      .join("/");
    routes.push({ methods, pattern: new RegExp(`^${source}/?$`) });
  });
  return (path) => {
    const allowed = new Set<string>();
    for (const r of routes) if (r.pattern.test(path)) r.methods.forEach((m) => allowed.add(m));
    return [...allowed].sort();
  };
}

/** The not-found reply for API paths: 405 when the path exists with other methods, else 404. */
export function apiNotFound(allowedMethods: (path: string) => string[], request: FastifyRequest, reply: FastifyReply) {
  const path = request.url.split("?")[0];
  const allowed = allowedMethods(path).filter((m) => m !== request.method);
  if (allowed.length) {
    return reply.status(405).header("allow", allowed.join(", ")).type("application/json; charset=utf-8").send(statusBody(405));
  }
  return reply.status(404).type("application/json; charset=utf-8").send(statusBody(404));
}
