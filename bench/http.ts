/**
 * HTTP benchmark: login, and an authenticated read (GET /api/v1/organisations), on PGlite and on
 * PostgreSQL, next to a bare Fastify /ping measured in the same run. Each server runs in its own
 * process; the load comes from this process with keep-alive connections.
 * Prints one JSON line per measurement.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Agent, request } from "undici";
import { freshPostgresUrl, TEST_DATA_KEY } from "../packages/server/src/testing/db";
import { startServerProcess } from "../packages/server/src/testing/process";

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);

interface Result {
  name: string;
  database: string;
  requests: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

async function load(name: string, database: string, send: (agent: Agent) => Promise<number>, c = concurrency): Promise<Result> {
  const agent = new Agent({ connections: c, pipelining: 1 });
  const latencies: number[] = [];
  let errors = 0;
  const until = Date.now() + seconds * 1000;
  const warmUntil = Date.now() + 500;
  await Promise.all(
    Array.from({ length: c }, async () => {
      while (Date.now() < until) {
        const t0 = performance.now();
        const status = await send(agent).catch(() => 0);
        const dt = performance.now() - t0;
        if (Date.now() < warmUntil) continue;
        if (status >= 200 && status < 300) latencies.push(dt);
        else errors++;
      }
    }),
  );
  await agent.close();
  latencies.sort((a, b) => a - b);
  const q = (p: number) => Number((latencies[Math.floor((latencies.length - 1) * p)] ?? 0).toFixed(2));
  return { name, database, requests: latencies.length, rps: Math.round(latencies.length / (seconds - 0.5)), p50Ms: q(0.5), p99Ms: q(0.99), errors };
}

async function loginOnce(base: string, username: string) {
  const res = await request(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: "Kuanyan@2026" }),
  });
  const setCookie = res.headers["set-cookie"];
  const cookie = (Array.isArray(setCookie) ? setCookie[0] : setCookie)!.split(";")[0];
  await res.body.json();
  return cookie;
}

async function benchServer(database: "pglite" | "postgres", args: string[], env: Record<string, string>) {
  // The login benchmark logs one user in hundreds of times a second from one address: lift the
  // login rate limits (0 = off) so that it measures argon2id, not the 429s.
  const server = await startServerProcess(args, { ...env, KUANYAN_RATE_LOGIN_PER_IP: "0", KUANYAN_RATE_LOGIN_PER_USER: "0" });
  const out: Result[] = [];
  try {
    const cookie = await loginOnce(server.url, "demo-officer");
    out.push(
      await load(
        "login (argon2id)",
        database,
        async (agent) => {
          const r = await request(`${server.url}/api/v1/auth/login`, {
            dispatcher: agent,
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ username: "demo-officer2", password: "Kuanyan@2026" }),
          });
          await r.body.dump();
          return r.statusCode;
        },
        4,
      ),
    );
    out.push(
      await load("GET /api/v1/organisations (authenticated)", database, async (agent) => {
        const r = await request(`${server.url}/api/v1/organisations`, { dispatcher: agent, headers: { cookie } });
        await r.body.dump();
        return r.statusCode;
      }),
    );
  } finally {
    await server.stop();
  }
  return out;
}

async function main() {
  const results: Result[] = [];
  // Baseline: bare Fastify.
  const ping = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "ping-server.ts")], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const pingUrl = await new Promise<string>((resolve) => ping.stdout!.on("data", (d) => resolve(String(d).trim().replace("localhost", "127.0.0.1"))));
  results.push(
    await load("GET /ping (bare Fastify)", "-", async (agent) => {
      const r = await request(`${pingUrl}/ping`, { dispatcher: agent });
      await r.body.dump();
      return r.statusCode;
    }),
  );
  ping.kill();

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kuanyan-bench-"));
  results.push(...(await benchServer("pglite", ["--data-dir", dir, "--demo"], {})));
  fs.rmSync(dir, { recursive: true, force: true });

  const pg = await freshPostgresUrl();
  try {
    results.push(...(await benchServer("postgres", ["--demo"], { DATABASE_URL: pg.url, KUANYAN_DATA_KEY: TEST_DATA_KEY })));
  } finally {
    await pg.drop();
  }
  for (const r of results) console.log(JSON.stringify({ bench: "http", ...r, seconds, concurrency }));
}

await main();
process.exit(0);
