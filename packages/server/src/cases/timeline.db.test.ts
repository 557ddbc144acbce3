/**
 * The case's 全过程记录 (issue 16): it shows the issuing and the delivery of the case's documents, and
 * not the bookkeeping "更新案件" that accompanies a recorded measure.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleValues } from "@kuanyan/domain/documents";
import { testApp, type Session, type TestApp } from "../testing/app";
import { ensureSanmingLists } from "../decisions/lists.test-support";
import { sampleSignaturePng } from "../documents/render/sample-images";

// 2026-03-10, 10:00 in China.
const NOW = new Date("2026-03-10T02:00:00Z");
const TODAY = "2026-03-10";

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

type TimelineEvent = { id: number; action: string; actorName: string | null; after: Record<string, unknown> | null };

async function act(id: string, path: string, body: Record<string, unknown>) {
  const res = await t.post(`/api/v1/cases/${id}/${path}`, body, officer);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const intake = (name: string) => ({
  party: {
    type: "enterprise",
    name,
    creditCode: "91350421MA2Y8K7P02",
    address: "福建省三明市明溪县雪峰镇城关工业园区8号",
    industryCategory: "general",
    contact: "陈建华",
    phone: "13859871234",
  },
  matterCode: "YJ-AQSCF-097-04",
  facts: "检查发现该公司新入职的3名员工已参加三级安全教育培训，但培训记录表未如实填写培训时间和学时。",
  actDate: "2026-03-01",
  discoveredOn: "2026-03-05",
  inspection: { date: "2026-03-05", place: "公司生产车间及办公室", officerIds },
});

describe("the case timeline (全过程记录)", () => {
  it("shows 文书签发 and 送达 of the case's documents and drops the 更新案件 noise of a recorded measure", async () => {
    const opened = await t.post("/api/v1/cases", intake("明溪县时间线竹木制品有限公司"), officer);
    expect(opened.statusCode, opened.body).toBe(201);
    const f = opened.json();
    const id = f.case.id as string;
    await act(id, "measures", {
      lockVersion: f.case.lockVersion,
      method: "administrativeWarning",
      carriedOutOn: TODAY,
      writtenRecord: "向企业负责人当面告诫，告知如实记录培训情况的要求。",
    });

    // A 行政告诫书 is issued for the case and delivered to the party.
    const preview = await t.post("/api/v1/documents/preview", { type: "warning", caseId: id }, officer);
    expect(preview.statusCode, preview.body).toBe(200);
    const sample = sampleValues("warning", TODAY);
    const values: Record<string, string> = {};
    for (const field of preview.json().form as { key: string; editable: boolean }[])
      if (field.editable && sample[field.key]) values[field.key] = sample[field.key]!;
    const issued = await t.post("/api/v1/documents", { caseId: id, type: "warning", values }, officer);
    expect(issued.statusCode, issued.body).toBe(201);
    const doc = issued.json();
    const delivered = await t.post(
      `/api/v1/documents/${doc.id}/deliveries`,
      {
        method: "direct",
        deliverer: "李明、王芳",
        recipient: "陈建华",
        deliveredAt: `${TODAY}T09:40`,
        place: "公司办公室",
        signatureBase64: sampleSignaturePng().toString("base64"),
      },
      officer,
    );
    expect(delivered.statusCode, delivered.body).toBe(201);

    const res = await t.get(`/api/v1/cases/${id}`, officer);
    expect(res.statusCode, res.body).toBe(200);
    const timeline = res.json().timeline as TimelineEvent[];
    const actions = timeline.map((e) => e.action);
    expect(actions).toEqual(["case.opened", "case.measure_recorded", "document.issued", "document.delivered"]);
    expect(actions).not.toContain("case.updated");
    const issuedEvent = timeline.find((e) => e.action === "document.issued")!;
    expect(issuedEvent.after).toEqual({ documentId: doc.id, type: "warning", number: doc.number });
    const deliveredEvent = timeline.find((e) => e.action === "document.delivered")!;
    expect(deliveredEvent.after).toEqual({ documentId: doc.id, type: "warning", number: doc.number, method: "direct", refused: false });
    // In the order they happened; the names of the deliverer and the recipient stay in the delivery record.
    expect(timeline.map((e) => e.id)).toEqual([...timeline.map((e) => e.id)].sort((a, b) => a - b));
    expect(JSON.stringify(timeline)).not.toContain("陈建华");

    // Another case of the same party shows none of these documents.
    const other = await t.post("/api/v1/cases", intake("明溪县时间线竹木制品有限公司"), officer);
    expect(other.statusCode, other.body).toBe(201);
    const otherTimeline = (await t.get(`/api/v1/cases/${other.json().case.id}`, officer)).json().timeline as TimelineEvent[];
    expect(otherTimeline.map((e) => e.action)).toEqual(["case.opened"]);
  });
});
