import { describe, expect, it } from "vitest";
import { publicInspectionResult, publicUnitName, publishedRecordOf, summarisePublicResults, type PublicResultInput } from "./publication";

const base: PublicResultInput = { status: "submitted", dueBy: "2026-12-31", record: null, hazards: [], today: "2026-12-01" };
const record = (...items: ["pass" | "fail" | "not_applicable", ("hazard" | "case")?][]) => ({
  checkedOn: "2026-11-20",
  items: items.map(([outcome, finding], i) => ({ itemId: `GM-0${i + 1}`, outcome, finding: finding ?? null })),
});

describe("检查结果 of the public page (双随机抽查结果公示), derived from the submitted record", () => {
  it("no failed item: 未发现问题, with the date of the check", () => {
    const r = publicInspectionResult({ ...base, record: record(["pass"], ["not_applicable"], ["pass"]) });
    expect(r).toEqual({ category: "no_problem", label: "未发现问题", checkedOn: "2026-11-20", hazards: 0, rectified: 0 });
  });

  it("failed items registered as hazards: 发现问题，已责令整改 (n 项隐患), 已整改 counts only hazards that passed 复查", () => {
    const r = publicInspectionResult({
      ...base,
      record: record(["fail", "hazard"], ["pass"], ["fail", "hazard"], ["fail", "hazard"]),
      hazards: [
        { itemId: "GM-01", status: "closed" },
        { itemId: "GM-03", status: "rectification_reported" },
        { itemId: "GM-04", status: "review_passed" },
        // a hazard of another item than the record's hazard items is not counted
        { itemId: "GM-02", status: "closed" },
      ],
    });
    expect(r).toMatchObject({ category: "hazards_ordered", label: "发现问题，已责令整改（3项隐患）", hazards: 3, rectified: 2 });
  });

  it("a hazard item not yet registered in the ledger counts as not rectified", () => {
    expect(publicInspectionResult({ ...base, record: record(["fail", "hazard"]) })).toMatchObject({ hazards: 1, rectified: 0 });
  });

  it("a failed item that opened a case: 发现问题，已立案调查 (the hazards of the record still counted)", () => {
    const r = publicInspectionResult({
      ...base,
      record: record(["fail", "hazard"], ["fail", "case"]),
      hazards: [{ itemId: "GM-01", status: "open" }],
    });
    expect(r).toMatchObject({ category: "case_opened", label: "发现问题，已立案调查", hazards: 1, rectified: 0 });
  });

  it("no submitted record: 待检查 until the due date, 未检查（逾期） after it; a cancelled one is 已取消", () => {
    expect(publicInspectionResult({ ...base, status: "drawn", today: "2026-12-31" }).category).toBe("pending");
    expect(publicInspectionResult({ ...base, status: "started", today: "2027-01-01" })).toEqual({
      category: "overdue",
      label: "未检查（逾期）",
      checkedOn: null,
      hazards: 0,
      rectified: 0,
    });
    expect(publicInspectionResult({ ...base, status: "planned", dueBy: null, today: "2099-01-01" }).category).toBe("pending");
    expect(publicInspectionResult({ ...base, status: "cancelled", today: "2027-01-01" }).label).toBe("已取消");
  });
});

describe("which record is published", () => {
  const old = { id: "r1", supersedesId: null, supersededById: "r2" };
  const correction = { id: "r2", supersedesId: "r1", supersededById: null };

  it("none before the first submission; the record once submitted", () => {
    expect(publishedRecordOf("started", [])).toBeNull();
    expect(publishedRecordOf("submitted", [{ id: "r1", supersedesId: null, supersededById: null }])?.id).toBe("r1");
  });

  it("during a correction the corrected record stays published; once the correction is submitted it takes its place", () => {
    expect(publishedRecordOf("started", [old, correction])?.id).toBe("r1");
    expect(publishedRecordOf("submitted", [old, correction])?.id).toBe("r2");
  });
});

describe("results summary (检查完成 x/y，发现问题 z 户)", () => {
  it("counts done and problems; cancelled objects are left out of the total", () => {
    const s = summarisePublicResults([
      { category: "no_problem" },
      { category: "hazards_ordered" },
      { category: "case_opened" },
      { category: "pending" },
      { category: "overdue" },
      { category: "cancelled" },
    ]);
    expect(s).toEqual({ total: 5, done: 3, withProblems: 2, overdue: 1, cancelled: 1 });
  });
});

describe("unit names on the public page: a 个体工商户 under its operator's name is masked", () => {
  it.each([
    ["92350421MA2XXXXX1A", "张三", "张*"],
    ["92350421MA2XXXXX1A", "明溪县张三丰", "明溪县张**"],
    ["92350421MA2XXXXX1A", "欧阳小明（个体工商户）", "欧***"],
  ])("%s %s → %s", (code, name, shown) => expect(publicUnitName(code, name)).toBe(shown));

  it.each([
    ["92350421MA2XXXXX1A", "明溪县老张小吃店"],
    ["92350421MA2XXXXX1A", "明溪县城关张三五金批发部"],
    ["91350421MA2XXXXX1A", "张三"],
    ["91350421MA2XXXXX1A", "明溪县御帘纸业有限公司"],
  ])("%s %s is published as registered", (code, name) => expect(publicUnitName(code, name)).toBe(name));
});
