// Rate limits (issue 15, item 7): login per IP and per IP + username, anonymous public endpoints,
// uploads; 429 in the error contract with Retry-After; on PostgreSQL the counters live in the
// rate_limits table and two app instances on one database share them.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { LightMyRequestResponse } from "fastify";
import { buildApp, type App } from "./app";
import type { AppContext } from "./context";
import type { Config } from "../config";
import type { Database } from "../db/client";
import { openPostgres } from "../db/client";
import { prepareDatabase } from "../bootstrap";
import { DEMO_PASSWORD } from "../demo/organisations";
import { freshDatabase, freshPostgresUrl, testConfig, testDbKind } from "../testing/db";
import { storedKey } from "./rateLimitStore";

// The first fresh database may build the template (migrations + demo data): not in a test's time.
beforeAll(async () => {
  await (await freshDatabase()).close();
}, 300_000);

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function appWith(overrides: Partial<Config>, database?: Database): Promise<{ app: App; database: Database }> {
  const db = database ?? (await freshDatabase());
  const ctx: AppContext = { database: db, config: testConfig(overrides), now: () => new Date() };
  const app = await buildApp(ctx);
  cleanups.push(async () => {
    await app.close();
    if (!database) await db.close();
  });
  return { app, database: db };
}

const login = (app: App, username: string, password: string, ip = "203.0.113.7") =>
  app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username, password }, remoteAddress: ip });

function expectLimited(res: LightMyRequestResponse, windowSeconds: number) {
  expect(res.statusCode).toBe(429);
  const retryAfter = Number(res.headers["retry-after"]);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
  expect(res.json()).toEqual({ code: "rate_limited", message: `操作过于频繁，请 ${retryAfter} 秒后再试` });
  // The security headers are on the 429 too.
  expect(res.headers["x-content-type-options"]).toBe("nosniff");
}

describe(`rate limits (${testDbKind})`, () => {
  it("同一 IP 对同一用户名的登录超过限额后得到 429（错误契约 + Retry-After），换用户名或换 IP 不受影响", async () => {
    const { app } = await appWith({ rateLoginPerUser: 3, rateLoginPerIp: 100 });
    for (let i = 0; i < 3; i++) expect((await login(app, "demo-officer", `wrong-${i}-Aa1`)).statusCode).toBe(401);
    const fourth = await login(app, "demo-officer", DEMO_PASSWORD);
    expectLimited(fourth, 60);
    // No password was checked: the right password is refused without a session.
    expect(fourth.cookies.find((c) => c.name === "kuanyan_session")).toBeUndefined();
    // Case and spaces do not make another username.
    expectLimited(await login(app, " DEMO-Officer ", DEMO_PASSWORD), 60);
    expect((await login(app, "demo-officer2", DEMO_PASSWORD)).statusCode).toBe(200);
    expect((await login(app, "demo-officer", DEMO_PASSWORD, "198.51.100.9")).statusCode).toBe(200);
  });

  it("同一 IP 换着用户名登录，超过每 IP 限额后得到 429；格式错误的请求只得 400，不计数", async () => {
    const { app } = await appWith({ rateLoginPerIp: 3, rateLoginPerUser: 100 });
    for (let i = 0; i < 5; i++) {
      const bad = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username: "" }, remoteAddress: "203.0.113.7" });
      expect(bad.statusCode).toBe(400);
    }
    for (const u of ["nobody-1", "nobody-2", "nobody-3"]) expect((await login(app, u, "whatever-Aa1")).statusCode).toBe(401);
    expectLimited(await login(app, "demo-officer", DEMO_PASSWORD), 60);
    expect((await login(app, "demo-officer", DEMO_PASSWORD, "198.51.100.9")).statusCode).toBe(200);
  });

  it("匿名访问公开接口（文书核验）超过限额后得到 429（按接口和 IP 计数，格式错误的请求不计）；已登录用户和健康检查不受限", async () => {
    const { app } = await appWith({ ratePublic: 2 });
    const verify = () => app.inject({ method: "GET", url: "/api/v1/public/verify/NOPE123", remoteAddress: "203.0.113.7" });
    expect((await verify()).statusCode).toBe(404);
    expect((await verify()).statusCode).toBe(404);
    expectLimited(await verify(), 60);
    // Counted per endpoint: the public lists still answer this address; another address gets its own count.
    expect((await app.inject({ method: "GET", url: "/api/v1/public/lists", remoteAddress: "203.0.113.7" })).statusCode).toBe(200);
    expect((await app.inject({ method: "GET", url: "/api/v1/public/verify/NOPE123", remoteAddress: "198.51.100.9" })).statusCode).toBe(404);
    // A malformed request gets its 400 and is not counted.
    const tooLong = await app.inject({ method: "GET", url: `/api/v1/public/verify/${"X".repeat(30)}`, remoteAddress: "203.0.113.7" });
    expect(tooLong.statusCode).toBe(400);
    for (let i = 0; i < 5; i++) {
      expect((await app.inject({ method: "GET", url: "/api/v1/health", remoteAddress: "203.0.113.7" })).statusCode).toBe(200);
    }
    const ok = await login(app, "demo-officer", DEMO_PASSWORD);
    const cookie = ok.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    for (let i = 0; i < 4; i++) {
      const res = await app.inject({ method: "GET", url: "/api/v1/public/verify/NOPE123", headers: { cookie }, remoteAddress: "203.0.113.7" });
      expect(res.statusCode).toBe(404);
    }
  });

  it("上传超过每用户限额后得到 429（换 IP 也一样）；格式错误的上传只得 400；另一个用户不受影响", async () => {
    const { app } = await appWith({ rateUpload: 2 });
    const session = async (username: string) => {
      const res = await login(app, username, DEMO_PASSWORD);
      return { cookie: res.cookies.map((c) => `${c.name}=${c.value}`).join("; "), csrf: res.json().csrfToken as string };
    };
    const a = await session("demo-listmanager");
    const preview = (s: { cookie: string; csrf: string }, ip = "203.0.113.7") =>
      app.inject({
        method: "POST",
        url: "/api/v1/lists/import/preview",
        headers: { cookie: s.cookie, "x-csrf-token": s.csrf },
        payload: { fileName: "a.xlsx", contentBase64: Buffer.from("not a workbook").toString("base64") },
        remoteAddress: ip,
      });
    for (let i = 0; i < 2; i++) expect((await preview(a)).statusCode).not.toBe(429);
    // Counted per user: another address does not help.
    expectLimited(await preview(a, "198.51.100.9"), 60);
    // A malformed request is refused by validation, not by the limit.
    const raw = await app.inject({
      method: "POST",
      url: "/api/v1/lists/import/preview",
      headers: { cookie: a.cookie, "x-csrf-token": a.csrf, "content-type": "application/json" },
      payload: "{not json",
    });
    expect(raw.statusCode).toBe(400);
    const b = await session("demo-officer");
    expect((await preview(b)).statusCode).not.toBe(429);
    // Anonymous uploads (the public tamper check) are counted per address.
    const compare = (ip: string) =>
      app.inject({ method: "POST", url: "/api/v1/public/verify/NOPE123", payload: { contentBase64: "AAAA" }, remoteAddress: ip });
    expect((await compare("192.0.2.1")).statusCode).toBe(404);
    expect((await compare("192.0.2.1")).statusCode).toBe(404);
    expectLimited(await compare("192.0.2.1"), 60);
    expect((await compare("192.0.2.2")).statusCode).toBe(404);
  });

  it("时间窗过后计数重新开始", async () => {
    const { app } = await appWith({ rateLoginPerUser: 1, rateWindowSeconds: 1 });
    expect((await login(app, "demo-officer", "wrong-Aa1")).statusCode).toBe(401);
    expectLimited(await login(app, "demo-officer", "wrong-Aa1"), 1);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await login(app, "demo-officer", DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it("限额为 0 表示不限", async () => {
    const { app } = await appWith({ rateLoginPerUser: 0, rateLoginPerIp: 0 });
    for (let i = 0; i < 8; i++) expect((await login(app, "nobody", "whatever-Aa1")).statusCode).toBe(401);
  });

  it.runIf(testDbKind === "postgres")("同一 PostgreSQL 上的两个服务实例共用计数（rate_limits 表，只存键的哈希）", async () => {
    const pg = await freshPostgresUrl();
    // pg's pool.end() resolves before its connections have said goodbye; a forced DROP DATABASE
    // right away would kill them mid-goodbye (an unhandled 57P01), so give them a moment.
    cleanups.push(async () => {
      await new Promise((r) => setTimeout(r, 300));
      await pg.drop();
    });
    const setup = await openPostgres(pg.url, { max: 2 });
    await prepareDatabase(setup);
    await setup.close();
    const dbA = await openPostgres(pg.url, { max: 4 });
    const dbB = await openPostgres(pg.url, { max: 4 });
    cleanups.push(
      () => dbA.close(),
      () => dbB.close(),
    );
    const { app: a } = await appWith({ rateLoginPerUser: 4 }, dbA);
    const { app: b } = await appWith({ rateLoginPerUser: 4 }, dbB);
    // Two attempts on each instance, at the same time: four in all, none refused.
    const first = await Promise.all([
      login(a, "someone", "x-Aa1"),
      login(b, "someone", "x-Aa1"),
      login(a, "someone", "x-Aa1"),
      login(b, "someone", "x-Aa1"),
    ]);
    expect(first.map((r) => r.statusCode)).toEqual([401, 401, 401, 401]);
    // The fifth, on either instance, is over the shared limit.
    expectLimited(await login(b, "someone", "x-Aa1"), 60);
    expectLimited(await login(a, "someone", "x-Aa1"), 60);
    const rows = await dbA.query<{ key: string; count: number }>("SELECT key, count FROM rate_limits");
    expect(rows).toContainEqual({ key: storedKey("login-user:203.0.113.7\nsomeone"), count: 6 });
    expect(JSON.stringify(rows)).not.toContain("203.0.113.7");
    expect(JSON.stringify(rows)).not.toContain("someone");
  });
});
