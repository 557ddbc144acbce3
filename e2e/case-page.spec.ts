// The case pages an officer meets (issue 16, part 2): each defect the issue names, in the browser.
// The cases are opened through the API (the wizard itself is walked in cases.spec.ts).
import type { Page } from "@playwright/test";
import { demoUsers, expect, loginAs, test } from "./fixtures";

function shanghaiToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

/** A fresh 登记 case of 明溪县应急管理局 (未如实记录安全生产教育和培训情况), opened through the API. */
async function openCase(page: Page, partyName: string): Promise<string> {
  const session = await (await page.request.get("/api/v1/auth/me")).json();
  const users = (await (await page.request.get(`/api/v1/users?organisationId=${session.user.organisation.id}`)).json()).items as {
    id: string;
    roles: string[];
    licenceNo?: string;
    active: boolean;
  }[];
  const officerIds = users
    .filter((u) => u.roles.includes("officer") && u.licenceNo && u.active)
    .map((u) => u.id)
    .slice(0, 2);
  const today = shanghaiToday();
  const res = await page.request.post("/api/v1/cases", {
    headers: { "x-csrf-token": session.csrfToken },
    data: {
      party: {
        type: "enterprise",
        name: partyName,
        creditCode: "91350421MA2Y8K7P02",
        address: "福建省三明市明溪县雪峰镇城关工业园区8号",
        industryCategory: "general",
        contact: "陈建华",
      },
      matterCode: "YJ-AQSCF-097-04",
      facts: "检查发现该公司新入职3名员工已参加三级安全教育培训，但培训记录未如实填写培训时间和学时。",
      actDate: today,
      discoveredOn: today,
      inspection: { date: today, place: "公司生产车间及办公室", officerIds },
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).case.id as string;
}

async function answer(page: Page, question: string, option: string) {
  const item = page
    .locator(".ant-form-item")
    .filter({ has: page.getByText(question, { exact: false }) })
    .first();
  await item.getByText(option, { exact: true }).click();
}

test.describe("on a desktop", () => {
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures from an object pattern; this hook uses none
  test.beforeEach(({}, testInfo) => {
    test.skip(testInfo.project.name !== "desktop", "desktop layout; the phone has its own tests below");
  });

  test("研判 with nothing answered does not complete: the officer is asked to answer first and no proposal appears", async ({ page }) => {
    await loginAs(page, demoUsers.officer);
    const id = await openCase(page, "明溪县未答题竹木制品有限公司");
    await page.goto(`/cases/${id}`);
    await page.getByRole("button", { name: "研判", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "请至少回答一个违法情节问题后再研判" })).toBeVisible();
    await expect(page.getByTestId("proposed-outcome")).toHaveCount(0);
    await expect(page.getByText("研判完成")).toHaveCount(0);
    // Nothing was recorded: the timeline still has the registration only.
    await expect(page.locator(".ky-case-timeline").getByText("决策引擎研判")).toHaveCount(0);
  });

  test("the engine's open questions (胁迫、主动供述、立功) each get a field and their answers go in with the 研判", async ({ page }, testInfo) => {
    await loginAs(page, demoUsers.officer);
    const id = await openCase(page, "明溪县待确认竹木制品有限公司");
    await page.goto(`/cases/${id}`);
    // 当事人接受柔性执法 is not offered before there is a proposal.
    await expect(page.getByRole("button", { name: "当事人接受柔性执法" })).toHaveCount(0);
    await answer(page, "首次被发现？", "否");
    await answer(page, "初次违法？", "否");
    await answer(page, "改正情况", "未改正");
    await answer(page, "危害后果", "轻微");
    await page.getByRole("button", { name: "研判", exact: true }).click();
    await expect(page.getByText(/已研判，尚有 \d+ 个问题待确认/)).toBeVisible();
    await expect(page.getByText("研判完成")).toHaveCount(0);
    // An unfinished 研判 stays at 研判.
    await expect(page.locator(".ky-case-steps .ant-steps-item-process")).toContainText("研判");
    const form = page.locator(".ant-card").filter({ has: page.getByText("违法情节（研判）", { exact: true }) });
    for (const q of [
      "当事人是否受他人胁迫或者诱骗实施违法行为？",
      "当事人是否主动供述行政机关尚未掌握的违法行为？",
      "当事人是否配合行政机关查处违法行为有立功表现？",
    ]) {
      await expect(form.locator(".ant-form-item").filter({ hasText: q })).toBeVisible();
    }
    await page.screenshot({ path: testInfo.outputPath("open-questions.png"), fullPage: true });
    // Now the proposal may be given to the party.
    await expect(page.getByRole("button", { name: "当事人接受柔性执法" })).toBeVisible();

    // Answer every open question shown; the evaluation takes them all and the proposal becomes firm.
    const evaluated = page.waitForRequest((r) => r.url().endsWith(`/cases/${id}/evaluate`));
    const open = form.locator(".ant-form-item").filter({ has: page.getByText("待确认", { exact: true }) });
    const count = await open.count();
    expect(count).toBeGreaterThan(2);
    for (let i = 0; i < count; i++) {
      const item = open.nth(i);
      const no = item.getByText("否", { exact: true });
      await ((await no.count()) ? no : item.getByText("没有", { exact: true })).click();
    }
    await page.getByRole("button", { name: "重新研判" }).click();
    const sent = (await evaluated).postDataJSON() as { circumstances: Record<string, unknown> };
    expect(sent.circumstances).toMatchObject({ coercedOrDeceived: false, confessedUnknownViolation: false, meritoriousCooperation: false });
    await expect(page.getByText("研判完成")).toBeVisible();
    await expect(page.getByText("结论确定")).toBeVisible();
    await expect(form.getByText("待确认", { exact: true })).toHaveCount(0);
  });

  test("a wrong 统一社会信用代码 or phone is reported on the field at once, not after the last step", async ({ page }) => {
    await loginAs(page, demoUsers.officer);
    await page.goto("/cases/new");
    await page.getByLabel("单位名称").fill("明溪县校验竹木制品有限公司");
    await page.getByLabel("统一社会信用代码").fill("91350421MA2Y8K7P03");
    await page.getByLabel("地址").click();
    await expect(page.getByText("统一社会信用代码校验位不正确，请核对")).toBeVisible();
    await page.getByLabel("联系电话").fill("1385987123");
    await page.getByLabel("地址").click();
    await expect(page.getByText("手机号码应为以1开头的11位数字")).toBeVisible();
    // The wizard does not move on with them.
    await page.getByLabel("地址").fill("福建省三明市明溪县雪峰镇城关工业园区8号");
    await page.getByRole("button", { name: "下一步" }).click();
    await expect(page.getByLabel("看到了什么")).toBeHidden();
    // Corrected, the messages go and the wizard moves on.
    await page.getByLabel("统一社会信用代码").fill("91350421MA2Y8K7P02");
    await page.getByLabel("联系电话").fill("13859871234");
    await page.getByLabel("地址").click();
    await expect(page.getByText("统一社会信用代码校验位不正确，请核对")).toHaveCount(0);
    await expect(page.getByText("手机号码应为以1开头的11位数字")).toHaveCount(0);
    await page.getByRole("button", { name: "下一步" }).click();
    await expect(page.getByLabel("看到了什么")).toBeVisible();
  });

  test("the timeline shows 文书签发 and 送达 and not the 更新案件 noise", async ({ page }) => {
    await loginAs(page, demoUsers.officer);
    const docs = (await (await page.request.get("/api/v1/documents?limit=100")).json()).items as {
      caseId: string | null;
      deliveredCount: number;
      status: string;
    }[];
    const delivered = docs.find((d) => d.caseId && d.deliveredCount > 0 && d.status === "issued");
    expect(delivered, "a demo document delivered for a case").toBeTruthy();
    await page.goto(`/cases/${delivered!.caseId}`);
    const timeline = page.locator(".ky-case-timeline");
    await expect(timeline.getByText(/^文书签发：/).first()).toBeVisible();
    await expect(timeline.getByText(/^文书送达：/).first()).toBeVisible();
    await expect(timeline.getByText("更新案件")).toHaveCount(0);
  });

  test("送达人 is prefilled with the case's officers", async ({ page }) => {
    await loginAs(page, demoUsers.officer);
    const docs = (await (await page.request.get("/api/v1/documents?limit=100")).json()).items as {
      id: string;
      caseId: string | null;
      status: string;
      typeLabel: string;
      number: string;
    }[];
    const doc = docs.find((d) => d.caseId && d.status === "issued");
    expect(doc, "an issued demo document of a case").toBeTruthy();
    const file = await (await page.request.get(`/api/v1/cases/${doc!.caseId}`)).json();
    const officers = (file.case.inspection.officers as { name: string }[]).map((o) => o.name).join("、");
    expect(officers).not.toBe("");
    await page.goto(`/documents?open=${doc!.id}`);
    const drawer = page.getByRole("dialog", { name: `${doc!.typeLabel} ${doc!.number}` });
    await drawer.getByRole("button", { name: "记录送达" }).click();
    await expect(drawer.getByLabel("送达人", { exact: true })).toHaveValue(officers);
  });
});

test.describe("on a phone (390 px)", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures from an object pattern; this hook uses none
  test.beforeEach(({}, testInfo) => {
    test.skip(testInfo.project.name !== "mobile", "the viewport is forced; runs in the mobile project");
  });

  test("the case page shows one step at a time: a compact step indicator, the step's panels and 上一步/下一步", async ({ page }, testInfo) => {
    await loginAs(page, demoUsers.officer);
    const id = await openCase(page, "明溪县手机竹木制品有限公司");
    await page.goto(`/cases/${id}`);
    const indicator = page.getByRole("navigation", { name: "办案步骤" });
    await expect(page.getByTestId("case-step")).toHaveText("第 2 步（共 6 步）：研判");
    // No step bar wrapping one character per line: the indicator is one line of text and one of segments.
    await expect(page.locator(".ky-case-steps")).toHaveCount(0);
    expect((await indicator.boundingBox())!.height).toBeLessThan(80);
    await expect(page.getByText("违法情节（研判）", { exact: true })).toBeVisible();
    // Only this step: not the measures, the follow-up or the 案卷.
    await expect(page.getByText("柔性执法措施", { exact: true })).toHaveCount(0);
    await expect(page.getByText("全过程记录", { exact: true })).toHaveCount(0);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThan(2200);
    await page.screenshot({ path: testInfo.outputPath("phone-step-2.png"), fullPage: true });

    await page.getByRole("button", { name: "下一步：决定" }).click();
    await expect(page.getByTestId("case-step")).toContainText("第 3 步（共 6 步）：决定");
    await expect(page.getByText("违法情节（研判）", { exact: true })).toHaveCount(0);
    await page.getByRole("button", { name: "上一步：研判" }).click();
    await page.getByRole("button", { name: "上一步：登记" }).click();
    await expect(page.getByText("案件信息", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "上一步" })).toBeDisabled();
    await indicator.getByRole("button", { name: /^归档/ }).click();
    await expect(page.getByTestId("case-step")).toContainText("第 6 步（共 6 步）：归档");
    await expect(page.getByText("全过程记录", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "下一步" })).toBeDisabled();
  });
});
