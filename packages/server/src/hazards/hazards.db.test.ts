/**
 * 隐患 on the server (issue 10 §7, §8): the ledger masks the responsible person and follows the data
 * scope; 整改 needs uploaded evidence, 复查, then 销号; a hazard without rectification evidence is
 * never closed; overdue and 整改率 are counted by the domain's rules. Every refusal changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, type Session, type TestApp } from "../testing/app";

let t: TestApp;
let officer: Session;
let officerJj: Session;
let orgAdmin: Session;
let justice: Session;
let admin: Session;
let mx: { id: string; region: string };

/** 1×1 PNG (uploads check the content). */
const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

async function insertHazard(
  over: { status?: string; deadline?: string; level?: string; foundOn?: string; unitName?: string; creditCode?: string } = {},
): Promise<string> {
  const [row] = await t.database.query<{ id: string }>(
    `INSERT INTO hazards (region_code, organisation_id, credit_code, unit_name, level, criterion, description, responsible_person, found_on, deadline, status)
     VALUES ($1, $2, $9, $3, $4, $5, '二楼疏散通道堆放纸箱', '陈建国', $6, $7, $8) RETURNING id::text`,
    [
      mx.region,
      mx.id,
      over.unitName ?? "明溪县城关机械有限公司",
      over.level ?? "general",
      over.level === "major" ? "工贸行业重大事故隐患判定标准第四条" : null,
      over.foundOn ?? "2026-11-01",
      over.deadline ?? "2099-12-31",
      over.status ?? "open",
      over.creditCode ?? "91350421MA2YXXXX0X",
    ],
  );
  return row.id;
}

async function statusOf(id: string) {
  const [row] = await t.database.query<{ status: string; deadline: string; events: number }>(
    "SELECT status, deadline::text, (SELECT count(*)::int FROM hazard_events e WHERE e.hazard_id = h.id) AS events FROM hazards h WHERE id = $1",
    [id],
  );
  return row;
}

beforeAll(async () => {
  t = await testApp();
  officer = await t.login("demo-officer");
  officerJj = await t.login("demo-officer-jj");
  orgAdmin = await t.login("demo-orgadmin");
  justice = await t.login("demo-justice");
  admin = await t.login("demo-admin");
  const [o] = await t.database.query<{ id: string; region_code: string }>(
    "SELECT id::text, region_code FROM organisations WHERE name = '明溪县应急管理局'",
  );
  mx = { id: o.id, region: o.region_code };
});
afterAll(async () => t?.close());

describe("隐患台账", () => {
  it("lists the organisation's hazards with the responsible person masked; another county and the operator see none", async () => {
    const id = await insertHazard({ unitName: "明溪县台账测试有限公司" });
    const res = await t.get(`/api/v1/hazards?q=${encodeURIComponent("台账测试")}`, officer);
    expect(res.statusCode, res.body).toBe(200);
    const item = res.json().items.find((i: { id: string }) => i.id === id);
    expect(item).toMatchObject({ unitName: "明溪县台账测试有限公司", responsiblePersonMasked: "陈**", status: "open", overdue: false });
    expect(res.body).not.toContain("陈建国");
    const supervisor = await t.get(`/api/v1/hazards?q=${encodeURIComponent("台账测试")}`, justice);
    expect(supervisor.json().items.map((i: { id: string }) => i.id)).toContain(id);
    const foreign = await t.get(`/api/v1/hazards?q=${encodeURIComponent("台账测试")}`, officerJj);
    expect(foreign.json().items).toEqual([]);
    expect((await t.get(`/api/v1/hazards/${id}`, officerJj)).statusCode).toBe(404);
    expect((await t.get("/api/v1/hazards", admin)).statusCode).toBe(403);
  });

  it("an open hazard past its 整改期限 is overdue; a 重大事故隐患 overdue goes to 督办", async () => {
    const id = await insertHazard({ level: "major", deadline: "2026-01-10", foundOn: "2026-01-02", unitName: "明溪县逾期测试有限公司" });
    const res = await t.get(`/api/v1/hazards?overdue=true&q=${encodeURIComponent("逾期测试")}`, officer);
    expect(res.json().items).toMatchObject([{ id, overdue: true, escalation: "supervision" }]);
  });

  it("the search box finds hazards by part of the unit's name in any letter case, or by its 统一社会信用代码", async () => {
    const abc = await insertHazard({ unitName: "明溪县ABC检索测试有限公司", creditCode: "91350421MA2YQRCH1X" });
    const other = await insertHazard({ unitName: "明溪县另一检索测试有限公司", creditCode: "91350421MA2YQRCH2X" });
    const found = async (q: string) =>
      (await t.get(`/api/v1/hazards?q=${encodeURIComponent(q)}`, officer))
        .json()
        .items.map((i: { id: string }) => i.id)
        .sort();
    expect(await found("检索测试")).toEqual([abc, other].sort());
    expect(await found("abc检索")).toEqual([abc]);
    expect(await found("91350421ma2yqrch1x")).toEqual([abc]);
    expect(await found("91350421MA2YQRCH2X")).toEqual([other]);
    expect(await found("检索%测试")).toEqual([]);
  });
});

describe("整改 → 复查 → 销号", () => {
  it("a hazard is not closed without rectification evidence, nor rectified with a hash that was not uploaded", async () => {
    const id = await insertHazard();
    const close = await t.post(`/api/v1/hazards/${id}/close`, {}, orgAdmin);
    expect(close.statusCode).toBe(422);
    expect(close.json().message).toContain("不能销号");
    const noEvidence = await t.post(`/api/v1/hazards/${id}/rectification`, { on: "2026-11-20", evidence: [] }, officer);
    expect(noEvidence.statusCode).toBe(422);
    expect(noEvidence.json().message).toContain("整改证据");
    const fake = await t.post(`/api/v1/hazards/${id}/rectification`, { on: "2026-11-20", evidence: ["a".repeat(64)] }, officer);
    expect(fake.statusCode).toBe(422);
    expect(await statusOf(id)).toEqual({ status: "open", deadline: "2099-12-31", events: 0 });
  });

  it("with uploaded evidence: reported, a failed review sets a new deadline, a passed review, then 销号", async () => {
    const id = await insertHazard();
    const up = await t.post(`/api/v1/hazards/${id}/evidence`, { contentBase64: PNG }, officer);
    expect(up.statusCode, up.body).toBe(200);
    const sha = up.json().sha256 as string;
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    const reported = await t.post(`/api/v1/hazards/${id}/rectification`, { on: "2026-11-20", evidence: [sha], note: "纸箱已清理" }, officer);
    expect(reported.statusCode, reported.body).toBe(200);
    expect(reported.json()).toMatchObject({ status: "rectification_reported", rectificationEvidence: [sha] });

    const noDeadline = await t.post(`/api/v1/hazards/${id}/review`, { passed: false, note: "仍有堆放" }, officer);
    expect(noDeadline.statusCode).toBe(422);
    const failed = await t.post(`/api/v1/hazards/${id}/review`, { passed: false, note: "仍有堆放", newDeadline: "2099-12-31" }, officer);
    expect(failed.statusCode, failed.body).toBe(200);
    expect(failed.json()).toMatchObject({ status: "open", previousDeadlines: ["2099-12-31"] });

    expect((await t.post(`/api/v1/hazards/${id}/rectification`, { on: "2026-11-21", evidence: [sha] }, officer)).statusCode).toBe(200);
    const passed = await t.post(`/api/v1/hazards/${id}/review`, { passed: true, note: "通道已清理畅通" }, officer);
    expect(passed.json().status).toBe("review_passed");
    expect((await t.post(`/api/v1/hazards/${id}/close`, {}, justice)).statusCode).toBe(403);
    const closed = await t.post(`/api/v1/hazards/${id}/close`, {}, orgAdmin);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: "closed", responsiblePerson: "陈建国" });
    expect(closed.json().events.map((e: { kind: string }) => e.kind)).toEqual([
      "rectification_reported",
      "reviewed",
      "rectification_reported",
      "reviewed",
      "closed",
    ]);
    const [audit] = await t.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action LIKE 'hazard.%'",
      [id],
    );
    expect(audit.n).toBe(6); // the evidence upload and the five actions, each with its audit event
  });
});

describe("隐患统计", () => {
  it("整改率 = rectified ÷ found, per organisation and region, each number opening the ledger", async () => {
    const year = 2031;
    for (const status of ["closed", "review_passed", "rectification_reported", "open"])
      await insertHazard({ status, foundOn: `${year}-03-01`, deadline: `${year}-03-10` });
    const res = await t.get(`/api/v1/hazards/figures?year=${year}&organisationId=${mx.id}`, officer);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().hazards).toMatchObject({ found: 4, rectified: 2, awaitingReview: 1, open: 1, rectificationRate: 50 });
    expect(res.json().byRegion).toMatchObject([{ regionCode: mx.region }]);
    expect(res.json().links.overdue).toContain("overdue=true");
    // 已整改 opens exactly the hazards it counts (复查合格 and 已销号), not only one of the two.
    const link = new URLSearchParams(res.json().links.rectified.split("?")[1]);
    const ledger = await t.get(`/api/v1/hazards?${link}`, officer);
    expect(ledger.statusCode, ledger.body).toBe(200);
    expect(ledger.json().total).toBe(2);
    expect(
      ledger
        .json()
        .items.map((h: { status: string }) => h.status)
        .sort(),
    ).toEqual(["closed", "review_passed"]);
    expect(res.json().inspections).toEqual({ planned: 0, drawn: 0, done: 0, doneOnTime: 0, pending: 0, cancelled: 0 });
    expect(res.json().keyUnits.covered).toBe(0);
  });
});
