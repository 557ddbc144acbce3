/**
 * kill -9 under write load: a real server process on this run's database (PGlite data directory or
 * PostgreSQL), concurrent officers opening cases through the API, SIGKILL mid-load, a restart on the
 * same data — and every case whose opening was acknowledged (201) is there.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openPglite } from "../db/client";
import { TEST_DATA_KEY, freshDatabase, testDbKind } from "../testing/db";
import { cliMain } from "../testing/process";
import { DEMO_PASSWORD } from "../demo/organisations";

const WRITERS = 8;
/** The load runs at least MIN_LOAD_MS, until TARGET writes are acknowledged or MAX_LOAD_MS have passed. */
const MIN_LOAD_MS = 2_000;
const MAX_LOAD_MS = 20_000;
const TARGET = 40;

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

/** `kuanyan start` as one process (tsx as a loader, not a wrapper), so SIGKILL hits the server itself. */
function startServer(args: string[], env: Record<string, string>): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", cliMain, "start", "--port", "0", "--host", "127.0.0.1", "--quiet", ...args], {
      env: { ...process.env, LOG_LEVEL: "warn", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    cleanups.push(() => void (child.exitCode === null && child.signalCode === null && child.kill("SIGKILL")));
    let output = "";
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 150_000);
    child.stderr!.on("data", (d) => (output += d));
    child.stdout!.on("data", (d) => {
      output += d;
      const m = output.match(/http:\/\/localhost:(\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve({ url: `http://127.0.0.1:${m[1]}`, child, output: () => output });
      }
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}):\n${output}`));
    });
  });
}

async function login(base: string, username: string) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  return { cookie: res.headers.get("set-cookie")!.split(";")[0], csrf: (await res.json()).csrfToken as string };
}

/** Where this run's database lives, as the server is told (a data directory or DATABASE_URL). */
async function demoDatabase(): Promise<{ args: string[]; env: Record<string, string> }> {
  const template = await freshDatabase();
  if (testDbKind === "pglite") {
    const dump = await template.pglite!.dumpDataDir("none");
    await template.close();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kuanyan-crash-"));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const seeded = await openPglite({ dataDir: path.join(dir, "pgdata"), loadDataDir: dump });
    await seeded.close();
    // The database's personal data was encrypted with the tests' data key: the server needs it too.
    return { args: ["--data-dir", dir, "--no-demo"], env: { KUANYAN_DATA_KEY: TEST_DATA_KEY } };
  }
  cleanups.push(() => template.close());
  const [{ db }] = await template.query<{ db: string }>("SELECT current_database() AS db");
  const u = new URL(process.env.KUANYAN_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
  u.pathname = `/${db}`;
  return { args: ["--no-demo"], env: { DATABASE_URL: u.toString(), KUANYAN_DATA_KEY: TEST_DATA_KEY } };
}

describe("kill -9", () => {
  it("写入压力下 kill -9 服务器进程，重启后每一条已确认（201）的立案都在", async () => {
    const where = await demoDatabase();
    const first = await startServer(where.args, where.env);
    const officer = await login(first.url, "demo-officer");
    const me = await (await fetch(`${first.url}/api/v1/auth/me`, { headers: { cookie: officer.cookie } })).json();
    const officer2 = await login(first.url, "demo-officer2");
    const me2 = await (await fetch(`${first.url}/api/v1/auth/me`, { headers: { cookie: officer2.cookie } })).json();
    const officerIds = [me.user.id as string, me2.user.id as string].sort();

    const acknowledged: { id: string; name: string }[] = [];
    let failed = 0;
    let inFlight = 0;
    let killed = false;
    const writer = async (w: number) => {
      for (let i = 0; !killed; i++) {
        const name = `断电测试企业${w}-${i}`;
        inFlight++;
        try {
          const res = await fetch(`${first.url}/api/v1/cases`, {
            method: "POST",
            headers: { cookie: officer.cookie, "x-csrf-token": officer.csrf, "content-type": "application/json" },
            body: JSON.stringify({
              party: {
                type: "enterprise",
                name,
                creditCode: "91350421MA2Y8K7P02",
                address: "福建省三明市明溪县雪峰镇城关工业园区8号",
                industryCategory: "general",
              },
              matterCode: "YJ-AQSCF-097-04",
              facts: `检查发现培训记录表未如实填写培训时间和学时（${name}）。`,
              actDate: "2026-03-01",
              discoveredOn: "2026-03-05",
              inspection: { date: "2026-03-05", place: "公司生产车间", officerIds },
            }),
          });
          const body = await res.json();
          if (res.status === 201) acknowledged.push({ id: body.case.id, name });
          else if (!killed) throw new Error(`unexpected ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
        } catch (err) {
          if (!killed) throw err;
          failed++; // cut off by the kill: not acknowledged, may or may not have been committed
        } finally {
          inFlight--;
        }
      }
    };
    const load = Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    const started = Date.now();
    while (Date.now() - started < MAX_LOAD_MS && (Date.now() - started < MIN_LOAD_MS || acknowledged.length < TARGET)) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const inFlightAtKill = inFlight;
    const exited = new Promise((r) => first.child.once("exit", r));
    first.child.kill("SIGKILL");
    killed = true;
    await exited;
    await load;
    expect(first.child.signalCode).toBe("SIGKILL");
    expect(inFlightAtKill).toBeGreaterThan(0); // the kill came mid-load
    expect(acknowledged.length).toBeGreaterThan(4);

    // Restart on the same data (for PGlite: the dead process's lock is taken over).
    const second = await startServer(where.args, where.env);
    const s = await login(second.url, "demo-officer");
    const missing: string[] = [];
    for (let i = 0; i < acknowledged.length; i += 16) {
      await Promise.all(
        acknowledged.slice(i, i + 16).map(async (a) => {
          const res = await fetch(`${second.url}/api/v1/cases/${a.id}`, { headers: { cookie: s.cookie } });
          const body = res.status === 200 ? await res.json() : null;
          if (!body || JSON.stringify(body).indexOf(a.name) < 0) missing.push(`${a.id} ${res.status}`);
        }),
      );
    }
    expect(missing).toEqual([]);
    console.log(`kill -9 (${testDbKind}): ${acknowledged.length} acknowledged, ${failed} cut off, all present after restart`);
    second.child.kill("SIGTERM");
    await new Promise((r) => second.child.once("exit", r));
  }, 300_000);
});
