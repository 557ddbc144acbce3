import { describe, expect, it } from "vitest";
import { sha256Hex } from "../inspections/sha256";
import { hazardFigures, hazardFiguresBy, rectificationRate } from "./figures";
import { applyHazardAction, isOverdue, overdueEscalation, registerHazard, type Hazard } from "./lifecycle";

const officer = { userId: "u-zhang", roles: ["officer"] };
const base = {
  id: "h1",
  organisationId: "jj",
  regionCode: "350582",
  creditCode: "91350582000700396X",
  unitName: "晋江市陈埭机械有限公司",
  inspectionId: "i1",
  itemId: "GM-07",
  level: "general" as const,
  description: "二楼疏散通道堆放纸箱",
  responsiblePerson: "陈经理",
  foundOn: "2027-03-10",
  deadline: "2027-03-20",
};
const evidence = sha256Hex("整改后照片");

function registered(over: Partial<typeof base> & { criterion?: string } = {}): Hazard {
  const r = registerHazard({ ...base, ...over }, ["officer"]);
  if (!r.ok) throw new Error(r.error);
  return r.hazard;
}

describe("a hazard: 整改期限, 复查, 销号 only with evidence", () => {
  it("a 重大事故隐患 needs its 判定依据; the deadline is not before the finding; only an officer registers", () => {
    expect(registerHazard({ ...base, level: "major" }, ["officer"])).toEqual({ ok: false, error: "重大事故隐患须写明判定依据（判定标准的条款）" });
    expect(registerHazard({ ...base, deadline: "2027-03-01" }, ["officer"])).toMatchObject({ ok: false, error: "整改期限不能早于发现日期" });
    expect(registerHazard(base, ["listManager"])).toMatchObject({ ok: false, error: expect.stringContaining("无权登记隐患") });
  });

  it("open → rectification reported (with evidence) → review passed → closed", () => {
    let h = registered();
    expect(applyHazardAction(h, { type: "reportRectification", on: "2027-03-15", evidence: [] }, officer, "2027-03-15")).toMatchObject({
      ok: false,
      error: expect.stringContaining("整改证据"),
    });
    expect(applyHazardAction(h, { type: "close" }, officer, "2027-03-15")).toMatchObject({ ok: false, error: expect.stringContaining("不能销号") });
    const steps = [
      { type: "reportRectification" as const, on: "2027-03-15", evidence: [evidence] },
      { type: "review" as const, passed: true, note: "通道已清理畅通" },
      { type: "close" as const },
    ];
    for (const s of steps) {
      const r = applyHazardAction(h, s, officer, "2027-03-16");
      if (!r.ok) throw new Error(r.error);
      h = r.hazard;
    }
    expect(h).toMatchObject({ status: "closed", closedOn: "2027-03-16", rectificationEvidence: [evidence] });
  });

  it("a failed review reopens with a new deadline; the old one is kept", () => {
    const h = registered();
    const reported = applyHazardAction(h, { type: "reportRectification", on: "2027-03-15", evidence: [evidence] }, officer, "2027-03-15");
    if (!reported.ok) throw new Error(reported.error);
    expect(applyHazardAction(reported.hazard, { type: "review", passed: false, note: "仍有堆放" }, officer, "2027-03-16")).toMatchObject({
      ok: false,
    });
    const failed = applyHazardAction(
      reported.hazard,
      { type: "review", passed: false, note: "仍有堆放", newDeadline: "2027-03-25" },
      officer,
      "2027-03-16",
    );
    expect(failed).toMatchObject({ ok: true, hazard: { status: "open", deadline: "2027-03-25", previousDeadlines: ["2027-03-20"] } });
  });

  it("overdue: past the deadline and not rectified; a major or long overdue one goes to 督办", () => {
    const h = registered();
    expect(isOverdue(h, "2027-03-20")).toBe(false);
    expect(overdueEscalation(h, "2027-03-21")).toEqual({ overdue: true, daysOverdue: 1, escalation: "reminder" });
    expect(overdueEscalation(h, "2027-04-25").escalation).toBe("supervision");
    expect(overdueEscalation(registered({ level: "major", criterion: "工贸行业重大事故隐患判定标准第一条" } as never), "2027-03-21").escalation).toBe(
      "supervision",
    );
  });
});

describe("hazard figures (seed 003: 571 found, 496 rectified → 87 %)", () => {
  it("整改率 rounds half up to a whole percent", () => {
    expect(rectificationRate(496, 571)).toBe(87);
    expect(rectificationRate(1, 8)).toBe(13);
    expect(rectificationRate(0, 0)).toBeNull();
  });

  it("counts 571 found, 496 rectified, overdue and awaiting review", () => {
    const hazards = Array.from({ length: 571 }, (_, i) => ({
      status:
        i < 480 ? ("closed" as const) : i < 496 ? ("review_passed" as const) : i < 520 ? ("rectification_reported" as const) : ("open" as const),
      level: "major" as const,
      foundOn: "2023-05-01",
      deadline: i < 540 ? "2023-12-31" : "2023-06-30",
      regionCode: i % 2 === 0 ? "350582" : "350581",
    }));
    const f = hazardFigures(hazards, { today: "2023-11-30" });
    expect(f).toEqual({ found: 571, rectified: 496, awaitingReview: 24, open: 51, overdue: 31, closed: 480, rectificationRate: 87 });
    expect(hazardFigures(hazards, { today: "2023-11-30", level: "general" }).found).toBe(0);
    const byRegion = hazardFiguresBy(hazards, (h) => h.regionCode, { today: "2023-11-30" });
    expect(byRegion.map((g) => g.key)).toEqual(["350581", "350582"]);
    expect(byRegion.reduce((s, g) => s + g.figures.found, 0)).toBe(571);
  });

  it("counts groups of hazards (one entry with a count) exactly as the hazards one by one", () => {
    const statuses = ["open", "rectification_reported", "review_passed", "closed"] as const;
    const hazards = Array.from({ length: 200 }, (_, i) => ({
      status: statuses[i % 4],
      level: i % 3 === 0 ? ("major" as const) : ("general" as const),
      foundOn: "2023-05-01",
      deadline: i % 5 === 0 ? "2023-06-30" : "2023-12-31",
      regionCode: i % 2 === 0 ? "350582" : "350581",
    }));
    const groups = new Map<string, (typeof hazards)[number] & { count: number }>();
    for (const h of hazards) {
      const key = `${h.status}|${h.level}|${h.deadline}|${h.regionCode}`;
      const g = groups.get(key);
      if (g) g.count++;
      else groups.set(key, { ...h, count: 1 });
    }
    expect(groups.size).toBeLessThan(50);
    expect(hazardFigures([...groups.values()], { today: "2023-11-30" })).toEqual(hazardFigures(hazards, { today: "2023-11-30" }));
    expect(hazardFiguresBy([...groups.values()], (h) => h.regionCode, { today: "2023-11-30" })).toEqual(
      hazardFiguresBy(hazards, (h) => h.regionCode, { today: "2023-11-30" }),
    );
  });
});
