import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDecisionIndex, evaluateDecision, type Decision, type DecisionInput } from "@kuanyan/domain/decisions";
import { sanmingLists, type Claim } from "@kuanyan/domain/lists";
import { MATTERS } from "@kuanyan/domain/matters";
import { openDatabase, prepareDatabase } from "../bootstrap";
import { listClaims, lists } from "../db/schema";
import { testApp, type Session, type TestApp } from "../testing/app";
import { run } from "../cli/decide";
import { configFromFlags } from "../cli/start";
import { shippedLawLibrary } from "./lawLibrary";
import { completeInput } from "./loadDecisionContext";
import { ensureSanmingLists, insertListRecords } from "./lists.test-support";

let t: TestApp;
let officer: Session;
let ids: { sanming: string; mingxi: string };

beforeAll(async () => {
  t = await testApp();
  ids = await ensureSanmingLists(t.database.db);
  officer = await t.login("demo-officer");
});
afterAll(async () => t?.close());

const catalogue = new Map(MATTERS.map((m) => [m.code, m]));

/** 未如实记录安全生产教育和培训情况 at a general enterprise, first time found, corrected, no harm. */
function trainingRecordInput(organisationId: string, over: Partial<DecisionInput["circumstances"]> = {}): DecisionInput {
  return {
    organisationId,
    decisionDate: "2026-03-10",
    matter: { code: "YJ-AQSCF-097-04", name: "生产经营单位未如实记录安全生产教育和培训情况" },
    subject: { kind: "enterprise", industryCategory: "general" },
    act: { date: "2026-03-01", discoveredOn: "2026-03-05" },
    circumstances: { firstTimeFound: true, correction: "within_deadline", harm: "none", answers: { training_done_evidence: true }, ...over },
  };
}

/** The domain function on 三明's seed lists (independently of the server's loader). */
async function domainDecision(input: DecisionInput, listRows: { id: string; title: string }[], claims: Claim[]): Promise<Decision> {
  const records = sanmingLists({ organisationId: ids.sanming }).map((r) => ({
    ...r,
    list: { ...r.list, id: listRows.find((l) => l.title === r.list.title)!.id },
  }));
  return evaluateDecision(completeInput(input, catalogue), {
    index: buildDecisionIndex({ lists: records, claims }),
    lookup: shippedLawLibrary().lookup,
  });
}

async function sanmingState() {
  const db = t.database.db;
  const listRows = await db.select({ id: lists.id, title: lists.title }).from(lists).where(eq(lists.organisationId, ids.sanming));
  const claimRows = await db.select().from(listClaims).where(eq(listClaims.organisationId, ids.mingxi));
  const claims: Claim[] = claimRows.map((c) => ({ listId: c.listId, version: 1, organisationId: c.organisationId, claimedOn: c.claimedOn }));
  return { listRows, claims };
}

describe("POST /api/v1/decisions/evaluate", () => {
  it("applies 三明's 不予处罚 item 4, claimed by 明溪县应急管理局, and agrees with the domain function", async () => {
    const input = trainingRecordInput(ids.mingxi);
    const res = await t.post("/api/v1/decisions/evaluate", input, officer);
    expect(res.statusCode).toBe(200);
    const api = res.json() as Decision;
    expect(api.outcome).toBe("no_penalty");
    expect(api.listItem).toMatchObject({ seq: 4, listType: "no_penalty", claimed: true, organisationId: ids.sanming });
    expect(api.basis.map((b) => b.cited)).toContain("《中华人民共和国行政处罚法》第三十三条");
    expect(api.basis.map((b) => b.text).join("")).toContain("违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚");
    const { listRows, claims } = await sanmingState();
    expect(api).toEqual(await domainDecision(input, listRows, claims));
  });

  it("when one condition of the item fails (a high-risk industry) the API and the domain agree the item does not apply", async () => {
    const input = { ...trainingRecordInput(ids.mingxi), subject: { kind: "enterprise" as const, industryCategory: "hazardous_chemicals" } };
    const api = (await t.post("/api/v1/decisions/evaluate", input, officer)).json() as Decision;
    expect(api.listItem?.listType).not.toBe("no_penalty");
    const { listRows, claims } = await sanmingState();
    expect(api).toEqual(await domainDecision(input, listRows, claims));
  });

  it("a decision date before the claim uses no claimed list (version in force on the decision date)", async () => {
    const input = { ...trainingRecordInput(ids.mingxi), decisionDate: "2021-03-10", act: { date: "2021-03-01", discoveredOn: "2021-03-05" } };
    const api = (await t.post("/api/v1/decisions/evaluate", input, officer)).json() as Decision;
    expect(api.listItem).toBeNull();
  });

  it("refuses bad input in Chinese: discovery before the act", async () => {
    const input = { ...trainingRecordInput(ids.mingxi), act: { date: "2026-03-05", discoveredOn: "2026-03-01" } };
    const res = await t.post("/api/v1/decisions/evaluate", input, officer);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain("发现日期不能早于违法行为发生日期");
  });

  it("an officer may not evaluate for an organisation outside their data scope", async () => {
    const [jj] = await t.database.query<{ id: string }>("SELECT id FROM organisations WHERE name = '晋江市应急管理局'");
    const res = await t.post("/api/v1/decisions/evaluate", trainingRecordInput(jj.id), officer);
    expect(res.statusCode).toBe(403);
  });
});

describe("kuanyan decide (CLI)", () => {
  it("reads the input from a file or stdin, decides on the embedded database and prints what the domain function gives", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kuanyan-decide-"));
    const savedUrl = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL;
    try {
      const sm = "00000000-0000-4000-8000-000000000001";
      const mx = "00000000-0000-4000-8000-000000000002";
      const records = sanmingLists({ organisationId: sm, idPrefix: "" }).map((r, i) => ({
        ...r,
        list: { ...r.list, id: `00000000-0000-4000-8000-00000000010${i}` },
      }));
      const claims = records.map((r) => ({ listId: r.list.id, version: 1, organisationId: mx, claimedOn: "2022-06-01" }));
      const { database, release } = await openDatabase(configFromFlags({ "data-dir": dir }));
      await prepareDatabase(database);
      await insertListRecords(database.db, records, "350400", claims);
      await database.close();
      release();

      const input = trainingRecordInput(mx);
      const file = path.join(dir, "input.json");
      fs.writeFileSync(file, JSON.stringify(input));
      let printed = "";
      const code = await run({ "data-dir": dir, input: file }, { out: (s) => (printed += s), err: (s) => (printed += s) });
      expect(code).toBe(0);
      const cli = JSON.parse(printed) as Decision;
      const expected = evaluateDecision(completeInput(input, catalogue), {
        index: buildDecisionIndex({ lists: records, claims }),
        lookup: shippedLawLibrary().lookup,
      });
      expect(cli.outcome).toBe("no_penalty");
      expect(cli).toEqual(expected);

      // The same from stdin; bad input exits with 2 and a Chinese message.
      const stdin = new PassThrough();
      stdin.end(JSON.stringify({ ...input, act: { date: "2026-03-05", discoveredOn: "2026-03-01" } }));
      let errText = "";
      const bad = await run({ "data-dir": dir }, { stdin, out: () => undefined, err: (s) => (errText += s) });
      expect(bad).toBe(2);
      expect(errText).toContain("发现日期不能早于违法行为发生日期");
    } finally {
      if (savedUrl !== undefined) process.env.DATABASE_URL = savedUrl;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
