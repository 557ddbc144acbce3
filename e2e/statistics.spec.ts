// 统计报表 and 数据驾驶舱 in the browser: a 司法局 user (三明市司法局) opens the city's annual form, clicks
// a number and sees the records behind it with their written records; the dashboard renders its charts
// and a figure opens its records.
import { expect, loginAs, test } from "./fixtures";

const year = new Date().getFullYear();

test("a 司法局 user opens the city's annual form, clicks a number and sees its records", async ({ page }, testInfo) => {
  await loginAs(page, "demo-justice-city");
  await page.goto("/statistics");
  await expect(page.getByRole("heading", { name: "统计报表", exact: true })).toBeVisible();
  const form = page.getByRole("table", { name: `${year}年度柔性执法统计报表` });
  await expect(form).toBeVisible();
  await expect(page.getByText("填报单位：三明市司法局")).toBeVisible();
  await expect(page.getByText("填表说明：")).toBeVisible();
  // The seed's 15 columns with their units, in order.
  const headers = await form.locator("th").allInnerTexts();
  expect(headers.map((h) => h.replace(/\s/g, ""))).toEqual([
    "不予行政处罚（件）",
    "减轻行政处罚（件）",
    "从轻行政处罚（件）",
    "不予行政强制（件）",
    "说服教育（件）",
    "劝导示范（件）",
    "行政指导（人次）",
    "行政奖励（人次）",
    "行政和解（件）",
    "行政建议（人次）",
    "行政提示（人次）",
    "行政约谈（件）",
    "行政告诫（件）",
    "行政回访（件）",
    "其他（件）",
  ]);
  const cell = form.getByRole("button", { name: /^说服教育：\d+件，查看记录$/ });
  const count = Number((await cell.innerText()).trim());
  expect(count).toBeGreaterThan(0);
  await page.screenshot({ path: testInfo.outputPath("statistics-form.png"), fullPage: true });

  await cell.click();
  const drawer = page.getByRole("dialog").filter({ hasText: "说服教育" });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByText(`共 ${count} 条记录`)).toBeVisible();
  const rows = drawer.locator("tbody tr.ant-table-row");
  await expect(rows.first()).toBeVisible();
  await expect(rows.first()).toContainText(`柔〔${year}〕`);
  await expect(rows.first()).toContainText("说服教育");
  await page.screenshot({ path: testInfo.outputPath("statistics-records.png"), fullPage: false });
});

test("the dashboard renders its charts and a figure opens its records", async ({ page }, testInfo) => {
  await loginAs(page, "demo-justice-city");
  await page.goto("/statistics/dashboard");
  await expect(page.getByRole("heading", { name: "数据驾驶舱", exact: true })).toBeVisible();
  for (const name of ["处理决定按月统计图", "柔性执法措施按月统计图", "按部门统计图", "按地区统计图", "高频违法事项统计图"]) {
    const chart = page.getByRole("img", { name });
    await expect(chart).toBeVisible();
    await expect(chart.locator("canvas")).toHaveCount(1);
  }
  await expect(page.getByText("减轻当事人经济负担")).toBeVisible();
  // Let the chart animations finish before the screenshot: every canvas unchanged between two polls.
  await page.waitForFunction(
    () => {
      const w = window as unknown as { __chartPixels?: string };
      const now = [...document.querySelectorAll("canvas")].map((c) => c.toDataURL()).join("|");
      const settled = now === w.__chartPixels;
      w.__chartPixels = now;
      return settled;
    },
    undefined,
    { polling: 150 },
  );
  await page.screenshot({ path: testInfo.outputPath("dashboard.png"), fullPage: true });

  await page.getByRole("button", { name: "减轻当事人经济负担，查看记录" }).click();
  const drawer = page.getByRole("dialog").filter({ hasText: "减轻当事人经济负担" });
  await expect(drawer).toBeVisible();
  await expect(drawer.locator("tbody tr.ant-table-row").first()).toBeVisible();
  await drawer
    .getByRole("button", { name: "Close" })
    .or(drawer.getByRole("button", { name: "关闭" }))
    .first()
    .click();
  await expect(drawer).toBeHidden();

  // Click a bar of the matters chart: its records open.
  const chart = page.getByRole("img", { name: "高频违法事项统计图" });
  await chart.scrollIntoViewIfNeeded();
  const b = (await chart.boundingBox())!;
  // The bars' places depend on the viewport and the data: click down the middle of the chart until a
  // click lands on a bar (a click on empty space does nothing). A bar's click asks for its records at
  // once; the drawer may take longer to show on a busy machine, and a further click would land on its
  // mask and close it — so the request, not the drawer, ends the search.
  for (let dy = 12; dy < Math.min(b.height - 20, 360); dy += 12) {
    const asked = page
      .waitForRequest((r) => r.url().includes("/api/v1/statistics/records"), { timeout: 500 })
      .then(
        () => true,
        () => false,
      );
    await page.mouse.click(b.x + b.width * 0.5, b.y + dy);
    if (await asked) break;
  }
  const matterDrawer = page.getByRole("dialog").filter({ hasText: /YJ-/ });
  await expect(matterDrawer).toBeVisible();
  await expect(matterDrawer.locator("tbody tr.ant-table-row").first()).toBeVisible();
});
