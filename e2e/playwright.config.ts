// Browser tests of the Kuanyan console. Chromium comes from Debian (/usr/bin/chromium), never a
// download; global-setup.ts starts one Kuanyan server (fresh PGlite data dir, demo data) for the run.
//
//   npm run test:e2e                                  build the console, run every spec
//   npx playwright test -c e2e/playwright.config.ts login   one spec
//   KUANYAN_E2E_BASE_URL=http://127.0.0.1:3000 npx playwright test -c e2e/playwright.config.ts
//                                                     against a server you started yourself
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";

const here = path.dirname(fileURLToPath(import.meta.url));
export const chromiumPath = process.env.KUANYAN_CHROMIUM ?? "/usr/bin/chromium";
/** Where results go; set KUANYAN_E2E_OUTPUT to keep two runs in one checkout apart. */
export const resultsDir = process.env.KUANYAN_E2E_OUTPUT ?? path.join(here, "..", "test-results");
/**
 * KUANYAN_E2E_TOPOLOGY=haproxy (npm run test:e2e:haproxy): two servers on one PostgreSQL database behind
 * haproxy (topology.ts), running these specs (on the desktop project: --project desktop), with a report
 * and output folder of their own.
 */
const haproxy = process.env.KUANYAN_E2E_TOPOLOGY === "haproxy";
const haproxySpecs = ["**/login.spec.ts", "**/cases.spec.ts", "**/topology.spec.ts"];

export default defineConfig({
  testDir: here,
  testMatch: haproxy ? haproxySpecs : "**/*.spec.ts",
  testIgnore: haproxy ? undefined : "**/topology.spec.ts",
  // Screenshots and traces go to test-results/e2e (cleared at each run; test-results/vitest.json
  // of the unit tests stays); the JSON report feeds scripts/test-summary.mjs.
  outputDir: path.join(resultsDir, haproxy ? "e2e-haproxy" : "e2e"),
  globalSetup: path.join(here, "global-setup.ts"),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // One server, two cores: run the specs one after another.
  fullyParallel: false,
  workers: 1,
  // On CI one retry absorbs timing flukes of a busy 2-core machine; a test that passes only on its
  // retry is reported as flaky in the summary line.
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"], ["json", { outputFile: path.join(resultsDir, haproxy ? "playwright-haproxy.json" : "playwright.json") }]],
  use: {
    // Set by global-setup.ts (or by you, to reuse a running server).
    baseURL: process.env.KUANYAN_E2E_BASE_URL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "desktop", use: { browserName: "chromium", viewport: { width: 1366, height: 900 } } },
    {
      name: "mobile",
      use: {
        browserName: "chromium",
        viewport: { width: 375, height: 812 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
      },
    },
  ],
});
