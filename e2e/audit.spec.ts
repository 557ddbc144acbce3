// The 系统管理员 checks the audit hash chain on the audit page: the chain is intact, a checkpoint
// can be exported and downloaded, and events show Chinese names and record names, not ids.
import { demoUsers, expect, loginAs, logout, test } from "./fixtures";

test("系统管理员在审计日志页校验审计链、导出检查点，事件显示中文名称与对象名称", async ({ page }, testInfo) => {
  await loginAs(page, demoUsers.sysAdmin);
  await page.goto("/admin/users"); // a read of personal data: leaves 查看用户列表
  await expect(page.getByRole("heading", { name: "用户管理" })).toBeVisible();
  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { name: "审计日志" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "查看用户列表", exact: true }).first()).toBeVisible();

  await page.getByRole("button", { name: "立即导出检查点" }).click();
  await expect(page.getByText(/共 \d+ 个检查点|^\d+$/).first()).toBeVisible();
  await page.getByRole("button", { name: "校验审计链" }).click();
  await expect(page.getByText(/审计链完整：共 \d+ 条/)).toBeVisible();
  await expect(page.getByText(/已对照 [1-9]\d* 个检查点/)).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /下载检查点文件/ }).click();
  expect((await download).suggestedFilename()).toMatch(/^audit-checkpoints-.*\.jsonl$/);
  await page.screenshot({ path: testInfo.outputPath("admin-audit-chain.png"), fullPage: true });
  await logout(page);
});
