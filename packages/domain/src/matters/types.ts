import type { Citation } from "../laws/types";

/** 处罚事项 (penalty) or 强制事项 (administrative compulsion). */
export type MatterKind = "penalty" | "compulsion";

export const MATTER_KIND_LABELS: Record<MatterKind, string> = { penalty: "行政处罚", compulsion: "行政强制" };

/** A fine range in yuan, as the penalty provision states it ("处十万元以下的罚款" → 0–100000). */
export interface FineRange {
  minYuan: number;
  maxYuan: number;
  /** E.g. the fine on the responsible persons, or "可以处" (discretionary). */
  note?: string;
}

/**
 * A basis outside the shipped law library (e.g. a ministry rule such as 《生产安全事故应急预案管理办法》),
 * kept as written and flagged for manual checking: it cannot be resolved or verified by the system.
 */
export interface ExternalBasis {
  citation: string;
  note: string;
}

/** 执法事项: an enforcement matter of the catalogue (执法事项库). */
export interface Matter {
  /** 事项编码, e.g. "YJ-AQSCF-097-05" (see docs/laws.md for the scheme). */
  code: string;
  /** 事项名称, e.g. "生产经营单位未将事故隐患排查治理情况如实记录或者未向从业人员通报". */
  name: string;
  /** 执法领域, e.g. "应急管理". */
  domain: string;
  kind: MatterKind;
  /** The provisions that impose the violated duty (违法依据). */
  violated: Citation[];
  /** The penalty provisions (处罚依据); the first is the one penaltyText quotes. */
  penalty: Citation[];
  /** The legal consequence, quoted verbatim from the first penalty provision. */
  penaltyText: string;
  /** Fine on the unit for the violation itself. */
  fineRange?: FineRange;
  /** Fine when the unit has not corrected by the deadline (逾期未改正). */
  escalatedFineRange?: FineRange;
  keywords: string[];
  /** Bases the law library does not hold; shown with a warning. */
  externalBasis?: ExternalBasis[];
}
