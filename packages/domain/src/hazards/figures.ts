/**
 * Hazard figures as pure counting rules (issue 10 §8; seed 003: 排查重大事故隐患571项，已整改496项，
 * 整改率87%).
 * - found: hazards found in the period (by foundOn);
 * - rectified: of those, the ones whose 整改 passed 复查 (review_passed or closed) — a rectification
 *   only reported but not yet reviewed is not counted yet (awaitingReview);
 * - overdue: open past the deadline on `today`;
 * - 整改率 = rectified / found, as a whole percent rounded half up (496 / 571 → 87 %), null when
 *   nothing was found.
 */
import { isOverdue, type Hazard, type HazardLevel } from "./lifecycle";

export interface HazardFigures {
  found: number;
  rectified: number;
  awaitingReview: number;
  open: number;
  overdue: number;
  closed: number;
  /** Whole percent, or null when found = 0. */
  rectificationRate: number | null;
}

export function rectificationRate(rectified: number, found: number): number | null {
  if (found === 0) return null;
  return Math.floor((rectified * 100) / found + 0.5);
}

/**
 * A hazard to count, or `count` hazards that share these fields (the server groups the rows in SQL
 * and passes one entry a group, so a city's 100,000 hazards are counted from a few hundred groups by
 * the same rules).
 */
type Countable = Pick<Hazard, "status" | "deadline" | "rectifiedOn" | "foundOn" | "level"> & { count?: number };

export function hazardFigures(
  hazards: readonly Countable[],
  options: { today: string; from?: string; to?: string; level?: HazardLevel },
): HazardFigures {
  const f: HazardFigures = { found: 0, rectified: 0, awaitingReview: 0, open: 0, overdue: 0, closed: 0, rectificationRate: null };
  for (const h of hazards) {
    if (options.level && h.level !== options.level) continue;
    if (options.from && h.foundOn < options.from) continue;
    if (options.to && h.foundOn > options.to) continue;
    const n = h.count ?? 1;
    f.found += n;
    if (h.status === "review_passed" || h.status === "closed") f.rectified += n;
    if (h.status === "closed") f.closed += n;
    if (h.status === "rectification_reported") f.awaitingReview += n;
    if (h.status === "open") f.open += n;
    if (isOverdue(h, options.today)) f.overdue += n;
  }
  f.rectificationRate = rectificationRate(f.rectified, f.found);
  return f;
}

/** The figures per key (organisation id, region code …), keys in sorted order. */
export function hazardFiguresBy<H extends Countable>(
  hazards: readonly H[],
  keyOf: (h: H) => string,
  options: { today: string; from?: string; to?: string; level?: HazardLevel },
): { key: string; figures: HazardFigures }[] {
  const groups = new Map<string, H[]>();
  for (const h of hazards) {
    const k = keyOf(h);
    const g = groups.get(k);
    if (g) g.push(h);
    else groups.set(k, [h]);
  }
  return [...groups.keys()].sort().map((key) => ({ key, figures: hazardFigures(groups.get(key)!, options) }));
}
