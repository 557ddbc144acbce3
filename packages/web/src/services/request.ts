// The one HTTP client of the console: JSON in and out, cookies included, the CSRF token on
// state-changing requests, and server errors `{code, message, fields}` turned into ApiError.

export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];

  constructor(status: number, code: string, message: string, fields: FieldError[] = []) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

export const API_BASE = "/api/v1";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface RequestOptions {
  method?: Method;
  body?: unknown;
  /** Query parameters; undefined and empty values are left out. */
  query?: Record<string, string | number | boolean | undefined | null>;
  /** Do not show the error with message.error (the caller shows it itself). */
  silent?: boolean;
}

let csrfToken: string | null = null;
let notifyError: (message: string) => void = (message) => console.error(message);
let onUnauthorized: () => void = () => {};

/** Remember the CSRF token handed out by login and /auth/me. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Where request errors are shown (the layout connects antd's message.error here). */
export function setErrorNotifier(fn: (message: string) => void): void {
  notifyError = fn;
}

/** Called when the session has ended (a 401 on any request but the auth ones). */
export function setUnauthorizedHandler(fn: () => void): void {
  onUnauthorized = fn;
}

function buildUrl(path: string, query?: RequestOptions["query"]): string {
  const url = path.startsWith("/api/") ? path : `${API_BASE}${path}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${url}?${qs}` : url;
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (body && typeof body === "object" && "message" in body) {
    const b = body as { code?: string; message?: string; fields?: FieldError[] };
    return new ApiError(response.status, b.code ?? "error", b.message ?? "请求失败", b.fields ?? []);
  }
  const fallback: Record<number, string> = {
    401: "请先登录",
    403: "没有权限执行此操作",
    404: "请求的内容不存在",
    409: "数据已被他人修改，请刷新后重试",
    423: "账号已锁定",
  };
  return new ApiError(response.status, "http_" + response.status, fallback[response.status] ?? `服务器错误（${response.status}），请稍后重试`);
}

/**
 * Send a request to the API. Paths are relative to /api/v1 ("/users") unless they start with
 * /api/. Resolves with the parsed JSON body (undefined for 204); rejects with ApiError, which
 * has already been shown to the user unless `silent` is set.
 */
export async function request<T = unknown>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: "include",
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    const error = new ApiError(0, "network_error", "无法连接服务器，请检查网络");
    if (!options.silent) notifyError(error.message);
    throw error;
  }

  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && !path.includes("/auth/")) onUnauthorized();
    if (!options.silent) notifyError(error.message);
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Map an ApiError's field errors onto antd Form fields (`form.setFields(...)`). */
export function fieldErrors(error: unknown): { name: string; errors: string[] }[] {
  if (!(error instanceof ApiError)) return [];
  return error.fields.filter((f) => !f.field.startsWith("(")).map((f) => ({ name: f.field.replace(/^body[./]/, ""), errors: [f.message] }));
}
