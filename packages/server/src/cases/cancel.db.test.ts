/**
 * 撤销立案 and 撤销措施: a case or a measure recorded in error is voided with its reason, stays on file,
 * and leaves the statistics form at once (docs/statistics.md §2 rule 6).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { columnUnit, type SoftMethod } from "@kuanyan/domain/measures";
import { testApp, type Session, type TestApp } from "../testing/app";
import { storedAndRecounted } from "../statistics/totals.test-support";

let t: TestApp;
let officer: Session;
let reviewer: Session;
let justiceCity: Session;
let mx: string;

beforeAll(async () => {
  t = await testApp();
  officer = await t.login("demo-officer");
  reviewer = await t.login("demo-reviewer");
  justiceCity = await t.login("demo-justice-city");
  [{ id: mx }] = await t.database.query<{ id: string }>("SELECT id::text FROM organisations WHERE name = '明溪县应急管理局'");
});
afterAll(async () => t?.close());

type Values = Record<string, number>;
async function formOf(year: string): Promise<Values> {
  const res = await t.get(`/api/v1/statistics/form?period=year&year=${year}&scope=organisation&organisationId=${mx}`, justiceCity);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().values as Values;
}

/** An open case of 明溪县应急管理局 whose decision counts on the form, with its counted measures. */
async function countedOpenCase(): Promise<{ id: string; lockVersion: number; decidedOn: string; outcome: string }> {
  const [c] = await t.database.query<{ id: string; lock_version: number; decided_on: string; outcome: string }>(
    `SELECT id::text, lock_version, decided_on::text,
            CASE decided_outcome WHEN 'may_waive' THEN 'no_penalty' ELSE decided_outcome END AS outcome
     FROM cases WHERE organisation_id = $1 AND status IN ('decided', 'in_progress') AND decided_by IS NOT NULL
       AND decided_outcome IN ('no_penalty', 'mitigated', 'lighter', 'no_compulsion') AND party_choice IS DISTINCT FROM 'ordinary_procedure'
       AND EXISTS (SELECT 1 FROM measures m WHERE m.case_id = cases.id AND NOT m.cancelled AND m.written_record IS NOT NULL)
     ORDER BY decided_on DESC, id LIMIT 1`,
    [mx],
  );
  expect(c, "the demo data has an open, counted case").toBeTruthy();
  return { id: c.id, lockVersion: c.lock_version, decidedOn: c.decided_on, outcome: c.outcome };
}

describe("撤销立案（作废）", () => {
  it("the officer cannot void a case alone; a short reason is refused and changes nothing", async () => {
    const c = await countedOpenCase();
    const byOfficer = await t.post(`/api/v1/cases/${c.id}/cancel`, { lockVersion: c.lockVersion, reason: "立案信息有误，当事人登记错误" }, officer);
    expect(byOfficer.statusCode).toBe(403);
    expect(byOfficer.json().message).toContain("撤销立案");
    const short = await t.post(`/api/v1/cases/${c.id}/cancel`, { lockVersion: c.lockVersion, reason: "登记错误" }, reviewer);
    expect(short.statusCode).toBe(400);
    expect(short.json().message).toContain("撤销理由");
    const [after] = await t.database.query<{ status: string; lock_version: number }>("SELECT status, lock_version FROM cases WHERE id = $1", [c.id]);
    expect(after.lock_version).toBe(c.lockVersion);
    expect(after.status).not.toBe("cancelled");
  });

  it("the legal reviewer voids a case with its reason: it stays on file, read-only, and its decision and measures leave the form at once", async () => {
    const c = await countedOpenCase();
    const year = c.decidedOn.slice(0, 4);
    const measures = await t.database.query<{ method: SoftMethod; persons: number; year: string }>(
      `SELECT method, persons, to_char(carried_out_on, 'YYYY') AS year FROM measures
       WHERE case_id = $1 AND NOT cancelled AND (document_id IS NOT NULL OR btrim(coalesce(written_record, '')) <> '')`,
      [c.id],
    );
    const before = await formOf(year);
    const res = await t.post(
      `/api/v1/cases/${c.id}/cancel`,
      { lockVersion: c.lockVersion, reason: "立案时当事人登记错误，实为另一企业，予以撤销" },
      reviewer,
    );
    expect(res.statusCode, res.body).toBe(200);
    const file = res.json();
    expect(file.case.status).toBe("cancelled");
    expect(file.case.terminationReason).toContain("实为另一企业");
    expect(file.timeline.some((e: { action: string }) => e.action === "case.cancelled")).toBe(true);

    const after = await formOf(year);
    expect(after[c.outcome]).toBe(before[c.outcome] - 1);
    const expected: Values = { ...before, [c.outcome]: before[c.outcome] - 1 };
    for (const m of measures.filter((x) => x.year === year)) expected[m.method] -= columnUnit(m.method) === "人次" ? m.persons : 1;
    expect(after).toEqual(expected);
    const { stored, recounted } = await storedAndRecounted(t.database);
    expect(stored).toEqual(recounted);

    // Voided is final here: no further measure, no further evidence.
    const again = await t.post(
      `/api/v1/cases/${c.id}/measures`,
      { lockVersion: file.case.lockVersion, method: "persuasion", carriedOutOn: c.decidedOn, writtenRecord: "再次说服教育的记录" },
      officer,
    );
    expect(again.statusCode).toBe(422);
    const evidence = await t.post(
      `/api/v1/cases/${c.id}/evidence`,
      { lockVersion: file.case.lockVersion, fileName: "补充.pdf", contentBase64: Buffer.from("%PDF-1.4 x").toString("base64") },
      officer,
    );
    expect(evidence.statusCode).toBe(422);
    expect(evidence.json().message).toContain("已撤销");
  });
});

describe("撤销误录的措施", () => {
  it("the officer cancels a measure with its reason: it stays in the file marked, no longer counts, and cannot be cancelled twice", async () => {
    const c = await countedOpenCase();
    const [m] = await t.database.query<{ id: string; method: SoftMethod; persons: number; year: string }>(
      `SELECT id::text, method, persons, to_char(carried_out_on, 'YYYY') AS year FROM measures
       WHERE case_id = $1 AND NOT cancelled AND btrim(coalesce(written_record, '')) <> '' ORDER BY carried_out_on LIMIT 1`,
      [c.id],
    );
    const before = await formOf(m.year);
    const res = await t.post(
      `/api/v1/cases/${c.id}/measure-cancellations`,
      { lockVersion: c.lockVersion, measureId: m.id, reason: "重复录入，同一次说服教育" },
      officer,
    );
    expect(res.statusCode, res.body).toBe(200);
    const file = res.json();
    expect(file.measures.find((x: { id: string }) => x.id === m.id).cancelled).toBe(true);
    const event = file.timeline.find((e: { action: string }) => e.action === "case.measure_cancelled");
    expect(event).toBeTruthy();
    const after = await formOf(m.year);
    expect(after[m.method]).toBe(before[m.method] - (columnUnit(m.method) === "人次" ? m.persons : 1));
    const [audit] = await t.database.query<{ after: { reason: string } }>(
      "SELECT after FROM audit_events WHERE action = 'case.measure_cancelled' AND entity_id = $1",
      [c.id],
    );
    expect(audit.after.reason).toBe("重复录入，同一次说服教育");

    const twice = await t.post(
      `/api/v1/cases/${c.id}/measure-cancellations`,
      { lockVersion: file.case.lockVersion, measureId: m.id, reason: "重复录入，同一次说服教育" },
      officer,
    );
    expect(twice.statusCode).toBe(422);
    expect(twice.json().message).toBe("该措施已撤销");
  });
});
