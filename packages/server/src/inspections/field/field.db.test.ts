/**
 * The inspection on site (issue 10 §6, §7): 签到, results item by item (a replayed result is not
 * duplicated), photos hashed, both inspectors and the unit sign, the submitted 现场检查记录 is locked
 * and numbered, a failed item becomes a hazard or opens a case (a 重大事故隐患 carries the flag).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, type Session, type TestApp } from "../../testing/app";
import { drawnInspection } from "./fixtures.test-support";

let t: TestApp;
let li: Session; // 李明, demo-officer
let wang: Session; // 王芳, demo-officer2
let jj: Session;
let reviewer: Session;
let id: string;

const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";
let keyN = 0;
const key = () => `test-key-${Date.now()}-${keyN++}`;

beforeAll(async () => {
  t = await testApp();
  li = await t.login("demo-officer");
  wang = await t.login("demo-officer2");
  jj = await t.login("demo-officer-jj");
  reviewer = await t.login("demo-reviewer");
  id = await drawnInspection(t.database);
});
afterAll(async () => t?.close());

const put = (url: string, body: unknown, s: Session) =>
  t.app.inject({ method: "PUT", url, payload: body as object, headers: { cookie: s.cookie, "x-csrf-token": s.csrf } });
const count = async (sql: string, params: unknown[]) => (await t.database.query<{ n: number }>(sql, params))[0].n;

describe("今日检查 and 签到", () => {
  it("the drawn inspection is on both inspectors' day; another county does not see it; a reviewer cannot check in", async () => {
    const day = await t.get("/api/v1/field/today", li);
    expect(day.statusCode, day.body).toBe(200);
    expect(day.json().items.map((i: { id: string }) => i.id)).toContain(id);
    expect((await t.get(`/api/v1/field/inspections/${id}`, jj)).statusCode).toBe(404);
    expect((await t.post(`/api/v1/field/inspections/${id}/check-in`, { idempotencyKey: key() }, reviewer)).statusCode).toBe(403);
  });

  it("results before 签到 are refused; check-in records time and location once, a replay changes nothing", async () => {
    const early = await put(`/api/v1/field/inspections/${id}/results/GM-01`, { idempotencyKey: key(), outcome: "pass" }, li);
    expect(early.statusCode).toBe(422);
    const k = key();
    const res = await t.post(`/api/v1/field/inspections/${id}/check-in`, { idempotencyKey: k, location: { latitude: 26.35, longitude: 117.2 } }, li);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: "started", checkIn: { latitude: 26.35, longitude: 117.2 } });
    expect((await t.post(`/api/v1/field/inspections/${id}/check-in`, { idempotencyKey: k }, li)).statusCode).toBe(200);
    expect((await t.post(`/api/v1/field/inspections/${id}/check-in`, { idempotencyKey: key() }, wang)).statusCode).toBe(200);
    expect(await count("SELECT count(*)::int AS n FROM inspection_check_ins WHERE inspection_id = $1", [id])).toBe(1);
  });
});

describe("检查项 and signatures", () => {
  it("a replayed result is not duplicated and leaves one audit event", async () => {
    const k = key();
    const body = { idempotencyKey: k, outcome: "pass" };
    expect((await put(`/api/v1/field/inspections/${id}/results/GM-01`, body, li)).statusCode).toBe(200);
    expect((await put(`/api/v1/field/inspections/${id}/results/GM-01`, body, li)).statusCode).toBe(200);
    expect((await put(`/api/v1/field/inspections/${id}/results/GM-01`, { ...body, idempotencyKey: key() }, wang)).statusCode).toBe(200);
    expect(await count("SELECT count(*)::int AS n FROM inspection_results WHERE inspection_id = $1 AND item_id = 'GM-01'", [id])).toBe(1);
    expect(await count("SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action = 'inspection.result_recorded'", [id])).toBe(1);
  });

  it("a failed item needs the problem; photos must be uploaded first and are stored once by hash", async () => {
    const noNote = await put(
      `/api/v1/field/inspections/${id}/results/GM-07`,
      { idempotencyKey: key(), outcome: "fail", finding: { kind: "hazard", level: "general" } },
      li,
    );
    expect(noNote.statusCode).toBe(422);
    expect(noNote.json().message).toContain("请写明发现的问题");
    const photo = await t.post(`/api/v1/field/inspections/${id}/photos`, { contentBase64: PNG }, li);
    expect(photo.statusCode, photo.body).toBe(200);
    expect((await t.post(`/api/v1/field/inspections/${id}/photos`, { contentBase64: PNG }, li)).json().sha256).toBe(photo.json().sha256);
    expect(await count("SELECT count(*)::int AS n FROM inspection_photos WHERE inspection_id = $1", [id])).toBe(1);
    const ghost = await put(
      `/api/v1/field/inspections/${id}/results/GM-07`,
      { idempotencyKey: key(), outcome: "fail", note: "疏散通道堆放纸箱", photos: ["b".repeat(64)], finding: { kind: "hazard", level: "general" } },
      li,
    );
    expect(ghost.statusCode).toBe(422);
    const ok = await put(
      `/api/v1/field/inspections/${id}/results/GM-07`,
      {
        idempotencyKey: key(),
        outcome: "fail",
        note: "二楼疏散通道堆放纸箱",
        photos: [photo.json().sha256],
        finding: { kind: "hazard", level: "general" },
      },
      li,
    );
    expect(ok.statusCode, ok.body).toBe(200);
    const major = await put(
      `/api/v1/field/inspections/${id}/results/GM-11`,
      { idempotencyKey: key(), outcome: "fail", note: "动火作业无专人现场管理", finding: { kind: "case", majorHazard: true } },
      li,
    );
    expect(major.json().message).toContain("判定依据");
    const caseItem = await put(
      `/api/v1/field/inspections/${id}/results/GM-11`,
      {
        idempotencyKey: key(),
        outcome: "fail",
        note: "动火作业无专人现场管理",
        photos: [photo.json().sha256],
        finding: { kind: "case", majorHazard: true, criterion: "工贸行业重大事故隐患判定标准第二条" },
      },
      li,
    );
    expect(caseItem.statusCode, caseItem.body).toBe(200);
  });

  it("the submit needs two inspectors and the unit; a changed result voids the signatures given", async () => {
    const png = { imageBase64: PNG };
    expect((await t.post(`/api/v1/field/inspections/${id}/signatures`, { idempotencyKey: key(), signer: "inspector", ...png }, li)).statusCode).toBe(
      200,
    );
    const notYet = await t.post(`/api/v1/field/inspections/${id}/submit`, { idempotencyKey: key() }, li);
    expect(notYet.statusCode).toBe(422);
    expect(notYet.json().message).toContain("两名执法人员签名");
    // a change of GM-01 voids 李明's signature: it is not shown as signed
    const changed = await put(`/api/v1/field/inspections/${id}/results/GM-01`, { idempotencyKey: key(), outcome: "not_applicable" }, li);
    expect(changed.json().signatures).toEqual([]);
    for (const s of [li, wang])
      expect((await t.post(`/api/v1/field/inspections/${id}/signatures`, { idempotencyKey: key(), signer: "inspector", ...png }, s)).statusCode).toBe(
        200,
      );
    const rep = await t.post(
      `/api/v1/field/inspections/${id}/signatures`,
      { idempotencyKey: key(), signer: "representative", name: "陈建国", ...png },
      li,
    );
    expect(rep.statusCode, rep.body).toBe(200);
    expect(rep.json().signatures.map((s: { name: string }) => s.name)).toEqual(["李明（执法人员）", "王芳（执法人员）", "陈建国"]);
  });
});

describe("提交 → 现场检查记录 (locked)", () => {
  it("submits once, numbered; the PDF carries the unit, the items and the signatures; nothing changes afterwards", async () => {
    const k = key();
    const res = await t.post(`/api/v1/field/inspections/${id}/submit`, { idempotencyKey: k }, wang);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: "submitted", record: { recordNo: expect.stringMatching(/检〔\d{4}〕1号$/) } });
    expect((await t.post(`/api/v1/field/inspections/${id}/submit`, { idempotencyKey: k }, wang)).statusCode).toBe(200);
    expect(await count("SELECT count(*)::int AS n FROM inspection_records WHERE inspection_id = $1", [id])).toBe(1);
    const locked = await put(`/api/v1/field/inspections/${id}/results/GM-01`, { idempotencyKey: key(), outcome: "pass" }, li);
    expect(locked.statusCode).toBe(422);
    expect(locked.json().message).toContain("已提交");
    expect(
      (
        await t.post(
          `/api/v1/field/inspections/${id}/signatures`,
          { idempotencyKey: key(), signer: "representative", refused: true, note: "改口" },
          li,
        )
      ).statusCode,
    ).toBe(422);

    const pdf = await t.get(`/api/v1/field/inspections/${id}/record.pdf`, li);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "record-")), "r.pdf");
    fs.writeFileSync(file, pdf.rawPayload);
    const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString().replace(/\s+/g, "");
    for (const s of [
      "现场检查记录",
      "明溪县城关机械有限公司",
      "91350582000700396X",
      "二楼疏散通道堆放纸箱",
      "不符合",
      "李明",
      "王芳",
      "陈建国",
      "记为一般隐患",
      "立案查处（属于重大事故隐",
    ])
      expect(text).toContain(s);
    const docx = await t.get(`/api/v1/field/inspections/${id}/record.docx`, li);
    expect(docx.statusCode).toBe(200);
    const figures = await t.get("/api/v1/hazards/figures?year=2026", li);
    expect(figures.statusCode, figures.body).toBe(200);
    expect(figures.json().inspections.done).toBeGreaterThanOrEqual(1);
  });
});

describe("不符合项 → 隐患 or 立案", () => {
  it("GM-07 becomes one 一般隐患 (a replay returns the same); GM-11 opens one case with the 重大事故隐患 in its facts", async () => {
    const body = { inspectionId: id, itemId: "GM-07", deadline: "2099-01-31", responsiblePerson: "陈建国", idempotencyKey: key() };
    const h = await t.post("/api/v1/hazards", body, li);
    expect(h.statusCode, h.body).toBe(200);
    expect(h.json().created).toBe(true);
    expect((await t.post("/api/v1/hazards", { ...body, idempotencyKey: key() }, wang)).json()).toEqual({ id: h.json().id, created: false });
    expect((await t.post("/api/v1/hazards", { ...body, itemId: "GM-11" }, li)).statusCode).toBe(422);

    const c = await t.post(`/api/v1/field/inspections/${id}/items/GM-11/case`, { idempotencyKey: key() }, li);
    expect(c.statusCode, c.body).toBe(200);
    expect((await t.post(`/api/v1/field/inspections/${id}/items/GM-11/case`, { idempotencyKey: key() }, wang)).json()).toEqual(c.json());
    const [row] = await t.database.query<{ facts: string; circumstances: { majorHazard?: boolean }; party_credit_code: string; evidence: number }>(
      "SELECT facts, circumstances, party_credit_code, (SELECT count(*)::int FROM evidence e WHERE e.case_id = c.id) AS evidence FROM cases c WHERE id = $1",
      [c.json().caseId],
    );
    expect(row.facts).toContain("经判定，该问题属于重大事故隐患");
    expect(row.circumstances.majorHazard).toBe(true);
    expect(row.party_credit_code).toBe("91350582000700396X");
    expect(row.evidence).toBe(1);
    const view = await t.get(`/api/v1/field/inspections/${id}`, li);
    expect(view.json().hazards).toMatchObject([{ itemId: "GM-07", level: "general", status: "open" }]);
    expect(view.json().cases).toMatchObject([{ itemId: "GM-11", caseNo: c.json().caseNo }]);
  });
});

describe("更正记录 (a submitted record is locked; a correction supersedes it, both kept)", () => {
  it("a correction without a reason is refused and changes nothing; with one, a new numbered record supersedes the old, which stays downloadable", async () => {
    const url = `/api/v1/field/inspections/${id}/corrections`;
    const results = [{ itemId: "GM-01", outcome: "pass", note: "补记：消防设施已复核" }];
    const noReason = await t.post(url, { idempotencyKey: key(), reason: "改", results }, li);
    expect(noReason.statusCode).toBe(400);
    expect(await count("SELECT count(*)::int AS n FROM inspection_records WHERE inspection_id = $1", [id])).toBe(1);
    const before = (await t.get(`/api/v1/field/inspections/${id}`, li)).json();
    expect(before).toMatchObject({ status: "submitted", allowedActions: ["inspection.correct"], supersededRecords: [] });
    expect((await t.get(`/api/v1/field/inspections/${id}`, reviewer)).json().allowedActions ?? []).not.toContain("inspection.correct");

    const [old] = await t.database.query<{ id: string; record_no: string }>("SELECT id, record_no FROM inspection_records WHERE inspection_id = $1", [
      id,
    ]);
    const res = await t.post(url, { idempotencyKey: key(), reason: "检查项GM-01备注漏记，予以补正", results }, li);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: "started", signatures: [] });
    expect(res.json().record.recordNo).not.toBe(old.record_no);
    const rows = await t.database.query<{
      id: string;
      supersedes_id: string | null;
      superseded_by_id: string | null;
      correction_reason: string | null;
    }>("SELECT id, supersedes_id, superseded_by_id, correction_reason FROM inspection_records WHERE inspection_id = $1 ORDER BY submitted_at", [id]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ id: old.id, superseded_by_id: rows[1].id });
    expect(rows[1]).toMatchObject({ supersedes_id: old.id, correction_reason: "检查项GM-01备注漏记，予以补正" });
    expect(res.json().supersededRecords).toMatchObject([{ id: old.id, recordNo: old.record_no, correctionReason: "检查项GM-01备注漏记，予以补正" }]);
    expect(res.json().allowedActions).toEqual([]);
    const oldPdf = await t.get(`/api/v1/field/inspections/${id}/record.pdf?recordId=${old.id}`, li);
    expect(oldPdf.statusCode).toBe(200);
    expect(await count("SELECT count(*)::int AS n FROM audit_events WHERE action = 'inspection.corrected' AND entity_id = $1", [id])).toBe(1);
    // Not submitted yet: a second correction is refused until it is signed and submitted anew.
    expect((await t.post(url, { idempotencyKey: key(), reason: "再次更正的理由", results }, li)).statusCode).toBe(422);
    for (const s of [li, wang])
      expect(
        (await t.post(`/api/v1/field/inspections/${id}/signatures`, { idempotencyKey: key(), signer: "inspector", imageBase64: PNG }, s)).statusCode,
      ).toBe(200);
    const rep = { idempotencyKey: key(), signer: "representative", name: "陈建国", imageBase64: PNG };
    expect((await t.post(`/api/v1/field/inspections/${id}/signatures`, rep, li)).statusCode).toBe(200);
    const again = await t.post(`/api/v1/field/inspections/${id}/submit`, { idempotencyKey: key() }, li);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ status: "submitted", record: { recordNo: res.json().record.recordNo } });
    expect(await count("SELECT count(*)::int AS n FROM inspection_records WHERE inspection_id = $1", [id])).toBe(2);
    const pdf = await t.get(`/api/v1/field/inspections/${id}/record.pdf`, li);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "record-")), "r.pdf");
    fs.writeFileSync(file, pdf.rawPayload);
    const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString().replace(/\s+/g, "");
    expect(text).toContain(`本记录更正${old.record_no}`);
  });
});

describe("every row of the inspection on site names its inspection (foreign keys, migration 0015)", () => {
  it("a result, photo, signature, record, check-in, case link or hazard naming no inspection is refused; an inspection with records cannot be deleted", async () => {
    const none = "00000000-0000-4000-8000-000000000000";
    const [{ org, region }] = await t.database.query<{ org: string; region: string }>(
      "SELECT organisation_id AS org, region_code AS region FROM inspections WHERE id = $1",
      [id],
    );
    const inserts: [string, unknown[]][] = [
      [
        "INSERT INTO inspection_results (region_code, organisation_id, inspection_id, item_id, outcome, idempotency_key, recorded_by) VALUES ($1, $2, $3, 'GM-01', 'pass', 'k', $3)",
        [region, org, none],
      ],
      [
        "INSERT INTO inspection_photos (region_code, organisation_id, inspection_id, mime, size, sha256, data) VALUES ($1, $2, $3, 'image/png', 1, 'x', '\\x00')",
        [region, org, none],
      ],
      [
        "INSERT INTO inspection_signatures (region_code, organisation_id, inspection_id, signer_kind, name, idempotency_key) VALUES ($1, $2, $3, 'inspector', 'x', 'k')",
        [region, org, none],
      ],
      [
        "INSERT INTO inspection_check_ins (region_code, organisation_id, inspection_id, user_id, at, idempotency_key) VALUES ($1, $2, $3, $3, now(), 'k')",
        [region, org, none],
      ],
      [
        "INSERT INTO inspection_records (region_code, organisation_id, inspection_id, record_no, content, sha256, pdf, submitted_by) VALUES ($1, $2, $3, 'x', '{}', 'x', '\\x00', $3)",
        [region, org, none],
      ],
      [
        "INSERT INTO inspection_case_links (region_code, organisation_id, inspection_id, item_id, case_id) VALUES ($1, $2, $3, 'GM-99', $4)",
        [region, org, id, none],
      ],
      [
        "INSERT INTO hazards (region_code, organisation_id, inspection_id, item_id, credit_code, unit_name, level, description, responsible_person, found_on, deadline, status) VALUES ($1, $2, $3, 'GM-99', 'x', 'x', 'general', 'x', 'x', '2026-12-01', '2026-12-31', 'open')",
        [region, org, none],
      ],
    ];
    for (const [sql, params] of inserts) await expect(t.database.query(sql, params), sql.slice(0, 40)).rejects.toThrow(/foreign key/);
    expect(await count("SELECT count(*)::int AS n FROM inspection_records WHERE inspection_id = $1", [id])).toBeGreaterThan(0);
    await expect(t.database.query("DELETE FROM inspections WHERE id = $1", [id])).rejects.toThrow(/foreign key/);
    expect(await count("SELECT count(*)::int AS n FROM inspections WHERE id = $1", [id])).toBe(1);
  });
});
