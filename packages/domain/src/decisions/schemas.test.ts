import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { sanmingLists } from "../lists/seed/sanming";
import { buildDecisionIndex } from "./decisionIndex";
import { evaluateDecision } from "./evaluateDecision";
import { fixtureLookup } from "./provisions.test-support";
import { decisionDocumentTypes, outcomeLabels, outcomes, type DecisionInput } from "./types";

const docs = new URL("../../../../docs/", import.meta.url);
const inputSchema = JSON.parse(readFileSync(new URL("decision-input.schema.json", docs), "utf8"));
const outputSchema = JSON.parse(readFileSync(new URL("decision-output.schema.json", docs), "utf8"));
const ajv = new Ajv2020({ strict: true, allErrors: true, validateFormats: false });
const validateInput = ajv.compile(inputSchema);
const validateOutput = ajv.compile(outputSchema);

const context = { index: buildDecisionIndex({ lists: sanmingLists() }), lookup: fixtureLookup };

const samples: DecisionInput[] = [
  {
    organisationId: "sanming-yjj",
    decisionDate: "2023-03-01",
    matter: {
      code: "YJ-AQSCF-097-04",
      name: "生产经营单位未如实记录安全生产教育和培训情况",
      fineRange: { minYuan: 0, maxYuan: 100000 },
      penaltyText: "责令限期改正，处十万元以下的罚款",
    },
    subject: { kind: "enterprise", industryCategory: "general" },
    act: { date: "2023-01-10", discoveredOn: "2023-02-01" },
    circumstances: { firstTimeFound: true, correction: "within_deadline", harm: "none", answers: { training_done_evidence: true } },
  },
  {
    kind: "penalty",
    organisationId: "sanming-yjj",
    decisionDate: "2023-03-01",
    matter: {
      code: "YJ-YJYA-PS",
      name: "未按照规定开展应急预案评审",
      fineRange: { minYuan: 10000, maxYuan: 30000 },
      lifeHealthOrFinancialSafety: true,
      penaltyBasis: [{ law: "中华人民共和国行政处罚法", article: 5, paragraph: 2 }],
    },
    subject: { kind: "individual", birthDate: "2007-05-01", mentalCapacity: "full", industryCategory: "general" },
    act: { date: "2022-12-01", discoveredOn: "2023-01-05", continuing: true, endDate: "2022-12-20" },
    emergency: { violatesEmergencyMeasures: false },
    circumstances: { proactiveElimination: true, coercedOrDeceived: false, priorViolationDates: [], correction: "on_spot" },
  },
  {
    organisationId: "sanming-yjj",
    decisionDate: "2020-02-01",
    matter: { code: "X", name: "其他事项" },
    subject: { kind: "enterprise" },
    act: { date: "2014-01-01", discoveredOn: "2020-01-01" },
    circumstances: {},
  },
  {
    kind: "compulsion",
    organisationId: "sanming-yjj",
    decisionDate: "2023-03-01",
    matter: { code: "X", name: "其他事项" },
    subject: { kind: "enterprise", industryCategory: "mining" },
    act: { date: "2023-02-01", discoveredOn: "2023-02-02" },
    emergency: { violatesEmergencyMeasures: true },
    circumstances: { significantlyMinor: true },
  },
  {
    organisationId: "sanming-yjj",
    decisionDate: "2023-03-01",
    matter: { code: "YJ-AQSCF-097-06", name: "未定期组织演练" },
    subject: { kind: "enterprise", industryCategory: "construction" },
    act: { date: "2023-02-01", discoveredOn: "2023-02-02" },
    circumstances: { correction: "within_deadline", harm: "minor", answers: { rescue_plan_exists: true }, firstOffence: true },
  },
];

describe("docs/decision-input.schema.json and docs/decision-output.schema.json", () => {
  it("are draft 2020-12 schemas", () => {
    expect(inputSchema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(outputSchema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
  });

  it("accept the sample inputs and the engine's outputs for them", () => {
    const seen = new Set<string>();
    for (const sample of samples) {
      expect(validateInput(sample), JSON.stringify(validateInput.errors)).toBe(true);
      const decision = evaluateDecision(sample, context);
      seen.add(decision.outcome);
      const json = JSON.parse(JSON.stringify(decision));
      expect(validateOutput(json), JSON.stringify(validateOutput.errors)).toBe(true);
    }
    expect([...seen].sort()).toEqual(["lighter", "may_waive", "no_penalty", "not_applicable", "time_barred"]);
  });

  it("the input schema rejects what is structurally wrong", () => {
    const bad = [
      { ...samples[0], matter: { code: "X" } },
      { ...samples[0], subject: { kind: "company" } },
      { ...samples[0], circumstances: { harm: "some" } },
      { ...samples[0], act: { date: "2023-01-10" } },
      { ...samples[0], unknown: true },
    ];
    for (const b of bad) expect(validateInput(b)).toBe(false);
  });

  it("an output without a basis is not valid", () => {
    const decision = JSON.parse(JSON.stringify(evaluateDecision(samples[0], context)));
    expect(validateOutput({ ...decision, basis: [] })).toBe(false);
  });

  it("enumerate exactly the engine's outcomes, labels and document types", () => {
    expect(outputSchema.$defs.outcome.enum).toEqual([...outcomes]);
    expect(outputSchema.properties.outcomeLabel.enum).toEqual(outcomes.map((o) => outcomeLabels[o]));
    expect(outputSchema.properties.documents.items.enum).toEqual([...decisionDocumentTypes]);
  });
});
