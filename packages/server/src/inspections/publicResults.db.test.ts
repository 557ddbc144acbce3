/**
 * 双随机抽查结果公示 (issue 10 item 4): the public draw page publishes each inspected object's result
 * only after its record is submitted, the superseding record once a correction is submitted, the 整改
 * state of its hazards, and no personal data — checked against every name, 执法证号, phone and note
 * the database holds.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, type Session, type TestApp } from "../testing/app";
import { starterChecklists } from "@kuanyan/domain/inspections";
import { drawnInspection } from "./field/fixtures.test-support";

let t: TestApp;
let li: Session; // 李明, demo-officer
let wang: Session; // 王芳, demo-officer2
let drawId: string;
let inspected: string; // the inspection done in these tests
const CODE = "91350421000700777X";
const PERSON_CODE = "92350421MA2Y8K3L0P"; // a 个体工商户 registered under its operator's name
const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";
let keyN = 0;
const key = () => `public-results-${Date.now()}-${keyN++}`;

const put = (url: string, body: unknown, s: Session) =>
  t.app.inject({ method: "PUT", url, payload: body as object, headers: { cookie: s.cookie, "x-csrf-token": s.csrf } });

type Result = {
  creditCode: string;
  unitName: string;
  matter: string | null;
  category: string;
  label: string;
  checkedOn: string | null;
  hazards: number;
  rectified: number;
};
async function published() {
  const res = await t.get(`/api/v1/public/inspections/draws/${drawId}`);
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as { results: Result[]; resultsSummary: Record<string, number> };
  return { body, raw: res.body, of: (code: string) => body.results.find((r) => r.creditCode === code)! };
}

async function signAndSubmit(id: string) {
  for (const s of [li, wang])
    expect(
      (await t.post(`/api/v1/field/inspections/${id}/signatures`, { idempotencyKey: key(), signer: "inspector", imageBase64: PNG }, s)).statusCode,
    ).toBe(200);
  const rep = { idempotencyKey: key(), signer: "representative", name: "陈建国", imageBase64: PNG };
  expect((await t.post(`/api/v1/field/inspections/${id}/signatures`, rep, li)).statusCode).toBe(200);
  const res = await t.post(`/api/v1/field/inspections/${id}/submit`, { idempotencyKey: key() }, li);
  expect(res.statusCode, res.body).toBe(200);
}

beforeAll(async () => {
  t = await testApp();
  li = await t.login("demo-officer");
  wang = await t.login("demo-officer2");
  const [draw] = await t.database.query<{ id: string }>(
    "SELECT id::text FROM inspection_draws WHERE kind = 'periodic' AND drawn_at IS NOT NULL AND draw_no LIKE 'MXYJ-%'",
  );
  drawId = draw.id;
  // Two more objects of the demo's quarterly draw: one inspected here, one 个体工商户 left overdue.
  inspected = await drawnInspection(t.database, { creditCode: CODE, unitName: "明溪县城关机械有限公司" });
  const overdue = await drawnInspection(t.database, { creditCode: PERSON_CODE, unitName: "明溪县张三丰", dueBy: "2001-01-31" });
  await t.database.query("UPDATE inspections SET draw_id = $1 WHERE id = ANY($2::uuid[])", [drawId, [inspected, overdue]]);
});
afterAll(async () => t?.close());

describe("结果公示: only a submitted record is published", () => {
  it("before submission the object is 待检查 (or 未检查（逾期） after its due date), with no date and nothing from the record", async () => {
    await t.post(`/api/v1/field/inspections/${inspected}/check-in`, { idempotencyKey: key() }, li);
    const note = "二楼疏散通道堆放纸箱";
    await put(`/api/v1/field/inspections/${inspected}/results/GM-01`, { idempotencyKey: key(), outcome: "pass" }, li);
    await put(
      `/api/v1/field/inspections/${inspected}/results/GM-07`,
      { idempotencyKey: key(), outcome: "fail", note, finding: { kind: "hazard", level: "general" } },
      li,
    );
    await put(`/api/v1/field/inspections/${inspected}/results/GM-11`, { idempotencyKey: key(), outcome: "pass" }, li);
    const { of, body, raw } = await published();
    expect(of(CODE)).toMatchObject({ category: "pending", label: "待检查", checkedOn: null, hazards: 0 });
    expect(of(PERSON_CODE)).toMatchObject({ category: "overdue", label: "未检查（逾期）" });
    expect(raw).not.toContain(note);
    expect(body.resultsSummary).toMatchObject({ total: body.results.length, done: 0, withProblems: 0, overdue: 1 });
  });

  it("once submitted: 发现问题，已责令整改（1项隐患）, the date of the check; 已整改 counts the hazard once it passes 复查", async () => {
    await signAndSubmit(inspected);
    const { of, body } = await published();
    expect(of(CODE)).toMatchObject({ category: "hazards_ordered", label: "发现问题，已责令整改（1项隐患）", hazards: 1, rectified: 0 });
    expect(of(CODE).checkedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(body.resultsSummary).toMatchObject({ done: 1, withProblems: 1 });

    const hazard = { inspectionId: inspected, itemId: "GM-07", deadline: "2099-01-31", responsiblePerson: "赵卫东", idempotencyKey: key() };
    expect((await t.post("/api/v1/hazards", hazard, li)).statusCode).toBe(200);
    expect((await published()).of(CODE)).toMatchObject({ hazards: 1, rectified: 0 });
    await t.database.query("UPDATE hazards SET status = 'review_passed' WHERE inspection_id = $1", [inspected]);
    expect((await published()).of(CODE)).toMatchObject({ hazards: 1, rectified: 1 });
  });

  it("a correction: the corrected record stays published until the correction is submitted, which then takes its place", async () => {
    const results = [{ itemId: "GM-11", outcome: "fail", note: "动火作业无专人现场管理", finding: { kind: "case" } }];
    const res = await t.post(
      `/api/v1/field/inspections/${inspected}/corrections`,
      { idempotencyKey: key(), reason: "检查项GM-11漏记问题，予以更正", results },
      li,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect((await published()).of(CODE)).toMatchObject({ category: "hazards_ordered", hazards: 1 });
    await signAndSubmit(inspected);
    const { of, raw } = await published();
    expect(of(CODE)).toMatchObject({ category: "case_opened", label: "发现问题，已立案调查", hazards: 1, rectified: 1 });
    expect(raw).not.toContain("动火作业无专人现场管理");
  });

  it("检查事项: the published 抽查事项 of the checklist used, else the checklist's title as the record names it", async () => {
    const starter = starterChecklists().find((c) => c.industry === "industry_trade")!;
    expect((await published()).of(CODE).matter).toBe(starter.title);
    const [org] = await t.database.query<{ id: string; region_code: string }>(
      "SELECT organisation_id AS id, region_code FROM inspections WHERE id = $1",
      [inspected],
    );
    await t.database.query(
      `INSERT INTO inspection_matters (region_code, organisation_id, name, checklist_id, published)
       SELECT $1, $2, '机械加工企业安全生产专项检查', checklist_id, true FROM inspections WHERE id = $3`,
      [org.region_code, org.id, inspected],
    );
    expect((await published()).of(CODE).matter).toBe("机械加工企业安全生产专项检查");
  });

  it("the CSV carries the same results (and no formula can run from a cell)", async () => {
    const csv = await t.get(`/api/v1/public/inspections/draws/${drawId}/results.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    const lines = csv.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe('"序号","检查对象","统一社会信用代码","检查事项","检查日期","检查结果","隐患整改"');
    const row = lines.find((l) => l.includes(CODE))!;
    expect(row).toContain('"明溪县城关机械有限公司"');
    expect(row).toContain('"机械加工企业安全生产专项检查"');
    expect(row).toContain('"发现问题，已立案调查","已整改1/1"');
    expect(lines.find((l) => l.includes(PERSON_CODE))).toContain('"明溪县张**"');
  });
});

describe("结果公示 names no person", () => {
  it("a 个体工商户 under its operator's name is masked, a company's name is not", async () => {
    const { of, raw } = await published();
    expect(of(PERSON_CODE).unitName).toBe("明溪县张**");
    expect(raw).not.toContain("张三丰");
    expect(of(CODE).unitName).toBe("明溪县城关机械有限公司");
  });

  it("the public JSON and CSV hold none of the inspectors' names, 执法证号, representatives, contacts, responsible persons, phones or notes", async () => {
    const q = async (sql: string) =>
      (await t.database.query<{ v: string | null }>(sql)).map((r) => r.v).filter((v): v is string => !!v && v.length > 1);
    const secrets = [
      ...(await q("SELECT u.display_name AS v FROM users u JOIN inspector_certificates c ON c.user_id = u.id")),
      ...(await q("SELECT number AS v FROM inspector_certificates")),
      ...(await q("SELECT name AS v FROM inspection_signatures")),
      ...(await q("SELECT contact_name AS v FROM inspection_units")),
      ...(await q("SELECT responsible_person AS v FROM hazards")),
      ...(await q("SELECT note AS v FROM inspection_results")),
      ...(await q("SELECT address AS v FROM inspection_units")),
      ...(await q("SELECT contact_phone_masked AS v FROM inspection_units")),
    ];
    // The demo's inspectors by name too (the display names may carry a title), and what these tests entered.
    secrets.push("李明", "王芳");
    for (const s of ["35042120260001", "35042120260002", "陈建国", "赵卫东", "二楼疏散通道堆放纸箱", "林建国"]) expect(secrets).toContain(s);
    const json = (await published()).raw;
    const csv = (await t.get(`/api/v1/public/inspections/draws/${drawId}/results.csv`)).body;
    for (const body of [json, csv]) {
      for (const s of secrets) expect(body, s).not.toContain(s);
      expect(body).not.toMatch(/(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/); // no mobile number (the demo contacts' are 1380598xxxx)
    }
  });
});
