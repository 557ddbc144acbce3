// The console under its Content-Security-Policy (issue 15, item 7): the login page, the statistics
// dashboard (ECharts), a document with its PDF printed from a hidden iframe, the public verification
// page (no login) and the API documentation all work with the security headers on, and the browser
// reports no CSP violation. The assets arrive precompressed with immutable caching.
import type { Frame, Page } from "@playwright/test";
import { demoUsers, expect, loginAs, test } from "./fixtures";

/** Collects every CSP violation the page reports (DOM events and console messages). */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (load|execute|apply|frame|connect)/i.test(m.text())) fromConsole.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener(
      "securitypolicyviolation",
      (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
      true,
    );
  });
  return async () => {
    const fromDom: string[] = [];
    for (const frame of page.frames()) {
      fromDom.push(...(await frame.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []).catch(() => [] as string[])));
    }
    return [...fromDom, ...fromConsole];
  };
}

test("登录页在安全响应头下工作：CSP 生效，脚本以 brotli 预压缩并长期缓存，无 CSP 违规", async ({ page }) => {
  const violations = await watchCsp(page);
  const scripts: { url: string; encoding?: string; cache?: string }[] = [];
  page.on("response", (r) => {
    if (r.request().resourceType() === "script")
      scripts.push({ url: r.url(), encoding: r.headers()["content-encoding"], cache: r.headers()["cache-control"] });
  });
  const res = await page.goto("/login");
  const headers = res!.headers();
  expect(headers["content-security-policy"]).toContain("script-src 'self'");
  expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["cache-control"]).toBe("no-cache");
  await loginAs(page, demoUsers.officer);
  expect(scripts.length).toBeGreaterThan(0);
  for (const s of scripts) {
    expect(s.cache, s.url).toBe("public, max-age=31536000, immutable");
  }
  // Chromium offers brotli to 127.0.0.1 (a secure context): the big bundles come as .br.
  expect(scripts.filter((s) => s.encoding === "br").length).toBeGreaterThan(scripts.length / 2);
  expect(await violations()).toEqual([]);
});

test("数据驾驶舱（ECharts）在 CSP 下绘出图表，无 CSP 违规", async ({ page }) => {
  const violations = await watchCsp(page);
  await loginAs(page, "demo-justice-city");
  await page.goto("/statistics/dashboard");
  await expect(page.getByRole("heading", { name: "数据驾驶舱", exact: true })).toBeVisible();
  const chart = page.getByRole("img", { name: "处理决定按月统计图" });
  await expect(chart.locator("canvas")).toHaveCount(1);
  await page.goto("/statistics");
  await expect(page.getByRole("heading", { name: "统计报表", exact: true })).toBeVisible();
  expect(await violations()).toEqual([]);
});

test("文书详情、打印（隐藏 iframe 加载 PDF）和公开核验页在 CSP 下工作，无 CSP 违规", async ({ page, browser }, testInfo) => {
  const violations = await watchCsp(page);
  await loginAs(page, demoUsers.officer);
  const list = await (await page.request.get("/api/v1/documents")).json();
  const doc = (list.items ?? list)[0] as { id: string; number: string; shortCode: string };
  expect(doc, "a demo document").toBeTruthy();
  await page.goto(`/documents?open=${doc.id}`);
  const drawer = page.getByRole("dialog", { name: new RegExp(doc.number.replace(/[()〔〕]/g, ".")) });
  await expect(drawer).toBeVisible();
  // 打印 loads the PDF into a hidden same-origin iframe: the PDF may be framed by our own page.
  const pdf = page.waitForResponse((r) => r.url().includes(`/api/v1/documents/${doc.id}/pdf`));
  await drawer.getByRole("button", { name: "打印" }).click();
  const pdfRes = await pdf;
  expect(pdfRes.status()).toBe(200);
  expect(pdfRes.headers()["x-frame-options"]).toBe("SAMEORIGIN");
  await expect(page.locator("iframe")).toHaveCount(1);
  // The PDF has loaded into the iframe (its load event runs the print call) before violations are read.
  const isPdfFrame = (f: Frame) => f.url().includes(`/api/v1/documents/${doc.id}/pdf`);
  await expect.poll(() => page.frames().some(isPdfFrame)).toBe(true);
  await page.frames().find(isPdfFrame)!.waitForLoadState("load");
  expect(await violations()).toEqual([]);

  // The public verification page, in a fresh context without login.
  const anonymous = await browser.newContext({ baseURL: testInfo.project.use.baseURL, locale: "zh-CN" });
  const visitor = await anonymous.newPage();
  const visitorViolations = await watchCsp(visitor);
  await visitor.goto(`/verify/${doc.shortCode}`);
  await expect(visitor.getByText(doc.number)).toBeVisible();
  expect(await visitorViolations()).toEqual([]);
  await anonymous.close();
});

test("接口文档 /api/docs 在其 CSP 下显示，无 CSP 违规", async ({ page }) => {
  const violations = await watchCsp(page);
  const res = await page.goto("/api/docs/");
  expect(res!.headers()["content-security-policy"]).toContain("default-src 'self'");
  await expect(page.getByText("宽严 Kuanyan API")).toBeVisible();
  await expect(page.getByText("/api/v1/auth/login").first()).toBeVisible();
  expect(await violations()).toEqual([]);
});
