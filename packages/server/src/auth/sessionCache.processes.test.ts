// Two real server processes on one PostgreSQL database (issue 17 item 2): each caches sessions; a
// logout, a disabled user or a role change on process A is refused / seen on process B within 2 s
// (PostgreSQL LISTEN/NOTIFY, src/auth/sessionCache.ts).
import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import { freshPostgresUrl, TEST_DATA_KEY } from "../testing/db";
import { startServerProcess, type ServerProcess } from "../testing/process";

const started: ServerProcess[] = [];
afterAll(async () => {
  for (const s of started) await s.stop();
});

interface Login {
  cookie: string;
  csrf: string;
}

async function login(base: string, username: string): Promise<Login> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: "Kuanyan@2026" }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.get("set-cookie")!.split(";")[0];
  return { cookie, csrf: (await res.json()).csrfToken as string };
}

const me = (base: string, s: Login) => fetch(`${base}/api/v1/auth/me`, { headers: { cookie: s.cookie } });

function send(base: string, method: string, url: string, s: Login, body?: unknown) {
  return fetch(`${base}${url}`, {
    method,
    headers: { cookie: s.cookie, "x-csrf-token": s.csrf, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
}

/** Polls until `check` holds; returns the milliseconds it took, or fails after `limitMs`. */
async function within(limitMs: number, check: () => Promise<boolean>): Promise<number> {
  const t0 = Date.now();
  for (;;) {
    if (await check()) return Date.now() - t0;
    if (Date.now() - t0 > limitMs) throw new Error(`not within ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("session cache across processes", () => {
  // Skipped only when the PostgreSQL run is switched off (KUANYAN_TEST_PG=off): it needs a server.
  it.skipIf(process.env.KUANYAN_TEST_PG === "off")(
    "在进程 A 上退出登录、停用用户、调整角色，进程 B 上已缓存的会话在 2 秒内被拒绝或失去权限",
    async () => {
      const { url, drop } = await freshPostgresUrl();
      const db = new pg.Client({ connectionString: url });
      try {
        // Generous start-up time: creating the demo data takes minutes on a busy, shared machine.
        const a = await startServerProcess(["--demo"], { DATABASE_URL: url, KUANYAN_DATA_KEY: TEST_DATA_KEY }, 300_000);
        started.push(a);
        const b = await startServerProcess([], { DATABASE_URL: url, KUANYAN_DATA_KEY: TEST_DATA_KEY }, 300_000);
        started.push(b);
        await db.connect();
        const user = async (username: string) =>
          (await db.query<{ id: string; version: number }>("SELECT id, version FROM users WHERE username = $1", [username])).rows[0];

        // Logout on A.
        const s = await login(a.url, "demo-officer");
        expect((await me(b.url, s)).status).toBe(200); // now cached on B
        expect((await me(b.url, s)).status).toBe(200);
        expect((await send(a.url, "POST", "/api/v1/auth/logout", s)).status).toBe(204);
        const logoutMs = await within(2000, async () => (await me(b.url, s)).status === 401);

        // A user disabled on A.
        const admin = await login(a.url, "demo-orgadmin");
        const victim = await login(a.url, "demo-officer2");
        expect((await me(b.url, victim)).status).toBe(200);
        const v = await user("demo-officer2");
        expect((await send(a.url, "PATCH", `/api/v1/users/${v.id}`, admin, { active: false, version: v.version })).status).toBe(200);
        const disableMs = await within(2000, async () => (await me(b.url, victim)).status === 401);

        // A role taken away on A: B's cached session loses it.
        const sys = await login(a.url, "demo-admin");
        const orgadmin = await login(a.url, "demo-orgadmin");
        expect((await (await me(b.url, orgadmin)).json()).user.permissions).toContain("user.edit");
        const o = await user("demo-orgadmin");
        expect((await send(a.url, "PATCH", `/api/v1/users/${o.id}`, sys, { roles: ["legalReviewer"], version: o.version })).status).toBe(200);
        const demoteMs = await within(2000, async () => !(await (await me(b.url, orgadmin)).json()).user.permissions.includes("user.edit"));
        const officer = await user("demo-officer");
        const refused = await send(b.url, "PATCH", `/api/v1/users/${officer.id}`, orgadmin, { displayName: "张三", version: officer.version });
        expect(refused.status).toBe(403);

        console.log(JSON.stringify({ sessionCacheAcrossProcessesMs: { logoutMs, disableMs, demoteMs } }));
        await a.stop();
        await b.stop();
      } finally {
        await db.end().catch(() => undefined);
        await drop();
      }
    },
    600_000,
  );
});
