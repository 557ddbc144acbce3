import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chinaDate } from "@kuanyan/domain/statistics";
import { testApp, type Session, type TestApp } from "../testing/app";
import { reportsDueBy, type Overview } from "./getOverview";
import type { DepartureGroup } from "./listDepartures";

let t: TestApp;
let justice: Session;
let officerJj: Session;
let today: string;
let mxSafety: { id: string; region_code: string };
let officerId: string;

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await testApp();
  today = chinaDate(t.ctx.now().toISOString());
  justice = await t.login("demo-justice");
  officerJj = await t.login("demo-officer-jj");
  [mxSafety] = await t.database.query<{ id: string; region_code: string }>(
    "SELECT id, region_code FROM organisations WHERE name = '明溪县应急管理局'",
  );
  [{ id: officerId }] = await t.database.query<{ id: string }>("SELECT id FROM users WHERE username = 'demo-officer'");
});
afterAll(async () => t?.close());

let caseSeq = 0;
async function insertCase(fields: Record<string, unknown>): Promise<string> {
  caseSeq++;
  const row: Record<string, unknown> = {
    region_code: mxSafety.region_code,
    organisation_id: mxSafety.id,
    case_no: `监督测试〔2026〕${caseSeq}号`,
    status: "decided",
    party_type: "enterprise",
    party_name: `测试企业${caseSeq}`,
    matter_code: "SUPERVISION-TEST-001",
    matter_name: "未按规定开展安全生产教育和培训",
    act_date: addDays(today, -60),
    discovered_on: addDays(today, -50),
    ...fields,
  };
  const cols = Object.keys(row);
  const [{ id }] = await t.database.query<{ id: string }>(
    `INSERT INTO cases (${cols.join(", ")}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(", ")}) RETURNING id`,
    Object.values(row),
  );
  return id;
}

async function overview(session: Session, asOf?: string): Promise<Overview> {
  const res = await t.get(`/api/v1/supervision/overview${asOf ? `?asOf=${asOf}` : ""}`, session);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Overview;
}

const n = async (sqlText: string, params: unknown[]) => (await t.database.query<{ n: number }>(`SELECT count(*)::int AS n ${sqlText}`, params))[0].n;

describe("监督检查 overview: data scope", () => {
  it("明溪县司法局 sees the organisations of 明溪县 (its region and below) and none of 晋江", async () => {
    const o = await overview(justice);
    const names = o.organisations.map((x) => x.organisationName);
    expect(names).toContain("明溪县应急管理局");
    expect(names).toContain("明溪县司法局");
    expect(names.some((x) => x.includes("晋江"))).toBe(false);
    expect(o.organisations.every((x) => x.regionCode.startsWith("350421"))).toBe(true);
    const expected = await n("FROM organisations WHERE region_code LIKE '350421%'", []);
    expect(o.organisations).toHaveLength(expected);
  });

  it("an officer of 晋江 gets only their own organisation and those below it", async () => {
    const o = await overview(officerJj);
    const rows = await t.database.query<{ id: string }>(
      `WITH RECURSIVE sub AS (
         SELECT o.id FROM organisations o JOIN users u ON u.organisation_id = o.id WHERE u.username = 'demo-officer-jj'
         UNION SELECT c.id FROM organisations c JOIN sub ON c.parent_id = sub.id)
       SELECT id FROM sub`,
    );
    expect(o.organisations.map((x) => x.organisationId).sort()).toEqual(rows.map((r) => r.id).sort());
    expect(o.organisations.some((x) => x.organisationName.includes("明溪"))).toBe(false);
  });

  it("without a login the overview is refused with 401", async () => {
    const res = await t.get("/api/v1/supervision/overview");
    expect(res.statusCode).toBe(401);
  });

  it("an overview date in the future is refused with a Chinese message", async () => {
    const res = await t.get(`/api/v1/supervision/overview?asOf=${addDays(today, 2)}`, justice);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain("截止日期");
  });
});

describe("监督检查 overview: the figures equal direct counts on the lists, cases and statistics tables", () => {
  it("every 明溪 organisation's list, case and report figures match SQL on the same tables", async () => {
    const o = await overview(justice, today);
    const due = reportsDueBy(today);
    let published = 0;
    for (const org of o.organisations) {
      const lv = "FROM list_versions WHERE organisation_id = $1 AND status IN ('published','filed','superseded','repealed') AND published_on <= $2";
      const p = [org.organisationId, today];
      expect(org.lists.published).toBe(await n(lv, p));
      expect(org.lists.filedOnTime).toBe(await n(`${lv} AND filed_on <= $2 AND filed_on <= filing_deadline`, p));
      expect(org.lists.filedLate).toBe(await n(`${lv} AND filed_on <= $2 AND filed_on > filing_deadline`, p));
      expect(org.lists.overdueUnfiled).toBe(await n(`${lv} AND (filed_on IS NULL OR filed_on > $2) AND filing_deadline < $2`, p));
      expect(org.lists.claimed).toBe(await n("FROM list_claims WHERE organisation_id = $1 AND active AND claimed_on <= $2", p));
      published += org.lists.published;

      const cs = "FROM cases c WHERE c.organisation_id = $1 AND c.discovered_on <= $2";
      expect(org.cases.total).toBe(await n(cs, p));
      for (const [status, count] of Object.entries(org.cases.byStatus)) expect(count).toBe(await n(`${cs} AND c.status = $3`, [...p, status]));
      expect(org.cases.correctionOverdue).toBe(
        await n(
          `${cs} AND ((c.correction_due < $2 AND (c.corrected_on IS NULL OR c.corrected_on > $2) AND c.status IN ('intake','decided','in_progress'))
             OR c.id IN (SELECT case_id FROM case_tasks WHERE kind = 'reinspection' AND due_on < $2 AND (done_on IS NULL OR done_on > $2)))`,
          p,
        ),
      );
      expect(org.cases.followUpOverdue).toBe(
        await n(
          `${cs} AND c.id IN (SELECT case_id FROM case_tasks WHERE kind = 'follow_up' AND due_on < $2 AND (done_on IS NULL OR done_on > $2))`,
          p,
        ),
      );
      expect(org.cases.departures).toBe(await n(`${cs} AND c.departure_reason IS NOT NULL AND c.decided_on <= $2`, p));

      if (org.statistics) {
        let onTime = 0;
        for (const d of due)
          onTime += await n(
            "FROM statistics_reports WHERE organisation_id = $1 AND kind = $2 AND period_key = $3 AND revision = 1 AND (submitted_at AT TIME ZONE 'Asia/Shanghai')::date <= $4",
            [org.organisationId, d.kind, d.periodKey, d.dueDate],
          );
        expect(org.statistics.due).toBe(due.length);
        expect(org.statistics.submittedOnTime).toBe(onTime);
        expect(org.statistics.submittedOnTime + org.statistics.submittedLate + org.statistics.overdue).toBe(due.length);
        expect(org.flags.includes("report_overdue")).toBe(org.statistics.overdue > 0);
      }
      expect(org.flags.includes("filing_overdue")).toBe(org.lists.overdueUnfiled > 0);
    }
    expect(o.totals.lists.published).toBe(published);
    // The demo's 三明 lists are claimed by 明溪县应急管理局, which has cases: the overview is not empty.
    const mx = o.organisations.find((x) => x.organisationId === mxSafety.id)!;
    expect(mx.lists.claimed).toBeGreaterThan(0);
    expect(mx.cases.total).toBeGreaterThan(0);
  });

  it("a correction deadline passed without correction shows 整改逾期 from the day after the deadline, not before", async () => {
    const due = addDays(today, -10);
    await insertCase({ correction_due: due, status: "in_progress", decided_outcome: "no_penalty", decided_on: addDays(today, -20) });
    const before = (await overview(justice, due)).organisations.find((x) => x.organisationId === mxSafety.id)!;
    const after = (await overview(justice, addDays(due, 1))).organisations.find((x) => x.organisationId === mxSafety.id)!;
    expect(after.cases.correctionOverdue).toBe(before.cases.correctionOverdue + 1);
    expect(after.flags).toContain("correction_overdue");
  });

  it("an overdue 回访 shows 回访逾期 until the day it is done", async () => {
    const caseId = await insertCase({ status: "in_progress", decided_outcome: "no_penalty", decided_on: addDays(today, -30) });
    const dueOn = addDays(today, -8);
    const doneOn = addDays(today, -3);
    await t.database.query(
      "INSERT INTO case_tasks (region_code, organisation_id, case_id, kind, due_on, done_on) VALUES ($1, $2, $3, 'follow_up', $4, $5)",
      [mxSafety.region_code, mxSafety.id, caseId, dueOn, doneOn],
    );
    const find = (o: Overview) => o.organisations.find((x) => x.organisationId === mxSafety.id)!;
    const whileLate = find(await overview(justice, addDays(today, -5)));
    const done = find(await overview(justice, today));
    expect(whileLate.flags).toContain("follow_up_overdue");
    expect(whileLate.cases.followUpOverdue).toBe(done.cases.followUpOverdue + 1);
  });
});

describe("偏离建议: decisions that departed from the engine's proposal, grouped by matter (同案不同罚)", () => {
  it("a departed decision appears with its reason, officer and organisation, next to the other outcomes of the same matter", async () => {
    const reason = "当事人系初次违法但危害后果较大，经集体讨论决定减轻处罚而非不予处罚";
    const before = (await overview(justice)).organisations.find((x) => x.organisationId === mxSafety.id)!;
    const departed = await insertCase({
      proposed_outcome: "no_penalty",
      decided_outcome: "mitigated",
      departure_reason: reason,
      decided_by: officerId,
      decided_on: addDays(today, -5),
      fine_yuan: 5000,
    });
    await insertCase({ proposed_outcome: "no_penalty", decided_outcome: "no_penalty", decided_by: officerId, decided_on: addDays(today, -6) });

    const res = await t.get("/api/v1/supervision/departures", justice);
    expect(res.statusCode, res.body).toBe(200);
    const groups = res.json().groups as DepartureGroup[];
    const g = groups.find((x) => x.matterCode === "SUPERVISION-TEST-001")!;
    expect(g).toBeDefined();
    const d = g.departures.find((x) => x.caseId === departed)!;
    expect(d.reason).toBe(reason);
    expect(d.proposedLabel).toBe("不予行政处罚");
    expect(d.decidedLabel).toBe("减轻行政处罚");
    expect(d.officer).toBe("李明（执法人员）");
    expect(d.organisationName).toBe("明溪县应急管理局");
    // The same matter ended in two outcomes: the 同案不同罚 signal.
    expect(g.differentOutcomes).toBe(true);
    const decided = await n("FROM cases WHERE matter_code = 'SUPERVISION-TEST-001' AND decided_outcome IS NOT NULL AND organisation_id = $1", [
      mxSafety.id,
    ]);
    expect(g.decidedCases).toBe(decided);
    expect(g.outcomes.map((x) => x.outcome).sort()).toEqual(["mitigated", "no_penalty"]);

    const after = (await overview(justice)).organisations.find((x) => x.organisationId === mxSafety.id)!;
    expect(after.cases.departures).toBe(before.cases.departures + 1);
  });

  it("a matter whose decided cases all had the same outcome is not flagged as 同案不同罚", async () => {
    await insertCase({
      matter_code: "SUPERVISION-TEST-002",
      proposed_outcome: "lighter",
      decided_outcome: "mitigated",
      departure_reason: "情节轻微且已主动消除危害后果，依法减轻处罚",
      decided_on: addDays(today, -4),
    });
    const groups = (await t.get("/api/v1/supervision/departures", justice)).json().groups as DepartureGroup[];
    const g = groups.find((x) => x.matterCode === "SUPERVISION-TEST-002")!;
    expect(g.departures).toHaveLength(1);
    expect(g.differentOutcomes).toBe(false);
  });

  it("an officer of 晋江 does not see 明溪's departed decisions", async () => {
    const res = await t.get("/api/v1/supervision/departures", officerJj);
    expect(res.statusCode).toBe(200);
    const groups = res.json().groups as DepartureGroup[];
    expect(groups.flatMap((g) => g.departures).some((d) => d.organisationName.includes("明溪"))).toBe(false);
  });
});
