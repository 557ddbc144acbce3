// 工作台待办 per role, within the user's data scope, on a fixed day (2026-07-01 in China): what each
// role's section lists, what it leaves out, and that an entry links to its record.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { ZTodo } from "@kuanyan/contract/home";
import { testApp, type Session, type TestApp } from "../testing/app";
import { addDays } from "./getTodo";

type Todo = z.infer<typeof ZTodo>;

const NOW = new Date("2026-07-01T02:00:00Z");
const today = "2026-07-01";
let t: TestApp;
let mx: { id: string; region_code: string };
let jj: { id: string; region_code: string };
const userIds = new Map<string, string>();

beforeAll(async () => {
  t = await testApp({ now: () => NOW });
  [mx] = await t.database.query<{ id: string; region_code: string }>("SELECT id, region_code FROM organisations WHERE name = '明溪县应急管理局'");
  [jj] = await t.database.query<{ id: string; region_code: string }>("SELECT id, region_code FROM organisations WHERE name = '晋江市应急管理局'");
  for (const r of await t.database.query<{ id: string; username: string }>("SELECT id, username FROM users")) userIds.set(r.username, r.id);
}, 120_000);
afterAll(async () => t?.close());

let seq = 0;
async function insertCase(fields: Record<string, unknown>, org = mx): Promise<{ id: string; caseNo: string }> {
  seq++;
  const row: Record<string, unknown> = {
    region_code: org.region_code,
    organisation_id: org.id,
    case_no: `待办测试〔2026〕${seq}号`,
    status: "decided",
    party_type: "enterprise",
    party_name: `待办测试企业${seq}`,
    matter_code: "TODO-TEST-001",
    matter_name: "未按规定开展安全生产教育和培训",
    act_date: addDays(today, -60),
    discovered_on: addDays(today, -50),
    created_by: userIds.get("demo-officer"),
    ...fields,
  };
  const cols = Object.keys(row);
  const [{ id }] = await t.database.query<{ id: string }>(
    `INSERT INTO cases (${cols.join(", ")}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(", ")}) RETURNING id`,
    Object.values(row),
  );
  return { id, caseNo: String(row.case_no) };
}

async function insertTask(caseId: string, kind: "reinspection" | "follow_up", dueOn: string, doneOn: string | null = null, org = mx) {
  await t.database.query("INSERT INTO case_tasks (region_code, organisation_id, case_id, kind, due_on, done_on) VALUES ($1, $2, $3, $4, $5, $6)", [
    org.region_code,
    org.id,
    caseId,
    kind,
    dueOn,
    doneOn,
  ]);
}

async function todo(username: string): Promise<Todo> {
  const s: Session = await t.login(username);
  const res = await t.get("/api/v1/home/todo", s);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Todo;
}

const sectionOf = (todoList: Todo, key: string) => {
  const s = todoList.sections.find((x) => x.key === key);
  if (!s) throw new Error(`no section ${key}: ${todoList.sections.map((x) => x.key).join(", ")}`);
  return s;
};

describe("工作台待办：执法人员", () => {
  it("lists his cases whose 改正期限, 复查 or 回访 falls within 7 days or is overdue — not later ones, done ones or a colleague's", async () => {
    const correction = await insertCase({ correction_due: addDays(today, 3) });
    const followUp = await insertCase({ status: "in_progress" });
    await insertTask(followUp.id, "follow_up", addDays(today, 5));
    const overdue = await insertCase({ status: "in_progress" });
    await insertTask(overdue.id, "reinspection", addDays(today, -2));
    const later = await insertCase({ status: "in_progress" });
    await insertTask(later.id, "follow_up", addDays(today, 10));
    const done = await insertCase({ status: "in_progress" });
    await insertTask(done.id, "follow_up", addDays(today, 2), addDays(today, -1));
    const colleagues = await insertCase({ status: "in_progress", created_by: userIds.get("demo-officer2") });
    await insertTask(colleagues.id, "follow_up", addDays(today, -3));
    // A case where he was among the inspecting officers counts as his too.
    const inspected = await insertCase({
      correction_due: addDays(today, 1),
      created_by: userIds.get("demo-officer2"),
      inspection: { officerIds: [userIds.get("demo-officer")] },
    });

    const list = await todo("demo-officer");
    expect(list.today).toBe(today);
    expect(list.horizon).toBe(addDays(today, 7));
    expect(list.sections.map((s) => s.key)).toEqual(["deadlines"]);
    const mine = sectionOf(list, "deadlines").items.filter((i) => i.title.startsWith("待办测试"));
    expect(mine.map((i) => [i.title.split(" ")[0], i.kind, i.dueOn, i.overdue, i.daysLate])).toEqual([
      [overdue.caseNo, "reinspection", addDays(today, -2), true, 2],
      [inspected.caseNo, "correction", addDays(today, 1), false, 0],
      [correction.caseNo, "correction", addDays(today, 3), false, 0],
      [followUp.caseNo, "follow_up", addDays(today, 5), false, 0],
    ]);
    expect(mine[0].label).toBe("复查");
    expect(mine[0].link).toBe(`/cases/${overdue.id}`);

    const colleague = sectionOf(await todo("demo-officer2"), "deadlines").items.map((i) => i.title.split(" ")[0]);
    expect(colleague).toContain(colleagues.caseNo);
    expect(colleague).not.toContain(overdue.caseNo);
  });

  it("an officer of another county sees none of 明溪's cases", async () => {
    const list = await todo("demo-officer-jj");
    expect(sectionOf(list, "deadlines").items.some((i) => i.title.startsWith("待办测试"))).toBe(false);
  });
});

describe("工作台待办：法制审核人员", () => {
  it("lists the ordinary-procedure cases waiting for 法制审核 and the 疑难问题 of his organisation, not another county's", async () => {
    const pending = await insertCase({ status: "intake", route: "ordinary", review_status: "pending" });
    const escalated = await insertCase({ status: "intake", route: "escalated" });
    const approved = await insertCase({ status: "intake", route: "ordinary", review_status: "approved" });
    const foreign = await insertCase({ status: "intake", route: "ordinary", review_status: "pending" }, jj);

    const list = await todo("demo-reviewer");
    expect(list.sections.map((s) => s.key)).toEqual(["case_reviews", "list_reviews"]);
    const reviews = sectionOf(list, "case_reviews");
    const titles = reviews.items.map((i) => i.title.split(" ")[0]);
    expect(titles).toContain(pending.caseNo);
    expect(titles).toContain(escalated.caseNo);
    expect(titles).not.toContain(approved.caseNo);
    expect(titles).not.toContain(foreign.caseNo);
    expect(reviews.items.find((i) => i.title.startsWith(escalated.caseNo))?.label).toBe("疑难问题");
    expect(reviews.items.find((i) => i.title.startsWith(pending.caseNo))?.link).toBe(`/cases/${pending.id}`);
    const [{ n }] = await t.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM cases WHERE organisation_id = $1 AND status = 'intake' AND ((route = 'ordinary' AND review_status = 'pending') OR route = 'escalated')",
      [mx.id],
    );
    expect(reviews.count).toBe(n);
  });
});

describe("工作台待办：清单管理员", () => {
  it("lists his organisation's draft list versions and marks the one the reviewer returned", async () => {
    const s = await t.login("demo-listmanager-mx");
    const draft = await t.post("/api/v1/lists", { type: "no_penalty", title: "待办测试草稿清单" }, s);
    expect(draft.statusCode, draft.body).toBe(201);
    const returned = await t.post("/api/v1/lists", { type: "mitigated", title: "待办测试退回清单" }, s);
    expect(returned.statusCode, returned.body).toBe(201);
    await t.database.query("UPDATE list_versions SET review_comments = $1::jsonb WHERE list_id = $2", [
      JSON.stringify([{ decision: "returned", comments: "处罚依据引用有误", on: today }]),
      returned.json().listId,
    ]);

    const list = await todo("demo-listmanager-mx");
    expect(list.sections.map((x) => x.key)).toEqual(["lists_waiting"]);
    const items = sectionOf(list, "lists_waiting").items.filter((i) => i.title.startsWith("待办测试"));
    expect(items.map((i) => [i.title, i.kind, i.label])).toEqual([
      ["待办测试草稿清单", "list_draft", "草稿"],
      ["待办测试退回清单", "list_returned", "被退回"],
    ]);
    expect(items[1].detail).toContain("处罚依据引用有误");
    expect(items[0].link).toBe(`/lists/${draft.json().listId}`);

    // The city's list manager (三明市) works on his own lists: 明溪's drafts are not his to-do.
    const city = sectionOf(await todo("demo-listmanager"), "lists_waiting");
    expect(city.items.some((i) => i.title.startsWith("待办测试"))).toBe(false);
  });
});

describe("工作台待办：单位管理员（单位负责人）", () => {
  it("lists the approved list versions waiting to be published and the unit's overdue cases", async () => {
    const s = await t.login("demo-listmanager-mx");
    const created = await t.post("/api/v1/lists", { type: "lighter", title: "待办测试待发布清单" }, s);
    expect(created.statusCode, created.body).toBe(201);
    await t.database.query("UPDATE list_versions SET status = 'approved' WHERE list_id = $1", [created.json().listId]);
    const late = await insertCase({ status: "in_progress", created_by: userIds.get("demo-officer2") });
    await insertTask(late.id, "follow_up", addDays(today, -4));

    const list = await todo("demo-orgadmin");
    expect(list.sections.map((x) => x.key)).toEqual(["approvals", "unit_overdue", "statistics_reports"]);
    const approvals = sectionOf(list, "approvals").items.filter((i) => i.title.startsWith("待办测试"));
    expect(approvals.map((i) => [i.title, i.kind, i.label, i.link])).toEqual([
      ["待办测试待发布清单", "list_to_publish", "待发布", `/lists/${created.json().listId}`],
    ]);

    const overdue = sectionOf(list, "unit_overdue");
    const lateItem = overdue.items.find((i) => i.title.startsWith(late.caseNo)) ?? null;
    const [{ n }] = await t.database.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM case_tasks k JOIN cases c ON c.id = k.case_id WHERE c.organisation_id = $1 AND k.done_on IS NULL AND k.due_on < $2)
            + (SELECT count(*) FROM cases c WHERE c.organisation_id = $1 AND c.correction_due < $2 AND c.corrected_on IS NULL
                 AND c.status IN ('intake', 'decided', 'in_progress')
                 AND NOT EXISTS (SELECT 1 FROM case_tasks k WHERE k.case_id = c.id AND k.done_on IS NULL)) AS n`,
      [mx.id, today],
    );
    expect(overdue.count).toBe(Number(n));
    expect(overdue.overdue).toBe(overdue.count);
    if (overdue.count <= 20) expect(lateItem).toMatchObject({ kind: "case_overdue", label: "回访逾期", overdue: true, daysLate: 4 });
  });

  it("lists the unit's statistics reports due by today + 7 days that are not filed, and drops one once it is filed", async () => {
    const submitted = new Set(
      (
        await t.database.query<{ k: string }>("SELECT kind || '|' || period_key AS k FROM statistics_reports WHERE organisation_id = $1", [mx.id])
      ).map((r) => r.k),
    );
    // Due by 2026-07-08: December 2025 to June 2026 monthly (each the 5th of the next month) and the half-year report (7月5日).
    const expected = [
      ["monthly|2025-12", "2026-01-05"],
      ["monthly|2026-01", "2026-02-05"],
      ["monthly|2026-02", "2026-03-05"],
      ["monthly|2026-03", "2026-04-05"],
      ["monthly|2026-04", "2026-05-05"],
      ["monthly|2026-05", "2026-06-05"],
      ["monthly|2026-06", "2026-07-05"],
      ["half_year|2026-H1", "2026-07-05"],
    ].filter(([k]) => !submitted.has(k));
    const reports = sectionOf(await todo("demo-orgadmin"), "statistics_reports");
    expect(reports.items.map((i) => i.dueOn)).toEqual(expected.map(([, due]) => due));
    const half = reports.items.find((i) => i.title === "2026年上半年半年报");
    expect(half).toMatchObject({ kind: "statistics_report", label: "半年报", overdue: false, link: "/statistics" });

    const s = await t.login("demo-orgadmin");
    const res = await t.post("/api/v1/statistics/reports", { kind: "half_year", year: 2026, organisationId: mx.id }, s);
    expect(res.statusCode, res.body).toBe(201);
    const after = sectionOf(await todo("demo-orgadmin"), "statistics_reports");
    expect(after.items.some((i) => i.title === "2026年上半年半年报")).toBe(false);
    expect(after.count).toBe(reports.count - 1);
  });
});

describe("工作台待办：司法局监督人员", () => {
  it("lists the decisions of his region that departed from the engine's proposal, latest first, linked to the case", async () => {
    const older = await insertCase({
      proposed_outcome: "no_penalty",
      decided_outcome: "mitigated",
      decided_on: addDays(today, -20),
      departure_reason: "当事人多次违法",
    });
    const newer = await insertCase({
      proposed_outcome: "no_penalty",
      decided_outcome: "lighter",
      decided_on: addDays(today, -2),
      departure_reason: "情节较重",
    });
    const foreign = await insertCase(
      { proposed_outcome: "no_penalty", decided_outcome: "mitigated", decided_on: addDays(today, -1), departure_reason: "外县" },
      jj,
    );

    const list = await todo("demo-justice");
    expect(list.sections.map((x) => x.key)).toEqual(["departures"]);
    const section = sectionOf(list, "departures");
    const titles = section.items.map((i) => i.title.split(" ")[0]);
    expect(titles).not.toContain(foreign.caseNo);
    expect(titles.indexOf(newer.caseNo)).toBeGreaterThanOrEqual(0);
    expect(titles.indexOf(newer.caseNo)).toBeLessThan(titles.indexOf(older.caseNo));
    const entry = section.items.find((i) => i.title.startsWith(newer.caseNo))!;
    expect(entry).toMatchObject({ kind: "departure", link: `/cases/${newer.id}` });
    expect(entry.detail).toContain("系统建议不予行政处罚");
    const [{ n }] = await t.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM cases c JOIN organisations o ON o.id = c.organisation_id WHERE o.region_code LIKE '350421%' AND c.departure_reason IS NOT NULL AND c.decided_on <= $1",
      [today],
    );
    expect(section.count).toBe(n);
  });

  it("系统管理员 has no to-do sections; without a session the list is refused", async () => {
    expect((await todo("demo-admin")).sections).toEqual([]);
    const res = await t.get("/api/v1/home/todo");
    expect(res.statusCode).toBe(401);
  });
});
