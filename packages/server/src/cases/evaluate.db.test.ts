/**
 * 研判 (issue 16): with nothing answered it does not "complete"; the answers to the engine's open
 * questions (胁迫, 主动供述, 立功 …) go in with the evaluation and close those questions.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, type Session, type TestApp } from "../testing/app";
import { ensureSanmingLists } from "../decisions/lists.test-support";

// 2026-03-10, 10:00 in China.
const NOW = new Date("2026-03-10T02:00:00Z");

let t: TestApp;
let officer: Session;
let officerIds: string[];

beforeAll(async () => {
  t = await testApp({ now: () => NOW });
  await ensureSanmingLists(t.database.db);
  officer = await t.login("demo-officer");
  const rows = await t.database.query<{ id: string }>("SELECT id FROM users WHERE username IN ('demo-officer', 'demo-officer2') ORDER BY username");
  officerIds = rows.map((r) => r.id);
});
afterAll(async () => t?.close());

async function open(name: string) {
  const res = await t.post(
    "/api/v1/cases",
    {
      party: {
        type: "enterprise",
        name,
        creditCode: "91350421MA2Y8K7P02",
        address: "福建省三明市明溪县雪峰镇城关工业园区8号",
        industryCategory: "general",
      },
      matterCode: "YJ-AQSCF-097-04",
      facts: "检查发现该公司新入职的3名员工已参加三级安全教育培训，但培训记录表未如实填写培训时间和学时。",
      actDate: "2026-03-01",
      discoveredOn: "2026-03-05",
      inspection: { date: "2026-03-05", place: "公司生产车间及办公室", officerIds },
    },
    officer,
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe("研判", () => {
  it("研判 with nothing answered is refused with a Chinese message and changes nothing", async () => {
    const f = await open("明溪县未答竹木制品有限公司");
    const writes = async () =>
      (
        await t.database.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action <> 'case.viewed'", [
          f.case.id,
        ])
      )[0].n;
    const events = await writes();
    for (const body of [{ circumstances: {} }, { circumstances: { answers: {} } }, { circumstances: { firstTimeFound: undefined } }]) {
      const res = await t.post(`/api/v1/cases/${f.case.id}/evaluate`, { lockVersion: f.case.lockVersion, ...body }, officer);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().message).toBe("研判：请至少回答一个违法情节问题后再研判");
    }
    const after = (await t.get(`/api/v1/cases/${f.case.id}`, officer)).json();
    expect(after.case).toMatchObject({ lockVersion: f.case.lockVersion, decision: null, proposedOutcome: null });
    expect(await writes()).toBe(events);
  });

  it("one answer is enough to evaluate; the engine's open questions remain open until answered", async () => {
    const f = await open("明溪县一答竹木制品有限公司");
    const res = await t.post(
      `/api/v1/cases/${f.case.id}/evaluate`,
      { lockVersion: f.case.lockVersion, circumstances: { firstTimeFound: true } },
      officer,
    );
    expect(res.statusCode, res.body).toBe(200);
    const keys = (res.json().case.decision.questions as { key: string }[]).map((q) => q.key);
    expect(keys).toEqual(
      expect.arrayContaining(["circumstances.coercedOrDeceived", "circumstances.confessedUnknownViolation", "circumstances.meritoriousCooperation"]),
    );
    expect(res.json().case.decision.firm).toBe(false);
  });

  it("answers to 胁迫、主动供述、立功 and a list item's own question go in with the evaluation and close those questions", async () => {
    const f = await open("明溪县全答竹木制品有限公司");
    const circumstances = {
      firstTimeFound: false,
      firstOffence: false,
      correction: "not_corrected",
      harm: "minor",
      minorViolation: false,
      noSubjectiveFault: false,
      proactiveElimination: false,
      coercedOrDeceived: false,
      confessedUnknownViolation: false,
      meritoriousCooperation: false,
      answers: { training_done_evidence: false },
    };
    const res = await t.post(`/api/v1/cases/${f.case.id}/evaluate`, { lockVersion: f.case.lockVersion, circumstances }, officer);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json().case;
    expect(c.decision.questions).toEqual([]);
    expect(c.decision.firm).toBe(true);
    expect(c.proposedOutcome).toBe("ordinary");
    // Stored on the case, so the form shows them again.
    expect(c.circumstances.answers).toMatchObject({
      coercedOrDeceived: false,
      confessedUnknownViolation: false,
      meritoriousCooperation: false,
      answers: { training_done_evidence: false },
    });
  });
});
