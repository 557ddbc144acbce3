import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freshPostgresUrl, TEST_DATA_KEY } from "../testing/db";
import { runCli, startServerProcess, type ServerProcess } from "../testing/process";

const started: ServerProcess[] = [];
afterAll(async () => {
  for (const s of started) await s.stop();
});

async function login(base: string, username: string) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: "Kuanyan@2026" }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.get("set-cookie")!.split(";")[0];
  return { cookie, csrf: (await res.json()).csrfToken as string };
}

describe("several server processes", () => {
  // Skipped only when the PostgreSQL run is switched off (KUANYAN_TEST_PG=off): it needs a server.
  it.skipIf(process.env.KUANYAN_TEST_PG === "off")("two servers on one PostgreSQL database share sessions and data", async () => {
    const { url, drop } = await freshPostgresUrl();
    try {
      const a = await startServerProcess(["--demo"], { DATABASE_URL: url, KUANYAN_DATA_KEY: TEST_DATA_KEY });
      started.push(a);
      const b = await startServerProcess([], { DATABASE_URL: url, KUANYAN_DATA_KEY: TEST_DATA_KEY });
      started.push(b);
      // A session created on A is valid on B.
      const s = await login(a.url, "demo-orgadmin");
      const meOnB = await fetch(`${b.url}/api/v1/auth/me`, { headers: { cookie: s.cookie } });
      expect(meOnB.status).toBe(200);
      expect((await meOnB.json()).user.username).toBe("demo-orgadmin");
      // A write on A is read on B.
      const orgs = await (await fetch(`${a.url}/api/v1/organisations`, { headers: { cookie: s.cookie } })).json();
      const mx = orgs.items.find((o: { name: string }) => o.name === "明溪县应急管理局");
      const patch = await fetch(`${a.url}/api/v1/organisations/${mx.id}`, {
        method: "PATCH",
        headers: { cookie: s.cookie, "x-csrf-token": s.csrf, "content-type": "application/json" },
        body: JSON.stringify({ contactPerson: "跨进程联系人", version: mx.version }),
      });
      expect(patch.status).toBe(200);
      const onB = await (await fetch(`${b.url}/api/v1/organisations`, { headers: { cookie: s.cookie } })).json();
      expect(onB.items.find((o: { id: string }) => o.id === mx.id).contactPerson).toBe("跨进程联系人");
      await a.stop();
      await b.stop();
    } finally {
      await drop();
    }
  });

  it("a second process on the same PGlite data directory is refused with a clear message", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kuanyan-lock-"));
    const first = await startServerProcess(["--data-dir", dir, "--no-demo"]);
    started.push(first);
    const second = await runCli(["migrate", "--data-dir", dir]);
    expect(second.code).not.toBe(0);
    expect(second.output).toMatch(/已被另一个宽严进程（PID \d+）占用/);
    // Stopping the first process (SIGTERM) closes the database and releases the lock.
    expect(await first.stop()).toBe(0);
    expect(fs.existsSync(path.join(dir, "kuanyan.lock"))).toBe(false);
    const third = await runCli(["migrate", "--data-dir", dir]);
    expect(third.output).toMatch(/数据库已是最新结构/);
    expect(third.code).toBe(0);
  });
});
