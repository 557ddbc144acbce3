import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildDecisionIndex } from "../decisions/decisionIndex";
import { evaluateDecision } from "../decisions/evaluateDecision";
import { lawLibraryFromSeed } from "../laws/seed";
import { sanmingLists } from "../lists/seed/sanming";
import { starterChecklists } from "./checklists.seed";
import { inspectionFigures, keyUnitCoverage } from "./figures";
import { decisionInputFromPrefill, prefillCase } from "./findings";
import { makeCreditCode } from "./fixtures.test-support";
import type { Inspector } from "./inspectors";
import type { InspectionRecord, ItemResult } from "./lifecycle";
import { sha256Hex } from "./sha256";
import type { InspectedUnit } from "./units";

const library = lawLibraryFromSeed(JSON.parse(readFileSync(new URL("../../../server/seed/laws.json", import.meta.url), "utf8")));
const context = { index: buildDecisionIndex({ lists: sanmingLists() }), lookup: library.lookup };

const cert = (number: string) => ({ number, issuedBy: "三明市人民政府", validFrom: "2020-01-01", validTo: "2028-12-31" });
const inspectors: Inspector[] = [
  { userId: "u-zhang", name: "张明", organisationId: "sm", regionCode: "350400", certificate: cert("35040020001"), fields: ["industry_trade"] },
  { userId: "u-li", name: "李华", organisationId: "sm", regionCode: "350400", certificate: cert("35040020002"), fields: ["industry_trade"] },
];
const unit: InspectedUnit = {
  creditCode: makeCreditCode("350402", 42),
  name: "三明市某机械制造有限公司",
  address: "三明市梅列区工业路1号",
  regionCode: "350402",
  industry: "industry_trade",
  riskLevel: "high",
  keyUnit: true,
  contactName: "陈经理",
  contactPhone: "13800000000",
};
const item = starterChecklists()[0].versions[0].items.find((i) => i.id === "GM-04")!; // 隐患排查治理情况未通报 → YJ-AQSCF-097-05
const photo = sha256Hex("公示栏照片");
const inspection: InspectionRecord = {
  id: "i-42",
  organisationId: "sanming-yjj",
  regionCode: "350402",
  creditCode: unit.creditCode,
  unitName: unit.name,
  status: "submitted",
  year: 2023,
  inspectorIds: ["u-zhang", "u-li"],
  checkIn: { at: "2023-02-01T09:00:00+08:00" },
  results: [],
  signatures: [],
};
const failed = (finding: ItemResult["finding"]): ItemResult => ({
  itemId: item.id,
  outcome: "fail",
  note: "隐患排查治理情况未向从业人员通报",
  photos: [photo],
  finding,
});

// The facts under which 三明's 不予处罚 list item 1 (重大事故隐患除外) applies.
const lenientFacts = { firstTimeFound: true, correction: "on_spot" as const, harm: "none" as const, answers: { hazard_check_evidence: true } };

describe("a failed item opens a case with party, matter, facts, evidence and inspectors prefilled", () => {
  it("prefills from the pool entry, the item's matter and the inspection", () => {
    const r = prefillCase({ inspection, unit, item, result: failed({ kind: "case" }), inspectors });
    if (!r.ok) throw new Error(r.error);
    expect(r.prefill).toMatchObject({
      party: {
        type: "enterprise",
        name: unit.name,
        creditCode: unit.creditCode,
        address: unit.address,
        industryCategory: "general",
        contact: "陈经理",
      },
      matterCode: "YJ-AQSCF-097-05",
      discoveredOn: "2023-02-01",
      inspection: { date: "2023-02-01", place: unit.address, officerIds: ["u-zhang", "u-li"] },
      evidence: [
        { kind: "inspection_record", inspectionId: "i-42", itemId: "GM-04" },
        { kind: "photo", sha256: photo },
      ],
      circumstances: { majorHazard: false },
    });
    expect(r.prefill.facts).toBe(
      "2023-02-01，执法人员张明（执法证号35040020001）、李华（执法证号35040020002）对三明市某机械制造有限公司进行现场检查，对照检查表第GM-04项“事故隐患排查治理情况是否如实记录，并通过职工大会、信息公示栏等方式向从业人员通报”，发现：隐患排查治理情况未向从业人员通报。",
    );
  });

  it("a passed item, or an inspector with an expired certificate, cannot open a case", () => {
    expect(prefillCase({ inspection, unit, item, result: { itemId: item.id, outcome: "pass", photos: [] }, inspectors })).toMatchObject({
      ok: false,
    });
    const expired = [inspectors[0], { ...inspectors[1], certificate: { ...cert("35040020002"), validTo: "2022-12-31" } }];
    expect(prefillCase({ inspection, unit, item, result: failed({ kind: "case" }), inspectors: expired })).toMatchObject({
      ok: false,
      error: expect.stringContaining("过期"),
    });
  });

  it("without 重大事故隐患 the lenient list item applies (不予行政处罚) — the control case", () => {
    const r = prefillCase({ inspection, unit, item, result: failed({ kind: "case" }), inspectors });
    if (!r.ok) throw new Error(r.error);
    const d = evaluateDecision(
      decisionInputFromPrefill(r.prefill, { organisationId: "sanming-yjj", decisionDate: "2023-03-01", circumstances: lenientFacts }),
      context,
    );
    expect(d.listItem?.seq).toBe(1);
    expect(d.outcome).toBe("no_penalty");
  });

  for (const finding of [
    { kind: "case" as const, majorHazard: true, criterion: "《工贸行业重大事故隐患判定标准》" },
    { kind: "hazard" as const, level: "major" as const, criterion: "《工贸行业重大事故隐患判定标准》" },
  ]) {
    it(`a 重大事故隐患 (${finding.kind}) carries the flag into facts and circumstances: never a lenient list outcome`, () => {
      const r = prefillCase({ inspection, unit, item, result: failed(finding), inspectors });
      if (!r.ok) throw new Error(r.error);
      expect(r.prefill.circumstances.majorHazard).toBe(true);
      expect(r.prefill.facts).toContain("经判定，该问题属于重大事故隐患（判定依据：《工贸行业重大事故隐患判定标准》）。");
      // Even when the officer answers every lenient condition (and tries to clear the flag).
      const input = decisionInputFromPrefill(r.prefill, {
        organisationId: "sanming-yjj",
        decisionDate: "2023-03-01",
        circumstances: { ...lenientFacts, majorHazard: false },
      });
      expect(input.circumstances.majorHazard).toBe(true);
      const d = evaluateDecision(input, context);
      expect(d.listItem).toBeNull();
      expect(["no_penalty", "may_waive", "mitigated", "no_compulsion"]).not.toContain(d.outcome);
    });
  }
});

describe("a failed item becomes a hazard", () => {
  it("registers with the inspection's unit, item and date; a major one keeps its 判定依据", async () => {
    const { hazardFromFinding } = await import("./findings");
    const { registerHazard } = await import("../hazards/lifecycle");
    const made = hazardFromFinding({
      inspection,
      item,
      result: failed({ kind: "hazard", level: "major", criterion: "判定标准第X条" }),
      id: "h-1",
      deadline: "2023-02-15",
      responsiblePerson: "陈经理",
    });
    if (!made.ok) throw new Error(made.error);
    expect(made.hazard).toMatchObject({
      creditCode: unit.creditCode,
      inspectionId: "i-42",
      itemId: "GM-04",
      level: "major",
      criterion: "判定标准第X条",
      foundOn: "2023-02-01",
    });
    expect(registerHazard(made.hazard, ["officer"])).toMatchObject({ ok: true, hazard: { status: "open" } });
    expect(
      hazardFromFinding({ inspection, item, result: failed({ kind: "case" }), id: "h-2", deadline: "2023-02-15", responsiblePerson: "x" }),
    ).toMatchObject({ ok: false });
  });
});

describe("inspection figures", () => {
  const rec = (status: InspectionRecord["status"], over: Partial<InspectionRecord> = {}) => ({ status, year: 2027, dueBy: "2027-03-31", ...over });
  it("planned / drawn / done / done on time; a corrected record counts once; cancelled apart", () => {
    const f = inspectionFigures(
      [
        rec("planned"),
        rec("drawn"),
        rec("started"),
        rec("submitted", { submittedAt: "2027-03-30T10:00:00+08:00" }),
        rec("submitted", { submittedAt: "2027-04-02T10:00:00+08:00" }),
        rec("superseded", { submittedAt: "2027-03-01T10:00:00+08:00" }),
        rec("cancelled"),
        rec("submitted", { year: 2026, submittedAt: "2026-05-01" }),
      ],
      2027,
    );
    expect(f).toEqual({ planned: 5, drawn: 4, done: 2, doneOnTime: 1, pending: 3, cancelled: 1 });
  });

  it("key-unit coverage this year", () => {
    const units = [
      { creditCode: "A", keyUnit: true },
      { creditCode: "B", keyUnit: true },
      { creditCode: "C", keyUnit: true },
      { creditCode: "D", keyUnit: false },
    ];
    const records = [
      { creditCode: "A", status: "submitted" as const, year: 2027 },
      { creditCode: "B", status: "started" as const, year: 2027 },
      { creditCode: "C", status: "submitted" as const, year: 2026 },
      { creditCode: "D", status: "submitted" as const, year: 2027 },
    ];
    expect(keyUnitCoverage(units, records, 2027)).toEqual({ keyUnits: 3, covered: 1, percent: 33, uncovered: ["B", "C"] });
  });
});
