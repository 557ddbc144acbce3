// Times on the console are China's (Asia/Shanghai) whatever the browser's time zone: an officer
// whose laptop is set to New York still sees the audit event at its Beijing time.
import { demoUsers, expect, loginAs, logout, test } from "./fixtures";

test.use({ timezoneId: "America/New_York" });

/** An instant as Beijing's "YYYY-MM-DD HH:mm:ss" (UTC+8, computed here without the browser). */
const beijing = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ");

test("浏览器时区为纽约时，审计日志仍按北京时间显示", async ({ page }) => {
  await loginAs(page, demoUsers.sysAdmin);
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe("America/New_York");
  const res = await page.request.get("/api/v1/audit?limit=1");
  expect(res.ok()).toBe(true);
  const [event] = (await res.json()).items as { at: string }[];
  const shown = beijing(event.at);
  const newYork = await page.evaluate((at) => new Date(at).toLocaleString("sv-SE", { hour12: false }), event.at);
  expect(newYork).not.toBe(shown);

  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { name: "审计日志" })).toBeVisible();
  await expect(page.getByRole("cell", { name: shown, exact: true }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: newYork, exact: true })).toHaveCount(0);
  await logout(page);
});
