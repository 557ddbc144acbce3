// 单位档案 (issue 10 item 1): "A case's party links to its pool entry, so a unit's history (inspections,
// hazards, cases, soft measures) shows on one page" — within the caller's data scope; and the key units
// not inspected this year as a filter of the pool.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, type Session, type TestApp } from "../testing/app";
import { drawnInspection } from "./field/fixtures.test-support";

let t: TestApp;
let officer: Session;
let officerJj: Session;
let reviewerCity: Session;
const CODE = "91350582000700396X"; // the fixture's unit
const q = <T>(sql: string, params: unknown[] = []) => t.database.query<T>(sql, params);
const ids = { mx: "", jj: "", city: "", unit: "", unitJj: "", inspection: "", inspectionJj: "", caseMx: "", caseJj: "", caseOther: "" };

async function orgId(name: string) {
  const [o] = await q<{ id: string }>("SELECT id::text FROM organisations WHERE name = $1", [name]);
  return o.id;
}
async function hazard(org: string, region: string, description: string, foundOn: string, deadline: string) {
  await q(
    `INSERT INTO hazards (region_code, organisation_id, credit_code, unit_name, level, description, responsible_person, found_on, deadline, status)
     VALUES ($1, $2, $3, '明溪县城关机械有限公司', 'general', $4, '陈建国', $5, $6, 'open')`,
    [region, org, CODE, description, foundOn, deadline],
  );
}
/** A demo case of the organisation (the one with most measures) made the unit's: its party gets the unit's credit code. */
async function caseOf(org: string): Promise<string> {
  const [c] = await q<{ id: string }>(
    `SELECT c.id::text FROM cases c WHERE c.organisation_id = $1
     ORDER BY (SELECT count(*) FROM measures m WHERE m.case_id = c.id AND NOT m.cancelled) DESC, c.case_no LIMIT 1`,
    [org],
  );
  await q("UPDATE cases SET party_credit_code = $1, party_type = 'enterprise' WHERE id = $2", [CODE, c.id]);
  return c.id;
}

beforeAll(async () => {
  t = await testApp();
  officer = await t.login("demo-officer");
  officerJj = await t.login("demo-officer-jj");
  reviewerCity = await t.login("demo-reviewer-city");
  ids.mx = await orgId("明溪县应急管理局");
  ids.jj = await orgId("晋江市应急管理局");
  ids.city = await orgId("三明市应急管理局");
  ids.inspection = await drawnInspection(t.database);
  ids.inspectionJj = await drawnInspection(t.database, {
    organisation: "晋江市应急管理局",
    usernames: ["demo-officer-jj"],
    unitName: "晋江同一企业有限公司",
  });
  const unitOf = async (inspection: string) =>
    (await q<{ id: string }>("SELECT unit_id::text AS id FROM inspections WHERE id = $1", [inspection]))[0].id;
  ids.unit = await unitOf(ids.inspection);
  ids.unitJj = await unitOf(ids.inspectionJj);
  // The 明溪 inspection is submitted with one failed item of two.
  for (const [item, outcome] of [
    ["GM-01", "fail"],
    ["GM-07", "pass"],
  ])
    await q(
      `INSERT INTO inspection_results (region_code, organisation_id, inspection_id, item_id, outcome, idempotency_key, recorded_by)
       VALUES ('350421', $1, $2, $3, $4, $5, (SELECT id FROM users WHERE username = 'demo-officer'))`,
      [ids.mx, ids.inspection, item, outcome, `k-${item}`],
    );
  await q(
    `INSERT INTO inspection_records (region_code, organisation_id, inspection_id, record_no, content, sha256, pdf, submitted_by, submitted_at)
     VALUES ('350421', $1, $2, '明溪应急检〔2026〕1号', '{}'::jsonb, $3, decode('00', 'hex'), (SELECT id FROM users WHERE username = 'demo-officer'), '2026-06-01T02:00:00Z')`,
    [ids.mx, ids.inspection, "0".repeat(64)],
  );
  await q("UPDATE inspections SET status = 'submitted' WHERE id = $1", [ids.inspection]);
  await hazard(ids.mx, "350421", "明溪：配电箱未接地", "2026-06-01", "2026-06-15");
  await hazard(ids.mx, "350421", "明溪：消防通道堵塞", "2026-07-01", "2099-12-31");
  await hazard(ids.jj, "350582", "晋江：同一信用代码的隐患", "2026-06-02", "2026-06-20");
  ids.caseMx = await caseOf(ids.mx);
  ids.caseJj = await caseOf(ids.jj);
  const [other] = await q<{ id: string }>("SELECT id::text FROM cases WHERE organisation_id = $1 AND id <> $2 ORDER BY case_no LIMIT 1", [
    ids.mx,
    ids.caseMx,
  ]);
  ids.caseOther = other.id;
  await q("UPDATE cases SET party_credit_code = '91350421MA0000000X' WHERE id = $1", [ids.caseOther]);
}, 300_000);

afterAll(async () => {
  await t?.close();
});

describe("单位档案：检查、隐患、案件、柔性执法措施在一页", () => {
  it("本单位执法人员看到该单位的检查记录、隐患、当事人统一社会信用代码相同的案件及其柔性执法措施，数量与列出的行一致，联系人遮蔽", async () => {
    const res = await t.get(`/api/v1/inspections/units/${ids.unit}/history`, officer);
    expect(res.statusCode, res.body).toBe(200);
    const h = res.json();
    expect(h.unit).toMatchObject({ id: ids.unit, creditCode: CODE, name: "明溪县城关机械有限公司", organisationName: "明溪县应急管理局" });
    expect(h.unit.contactName).not.toBe("陈建国");
    expect(h.unit.contactName).toMatch(/^陈\*+$/);
    expect(res.body).not.toContain("陈建国");

    // Inspections: the 明溪 one only (the 晋江 one of the same enterprise is outside the scope).
    expect(h.inspections).toHaveLength(1);
    expect(h.inspections[0]).toMatchObject({
      id: ids.inspection,
      status: "submitted",
      statusLabel: "已提交",
      submittedOn: "2026-06-01",
      recordNo: "明溪应急检〔2026〕1号",
      itemsRecorded: 2,
      itemsFailed: 1,
      organisationName: "明溪县应急管理局",
    });

    // Hazards: both of 明溪, newest first, the past deadline overdue; not 晋江's.
    expect(h.hazards.map((x: { description: string }) => x.description)).toEqual(["明溪：消防通道堵塞", "明溪：配电箱未接地"]);
    expect(h.hazards[1]).toMatchObject({ deadline: "2026-06-15", overdue: true, statusLabel: "整改中", levelLabel: "一般隐患" });
    expect(h.hazards[0].overdue).toBe(false);
    // The ledger names the unit's 档案 too.
    const ledger = (await t.get(`/api/v1/hazards?year=2026&q=${CODE}`, officer)).json();
    expect(ledger.items.map((x: { unitId: string | null }) => x.unitId)).toEqual([ids.unit, ids.unit]);
    expect((await t.get(`/api/v1/hazards/${h.hazards[0].id}`, officer)).json().unitId).toBe(ids.unit);

    // Cases: linked by the party's credit code; the other county's case and a case of another party are not listed.
    const caseIds = h.cases.map((c: { id: string }) => c.id);
    expect(caseIds).toEqual([ids.caseMx]);
    const [dbCase] = await q<{ case_no: string; status: string }>("SELECT case_no, status FROM cases WHERE id = $1", [ids.caseMx]);
    expect(h.cases[0]).toMatchObject({ caseNo: dbCase.case_no, status: dbCase.status, organisationName: "明溪县应急管理局" });
    expect(typeof h.cases[0].statusLabel).toBe("string");

    // Soft measures: every measure of the case not cancelled, newest first, with the domain's labels.
    const dbMeasures = await q<{ id: string; carried_out_on: string }>(
      "SELECT id::text, carried_out_on::text FROM measures WHERE case_id = $1 AND NOT cancelled ORDER BY carried_out_on DESC",
      [ids.caseMx],
    );
    expect(dbMeasures.length).toBeGreaterThan(0);
    expect(h.measures.map((m: { id: string }) => m.id).sort()).toEqual(dbMeasures.map((m) => m.id).sort());
    expect(h.measures.map((m: { carriedOutOn: string }) => m.carriedOutOn)).toEqual(dbMeasures.map((m) => m.carried_out_on));
    for (const m of h.measures) expect(m).toMatchObject({ caseId: ids.caseMx, caseNo: dbCase.case_no, methodLabel: expect.any(String) });

    // Every count equals the rows in the county's records.
    const [counts] = await q<{ i: number; h: number; c: number }>(
      `SELECT (SELECT count(*)::int FROM inspections WHERE credit_code = $1 AND organisation_id = $2) AS i,
              (SELECT count(*)::int FROM hazards WHERE credit_code = $1 AND organisation_id = $2) AS h,
              (SELECT count(*)::int FROM cases WHERE party_credit_code = $1 AND organisation_id = $2) AS c`,
      [CODE, ids.mx],
    );
    expect([h.inspections.length, h.hazards.length, h.cases.length]).toEqual([counts.i, counts.h, counts.c]);
  });

  it("外县执法人员打开本县单位的档案得到404，看不到任何记录；他本县的档案只列本县的记录", async () => {
    const before = await t.count("audit_events");
    const res = await t.get(`/api/v1/inspections/units/${ids.unit}/history`, officerJj);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe("not_found");
    expect(res.body).not.toContain("明溪县城关机械");
    expect(res.body).not.toContain("配电箱");
    expect(await t.count("audit_events")).toBe(before);

    const own = await t.get(`/api/v1/inspections/units/${ids.unitJj}/history`, officerJj);
    expect(own.statusCode, own.body).toBe(200);
    const h = own.json();
    expect(h.inspections.map((i: { id: string }) => i.id)).toEqual([ids.inspectionJj]);
    expect(h.hazards.map((x: { description: string }) => x.description)).toEqual(["晋江：同一信用代码的隐患"]);
    expect(h.cases.map((c: { id: string }) => c.id)).toEqual([ids.caseJj]);
    expect(h.unit.name).toBe("晋江同一企业有限公司");
    expect(JSON.stringify(h)).not.toContain("明溪县应急管理局");
    expect(JSON.stringify(h)).not.toContain("明溪：");
  });

  it("无此单位或编号无效：中文错误，不是5xx", async () => {
    const missing = await t.get("/api/v1/inspections/units/00000000-0000-4000-8000-000000000000/history", officer);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toMatch(/检查对象/);
    const bad = await t.get("/api/v1/inspections/units/abc/history", officer);
    expect(bad.statusCode).toBe(400);
  });
});

describe("案件当事人链接到检查对象档案", () => {
  it("案件详情给出当事人统一社会信用代码相同、本人有权查看的名录库单位；多个单位都有时优先案件所属单位的", async () => {
    const own = await t.get(`/api/v1/cases/${ids.caseMx}`, officer);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().poolUnit).toEqual({ id: ids.unit, name: "明溪县城关机械有限公司" });

    // The city keeps the same enterprise in its pool (a name sorting first): the case's own county's entry is still chosen.
    await q(
      `INSERT INTO inspection_units (region_code, organisation_id, credit_code, name, industry, risk_level)
       VALUES ('350400', $1, $2, '阿市级名录中的同一企业', 'industry_trade', 'low')`,
      [ids.city, CODE],
    );
    const city = await t.get(`/api/v1/cases/${ids.caseMx}`, reviewerCity);
    expect(city.statusCode, city.body).toBe(200);
    expect(city.json().poolUnit).toEqual({ id: ids.unit, name: "明溪县城关机械有限公司" });

    // A county officer cannot read the city's pool: for him there is only the county's unit.
    await q("UPDATE inspection_units SET credit_code = '91350421MA0000001X' WHERE id = $1", [ids.unit]);
    const noneForCounty = await t.get(`/api/v1/cases/${ids.caseMx}`, officer);
    expect(noneForCounty.json().poolUnit).toBeNull();
    const cityOnly = await t.get(`/api/v1/cases/${ids.caseMx}`, reviewerCity);
    expect(cityOnly.json().poolUnit?.name).toBe("阿市级名录中的同一企业");
    await q("UPDATE inspection_units SET credit_code = $1 WHERE id = $2", [CODE, ids.unit]);

    // A party not in any pool: no link.
    const other = await t.get(`/api/v1/cases/${ids.caseOther}`, officer);
    expect(other.json().poolUnit).toBeNull();
  });
});

describe("本年未检查的重点单位", () => {
  it("名录库按年度筛出没有已提交检查的重点单位，数量等于统计卡片的“重点单位数 − 已覆盖”", async () => {
    const all = await t.get(`/api/v1/inspections/units?uncoveredIn=2026&pageSize=200`, officer);
    expect(all.statusCode, all.body).toBe(200);
    const list = all.json();
    expect(list.items.every((u: { keyUnit: boolean }) => u.keyUnit)).toBe(true);
    // The fixture's key unit has a submitted inspection in 2026: covered, so not listed.
    expect(list.items.map((u: { id: string }) => u.id)).not.toContain(ids.unit);
    const figures = (await t.get(`/api/v1/hazards/figures?year=2026&organisationId=${ids.mx}`, officer)).json();
    expect(list.total).toBe(figures.keyUnits.keyUnits - figures.keyUnits.covered);
    // 共 N 家，其中重点单位 K 家 counts under the filter; the pool's key units are the figures' 重点单位数.
    expect(list.keyUnits).toBe(list.total);
    expect(list.poolKeyUnits).toBe(figures.keyUnits.keyUnits);
    expect(figures.links.keyUnits).toBe(`/inspections/units?uncoveredIn=2026&organisationId=${ids.mx}`);

    // Not yet submitted: the unit is uncovered; a submission in another year does not cover it.
    await q("UPDATE inspections SET status = 'started' WHERE id = $1", [ids.inspection]);
    const now = (await t.get(`/api/v1/inspections/units?uncoveredIn=2026&pageSize=200`, officer)).json();
    expect(now.items.map((u: { id: string }) => u.id)).toContain(ids.unit);
    expect(now.total).toBe(list.total + 1);
    await q("UPDATE inspections SET status = 'submitted' WHERE id = $1", [ids.inspection]);
    const otherYear = (await t.get(`/api/v1/inspections/units?uncoveredIn=2025&pageSize=200`, officer)).json();
    expect(otherYear.items.map((u: { id: string }) => u.id)).toContain(ids.unit);

    const bad = await t.get(`/api/v1/inspections/units?uncoveredIn=abc`, officer);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/[\u4e00-\u9fa5]/);
  });
});
