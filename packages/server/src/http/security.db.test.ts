// Security headers and the console's assets (issue 15, item 7): helmet's headers on API responses,
// on index.html and on assets; HSTS only over HTTPS; the Swagger UI's policy on its routes only;
// files framed only by our own pages (PDF) or sandboxed; brotli/gzip assets built beside the
// hashed files and served with immutable caching, index.html revalidated.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LightMyRequestResponse } from "fastify";
import { buildApp, type App } from "./app";
import type { AppContext } from "./context";
import type { Config } from "../config";
import type { Database } from "../db/client";
import { DEMO_PASSWORD } from "../demo/organisations";
import { freshDatabase, testConfig, testDbKind } from "../testing/db";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

/** The console built into a directory of this test's own (the real Vite build, with precompress). */
let webDist: string;
let database: Database;
const apps: App[] = [];

beforeAll(async () => {
  webDist = fs.mkdtempSync(path.join(os.tmpdir(), "kuanyan-web-"));
  const build = spawnSync(
    process.execPath,
    [path.join(repoRoot, "node_modules/vite/bin/vite.js"), "build", "--outDir", webDist, "--emptyOutDir", "--logLevel", "warn"],
    {
      cwd: path.join(repoRoot, "packages/web"),
      encoding: "utf8",
    },
  );
  if (build.status !== 0) throw new Error(`vite build failed:\n${build.stdout}\n${build.stderr}`);
  database = await freshDatabase();
}, 300_000);

afterAll(async () => {
  for (const app of apps) await app.close();
  await database?.close();
  if (webDist) fs.rmSync(webDist, { recursive: true, force: true });
});

async function appWith(overrides: Partial<Config> = {}): Promise<App> {
  const ctx: AppContext = { database, config: testConfig(overrides), now: () => new Date() };
  const app = await buildApp(ctx, { webDist });
  apps.push(app);
  return app;
}

function directives(res: LightMyRequestResponse): Map<string, string[]> {
  const header = String(res.headers["content-security-policy"] ?? "");
  return new Map(
    header
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}

/** The headers every response carries, whatever it is. */
function expectBaseHeaders(res: LightMyRequestResponse) {
  expect(res.headers["x-content-type-options"]).toBe("nosniff");
  expect(res.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(res.headers["permissions-policy"]).toBe("camera=(), microphone=(), geolocation=(), payment=(), usb=()");
  expect(res.headers["cross-origin-opener-policy"]).toBe("same-origin");
  expect(res.headers["strict-transport-security"]).toBeUndefined();
}

/** The console's policy: no inline or eval'd script, inline styles (antd), nothing frames us. */
function expectConsolePolicy(res: LightMyRequestResponse) {
  expectBaseHeaders(res);
  expect(res.headers["x-frame-options"]).toBe("DENY");
  const csp = directives(res);
  expect(csp.get("default-src")).toEqual(["'self'"]);
  expect(csp.get("script-src")).toEqual(["'self'"]);
  expect(csp.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
  expect(csp.get("object-src")).toEqual(["'none'"]);
  expect(String(res.headers["content-security-policy"])).not.toMatch(/unsafe-eval|upgrade-insecure-requests/);
}

describe(`security headers and assets (${testDbKind})`, () => {
  it("API 响应（成功、401、404）带安全响应头：CSP、X-Frame-Options DENY、nosniff、Referrer-Policy、Permissions-Policy、Cache-Control: no-store，HTTP 下无 HSTS", async () => {
    const app = await appWith();
    for (const url of ["/api/v1/health", "/api/v1/auth/me", "/api/v1/no-such-thing"]) {
      const res = await app.inject({ method: "GET", url });
      expect([200, 401, 404]).toContain(res.statusCode);
      expectConsolePolicy(res);
      // Case and personal data are not kept in caches.
      expect(res.headers["cache-control"]).toBe("no-store");
    }
  });

  it("HSTS 只在 HTTPS 下发送：KUANYAN_COOKIE_SECURE=on 时总是发送，off 时即使代理报告 https 也不发送", async () => {
    const on = await appWith({ cookieSecure: "on" });
    const res = await on.inject({ method: "GET", url: "/api/v1/health" });
    expect(res.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    const off = await appWith({ cookieSecure: "off" });
    const res2 = await off.inject({ method: "GET", url: "/api/v1/health", headers: { "x-forwarded-proto": "https" } });
    expect(res2.headers["strict-transport-security"]).toBeUndefined();
    const auto = await appWith({ cookieSecure: "auto" });
    expect((await auto.inject({ method: "GET", url: "/" })).headers["strict-transport-security"]).toBeUndefined();
  });

  it("index.html（根路径和单页应用的任意路径）带控制台 CSP 并且 no-cache，以便发布后立即取到新版本", async () => {
    const app = await appWith();
    for (const url of ["/", "/index.html", "/statistics/dashboard", "/verify/ABC123"]) {
      const res = await app.inject({ method: "GET", url, headers: { "accept-encoding": "br, gzip" } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["content-type"]).toMatch(/^text\/html/);
      expect(res.headers["cache-control"], url).toBe("no-cache");
      expectConsolePolicy(res);
      const html = res.headers["content-encoding"] === "br" ? zlib.brotliDecompressSync(res.rawPayload).toString() : res.body;
      expect(html).toContain('<div id="root"></div>');
      // No inline script: everything the page runs comes from /assets/.
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    }
  });

  it("带哈希的静态资源：客户端接受 br 时返回预压缩的 brotli（Vary: Accept-Encoding），缓存一年且 immutable；只接受 gzip 时返回 gzip，都不接受时返回原文", async () => {
    const app = await appWith();
    const index = fs.readFileSync(path.join(webDist, "index.html"), "utf8");
    const asset = index.match(/src="(\/assets\/index-[\w-]+\.js)"/)![1];
    const plain = fs.readFileSync(path.join(webDist, asset));
    expect(fs.existsSync(path.join(webDist, `${asset}.br`))).toBe(true);
    expect(fs.existsSync(path.join(webDist, `${asset}.gz`))).toBe(true);

    const br = await app.inject({ method: "GET", url: asset, headers: { "accept-encoding": "gzip, deflate, br, zstd" } });
    expect(br.statusCode).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["content-type"]).toMatch(/^(application|text)\/javascript/);
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(plain.length / 2);
    expect(zlib.brotliDecompressSync(br.rawPayload).equals(plain)).toBe(true);
    expectConsolePolicy(br);

    const gz = await app.inject({ method: "GET", url: asset, headers: { "accept-encoding": "gzip" } });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(gz.rawPayload).equals(plain)).toBe(true);
    expect(gz.headers["cache-control"]).toBe("public, max-age=31536000, immutable");

    const identity = await app.inject({ method: "GET", url: asset, headers: { "accept-encoding": "identity" } });
    expect(identity.headers["content-encoding"]).toBeUndefined();
    expect(identity.rawPayload.equals(plain)).toBe(true);
    expect(identity.headers["cache-control"]).toBe("public, max-age=31536000, immutable");

    // The compressed copies are not routes of their own.
    expect((await app.inject({ method: "GET", url: `${asset}.br` })).headers["content-type"]).toMatch(/^text\/html/);
  });

  it("接口文档 /api/docs 可以打开，使用只作用于文档路由的 CSP", async () => {
    const app = await appWith();
    const page = await app.inject({ method: "GET", url: "/api/docs/" });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("swagger-ui-bundle.js");
    expectBaseHeaders(page);
    expect(directives(page).get("script-src")).toEqual(["'self'"]);
    const script = await app.inject({ method: "GET", url: "/api/docs/static/swagger-ui-bundle.js" });
    expect(script.statusCode).toBe(200);
  });

  it("导出的文件：PDF 只允许本站页面嵌入（打印用的 iframe），其它文件在沙箱中且不允许任何内容", async () => {
    const app = await appWith();
    const login = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "demo-justice-city", password: DEMO_PASSWORD },
    });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const year = new Date().getFullYear();
    const pdf = await app.inject({ method: "GET", url: `/api/v1/statistics/form.pdf?period=year&year=${year}`, headers: { cookie } });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["x-frame-options"]).toBe("SAMEORIGIN");
    expect(directives(pdf).get("frame-ancestors")).toEqual(["'self'"]);
    expectBaseHeaders(pdf);
    const xlsx = await app.inject({ method: "GET", url: `/api/v1/statistics/form.xlsx?period=year&year=${year}`, headers: { cookie } });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["x-frame-options"]).toBe("DENY");
    const csp = directives(xlsx);
    expect(csp.get("default-src")).toEqual(["'none'"]);
    expect(csp.has("sandbox")).toBe(true);
    expectBaseHeaders(xlsx);
  });
});
