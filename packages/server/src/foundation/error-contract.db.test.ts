import net from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LightMyRequestResponse } from "fastify";
import { BUILT_IN_TEMPLATES } from "@kuanyan/domain/documents";
import { ZTemplateBody } from "../documents/templates";
import { testApp, type Session, type TestApp } from "../testing/app";

let t: TestApp;
let officer: Session;
beforeEach(async () => {
  t = await testApp();
  // A plugin-style route (like a rate limit) that fails with a 4xx in English, registered before the app is ready.
  t.app.get("/api/v1/zz-plugin-error/:kind", { config: { access: "public" }, schema: { hide: true } }, async (request, reply) => {
    const kind = (request.params as { kind: string }).kind;
    if (kind === "error") throw Object.assign(new Error("Rate limit exceeded, retry in 1 minute"), { statusCode: 429 });
    if (kind === "object") {
      reply.header("retry-after", "60");
      throw { statusCode: 429, error: "Too Many Requests", message: "Rate limit exceeded, retry in 1 minute" };
    }
    if (kind === "bare") {
      // What a custom errorResponseBuilder of @fastify/rate-limit may return (it is thrown as is).
      reply.header("retry-after", "60");
      throw { error: "Too Many Requests", message: "Rate limit exceeded, retry in 1 minute" };
    }
    if (kind === "chinese") throw Object.assign(new Error("登录尝试过于频繁，请 1 分钟后再试"), { statusCode: 429, code: "rate_limited" });
    throw Object.assign(new Error("I'm a teapot"), { statusCode: 418, code: "FST_TEAPOT" });
  });
  officer = await t.login("demo-officer");
});
afterEach(async () => {
  await t?.close();
});

const HAN = /\p{Script=Han}/u;

/** The contract: {code, message (Chinese), fields?} and nothing else; no framework English. */
function expectContract(res: LightMyRequestResponse, status: number, code?: string) {
  expect(res.statusCode).toBe(status);
  expect(res.headers["content-type"]).toMatch(/application\/json/);
  const body = res.json();
  expect(Object.keys(body).every((k) => ["code", "message", "fields"].includes(k))).toBe(true);
  expect(body.code).toMatch(/^[a-z][a-z0-9_]*$/);
  if (code) expect(body.code).toBe(code);
  expect(body.message).toMatch(HAN);
  expect(res.body).not.toMatch(/FST_ERR|Bad Request|Not Found|statusCode|Too Many|Rate limit|not a valid url|max param length|teapot/);
  return body as { code: string; message: string; fields?: { field: string; message: string }[] };
}

const withSession = (s: Session, extra: Record<string, string> = {}) => ({ cookie: s.cookie, "x-csrf-token": s.csrf, ...extra });

describe("框架错误也遵守错误约定 {code, message, fields?}", () => {
  it("未知接口 → 404 not_found（中文）", async () => {
    expectContract(await t.get("/api/v1/no-such-thing", officer), 404, "not_found");
    expectContract(await t.app.inject({ method: "POST", url: "/api/nothing", payload: {} }), 404, "not_found");
  });

  it("已知地址、不支持的方法 → 405 method_not_allowed，并给出 Allow", async () => {
    const res = await t.app.inject({ method: "DELETE", url: "/api/v1/cases", headers: withSession(officer) });
    expectContract(res, 405, "method_not_allowed");
    expect(res.headers.allow).toMatch(/GET/);
    expect(res.headers.allow).toMatch(/POST/);
  });

  it("请求内容超过上限 → 413 payload_too_large", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/users",
      headers: withSession(officer, { "content-type": "application/json" }),
      payload: JSON.stringify({ displayName: "长".repeat(1_000_000) }),
    });
    expectContract(res, 413, "payload_too_large");
  });

  it("不支持的内容类型 → 415 unsupported_media_type", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", headers: { "content-type": "text/xml" }, payload: "<a/>" });
    expectContract(res, 415, "unsupported_media_type");
  });

  it("路径参数超过 100 个字符 → 414 uri_too_long，中文说明，不是 Fastify 的英文", async () => {
    expectContract(await t.get(`/api/v1/cases/${"x".repeat(220)}`, officer), 414, "uri_too_long");
    expectContract(await t.get(`/api/v1/public/verify/${"长".repeat(120)}`), 414, "uri_too_long");
  });

  it("地址中的无效编码 → 400 invalid_url", async () => {
    expectContract(await t.get("/api/v1/cases/%ZZ", officer), 400, "invalid_url");
    expectContract(await t.get("/api/v1/cases/%ED%A0%80", officer), 400, "invalid_url");
  });

  it("格式错误的 JSON → 400 invalid_json；原型污染 → 400", async () => {
    const bad = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "content-type": "application/json" },
      payload: '{"username":',
    });
    expectContract(bad, 400, "invalid_json");
    const proto = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "content-type": "application/json" },
      payload: '{"__proto__":{"x":1}}',
    });
    expectContract(proto, 400);
  });

  it("插件抛出的任何 4xx（如限流 429）→ 稳定的 code 与中文说明，不透出英文", async () => {
    const err = await t.get("/api/v1/zz-plugin-error/error");
    expectContract(err, 429, "too_many_requests");
    const obj = await t.get("/api/v1/zz-plugin-error/object");
    expectContract(obj, 429, "too_many_requests");
    expect(obj.headers["retry-after"]).toBe("60");
    expectContract(await t.get("/api/v1/zz-plugin-error/bare"), 429, "too_many_requests");
    // A plugin that already speaks the contract keeps its words.
    expect(expectContract(await t.get("/api/v1/zz-plugin-error/chinese"), 429, "rate_limited").message).toMatch(/登录尝试过于频繁/);
    expectContract(await t.get("/api/v1/zz-plugin-error/other"), 418, "request_failed");
  });

  it("畸形的 HTTP 请求（真实套接字）→ 400，中文 JSON", async () => {
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    const port = (t.app.server.address() as net.AddressInfo).port;
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, "127.0.0.1", () => socket.write("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nBad Header Without Colon\r\n\r\n"));
      let data = "";
      socket.on("data", (d) => (data += d));
      socket.on("close", () => resolve(data));
      socket.on("error", reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400/);
    const body = JSON.parse(raw.slice(raw.indexOf("\r\n\r\n") + 4));
    expect(body.code).toBe("bad_request");
    expect(body.message).toMatch(HAN);
  });
});

describe("空字符与不成对的代理字符一律 400 invalid_characters，并指出字段", () => {
  it("匿名登录：用户名含 NUL → 400，指出“用户名”", async () => {
    const res = await t.post("/api/v1/auth/login", { username: "demo-officer\u0000", password: "x" });
    const body = expectContract(res, 400, "invalid_characters");
    expect(body.fields?.[0]).toMatchObject({ field: "username" });
    expect(body.fields?.[0].message).toMatch(/：含有不允许的字符$/);
  });

  it("新建案件：当事人名称含不成对的代理字符 → 400“当事人名称：含有不允许的字符”，且不写入任何数据", async () => {
    const before = { cases: await t.count("cases"), audit: await t.count("audit_events") };
    const res = await t.post(
      "/api/v1/cases",
      { party: { type: "enterprise", name: "某公司\uD800", address: "明溪县" }, facts: "事实\u0000" },
      officer,
    );
    const body = expectContract(res, 400, "invalid_characters");
    const messages = body.fields!.map((f) => f.message);
    expect(messages).toContain("当事人名称：含有不允许的字符");
    expect(messages).toContain("违法事实：含有不允许的字符");
    expect(body.fields!.map((f) => f.field)).toEqual(expect.arrayContaining(["party.name", "facts"]));
    expect({ cases: await t.count("cases"), audit: await t.count("audit_events") }).toEqual(before);
  });

  it("查询参数与路径参数中的 NUL、孤立代理字符 → 400", async () => {
    expectContract(await t.get("/api/v1/cases?q=%00", officer), 400, "invalid_characters");
    expectContract(await t.get("/api/v1/public/lists?q=a%00b"), 400, "invalid_characters");
    expectContract(await t.get("/api/v1/cases/%00", officer), 400, "invalid_characters");
    expectContract(await t.get("/api/v1/matters/a%00b", officer), 400, "invalid_characters");
    // A paired surrogate (an emoji) is ordinary text.
    expect((await t.get(`/api/v1/cases?q=${encodeURIComponent("😀")}`, officer)).statusCode).toBe(200);
  });

  it("对象的键含 NUL 也被拒绝", async () => {
    const res = await t.post("/api/v1/documents/preview", { type: "warning", sample: true, values: { "a\u0000": "x" } }, officer);
    expectContract(res, 400, "invalid_characters");
  });
});

describe("超大数字、超长字符串与深层嵌套 → 400，不是 500", () => {
  it("超大数字与非有限数 → 400", async () => {
    for (const n of ["1e400", "1e308", "-1", "0.5", "9007199254740993"]) {
      const res = await t.app.inject({
        method: "GET",
        url: `/api/v1/cases?limit=${n}`,
        headers: withSession(officer),
      });
      expect(res.statusCode, n).toBeLessThan(500);
      if (res.statusCode >= 400) expectContract(res, res.statusCode);
    }
  });

  it("深层嵌套的 JSON → 400", async () => {
    const deep = '{"a":'.repeat(5000) + "1" + "}".repeat(5000);
    const res = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", headers: { "content-type": "application/json" }, payload: deep });
    expectContract(res, 400);
  });
});

describe("文书模板保存：请求体按模板结构校验", () => {
  it("blocks:[1] → 400 validation_failed（以前是 TypeError 500）", async () => {
    const admin = await t.login("demo-orgadmin");
    const res = await t.post(
      "/api/v1/documents/templates/warning",
      { template: { title: "告诫书", numbered: true, typeShort: "告", basis: "", blocks: [1], fields: [] } },
      admin,
    );
    const body = expectContract(res, 400, "validation_failed");
    expect(body.fields![0].field).toBe("template.blocks.0");
  });

  it("内置的每个模板都符合请求体结构，编辑后的模板仍可保存", async () => {
    for (const tpl of Object.values(BUILT_IN_TEMPLATES)) expect(ZTemplateBody.safeParse(tpl).success, tpl.type).toBe(true);
    const admin = await t.login("demo-orgadmin");
    const current = (await t.get("/api/v1/documents/templates/warning", admin)).json();
    const template = current.template ?? current.current?.template ?? BUILT_IN_TEMPLATES.warning;
    const res = await t.post("/api/v1/documents/templates/warning", { template: { ...template, title: template.title } }, admin);
    expect(res.statusCode, res.body).toBeLessThan(300);
  });
});
