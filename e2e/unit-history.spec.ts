// 单位档案 (issue 10 item 1): "A case's party links to its pool entry, so a unit's history (inspections,
// hazards, cases, soft measures) shows on one page." An officer opens a unit's 档案 from the pool list
// (the unit's name) and from a case (检查对象档案 next to the party) and sees the four sections, each
// count equal to its rows.
import { expect, loginAs, test } from "./fixtures";

// A desk flow (units list, case page): it runs in the desktop project.
test.skip(({ isMobile }) => isMobile, "desktop flow: the desktop project");

interface CaseItem {
  id: string;
  caseNo: string;
  partyType: string;
  partyName: string;
  partyCreditCode: string | null;
}

test("an officer opens a unit's 档案 from the units list and from a case and sees its inspections, hazards, cases and soft measures", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await loginAs(page, "demo-officer");
  // A case of the county whose party is an enterprise; the pool gets that enterprise if it lacks it.
  const cases = (await (await page.request.get("/api/v1/cases")).json()) as { items: CaseItem[] };
  const c = cases.items.find((x) => x.partyType === "enterprise" && x.partyCreditCode)!;
  expect(c, "a demo case of an enterprise").toBeTruthy();
  const code = c.partyCreditCode!;
  const pool = (await (await page.request.get(`/api/v1/inspections/units?q=${code}`)).json()) as { items: { id: string; name: string }[] };
  let unit = pool.items[0];
  if (!unit) {
    const session = (await (await page.request.get("/api/v1/auth/me")).json()) as { csrfToken: string };
    const res = await page.request.post("/api/v1/inspections/units", {
      headers: { "x-csrf-token": session.csrfToken },
      data: { creditCode: code, name: c.partyName, regionCode: "350421", industry: "其他", riskLevel: "低" },
    });
    expect(res.status(), await res.text()).toBe(201);
    unit = (await res.json()) as { id: string; name: string };
  }

  // From the units list: the unit's name opens its 档案.
  await page.goto("/inspections/units");
  await page.getByPlaceholder("单位名称或统一社会信用代码").fill(code);
  await page.getByPlaceholder("单位名称或统一社会信用代码").press("Enter");
  await page.getByRole("link", { name: unit.name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/inspections/units/${unit.id}$`));
  await expect(page.getByRole("heading", { name: unit.name })).toBeVisible();
  await expect(page.getByTestId("unit-card")).toContainText(code);
  for (const [testId, title] of [
    ["history-inspections", "检查记录"],
    ["history-hazards", "隐患"],
    ["history-cases", "案件"],
    ["history-measures", "柔性执法措施"],
  ]) {
    const section = page.getByTestId(testId);
    await expect(section).toContainText(title);
    // The count in the title is the number of rows listed.
    const heading = (await section.locator(".ant-card-head-title").innerText()).trim();
    const count = Number(/（(\d+)）/.exec(heading)?.[1]);
    await expect(section.locator(".ant-list-item")).toHaveCount(count);
  }
  const caseRow = page.getByTestId("history-cases").getByRole("link", { name: c.caseNo });
  await expect(caseRow).toBeVisible();

  // From the case: the link next to the party opens the same 档案.
  await caseRow.click();
  await expect(page).toHaveURL(new RegExp(`/cases/${c.id}$`));
  await page.getByTestId("pool-unit-link").click();
  await expect(page).toHaveURL(new RegExp(`/inspections/units/${unit.id}$`));
  await expect(page.getByTestId("history-cases")).toContainText(c.caseNo);
  await expect(page.getByTestId("history-measures")).toBeVisible();
});
