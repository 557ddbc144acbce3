import { chromium } from "@playwright/test";
const base = "http://127.0.0.1:3102";
const out = "/tmp/cp/shots";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
async function session(width, height, mobile) {
  const ctx = await browser.newContext({ viewport: { width, height }, locale: "zh-CN", timezoneId: "Asia/Shanghai", isMobile: mobile, hasTouch: mobile });
  const page = await ctx.newPage();
  page.on("pageerror", (e) => console.log("PAGEERROR", e.message));
  await page.goto(base + "/login");
  await page.getByLabel("用户名").fill("demo-officer");
  await page.getByLabel("密码").fill("Kuanyan@2026");
  await page.getByRole("button", { name: "登录" }).click();
  await page.getByRole("heading", { name: "工作台" }).waitFor();
  return page;
}
const desktop = await session(1440, 900, false);
const s = await (await desktop.request.get(base + "/api/v1/auth/me")).json();
const users = (await (await desktop.request.get(`${base}/api/v1/users?organisationId=${s.user.organisation.id}`)).json()).items;
const officerIds = users.filter((u) => u.roles.includes("officer") && u.licenceNo && u.active).map((u) => u.id).slice(0, 2);
const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
const res = await desktop.request.post(base + "/api/v1/cases", { headers: { "x-csrf-token": s.csrfToken }, data: {
  party: { type: "enterprise", name: "明溪县截图竹木制品有限公司", creditCode: "91350421MA2Y8K7P02", address: "福建省三明市明溪县雪峰镇城关工业园区8号", industryCategory: "general" },
  matterCode: "YJ-AQSCF-097-04", facts: "检查发现该公司新入职3名员工培训记录未如实填写培训时间和学时。", actDate: today, discoveredOn: today,
  inspection: { date: today, place: "公司生产车间", officerIds } } });
const f = await res.json();
const ev = await desktop.request.post(`${base}/api/v1/cases/${f.case.id}/evaluate`, { headers: { "x-csrf-token": s.csrfToken }, data: { lockVersion: f.case.lockVersion, circumstances: { firstTimeFound: false, correction: "not_corrected", harm: "minor" } } });
console.log("evaluate", ev.status());
const phone = await session(390, 844, true);
for (const [name, page] of [["desktop", desktop], ["phone", phone]]) {
  await page.goto(`${base}/cases/${f.case.id}`);
  await page.getByTestId("case-status").waitFor();
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${out}/open-questions-${name}.png`, fullPage: true });
  await page.screenshot({ path: `${out}/open-questions-${name}-top.png` });
  console.log(name, await page.evaluate(() => document.documentElement.scrollHeight));
}
// archive confirmation on a case ready to close
const list = (await (await desktop.request.get(base + "/api/v1/cases")).json()).items;
for (const c of list.filter((x) => x.status === "in_progress" || x.status === "decided")) {
  const file = await (await desktop.request.get(`${base}/api/v1/cases/${c.id}`)).json();
  if (file.closeProblems.length === 0 && file.case.allowedActions.includes("close")) {
    for (const [name, page] of [["desktop", desktop], ["phone", phone]]) {
      await page.goto(`${base}/cases/${c.id}`);
      await page.getByTestId("case-status").waitFor();
      if (name === "phone") await page.getByRole("navigation", { name: "办案步骤" }).getByRole("button", { name: /^归档/ }).click();
      await page.getByRole("button", { name: "办结归档" }).click();
      await page.getByRole("dialog").waitFor();
      await page.waitForTimeout(500);
      await page.screenshot({ path: `${out}/archive-confirm-${name}.png` });
      await page.getByRole("dialog").getByRole("button", { name: "取消" }).click();
    }
    break;
  }
}
// new case form with a bad credit code on the phone
await phone.goto(base + "/cases/new");
await phone.getByLabel("统一社会信用代码").fill("91350421MA2Y8K7P03");
await phone.getByLabel("联系电话").fill("1385987");
await phone.getByLabel("地址").click();
await phone.waitForTimeout(500);
await phone.screenshot({ path: `${out}/new-bad-codes-phone.png` });
await browser.close();
