import { Writable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { buildApp, type App } from "../http/app";
import type { AppContext } from "../http/context";
import type { Database } from "../db/client";
import { freshDatabase, testConfig } from "../testing/db";
import { DEMO_PASSWORD } from "../demo/organisations";
import { safeUrl, scrubError } from "../http/log";

let database: Database;
let app: App;
let lines: string[];

beforeEach(async () => {
  database = await freshDatabase();
  lines = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const ctx: AppContext = { database, config: testConfig({ logLevel: "info", logHashKey: "test-log-hash-key-0123456789" }), now: () => new Date() };
  app = await buildApp(ctx, { logger: true, logStream: stream });
});
afterEach(async () => {
  await app?.close();
  await database?.close();
});

async function login(username: string) {
  const res = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username, password: DEMO_PASSWORD } });
  expect(res.statusCode).toBe(200);
  return { cookie: res.cookies.map((c) => `${c.name}=${c.value}`).join("; "), csrf: res.json().csrfToken as string };
}

const MARKER = "EVIDENCE-SECRET-7f3a9c";

describe("日志不含请求内容、失败查询的参数或个人信息", () => {
  it("证据写入失败时：日志记录了错误，但没有文件字节、参数、手机号、口令或请求内容", async () => {
    const officer = await login("demo-officer");
    const phone = "13805981234"; // demo-officer's own phone: personal data
    const search = await app.inject({ method: "GET", url: `/api/v1/cases?q=${phone}&limit=5`, headers: { cookie: officer.cookie } });
    expect(search.statusCode).toBe(200);

    // Make the evidence insert fail in the database itself (a real failed query with the file's bytes as a parameter).
    await database.exec(`
      CREATE FUNCTION zz_refuse_evidence() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'evidence refused by the test'; END $$;
      CREATE TRIGGER zz_refuse_evidence BEFORE INSERT ON evidence FOR EACH ROW EXECUTE FUNCTION zz_refuse_evidence();
    `);
    const list = await app.inject({ method: "GET", url: "/api/v1/cases?status=intake&limit=5", headers: { cookie: officer.cookie } });
    const open = list.json().items[0];
    const detail = (await app.inject({ method: "GET", url: `/api/v1/cases/${open.id}`, headers: { cookie: officer.cookie } })).json();
    const bytes = Buffer.from(`%PDF-1.4\n% ${MARKER} ${phone}\n%%EOF\n`);
    const upload = await app.inject({
      method: "POST",
      url: `/api/v1/cases/${open.id}/evidence`,
      headers: { cookie: officer.cookie, "x-csrf-token": officer.csrf },
      payload: {
        fileName: `${MARKER}.pdf`,
        description: `说明 ${MARKER}`,
        contentBase64: bytes.toString("base64"),
        lockVersion: detail.case?.lockVersion ?? detail.lockVersion,
      },
    });
    expect(upload.statusCode).toBe(500);
    expect(upload.json()).toEqual({ code: "internal", message: "服务器内部错误，请稍后重试" });

    const log = lines.join("");
    // The failure is in the log (so the test would see leaked parameters) …
    expect(log).toMatch(/unhandled error/);
    expect(log).toMatch(/P0001/); // the SQLSTATE of RAISE EXCEPTION
    expect(log).toContain("/api/v1/cases?q=h:");
    // … but nothing of what was sent.
    expect(log).not.toContain(MARKER);
    expect(log).not.toContain(bytes.toString("base64").slice(0, 24));
    expect(log).not.toContain(phone);
    expect(log).not.toContain(DEMO_PASSWORD);
    expect(log).not.toMatch(/params:|"params"|"parameters"|"query":"/);
    expect(log).not.toContain(officer.cookie.split("=")[1]);
  });

  it("查询字符串的值以带密钥的哈希（HMAC-SHA256）记录：同一检索词哈希相同，看不出原文", () => {
    const key = Buffer.from("k".repeat(32));
    const a = safeUrl("/api/v1/cases?q=13805981234&limit=5", key);
    const b = safeUrl("/api/v1/cases?q=13805981234", key);
    expect(a).toMatch(/^\/api\/v1\/cases\?q=h:[0-9a-f]{16}&limit=h:[0-9a-f]{16}$/);
    expect(a.split("&")[0]).toBe(b);
    expect(a).not.toContain("13805981234");
    expect(safeUrl("/api/v1/cases?q=13805981234", Buffer.from("x".repeat(32)))).not.toBe(b);
  });

  it("drizzle、PGlite/pg 的查询错误经 scrubError 后不含参数与引用的值", async () => {
    let caught: unknown;
    try {
      await database.db.execute(sql`SELECT ${"身份证350421199001011234"}::uuid`);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeDefined();
    // The raw error carries the value (which is why it must never be logged as is).
    expect(
      JSON.stringify(caught, Object.getOwnPropertyNames(caught)) + String((caught as Error).message) + String((caught as Error).cause),
    ).toContain("350421199001011234");
    const scrubbed = JSON.stringify(scrubError(caught));
    expect(scrubbed).not.toContain("350421199001011234");
    expect(scrubbed).toContain("22P02"); // invalid_text_representation: the code survives
  });
});
