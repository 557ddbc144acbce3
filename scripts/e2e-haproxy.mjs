// npm run test:e2e:haproxy: the browser tests through haproxy in front of two servers on one PostgreSQL
// database (e2e/topology.ts), desktop project, report test-results/playwright-haproxy.json.
// Skipped, with a line saying so, when the PostgreSQL run is switched off (KUANYAN_TEST_PG=off).
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const report = "test-results/playwright-haproxy.json";
if (process.env.KUANYAN_TEST_PG === "off") {
  fs.rmSync(report, { force: true });
  console.log("Browser tests behind haproxy skipped: KUANYAN_TEST_PG=off (they need PostgreSQL).");
  process.exit(0);
}
const result = spawnSync(
  process.execPath,
  ["node_modules/@playwright/test/cli.js", "test", "-c", "e2e/playwright.config.ts", ...process.argv.slice(2), "--project", "desktop"],
  { stdio: "inherit", env: { ...process.env, KUANYAN_E2E_TOPOLOGY: "haproxy" } },
);
process.exit(result.status ?? 1);
