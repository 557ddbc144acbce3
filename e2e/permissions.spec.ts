// The console shows each user what the server's permission table allows (the session's permissions),
// not what the web derives from roles: the 报送报表 button only to who may file the statistics report.
import { demoUsers, expect, loginAs, openMenu, test } from "./fixtures";

test("报送报表按钮只对可报送统计报表的单位管理员显示，执法人员和司法局监督人员看不到", async ({ page }, testInfo) => {
  await loginAs(page, demoUsers.orgAdmin);
  await page.goto("/statistics");
  await page.getByRole("tab", { name: "报送", exact: true }).click();
  await expect(page.getByRole("button", { name: /^(报送报表|更正报表)$/ })).toBeVisible();
  await expect(page.getByText("报表由本单位的单位管理员报送、更正。")).toHaveCount(0);

  for (const [user, tab] of [
    [demoUsers.officer, "报送"],
    [demoUsers.justiceSupervisor, "报送与报送情况"],
  ] as const) {
    await page.context().clearCookies();
    await loginAs(page, user);
    await page.goto("/statistics");
    await page.getByRole("tab", { name: tab, exact: true }).click();
    await expect(page.getByText("报表由本单位的单位管理员报送、更正。")).toBeVisible();
    await expect(page.getByRole("button", { name: /^(报送报表|更正报表)$/ })).toHaveCount(0);
  }
  await page.screenshot({ path: testInfo.outputPath("statistics-no-file-button.png"), fullPage: true });
});

test("法制审核人员可查看审计日志（权限表允许），但看不到组织机构和用户管理", async ({ page }) => {
  await loginAs(page, demoUsers.legalReviewer);
  const menu = await openMenu(page);
  await menu.getByRole("menuitem", { name: "系统管理" }).click();
  await expect(menu.getByRole("menuitem", { name: "审计日志" })).toBeVisible();
  await expect(menu.getByRole("menuitem", { name: "用户管理" })).toHaveCount(0);
  await expect(menu.getByRole("menuitem", { name: "组织机构" })).toHaveCount(0);
  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { name: "审计日志" })).toBeVisible();
  // The log names the action, the person and the record in Chinese, not by code and UUID (on the phone too).
  const login = page.getByRole("row").filter({ hasText: "赵敏（法制审核）（demo-reviewer）" }).first();
  await expect(login.getByRole("cell", { name: "登录", exact: true })).toBeVisible();
  await expect(page.getByText(/^[0-9a-f]{8}-[0-9a-f]{4}-/)).toHaveCount(0);
  // The hash chain is the system administrator's.
  await expect(page.getByRole("button", { name: "校验审计链" })).toHaveCount(0);
});
