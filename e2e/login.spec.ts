// A newcomer opens the console, is sent to the login page, logs in as the demo 执法人员, sees the
// console in Chinese and logs out; a wrong password shows the server's Chinese error. Runs on the
// desktop and on a 375×812 phone screen (projects in playwright.config.ts).
import { DEMO_PASSWORD, demoUsers, expect, loginAs, logout, openMenu, submitLogin, test } from "./fixtures";

const moduleMenu = ["工作台", "清单管理", "案件办理", "文书", "统计报表", "监督检查", "个人中心"];

test("a new user is sent to the login page, logs in as the demo officer, sees the console in Chinese and logs out", async ({ page }, testInfo) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { name: "宽严 · 柔性执法平台" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "账号登录" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await page.screenshot({ path: testInfo.outputPath("login-page.png"), fullPage: true });

  await submitLogin(page, demoUsers.officer, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { name: "工作台" })).toBeVisible();
  await expect(page).toHaveTitle("工作台 - 宽严 · 柔性执法平台");

  // The home page shows who is logged in, their organisation and role.
  await expect(page.getByText("明溪县应急管理局").first()).toBeVisible();
  await expect(page.getByText("执法人员", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("执法证号")).toBeVisible();
  await expect(page.getByRole("link", { name: "案件办理" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("console-home.png"), fullPage: true });

  // Every module is in the menu; 系统管理 is not, an officer does not administer the system.
  const menu = await openMenu(page);
  for (const name of moduleMenu) {
    await expect(menu.getByRole("menuitem", { name })).toBeVisible();
  }
  await expect(menu.getByRole("menuitem", { name: "系统管理" })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("console-menu.png"), fullPage: true });

  // The menu leads to the pages.
  await menu.getByRole("menuitem", { name: "个人中心" }).click();
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByRole("heading", { name: "个人中心" })).toBeVisible();
  await expect(page.getByText("35042120260001")).toBeVisible();

  // The administration pages are closed to an officer even by address.
  await page.goto("/admin/users");
  await expect(page.getByText("无权访问")).toBeVisible();

  await logout(page);
  await expect(page.getByRole("heading", { name: "账号登录" })).toBeVisible();
  // After logging out the console is closed again.
  await page.goto("/profile");
  await expect(page).toHaveURL(/\/login\?redirect=%2Fprofile$/);
});

test("a wrong password shows the Chinese error 用户名或密码错误 and keeps the user on the login page", async ({ page }, testInfo) => {
  await page.goto("/login");
  await submitLogin(page, demoUsers.officer, "wrong-password-1");
  await expect(page.locator(".ky-login").getByRole("alert")).toHaveText("用户名或密码错误");
  await expect(page).toHaveURL(/\/login$/);
  await page.screenshot({ path: testInfo.outputPath("login-wrong-password.png"), fullPage: true });

  // The right password still works afterwards (one failure does not lock the account).
  await submitLogin(page, demoUsers.officer, DEMO_PASSWORD);
  await expect(page.getByRole("heading", { name: "工作台" })).toBeVisible();
});

test("after logging in the user returns to the page they first asked for", async ({ page }) => {
  await page.goto("/profile");
  await expect(page).toHaveURL(/\/login\?redirect=%2Fprofile$/);
  await submitLogin(page, demoUsers.officer, DEMO_PASSWORD);
  await expect(page.getByRole("heading", { name: "个人中心" })).toBeVisible();
  await expect(page.getByLabel("当前密码")).toBeVisible();
  await expect(page.getByRole("button", { name: "修改密码" })).toBeVisible();
});

test("the empty login form names the missing fields in Chinese", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByText("请输入用户名")).toBeVisible();
  await expect(page.getByText("请输入密码")).toBeVisible();
});

test.describe("as the demo 系统管理员", () => {
  test("sees 系统管理 with the organisation tree, users and audit log", async ({ page }, testInfo) => {
    await loginAs(page, demoUsers.sysAdmin);
    const menu = await openMenu(page);
    await menu.getByRole("menuitem", { name: "系统管理" }).click();
    await menu.getByRole("menuitem", { name: "组织机构" }).click();
    await expect(page.getByRole("heading", { name: "组织机构" })).toBeVisible();
    const tree = page.getByRole("tree", { name: "组织机构树" });
    await expect(tree.getByText("明溪县司法局")).toBeVisible();
    await expect(tree.getByText("晋江市应急管理局")).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("admin-organisations.png"), fullPage: true });

    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { name: "用户管理" })).toBeVisible();
    await page.goto("/admin/audit");
    await expect(page.getByRole("heading", { name: "审计日志" })).toBeVisible();
    await expect(page.getByRole("cell", { name: "登录", exact: true }).first()).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("admin-audit.png"), fullPage: true });
    await logout(page);
  });
});
