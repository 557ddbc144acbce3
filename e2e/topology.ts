// The two-process topology of the browser tests (KUANYAN_E2E_TOPOLOGY=haproxy): a fresh PostgreSQL
// database, two Kuanyan servers on it (the first creates the demo data), and Debian's haproxy in front
// of them (round robin, free ports). The browser only sees haproxy; its statistics page tells how many
// requests each server answered.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort, startServer, type RunningServer } from "./server";

export interface HaproxyTopology {
  baseURL: string;
  /** haproxy's statistics as CSV (the `;csv` form of its stats page). */
  statsURL: string;
  servers: RunningServer[];
  log(): string;
  stop(): Promise<void>;
}

export function haproxyBinary(): string {
  const candidates = [process.env.KUANYAN_HAPROXY, "/usr/sbin/haproxy", "/usr/bin/haproxy"].filter(Boolean) as string[];
  for (const c of candidates) if (fs.existsSync(c)) return c;
  const which = spawnSync("sh", ["-c", "command -v haproxy"], { encoding: "utf8" });
  if (which.status === 0 && which.stdout.trim()) return which.stdout.trim();
  throw new Error("haproxy not found: apt-get install -y haproxy (or set KUANYAN_HAPROXY)");
}

const adminUrl = () => process.env.KUANYAN_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function startHaproxyTopology(): Promise<HaproxyTopology> {
  const binary = haproxyBinary();
  const dbName = `kuanyan_e2e_${process.pid}_${Date.now()}`;
  await admin(`CREATE DATABASE ${dbName}`);
  const u = new URL(adminUrl());
  u.pathname = `/${dbName}`;
  const databaseUrl = u.toString();
  const servers: RunningServer[] = [];
  let haproxy: ReturnType<typeof spawn> | null = null;
  let output = "";
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "kuanyan-haproxy-"));

  const stop = async () => {
    if (haproxy && haproxy.exitCode === null && haproxy.signalCode === null) {
      const exited = new Promise((r) => haproxy!.once("exit", r));
      haproxy.kill("SIGTERM");
      await exited;
    }
    for (const s of servers) await s.stop();
    fs.rmSync(workDir, { recursive: true, force: true });
    await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  };

  try {
    // One after the other: the first migrates and creates the demo data, the second finds them.
    servers.push(await startServer({ demo: true, databaseUrl }));
    servers.push(await startServer({ demo: false, databaseUrl }));
    const port = await freePort();
    const statsPort = await freePort();
    const backends = servers.map((s, i) => `  server kuanyan${i + 1} ${new URL(s.baseURL).host} check inter 2s`).join("\n");
    const config = `global
  maxconn 512
defaults
  mode http
  option httplog
  timeout connect 5s
  timeout client 120s
  timeout server 120s
frontend kuanyan
  bind 127.0.0.1:${port}
  default_backend kuanyan
backend kuanyan
  balance roundrobin
  option httpchk GET /api/v1/health
${backends}
frontend stats
  bind 127.0.0.1:${statsPort}
  stats enable
  stats uri /stats
`;
    const configFile = path.join(workDir, "haproxy.cfg");
    fs.writeFileSync(configFile, config);
    const check = spawnSync(binary, ["-c", "-f", configFile], { encoding: "utf8" });
    if (check.status !== 0) throw new Error(`haproxy configuration refused:\n${check.stdout}${check.stderr}`);
    haproxy = spawn(binary, ["-db", "-f", configFile], { stdio: ["ignore", "pipe", "pipe"] });
    haproxy.stdout!.on("data", (d) => (output += d));
    haproxy.stderr!.on("data", (d) => (output += d));
    const baseURL = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (haproxy.exitCode !== null) throw new Error(`haproxy exited (${haproxy.exitCode}):\n${output}`);
      const ok = await fetch(`${baseURL}/api/v1/health`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`haproxy did not answer at ${baseURL}:\n${output}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    return { baseURL, statsURL: `http://127.0.0.1:${statsPort}/stats;csv`, servers, log: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Requests each server answered, from haproxy's statistics (column stot of the server rows). */
export async function requestsPerServer(statsURL: string): Promise<Record<string, number>> {
  const csv = await (await fetch(statsURL)).text();
  const [header, ...rows] = csv.trim().split("\n");
  const cols = header.replace(/^# /, "").split(",");
  const px = cols.indexOf("pxname");
  const sv = cols.indexOf("svname");
  const stot = cols.indexOf("stot");
  const out: Record<string, number> = {};
  for (const r of rows) {
    const f = r.split(",");
    if (f[px] === "kuanyan" && f[sv] !== "BACKEND" && f[sv] !== "FRONTEND") out[f[sv]] = Number(f[stot]);
  }
  return out;
}
