// One error path through real use cases: the domain's refusal reaches the officer in Chinese with
// its status; a bug inside a use case reaches the log as a 500, not the officer as a 400.
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, type App } from "./app";
import type { AppContext } from "./context";
import type { Database } from "../db/client";
import { freshDatabase, testConfig } from "../testing/db";
import { DEMO_PASSWORD } from "../demo/organisations";

let database: Database;
let app: App;
const lines: string[] = [];
let clockBroken = false;

beforeAll(async () => {
  database = await freshDatabase();
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const now = () => {
    if (clockBroken) throw new Error("clock source unavailable: INTERNAL-7c1e");
    return new Date();
  };
  const ctx: AppContext = { database, config: testConfig({ logLevel: "info", logHashKey: "test-log-hash-key-0123456789" }), now };
  app = await buildApp(ctx, { logger: true, logStream: stream });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

async function login(username: string) {
  const res = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username, password: DEMO_PASSWORD } });
  expect(res.statusCode).toBe(200);
  return res.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

describe("统计报表：领域错误与程序缺陷", () => {
  it("自定义统计期间起始日期晚于截止日期：400，中文消息", async () => {
    const cookie = await login("demo-justice-city");
    const res = await app.inject({ method: "GET", url: "/api/v1/statistics/form?period=custom&from=2026-12-01&to=2026-01-01", headers: { cookie } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ code: "validation_failed", message: "统计期间起始日期晚于截止日期：2026-12-01 至 2026-01-01" });
  });

  it("用例内部异常（时钟故障）：500，通用中文提示，无内部文字，日志有记录", async () => {
    const cookie = await login("demo-justice-city");
    const before = lines.length;
    clockBroken = true;
    try {
      const res = await app.inject({ method: "GET", url: "/api/v1/statistics/form?period=year&year=2026", headers: { cookie } });
      expect(res.statusCode).toBe(500);
      expect(res.json()).toEqual({ code: "internal", message: "服务器内部错误，请稍后重试" });
      expect(res.body).not.toContain("INTERNAL-7c1e");
    } finally {
      clockBroken = false;
    }
    const errors = lines
      .slice(before)
      .map((l) => JSON.parse(l))
      .filter((l) => l.level >= 50);
    expect(errors.map((e) => e.msg)).toContain("unhandled error");
    expect(JSON.stringify(errors)).toContain("clock source unavailable");
  });
});
