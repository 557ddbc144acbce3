// Start and stop a Kuanyan server for browser tests: a free port, a fresh temporary PGlite data
// directory, demo data. Used by global-setup.ts; a spec that needs its own server may call it too.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface RunningServer {
  baseURL: string;
  dataDir: string;
  /** Everything the server printed (stdout and stderr). */
  log(): string;
  /** Moves the server's clock a week forward (only a server started with `clock: true`; clock-preload.mjs). */
  advanceClock(): void;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Build packages/web/dist when it is missing (npm run test:e2e builds it beforehand). */
export function ensureWebBuild(): void {
  if (fs.existsSync(path.join(repoRoot, "packages/web/dist/index.html"))) return;
  const result = spawnSync(process.execPath, [path.join(repoRoot, "node_modules/vite/bin/vite.js"), "build"], {
    cwd: path.join(repoRoot, "packages/web"),
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error("控制台构建失败（packages/web: vite build）");
}

async function waitForHealth(baseURL: string, child: ChildProcess, log: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`Kuanyan server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${log().slice(-4000)}`);
    }
    try {
      const res = await fetch(`${baseURL}/api/v1/health`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Kuanyan server did not answer /api/v1/health within ${timeoutMs / 1000}s:\n${log().slice(-4000)}`);
}

/** The data key of this run's PostgreSQL servers (the embedded database makes its own key file). */
const e2eDataKey = crypto.randomBytes(32).toString("base64");

export async function startServer(
  options: { demo?: boolean; timeoutMs?: number; databaseUrl?: string; clock?: boolean } = {},
): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kuanyan-e2e-"));
  const tsxCli = path.join(repoRoot, "node_modules/tsx/dist/cli.mjs");
  const args = [
    tsxCli,
    path.join(repoRoot, "packages/server/src/cli/main.ts"),
    "start",
    "--port",
    String(port),
    "--host",
    "127.0.0.1",
    "--data-dir",
    dataDir,
    ...(options.demo === false ? [] : ["--demo"]),
  ];
  const env = { ...process.env };
  delete env.DATABASE_URL; // browser tests run on the embedded database, unless told (topology.ts)
  if (options.databaseUrl) {
    env.DATABASE_URL = options.databaseUrl;
    // On PostgreSQL the data key must be configured, and every server of one database shares it.
    env.KUANYAN_DATA_KEY = e2eDataKey;
  }
  if (options.clock) {
    // A clock the test moves forward (SIGUSR2 to the server's processes, which all load the file).
    const preload = pathToFileURL(path.join(repoRoot, "e2e/clock-preload.mjs")).href;
    env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ""} --import=${preload}`.trim();
  }
  const child = spawn(process.execPath, args, { cwd: repoRoot, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const append = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  const log = () => output;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      // The server closes its database on SIGTERM; tsx passes the signal on.
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        child.kill("SIGTERM");
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, "SIGKILL");
        } catch {
          child.kill("SIGKILL");
        }
      }, 10_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const advanceClock = () => {
    if (!options.clock) throw new Error("advanceClock: start the server with { clock: true }");
    process.kill(-child.pid!, "SIGUSR2");
  };

  const baseURL = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseURL, child, log, options.timeoutMs ?? 120_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseURL, dataDir, log, advanceClock, stop };
}
