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

test("监督检查 shows 执法检查与隐患整改 with the demo's figures, and 逾期未整改 opens the ledger filtered", async ({ page }, testInfo) => {
  await loginAs(page, "demo-justice");
  await page.goto("/supervision");
  await expect(page.getByRole("heading", { name: "监督检查", exact: true })).toBeVisible();
  const year = Number((await page.getByText(/^截至 \d{4}-\d{2}-\d{2}$/).innerText()).slice(3, 7));
  // The figures of the demo data as the server counts them, for the supervisor's scope.
  const res = await page.request.get(`/api/v1/hazards/figures?year=${year}`);
  expect(res.status()).toBe(200);
  const f = (await res.json()) as {
    inspections: { planned: number; done: number; doneOnTime: number };
    hazards: { found: number; rectified: number; overdue: number; rectificationRate: number | null };
  };
  expect(f.hazards.found).toBeGreaterThan(0);
  const card = page.getByTestId("field-figures");
  await expect(card.getByText(`执法检查与隐患整改（${year}年）`)).toBeVisible();
  const figure = (label: string) => card.getByRole("link", { name: new RegExp(`^${label} `) });
  await expect(figure("计划检查")).toHaveAccessibleName(`计划检查 ${f.inspections.planned}，查看记录`);
  await expect(figure("已检查")).toHaveAccessibleName(`已检查 ${f.inspections.done}，查看记录`);
  await expect(figure("按期完成")).toHaveAccessibleName(`按期完成 ${f.inspections.doneOnTime}，查看记录`);
  await expect(figure("发现隐患")).toHaveAccessibleName(`发现隐患 ${f.hazards.found}，查看记录`);
  await expect(figure("已整改")).toHaveAccessibleName(`已整改 ${f.hazards.rectified}，查看记录`);
  await expect(figure("逾期未整改")).toHaveAccessibleName(`逾期未整改 ${f.hazards.overdue}，查看记录`);
  const rate = f.hazards.rectificationRate === null ? "—" : `${f.hazards.rectificationRate}%`;
  await expect(figure("整改率")).toHaveAccessibleName(`整改率 ${rate}，查看记录`);
  await expect(card.getByText("参考值：种子数据003 为 87%")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("supervision-field-figures.png"), fullPage: true });

  await figure("逾期未整改").click();
  await expect(page).toHaveURL(new RegExp(`/hazards\\?year=${year}&overdue=true$`));
  await expect(page.getByRole("heading", { name: "隐患台账", exact: true })).toBeVisible();
  const rows = page.locator("tbody tr.ant-table-row");
  if (f.hazards.overdue === 0) await expect(page.locator(".ant-table-placeholder")).toBeVisible();
  else await expect(rows).toHaveCount(Math.min(f.hazards.overdue, 50));
});
