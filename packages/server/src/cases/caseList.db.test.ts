import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, type SQL } from "drizzle-orm";
import { testApp, type Session, type TestApp } from "../testing/app";
import { cases } from "../db/schema";
import { countCases, encodeCursor } from "./caseList";

// The clock of these tests, moved by the overdue test: 2026-03-10, 10:00 in China.
let now = new Date("2026-03-10T02:00:00Z");

let t: TestApp;
let officer: Session;
let admin: Session;
let officerIds: string[];

beforeAll(async () => {
  t = await testApp({ now: () => now });
  officer = await t.login("demo-officer");
  admin = await t.login("demo-admin");
  officerIds = (
    await t.database.query<{ id: string }>("SELECT id FROM users WHERE username IN ('demo-officer', 'demo-officer2') ORDER BY username")
  ).map((r) => r.id);
});
afterAll(async () => t?.close());

interface Page {
  items: { id: string; organisationName: string; overdue: boolean; allowedActions: string[] }[];
  nextCursor: string | null;
  total: number;
  totalIsEstimate: boolean;
}

/** Every page of the list, following nextCursor (GET, or POST /search with the cursor in the body). */
async function allPages(session: Session, filters: Record<string, string>, via: "get" | "post", limit: number) {
  const ids: string[] = [];
  const pages: Page[] = [];
  let cursor: string | null = null;
  do {
    const res =
      via === "get"
        ? await t.get(`/api/v1/cases?${new URLSearchParams({ ...filters, limit: String(limit), ...(cursor ? { cursor } : {}) })}`, session)
        : await t.post("/api/v1/cases/search", { ...filters, limit, ...(cursor ? { cursor } : {}) }, session);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as Page;
    pages.push(page);
    ids.push(...page.items.map((c) => c.id));
    cursor = page.nextCursor;
    expect(pages.length).toBeLessThan(500);
  } while (cursor);
  return { ids, pages };
}

/** The organisations a county officer of 明溪县应急管理局 reads: it and all below it. */
const mingxiScope = `WITH RECURSIVE d AS (
  SELECT id FROM organisations WHERE name = '明溪县应急管理局'
  UNION SELECT o.id FROM organisations o JOIN d ON o.parent_id = d.id)`;

describe("the case list pages with a cursor", () => {
  it("pages concatenate to the full ordered set (newest first) with no duplicates or gaps, even with equal 登记时间", async () => {
    // Many cases registered in the same microsecond: the id decides their order and the cursor holds it.
    await t.database.exec(`${mingxiScope} UPDATE cases SET created_at = '2026-03-01T02:00:00.123456Z' WHERE organisation_id IN (SELECT id FROM d)
      AND id IN (SELECT id FROM cases ORDER BY id LIMIT 12)`);
    await t.database.exec(`${mingxiScope} UPDATE cases SET created_at = '2026-03-01T02:00:00.123457Z' WHERE organisation_id IN (SELECT id FROM d)
      AND id IN (SELECT id FROM cases ORDER BY id DESC LIMIT 3)`);
    const expected = (
      await t.database.query<{ id: string }>(
        `${mingxiScope} SELECT id FROM cases WHERE organisation_id IN (SELECT id FROM d) ORDER BY created_at DESC, id DESC`,
      )
    ).map((r) => r.id);
    expect(expected.length).toBeGreaterThan(8);
    for (const via of ["get", "post"] as const) {
      const { ids, pages } = await allPages(officer, {}, via, 4);
      expect(ids).toEqual(expected);
      expect(new Set(ids).size).toBe(ids.length);
      expect(pages.at(-1)!.nextCursor).toBeNull();
      expect(pages.every((p) => p.total === expected.length && !p.totalIsEstimate)).toBe(true);
    }
    // Every organisation for the system administrator, filters kept across pages.
    const all = (await t.database.query<{ id: string }>("SELECT id FROM cases ORDER BY created_at DESC, id DESC")).map((r) => r.id);
    expect((await allPages(admin, {}, "get", 7)).ids).toEqual(all);
    const closed = (await t.database.query<{ id: string }>("SELECT id FROM cases WHERE status = 'closed' ORDER BY created_at DESC, id DESC")).map(
      (r) => r.id,
    );
    expect(closed.length).toBeGreaterThan(0);
    expect((await allPages(admin, { status: "closed" }, "post", 2)).ids).toEqual(closed);
  });

  it("a list item carries the list's columns only: no decision, no circumstances, the phone masked", async () => {
    const page = (await t.get("/api/v1/cases?limit=5", officer)).json();
    expect(page.items.length).toBe(5);
    for (const item of page.items) {
      expect(item).not.toHaveProperty("decision");
      expect(item).not.toHaveProperty("circumstances");
      expect(item).not.toHaveProperty("inspection");
      expect(item.facts.length).toBeLessThanOrEqual(200);
      if (item.partyPhone) expect(item.partyPhone).toContain("*");
    }
    // The actions offered in the list are those of the case file.
    for (const item of page.items.slice(0, 3)) {
      const file = (await t.get(`/api/v1/cases/${item.id}`, officer)).json();
      expect(item.allowedActions).toEqual(file.case.allowedActions);
    }
  });

  it("refuses a cursor it did not make with a 400 in Chinese, and changes nothing", async () => {
    const bad = [
      "not a cursor!",
      Buffer.from("hello").toString("base64url"),
      encodeCursor({ t: "2026-03-01T02:00:00Z", i: "not-a-uuid" }),
      encodeCursor({ t: "yesterday", i: "6f1c0b1e-7d7a-4a57-9c55-0d4b8b3a1f20" }),
      "x".repeat(300),
    ];
    const audit = await t.count("audit_events");
    for (const cursor of bad) {
      for (const res of [
        await t.get(`/api/v1/cases?cursor=${encodeURIComponent(cursor)}`, officer),
        await t.post("/api/v1/cases/search", { cursor }, officer),
      ]) {
        expect(res.statusCode, cursor).toBe(400);
        expect(res.json().code).toBe("validation_failed");
        expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
      }
    }
    expect(await t.count("audit_events")).toBe(audit);
  });

  it("counts exactly up to the limit and estimates above it (totalIsEstimate)", async () => {
    const { db } = t.database;
    const [{ n }] = await t.database.query<{ n: number }>("SELECT count(*)::int AS n FROM cases");
    expect(await countCases(db, null, [], n)).toEqual({ total: n, totalIsEstimate: false });
    const estimated = await countCases(db, null, [], 3);
    expect(estimated.totalIsEstimate).toBe(true);
    expect(estimated.total).toBeGreaterThanOrEqual(4);
    const closedOnly: SQL[] = [and(eq(cases.status, "closed"))!];
    const [{ c }] = await t.database.query<{ c: number }>("SELECT count(*)::int AS c FROM cases WHERE status = 'closed'");
    expect(await countCases(db, null, closedOnly)).toEqual({ total: c, totalIsEstimate: false });
  });
});

describe("data scope of the case list", () => {
  it("a township sees its own cases only; the county department does not see the township government's", async () => {
    const [town] = await t.database.query<{ id: string; region_code: string }>(
      "SELECT id, region_code FROM organisations WHERE name = '明溪县雪峰镇人民政府'",
    );
    await t.database.query(
      `INSERT INTO users (region_code, organisation_id, username, display_name, password_hash, roles)
       SELECT $1, $2, 'test-town-officer', '雪峰镇执法人员', password_hash, '{officer}' FROM users WHERE username = 'demo-officer'`,
      [town.region_code, town.id],
    );
    for (let i = 1; i <= 3; i++) {
      await t.database.query(
        `INSERT INTO cases (region_code, organisation_id, case_no, status, party_type, party_name, matter_code, matter_name, act_date, discovered_on)
         VALUES ($1, $2, $3, 'intake', 'individual', $4, 'X-1', '测试事项', '2026-03-01', '2026-03-02')`,
        [town.region_code, town.id, `雪峰镇柔〔2026〕${i}号`, `雪峰镇当事人${i}`],
      );
    }
    const townOfficer = await t.login("test-town-officer");
    const mine = (await allPages(townOfficer, {}, "get", 2)).ids;
    const own = (
      await t.database.query<{ id: string }>("SELECT id FROM cases WHERE organisation_id = $1 ORDER BY created_at DESC, id DESC", [town.id])
    ).map((r) => r.id);
    expect(own.length).toBeGreaterThanOrEqual(3);
    expect(mine).toEqual(own);
    const [{ n }] = await t.database.query<{ n: number }>("SELECT count(*)::int AS n FROM cases WHERE organisation_id <> $1", [town.id]);
    expect(n).toBeGreaterThan(0);
    const county = await allPages(officer, {}, "get", 50);
    expect(county.ids.some((id) => own.includes(id))).toBe(false);
    // Asking for another organisation by id gives nothing, not its cases.
    const [jj] = await t.database.query<{ id: string }>("SELECT id FROM organisations WHERE name = '晋江市应急管理局'");
    const other = (await t.get(`/api/v1/cases?organisationId=${jj.id}`, townOfficer)).json();
    expect(other).toEqual({ items: [], nextCursor: null, total: 0, totalIsEstimate: false });
  });
});

describe("the overdue flag", () => {
  it("is set once a 复查 deadline has passed and cleared when the 复查 is done", async () => {
    now = new Date("2026-03-10T02:00:00Z");
    const opened = await t.post(
      "/api/v1/cases",
      {
        party: {
          type: "enterprise",
          name: "明溪县逾期测试竹木制品有限公司",
          creditCode: "91350421MA2Y8K7P02",
          address: "福建省三明市明溪县雪峰镇城关工业园区8号",
          industryCategory: "general",
          contact: "陈建华",
        },
        matterCode: "YJ-AQSCF-097-04",
        facts: "检查发现培训记录表未如实填写培训时间和学时。",
        actDate: "2026-03-01",
        discoveredOn: "2026-03-05",
        inspection: { date: "2026-03-05", place: "公司生产车间", officerIds },
      },
      officer,
    );
    expect(opened.statusCode, opened.body).toBe(201);
    let f = opened.json();
    const id = f.case.id as string;
    // Days pass: the session would have ended meanwhile (idle timeout), so a new one each day.
    let session = officer;
    const on = async (instant: string) => {
      now = new Date(instant);
      session = await t.login("demo-officer");
    };
    const flag = async () => {
      const page = (await t.post("/api/v1/cases/search", { q: "逾期测试" }, session)).json() as Page;
      const onlyOverdue = (await t.post("/api/v1/cases/search", { q: "逾期测试", overdue: "true" }, session)).json() as Page;
      const item = page.items.find((c) => c.id === id)!;
      expect(onlyOverdue.items.some((c) => c.id === id)).toBe(item.overdue);
      return item.overdue;
    };
    expect(await flag()).toBe(false);

    const ordered = await t.post(
      `/api/v1/cases/${id}/correction`,
      { lockVersion: f.case.lockVersion, dueDate: "2026-03-20", requirements: "如实补记培训记录" },
      officer,
    );
    expect(ordered.statusCode, ordered.body).toBe(200);
    f = ordered.json();
    expect(await flag()).toBe(false);
    await on("2026-03-20T02:00:00Z"); // the deadline's own day: not yet overdue
    expect(await flag()).toBe(false);
    await on("2026-03-21T02:00:00Z");
    expect(await flag()).toBe(true);

    const done = await t.post(
      `/api/v1/cases/${id}/reinspection`,
      { lockVersion: f.case.lockVersion, inspectedOn: "2026-03-21", corrected: true, correctedOn: "2026-03-19", notes: "已补记培训记录" },
      session,
    );
    expect(done.statusCode, done.body).toBe(200);
    expect(await flag()).toBe(false);
    await on("2026-03-10T02:00:00Z");
    officer = session;
  });

  it("agrees with the case tasks and correction deadlines counted afresh, on any day", async () => {
    // A task written by other means (SQL) is seen too: the triggers keep the column, not the use cases.
    await t.database.exec(
      `INSERT INTO case_tasks (region_code, organisation_id, case_id, kind, due_on)
       SELECT region_code, organisation_id, id, 'follow_up', '2026-02-01' FROM cases WHERE status = 'closed' LIMIT 2`,
    );
    for (const on of ["2025-06-01", "2026-02-02", "2026-03-10", "2026-06-30", "2027-12-31"]) {
      const disagree = await t.database.query<{ id: string }>(
        `SELECT id FROM cases c WHERE
           coalesce((c.correction_due < $1::date AND c.corrected_on IS NULL AND c.status IN ('intake', 'decided', 'in_progress'))
            OR EXISTS (SELECT 1 FROM case_tasks k WHERE k.case_id = c.id AND k.done_on IS NULL AND k.due_on < $1::date), false)
           IS DISTINCT FROM coalesce(c.open_due_on < $1::date, false)`,
        [on],
      );
      expect(disagree, on).toEqual([]);
    }
    const [{ n }] = await t.database.query<{ n: number }>("SELECT count(*)::int AS n FROM cases WHERE open_due_on IS NOT NULL");
    expect(n).toBeGreaterThan(0);
    await t.database.exec("UPDATE case_tasks SET done_on = due_on WHERE kind = 'follow_up' AND due_on = '2026-02-01'");
    const stale = await t.database.query(
      `SELECT id FROM cases c WHERE c.open_due_on = '2026-02-01' AND NOT EXISTS (SELECT 1 FROM case_tasks k WHERE k.case_id = c.id AND k.done_on IS NULL)`,
    );
    expect(stale).toEqual([]);
  });
});
