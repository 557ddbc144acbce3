/**
 * Inspection figures as pure counting rules (issue 10 §8):
 * - planned: inspections of the year not cancelled (a corrected record and its correction count once:
 *   superseded records are left out);
 * - drawn: of those, the ones assigned by a draw (drawn, started or submitted);
 * - done: submitted; doneOnTime: submitted on or before dueBy (a record without dueBy counts as on time);
 * - key-unit coverage: the key units of the pool with at least one submitted inspection in the year,
 *   over all key units of the pool (seed 003: 重点单位每年实现一次检查覆盖).
 */
import type { InspectionRecord } from "./lifecycle";

export interface InspectionFigures {
  planned: number;
  drawn: number;
  done: number;
  doneOnTime: number;
  pending: number;
  cancelled: number;
}

type Countable = Pick<InspectionRecord, "status" | "year" | "dueBy" | "submittedAt">;

export function inspectionFigures(records: readonly Countable[], year: number): InspectionFigures {
  const f: InspectionFigures = { planned: 0, drawn: 0, done: 0, doneOnTime: 0, pending: 0, cancelled: 0 };
  for (const r of records) {
    if (r.year !== year || r.status === "superseded") continue;
    if (r.status === "cancelled") {
      f.cancelled++;
      continue;
    }
    f.planned++;
    if (r.status !== "planned") f.drawn++;
    if (r.status === "submitted") {
      f.done++;
      if (!r.dueBy || (r.submittedAt ?? "").slice(0, 10) <= r.dueBy) f.doneOnTime++;
    } else f.pending++;
  }
  return f;
}

export interface KeyUnitCoverage {
  keyUnits: number;
  covered: number;
  /** Whole percent (half up), null without key units. */
  percent: number | null;
  /** Key units not yet inspected this year (credit codes, sorted). */
  uncovered: string[];
}

export function keyUnitCoverage(
  units: readonly { creditCode: string; keyUnit: boolean }[],
  records: readonly Pick<InspectionRecord, "creditCode" | "status" | "year">[],
  year: number,
): KeyUnitCoverage {
  const inspected = new Set(records.filter((r) => r.year === year && r.status === "submitted").map((r) => r.creditCode));
  const keys = units.filter((u) => u.keyUnit).map((u) => u.creditCode);
  const uncovered = keys.filter((c) => !inspected.has(c)).sort();
  const covered = keys.length - uncovered.length;
  return { keyUnits: keys.length, covered, percent: keys.length === 0 ? null : Math.floor((covered * 100) / keys.length + 0.5), uncovered };
}
