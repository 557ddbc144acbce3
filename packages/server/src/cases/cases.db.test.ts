import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { ZCaseFile } from "@kuanyan/contract/cases";
import { findMatter } from "@kuanyan/domain/matters";
import { matterBenchmarkFine } from "@kuanyan/domain/statistics";
import { testApp, type Session, type TestApp } from "../testing/app";
import { ensureSanmingLists } from "../decisions/lists.test-support";
import { documentsModuleInstalled } from "./closeCase";
import { sampleSealPng } from "../documents/render/sample-images";

// The clock of these tests: 2026-03-10, 10:00 in China.
const NOW = new Date("2026-03-10T02:00:00Z");
const GENERAL_ENTERPRISE_CODE = "91350421MA2Y8K7P02";
const ID_NUMBER = "350421198506121230";

let t: TestApp;
let officer: Session;
let officer2: Session;
let reviewer: Session;
let officerJj: Session;
let officerIds: string[];

beforeAll(async () => {
  t = await testApp({ now: () => NOW });
  await ensureSanmingLists(t.database.db);
  officer = await t.login("demo-officer");
  officer2 = await t.login("demo-officer2");
  reviewer = await t.login("demo-reviewer");
  officerJj = await t.login("demo-officer-jj");
  const rows = await t.database.query<{ id: string }>("SELECT id FROM users WHERE username IN ('demo-officer', 'demo-officer2') ORDER BY username");
  officerIds = rows.map((r) => r.id);
});
afterAll(async () => t?.close());

function intake(over: Record<string, unknown> = {}, party: Record<string, unknown> = {}) {
  return {
    party: {
      type: "enterprise",
      name: "明溪县鑫源竹木制品有限公司",
      creditCode: GENERAL_ENTERPRISE_CODE,
      address: "福建省三明市明溪县雪峰镇城关工业园区8号",
      industryCategory: "general",
      contact: "陈建华",
      phone: "13859871234",
      ...party,
    },
    matterCode: "YJ-AQSCF-097-04",
    facts: "检查发现该公司2026年新入职的3名员工已参加三级安全教育培训，但培训记录表未如实填写培训时间和学时。",
    actDate: "2026-03-01",
    discoveredOn: "2026-03-05",
    inspection: { date: "2026-03-05", place: "公司生产车间及办公室", officerIds },
    ...over,
  };
}

/** The answer of the case routes, as the contract serialises it (JSON). */
type CaseFile = z.infer<typeof ZCaseFile>;

async function open(body = intake()): Promise<CaseFile> {
  const res = await t.post("/api/v1/cases", body, officer);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function act(id: string, path: string, body: Record<string, unknown>, session = officer): Promise<CaseFile> {
  const res = await t.post(`/api/v1/cases/${id}/${path}`, body, session);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const answered = { firstTimeFound: true, harm: "none", answers: { training_done_evidence: true } };

async function counts() {
  const out: Record<string, number> = {};
  for (const table of ["cases", "evidence", "case_tasks", "measures", "audit_events"]) out[table] = await t.count(table);
  return out;
}

describe("a 不予处罚 case from intake to archive (三明 不予处罚清单 第4项, claimed by 明溪县应急管理局)", () => {
  it("runs the whole lifecycle and locks the closed case", async () => {
    let f = await open();
    const id = f.case.id as string;
    expect(f.case.status).toBe("intake");
    expect(f.case.caseNo).toMatch(/^明溪应急柔案〔2026〕\d+号$/);
    expect(f.case.inspection.officers?.map((o) => o.licenceNo).sort()).toEqual(["35042120260001", "35042120260002"]);

    // Evidence: a real PNG is stored with its SHA-256.
    // A whole PNG: evidence is walked by its content (a bare PNG signature and header are refused).
    const png = sampleSealPng(8);
    f = await act(id, "evidence", { fileName: "培训记录.png", contentBase64: png.toString("base64"), lockVersion: f.case.lockVersion });
    expect(f.evidence[0]).toMatchObject({ mime: "image/png", size: png.length });
    expect(f.evidence[0].sha256).toMatch(/^[0-9a-f]{64}$/);

    // 责令限期改正 → a 复查 task; the engine cannot be firm while the deadline runs.
    f = await act(id, "correction", {
      lockVersion: f.case.lockVersion,
      dueDate: "2026-03-20",
      requirements: "如实补记培训时间、学时并由受训人员签字",
    });
    expect(f.tasks).toHaveLength(1);
    expect(f.tasks[0]).toMatchObject({ kind: "reinspection", dueOn: "2026-03-20" });
    f = await act(id, "evaluate", { lockVersion: f.case.lockVersion, circumstances: answered });
    expect(f.case.decision?.firm).toBe(false);
    let refused = await t.post(`/api/v1/cases/${id}/decide`, { lockVersion: f.case.lockVersion, confirm: true }, officer);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().message).toContain("研判尚有待确认的问题");

    // 复查: corrected within the deadline → 不予行政处罚 under the claimed list item 4.
    f = await act(id, "reinspection", {
      lockVersion: f.case.lockVersion,
      inspectedOn: "2026-03-10",
      corrected: true,
      notes: "已补记培训记录，受训人员签字确认",
    });
    f = await act(id, "evaluate", { lockVersion: f.case.lockVersion, circumstances: answered });
    expect(f.case.proposedOutcome).toBe("no_penalty");
    expect(f.case.decision?.listItem).toMatchObject({ seq: 4, listType: "no_penalty", claimed: true });
    expect(f.case.listItemSeq).toBe(4);
    expect(f.case.listVersionId).toBeTruthy();
    expect(f.case.decision?.reasons.length).toBeGreaterThan(0);

    f = await act(id, "party-choice", { lockVersion: f.case.lockVersion, choice: "accept_soft" });
    f = await act(id, "decide", { lockVersion: f.case.lockVersion, confirm: true });
    expect(f.case).toMatchObject({ status: "decided", decidedOutcome: "no_penalty", route: "caution", decidedOn: "2026-03-10" });
    // The benchmark fine of the matter is fixed on the case when it is decided (减轻当事人经济负担).
    const benchmark = matterBenchmarkFine(findMatter(f.case.matterCode));
    expect(benchmark).not.toBeNull();
    expect(Number(f.case.benchmarkFineYuan)).toBe(benchmark);

    // Closing needs the education record (第三十三条第三款).
    if (!documentsModuleInstalled()) {
      refused = await t.post(`/api/v1/cases/${id}/close`, { lockVersion: f.case.lockVersion }, officer);
      expect(refused.statusCode).toBe(422);
      expect(refused.json().message).toContain("缺少对当事人进行教育的书面记录");
    }
    f = await act(id, "measures", {
      lockVersion: f.case.lockVersion,
      method: "administrativeWarning",
      carriedOutOn: "2026-03-10",
      writtenRecord: "向企业负责人送达行政告诫书，告知如实记录培训情况的要求。",
    });
    expect(f.case.status).toBe("in_progress");

    // A scheduled follow-up is an open deadline: closing is refused.
    f = await act(id, "follow-ups", { lockVersion: f.case.lockVersion, dueOn: "2026-03-10" });
    refused = await t.post(`/api/v1/cases/${id}/close`, { lockVersion: f.case.lockVersion }, officer);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().message).toContain("回访（期限 2026-03-10）尚未完成");

    f = await act(id, "follow-up-records", {
      lockVersion: f.case.lockVersion,
      visitedOn: "2026-03-10",
      responsiblePerson: "陈建华",
      visitor: "李明、王芳",
      execution: "企业已补全培训记录，并建立培训台账。",
      conductEvaluation: "satisfied",
      conductComment: "执法人员文明规范，没有吃拿卡要",
      suggestions: "希望多开展安全培训指导",
      signedBy: "陈建华",
      phone: "13859871234",
    });
    expect(f.tasks.find((x) => x.kind === "follow_up")?.result).toMatchObject({ conductEvaluation: "satisfied", signedBy: "陈建华" });
    expect(f.measures.map((m) => m.method)).toEqual(["administrativeWarning", "followUpVisit"]);

    if (documentsModuleInstalled()) {
      // The 不予行政处罚决定书 must be issued before archiving.
      refused = await t.post(`/api/v1/cases/${id}/close`, { lockVersion: f.case.lockVersion }, officer);
      expect(refused.statusCode).toBe(422);
      expect(refused.json().message).toContain("缺少文书：不予行政处罚决定书");
      const doc = await t.post(
        "/api/v1/documents",
        {
          caseId: id,
          type: "no_penalty_decision",
          values: {
            mitigatingCircumstances: "你单位属于首次被发现，已在责令期限内改正，没有造成危害后果",
            educationRequirements: "认真学习安全生产法律法规，如实记录安全生产教育和培训情况",
            reconsiderationBody: "明溪县人民政府",
            court: "明溪县人民法院",
          },
        },
        officer,
      );
      expect(doc.statusCode, doc.body).toBe(201);
      // The correction was ordered: its 责令限期改正通知书 as well.
      const order = await t.post(
        "/api/v1/documents",
        {
          caseId: id,
          type: "correction_order",
          values: {
            orderBasis: "《中华人民共和国安全生产法》第九十七条",
            correctionRequirements: "如实补记培训时间、学时并由受训人员签字",
            reconsiderationBody: "明溪县人民政府",
            court: "明溪县人民法院",
          },
        },
        officer,
      );
      expect(order.statusCode, order.body).toBe(201);
      f = (await t.get(`/api/v1/cases/${id}`, officer)).json();
    }
    {
      f = await act(id, "close", { lockVersion: f.case.lockVersion });
      expect(f.case.status).toBe("closed");
      // Locked: no edit without a recorded reopening.
      refused = await t.post(
        `/api/v1/cases/${id}/measures`,
        { lockVersion: f.case.lockVersion, method: "persuasion", carriedOutOn: "2026-03-10", writtenRecord: "再次说服教育" },
        officer,
      );
      expect(refused.statusCode).toBe(422);
      expect(refused.json().message).toContain("已办结归档并锁定");
      f = await act(id, "reopen", { lockVersion: f.case.lockVersion, reason: "补充归档材料：回访照片" });
      expect(f.case).toMatchObject({ status: "in_progress", reopenCount: 1 });
      expect(f.timeline.map((e) => e.action)).toEqual(
        expect.arrayContaining(["case.opened", "case.evaluated", "case.decided", "case.closed", "case.reopened"]),
      );
    }
  });
});

describe("the party asks for the ordinary procedure (seed 002)", () => {
  it("routes the case to 普通程序 and ends soft enforcement with the reason", async () => {
    let f = await open();
    f = await act(f.case.id, "party-choice", {
      lockVersion: f.case.lockVersion,
      choice: "ordinary_procedure",
      statement: "当事人对检查结论有异议，要求按一般程序办理",
    });
    expect(f.case).toMatchObject({ status: "transferred", route: "ordinary", partyChoice: "ordinary_procedure" });
    expect(f.case.terminationReason).toContain("当事人要求适用普通程序");
    const refused = await t.post(`/api/v1/cases/${f.case.id}/evaluate`, { lockVersion: f.case.lockVersion, circumstances: answered }, officer);
    expect(refused.statusCode).toBe(422);
  });
});

describe("procedure routes", () => {
  it("普通程序: no decision before the 法制审核 (第五十八条); the reviewer's queue shows the case", async () => {
    let f = await open(intake({}, { type: "individual", name: "张某某", creditCode: undefined, idNumber: ID_NUMBER }));
    expect(f.case.partyIdNumberMasked).toBe("3504**********1230");
    expect(f.case).not.toHaveProperty("partyIdNumberEnc");
    const [raw] = await t.database.query<{ party_id_number_enc: string }>("SELECT party_id_number_enc FROM cases WHERE id = $1", [f.case.id]);
    expect(raw.party_id_number_enc).not.toContain(ID_NUMBER);
    const id = f.case.id;
    f = await act(id, "evaluate", {
      lockVersion: f.case.lockVersion,
      circumstances: {
        firstTimeFound: false,
        firstOffence: false,
        correction: "not_corrected",
        harm: "minor",
        majorHazard: false,
        minorViolation: false,
        noSubjectiveFault: false,
      },
    });
    f = await act(id, "route", { lockVersion: f.case.lockVersion, route: "ordinary" });
    const queue = (await t.get("/api/v1/cases/review-queue", reviewer)).json();
    expect(queue.items.map((c: { id: string }) => c.id)).toContain(id);
    const early = await t.post(
      `/api/v1/cases/${id}/decide`,
      { lockVersion: f.case.lockVersion, confirm: false, outcome: "ordinary", fineYuan: 5000, departureReason: "情节一般，依法处罚，罚款五千元" },
      officer,
    );
    expect(early.statusCode).toBe(422);
    expect(early.json().message).toContain("法制审核");
    // An officer cannot review.
    expect(
      (await t.post(`/api/v1/cases/${id}/review`, { lockVersion: f.case.lockVersion, result: "approved", opinion: "同意" }, officer)).statusCode,
    ).toBe(403);
    f = await act(id, "review", { lockVersion: f.case.lockVersion, result: "approved", opinion: "事实清楚，证据确凿，程序合法，同意" }, reviewer);
    expect(f.case.reviewStatus).toBe("approved");
    expect(f.case.review?.reviewerName).toContain("赵敏");
  });

  it("简易程序: a fine over 200 元 on a citizen is refused (第五十一条)", async () => {
    let f = await open(intake({}, { type: "individual", name: "李某", creditCode: undefined, idNumber: ID_NUMBER }));
    f = await act(f.case.id, "evaluate", {
      lockVersion: f.case.lockVersion,
      circumstances: {
        firstTimeFound: false,
        firstOffence: false,
        correction: "not_corrected",
        harm: "minor",
        minorViolation: false,
        noSubjectiveFault: false,
        majorHazard: false,
      },
    });
    f = await act(f.case.id, "route", { lockVersion: f.case.lockVersion, route: "summary" });
    const res = await t.post(
      `/api/v1/cases/${f.case.id}/decide`,
      { lockVersion: f.case.lockVersion, confirm: false, outcome: "lighter", fineYuan: 500, departureReason: "当事人积极配合调查，从轻处罚" },
      officer,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain("对公民不超过二百元");
  });

  it("案件移送 on suspicion of a crime (行刑衔接) ends the case here", async () => {
    const f = await open();
    const g = await act(f.case.id, "route", {
      lockVersion: f.case.lockVersion,
      route: "transfer",
      transfer: { reason: "suspected_crime", receivingBody: "明溪县公安局" },
    });
    expect(g.case.status).toBe("transferred");
    expect(g.case.terminationReason).toContain("行刑衔接");
  });
});

describe("bad input: Chinese errors and nothing written", () => {
  it("refuses an invalid credit code, discovery before the act, a future date and a single officer", async () => {
    const before = await counts();
    const cases: [Record<string, unknown>, string][] = [
      [intake({}, { creditCode: "91350421MA2Y8K7P03" }), "统一社会信用代码"],
      [intake({ actDate: "2026-03-06", discoveredOn: "2026-03-05" }), "发现日期：不能早于违法行为发生日期"],
      [intake({ discoveredOn: "2026-03-11" }), "不能晚于今天"],
      [intake({ inspection: { date: "2026-03-05", place: "车间", officerIds: officerIds.slice(0, 1) } }), "执法人员不得少于两人"],
      [intake({}, { type: "individual", creditCode: undefined, idNumber: "350421198506121231" }), "身份证号码"],
    ];
    for (const [body, message] of cases) {
      const res = await t.post("/api/v1/cases", body, officer);
      expect(res.statusCode, message).toBe(400);
      expect(res.json().message).toContain(message);
    }
    expect(await counts()).toEqual(before);
  });

  it("refuses a correction deadline in the past, a disguised file and a confirmation with unanswered questions", async () => {
    const f = await open();
    const before = await counts();
    const past = await t.post(
      `/api/v1/cases/${f.case.id}/correction`,
      { lockVersion: f.case.lockVersion, dueDate: "2026-03-09", requirements: "补记培训记录" },
      officer,
    );
    expect(past.statusCode).toBe(400);
    expect(past.json().message).toContain("改正期限：不能早于今天");

    const disguised = await t.post(
      `/api/v1/cases/${f.case.id}/evidence`,
      { fileName: "现场照片.png", contentBase64: Buffer.from("这其实是一段文字，不是图片").toString("base64"), lockVersion: f.case.lockVersion },
      officer,
    );
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json().message).toContain("无法识别的文件类型");
    const pdfAsPng = await t.post(
      `/api/v1/cases/${f.case.id}/evidence`,
      { fileName: "现场照片.png", contentBase64: Buffer.from("%PDF-1.7\n%âãÏÓ\n").toString("base64"), lockVersion: f.case.lockVersion },
      officer,
    );
    expect(pdfAsPng.statusCode).toBe(415);
    expect(pdfAsPng.json().message).toContain("文件类型与名称不符");
    const big = await t.post(
      `/api/v1/cases/${f.case.id}/evidence`,
      {
        fileName: "大文件.pdf",
        contentBase64: Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(10 * 1024 * 1024)]).toString("base64"),
        lockVersion: f.case.lockVersion,
      },
      officer,
    );
    expect(big.statusCode).toBe(413);
    expect(big.json().message).toContain("不得超过 10 MB");

    // No evaluation yet: deciding is refused; evaluating with one answer (none is refused) leaves questions, and confirming is refused.
    const undecided = await t.post(`/api/v1/cases/${f.case.id}/decide`, { lockVersion: f.case.lockVersion, confirm: true }, officer);
    expect(undecided.statusCode).toBe(422);
    expect(await counts()).toEqual(before);

    const g = await act(f.case.id, "evaluate", { lockVersion: f.case.lockVersion, circumstances: { firstTimeFound: true } });
    expect(g.case.decision?.questions.length).toBeGreaterThan(0);
    const afterEvaluate = await counts();
    const missing = await t.post(`/api/v1/cases/${f.case.id}/decide`, { lockVersion: g.case.lockVersion, confirm: true }, officer);
    expect(missing.statusCode).toBe(422);
    expect(missing.json().message).toContain("请先回答");
    // Departing needs a written reason.
    const noReason = await t.post(
      `/api/v1/cases/${f.case.id}/decide`,
      { lockVersion: g.case.lockVersion, confirm: false, outcome: "no_penalty" },
      officer,
    );
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toContain("偏离理由");
    expect(await counts()).toEqual(afterEvaluate);
  });

  it("refuses to close while a correction deadline is open", async () => {
    let f = await open();
    f = await act(f.case.id, "evaluate", { lockVersion: f.case.lockVersion, circumstances: { ...answered, correction: "on_spot" } });
    f = await act(f.case.id, "decide", { lockVersion: f.case.lockVersion, confirm: true });
    f = await act(f.case.id, "measures", {
      lockVersion: f.case.lockVersion,
      method: "persuasion",
      carriedOutOn: "2026-03-10",
      writtenRecord: "现场说服教育，讲解培训记录要求",
    });
    f = await act(f.case.id, "correction", { lockVersion: f.case.lockVersion, dueDate: "2026-03-25", requirements: "建立培训台账" });
    const res = await t.post(`/api/v1/cases/${f.case.id}/close`, { lockVersion: f.case.lockVersion }, officer);
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toContain("复查（期限 2026-03-25）尚未完成");
    const [row] = await t.database.query<{ status: string }>("SELECT status FROM cases WHERE id = $1", [f.case.id]);
    expect(row.status).toBe("in_progress");
  });
});

describe("two officers editing one case", () => {
  it("refuses the second save made on a stale version (409), without merging", async () => {
    const f = await open();
    const read1 = (await t.get(`/api/v1/cases/${f.case.id}`, officer)).json();
    const read2 = (await t.get(`/api/v1/cases/${f.case.id}`, officer2)).json();
    await act(f.case.id, "evaluate", { lockVersion: read1.case.lockVersion, circumstances: answered });
    const second = await t.post(
      `/api/v1/cases/${f.case.id}/evaluate`,
      { lockVersion: read2.case.lockVersion, circumstances: { firstTimeFound: false } },
      officer2,
    );
    expect(second.statusCode).toBe(409);
    expect(second.json().message).toContain("已被他人修改");
    const now = (await t.get(`/api/v1/cases/${f.case.id}`, officer2)).json();
    expect(now.case.circumstances.answers.firstTimeFound).toBe(true);
  });
});

describe("data scope", () => {
  it("an officer never sees another organisation's case", async () => {
    const f = await open();
    expect((await t.get(`/api/v1/cases/${f.case.id}`, officerJj)).statusCode).toBe(404);
    const list = (await t.get("/api/v1/cases", officerJj)).json();
    expect(list.items.map((c: { id: string }) => c.id)).not.toContain(f.case.id);
    expect(list.items.some((c: { organisationName: string }) => c.organisationName.startsWith("明溪"))).toBe(false);
    const write = await t.post(`/api/v1/cases/${f.case.id}/evaluate`, { lockVersion: f.case.lockVersion, circumstances: {} }, officerJj);
    expect(write.statusCode).toBe(404);
    const mine = (await t.get("/api/v1/cases?q=鑫源", officer)).json();
    expect(mine.items.map((c: { id: string }) => c.id)).toContain(f.case.id);
    // Personal data is masked in lists.
    const row = mine.items.find((c: { id: string }) => c.id === f.case.id);
    expect(row.partyPhone).toBe("138****1234");
  });

  it("the overdue board lists a correction deadline past due", async () => {
    const f = await open();
    await t.database.exec(`UPDATE cases SET correction_due = '2026-03-01' WHERE id = '${f.case.id}'`);
    await t.database.exec(
      `INSERT INTO case_tasks (region_code, organisation_id, case_id, kind, due_on) SELECT region_code, organisation_id, id, 'reinspection', '2026-03-01' FROM cases WHERE id = '${f.case.id}'`,
    );
    const board = (await t.get("/api/v1/cases/overdue", officer)).json();
    expect(board.items.find((i: { caseId: string }) => i.caseId === f.case.id)).toMatchObject({ kind: "reinspection", daysLate: 9 });
    const overdue = (await t.get("/api/v1/cases?overdue=true", officer)).json();
    expect(overdue.items.map((c: { id: string }) => c.id)).toContain(f.case.id);
    const jj = (await t.get("/api/v1/cases/overdue", officerJj)).json();
    expect(jj.items.map((i: { caseId: string }) => i.caseId)).not.toContain(f.case.id);
  });
});

describe("demo cases", () => {
  it("明溪县应急管理局 has demo cases in every state, decided on 三明's claimed lists where they apply", async () => {
    const rows = await t.database.query<{
      status: string;
      proposed_outcome: string | null;
      list_item_seq: number | null;
      party_choice: string | null;
    }>(
      "SELECT c.status, c.proposed_outcome, c.list_item_seq, c.party_choice FROM cases c JOIN organisations o ON o.id = c.organisation_id WHERE o.name = '明溪县应急管理局' AND c.is_demo AND c.case_no LIKE '明溪应急柔案%'",
    );
    const statuses = new Set(rows.map((r) => r.status));
    for (const s of ["intake", "decided", "in_progress", "closed", "transferred"]) expect(statuses, s).toContain(s);
    expect(rows.find((r) => r.status === "transferred")?.party_choice).toBe("ordinary_procedure");
    const board = (await t.get("/api/v1/cases/overdue", officer)).json();
    expect(board.items.length).toBeGreaterThan(0);
  });
});
