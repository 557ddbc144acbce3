/**
 * From draw results to inspection records: the annual plan's selection becomes planned
 * inspections; a periodic draw's assignments become the `assign` actions of those inspections.
 */
import type { AnnualSelection, PeriodicSelection } from "./draw";
import type { InspectionAction, InspectionRecord } from "./lifecycle";
import type { PoolObject } from "./pool";

/** The last day of a quarter (1–4) of a year. */
export function quarterEnd(year: number, quarter: 1 | 2 | 3 | 4): string {
  return ["", `${year}-03-31`, `${year}-06-30`, `${year}-09-30`, `${year}-12-31`][quarter];
}

/** One planned inspection per selected unit (ids from `idFor`). */
export function plannedInspections(args: {
  selection: AnnualSelection;
  objects: readonly PoolObject[];
  organisationId: string;
  year: number;
  idFor: (creditCode: string) => string;
}): InspectionRecord[] {
  const byCode = new Map(args.objects.map((o) => [o.creditCode, o]));
  return args.selection.selected.map((s) => {
    const o = byCode.get(s.creditCode);
    if (!o) throw new Error(`selected unit ${s.creditCode} is not in the pool`);
    return {
      id: args.idFor(s.creditCode),
      organisationId: args.organisationId,
      regionCode: o.regionCode,
      creditCode: o.creditCode,
      unitName: o.name,
      status: "planned",
      year: args.year,
      inspectorIds: [],
      results: [],
      signatures: [],
    };
  });
}

export type AssignmentsResult =
  { ok: true; assignments: { inspectionId: string; action: Extract<InspectionAction, { type: "assign" }> }[] } | { ok: false; error: string };

/**
 * The assign actions of a periodic draw: each drawn unit's planned inspection gets the drawn
 * inspectors (执法证号 → user). Refused when a drawn unit has no planned inspection.
 */
export function assignmentsFromDraw(args: {
  drawId: string;
  selection: PeriodicSelection;
  planned: readonly InspectionRecord[];
  userIdOf: ReadonlyMap<string, string>;
  dueBy: string;
}): AssignmentsResult {
  const out: { inspectionId: string; action: Extract<InspectionAction, { type: "assign" }> }[] = [];
  for (const a of args.selection.assignments) {
    const record = args.planned.find((r) => r.creditCode === a.creditCode && r.status === "planned");
    if (!record) return { ok: false, error: `抽中的单位${a.creditCode}在年度计划中没有待检查的记录` };
    const inspectorIds = a.inspectors.map((c) => args.userIdOf.get(c));
    if (inspectorIds.some((id) => id === undefined)) return { ok: false, error: `抽中的执法证号不在执法检查人员名录库中` };
    out.push({ inspectionId: record.id, action: { type: "assign", drawId: args.drawId, inspectorIds: inspectorIds as string[], dueBy: args.dueBy } });
  }
  return { ok: true, assignments: out };
}
