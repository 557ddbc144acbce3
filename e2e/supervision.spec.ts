// 监督检查 in the browser: the 明溪县司法局 supervisor opens the page from the menu, sees the overview of
// 明溪's organisations (and none of 晋江's) with their status tags, and the departures tab.
import { expect, loginAs, openMenu, test } from "./fixtures";

test("明溪县司法局 opens 监督检查 and sees the overview of its organisations", async ({ page }, testInfo) => {
  await loginAs(page, "demo-justice");
  const menu = await openMenu(page);
  await menu.getByRole("menuitem", { name: "监督检查" }).click();
  await expect(page.getByRole("heading", { name: "监督检查", exact: true })).toBeVisible();
  await expect(page.getByText(/^截至 \d{4}-\d{2}-\d{2}$/)).toBeVisible();

  // A table on a desktop, one card per organisation on a phone.
  const table = page.getByRole("tabpanel", { name: "单位总览" });
  await expect(table.getByText("明溪县应急管理局", { exact: true })).toBeVisible();
  await expect(table.getByText("晋江", { exact: false })).toHaveCount(0);
  // Every organisation carries a status: 正常 or one of the overdue tags.
  const tags = await table.locator(".ant-tag").allInnerTexts();
  expect(tags.length).toBeGreaterThan(0);
  for (const tag of tags) expect(["正常", "备案逾期", "整改逾期", "回访逾期", "报表逾期"]).toContain(tag.trim());
  // The demo's 三明 lists are claimed by 明溪县应急管理局: the lists column says so.
  await expect(table.getByText(/认领上级清单 \d+ 个/).first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("supervision-overview.png"), fullPage: true });

  await page.getByRole("tab", { name: /偏离建议/ }).click();
  await expect(page).toHaveURL(/tab=departures/);
  await expect(page.getByText(/偏离了系统研判建议|暂无偏离系统建议的处理决定/).first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("supervision-departures.png"), fullPage: true });
});
