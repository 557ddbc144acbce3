// 工作台 · 我的待办 in the browser: an officer sees his cases' deadlines (the same entries as the API,
// overdue ones marked) and opens a case from the list; a 单位管理员 sees his three sections and goes
// from 本单位逾期案件 to the overdue board; a 司法局 supervisor sees the departures to look at.
import type { Page } from "@playwright/test";
import { expect, loginAs, test } from "./fixtures";

interface Todo {
  today: string;
  sections: {
    key: string;
    title: string;
    count: number;
    overdue: number;
    items: { title: string; link: string; overdue: boolean; label: string }[];
  }[];
}

async function apiTodo(page: Page): Promise<Todo> {
  const res = await page.request.get("/api/v1/home/todo");
  expect(res.status()).toBe(200);
  return (await res.json()) as Todo;
}

test("执法人员 sees his cases' deadlines on the home page and opens a case from the to-do list", async ({ page }, testInfo) => {
  await loginAs(page, "demo-officer");
  const todo = await apiTodo(page);
  expect(todo.sections.map((s) => s.key)).toEqual(["deadlines"]);
  const deadlines = todo.sections[0];
  const card = page.getByRole("region", { name: deadlines.title });
  await expect(card).toBeVisible();
  await expect(page.getByText(`今天 ${todo.today}`)).toBeVisible();
  const links = card.getByRole("link").filter({ hasNotText: "查看全部" }).filter({ hasNotText: /^还有/ });
  await expect(links).toHaveCount(Math.min(5, deadlines.items.length));
  if (deadlines.overdue > 0) await expect(card.getByText(`逾期 ${deadlines.overdue}`, { exact: true })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("home-officer.png"), fullPage: true });

  // Open a case made through the use cases (cases/demo.ts, numbered 〔year〕N号). The generated demo cases
  // (〔year〕D-N号 / P-N号) are left out: their inspection record has `officers: 2`, on which the case
  // page currently fails (reported to the lead; the case page is not this module's).
  const index = deadlines.items.slice(0, 5).findIndex((i) => !/〔\d{4}〕[DP]-/.test(i.title));
  expect(index, "the demo officer has a use-case case among his first five deadlines").toBeGreaterThanOrEqual(0);
  const entry = deadlines.items[index];
  await expect(links.nth(index)).toHaveText(entry.title);
  await links.nth(index).click();
  await expect(page).toHaveURL(new RegExp(`${entry.link}$`));
  await expect(page.getByRole("heading", { name: entry.title.split(" ")[0] })).toBeVisible();
});

test("单位管理员 sees approvals, the unit's overdue cases and the reports to file, and goes to the overdue board", async ({ page }, testInfo) => {
  await loginAs(page, "demo-orgadmin");
  const todo = await apiTodo(page);
  expect(todo.sections.map((s) => s.key)).toEqual(["approvals", "unit_overdue", "statistics_reports"]);
  for (const s of todo.sections) {
    const region = page.getByRole("region", { name: s.title });
    await expect(region).toBeVisible();
    if (s.count === 0) await expect(region.getByText("暂无待办")).toBeVisible();
    else await expect(region.getByText(s.items[0].title, { exact: true }).first()).toBeVisible();
  }
  const reports = todo.sections[2];
  if (reports.count > 5) await expect(page.getByRole("link", { name: `还有 ${reports.count - 5} 项，查看全部` })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("home-orgadmin.png"), fullPage: true });

  await page.getByRole("region", { name: "本单位逾期案件" }).getByRole("link", { name: "查看全部" }).click();
  await expect(page).toHaveURL(/\/cases\?tab=overdue$/);
  await expect(page.getByRole("tab", { name: "逾期看板", selected: true })).toBeVisible();
});

test("司法局监督人员 sees the decisions that departed from the proposal and goes to the departures tab", async ({ page }) => {
  await loginAs(page, "demo-justice");
  const todo = await apiTodo(page);
  expect(todo.sections.map((s) => s.key)).toEqual(["departures"]);
  const region = page.getByRole("region", { name: "偏离系统建议的处理决定" });
  await expect(region).toBeVisible();
  await region.getByRole("link", { name: "查看全部" }).click();
  await expect(page).toHaveURL(/\/supervision\?tab=departures$/);
});
