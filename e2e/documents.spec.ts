// 文书 in the browser: an officer issues a 行政告诫书 for a demo case (the case fills what it knows, the
// officer types only the rest, with a live preview), the party signs on a phone-sized screen, the signed
// PDF is downloadable, and the public verification page (no login) says the signed file is unchanged.
import fs from "node:fs";
import { expect, loginAs, demoUsers, test } from "./fixtures";

test("an officer issues a 行政告诫书, the party signs on a phone, the signed PDF downloads and verifies", async ({ page, browser }, testInfo) => {
  // Runs once, in the desktop project: the test opens its own phone-sized context for the signing part.
  test.skip(testInfo.project.name !== "desktop", "the phone part opens its own phone-sized context");
  test.slow();
  await loginAs(page, demoUsers.officer);

  // A demo case whose correction deadline (if any) is not past.
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
  const cases = (await (await page.request.get("/api/v1/documents/cases?limit=100")).json()).items as {
    id: string;
    caseNo: string;
    partyName: string;
    correctionDue: string | null;
  }[];
  const c = cases.find((x) => !x.correctionDue || x.correctionDue >= today);
  expect(c, "a demo case to issue for").toBeTruthy();

  await page.goto(`/documents?issue=warning&caseId=${c!.id}`);
  await expect(page.getByRole("tab", { name: "签发文书", selected: true })).toBeVisible();
  const preview = page.getByRole("document", { name: "文书预览" });
  await expect(preview.getByText("行政告诫书")).toBeVisible();
  await expect(preview.getByText(`${c!.partyName}：`)).toBeVisible();
  const due = page.getByLabel("改正期限");
  if (await due.count()) {
    const d = new Date(Date.now() + 15 * 86400_000);
    await due.fill(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(d));
  }
  const issued = page.waitForResponse((r) => r.url().endsWith("/api/v1/documents") && r.request().method() === "POST");
  await page.getByRole("button", { name: "签发" }).click();
  const res = await issued;
  expect(res.status(), await res.text()).toBe(201);
  const doc = (await res.json()) as { id: string; number: string; shortCode: string };
  expect(doc.number).toMatch(/^明溪应急告〔\d{4}〕\d+号$/);
  await expect(page.getByRole("dialog", { name: `行政告诫书 ${doc.number}` })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("documents-issued.png"), fullPage: true });

  // The party signs on a phone-sized screen.
  const phone = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    acceptDownloads: true,
  });
  const mobile = await phone.newPage();
  await loginAs(mobile, demoUsers.officer);
  await mobile.goto(`/documents?open=${doc.id}`);
  const drawer = mobile.getByRole("dialog", { name: `行政告诫书 ${doc.number}` });
  await expect(drawer).toBeVisible();
  await drawer.getByRole("button", { name: "记录送达" }).click();
  await drawer.getByLabel("送达人", { exact: true }).fill("李明、王芳");
  const pad = drawer.getByLabel("签名板");
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await mobile.mouse.move(box.x + 20, box.y + box.height / 2);
  await mobile.mouse.down();
  for (let i = 1; i <= 12; i++) await mobile.mouse.move(box.x + 20 + i * 20, box.y + box.height / 2 + (i % 2 ? -25 : 25));
  await mobile.mouse.up();
  await expect(drawer.getByText("已签名")).toBeVisible();
  await drawer.getByRole("button", { name: "保存送达记录" }).click();
  await expect(drawer.getByText("直接送达")).toBeVisible();
  await mobile.screenshot({ path: testInfo.outputPath("documents-signed-phone.png"), fullPage: true });

  const download = mobile.waitForEvent("download");
  await drawer.getByRole("link", { name: "下载签收件" }).click();
  const file = await (await download).path();
  const bytes = fs.readFileSync(file!);
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");

  // Public verification, no login: the signed copy is recognised as unchanged.
  const anonymous = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    viewport: { width: 375, height: 812 },
    isMobile: true,
    hasTouch: true,
    locale: "zh-CN",
  });
  const visitor = await anonymous.newPage();
  await visitor.goto(`/verify/${doc.shortCode}`);
  await expect(visitor.getByText(doc.number)).toBeVisible();
  await expect(visitor.getByText("明溪县应急管理局")).toBeVisible();
  await expect(visitor.getByText(c!.partyName)).toHaveCount(0);
  await visitor.locator('input[type="file"]').setInputFiles({ name: "signed.pdf", mimeType: "application/pdf", buffer: bytes });
  await expect(visitor.getByText("未被篡改").first()).toBeVisible();
  await visitor
    .locator('input[type="file"]')
    .setInputFiles({ name: "changed.pdf", mimeType: "application/pdf", buffer: Buffer.concat([bytes, Buffer.from("\n%tampered")]) });
  await expect(visitor.getByText("与签发文件不一致").first()).toBeVisible();
  await phone.close();
  await anonymous.close();
});
