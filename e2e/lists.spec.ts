// Lists in the browser: the public page (no login) shows 三明's 不予处罚 list with its 7 items; a
// list manager of 明溪县应急管理局 builds a small list with one item and one structured condition in
// the form, submits it, the 法制审核人员 approves it, and the manager publishes, files and revises it;
// an .xlsx import with preview; the 司法局 备案 board and the law library. Desktop and phone.
import ExcelJS from "exceljs";
import { DEMO_PASSWORD, expect, loginAs, logout, test } from "./fixtures";

test("the public page without login shows the 三明 不予处罚 list with 7 items, and search by matter name", async ({ page }, testInfo) => {
  await page.goto("/public/lists");
  await expect(page.getByRole("heading", { name: "柔性执法事项清单公开查询" })).toBeVisible();
  const list = page.getByTestId("public-list").filter({ hasText: "三明市应急管理局不予处罚事项清单" });
  await expect(list).toBeVisible();
  await expect(list.getByTestId("public-item")).toHaveCount(7);
  await expect(list.getByText("共7项")).toBeVisible();
  await list.getByText("1. 生产经营单位未向从业人员通报事故隐患排查治理情况的。").click();
  await expect(list.getByText("依据：《中华人民共和国行政处罚法》第三十三条", { exact: true })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("public-lists.png"), fullPage: true });

  await page.getByPlaceholder("按事项名称查询").fill("应急预案评审");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByTestId("public-list")).toHaveCount(1);
  await expect(page.getByTestId("public-list").getByText("三明市应急管理局减轻行政处罚事项清单")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("public-lists-search.png"), fullPage: true });
});

test("a list manager builds a list with one item and a condition in the form, submits it, the reviewer approves it, and the manager publishes, files and revises it", async ({
  page,
}, testInfo) => {
  test.slow();
  const title = `明溪县应急管理局不予处罚事项清单（${testInfo.project.name}-${Date.now().toString(36)}）`;
  await loginAs(page, "demo-listmanager-mx", DEMO_PASSWORD);
  await page.goto("/lists");
  await expect(page.getByRole("heading", { name: "清单管理" })).toBeVisible();
  await page.getByRole("tab", { name: /认领的清单/ }).click();
  await expect(page.getByRole("link", { name: "三明市应急管理局不予处罚事项清单" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("lists-claimed.png"), fullPage: true });
  await page.getByRole("tab", { name: "本单位清单" }).click();

  await page.getByRole("button", { name: "新建清单" }).click();
  const create = page.getByRole("dialog", { name: "新建清单" });
  await create.getByLabel("清单类型").click();
  await page.getByTitle("不予行政处罚事项清单").click();
  await create.getByLabel("标题").fill(title);
  await create.getByRole("button", { name: "创建" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();

  await page.getByRole("button", { name: "添加事项" }).click();
  const item = page.getByRole("dialog", { name: /事项 第1项/ });
  // A matter the case browser test does not use: a list published here applies to 明溪's cases.
  await item.getByLabel("处罚事项名称").fill("没有给工人发劳动防护用品");
  // The suggestions from the matter catalogue: pick the one the plain description meant.
  await page.locator(".ant-select-item-option").filter({ hasText: "YJ-AQSCF-099-05" }).click();
  await expect(item.getByLabel("处罚事项编码")).toHaveValue("YJ-AQSCF-099-05");
  await item.getByLabel("不予处罚的情形").fill("一般生产经营单位首次被发现，及时改正，没有造成危害后果的。");
  await item.getByLabel("不予处罚的依据").fill("《中华人民共和国行政处罚法》第三十三条第一款");
  await expect(item.getByText("《中华人民共和国行政处罚法》第三十三条第一款", { exact: true })).toBeVisible();
  await item.getByLabel("说服教育").check();
  await item.getByRole("button", { name: "添加条件" }).click();
  await expect(item.getByTestId("condition-row")).toHaveCount(1);
  await expect(item.getByText("属于首次被发现")).toBeVisible();
  await item.getByRole("button", { name: "添加条件" }).click();
  await expect(item.getByText("属于初次违法")).toBeVisible();
  // Change the second condition to 危害后果 and keep "没有造成危害后果".
  await item.getByLabel("第2个条件的类型").click();
  await page.getByTitle("危害后果", { exact: true }).click();
  await expect(item.getByText("没有造成危害后果").last()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("list-item-form.png"), fullPage: true });
  await item.getByRole("button", { name: "确定" }).click();
  await expect(item).toBeHidden();

  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByText("草稿已保存")).toBeVisible();
  await expect(page.getByText(/质量检查通过|质量检查：0个错误/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("list-draft.png"), fullPage: true });
  await page.getByRole("button", { name: "提交合法性审核" }).click();
  await expect(page.getByText("合法性审核中").first()).toBeVisible();
  await logout(page);

  await loginAs(page, "demo-reviewer", DEMO_PASSWORD);
  await page.goto("/lists?tab=review");
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await page.getByRole("button", { name: "审核通过" }).click();
  const approve = page.getByRole("dialog", { name: "合法性审核通过" });
  await approve.getByLabel("审核意见").fill("经审核，依据准确，同意发布。");
  await approve.getByRole("button", { name: "确定" }).click();
  await expect(page.getByText("审核通过", { exact: true }).first()).toBeVisible();
  await expect(page.getByText(/合法性审核通过：经审核，依据准确，同意发布。/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("list-approved.png"), fullPage: true });
  const url = page.url();
  await logout(page);

  // The list manager publishes, files with the 司法局 and starts a revision (version 2).
  await loginAs(page, "demo-listmanager-mx", DEMO_PASSWORD);
  await page.goto(url);
  await page.getByRole("button", { name: "发布" }).click();
  await page.getByRole("dialog", { name: "发布" }).getByRole("button", { name: "确定" }).click();
  await expect(page.getByText("待备案")).toBeVisible();
  await page.getByRole("button", { name: "报司法局备案" }).click();
  await expect(page.getByText("已按期备案")).toBeVisible();
  await expect(page.getByText(/报明溪县司法局/)).toBeVisible();
  await page.getByRole("button", { name: "修订（新建版本）" }).click();
  await expect(page.getByText("已新建第2版草稿")).toBeVisible();
  await expect(page.getByRole("combobox", { name: "版本" })).toBeVisible();
  await expect(page.getByText("第2版（草稿）")).toBeVisible();
  await expect(page.getByRole("cell", { name: /未为从业人员提供符合国家标准或者行业标准的劳动防护用品/ })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("list-revised.png"), fullPage: true });
});

test("a list manager imports an .xlsx in the annex layout: preview with row checks, then the new draft", async ({ page }, testInfo) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("附件");
  ws.addRow(["明溪县应急管理局从轻行政处罚事项清单"]);
  ws.addRow(["序号", "处罚事项\n名称", "从轻处罚\n的情形", "从轻处罚\n的依据", "配套监\n管措施", "备注"]);
  ws.addRow([
    "1",
    "生产经营单位未在有较大危险因素的生产经营场所设置明显的安全警示标志的。",
    "主动消除危害后果的。",
    "《中华人民共和国行政处罚法》第三十二条第（一）项",
    "说服教育、行政提示",
    "",
  ]);
  ws.addRow([
    "2",
    "生产经营单位未为从业人员提供符合国家标准的劳动防护用品的。",
    "主动消除危害后果的。",
    "《中华人民共和国行政处罚法》第三十二条第（一）项",
    "行政告诫",
    "",
  ]);
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());

  await loginAs(page, "demo-listmanager-mx", DEMO_PASSWORD);
  await page.goto("/lists");
  await page.getByRole("button", { name: "导入清单" }).click();
  const dialog = page.getByRole("dialog", { name: "导入清单" });
  await dialog
    .locator("input[type=file]")
    .setInputFiles({ name: "从轻清单.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer });
  await expect(dialog.getByText(/可以导入：《明溪县应急管理局从轻行政处罚事项清单》，从轻行政处罚事项清单，共2项/)).toBeVisible();
  await expect(dialog.getByText("无误", { exact: true })).toHaveCount(2);
  await page.screenshot({ path: testInfo.outputPath("list-import-preview.png"), fullPage: true });
  await dialog.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByRole("heading", { name: "明溪县应急管理局从轻行政处罚事项清单" })).toBeVisible();
  await expect(page.getByText("事项（2项）")).toBeVisible();
});

test("the 司法局 sees the 备案 board; the law library jumps to an article and shows the list items citing it", async ({ page }, testInfo) => {
  await loginAs(page, "demo-justice-city", DEMO_PASSWORD);
  await page.goto("/lists");
  await expect(page.getByRole("tab", { name: "备案情况", selected: true })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: "三明市应急管理局不予处罚事项清单" });
  await expect(row.getByText("已按期备案")).toBeVisible();
  await expect(row.getByText("三明市司法局")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("filing-board.png"), fullPage: true });

  await page.goto("/laws");
  await page.getByRole("link", { name: "中华人民共和国行政处罚法" }).first().click();
  await expect(page.getByRole("heading", { name: "中华人民共和国行政处罚法" })).toBeVisible();
  await page.getByLabel("条号").fill("33");
  await page.getByRole("button", { name: "跳转" }).click();
  const article = page.locator("#article-33");
  await expect(article).toContainText("违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。");
  await article.getByRole("button", { name: "引用本条的清单事项" }).click();
  const drawer = page.getByRole("dialog", { name: "《中华人民共和国行政处罚法》第三十三条" });
  await expect(drawer.getByRole("link", { name: /三明市应急管理局不予处罚事项清单（第1版）第\d项/ })).toHaveCount(7);
  await page.screenshot({ path: testInfo.outputPath("law-citing.png") });
});

test("a forbidden list URL (another organisation's draft, opened by URL) shows the Chinese 403 page, not an endless spinner", async ({
  page,
}, testInfo) => {
  const title = `三明市应急管理局从重处罚事项清单（${testInfo.project.name}-${Date.now().toString(36)}）`;
  await loginAs(page, "demo-listmanager", DEMO_PASSWORD);
  await page.goto("/lists");
  await page.getByRole("button", { name: "新建清单" }).click();
  const create = page.getByRole("dialog", { name: "新建清单" });
  await create.getByLabel("清单类型").click();
  await page.getByTitle("从重行政处罚事项清单").click();
  await create.getByLabel("标题").fill(title);
  await create.getByRole("button", { name: "创建" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  const url = page.url();
  await logout(page);

  await loginAs(page, "demo-listmanager-mx", DEMO_PASSWORD);
  await page.goto(url);
  await expect(page.getByText("无权查看该清单")).toBeVisible();
  await expect(page.getByText("您无权查看该单位的记录")).toBeVisible();
  await expect(page.locator(".ant-spin")).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("list-forbidden.png"), fullPage: true });
  await page.getByRole("link", { name: "返回清单列表" }).click();
  await expect(page.getByRole("heading", { name: "清单管理" })).toBeVisible();

  await page.goto("/lists/00000000-0000-4000-8000-000000000000");
  await expect(page.getByText("清单不存在", { exact: true })).toBeVisible();
});
