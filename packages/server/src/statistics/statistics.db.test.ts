import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statisticsColumnInfo, statisticsColumns } from "@kuanyan/domain/measures";
import {
  computeForm,
  computeRollup,
  economicBurdenRelieved,
  formValues,
  periodRange,
  rectificationRate,
  customPeriod,
  type Period,
} from "@kuanyan/domain/statistics";
import { descendantsOf } from "@kuanyan/domain/organisations";
import { testApp, type Session, type TestApp } from "../testing/app";
import { loadCountingRecords } from "./sql";
import { allOrganisations } from "./scope";
import { xlsxRows } from "./export/xlsx";

let t: TestApp;
let justiceCity: Session;
let orgId: (name: string) => string;
let regionIds: (prefix: string) => string[];

beforeAll(async () => {
  t = await testApp();
  justiceCity = await t.login("demo-justice-city");
  const orgs = await allOrganisations(t.database);
  orgId = (name) => orgs.find((o) => o.name === name)!.id;
  regionIds = (prefix) => orgs.filter((o) => o.regionCode.startsWith(prefix)).map((o) => o.id);
});
afterAll(async () => t?.close());

async function domainValues(ids: string[], period: Period) {
  return formValues(computeForm(await loadCountingRecords(t.database, ids, period), period, { organisationIds: ids }).cells);
}

describe("统计报表：计算与数字背后的记录", () => {
  it("the demo data has 2026 numbers for 三明市", async () => {
    const res = await t.get("/api/v1/statistics/form?period=year&year=2026", justiceCity);
    expect(res.statusCode).toBe(200);
    const form = res.json();
    expect(form.title).toBe("2026年度柔性执法统计报表");
    expect(form.scope).toMatchObject({ kind: "region", region: "3504" });
    expect(form.reportingOrganisation).toBe("三明市司法局");
    expect(form.columns.map((c: { label: string }) => c.label)).toEqual(statisticsColumnInfo.map((c) => c.label));
    expect(form.values.no_penalty).toBeGreaterThan(0);
    expect(form.values.persuasion).toBeGreaterThan(0);
  });

  it.each([
    ["year", "period=year&year=2026", periodRange("year", 2026)],
    ["year 2025", "period=year&year=2025", periodRange("year", 2025)],
    ["half-year", "period=half_year&year=2026&n=1", periodRange("half_year", 2026, 1)],
    ["month", "period=month&year=2026&n=3", periodRange("month", 2026, 3)],
    ["custom", "period=custom&from=2025-11-15&to=2026-02-10", customPeriod("2025-11-15", "2026-02-10")],
  ])("the SQL aggregate counts exactly what computeForm counts on the demo data (%s)", async (_name, query, period) => {
    for (const [scope, ids] of [
      ["scope=region&region=3504", regionIds("3504")],
      ["scope=region&region=35", regionIds("35")],
      [`scope=organisation&organisationId=${orgId("明溪县应急管理局")}`, [orgId("明溪县应急管理局")]],
    ] as const) {
      const admin = await t.login("demo-admin");
      const res = await t.get(`/api/v1/statistics/form?${query}&${scope}`, admin);
      expect(res.statusCode).toBe(200);
      expect(res.json().values).toEqual(await domainValues([...ids], period));
    }
  });

  it("each number links to its records: the list is the cell's records and their amounts add up to the number", async () => {
    const period = periodRange("year", 2026);
    const ids = regionIds("3504");
    const form = computeForm(await loadCountingRecords(t.database, ids, period), period, { organisationIds: ids });
    for (const column of ["no_penalty", "lighter", "persuasion", "administrativeGuidance", "administrativeWarning"] as const) {
      const res = await t.get(`/api/v1/statistics/records?period=year&year=2026&column=${column}&limit=500`, justiceCity);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.total).toBe(form.cells[column].recordIds.length);
      expect(new Set(body.items.map((r: { recordId: string }) => r.recordId))).toEqual(new Set(form.cells[column].recordIds));
      expect(body.items.reduce((s: number, r: { amount: number }) => s + r.amount, 0)).toBe(form.cells[column].value);
      for (const r of body.items) {
        expect(r.writtenRecord).toBeTruthy();
        expect(r.organisationName).toBeTruthy();
      }
    }
  });

  it("roll-up: 三明市应急管理局 with its subordinates equals its own numbers plus the totals of its children, and the domain roll-up", async () => {
    const root = orgId("三明市应急管理局");
    const res = await t.get(`/api/v1/statistics/form?period=year&year=2026&scope=subtree&organisationId=${root}`, justiceCity);
    expect(res.statusCode).toBe(200);
    const form = res.json();
    const rows = form.breakdown as { organisationId: string; parentId: string | null; own: Record<string, number>; total: Record<string, number> }[];
    const top = rows.find((r) => r.organisationId === root)!;
    const children = rows.filter((r) => r.parentId === root);
    expect(children.length).toBeGreaterThan(0);
    for (const c of statisticsColumns) {
      expect(top.total[c]).toBe(top.own[c] + children.reduce((s, ch) => s + ch.total[c], 0));
      expect(form.values[c]).toBe(top.total[c]);
    }
    const orgs = await allOrganisations(t.database);
    const period = periodRange("year", 2026);
    const ids = [...descendantsOf(root, orgs)];
    const rollup = computeRollup(await loadCountingRecords(t.database, ids, period), orgs, root, period);
    expect(rollup.total).toEqual(form.values);
    expect(children.length).toBe(rollup.children.length);
  });

  it("exports the form as .xlsx with the seed's header texts in order and the numbers of the screen; Chinese file name (RFC 5987)", async () => {
    const form = (await t.get("/api/v1/statistics/form?period=year&year=2026", justiceCity)).json();
    const res = await t.get("/api/v1/statistics/form.xlsx?period=year&year=2026", justiceCity);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toContain(`filename*=UTF-8''${encodeURIComponent("2026年度柔性执法统计报表")}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(String(ws.getCell(xlsxRows.title, 1).value)).toBe("2026年度柔性执法统计报表");
    const headers = statisticsColumnInfo.map((_, i) => String(ws.getCell(xlsxRows.columns, i + 1).value).replace(/\n/g, ""));
    expect(headers).toEqual(statisticsColumnInfo.map((c) => `${c.label}（${c.unit}）`));
    const numbers = statisticsColumnInfo.map((_, i) => Number(ws.getCell(xlsxRows.values, i + 1).value));
    expect(numbers).toEqual(form.columns.map((c: { value: number }) => c.value));
    const pdf = await t.get("/api/v1/statistics/form.pdf?period=year&year=2026", justiceCity);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("an officer of another county gets 403 for 明溪县's form, records and exports", async () => {
    const jj = await t.login("demo-officer-jj");
    const mx = orgId("明溪县应急管理局");
    for (const url of [
      `/api/v1/statistics/form?scope=organisation&organisationId=${mx}`,
      `/api/v1/statistics/form?scope=subtree&organisationId=${mx}`,
      `/api/v1/statistics/records?scope=organisation&organisationId=${mx}&column=persuasion`,
      `/api/v1/statistics/form.xlsx?scope=organisation&organisationId=${mx}`,
      `/api/v1/statistics/form?scope=region&region=3504`,
      `/api/v1/statistics/dashboard?scope=region&region=350421`,
    ]) {
      const res = await t.get(url, jj);
      expect(res.statusCode, url).toBe(403);
    }
    // …and sees their own.
    expect((await t.get("/api/v1/statistics/form", jj)).statusCode).toBe(200);
  });
});

describe("统计口径在案件表上逐条适用 / counting rules case by case on the case tables", () => {
  it("说服教育 and 行政告诫 of one case count in both; 人次 columns count people; a reopened case counts once; cancelled, transferred, unconfirmed and unrecorded ones as the rules say", async () => {
    const jj = orgId("晋江市应急管理局");
    const [user] = await t.database.query<{ id: string }>("SELECT id::text FROM users WHERE username = 'demo-officer-jj'");
    const day = "2024-03-15";
    const insertCase = async (
      no: string,
      outcome: string,
      status: string,
      opts: { reopen?: number; decidedBy?: string | null; partyChoice?: string } = {},
    ) => {
      const [row] = await t.database.query<{ id: string }>(
        `INSERT INTO cases (region_code, organisation_id, case_no, status, party_type, party_name, matter_code, matter_name, act_date, discovered_on,
           decided_outcome, decided_on, decided_by, reopen_count, party_choice)
         VALUES ('350582', $1, $2, $3, 'enterprise', '晋江市测试有限公司', 'YJ-AQSCF-097-04', '生产经营单位未如实记录安全生产教育和培训情况',
           '2024-03-01', '2024-03-05', $4, $5, $6, $7, $8) RETURNING id::text`,
        [jj, no, status, outcome, day, opts.decidedBy === undefined ? user.id : opts.decidedBy, opts.reopen ?? 0, opts.partyChoice ?? null],
      );
      return row.id;
    };
    const measure = (
      caseId: string | null,
      method: string,
      persons: number,
      record: string | null,
      extra: { documentId?: string; cancelled?: boolean } = {},
    ) =>
      t.database.query(
        `INSERT INTO measures (region_code, organisation_id, case_id, method, carried_out_on, persons, written_record, document_id, cancelled)
         VALUES ('350582', $1, $2, $3, $4, $5, $6, $7, $8)`,
        [jj, caseId, method, day, persons, record, extra.documentId ?? null, extra.cancelled ?? false],
      );
    const reopened = await insertCase("测试-1", "no_penalty", "closed", { reopen: 1 });
    await measure(reopened, "persuasion", 1, "说服教育记录");
    await measure(reopened, "administrativeWarning", 1, "行政告诫书已送达");
    await measure(reopened, "administrativeGuidance", 3, "行政指导，三人参加");
    await measure(reopened, "administrativeInterview", 4, "约谈四人，一次约谈");
    await measure(reopened, "administrativeReminder", 2, "   "); // no written record
    await measure(reopened, "administrativeAdvice", 2, "行政建议书", { cancelled: true });
    const doc = "5f0c4a52-6b1e-4c53-9b55-2f6f2a2b8e01";
    await measure(reopened, "followUpVisit", 1, null, { documentId: doc });
    await measure(reopened, "followUpVisit", 1, null, { documentId: doc }); // the same document entered twice
    const waived = await insertCase("测试-2", "may_waive", "in_progress");
    void waived;
    const transferred = await insertCase("测试-3", "lighter", "transferred", { partyChoice: "ordinary_procedure" });
    await measure(transferred, "persuasion", 1, "转普通程序前已说服教育");
    const cancelled = await insertCase("测试-4", "mitigated", "cancelled");
    await measure(cancelled, "administrativeWarning", 1, "已撤销案件的告诫");
    await insertCase("测试-5", "no_compulsion", "closed", { decidedBy: null }); // not confirmed: no written record
    await measure(null, "administrativeGuidance", 5, "行业培训会行政指导（非案件）");

    const admin = await t.login("demo-admin");
    const res = await t.get(`/api/v1/statistics/form?period=custom&from=${day}&to=${day}&scope=organisation&organisationId=${jj}`, admin);
    const v = res.json().values;
    expect(v).toMatchObject({
      no_penalty: 2, // the reopened case once + 可以不予 decided as 不予
      mitigated: 0, // cancelled case
      lighter: 0, // moved to the ordinary procedure
      no_compulsion: 0, // no confirmed decision on file
      persuasion: 2, // both cases, the transferred one's measure still counts
      administrativeWarning: 1, // the cancelled case's warning does not count
      administrativeGuidance: 8, // 3 + 5 people
      administrativeInterview: 1, // four people, one 件
      administrativeReminder: 0, // blank written record
      administrativeAdvice: 0, // cancelled measure
      followUpVisit: 1, // the same document once
    });
    expect(v).toEqual(await domainValues([jj], customPeriod(day, day)));
  });
});

describe("报送日历：快照、更正、报送情况", () => {
  it("a submitted snapshot does not change when records change later; a correction is a new revision, both kept, each audited", async () => {
    const filer = await t.login("demo-orgadmin"); // the 单位管理员 files the report (docs/security/authz.md)
    const mx = orgId("明溪县应急管理局");
    const sub = await t.post("/api/v1/statistics/reports", { kind: "annual", year: 2026 }, filer);
    expect(sub.statusCode, sub.body).toBe(201);
    const first = sub.json();
    expect(first.revision).toBe(1);
    const own = (await t.get(`/api/v1/statistics/form?period=year&year=2026&scope=organisation&organisationId=${mx}`, filer)).json();
    expect(first.values).toEqual(own.values);

    // A second submission is refused: corrections only.
    expect((await t.post("/api/v1/statistics/reports", { kind: "annual", year: 2026 }, filer)).statusCode).toBe(409);

    // A new 说服教育 with its written record after the submission.
    await t.database.query(
      `INSERT INTO measures (region_code, organisation_id, method, carried_out_on, persons, written_record)
       VALUES ('350421', $1, 'persuasion', '2026-06-01', 1, '2026年6月1日，执法人员对当事人开展说服教育。')`,
      [mx],
    );
    const after = (await t.get(`/api/v1/statistics/form?period=year&year=2026&scope=organisation&organisationId=${mx}`, filer)).json();
    expect(after.values.persuasion).toBe(own.values.persuasion + 1);
    const stored = (await t.get(`/api/v1/statistics/reports/${first.id}`, filer)).json();
    expect(stored.values).toEqual(first.values);
    expect(stored.snapshot.cells.persuasion.recordIds.length).toBe(first.values.persuasion);

    expect((await t.post("/api/v1/statistics/reports/corrections", { kind: "annual", year: 2026, reason: "" }, filer)).statusCode).toBe(400);
    const corr = await t.post("/api/v1/statistics/reports/corrections", { kind: "annual", year: 2026, reason: "补录6月说服教育记录" }, filer);
    expect(corr.statusCode, corr.body).toBe(201);
    expect(corr.json()).toMatchObject({ revision: 2, reason: "补录6月说服教育记录" });
    expect(corr.json().values.persuasion).toBe(first.values.persuasion + 1);

    const list = (await t.get(`/api/v1/statistics/reports?kind=annual&year=2026&organisationId=${mx}`, filer)).json().items;
    expect(list.map((r: { revision: number }) => r.revision)).toEqual([1, 2]);
    expect(list[0].values).toEqual(first.values);
    const audits = await t.database.query<{ action: string }>("SELECT action FROM audit_events WHERE entity_type = 'statistics_report' ORDER BY id");
    expect(audits.map((a) => a.action)).toEqual(["statistics.report_submitted", "statistics.report_corrected"]);

    // The 司法局 sees who has submitted and the aggregated form of the latest revisions.
    const board = (await t.get("/api/v1/statistics/reports/board?kind=annual&year=2026", justiceCity)).json();
    expect(board.dueDate).toBe("2026-12-30");
    const row = board.rows.find((r: { organisationId: string }) => r.organisationId === mx);
    expect(row.latestRevision).toBe(2);
    expect(["submitted", "submitted_late"]).toContain(row.status);
    expect(board.aggregated).toEqual(corr.json().values);
    expect(board.rows.filter((r: { status: string }) => r.status === "due" || r.status === "overdue").length).toBe(board.rows.length - 1);
    // Last year's half-year report is overdue for everyone.
    const late = (await t.get("/api/v1/statistics/reports/board?kind=half_year&year=2025", justiceCity)).json();
    expect(late.rows.every((r: { status: string }) => r.status === "overdue")).toBe(true);
    expect(late.counts.overdue).toBe(late.rows.length);
  });
});

describe("数据驾驶舱", () => {
  it("totals, months, burden relieved and rectification rate agree with the form and the domain indicators", async () => {
    const res = await t.get("/api/v1/statistics/dashboard?year=2026", justiceCity);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    const form = (await t.get("/api/v1/statistics/form?period=year&year=2026", justiceCity)).json();
    expect(d.totals.values).toEqual(form.values);
    for (const c of statisticsColumns) {
      expect(d.months.reduce((s: number, m: { values: Record<string, number> }) => s + m.values[c], 0)).toBe(form.values[c]);
    }
    const ids = regionIds("3504");
    const period = periodRange("year", 2026);
    const cases = await t.database.query<{
      id: string;
      outcome: string;
      decided_on: string;
      benchmark: string | null;
      fine: string | null;
      matter_code: string;
      status: string;
      party_choice: string | null;
      decided_by: string | null;
      organisation_id: string;
      correction_due: string | null;
      corrected_on: string | null;
    }>(
      `SELECT id::text, decided_outcome AS outcome, decided_on::text, benchmark_fine_yuan::text AS benchmark, fine_yuan::text AS fine,
              matter_code, status, party_choice, decided_by::text, organisation_id::text, correction_due::text, corrected_on::text
       FROM cases WHERE organisation_id = ANY($1::uuid[])`,
      [`{${ids.join(",")}}`],
    );
    const counted = cases.filter(
      (c) => c.decided_on && c.status !== "cancelled" && c.status !== "transferred" && c.party_choice !== "ordinary_procedure" && c.decided_by,
    );
    const relief = economicBurdenRelieved(
      counted.map((c) => ({
        caseId: c.id,
        outcome: (c.outcome === "may_waive" ? "no_penalty" : c.outcome) as "no_penalty",
        decidedOn: c.decided_on,
        benchmarkFine: c.benchmark !== null ? Number(c.benchmark) : null,
        fineImposed: Number(c.fine ?? 0),
      })),
      period,
    );
    expect(d.burden.totalYuan).toBe(relief.totalYuan);
    expect(d.burden.withoutBenchmark).toBe(relief.withoutBenchmark.length);
    expect(d.burden.totalYuan).toBeGreaterThan(0);
    const today = d.today as string;
    const rate = rectificationRate(
      cases
        .filter((c) => c.correction_due)
        .map((c) => ({ id: c.id, dueDate: c.correction_due!, verifiedCorrectedOn: c.corrected_on, cancelled: c.status === "cancelled" })),
      period,
      today,
    );
    expect(d.rectification).toMatchObject({ due: rate.due, verifiedOnTime: rate.verifiedOnTime, rate: rate.rate });
    // Each data point opens its records.
    const point = d.topMatters[0];
    const q = new URLSearchParams(point.filter).toString();
    const recs = (await t.get(`/api/v1/statistics/records?${q}&limit=500`, justiceCity)).json();
    expect(recs.total).toBe(point.count);
    const burdenRecs = (await t.get(`/api/v1/statistics/records?${new URLSearchParams(d.burden.filter)}&limit=500`, justiceCity)).json();
    const sum = burdenRecs.items.reduce((s: number, r: { relievedYuan: number | null }) => s + Math.round((r.relievedYuan ?? 0) * 100), 0) / 100;
    if (burdenRecs.total <= 500) expect(sum).toBe(d.burden.totalYuan);
  });
});
