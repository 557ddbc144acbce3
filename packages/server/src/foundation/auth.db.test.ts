import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testApp, type TestApp } from "../testing/app";

let t: TestApp;
beforeEach(async () => {
  t = await testApp();
});
afterEach(async () => {
  await t?.close();
});

describe("login, sessions, CSRF and lockout", () => {
  it("a wrong password gets 401 用户名或密码错误; the right one a session cookie that is httpOnly and SameSite", async () => {
    const bad = await t.post("/api/v1/auth/login", { username: "demo-officer", password: "wrong-password-1" });
    expect(bad.statusCode).toBe(401);
    expect(bad.json()).toEqual({ code: "invalid_credentials", message: "用户名或密码错误" });
    const ok = await t.post("/api/v1/auth/login", { username: "demo-officer", password: "Kuanyan@2026" });
    expect(ok.statusCode).toBe(200);
    const cookie = ok.cookies.find((c) => c.name === "kuanyan_session")!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe("Lax");
    expect(ok.json().user.roles).toEqual(["officer"]);
  });

  it("after 5 wrong passwords the account is locked, even for the right password", async () => {
    for (let i = 0; i < 4; i++) {
      expect((await t.post("/api/v1/auth/login", { username: "demo-officer", password: `nope-${i}-x1` })).statusCode).toBe(401);
    }
    const fifth = await t.post("/api/v1/auth/login", { username: "demo-officer", password: "nope-5-x1" });
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().message).toMatch(/锁定/);
    const right = await t.post("/api/v1/auth/login", { username: "demo-officer", password: "Kuanyan@2026" });
    expect(right.statusCode).toBe(423);
  });

  it("a state-changing request without the CSRF token is refused, and with it accepted", async () => {
    const s = await t.login("demo-officer");
    const without = await t.app.inject({ method: "POST", url: "/api/v1/auth/logout", headers: { cookie: s.cookie } });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe("csrf_failed");
    const withToken = await t.post("/api/v1/auth/logout", {}, s);
    expect(withToken.statusCode).toBe(204);
    // The session is gone after logout.
    expect((await t.get("/api/v1/auth/me", s)).statusCode).toBe(401);
  });

  it("changing one's password needs the current one and obeys the policy", async () => {
    const s = await t.login("demo-officer");
    expect((await t.post("/api/v1/auth/password", { currentPassword: "bad", newPassword: "NewPass2026" }, s)).json().message).toBe("当前密码不正确");
    expect((await t.post("/api/v1/auth/password", { currentPassword: "Kuanyan@2026", newPassword: "short" }, s)).json().message).toMatch(/至少 8 位/);
    expect((await t.post("/api/v1/auth/password", { currentPassword: "Kuanyan@2026", newPassword: "NewPass2026" }, s)).statusCode).toBe(204);
    await expect(t.login("demo-officer")).rejects.toThrow();
    await t.login("demo-officer", "NewPass2026");
  });

  it("the OpenAPI description is served and lists the login route", async () => {
    const res = await t.get("/api/v1/openapi.json");
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toContain("/api/v1/auth/login");
  });
});
