// Sessions and passwords (issue 15, item 4): atomic lockout, revocation, idle timeout, session limit,
// Origin check, password rules and history, Beijing time in the lockout message. Each test failed on
// the code before the fix.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testApp, type Session, type TestApp } from "../testing/app";
import { passwordChecks, passwordProblem } from "./passwords";

let t: TestApp;
/** The app's clock: the real time unless a test sets it. */
let clock: Date | null = null;
beforeEach(async () => {
  clock = null;
  t = await testApp({ now: () => clock ?? new Date() });
});
afterEach(async () => {
  await t?.close();
});

const DEMO = "Kuanyan@2026";
const status = async (app: TestApp, s: Session) => (await app.get("/api/v1/auth/me", s)).statusCode;

async function userRow(app: TestApp, username: string) {
  const [u] = await app.database.query<{ id: string; version: number; organisation_id: string }>(
    "SELECT id, version, organisation_id FROM users WHERE username = $1",
    [username],
  );
  return u;
}

async function auditCount(app: TestApp, userId: string, actions: string[]) {
  const [{ n }] = await app.database.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action = ANY($2::text[])",
    [userId, actions],
  );
  return n;
}

describe("lockout", () => {
  it("40 个并行的错误密码最多触发 5 次真实的密码校验，随后账号锁定", async () => {
    const app = t;
    const before = passwordChecks.count;
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => app.post("/api/v1/auth/login", { username: "demo-officer", password: `Wrong-${i}-pass` })),
    );
    // The real password checks (argon2 verifications) made meanwhile: at most the configured 5.
    expect(passwordChecks.count - before).toBeLessThanOrEqual(5);
    // Every real check of a wrong password leaves an audit event: exactly 5.
    const u = await userRow(app, "demo-officer");
    expect(await auditCount(app, u.id, ["auth.login_failed", "auth.locked"])).toBe(5);
    const codes = results.map((r) => r.statusCode);
    expect(codes.every((c) => c === 401 || c === 423)).toBe(true);
    expect(codes.filter((c) => c === 401).length).toBe(4);
    // Locked: even the right password is refused now.
    expect((await app.post("/api/v1/auth/login", { username: "demo-officer", password: DEMO })).statusCode).toBe(423);
  });

  it("锁定提示中的解锁时间是北京时间（Asia/Shanghai），不是 UTC 或服务器时区", async () => {
    const tz = process.env.TZ;
    process.env.TZ = "America/New_York"; // the server's own zone must not matter
    try {
      clock = new Date("2026-12-01T06:17:00Z"); // 14:17 in Beijing
      let last;
      for (let i = 0; i < 5; i++) last = await t.post("/api/v1/auth/login", { username: "demo-officer", password: `Wrong-${i}-pass` });
      expect(last!.statusCode).toBe(423);
      // Locked for 15 minutes: until 06:32 UTC, 14:32 Beijing time.
      expect(last!.json().message).toContain("账号已锁定，请于 14:32 后再试");
      const again = await t.post("/api/v1/auth/login", { username: "demo-officer", password: DEMO });
      expect(again.statusCode).toBe(423);
      expect(again.json().message).toContain("14:32");
      expect(again.json().message).not.toMatch(/06:32|01:32/);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });
});

describe("session revocation", () => {
  it("修改密码后，该用户的其他会话全部失效，当前会话保留", async () => {
    const stolen = await t.login("demo-officer"); // e.g. a session on another machine
    const mine = await t.login("demo-officer");
    const other = await t.login("demo-reviewer");
    const res = await t.post("/api/v1/auth/password", { currentPassword: DEMO, newPassword: "Ming-2026-xi" }, mine);
    expect(res.statusCode).toBe(204);
    expect(await status(t, stolen)).toBe(401);
    expect(await status(t, mine)).toBe(200);
    expect(await status(t, other)).toBe(200);
  });

  it("管理员重置密码后，该用户的全部会话失效", async () => {
    const victim = await t.login("demo-officer");
    const bystander = await t.login("demo-officer2");
    const admin = await t.login("demo-orgadmin");
    const u = await userRow(t, "demo-officer");
    const res = await t.patch(`/api/v1/users/${u.id}`, { password: "Reset-2026-ok", version: u.version }, admin);
    expect(res.statusCode).toBe(200);
    expect(await status(t, victim)).toBe(401);
    expect(await status(t, bystander)).toBe(200);
    await t.login("demo-officer", "Reset-2026-ok");
  });

  it("停用用户后，该用户的全部会话立即失效，重新启用也不会恢复", async () => {
    const victim = await t.login("demo-officer");
    const admin = await t.login("demo-orgadmin");
    const u = await userRow(t, "demo-officer");
    expect((await t.patch(`/api/v1/users/${u.id}`, { active: false, version: u.version }, admin)).statusCode).toBe(200);
    expect(await t.count(`sessions WHERE user_id = '${u.id}'`)).toBe(0);
    expect((await t.patch(`/api/v1/users/${u.id}`, { active: true, version: u.version + 1 }, admin)).statusCode).toBe(200);
    expect(await status(t, victim)).toBe(401);
  });
});

describe("idle timeout and session limit", () => {
  it("空闲超过 30 分钟的会话失效；使用中的会话不失效，last_seen_at 至多每分钟写一次", async () => {
    clock = new Date("2026-12-01T02:00:00Z");
    const idle = await t.login("demo-officer");
    const busy = await t.login("demo-reviewer");
    const seen = async () => {
      const [r] = await t.database.query<{ at: Date }>(
        "SELECT s.last_seen_at AS at FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username = 'demo-reviewer'",
      );
      return new Date(r.at).getTime();
    };
    // Within a minute no write; after a minute one.
    clock = new Date(clock!.getTime() + 30_000);
    expect(await status(t, busy)).toBe(200);
    expect(await seen()).toBe(new Date("2026-12-01T02:00:00Z").getTime());
    for (let m = 1; m <= 40; m += 10) {
      clock = new Date(new Date("2026-12-01T02:00:00Z").getTime() + m * 60_000);
      expect(await status(t, busy)).toBe(200);
      expect(await seen()).toBe(clock.getTime());
    }
    // demo-officer did nothing for 41 minutes.
    expect(await status(t, idle)).toBe(401);
    expect(await status(t, busy)).toBe(200);
  });

  it("每个用户最多 5 个会话：第 6 次登录时结束最早的会话", async () => {
    clock = new Date("2026-12-01T02:00:00Z");
    const sessions: Session[] = [];
    for (let i = 0; i < 7; i++) {
      sessions.push(await t.login("demo-officer"));
      clock = new Date(clock!.getTime() + 1000);
    }
    const u = await userRow(t, "demo-officer");
    expect(await t.count(`sessions WHERE user_id = '${u.id}'`)).toBe(5);
    expect(await status(t, sessions[0])).toBe(401);
    expect(await status(t, sessions[1])).toBe(401);
    for (const s of sessions.slice(2)) expect(await status(t, s)).toBe(200);
  });
});

describe("Origin check", () => {
  it("来自外站 Origin 的登录和写操作被拒绝（403，中文说明）；同源或不带 Origin 的请求照常", async () => {
    const body = { username: "demo-officer", password: DEMO };
    const foreign = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: body,
      headers: { origin: "https://evil.example.com", host: "kuanyan.local" },
    });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().message).toMatch(/来源/);
    expect(foreign.cookies.length).toBe(0);
    const nullOrigin = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: body,
      headers: { origin: "null", host: "kuanyan.local" },
    });
    expect(nullOrigin.statusCode).toBe(403);
    const crossSite = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: body, headers: { "sec-fetch-site": "cross-site" } });
    expect(crossSite.statusCode).toBe(403);
    // Same origin (browser) and no Origin (command line) log in.
    const same = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: body,
      headers: { origin: "http://kuanyan.local:3000", host: "kuanyan.local:3000" },
    });
    expect(same.statusCode).toBe(200);
    const s = await t.login("demo-officer");
    // A state-changing request with a valid session and CSRF token from a foreign origin is refused too.
    const logout = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/logout",
      headers: { cookie: s.cookie, "x-csrf-token": s.csrf, origin: "http://attacker.test" },
    });
    expect(logout.statusCode).toBe(403);
    expect(await status(t, s)).toBe(200);
  });

  it("KUANYAN_PUBLIC_URL 的来源被接受（反向代理改写了 Host 时）", async () => {
    t.ctx.config.publicUrl = "https://zhifa.example.gov.cn";
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "demo-officer", password: DEMO },
      headers: { origin: "https://zhifa.example.gov.cn", host: "10.0.0.5:3000" },
    });
    expect(res.statusCode).toBe(200);
  });
});

describe("password rules", () => {
  it("常见密码 password1 和“用户名+1”被拒绝，并说明违反的规则", async () => {
    const admin = await t.login("demo-orgadmin");
    const org = (await userRow(t, "demo-orgadmin")).organisation_id;
    const create = (username: string, password: string) =>
      t.post("/api/v1/users", { username, displayName: "新人", password, roles: ["legalReviewer"], organisationId: org }, admin);
    const common = await create("zhangsan", "password1");
    expect(common.statusCode).toBe(400);
    expect(common.json().fields[0].field).toBe("password");
    const withName = await create("zhangsan", "Zhangsan1");
    expect(withName.statusCode).toBe(400);
    expect(withName.json().message).toBe("密码：密码不能包含用户名");
    const reversed = await create("zhangsan", "Nasgnahz-9");
    expect(reversed.json().message).toBe("密码：密码不能包含倒写的用户名");
    const leaked = await create("zhangsan", "Admin@123");
    expect(leaked.json().message).toMatch(/常见/);
    expect((await create("zhangsan", "Sanming-2026")).statusCode).toBe(201);
    // The same rules on a change of one's own password and on a reset.
    const s = await t.login("demo-officer");
    const mine = await t.post("/api/v1/auth/password", { currentPassword: DEMO, newPassword: "Demo-officer1" }, s);
    expect(mine.json().message).toBe("新密码：密码不能包含用户名");
    const u = await userRow(t, "demo-officer");
    const reset = await t.patch(`/api/v1/users/${u.id}`, { password: "Passw0rd", version: u.version }, admin);
    expect(reset.json().message).toMatch(/常见/);
  });

  it("密码规则：至少 8 位、4 类字符中至少 3 类、不含用户名、非常见密码；演示密码符合", () => {
    expect(passwordProblem("Kuanyan@2026", "demo-officer")).toBeNull();
    expect(passwordProblem("Ab1!", "x")).toBe("密码至少 8 位");
    expect(passwordProblem("abcdefgh1", "x")).toMatch(/至少 3 类/);
    expect(passwordProblem("password1", "x")).toMatch(/至少 3 类|常见/);
    expect(passwordProblem("12345678", "x")).toMatch(/至少 3 类|常见/);
    expect(passwordProblem("Passw0rd", "x")).toMatch(/常见/);
    expect(passwordProblem("Admin@123", "x")).toMatch(/常见/);
    expect(passwordProblem("XDEMO-officer9", "demo-officer")).toBe("密码不能包含用户名");
    expect(passwordProblem("abcdefgh1!", "x")).toBeNull(); // lower, digit, symbol
  });

  it("新密码不能与最近 5 次使用过的密码相同", async () => {
    const s = await t.login("demo-officer");
    const chain = ["Ming-2026-a1", "Ming-2026-b2", "Ming-2026-c3", "Ming-2026-d4", "Ming-2026-e5"];
    let current = DEMO;
    for (const next of chain) {
      expect((await t.post("/api/v1/auth/password", { currentPassword: current, newPassword: next }, s)).statusCode).toBe(204);
      current = next;
    }
    // The last five: e5 (current), d4, c3, b2, a1.
    for (const old of [...chain].reverse()) {
      const res = await t.post("/api/v1/auth/password", { currentPassword: current, newPassword: old }, s);
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toBe("新密码：不能与最近 5 次使用过的密码相同");
    }
    // The demo password is the sixth back: allowed again.
    expect((await t.post("/api/v1/auth/password", { currentPassword: current, newPassword: DEMO }, s)).statusCode).toBe(204);
    // An administrator's reset obeys the same history.
    const admin = await t.login("demo-orgadmin");
    const u = await userRow(t, "demo-officer");
    const reset = await t.patch(`/api/v1/users/${u.id}`, { password: "Ming-2026-d4", version: u.version }, admin);
    expect(reset.statusCode).toBe(400);
    expect(reset.json().message).toMatch(/最近 5 次/);
  });
});
