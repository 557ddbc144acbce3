/**
 * The case lifecycle table as the server applies it: the actions each user may take on a case
 * (allowedActions on the case file and the list), and refusals in Chinese that change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { ZCaseFile } from "@kuanyan/contract/cases";
import { testApp, type Session, type TestApp } from "../testing/app";
import { ensureSanmingLists } from "../decisions/lists.test-support";

// The clock of these tests: 2026-03-10, 10:00 in China.
const NOW = new Date("2026-03-10T02:00:00Z");

let t: TestApp;
let officer: Session;
let reviewer: Session;
let cityListManager: Session;
let officerJj: Session;
let officerIds: string[];

beforeAll(async () => {
  t = await testApp({ now: () => NOW });
  await ensureSanmingLists(t.database.db);
  officer = await t.login("demo-officer");
  reviewer = await t.login("demo-reviewer");
  cityListManager = await t.login("demo-listmanager");
  officerJj = await t.login("demo-officer-jj");
  const rows = await t.database.query<{ id: string }>("SELECT id FROM users WHERE username IN ('demo-officer', 'demo-officer2') ORDER BY username");
  officerIds = rows.map((r) => r.id);
});
afterAll(async () => t?.close());

/** The answer of the case routes, as the contract serialises it (JSON). */
type CaseFile = z.infer<typeof ZCaseFile>;

async function open(): Promise<CaseFile> {
  const res = await t.post(
    "/api/v1/cases",
    {
      party: {
        type: "enterprise",
        name: "明溪县鑫源竹木制品有限公司",
        creditCode: "91350421MA2Y8K7P02",
        address: "福建省三明市明溪县雪峰镇城关工业园区8号",
        industryCategory: "general",
      },
      matterCode: "YJ-AQSCF-097-04",
      facts: "检查发现该公司2026年新入职的3名员工已参加三级安全教育培训，但培训记录表未如实填写培训时间和学时。",
      actDate: "2026-03-01",
      discoveredOn: "2026-03-05",
      inspection: { date: "2026-03-05", place: "公司生产车间及办公室", officerIds },
    },
    officer,
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function act(id: string, path: string, body: Record<string, unknown>, session = officer): Promise<CaseFile> {
  const res = await t.post(`/api/v1/cases/${id}/${path}`, body, session);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function allowedFor(id: string, session: Session): Promise<string[]> {
  const res = await t.get(`/api/v1/cases/${id}`, session);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().case.allowedActions;
}

const answered = { firstTimeFound: true, harm: "none", answers: { training_done_evidence: true } };

describe("allowedActions: what each user may do with a case, from the lifecycle table", () => {
  it("an officer handles the case, the 法制审核人员 reviews it, a user of another organisation may do nothing", async () => {
    let f = await open();
    const id = f.case.id;
    // Just registered: the officer may 研判 but not yet decide nor record that the party accepts.
    expect(f.case.allowedActions).toEqual(
      expect.arrayContaining(["evaluate", "uploadEvidence", "setRoute", "recordMeasure", "partyRequestsOrdinary"]),
    );
    expect(f.case.allowedActions).not.toContain("decide");
    expect(f.case.allowedActions).not.toContain("partyAcceptsSoft");
    expect(f.case.allowedActions).not.toContain("review");
    expect(f.case.allowedActions).not.toContain("cancel");

    f = await act(id, "evaluate", { lockVersion: f.case.lockVersion, circumstances: answered });
    f = await act(id, "route", { lockVersion: f.case.lockVersion, route: "ordinary" });
    // 普通程序 awaiting 法制审核: the officer may not decide; the reviewer may review or void.
    expect(f.case.allowedActions).toContain("partyAcceptsSoft");
    expect(f.case.allowedActions).not.toContain("decide");
    expect(await allowedFor(id, reviewer)).toEqual(["review", "cancel"]);
    // 三明市应急管理局 reads the case of its county department but takes no action on it.
    expect(await allowedFor(id, cityListManager)).toEqual([]);
    // 晋江市应急管理局 does not even see it.
    expect((await t.get(`/api/v1/cases/${id}`, officerJj)).statusCode).toBe(404);

    // The list and the review queue carry the same actions.
    const queue = await t.get("/api/v1/cases/review-queue", reviewer);
    expect(queue.json().items.find((c: { id: string }) => c.id === id).allowedActions).toEqual(["review", "cancel"]);
    const list = await t.post("/api/v1/cases/search", { q: f.case.caseNo }, officer);
    expect(list.json().items.find((c: { id: string }) => c.id === id).allowedActions).toEqual(f.case.allowedActions);

    await act(id, "review", { lockVersion: f.case.lockVersion, result: "approved", opinion: "事实清楚，证据确凿，同意" }, reviewer);
    expect(await allowedFor(id, officer)).toContain("decide");
    expect(await allowedFor(id, reviewer)).toEqual(["cancel"]);
  });
});

describe("当事人接受柔性执法 only after the engine's proposal", () => {
  it("is refused before 研判 with a Chinese message and nothing changed; allowed after it", async () => {
    let f = await open();
    const id = f.case.id;
    const before = await t.database.query<{ n: string }>("SELECT count(*)::text AS n FROM audit_events WHERE entity_id = $1", [id]);
    const refused = await t.post(`/api/v1/cases/${id}/party-choice`, { lockVersion: f.case.lockVersion, choice: "accept_soft" }, officer);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().message).toContain("请先研判案件");
    const [row] = await t.database.query<{ party_choice: string | null; lock_version: number }>(
      "SELECT party_choice, lock_version FROM cases WHERE id = $1",
      [id],
    );
    expect(row).toEqual({ party_choice: null, lock_version: f.case.lockVersion });
    const after = await t.database.query<{ n: string }>("SELECT count(*)::text AS n FROM audit_events WHERE entity_id = $1", [id]);
    expect(after[0].n).toBe(before[0].n);

    f = await act(id, "evaluate", { lockVersion: f.case.lockVersion, circumstances: answered });
    f = await act(id, "party-choice", { lockVersion: f.case.lockVersion, choice: "accept_soft" });
    expect(f.case.partyChoice).toBe("accept_soft");
  });

  it("a stale version is still a conflict (409) before any rule of the table", async () => {
    const f = await open();
    const res = await t.post(`/api/v1/cases/${f.case.id}/party-choice`, { lockVersion: f.case.lockVersion + 5, choice: "accept_soft" }, officer);
    expect(res.statusCode).toBe(409);
  });
});

describe("作出处理决定 only on the engine's proposal", () => {
  it("a record with an outcome but no decision of the engine (generated or imported) is refused in Chinese, not a 500", async () => {
    const f = await open();
    await t.database.query("UPDATE cases SET proposed_outcome = 'no_penalty', decision = NULL WHERE id = $1", [f.case.id]);
    const res = await t.post(`/api/v1/cases/${f.case.id}/decide`, { lockVersion: f.case.lockVersion, confirm: true }, officer);
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toBe("请先研判案件（决策引擎给出建议后才能作出处理决定）");
    expect(await allowedFor(f.case.id, officer)).not.toContain("decide");
  });
});
