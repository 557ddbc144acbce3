// 现场检查 on a phone (issue 10 §6, §7): an inspector opens a drawn inspection, fills the checklist
// with one failed item that becomes a hazard and one that opens a case, both inspectors sign, the
// unit signs, and the record PDF downloads (its text checked with pdftotext). And poor connectivity:
// results saved without a connection survive a reload and are sent once, never twice.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, loginAs, test } from "./fixtures";

test.skip(({ isMobile }) => !isMobile, "phone flow: the mobile project");

interface Detail {
  id: string;
  status: string;
  unitName: string;
  items: { id: string }[];
  results: { itemId: string }[];
}

/** A drawn (or started) inspection of 李明 and 王芳 whose checklist is known. */
async function drawnInspection(request: APIRequestContext): Promise<Detail> {
  const day = (await (await request.get("/api/v1/field/today")).json()) as { items: { id: string; status: string }[] };
  for (const i of day.items.filter((x) => x.status === "drawn" || x.status === "started")) {
    const d = (await (await request.get(`/api/v1/field/inspections/${i.id}`)).json()) as Detail;
    if (d.items.length > 0) return d;
  }
  throw new Error("no drawn inspection with a checklist in the demo data");
}

async function sign(page: Page, testId: string) {
  const pad = page.getByTestId(testId);
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + 40);
  await page.mouse.down();
  await page.mouse.move(box.x + 120, box.y + 90, { steps: 8 });
  await page.mouse.move(box.x + 220, box.y + 30, { steps: 8 });
  await page.mouse.up();
}

async function answer(page: Page, itemId: string, outcome: "符合" | "不符合" | "不适用") {
  const card = page.getByTestId(`item-${itemId}`);
  await card.getByText(outcome, { exact: true }).click();
  return card;
}

test("results saved without a connection survive a reload and are sent once when the network returns", async ({ page, context }) => {
  test.setTimeout(120_000);
  await loginAs(page, "demo-officer");
  const insp = await drawnInspection(page.request);
  await page.goto(`/inspections/field/${insp.id}`);
  if (insp.status === "drawn") await page.getByRole("button", { name: "签到并开始检查" }).click();
  await expect(page.getByTestId("field-status")).toHaveText("检查中");
  const [a, b] = insp.items.map((i) => i.id);

  await context.setOffline(true);
  for (const id of [a, b]) {
    const card = await answer(page, id, "符合");
    await card.getByRole("button", { name: "保存本项" }).click();
    await expect(card.getByText("待同步")).toBeVisible();
  }
  await expect(page.getByTestId("pending-count")).toHaveText("待同步 2 项");

  // Still no connection to the server when the page reloads: the app loads, the server does not answer.
  await page.route("**/api/v1/field/**", (route) => route.abort("internetdisconnected"));
  await context.setOffline(false);
  await page.reload();
  await expect(page.getByTestId("pending-count")).toHaveText("待同步 2 项");
  await expect(page.getByTestId(`item-${a}`).getByText("待同步")).toBeVisible();

  // The first answer is lost on the way back (the server saved it); the entry is sent again with its key.
  let lost = false;
  await page.unroute("**/api/v1/field/**");
  await page.route("**/api/v1/field/inspections/*/results/*", async (route) => {
    if (!lost) {
      lost = true;
      await route.fetch();
      return route.abort("connectionreset");
    }
    return route.continue();
  });
  await page.evaluate(() => window.dispatchEvent(new Event("online")));
  await expect(page.getByTestId("pending-count")).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId(`item-${a}`).getByText("已保存：符合")).toBeVisible();
  expect(lost).toBe(true);

  const detail = (await (await page.request.get(`/api/v1/field/inspections/${insp.id}`)).json()) as Detail;
  expect(detail.results.filter((r) => r.itemId === a)).toHaveLength(1);
  expect(detail.results.filter((r) => r.itemId === b)).toHaveLength(1);
  expect(detail.results).toHaveLength(2);
});

test("李明 checks a unit on his phone: a hazard, a case, both inspectors and the unit sign, the record PDF", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await loginAs(page, "demo-officer");
  const insp = await drawnInspection(page.request);
  await page.goto("/inspections/field");
  await page.getByRole("link", { name: insp.unitName }).click();
  if (insp.status === "drawn") await page.getByRole("button", { name: "签到并开始检查" }).click();
  await expect(page.getByTestId("field-status")).toHaveText("检查中");

  const [hazardItem, caseItem, ...rest] = insp.items.map((i) => i.id);
  let card = await answer(page, hazardItem, "不符合");
  await card.getByLabel(`检查项${hazardItem}发现的问题`).fill("二楼疏散通道堆放纸箱，通道宽度不足");
  await card.getByText("登记隐患", { exact: true }).click();
  await card.getByRole("button", { name: "保存本项" }).click();
  await expect(card.getByText("已保存：不符合")).toBeVisible();

  card = await answer(page, caseItem, "不符合");
  await card.getByLabel(`检查项${caseItem}发现的问题`).fill("未建立安全风险分级管控制度");
  await card.getByText("立案", { exact: true }).click();
  await card.getByRole("button", { name: "保存本项" }).click();
  await expect(card.getByText("已保存：不符合")).toBeVisible();

  for (const id of rest) {
    card = await answer(page, id, "符合");
    await card.getByRole("button", { name: "保存本项" }).click();
    await expect(card.getByText("已保存：符合")).toBeVisible();
  }

  // the failed items: one hazard, one case
  const hz = page.getByTestId(`item-${hazardItem}`);
  await hz.getByLabel(`检查项${hazardItem}整改责任人`).fill("陈建国");
  await hz.getByRole("button", { name: "登记隐患" }).click();
  await expect(page.getByTestId(`hazard-${hazardItem}`)).toBeVisible();
  await page.getByTestId(`item-${caseItem}`).getByRole("button", { name: "立案" }).click();
  await expect(page.getByTestId(`case-${caseItem}`)).toContainText("已立案");

  // 李明 signs, then the unit
  await sign(page, "pad-inspector");
  await page.getByRole("button", { name: "确认签名" }).click();
  await expect(page.getByText(/^李明（执法人员）：已签名/)).toBeVisible();
  await page.getByLabel("被检查单位签名人姓名").fill("陈建国");
  await sign(page, "pad-representative");
  await page.getByRole("button", { name: "确认被检查单位签名" }).click();
  await expect(page.getByTestId("sig-representative")).toContainText("陈建国 已签名");

  // 王芳 signs on her own phone
  const other = await browser.newContext({
    viewport: { width: 375, height: 812 },
    isMobile: true,
    hasTouch: true,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
  });
  const wang = await other.newPage();
  await loginAs(wang, "demo-officer2");
  await wang.goto(`/inspections/field/${insp.id}`);
  await sign(wang, "pad-inspector");
  await wang.getByRole("button", { name: "确认签名" }).click();
  await expect(wang.getByText(/^王芳（执法人员）：已签名/)).toBeVisible();
  await other.close();

  await page.reload();
  await expect(page.getByText(/^王芳（执法人员）：已签名/)).toBeVisible();
  await page.getByRole("button", { name: "提交现场检查记录" }).click();
  await expect(page.getByTestId("record-no")).toContainText("检〔");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("record-pdf").click()]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "field-e2e-")), "record.pdf");
  await download.saveAs(file);
  const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString().replace(/\s+/g, "");
  for (const s of ["现场检查记录", insp.unitName, "二楼疏散通道堆放纸箱", "李明", "王芳", "陈建国"]) expect(text).toContain(s);
});
