import { describe, expect, it } from "vitest";
import { benchmarkFine, economicBurdenRelieved, rectificationRate, type BurdenCase } from "./indicators";
import { periodRange } from "./period";

const year = periodRange("year", 2026);

describe("减轻当事人经济负担 (economic burden relieved)", () => {
  it("the benchmark is the discretion benchmark's ordinary amount, else the fine range midpoint", () => {
    expect(benchmarkFine({ ordinaryAmount: 30000, fineRange: { min: 10000, max: 100000 } })).toBe(30000);
    expect(benchmarkFine({ fineRange: { min: 10000, max: 50000 } })).toBe(30000);
    expect(benchmarkFine({ fineRange: { min: 0.01, max: 0.02 } })).toBe(0.02);
    expect(benchmarkFine({})).toBeNull();
  });

  it("adds benchmark minus fine imposed for 不予/减轻/从轻 cases of the period only", () => {
    const cases: BurdenCase[] = [
      { caseId: "a", outcome: "no_penalty", decidedOn: "2026-02-01", benchmarkFine: 20000, fineImposed: 0 },
      { caseId: "b", outcome: "mitigated", decidedOn: "2026-03-01", benchmarkFine: 30000, fineImposed: 8000.5 },
      { caseId: "c", outcome: "lighter", decidedOn: "2026-04-01", benchmarkFine: 10000, fineImposed: 12000 },
      { caseId: "d", outcome: "other", decidedOn: "2026-04-01", benchmarkFine: 10000, fineImposed: 0 },
      { caseId: "e", outcome: "no_compulsion", decidedOn: "2026-04-01", benchmarkFine: 10000, fineImposed: 0 },
      { caseId: "f", outcome: "no_penalty", decidedOn: "2025-12-31", benchmarkFine: 10000, fineImposed: 0 },
      { caseId: "g", outcome: "lighter", decidedOn: "2026-05-01", benchmarkFine: null, fineImposed: 500 },
    ];
    const r = economicBurdenRelieved(cases, year);
    expect(r.totalYuan).toBe(41999.5);
    expect(r.perCase).toEqual([
      { caseId: "a", relievedYuan: 20000 },
      { caseId: "b", relievedYuan: 21999.5 },
      { caseId: "c", relievedYuan: 0 },
    ]);
    expect(r.withoutBenchmark).toEqual(["g"]);
  });

  it("adds money to the fen without floating-point drift", () => {
    const cases: BurdenCase[] = Array.from({ length: 10 }, (_, i) => ({
      caseId: `x${i}`,
      outcome: "mitigated" as const,
      decidedOn: "2026-06-01",
      benchmarkFine: 0.3,
      fineImposed: 0.2,
    }));
    expect(economicBurdenRelieved(cases, year).totalYuan).toBe(1);
  });
});

describe("整改率 (rectification rate)", () => {
  it("= corrections verified as done by the deadline / orders due in the period (and already due)", () => {
    const r = rectificationRate(
      [
        { id: "on-time", dueDate: "2026-03-10", verifiedCorrectedOn: "2026-03-09" },
        { id: "on-the-day", dueDate: "2026-03-10", verifiedCorrectedOn: "2026-03-10" },
        { id: "late", dueDate: "2026-04-10", verifiedCorrectedOn: "2026-04-11" },
        { id: "never", dueDate: "2026-05-10", verifiedCorrectedOn: null },
        { id: "withdrawn", dueDate: "2026-05-10", verifiedCorrectedOn: null, cancelled: true },
        { id: "last-year", dueDate: "2025-12-10", verifiedCorrectedOn: "2025-12-01" },
        { id: "not-yet-due", dueDate: "2026-09-10", verifiedCorrectedOn: null },
      ],
      year,
      "2026-08-01",
    );
    expect(r.dueIds).toEqual(["on-time", "on-the-day", "late", "never"]);
    expect(r.onTimeIds).toEqual(["on-time", "on-the-day"]);
    expect(r.rate).toBe(0.5);
  });

  it("is null when nothing was due", () => {
    expect(rectificationRate([], year, "2026-08-01").rate).toBeNull();
  });
});
