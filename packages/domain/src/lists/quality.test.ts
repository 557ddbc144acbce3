import { describe, expect, it } from "vitest";
import { fixtureLookup } from "../decisions/provisions.test-support";
import { canPublish, checkListVersion, conditionsOverlap, type ListVersionRef } from "./quality";
import { sanmingLists } from "./seed/sanming";
import type { ListItem, ListType } from "./types";

const [np, mitigated] = sanmingLists();

function ref(id: string, type: ListType, items: ListItem[]): ListVersionRef {
  return { list: { id, type, title: `测试${id}` }, version: { version: 1, items } };
}

const base: ListItem = np.versions[0].items[3]; // 未如实记录安全生产教育和培训情况

describe("quality checks of a list version", () => {
  it("reports missing 事项名称, 情形, 依据 as errors and missing measures as a warning", () => {
    const item: ListItem = { ...base, matterName: "", circumstances: " ", basis: [], measures: [], otherMeasures: [] };
    const findings = checkListVersion(ref("a", "no_penalty", [item]), { lookup: fixtureLookup });
    const codes = findings.map((f) => [f.severity, f.code]);
    expect(codes).toContainEqual(["error", "item_missing_matter_name"]);
    expect(codes).toContainEqual(["error", "item_missing_circumstances"]);
    expect(codes).toContainEqual(["error", "item_missing_basis"]);
    expect(codes).toContainEqual(["warning", "item_missing_measures"]);
    expect(findings.every((f) => f.itemSeq === 4 && f.message.startsWith("第4项："))).toBe(true);
  });

  it("a citation of an article that does not exist is an error", () => {
    const item: ListItem = { ...base, basis: [{ law: "中华人民共和国行政处罚法", article: 333 }] };
    const findings = checkListVersion(ref("a", "no_penalty", [item]), { lookup: fixtureLookup });
    expect(findings).toContainEqual({
      severity: "error",
      code: "citation_unresolved",
      message: "第4项：依据《中华人民共和国行政处罚法》第三百三十三条在法律法规库中不存在",
      itemSeq: 4,
    });
  });

  it("a citation of a superseded law version is an error", () => {
    const findings = checkListVersion(ref("a", "no_penalty", [base]), {
      lookup: fixtureLookup,
      supersededLaws: ["中华人民共和国行政处罚法"],
    });
    expect(findings.map((f) => f.code)).toContain("citation_superseded");
  });

  it("invalid structured conditions and duplicate 序号 are errors", () => {
    const bad: ListItem = { ...base, seq: 4, conditions: [{ kind: "seriousHarm" }] };
    const findings = checkListVersion(ref("a", "no_penalty", [base, bad]), { lookup: fixtureLookup });
    expect(findings.map((f) => f.code)).toEqual(expect.arrayContaining(["item_duplicate_seq", "condition_invalid", "item_duplicate_matter"]));
  });

  it("the same matter on a lenient list and the 从重 list with overlapping conditions is an error", () => {
    const heavier: ListItem = { ...base, seq: 1, conditions: [{ kind: "obstructedInspection" }], measures: [] };
    const findings = checkListVersion(ref("np", "no_penalty", [base]), { lookup: fixtureLookup, otherLists: [ref("h", "heavier", [heavier])] });
    expect(findings.filter((f) => f.code === "conflict_lenient_heavier")).toHaveLength(1);
  });

  it("no conflict when the 从重 item excludes the lenient one (拒不改正 vs 及时改正; 再次违法 vs 首次被发现; emergency)", () => {
    for (const conditions of [
      [{ kind: "refusedCorrection" }],
      [{ kind: "repeatOffence", withinMonths: 12 }],
      [{ kind: "duringEmergency" }],
    ] as ListItem["conditions"][]) {
      const heavier: ListItem = { ...base, seq: 1, conditions };
      const findings = checkListVersion(ref("np", "no_penalty", [base]), { lookup: fixtureLookup, otherLists: [ref("h", "heavier", [heavier])] });
      expect(findings.filter((f) => f.code.startsWith("conflict"))).toEqual([]);
    }
  });

  it("the same matter on the 不予 list and the 从轻/减轻 list: overlapping → error, exclusive → warning", () => {
    const mitigatedSame: ListItem = { ...mitigated.versions[0].items[0], matterCode: base.matterCode };
    const overlapping = checkListVersion(ref("np", "no_penalty", [base]), {
      lookup: fixtureLookup,
      otherLists: [ref("m", "mitigated", [mitigatedSame])],
    });
    expect(overlapping.map((f) => [f.severity, f.code])).toContainEqual(["error", "conflict_no_penalty_reduced"]);
    const exclusive: ListItem = { ...mitigatedSame, conditions: [{ kind: "subjectCategoryIn", categories: ["mining"] }] };
    const warned = checkListVersion(ref("np", "no_penalty", [base]), { lookup: fixtureLookup, otherLists: [ref("m", "mitigated", [exclusive])] });
    expect(warned.map((f) => [f.severity, f.code])).toContainEqual(["warning", "same_matter_no_penalty_reduced"]);
  });

  it("三明's own four lists do not conflict with each other", () => {
    const all = sanmingLists().map((r) => ({ list: r.list, version: r.versions[0] }));
    for (const target of all) {
      const findings = checkListVersion(target, { lookup: fixtureLookup, otherLists: all });
      expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    }
  });

  it("conditionsOverlap: opposite answers to the same question exclude each other", () => {
    const q = { kind: "question" as const, id: "q", text: "x" };
    expect(conditionsOverlap([{ ...q, expected: true }], [{ ...q, expected: false }])).toBe(false);
    expect(conditionsOverlap([{ ...q, expected: true }], [{ ...q, expected: true }])).toBe(true);
  });
});

describe("canPublish", () => {
  it("blocks on errors, requires a reason for warnings, passes when clean", () => {
    expect(canPublish([{ severity: "error", code: "x", message: "第1项：缺少依据" }]).ok).toBe(false);
    expect(canPublish([{ severity: "warning", code: "y", message: "提示" }])).toEqual({
      ok: false,
      reason: "质量检查有1个提示，须填写仍予发布的理由",
    });
    expect(canPublish([{ severity: "warning", code: "y", message: "提示" }], "已核实")).toEqual({ ok: true });
    expect(canPublish([])).toEqual({ ok: true });
  });
});
