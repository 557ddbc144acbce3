// The OpenAPI description is complete: every route Fastify has registered under /api/v1 is described
// in /api/docs/json with a response schema (the contract's zod schema, which also serialises the
// reply), or is a file download listed below with the content type its description states.
// Modules whose contract has not landed yet are named in `pendingModules`; the lead empties it at
// merge. A pending module that has become complete fails the test too, so the list cannot go stale.
import path from "node:path";
import { pathToFileURL } from "node:url";
import Fastify, { type FastifyInstance } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppContext } from "../http/context";
import { moduleFiles } from "../http/modules";
import { testApp, type TestApp } from "../testing/app";

/** Modules (src/<module>/routes.ts) still expected to have routes without a response schema. */
const pendingModules: string[] = [];

/** File downloads: no JSON body; the OpenAPI description states the content type. */
const downloads: Record<string, string> = {
  "GET /api/v1/statistics/form.xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "GET /api/v1/statistics/form.pdf": "application/pdf",
  "GET /api/v1/cases/{id}/evidence/{evidenceId}": "application/octet-stream",
  "GET /api/v1/documents/seal": "image/png",
  "GET /api/v1/documents/archive/{caseId}": "application/pdf",
  "GET /api/v1/documents/{id}/pdf": "application/pdf",
  "GET /api/v1/documents/{id}/docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "GET /api/v1/documents/{id}/deliveries/{deliveryId}/pdf": "application/pdf",
  "GET /api/v1/lists/{id}/versions/{no}/export": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "GET /api/v1/field/inspections/{id}/photos/{sha256}": "image/jpeg",
  "GET /api/v1/field/inspections/{id}/record.pdf": "application/pdf",
  "GET /api/v1/field/inspections/{id}/record.docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "GET /api/v1/hazards/{id}/evidence/{evidenceId}": "application/octet-stream",
  "GET /api/v1/inspections/units/export": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "GET /api/v1/inspections/draws/{id}/pool.json": "application/json",
  "GET /api/v1/public/inspections/draws/{id}/pool.json": "application/json",
  "GET /api/v1/public/inspections/draws/{id}/draw.json": "application/json",
  "GET /api/v1/public/inspections/draws/{id}/results.csv": "text/csv",
};

/** Routes that always refuse (no 2xx): the description says so. */
const alwaysRefused: Record<string, string> = {
  "PATCH /api/v1/documents/{id}": "始终拒绝（422）",
};

/** Routes hidden from the description on purpose: the health check and the description itself. */
const hidden = new Set(["GET /api/v1/health", "GET /api/v1/openapi.json"]);

interface Operation {
  description?: string;
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

let t: TestApp;
let spec: { paths: Record<string, Record<string, Operation>> };
/** "METHOD /path" (OpenAPI spelling) → the module whose routes.ts registers it. */
const moduleOf = new Map<string, string>();
let registered: string[] = [];

const key = (method: string, url: string) => `${method.toUpperCase()} ${url.replace(/:(\w+)/g, "{$1}")}`;

/** Registers one module's routes on a bare Fastify instance and records what it adds. */
async function routesOfModule(file: string, ctx: AppContext): Promise<string[]> {
  const app: FastifyInstance = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const out: string[] = [];
  app.addHook("onRoute", (r) => {
    for (const m of [r.method].flat()) if (String(m) !== "HEAD") out.push(key(String(m), r.url));
  });
  const mod = (await import(pathToFileURL(file).href)) as { register: (app: FastifyInstance, ctx: AppContext) => Promise<void> };
  await mod.register(app, ctx);
  await app.close();
  return out;
}

beforeAll(async () => {
  t = await testApp();
  const res = await t.get("/api/docs/json");
  expect(res.statusCode).toBe(200);
  spec = res.json();
  for (const file of moduleFiles("routes.ts")) {
    const name = path.basename(path.dirname(file));
    for (const route of await routesOfModule(file, t.ctx)) moduleOf.set(route, name);
  }
  // Fastify's own route table of the running app: a route the description hides is still found.
  const all: string[] = [];
  for (const line of t.app.printRoutes({ commonPrefix: false }).split("\n")) all.push(line);
  registered = routesOf(all.join("\n")).filter((r) => r.split(" ")[1].startsWith("/api/v1/"));
}, 300_000);

afterAll(async () => {
  await t?.close();
});

/** Routes from Fastify's printRoutes tree, as "METHOD /path/{param}". */
function routesOf(tree: string): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  for (const line of tree.split("\n")) {
    const m = /^((?:[│ ] {3})*)[├└]── (\S+)(?: \(([^)]*)\))?/.exec(line);
    if (!m) continue;
    const depth = m[1].length / 4;
    stack.length = depth;
    const full = (stack[depth - 1] ?? "") + m[2];
    stack[depth] = full;
    for (const method of (m[3] ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)) {
      if (method === "HEAD") continue;
      out.push(`${method} ${full.replace(/:(\w+)/g, "{$1}")}`);
    }
  }
  return [...new Set(out)].sort();
}

/** What is wrong with a route's description, or null when it is complete. */
function problem(route: string): string | null {
  if (hidden.has(route)) return null;
  const [method, url] = route.split(" ");
  const op = spec.paths[url]?.[method.toLowerCase()];
  if (!op) return "不在 OpenAPI 描述中";
  const refusal = alwaysRefused[route];
  if (refusal) return op.description?.includes(refusal) ? null : `始终拒绝的接口未在描述中注明“${refusal}”`;
  const download = downloads[route];
  if (download) return op.description?.includes(download) ? null : `文件下载未在描述中注明内容类型 ${download}`;
  const ok = Object.entries(op.responses ?? {}).some(
    ([code, r]) => /^2\d\d$/.test(code) && (code === "204" || r.content?.["application/json"]?.schema !== undefined),
  );
  return ok ? null : "没有 2xx 响应的 JSON 模式";
}

describe("OpenAPI 描述完整：每个接口都有响应模式", () => {
  it("Fastify 注册的路由都能找到所属模块，且路由表不为空", () => {
    expect(registered.length).toBeGreaterThan(50);
    const orphan = registered.filter((r) => !hidden.has(r) && !moduleOf.has(r));
    expect(orphan, "路由不属于任何 src/<module>/routes.ts").toEqual([]);
  });

  it("除 pendingModules 外，每个接口都有响应模式（或为注明内容类型的文件下载）", () => {
    const missing = registered
      .filter((r) => !pendingModules.includes(moduleOf.get(r) ?? ""))
      .map((r) => [r, problem(r)] as const)
      .filter(([, p]) => p !== null)
      .map(([r, p]) => `${moduleOf.get(r) ?? "?"}: ${r} — ${p}`);
    expect(missing).toEqual([]);
  });

  it.each(pendingModules)("pendingModules 中的 %s 仍有缺少响应模式的接口（补齐后请从列表中删除）", (name) => {
    const missing = registered.filter((r) => moduleOf.get(r) === name && problem(r) !== null);
    // Listed so the run shows what is left to do.
    console.info(`[openapi] ${name}: ${missing.length} route(s) without a response schema:\n  ${missing.join("\n  ")}`);
    expect(missing.length, `${name} 已全部有响应模式：请从 pendingModules 中删除`).toBeGreaterThan(0);
  });

  it("文件下载清单中的路由确实存在", () => {
    for (const route of [...Object.keys(downloads), ...Object.keys(alwaysRefused)]) expect(registered).toContain(route);
  });
});
