// 系统管理 in the browser: a 单位管理员 manages the users of their organisation (create, edit, reset
// password, disable) and the new user can log in and change their password; a 系统管理员 creates and
// edits an organisation in the tree. Runs on desktop and phone (each project with its own names).
import { DEMO_PASSWORD, demoUsers, expect, loginAs, logout, submitLogin, test } from "./fixtures";

test("a 单位管理员 creates a user who can log in, resets the password, then disables the user", async ({ page }, testInfo) => {
  test.slow(); // six logins, each an argon2 verification
  const username = `e2e-${testInfo.project.name}-${Date.now().toString(36)}`;
  // A name of its own per project and per attempt: a retry must not find the first attempt's user.
  const person = `测试执法员${(testInfo.project.name === "mobile" ? ["乙", "丁", "己"] : ["甲", "丙", "戊"])[testInfo.retry] ?? testInfo.retry}`;
  const initialPassword = "Start2026abc";
  const resetPassword = "Reset2026abc";
  const ownPassword = "Mine2026abc";

  await loginAs(page, demoUsers.orgAdmin);
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { name: "用户管理" })).toBeVisible();
  // The 单位管理员 sees the users of 明溪县应急管理局.
  await expect(page.getByRole("cell", { name: "李明（执法人员）" })).toBeVisible();

  await page.getByRole("button", { name: "新建用户" }).click();
  const dialog = page.getByRole("dialog", { name: "新建用户" });
  await dialog.getByLabel("用户名").fill(username);
  await dialog.getByLabel("姓名").fill(person);
  await dialog.getByLabel("初始密码").fill("short");
  // No role is chosen before the administrator chooses one; the 执法证号 field comes with 执法人员.
  const roleGroup = dialog.getByRole("group", { name: "角色" });
  await expect(roleGroup.getByRole("checkbox", { checked: true })).toHaveCount(0);
  await expect(dialog.getByLabel("执法证号")).toHaveCount(0);
  await roleGroup.getByRole("checkbox", { name: "执法人员" }).check();
  await dialog.getByLabel("执法证号").fill("35042120269999");
  await dialog.getByRole("button", { name: "保存" }).click();
  // The form checks the password policy before anything is sent.
  await expect(dialog.getByText("密码至少 8 位")).toBeVisible();
  await dialog.getByLabel("初始密码").fill(initialPassword);
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole("row").filter({ hasText: person });
  await expect(row).toBeVisible();
  await expect(row.getByText("执法人员")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("admin-users.png"), fullPage: true });

  // Edit the name.
  await row.getByRole("button", { name: "编辑" }).click();
  const edit = page.getByRole("dialog", { name: /编辑用户/ });
  await expect(edit.getByLabel("用户名")).toBeDisabled();
  await edit.getByLabel("姓名").fill(`${person}改`);
  await edit.getByRole("button", { name: "保存" }).click();
  await expect(edit).toBeHidden();
  const renamed = page.getByRole("row").filter({ hasText: `${person}改` });
  await expect(renamed).toBeVisible();

  // Reset the password.
  await renamed.getByRole("button", { name: "重置密码" }).click();
  const reset = page.getByRole("dialog", { name: /重置密码/ });
  await reset.getByLabel("新密码").fill(resetPassword);
  await reset.getByRole("button", { name: "重置" }).click();
  await expect(reset).toBeHidden();
  await logout(page);

  // The new user logs in with the reset password and chooses their own.
  await submitLogin(page, username, resetPassword);
  await expect(page.getByRole("heading", { name: "工作台" })).toBeVisible();
  await expect(page.getByText("35042120269999")).toBeVisible();
  await page.goto("/profile");
  await page.getByLabel("当前密码").fill(resetPassword);
  await page.getByLabel("新密码", { exact: true }).fill(ownPassword);
  await page.getByLabel("确认新密码").fill(ownPassword);
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByText("密码已修改")).toBeVisible();
  await logout(page);
  await submitLogin(page, username, ownPassword);
  await expect(page.getByRole("heading", { name: "工作台" })).toBeVisible();
  await logout(page);

  // The administrator disables the user, who then cannot log in.
  await loginAs(page, demoUsers.orgAdmin);
  await page.goto("/admin/users");
  const target = page.getByRole("row").filter({ hasText: `${person}改` });
  await target.getByRole("button", { name: "停用" }).click();
  await page.getByRole("tooltip").getByRole("button", { name: "停用" }).click();
  await expect(target.getByText("已停用")).toBeVisible();
  await logout(page);
  await submitLogin(page, username, ownPassword);
  // A disabled account gets the same answer as a wrong password (nothing reveals it exists).
  await expect(page.locator(".ky-login").getByRole("alert")).toHaveText("用户名或密码错误");
  await expect(page).toHaveURL(/\/login/);
});

test("新建用户表单不预选角色，执法证号“ABC”当场提示格式，改正后保存的用户在列表中可见", async ({ page }, testInfo) => {
  test.slow();
  const username = `e2e-lic-${testInfo.project.name}-${Date.now().toString(36)}`;
  const person = `证号测试员${testInfo.project.name === "mobile" ? "乙" : "甲"}${testInfo.retry || ""}`;
  // The 系统管理员 works in 三明市司法局; the list shows that organisation's users.
  await loginAs(page, demoUsers.sysAdmin);
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { name: "用户管理" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "陈文华（市司法局监督）" })).toBeVisible();

  await page.getByRole("button", { name: "新建用户" }).click();
  const dialog = page.getByRole("dialog", { name: "新建用户" });
  const roleGroup = dialog.getByRole("group", { name: "角色" });
  await expect(roleGroup.getByRole("checkbox", { name: "执法人员" })).not.toBeChecked();
  await expect(roleGroup.getByRole("checkbox", { checked: true })).toHaveCount(0);
  await dialog.getByLabel("用户名").fill(username);
  await dialog.getByLabel("姓名").fill(person);
  await dialog.getByLabel("初始密码").fill("Start2026abc");
  // The user belongs to 明溪县应急管理局, not to the organisation the list shows.
  await dialog.getByLabel("所属单位").fill("明溪县应急");
  await page.locator(".ant-select-dropdown:visible").getByTitle("明溪县应急管理局", { exact: true }).click();
  await roleGroup.getByRole("checkbox", { name: "执法人员" }).check();
  // The format is checked as it is typed, before anything is sent.
  await dialog.getByLabel("执法证号").fill("ABC");
  await expect(dialog.getByText(/执法证号应为 8–20 位数字/)).toBeVisible();
  await dialog.getByLabel("执法证号").fill("35042120268888");
  await expect(dialog.getByText(/执法证号应为 8–20 位数字/)).toHaveCount(0);
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(dialog).toBeHidden();

  // The list shows the new user's organisation and the new user.
  const row = page.getByRole("row").filter({ hasText: person });
  await expect(row).toBeVisible();
  await expect(row.getByText("执法人员")).toBeVisible();
  // …because the list now shows 明溪县应急管理局 (三明市司法局's users are no longer listed).
  await expect(page.getByRole("cell", { name: "陈文华（市司法局监督）" })).toHaveCount(0);
  await expect(page.getByRole("cell", { name: "李明（执法人员）" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("admin-users-new-visible.png"), fullPage: true });
});

test("a wrong current password on 个人中心 is refused with a Chinese message", async ({ page }) => {
  await loginAs(page, demoUsers.listManager);
  await page.goto("/profile");
  await page.getByLabel("当前密码").fill("not-my-password1");
  await page.getByLabel("新密码", { exact: true }).fill("Another2026x");
  await page.getByLabel("确认新密码").fill("Another2026y");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByText("两次输入的新密码不一致")).toBeVisible();
  await page.getByLabel("确认新密码").fill("Another2026x");
  await page.getByRole("button", { name: "修改密码" }).click();
  // The server's answer is shown next to the field and as a message.
  await expect(page.getByText("当前密码不正确").first()).toBeVisible();
  // The old password still works.
  await logout(page);
  await submitLogin(page, demoUsers.listManager, DEMO_PASSWORD);
  await expect(page.getByRole("heading", { name: "工作台" })).toBeVisible();
});

test("a 系统管理员 creates an organisation below 三明市应急管理局 and edits it", async ({ page }, testInfo) => {
  const name = `明溪县测试执法局${testInfo.project.name === "mobile" ? "乙" : "甲"}${Date.now().toString(36)}`;
  await loginAs(page, demoUsers.sysAdmin);
  await page.goto("/admin/organisations");
  const tree = page.getByRole("tree", { name: "组织机构树" });
  await tree.getByText("三明市应急管理局", { exact: true }).click();
  await page.getByRole("button", { name: "新建下级机构" }).click();

  const dialog = page.getByRole("dialog", { name: "新建组织机构" });
  await dialog.getByLabel("机构名称").fill(name);
  await dialog.getByLabel("简称").fill("明测");
  // 行政区划: 福建省 / 三明市 / 明溪县
  await dialog.getByLabel("行政区划").click();
  // The cascader loads each level from the server; on a busy machine the first click can land
  // before the menu takes clicks, so click again until the cities are there.
  await expect(async () => {
    await page.getByRole("menuitemcheckbox", { name: "福建省" }).click();
    await expect(page.getByRole("menuitemcheckbox", { name: "三明市" })).toBeVisible({ timeout: 3000 });
  }).toPass({ timeout: 30_000 });
  await page.getByRole("menuitemcheckbox", { name: "三明市" }).click();
  await page.getByRole("menuitemcheckbox", { name: "明溪县" }).click();
  await page.keyboard.press("Escape");
  await expect(dialog.getByTitle("福建省 / 三明市 / 明溪县")).toBeVisible();
  // The parent's domain is proposed.
  await expect(dialog.getByTitle("应急管理", { exact: true })).toBeVisible();
  await dialog.getByLabel("联系电话").fill("0598-1234567");
  await page.screenshot({ path: testInfo.outputPath("admin-organisation-form.png"), fullPage: true });
  // On the phone, a full-page screenshot can leave the modal so that a field covers the button for
  // pointer hit-testing; pressing the button from the keyboard is what a user of a screen reader does.
  await dialog.getByRole("button", { name: "保存" }).focus();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();

  await expect(tree.getByText(name)).toBeVisible();
  const details = page.getByRole("table").filter({ hasText: "机构名称" });
  await expect(details.getByText("三明市应急管理局")).toBeVisible();
  await expect(details.getByText(/明溪县（350421）/)).toBeVisible();
  await expect(details.getByText(/0598/)).toBeVisible();

  await page.getByRole("button", { name: "编辑", exact: true }).click();
  const edit = page.getByRole("dialog", { name: /编辑组织机构/ });
  await expect(edit.getByTitle("福建省 / 三明市 / 明溪县")).toBeVisible();
  await edit.getByLabel("联系人").fill("测试联系人");
  await edit.getByRole("button", { name: "保存" }).click();
  await expect(edit).toBeHidden();
  await expect(details.getByText("测试联系人")).toBeVisible();
});
