import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { DrawResult } from "./draw";
import type { AnnualPool, PeriodicPool } from "./pool";
import { assignmentsFromDraw, plannedInspections, quarterEnd } from "./plan";

const read = <T>(path: string): T => JSON.parse(readFileSync(new URL(`./fixtures/draws/${path}`, import.meta.url), "utf8")) as T;

describe("from the published draws to inspection records", () => {
  const annualPool = read<AnnualPool>("2027-annual/pool.json");
  const annual = read<DrawResult>("2027-annual/draw.json");
  const q1Pool = read<PeriodicPool>("2027-q1/pool.json");
  const q1 = read<DrawResult>("2027-q1/draw.json");
  if (annual.selection.kind !== "annual" || q1.selection.kind !== "periodic") throw new Error("fixture kinds");
  const planned = plannedInspections({
    selection: annual.selection.annual,
    objects: annualPool.objects,
    organisationId: "jj-yj",
    year: 2027,
    idFor: (c) => `i-${c}`,
  });

  it("the annual plan gives one planned inspection per selected unit, every key unit among them", () => {
    expect(planned).toHaveLength(annual.selection.kind === "annual" ? annual.selection.annual.selected.length : 0);
    expect(planned.every((r) => r.status === "planned" && r.year === 2027)).toBe(true);
    for (const o of annualPool.objects.filter((o) => o.keyUnit)) expect(planned.some((r) => r.creditCode === o.creditCode)).toBe(true);
  });

  it("the first quarter's draw assigns two inspectors to each drawn unit's planned inspection, due by the quarter's end", () => {
    const userIdOf = new Map(q1Pool.inspectors.map((i) => [i.code, `u-${i.code}`]));
    const r = assignmentsFromDraw({
      drawId: q1.drawId,
      selection: q1.selection.kind === "periodic" ? q1.selection.periodic : { assignments: [] },
      planned,
      userIdOf,
      dueBy: quarterEnd(2027, 1),
    });
    if (!r.ok) throw new Error(r.error);
    expect(r.assignments).toHaveLength(8);
    for (const a of r.assignments) {
      expect(a.action.inspectorIds).toHaveLength(2);
      expect(a.action.dueBy).toBe("2027-03-31");
    }
    expect(
      assignmentsFromDraw({
        drawId: "x",
        selection: { assignments: [{ creditCode: "NOPE", inspectors: [] }] },
        planned,
        userIdOf,
        dueBy: "2027-03-31",
      }),
    ).toMatchObject({ ok: false });
  });
});
