// Shared pieces of the browser tests: the demo accounts and small page helpers.
import { expect, test as base, type Page } from "@playwright/test";

/** Password of every demo user (packages/server/src/demo). */
export const DEMO_PASSWORD = "Kuanyan@2026";

export const demoUsers = {
  officer: "demo-officer",
  legalReviewer: "demo-reviewer",
  listManager: "demo-listmanager",
  orgAdmin: "demo-orgadmin",
  justiceSupervisor: "demo-justice",
  sysAdmin: "demo-admin",
} as const;

/** Fill the login form and submit it (does not wait for the result). */
export async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

/** Log in through the login page and wait for the console's home page (工作台). */
export async function loginAs(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await submitLogin(page, username, password);
  await expect(page.getByRole("heading", { name: "工作台" })).toBeVisible();
}

/** The side menu: opens the Drawer first on a phone-sized screen. */
export async function openMenu(page: Page) {
  const drawerButton = page.getByRole("button", { name: "打开菜单" });
  if (await drawerButton.isVisible()) {
    await drawerButton.click();
  }
  const menu = page.getByRole("menu", { name: "主菜单" });
  await expect(menu).toBeVisible();
  return menu;
}

/** Log out through the user menu in the header and wait for the login page. */
export async function logout(page: Page): Promise<void> {
  // The user menu is a dropdown with an opening animation; on the 2-core CI machine a click can land
  // while it is still moving and be lost. Open it and click again until the login page shows.
  await expect(async () => {
    if (!/\/login/.test(page.url())) {
      const item = page.getByRole("menuitem", { name: "退出登录" });
      if (!(await item.isVisible())) await page.getByRole("button", { name: /^当前用户：/ }).click();
      await item.click({ timeout: 3000 });
    }
    await expect(page).toHaveURL(/\/login/, { timeout: 3000 });
  }).toPass({ timeout: 20_000 });
}

/**
 * The test object of every spec: like Playwright's, and it fails a test whose page threw an
 * uncaught error (a crash in the console that the assertions might not notice) or reported a
 * Content-Security-Policy violation.
 */
export const test = base.extend<{ failOnPageError: void }>({
  failOnPageError: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      // A resource the Content-Security-Policy blocked is a broken page too (issue 15, edge).
      page.on("console", (m) => {
        if (/Content Security Policy/i.test(m.text())) errors.push(m.text());
      });
      await use();
      expect(errors, "uncaught errors in the page").toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };
