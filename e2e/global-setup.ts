// Runs once before all specs: checks the browser, builds the console if needed, starts a Kuanyan
// server with demo data and hands its address to the tests through KUANYAN_E2E_BASE_URL.
import fs from "node:fs";
import path from "node:path";
import type { FullConfig } from "@playwright/test";
import { chromiumPath, resultsDir } from "./playwright.config";
import { ensureWebBuild, startServer } from "./server";
import { startHaproxyTopology } from "./topology";

export default async function globalSetup(_config: FullConfig): Promise<() => Promise<void>> {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}. Install it (no browser download): ` + "apt-get install -y chromium fonts-noto-cjk");
  }
  if (process.env.KUANYAN_E2E_BASE_URL) return async () => {};

  ensureWebBuild();
  if (process.env.KUANYAN_E2E_TOPOLOGY === "haproxy") return haproxySetup();
  const server = await startServer({ demo: true });
  process.env.KUANYAN_E2E_BASE_URL = server.baseURL;
  return async () => {
    const logFile = path.join(resultsDir, "e2e", "server.log");
    fs.mkdirSync(path.dirname(logFile), { recursive: true });
    fs.writeFileSync(logFile, server.log());
    await server.stop();
  };
}

/** KUANYAN_E2E_TOPOLOGY=haproxy: two servers on one PostgreSQL database behind haproxy (topology.ts). */
async function haproxySetup(): Promise<() => Promise<void>> {
  const topology = await startHaproxyTopology();
  process.env.KUANYAN_E2E_BASE_URL = topology.baseURL;
  process.env.KUANYAN_E2E_HAPROXY_STATS = topology.statsURL;
  process.env.KUANYAN_E2E_SERVERS = topology.servers.map((s) => s.baseURL).join(",");
  return async () => {
    const dir = path.join(resultsDir, "e2e-haproxy");
    fs.mkdirSync(dir, { recursive: true });
    topology.servers.forEach((s, i) => fs.writeFileSync(path.join(dir, `server${i + 1}.log`), s.log()));
    fs.writeFileSync(path.join(dir, "haproxy.log"), topology.log());
    await topology.stop();
  };
}
