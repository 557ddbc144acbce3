import { describe, expect, it } from "vitest";
import { statisticsColumns } from "../measures/index";
import {
  computeForm,
  computeRollup,
  formValues,
  subtreeOrganisationIds,
  type CountingRecords,
  type DecisionRecord,
  type MeasureRecord,
  type OrganisationNode,
  type RollupNode,
} from "./counting";
import { customPeriod, periodRange } from "./period";

const year2026 = periodRange("year", 2026);
const only = (id: string) => ({ organisationIds: [id] });

let seq = 0;
function measure(partial: Partial<MeasureRecord> & Pick<MeasureRecord, "method">): MeasureRecord {
  seq += 1;
  return {
    id: `m${seq}`,
    caseId: "c1",
    organisationId: "orgA",
    carriedOutOn: "2026-03-10",
    persons: 1,
    writtenRecordId: `doc-m${seq}`,
    cancelled: false,
    ...partial,
  };
}
function decision(partial: Partial<DecisionRecord> & Pick<DecisionRecord, "caseId">): DecisionRecord {
  return {
    organisationId: "orgA",
    outcome: "no_penalty",
    decidedOn: "2026-03-12",
    caseStatus: "closed",
    reopenCount: 0,
    writtenRecordId: `decision-${partial.caseId}`,
    ...partial,
  };
}

describe("counting rules of the 柔性执法统计报表", () => {
  it("a case with 说服教育 and 行政告诫 counts once in each of the two columns", () => {
    const records: CountingRecords = {
      decisions: [decision({ caseId: "c1" })],
      measures: [measure({ id: "edu", method: "persuasion" }), measure({ id: "warn", method: "administrativeWarning" })],
    };
    const { cells } = computeForm(records, year2026, only("orgA"));
    expect(cells.persuasion.value).toBe(1);
    expect(cells.persuasion.recordIds).toEqual(["edu"]);
    expect(cells.administrativeWarning.value).toBe(1);
    expect(cells.administrativeWarning.recordIds).toEqual(["warn"]);
    expect(cells.no_penalty.value).toBe(1);
    expect(cells.no_penalty.recordIds).toEqual(["c1"]);
    expect(cells.administrativeInterview.value).toBe(0);
  });

  it("人次 columns add up the people reached; 件 columns count one per measure", () => {
    const records: CountingRecords = {
      decisions: [],
      measures: [
        measure({ id: "g1", method: "administrativeGuidance", persons: 30, caseId: null }),
        measure({ id: "g2", method: "administrativeGuidance", persons: 12, caseId: null }),
        measure({ id: "r1", method: "administrativeReminder", persons: 5 }),
        measure({ id: "i1", method: "administrativeInterview", persons: 4 }),
      ],
    };
    const { cells } = computeForm(records, year2026, only("orgA"));
    expect(cells.administrativeGuidance.value).toBe(42);
    expect(cells.administrativeGuidance.recordIds).toEqual(["g1", "g2"]);
    expect(cells.administrativeReminder.value).toBe(5);
    // 行政约谈 is counted in 件: four people at one interview are one 件.
    expect(cells.administrativeInterview.value).toBe(1);
  });

  it("two carried-out measures of the same method in one case, each with its written record, are two 件", () => {
    const records: CountingRecords = {
      decisions: [],
      measures: [measure({ method: "followUpVisit", carriedOutOn: "2026-04-01" }), measure({ method: "followUpVisit", carriedOutOn: "2026-05-01" })],
    };
    expect(computeForm(records, year2026, only("orgA")).cells.followUpVisit.value).toBe(2);
  });

  it("the same written record entered twice for the same method counts once", () => {
    const records: CountingRecords = {
      decisions: [],
      measures: [
        measure({ id: "a", method: "persuasion", writtenRecordId: "doc-1" }),
        measure({ id: "b", method: "persuasion", writtenRecordId: "doc-1" }),
        measure({ id: "c", method: "administrativeWarning", writtenRecordId: "doc-1" }),
      ],
    };
    const form = computeForm(records, year2026, only("orgA"));
    expect(form.cells.persuasion.recordIds).toEqual(["a"]);
    expect(form.cells.administrativeWarning.recordIds).toEqual(["c"]);
    expect(form.exceptions).toEqual([expect.objectContaining({ recordId: "b", reason: "duplicate_written_record" })]);
  });

  it("a written record already counted in an earlier period is not counted again in a later one", () => {
    const records: CountingRecords = {
      decisions: [],
      measures: [
        measure({ id: "dec", method: "administrativeInterview", carriedOutOn: "2025-12-20", writtenRecordId: "doc-9" }),
        measure({ id: "jan", method: "administrativeInterview", carriedOutOn: "2026-01-05", writtenRecordId: "doc-9" }),
      ],
    };
    const form = computeForm(records, year2026, only("orgA"));
    expect(form.cells.administrativeInterview.value).toBe(0);
    expect(form.exceptions).toEqual([expect.objectContaining({ recordId: "jan", reason: "duplicate_written_record" })]);
    const lastYear = computeForm(records, { kind: "year", from: "2025-01-01", to: "2025-12-31" }, only("orgA"));
    expect(lastYear.cells.administrativeInterview.recordIds).toEqual(["dec"]);
  });

  it("an earlier entry of a written record that does not count itself (cancelled) leaves the later entry counted", () => {
    const records: CountingRecords = {
      decisions: [],
      measures: [
        measure({ id: "old", method: "persuasion", carriedOutOn: "2025-12-20", writtenRecordId: "doc-7", cancelled: true }),
        measure({ id: "new", method: "persuasion", carriedOutOn: "2026-01-05", writtenRecordId: "doc-7" }),
      ],
    };
    expect(computeForm(records, year2026, only("orgA")).cells.persuasion.recordIds).toEqual(["new"]);
  });

  it("a reopened case is counted once, with its final decision", () => {
    const records: CountingRecords = {
      decisions: [
        decision({ caseId: "c9", outcome: "no_penalty", decidedOn: "2026-02-01", reopenCount: 0 }),
        decision({ caseId: "c9", outcome: "mitigated", decidedOn: "2026-05-01", reopenCount: 1 }),
      ],
      measures: [],
    };
    const form = computeForm(records, year2026, only("orgA"));
    expect(form.cells.no_penalty.value).toBe(0);
    expect(form.cells.mitigated.value).toBe(1);
    expect(form.cells.mitigated.entries[0]?.date).toBe("2026-05-01");
    expect(form.exceptions).toEqual([expect.objectContaining({ recordId: "c9", reason: "superseded_decision" })]);
    // The same outcome decided again is still one 件.
    const same = computeForm(
      {
        decisions: [decision({ caseId: "c9", decidedOn: "2026-02-01" }), decision({ caseId: "c9", decidedOn: "2026-06-01", reopenCount: 1 })],
        measures: [],
      },
      year2026,
      only("orgA"),
    );
    expect(same.cells.no_penalty.value).toBe(1);
  });

  it("a reopened case decided again next year counts in the year of its final decision only", () => {
    const records: CountingRecords = {
      decisions: [decision({ caseId: "c9", decidedOn: "2026-11-01" }), decision({ caseId: "c9", decidedOn: "2027-01-15", reopenCount: 1 })],
      measures: [],
    };
    expect(computeForm(records, year2026, only("orgA")).cells.no_penalty.value).toBe(0);
    expect(computeForm(records, periodRange("year", 2027), only("orgA")).cells.no_penalty.value).toBe(1);
  });

  it("cancelled measures and every record of a cancelled case are not counted", () => {
    const records: CountingRecords = {
      decisions: [decision({ caseId: "c1" }), decision({ caseId: "void", caseStatus: "cancelled" })],
      measures: [
        measure({ id: "x", method: "persuasion", cancelled: true }),
        measure({ id: "y", method: "persuasion", caseId: "void" }),
        measure({ id: "z", method: "persuasion" }),
      ],
    };
    const form = computeForm(records, year2026, only("orgA"));
    expect(form.cells.persuasion.recordIds).toEqual(["z"]);
    expect(form.cells.no_penalty.recordIds).toEqual(["c1"]);
    expect(form.exceptions.map((e) => [e.recordId, e.reason])).toEqual(
      expect.arrayContaining([
        ["x", "cancelled"],
        ["y", "case_cancelled"],
        ["void", "case_cancelled"],
      ]),
    );
  });

  it("a case moved to the ordinary procedure keeps its measures but not its decision column", () => {
    const records: CountingRecords = {
      decisions: [decision({ caseId: "c2", outcome: "lighter", caseStatus: "transferred_to_ordinary" })],
      measures: [measure({ id: "talk", caseId: "c2", method: "administrativeInterview" })],
    };
    const form = computeForm(records, year2026, only("orgA"));
    expect(form.cells.lighter.value).toBe(0);
    expect(form.cells.administrativeInterview.recordIds).toEqual(["talk"]);
    expect(form.exceptions).toEqual([expect.objectContaining({ recordId: "c2", reason: "transferred_to_ordinary" })]);
  });

  it("measures and decisions without a written record are not counted and are listed as exceptions", () => {
    const records: CountingRecords = {
      decisions: [decision({ caseId: "c3", writtenRecordId: null })],
      measures: [
        measure({ id: "noDoc", method: "guidanceDemonstration", writtenRecordId: null }),
        measure({ id: "emptyDoc", method: "guidanceDemonstration", writtenRecordId: "" }),
        measure({ id: "withDoc", method: "guidanceDemonstration", writtenRecordId: "doc-7" }),
      ],
    };
    const form = computeForm(records, year2026, only("orgA"));
    expect(form.cells.guidanceDemonstration.value).toBe(1);
    expect(form.cells.guidanceDemonstration.entries[0]?.writtenRecordId).toBe("doc-7");
    expect(form.cells.no_penalty.value).toBe(0);
    expect(
      form.exceptions
        .filter((e) => e.reason === "no_written_record")
        .map((e) => e.recordId)
        .sort(),
    ).toEqual(["c3", "emptyDoc", "noDoc"]);
  });

  it("a 人次 measure with no people (or a fraction) is not counted and asks for a fix", () => {
    const records: CountingRecords = {
      decisions: [],
      measures: [
        measure({ id: "zero", method: "administrativeReward", persons: 0 }),
        measure({ id: "half", method: "administrativeAdvice", persons: 1.5 }),
      ],
    };
    const form = computeForm(records, year2026, only("orgA"));
    expect(form.cells.administrativeReward.value).toBe(0);
    expect(form.cells.administrativeAdvice.value).toBe(0);
    expect(form.exceptions.map((e) => e.reason)).toEqual(["invalid_persons", "invalid_persons"]);
  });

  it("the decision date places a decision in a period and the carried-out date places a measure", () => {
    const records: CountingRecords = {
      decisions: [decision({ caseId: "c4", decidedOn: "2026-07-01" })],
      measures: [
        measure({ id: "june", caseId: "c4", method: "persuasion", carriedOutOn: "2026-06-30" }),
        measure({ id: "july", caseId: "c4", method: "persuasion", carriedOutOn: "2026-07-01" }),
      ],
    };
    const h1 = computeForm(records, periodRange("half_year", 2026, 1), only("orgA"));
    expect(h1.cells.no_penalty.value).toBe(0);
    expect(h1.cells.persuasion.recordIds).toEqual(["june"]);
    const july = computeForm(records, periodRange("month", 2026, 7), only("orgA"));
    expect(july.cells.no_penalty.value).toBe(1);
    expect(july.cells.persuasion.recordIds).toEqual(["july"]);
    const custom = computeForm(records, customPeriod("2026-06-30", "2026-07-01"), only("orgA"));
    expect(custom.cells.persuasion.value).toBe(2);
  });

  it("undecided cases and outcomes that are not lenient are not counted in a decision column", () => {
    const records: CountingRecords = {
      decisions: [
        decision({ caseId: "open", decidedOn: null, caseStatus: "active" }),
        decision({ caseId: "fined", outcome: "other" }),
        decision({ caseId: "spared", outcome: "no_compulsion", caseStatus: "active" }),
      ],
      measures: [],
    };
    const form = computeForm(records, year2026, only("orgA"));
    const values = formValues(form.cells);
    expect(values.no_penalty + values.mitigated + values.lighter).toBe(0);
    expect(form.cells.no_compulsion.recordIds).toEqual(["spared"]);
  });

  it("records of organisations outside the scope are not counted", () => {
    const records: CountingRecords = {
      decisions: [decision({ caseId: "b1", organisationId: "orgB" })],
      measures: [measure({ method: "persuasion", organisationId: "orgB" })],
    };
    const form = computeForm(records, year2026, only("orgA"));
    expect(Object.values(formValues(form.cells)).every((v) => v === 0)).toBe(true);
    expect(computeForm(records, year2026, only("orgB")).cells.persuasion.value).toBe(1);
  });
});

describe("roll-up through the organisation hierarchy", () => {
  // city justice bureau ← two county bureaus ← a township under county 1
  const tree: OrganisationNode[] = [
    { id: "city", parentId: null, name: "三明市应急管理局" },
    { id: "county1", parentId: "city", name: "明溪县应急管理局" },
    { id: "county2", parentId: "city", name: "将乐县应急管理局" },
    { id: "town", parentId: "county1", name: "城关乡" },
    { id: "elsewhere", parentId: null },
  ];
  const orgs = ["city", "county1", "county2", "town", "elsewhere"];
  const methods = ["persuasion", "administrativeGuidance", "administrativeWarning", "followUpVisit"] as const;
  const outcomes = ["no_penalty", "mitigated", "lighter", "no_compulsion", "other"] as const;
  const decisions: DecisionRecord[] = [];
  const measures: MeasureRecord[] = [];
  for (let i = 0; i < 60; i++) {
    const org = orgs[i % orgs.length] as string;
    const month = (i % 12) + 1;
    decisions.push(
      decision({
        caseId: `case${i}`,
        organisationId: org,
        outcome: outcomes[i % outcomes.length],
        decidedOn: `2026-${String(month).padStart(2, "0")}-15`,
        caseStatus: i % 11 === 0 ? "cancelled" : "closed",
      }),
    );
    if (i % 7 === 0) {
      decisions.push(decision({ caseId: `case${i}`, organisationId: org, decidedOn: "2026-12-01", reopenCount: 1 }));
    }
    measures.push(
      measure({
        caseId: `case${i}`,
        organisationId: org,
        method: methods[i % methods.length],
        persons: (i % 4) + 1,
        writtenRecordId: i % 9 === 0 ? null : `doc${i}`,
      }),
    );
  }
  const records: CountingRecords = { decisions, measures };

  function checkSums(node: RollupNode): void {
    for (const column of statisticsColumns) {
      const childSum = node.children.reduce((sum, c) => sum + c.total[column], 0);
      expect(node.total[column]).toBe(node.own.cells[column].value + childSum);
    }
    node.children.forEach(checkSums);
  }

  it("each node's total is its own numbers plus the sum of its children's", () => {
    const root = computeRollup(records, tree, "city", year2026);
    expect(root.children.map((c) => c.organisationId).sort()).toEqual(["county1", "county2"]);
    checkSums(root);
  });

  it("the city's total equals the form over the city and all its subordinates (no double counting)", () => {
    const root = computeRollup(records, tree, "city", year2026);
    const ids = subtreeOrganisationIds(tree, "city");
    expect(ids.sort()).toEqual(["city", "county1", "county2", "town"]);
    const direct = computeForm(records, year2026, { organisationIds: ids });
    expect(root.total).toEqual(formValues(direct.cells));
    // An organisation outside the tree adds nothing; every record id appears once per column.
    for (const column of statisticsColumns) {
      expect(new Set(direct.cells[column].recordIds).size).toBe(direct.cells[column].recordIds.length);
    }
    const all = computeForm(records, year2026, { organisationIds: orgs });
    expect(all.cells.persuasion.value).toBeGreaterThan(direct.cells.persuasion.value);
  });

  it("a cycle in bad hierarchy data does not loop or count twice", () => {
    const cyclic: OrganisationNode[] = [
      { id: "a", parentId: "b" },
      { id: "b", parentId: "a" },
    ];
    const r: CountingRecords = { decisions: [], measures: [measure({ organisationId: "a", method: "other" })] };
    const root = computeRollup(r, cyclic, "a", year2026);
    expect(root.total.other).toBe(1);
    expect(subtreeOrganisationIds(cyclic, "a").sort()).toEqual(["a", "b"]);
  });
});
