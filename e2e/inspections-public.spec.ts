// 一公开 of the 双随机 draws: without login, the public page of the demo's quarterly draw shows the
// pool hash and the selection; the pool file and the draw file it offers, run through
// scripts/verify-draw.mjs (Node only, no database), give the same selection. Desktop and phone.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** WCAG 2.1 A/AA violations axe-core finds (the rule a11y.spec.ts leaves out, left out here too). */
async function violations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      rules: { "scrollable-region-focusable": { enabled: false } },
    });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

test("the public draw page shows the pool hash and the selection, and verify-draw.mjs on the downloaded pool file and seed gives the same selection", async ({
  page,
}, testInfo) => {
  await page.goto("/public/draws");
  await expect(page.getByRole("heading", { name: "“双随机、一公开”抽取公告与结果" })).toBeVisible();
  const quarterly = page.getByTestId("public-draw").filter({ hasText: "季度双随机抽查" }).filter({ hasText: "已抽取" });
  await expect(quarterly).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath("public-draws.png"), fullPage: true });
  expect(await violations(page), "公开抽取列表").toEqual([]);
  await quarterly.getByRole("link").click();

  const hash = page.getByTestId("pool-sha256");
  await expect(hash).toHaveText(/^[0-9a-f]{64}$/);
  const rows = page.getByTestId("selection-row");
  await expect(rows).toHaveCount(3);
  await page.screenshot({ path: testInfo.outputPath("public-draw.png"), fullPage: true });
  expect(await violations(page), "公开抽取详情").toEqual([]);
  const shownCodes = (await rows.locator("td:nth-child(2)").allTextContents()).map((t) => t.trim());
  expect(shownCodes.every((c) => /^[0-9A-Z]{18}$/.test(c))).toBe(true);

  // Download both files as a visitor would, then re-run the draw with nothing but Node.
  const [poolDownload] = await Promise.all([page.waitForEvent("download"), page.getByTestId("pool-download").click()]);
  const [drawDownload] = await Promise.all([page.waitForEvent("download"), page.getByTestId("draw-download").click()]);
  const poolFile = testInfo.outputPath("pool.json");
  const drawFile = testInfo.outputPath("draw.json");
  await poolDownload.saveAs(poolFile);
  await drawDownload.saveAs(drawFile);
  expect(crypto.createHash("sha256").update(fs.readFileSync(poolFile)).digest("hex")).toBe(await hash.textContent());
  expect(JSON.parse(fs.readFileSync(drawFile, "utf8")).seed).toBe(await page.getByTestId("seed").textContent());

  const out = JSON.parse(
    execFileSync(process.execPath, [path.join(root, "scripts/verify-draw.mjs"), poolFile, drawFile, "--json"], { encoding: "utf8" }),
  );
  const recomputed = (out.selection?.periodic?.assignments ?? out.selection?.assignments ?? out.assignments) as {
    creditCode: string;
    inspectors: string[];
  }[];
  expect(recomputed.map((a) => a.creditCode)).toEqual(shownCodes);
  // And no personal data on the page: the officers appear by 执法证号 only.
  await expect(page.getByText("李明")).toHaveCount(0);
  await expect(page.getByText("王芳")).toHaveCount(0);
});
