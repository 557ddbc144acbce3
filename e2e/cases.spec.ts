// 案件办理 in the browser, on a phone held in one hand: the demo officer of 明溪县应急管理局 registers
// a general enterprise that did not record its safety training truthfully (未如实记录安全生产教育和
// 培训情况), answers the engine's questions, confirms 不予行政处罚 under 三明's claimed list, records
// the 行政告诫 and the 回访 and archives the case; in a second case the party asks for the ordinary
// procedure and soft enforcement ends.
import type { Page, TestInfo } from "@playwright/test";
import { expect, loginAs, test } from "./fixtures";

test.describe.configure({ timeout: 180_000 });
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
// The wizard is for a phone: the viewport above is forced, so one project is enough.
// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures from an object pattern; this hook uses none
test.beforeEach(({}, testInfo) => {
  // Skipped in the desktop project only: the same test runs in the mobile project.
  // Behind haproxy (KUANYAN_E2E_TOPOLOGY=haproxy) only the desktop project runs: the viewport is forced anyway.
  test.skip(testInfo.project.name !== "mobile" && process.env.KUANYAN_E2E_TOPOLOGY !== "haproxy", "phone-only wizard; runs in the mobile project");
});

const CREDIT_CODE = "91350421MA2Y8K7P02";

function shanghaiToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}
function daysBefore(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

async function shot(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  await page.screenshot({ path: testInfo.outputPath(`${name}-top.png`) });
}

/** Intake through the wizard; returns on the case page. */
async function registerCase(page: Page, testInfo: TestInfo, partyName: string) {
  const today = shanghaiToday();
  await page.goto("/cases");
  await page.getByRole("button", { name: "登记案件" }).click();
  await expect(page.getByRole("heading", { name: "登记案件" })).toBeVisible();

  // 1. 当事人
  await page.getByLabel("单位名称").fill(partyName);
  await page.getByLabel("统一社会信用代码").fill(CREDIT_CODE);
  await page.getByLabel("地址").fill("福建省三明市明溪县雪峰镇城关工业园区8号");
  await page.getByLabel("联系人").fill("陈建华");
  await page.getByLabel("联系电话").fill("13859871234");
  await shot(page, testInfo, "wizard-1-party");
  await page.getByRole("button", { name: "下一步" }).click();

  // 2. 执法事项: typing what was seen.
  await page.getByLabel("看到了什么").fill("培训记录没有如实记录");
  const suggestion = page.getByRole("button", { name: /未如实记录安全生产教育和培训情况/ }).first();
  await expect(suggestion).toBeVisible();
  await shot(page, testInfo, "wizard-2-matter");
  await suggestion.click();
  await expect(page.getByText("已选择")).toBeVisible();
  await page.getByRole("button", { name: "下一步" }).click();

  // 3. 检查与事实: two officers with 执法证号.
  await page.getByLabel("违法行为发生日期").fill(daysBefore(today, 9));
  await page.getByLabel("发现日期").fill(daysBefore(today, 1));
  await page.getByLabel("检查日期").fill(daysBefore(today, 1));
  await page.getByLabel("检查地点").fill("公司生产车间及办公室");
  await page.getByRole("checkbox", { name: /王芳/ }).check();
  await page.getByLabel("违法事实").fill("检查发现该公司新入职3名员工已参加三级安全教育培训，但培训记录未如实填写培训时间和学时。");
  await shot(page, testInfo, "wizard-3-inspection");
  await page.getByRole("button", { name: "登记", exact: true }).click();
  await expect(page.getByTestId("case-status")).toHaveText("登记");
}

/** On a phone the case page shows one step at a time: open a step by its segment in the step indicator. */
async function openStep(page: Page, step: string) {
  await page
    .getByRole("navigation", { name: "办案步骤" })
    .getByRole("button", { name: new RegExp(`^${step}`) })
    .click();
  await expect(page.getByTestId("case-step")).toContainText(`：${step}`);
}

async function answer(page: Page, question: string | RegExp, option: string) {
  const item = page
    .locator(".ant-form-item")
    .filter({ has: page.getByText(question, { exact: false }) })
    .first();
  await item.getByText(option, { exact: true }).click();
}

test("an officer completes a 不予处罚 case for 未如实记录安全生产教育和培训情况 at a general enterprise, from intake to archive", async ({
  page,
}, testInfo) => {
  await loginAs(page, "demo-officer");
  await registerCase(page, testInfo, "明溪县鑫源竹木制品有限公司");

  // Circumstances → the engine's proposal, with the list item's own question.
  await answer(page, "首次被发现？", "是");
  await answer(page, "改正情况", "当场改正");
  await answer(page, "危害后果", "没有");
  await page.getByRole("button", { name: "研判", exact: true }).click();
  const listQuestion = page.locator(".ant-form-item").filter({ hasText: "有证据证明已按规定进行了安全生产教育和培训" });
  await expect(listQuestion).toBeVisible();
  await listQuestion.getByText("是", { exact: true }).click();
  await page.getByRole("button", { name: "重新研判" }).click();
  await expect(page.getByTestId("proposed-outcome")).toHaveText("不予行政处罚");
  await expect(page.getByText(/不予处罚事项清单（第1版）第4项/)).toBeVisible();
  await expect(page.getByText(/《中华人民共和国行政处罚法》第三十三条/).first()).toBeVisible();
  await shot(page, testInfo, "case-proposal");

  // The 研判 is complete: the page moves on to 决定, with the proposal on top.
  await expect(page.getByTestId("case-step")).toContainText("第 3 步（共 6 步）：决定");

  // The party accepts soft enforcement; the officer confirms the proposal.
  await page.getByRole("button", { name: "当事人接受柔性执法" }).click();
  await expect(page.getByText("已记录：当事人接受柔性执法")).toBeVisible();
  await page.getByRole("button", { name: /采纳建议：/ }).click();
  await expect(page.getByTestId("case-status")).toHaveText("已决定");
  await expect(page.getByText(/处理决定：不予行政处罚（轻微告诫改正）/)).toBeVisible();

  await expect(page.getByTestId("case-step")).toContainText("：措施与整改");

  // Archiving is refused until the education record exists.
  await openStep(page, "归档");
  await expect(page.getByText("缺少对当事人进行教育的书面记录", { exact: false })).toBeVisible();
  await openStep(page, "措施与整改");

  // 行政告诫 with its written record.
  const measure = page
    .locator(".ant-card")
    .filter({ has: page.getByText("柔性执法措施", { exact: true }) })
    .first();
  await measure.getByLabel("书面记录").fill("向企业负责人送达行政告诫书，告知如实记录安全生产教育和培训情况的要求。");
  await measure.getByRole("button", { name: "记录措施" }).click();
  await expect(page.getByText("措施已记录")).toBeVisible();
  await expect(page.getByTestId("case-status")).toHaveText("措施/整改/回访中");

  // 回访 with the form's fields, including the party's evaluation of the officers.
  await page.getByRole("button", { name: "下一步：回访" }).click();
  const followUp = page.locator(".ant-card").filter({ has: page.getByText("回访（行政执法案件回访登记表）") });
  await followUp.getByLabel("行政执法决定执行情况，违法行为整改情况").fill("企业已补全培训记录并建立培训台账。");
  await followUp.getByText("满意", { exact: true }).click();
  await followUp.getByLabel("对执法机关的建议及需要帮助解决的问题").fill("希望多开展安全培训指导。");
  await shot(page, testInfo, "case-follow-up");
  await followUp.getByRole("button", { name: "记录回访" }).click();
  await expect(page.getByText("回访已记录")).toBeVisible();

  // The 不予行政处罚决定书 is issued (documents module) before archiving.
  const caseUrl = page.url();
  await openStep(page, "归档");
  const issue = page.getByRole("button", { name: "签发不予行政处罚决定书" });
  const issuing = await issue.isVisible();
  if (issuing) {
    await issue.click();
    await expect(page.getByRole("tab", { name: "签发文书" })).toHaveAttribute("aria-selected", "true");
    await page.getByLabel("不予处罚的情节").fill("你单位属于首次被发现，已当场改正，没有造成危害后果");
    // 证据 comes from the case when evidence was uploaded; otherwise the officer names it.
    const evidenceField = page.locator("#field-evidence");
    if (await evidenceField.isVisible()) await evidenceField.fill("现场检查笔录、培训记录复印件");
    await page.getByLabel("教育及守法要求").fill("认真学习安全生产法律法规，如实记录安全生产教育和培训情况");
    await page.getByLabel("行政复议机关").fill("明溪县人民政府");
    await page.getByLabel("人民法院").fill("明溪县人民法院");
    await page.getByRole("button", { name: "签发", exact: true }).click();
    await expect(page.getByText(/明溪/).first()).toBeVisible();
    // The issued document opens in its drawer: wait until it is loaded and has slid fully into view.
    const issued = page.getByRole("dialog", { name: /不予行政处罚决定书 \S+/ });
    await expect(issued.getByText("SHA-256")).toBeVisible();
    await expect(issued.getByRole("button", { name: "打印" })).toBeInViewport({ ratio: 1 });
    await shot(page, testInfo, "case-document-issued");
    await page.goto(caseUrl);
    await openStep(page, "归档");
  }

  // Archive: confirmed first, saying what locks; the case is locked and the 案卷 shows the whole trail.
  await page.getByRole("button", { name: "办结归档" }).click();
  const confirm = page.getByRole("dialog", { name: "确认办结归档？" });
  await expect(confirm.getByText("不能再记录柔性执法措施、复查和回访")).toBeVisible();
  await shot(page, testInfo, "case-archive-confirm");
  // Cancelling leaves the case open.
  await confirm.getByRole("button", { name: "取消" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByTestId("case-status")).toHaveText("措施/整改/回访中");
  await page.getByRole("button", { name: "办结归档" }).click();
  await confirm.getByRole("button", { name: "归档并锁定" }).click();
  await expect(page.getByTestId("case-status")).toHaveText("办结归档");
  await expect(page.getByRole("button", { name: "记录措施" })).toHaveCount(0);
  for (const step of ["登记案件", "决策引擎研判", "采纳研判建议，作出处理决定", "回访（登记表）", "办结归档"]) {
    await expect(page.getByText(step, { exact: true }).first()).toBeVisible();
  }
  // The timeline names the issued documents and leaves out the bookkeeping of a recorded measure.
  const timeline = page.locator(".ky-case-timeline");
  if (issuing) await expect(timeline.getByText(/^文书签发：不予行政处罚决定书 /)).toBeVisible();
  await expect(timeline.getByText("更新案件")).toHaveCount(0);
  await shot(page, testInfo, "case-archived");

  // The list finds it as closed.
  await page.goto("/cases");
  await page.getByLabel("搜索案件").fill("鑫源竹木");
  await page.getByLabel("搜索案件").press("Enter");
  const row = page.locator(".ky-case-cards .ant-list-item").filter({ hasText: "明溪县鑫源竹木制品有限公司" }).first();
  await expect(row.getByText("办结归档")).toBeVisible();
  await shot(page, testInfo, "case-list");
});

test("the party asks for the ordinary procedure and soft enforcement ends with the reason recorded", async ({ page }, testInfo) => {
  await loginAs(page, "demo-officer");
  await registerCase(page, testInfo, "明溪县兴旺竹业加工厂");
  // Before any proposal the party may already ask for the ordinary procedure, but acceptance of soft
  // enforcement is offered only once there is a proposal to tell the party of.
  await openStep(page, "决定");
  await expect(page.getByRole("button", { name: "当事人要求适用普通程序" })).toBeVisible();
  await expect(page.getByRole("button", { name: "当事人接受柔性执法" })).toHaveCount(0);
  await openStep(page, "研判");
  await answer(page, "首次被发现？", "否");
  await page.getByRole("button", { name: "研判", exact: true }).click();
  await expect(page.getByTestId("proposed-outcome")).toBeVisible();
  await openStep(page, "决定");
  await expect(page.getByRole("button", { name: "当事人接受柔性执法" })).toBeVisible();
  const choice = page.locator(".ant-card").filter({ hasText: "告知当事人自主选择" });
  await choice.getByLabel("当事人陈述（要求适用普通程序时填写）").fill("当事人对检查认定的事实有异议，要求按一般程序调查处理。");
  await choice.getByRole("button", { name: "当事人要求适用普通程序" }).click();
  await expect(page.getByTestId("case-status")).toHaveText("已转出");
  await expect(page.getByText(/已转出：当事人要求适用普通程序，终止柔性执法/)).toBeVisible();
  await expect(page.getByText("当事人要求适用普通程序", { exact: true }).first()).toBeVisible();
  await shot(page, testInfo, "case-party-chose-ordinary");

  // The overdue board and the review queue open for the officer too.
  await page.goto("/cases?tab=overdue");
  await expect(page.getByRole("tab", { name: "逾期看板" })).toHaveAttribute("aria-selected", "true");
  await shot(page, testInfo, "overdue-board");
});

test("a case registered in error is voided by the legal reviewer with the reason recorded; the officer cannot void it", async ({
  page,
}, testInfo) => {
  await loginAs(page, "demo-officer");
  await registerCase(page, testInfo, "明溪县误登记建材有限公司");
  const url = page.url();
  await openStep(page, "登记");
  await expect(page.locator(".ant-card").filter({ hasText: "案件信息" })).toBeVisible();
  await expect(page.locator(".ant-card").filter({ hasText: "撤销立案（作废）" })).toHaveCount(0);

  await page.context().clearCookies();
  await loginAs(page, "demo-reviewer");
  await page.goto(url);
  // Voiding belongs to the registration (登记) step.
  await openStep(page, "登记");
  const card = page.locator(".ant-card").filter({ hasText: "撤销立案（作废）" });
  await card.getByLabel("撤销理由").fill("登记错误");
  await card.getByRole("button", { name: "撤销立案" }).click();
  await expect(card.getByText("请说明撤销理由（不少于10个字）")).toBeVisible();
  await card.getByLabel("撤销理由").fill("当事人名称登记错误，实为另一企业，予以撤销");
  await card.getByRole("button", { name: "撤销立案" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "撤销立案" }).click();
  await expect(page.getByTestId("case-status")).toHaveText("已撤销");
  await expect(page.getByText("撤销立案：当事人名称登记错误，实为另一企业，予以撤销")).toBeVisible();
  await expect(page.getByText("撤销立案（作废）").first()).toBeVisible();
  await shot(page, testInfo, "case-voided");
});

test("the case list pages with 下一页 and 上一页 and says how many cases match", async ({ page }, testInfo) => {
  await loginAs(page, "demo-officer");
  await page.goto("/cases");
  const pager = page.locator(".ky-case-pager");
  await expect(pager.getByText(/^共 \d+ 条 · 第 1 页$/)).toBeVisible();
  const total = Number((await pager.getByText(/^共 \d+ 条/).textContent())!.match(/共 (\d+) 条/)![1]);
  expect(total).toBeGreaterThan(20);
  const cards = page.locator(".ky-case-cards .ant-list-item");
  await expect(cards).toHaveCount(20);
  const firstOnPage1 = await cards.first().textContent();
  await pager.getByRole("button", { name: "下一页" }).click();
  await expect(pager.getByText(/第 2 页$/)).toBeVisible();
  await expect(cards.first()).not.toHaveText(firstOnPage1!);
  await shot(page, testInfo, "case-list-page-2");
  await pager.getByRole("button", { name: "上一页" }).click();
  await expect(pager.getByText(/第 1 页$/)).toBeVisible();
  await expect(cards.first()).toHaveText(firstOnPage1!);
  await expect(pager.getByRole("button", { name: "上一页" })).toBeDisabled();
  // Another filter starts again at the first page.
  await pager.getByRole("button", { name: "下一页" }).click();
  await expect(pager.getByText(/第 2 页$/)).toBeVisible();
  await page.getByLabel("状态").click();
  await page.getByTitle("办结归档").click();
  await expect(pager.getByText(/第 1 页$/)).toBeVisible();
});
