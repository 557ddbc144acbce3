// Sessions without a query per request (issue 17 item 2): each process caches the sessions it has
// resolved; every revocation and every change of what a session carries reaches the cache at once in
// this process and, through PostgreSQL LISTEN/NOTIFY, in every other (the two-process test is
// sessionCache.processes.test.ts). Each session below is used once before the change, so that it is
// in the cache when the change happens.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testApp, type Session, type TestApp } from "../testing/app";
import { testDbKind } from "../testing/db";
import { LISTEN_APPLICATION_NAME } from "../db/listen";
import { hashToken } from "./sessions";
import { AUTH_CHANNEL } from "./sessionCache";

let t: TestApp;
beforeEach(async () => {
  t = await testApp();
});
afterEach(async () => {
  await t?.close();
});

const me = (s: Session) => t.get("/api/v1/auth/me", s);
const status = async (s: Session) => (await me(s)).statusCode;
const tokenHashOf = (s: Session) => hashToken(/kuanyan_session=([^;]+)/.exec(s.cookie)![1]);

async function userRow(username: string) {
  const [u] = await t.database.query<{ id: string; version: number }>("SELECT id, version FROM users WHERE username = $1", [username]);
  return u;
}

/** Polls until `check` holds; returns the milliseconds it took, or fails after `limitMs`. */
async function within(limitMs: number, check: () => Promise<boolean>): Promise<number> {
  const t0 = Date.now();
  for (;;) {
    if (await check()) return Date.now() - t0;
    if (Date.now() - t0 > limitMs) throw new Error(`not within ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("the session cache", () => {
  it("会话只在首次请求时读数据库：之后的请求由本进程缓存认出（库中被绕过应用删除的会话仍可用，直到收到通知）", async () => {
    const s = await t.login("demo-officer");
    expect(await status(s)).toBe(200);
    // Deleted behind the application's back (no announcement): the cache still knows the session,
    // which shows that the request did not read the database.
    await t.database.exec(`DELETE FROM sessions WHERE token_hash = '${tokenHashOf(s)}'`);
    expect(await status(s)).toBe(200);
    // The notification another process would send ends it here as well.
    await t.database.exec(`SELECT pg_notify('${AUTH_CHANNEL}', 't:${tokenHashOf(s)}')`);
    await within(1000, async () => (await status(s)) === 401);
  });

  it("退出登录后，已缓存的会话立即失效", async () => {
    const s = await t.login("demo-officer");
    const other = await t.login("demo-officer");
    expect(await status(s)).toBe(200);
    expect(await status(other)).toBe(200);
    expect((await t.post("/api/v1/auth/logout", {}, s)).statusCode).toBe(204);
    expect(await status(s)).toBe(401);
    expect(await status(other)).toBe(200);
  });

  it("修改密码后，该用户其他已缓存的会话立即失效，当前会话保留", async () => {
    const stolen = await t.login("demo-officer");
    const mine = await t.login("demo-officer");
    expect(await status(stolen)).toBe(200);
    expect(await status(mine)).toBe(200);
    const res = await t.post("/api/v1/auth/password", { currentPassword: "Kuanyan@2026", newPassword: "Ming-2026-xi" }, mine);
    expect(res.statusCode).toBe(204);
    expect(await status(stolen)).toBe(401);
    expect(await status(mine)).toBe(200);
  });

  it("停用用户后，其已缓存的会话立即失效", async () => {
    const victim = await t.login("demo-officer");
    const admin = await t.login("demo-orgadmin");
    expect(await status(victim)).toBe(200);
    const u = await userRow("demo-officer");
    expect((await t.patch(`/api/v1/users/${u.id}`, { active: false, version: u.version }, admin)).statusCode).toBe(200);
    expect(await status(victim)).toBe(401);
    expect((await t.get("/api/v1/organisations", victim)).statusCode).toBe(401);
  });

  it("角色被调整（降级）后，已缓存的会话立即失去原角色的权限", async () => {
    const orgadmin = await t.login("demo-orgadmin");
    const admin = await t.login("demo-admin");
    const before = (await me(orgadmin)).json();
    expect(before.user.roles).toContain("orgAdmin");
    expect(before.user.permissions).toContain("user.edit");
    const officer = await userRow("demo-officer");
    // As 单位管理员 he may edit a user of his unit.
    expect((await t.patch(`/api/v1/users/${officer.id}`, { displayName: "张三（改）", version: officer.version }, orgadmin)).statusCode).toBe(200);
    const u = await userRow("demo-orgadmin");
    expect((await t.patch(`/api/v1/users/${u.id}`, { roles: ["legalReviewer"], version: u.version }, admin)).statusCode).toBe(200);
    const after = (await me(orgadmin)).json();
    expect(after.user.roles).toEqual(["legalReviewer"]);
    expect(after.user.permissions).not.toContain("user.edit");
    const refused = await t.patch(`/api/v1/users/${officer.id}`, { displayName: "张三", version: officer.version + 1 }, orgadmin);
    expect(refused.statusCode).toBe(403);
  });

  it("单位更名后，其用户已缓存的会话立即显示新名称", async () => {
    const officer = await t.login("demo-officer");
    const admin = await t.login("demo-admin");
    const org = (await me(officer)).json().user.organisation;
    expect(org.name).toBe("明溪县应急管理局");
    const [{ version }] = await t.database.query<{ version: number }>("SELECT version FROM organisations WHERE id = $1", [org.id]);
    expect((await t.patch(`/api/v1/organisations/${org.id}`, { name: "明溪县应急管理局（更名）", version }, admin)).statusCode).toBe(200);
    expect((await me(officer)).json().user.organisation.name).toBe("明溪县应急管理局（更名）");
  });

  it("超过每人会话上限时被结束的最早会话，即使已缓存也立即失效", async () => {
    const first = await t.login("demo-officer");
    expect(await status(first)).toBe(200);
    for (let i = 0; i < 5; i++) await t.login("demo-officer");
    expect(await status(first)).toBe(401);
  });

  it("未知的令牌不进缓存，每次都被拒绝", async () => {
    const forged = { cookie: "kuanyan_session=not-a-real-token", csrf: "" };
    expect(await status(forged)).toBe(401);
    expect(await status(forged)).toBe(401);
  });
});

describe("the session cache's listener (PostgreSQL)", () => {
  // PostgreSQL only: PGlite is one process per data directory and has no separate listener connection to cut.
  it.skipIf(testDbKind !== "postgres")("监听连接被断开时缓存立即清空（不依赖通知），随后自动重连，通知恢复生效", async () => {
    const s = await t.login("demo-officer");
    expect(await status(s)).toBe(200);
    await t.database.exec(`DELETE FROM sessions WHERE token_hash = '${tokenHashOf(s)}'`);
    expect(await status(s)).toBe(200); // cached
    const [{ n }] = await t.database.query<{ n: number }>(
      "SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1",
      [LISTEN_APPLICATION_NAME],
    );
    expect(n).toBe(1);
    // The lost connection empties the cache: the next request reads the database.
    await within(2000, async () => (await status(s)) === 401);
    // The listener comes back on its own, and a notification reaches the cache again.
    await within(5000, async () => {
      const [{ c }] = await t.database.query<{ c: number }>(
        "SELECT count(*)::int AS c FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1 AND (query ILIKE 'LISTEN%' OR query = 'SELECT 1')",
        [LISTEN_APPLICATION_NAME],
      );
      return c === 1;
    });
    const s2 = await t.login("demo-officer");
    expect(await status(s2)).toBe(200);
    await t.database.exec(`DELETE FROM sessions WHERE token_hash = '${tokenHashOf(s2)}'`);
    await t.database.exec(`SELECT pg_notify('${AUTH_CHANNEL}', 't:${tokenHashOf(s2)}')`);
    await within(1000, async () => (await status(s2)) === 401);
  });
});
