/**
 * Authenticated requests next to a bare Fastify /ping (issue 17 item 2, target: an authenticated small
 * read at ≥ 30 % of /ping). On PGlite and on PostgreSQL, at BENCH_CONCURRENCY (default 10) keep-alive
 * connections from this process: GET /api/v1/health without a session, the same with a session cookie
 * (the session is resolved on every request), and GET /api/v1/auth/me (an authenticated small read).
 * /ping is measured right before and right after each database's rows; `ofPing` is the ratio to the
 * mean of the two.
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
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 10);

interface Result {
  name: string;
  database: string;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

/** `concurrency` loops, each sending one request after the other for `seconds` (the first 0.5 s not counted). */
async function load(name: string, database: string, url: string, headers: Record<string, string> = {}): Promise<Result> {
  const agent = new Agent({ connections: concurrency, pipelining: 1 });
  const latencies: number[] = [];
  let errors = 0;
  const until = Date.now() + seconds * 1000;
  const warmUntil = Date.now() + 500;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until) {
        const t0 = performance.now();
        const status = await request(url, { dispatcher: agent, headers })
          .then(async (r) => {
            await r.body.dump();
            return r.statusCode;
          })
          .catch(() => 0);
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
  return { name, database, rps: Math.round(latencies.length / (seconds - 0.5)), p50Ms: q(0.5), p99Ms: q(0.99), errors };
}

async function ping(database: string): Promise<Result> {
  const server = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "ping-server.ts")], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    const url = await new Promise<string>((resolve) => server.stdout!.on("data", (d) => resolve(String(d).trim().replace("localhost", "127.0.0.1"))));
    return await load("GET /ping (bare Fastify)", database, `${url}/ping`);
  } finally {
    server.kill();
  }
}

async function benchServer(database: "pglite" | "postgres", args: string[], env: Record<string, string>) {
  const baseline = await ping(database);
  const server = await startServerProcess(args, env, 300_000);
  const rows: (Result & { ofPing: number })[] = [];
  try {
    const res = await request(`${server.url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "demo-officer", password: "Kuanyan@2026" }),
    });
    const setCookie = res.headers["set-cookie"];
    const cookie = (Array.isArray(setCookie) ? setCookie[0] : setCookie)!.split(";")[0];
    await res.body.dump();
    const runs = [
      await load("GET /api/v1/health (no session)", database, `${server.url}/api/v1/health`),
      await load("GET /api/v1/health (with session)", database, `${server.url}/api/v1/health`, { cookie }),
      await load("GET /api/v1/auth/me (authenticated)", database, `${server.url}/api/v1/auth/me`, { cookie }),
    ];
    await server.stop();
    // /ping again afterwards: on a shared machine the load of others changes; the ratio uses the mean.
    const after = await ping(database);
    const pingRps = (baseline.rps + after.rps) / 2;
    for (const r of [baseline, ...runs, after]) rows.push({ ...r, ofPing: Number((r.rps / pingRps).toFixed(2)) });
  } finally {
    await server.stop();
  }
  return rows;
}

async function main() {
  const rows = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kuanyan-bench-"));
  try {
    rows.push(...(await benchServer("pglite", ["--data-dir", dir, "--demo"], {})));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (process.env.KUANYAN_TEST_PG !== "off") {
    const pg = await freshPostgresUrl();
    try {
      rows.push(...(await benchServer("postgres", ["--demo"], { DATABASE_URL: pg.url, KUANYAN_DATA_KEY: TEST_DATA_KEY })));
    } finally {
      await pg.drop();
    }
  }
  for (const r of rows) console.log(JSON.stringify({ bench: "session-cache", ...r, seconds, concurrency }));
}

await main();
process.exit(0);
