import { describe, expect, it } from "vitest";
import { addMonths } from "../dates/index";
import {
  conditionFormFields,
  conditionKinds,
  combineResults,
  describeCondition,
  evaluateCondition,
  highRiskIndustries,
  parseConditions,
  validateConditions,
  type Condition,
} from "./conditions";

describe("evaluateCondition", () => {
  it("首次被发现: held when true, failed when false, unanswered when unknown", () => {
    const c: Condition = { kind: "firstTimeFound" };
    expect(evaluateCondition(c, { firstTimeFound: true })).toBe("held");
    expect(evaluateCondition(c, { firstTimeFound: false })).toBe("failed");
    expect(evaluateCondition(c, {})).toBe("unanswered");
  });

  it("责令限期改正后及时改正: on-the-spot or within the deadline holds; late or not corrected fails; a running deadline is unanswered", () => {
    const c: Condition = { kind: "corrected", how: "within_deadline" };
    expect(evaluateCondition(c, { correction: "within_deadline" })).toBe("held");
    expect(evaluateCondition(c, { correction: "on_spot" })).toBe("held");
    expect(evaluateCondition(c, { correction: "after_deadline" })).toBe("failed");
    expect(evaluateCondition(c, { correction: "not_corrected" })).toBe("failed");
    expect(evaluateCondition(c, { correction: "pending" })).toBe("unanswered");
  });

  it("当场改正 requires correction on the spot", () => {
    const c: Condition = { kind: "corrected", how: "on_spot" };
    expect(evaluateCondition(c, { correction: "on_spot" })).toBe("held");
    expect(evaluateCondition(c, { correction: "within_deadline" })).toBe("failed");
  });

  it("没有造成危害后果 fails on minor harm; 危害后果轻微 accepts none or minor but not serious", () => {
    expect(evaluateCondition({ kind: "harm", atMost: "none" }, { harm: "none" })).toBe("held");
    expect(evaluateCondition({ kind: "harm", atMost: "none" }, { harm: "minor" })).toBe("failed");
    expect(evaluateCondition({ kind: "harm", atMost: "minor" }, { harm: "minor" })).toBe("held");
    expect(evaluateCondition({ kind: "harm", atMost: "minor" }, { harm: "serious" })).toBe("failed");
  });

  it("一般生产经营单位: the five high-risk industries are excluded", () => {
    const c: Condition = { kind: "subjectCategoryNotIn", categories: [...highRiskIndustries] };
    expect(evaluateCondition(c, { industryCategory: "general" })).toBe("held");
    for (const category of highRiskIndustries) expect(evaluateCondition(c, { industryCategory: category })).toBe("failed");
    expect(evaluateCondition(c, {})).toBe("unanswered");
  });

  it("重大事故隐患除外: a major hazard fails the condition", () => {
    expect(evaluateCondition({ kind: "noMajorHazard" }, { majorHazard: false })).toBe("held");
    expect(evaluateCondition({ kind: "noMajorHazard" }, { majorHazard: true })).toBe("failed");
  });

  it("an item's own question compares the answer with the expected one", () => {
    const yes: Condition = { kind: "question", id: "q1", text: "有证据证明开展了隐患排查治理工作", expected: true };
    const no: Condition = { kind: "question", id: "q1", text: "有证据证明开展了隐患排查治理工作", expected: false };
    expect(evaluateCondition(yes, { answers: { q1: true } })).toBe("held");
    expect(evaluateCondition(yes, { answers: { q1: false } })).toBe("failed");
    expect(evaluateCondition(no, { answers: { q1: false } })).toBe("held");
    expect(evaluateCondition(yes, { answers: {} })).toBe("unanswered");
  });

  it("再次违法 within N months counts only earlier violations inside the window", () => {
    const c: Condition = { kind: "repeatOffence", withinMonths: 12 };
    expect(evaluateCondition(c, { actDate: "2023-06-30", priorViolationDates: ["2022-07-01"] })).toBe("held");
    expect(evaluateCondition(c, { actDate: "2023-06-30", priorViolationDates: ["2022-06-29"] })).toBe("failed");
    expect(evaluateCondition(c, { actDate: "2023-06-30", priorViolationDates: [] })).toBe("failed");
    expect(evaluateCondition(c, { actDate: "2023-06-30" })).toBe("unanswered");
  });

  it("拒不改正 follows the correction state when not stated explicitly", () => {
    expect(evaluateCondition({ kind: "refusedCorrection" }, { correction: "not_corrected" })).toBe("held");
    expect(evaluateCondition({ kind: "refusedCorrection" }, { correction: "on_spot" })).toBe("failed");
    expect(evaluateCondition({ kind: "refusedCorrection" }, { refusedCorrection: false, correction: "not_corrected" })).toBe("failed");
  });

  it("combineResults: any failure fails, any unknown leaves it unanswered", () => {
    expect(combineResults(["held", "held"])).toBe("held");
    expect(combineResults(["held", "unanswered"])).toBe("unanswered");
    expect(combineResults(["unanswered", "failed"])).toBe("failed");
  });

  it("addMonths keeps month ends", () => {
    expect(addMonths("2024-03-31", -1)).toBe("2024-02-29");
    expect(addMonths("2023-01-15", 12)).toBe("2024-01-15");
  });
});

describe("describeCondition", () => {
  it("says each condition in Chinese", () => {
    expect(describeCondition({ kind: "subjectCategoryNotIn", categories: [...highRiskIndustries] })).toBe(
      "当事人不属于矿山、危化品、金属冶炼、建筑施工、道路运输行业",
    );
    expect(describeCondition({ kind: "corrected", how: "within_deadline" })).toBe("责令限期改正后在期限内改正");
    expect(describeCondition({ kind: "harm", atMost: "none" })).toBe("没有造成危害后果");
    expect(describeCondition({ kind: "repeatOffence", withinMonths: 6 })).toBe("6个月内再次实施同一违法行为");
  });
});

describe("validateConditions", () => {
  it("accepts a well-formed set", () => {
    expect(
      validateConditions([
        { kind: "firstTimeFound" },
        { kind: "corrected", how: "any" },
        { kind: "question", id: "q1", text: "有证据证明开展了隐患排查治理工作", expected: true },
      ]),
    ).toEqual([]);
  });

  it("reports malformed conditions in Chinese", () => {
    const errors = validateConditions([
      { kind: "nonsense" },
      { kind: "corrected", how: "sometime" },
      { kind: "question", id: "q 1", text: "", expected: "yes" },
      { kind: "subjectCategoryNotIn", categories: [] },
      { kind: "repeatOffence", withinMonths: 0 },
      { kind: "firstTimeFound", extra: 1 },
    ]);
    expect(errors).toContain("第1个条件：未知的条件类型“nonsense”");
    expect(errors.some((e) => e.startsWith("第2个条件（及时改正）"))).toBe(true);
    expect(errors.filter((e) => e.startsWith("第3个条件（自定义问题）"))).toHaveLength(3);
    expect(errors.some((e) => e.startsWith("第4个条件（排除行业）"))).toBe(true);
    expect(errors.some((e) => e.startsWith("第5个条件"))).toBe(true);
    expect(errors).toContain("第6个条件（首次被发现）：不应有字段“extra”");
  });

  it("rejects aggravating conditions on a lenient list and contradictions", () => {
    expect(validateConditions([{ kind: "seriousHarm" }], { listType: "no_penalty" })).toHaveLength(1);
    expect(validateConditions([{ kind: "seriousHarm" }], { listType: "heavier" })).toEqual([]);
    expect(validateConditions([{ kind: "refusedCorrection" }, { kind: "corrected", how: "any" }])[0]).toContain("相互矛盾");
  });

  it("duplicate question ids are reported", () => {
    const q = { kind: "question", id: "q1", text: "x", expected: true };
    expect(validateConditions([q, q])).toEqual(["第2个条件（自定义问题）：问题编号“q1”重复"]);
  });

  it("parseConditions round-trips JSON", () => {
    const conditions: Condition[] = [{ kind: "harm", atMost: "minor" }, { kind: "noMajorHazard" }];
    const parsed = parseConditions(JSON.parse(JSON.stringify(conditions)));
    expect(parsed).toEqual({ ok: true, conditions });
    expect(parseConditions({})).toEqual({ ok: false, errors: ["适用条件必须是列表"] });
  });
});

describe("conditionFormFields", () => {
  it("describes every kind, and a condition filled from the form validates", () => {
    expect(Object.keys(conditionFormFields).sort()).toEqual([...conditionKinds].sort());
    for (const kind of conditionKinds) {
      const condition: Record<string, unknown> = { kind };
      for (const f of conditionFormFields[kind]) {
        if (f.type === "choice") condition[f.field] = f.options[0].value;
        if (f.type === "categories") condition[f.field] = ["mining"];
        if (f.type === "identifier") condition[f.field] = "q1";
        if (f.type === "text") condition[f.field] = "有证据证明开展了隐患排查治理工作";
        if (f.type === "boolean") condition[f.field] = true;
        if (f.type === "integer") condition[f.field] = f.min;
      }
      expect(validateConditions([condition]), kind).toEqual([]);
    }
  });
});
