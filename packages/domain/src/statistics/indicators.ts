/**
 * Dashboard indicators: 减轻当事人经济负担 (economic burden relieved) and 整改率 (rectification rate).
 * Definitions and reasons: docs/statistics.md.
 */
import { inPeriod, type Period } from "./period";

/** Where a case's benchmark fine comes from. */
export interface FineBenchmarkSource {
  /** The discretion benchmark's amount for the ordinary (一般) case, in yuan, when the matter has one. */
  ordinaryAmount?: number | null;
  /** The statutory fine range of the matter, in yuan. */
  fineRange?: { min: number; max: number } | null;
}

/**
 * The fine that would have applied without leniency: the discretion benchmark's ordinary amount
 * when there is one, else the midpoint of the statutory fine range; null when neither is known.
 */
export function benchmarkFine(source: FineBenchmarkSource): number | null {
  if (source.ordinaryAmount !== undefined && source.ordinaryAmount !== null && source.ordinaryAmount >= 0) {
    return source.ordinaryAmount;
  }
  const range = source.fineRange;
  if (range && range.min >= 0 && range.max >= range.min) return toYuan((toFen(range.min) + toFen(range.max)) / 2);
  return null;
}

/**
 * The benchmark fine of a catalogue matter: the midpoint of its statutory fine range (the catalogue has
 * no discretion-benchmark amounts yet); null without a range. Fixed on a case when it is decided, so
 * the burden relieved does not move when the catalogue changes later.
 */
export function matterBenchmarkFine(matter: { fineRange?: { minYuan: number; maxYuan: number } | null } | undefined): number | null {
  if (!matter?.fineRange) return null;
  return benchmarkFine({ fineRange: { min: matter.fineRange.minYuan, max: matter.fineRange.maxYuan } });
}

export type LenientOutcome = "no_penalty" | "mitigated" | "lighter";

export interface BurdenCase {
  caseId: string;
  outcome: LenientOutcome | "no_compulsion" | "other";
  /** Date of the final decision (ISO); it places the case in a period. */
  decidedOn: string;
  /** See benchmarkFine(); null when unknown. */
  benchmarkFine: number | null;
  /** The fine actually imposed, in yuan (0 for 不予行政处罚). */
  fineImposed: number;
}

export interface BurdenRelief {
  /** Total relieved in yuan, rounded to the fen. */
  totalYuan: number;
  perCase: { caseId: string; relievedYuan: number }[];
  /** Lenient cases in the period whose benchmark is unknown: not in the total, listed for review. */
  withoutBenchmark: string[];
}

const lenient: ReadonlySet<string> = new Set<LenientOutcome>(["no_penalty", "mitigated", "lighter"]);

function toFen(yuan: number): number {
  return Math.round(yuan * 100);
}
function toYuan(fen: number): number {
  return Math.round(fen) / 100;
}

/**
 * 减轻当事人经济负担: for each case with a lenient penalty decision (不予 / 减轻 / 从轻) decided in the
 * period, the benchmark fine minus the fine imposed (never below 0). 不予行政强制 relieves no fine.
 */
export function economicBurdenRelieved(cases: readonly BurdenCase[], period: Period): BurdenRelief {
  let totalFen = 0;
  const perCase: BurdenRelief["perCase"] = [];
  const withoutBenchmark: string[] = [];
  for (const c of cases) {
    if (!lenient.has(c.outcome) || !inPeriod(c.decidedOn, period)) continue;
    if (c.benchmarkFine === null) {
      withoutBenchmark.push(c.caseId);
      continue;
    }
    const relievedFen = Math.max(0, toFen(c.benchmarkFine) - toFen(c.fineImposed));
    totalFen += relievedFen;
    perCase.push({ caseId: c.caseId, relievedYuan: toYuan(relievedFen) });
  }
  return { totalYuan: toYuan(totalFen), perCase, withoutBenchmark };
}

/** A correction order (责令限期改正) and its verification by reinspection (复查). */
export interface CorrectionOrder {
  id: string;
  /** The correction deadline (ISO). */
  dueDate: string;
  /** The date the correction was completed, as confirmed by reinspection; null if not (yet) verified. */
  verifiedCorrectedOn: string | null;
  /** Orders withdrawn (e.g. the decision was revoked) are not counted. */
  cancelled?: boolean;
}

export interface RectificationRate {
  /** Orders whose deadline fell in the period and has passed (≤ today). */
  due: number;
  /** Of those, corrections verified as done on or before the deadline. */
  verifiedOnTime: number;
  /** verifiedOnTime / due, 0…1; null when nothing was due. */
  rate: number | null;
  dueIds: string[];
  onTimeIds: string[];
}

/**
 * 整改率 = corrections verified as done on time / correction orders due in the period.
 * An order counts as due once its deadline is inside the period and not after `today`.
 */
export function rectificationRate(orders: readonly CorrectionOrder[], period: Period, today: string): RectificationRate {
  const dueIds: string[] = [];
  const onTimeIds: string[] = [];
  for (const o of orders) {
    if (o.cancelled || !inPeriod(o.dueDate, period) || o.dueDate > today) continue;
    dueIds.push(o.id);
    if (o.verifiedCorrectedOn !== null && o.verifiedCorrectedOn <= o.dueDate) onTimeIds.push(o.id);
  }
  return {
    due: dueIds.length,
    verifiedOnTime: onTimeIds.length,
    rate: dueIds.length === 0 ? null : onTimeIds.length / dueIds.length,
    dueIds,
    onTimeIds,
  };
}
