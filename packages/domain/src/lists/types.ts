/**
 * The lists (清单): 四张清单 of seeds 000/001 plus the aggravated list (从重处罚事项清单, seed 003;
 * 沙坪坝's 负面清单, seed 004). A list belongs to one organisation; its content lives in versions.
 */
import type { Citation } from "../laws/types";
import type { SoftMethod } from "../measures";
import type { Condition } from "./conditions";

export const listTypes = ["no_penalty", "mitigated", "lighter", "no_compulsion", "heavier"] as const;
export type ListType = (typeof listTypes)[number];

/** The Chinese names of the list types, as the seeds title them. */
export const listTypeLabels: Record<ListType, string> = {
  no_penalty: "不予行政处罚事项清单",
  mitigated: "减轻行政处罚事项清单",
  lighter: "从轻行政处罚事项清单",
  no_compulsion: "不予行政强制事项清单",
  heavier: "从重行政处罚事项清单",
};

/** Lenient lists: an applicable item makes the outcome milder than the ordinary penalty. */
export const lenientListTypes: readonly ListType[] = ["no_penalty", "mitigated", "lighter", "no_compulsion"];

export function isListType(value: unknown): value is ListType {
  return typeof value === "string" && (listTypes as readonly string[]).includes(value);
}

/**
 * The annex column headings per list type (seed 000 annexes 1–4, seed 001 annexes 1–4,
 * seed 003/004 for the aggravated list). Importers and exporters use them.
 */
export interface ListColumnLabels {
  seq: string;
  matterName: string;
  matterCode: string;
  circumstances: string;
  basis: string;
  measures: string;
  remarks: string;
}

export function listColumnLabels(type: ListType): ListColumnLabels {
  const common = { seq: "序号", measures: "配套监管措施", remarks: "备注" };
  switch (type) {
    case "no_penalty":
      return { ...common, matterName: "处罚事项名称", matterCode: "处罚事项编码", circumstances: "不予处罚的情形", basis: "不予处罚的依据" };
    case "mitigated":
      return { ...common, matterName: "处罚事项名称", matterCode: "处罚事项编码", circumstances: "减轻处罚的情形", basis: "减轻处罚的依据" };
    case "lighter":
      return { ...common, matterName: "处罚事项名称", matterCode: "处罚事项编码", circumstances: "从轻处罚的情形", basis: "从轻处罚的依据" };
    case "no_compulsion":
      return {
        ...common,
        matterName: "行政强制事项名称",
        matterCode: "行政强制事项编码",
        circumstances: "不予行政强制的情形",
        basis: "不予行政强制的依据",
      };
    case "heavier":
      return { ...common, matterName: "处罚事项名称", matterCode: "处罚事项编码", circumstances: "从重处罚的情形", basis: "从重处罚的依据" };
  }
}

/** Status of a list as a whole: never published yet, has a version in force (or to come), repealed. */
export type ListStatus = "draft" | "in_force" | "repealed";

export const listStatusLabels: Record<ListStatus, string> = {
  draft: "未发布",
  in_force: "施行中",
  repealed: "已废止",
};

export interface List {
  id: string;
  type: ListType;
  /** The owning organisation (执法主体). */
  organisationId: string;
  /** e.g. "三明市应急管理局不予处罚事项清单" — as published. */
  title: string;
  /** The list's 说明, verbatim (without the leading "说明："). Empty when the list has none. */
  notes: string;
  status: ListStatus;
}

/**
 * Status of one version: 草稿 → 合法性审核 → 审核通过 → 发布 → 备案; 已被新版本替代; 已废止.
 * A returned version goes back to draft (the return comments stay in `reviews`).
 */
export const listVersionStatuses = ["draft", "legal_review", "approved", "published", "filed", "superseded", "repealed"] as const;
export type ListVersionStatus = (typeof listVersionStatuses)[number];

export const listVersionStatusLabels: Record<ListVersionStatus, string> = {
  draft: "草稿",
  legal_review: "合法性审核中",
  approved: "审核通过",
  published: "已发布",
  filed: "已备案",
  superseded: "已被新版本替代",
  repealed: "已废止",
};

/** A review step of the 合法性审核 (approve or return with comments). */
export interface ReviewRecord {
  decision: "approved" | "returned";
  comments: string;
  on: string;
}

/** 备案: the filing with the 司法局 of the same level. */
export interface FilingRecord {
  filedOn: string;
  /** The 司法局 (organisation id or name) the list was filed with. */
  filedWith: string;
  /** Receipt number or note, when the 司法局 gives one. */
  reference?: string;
}

/** A periodic evaluation (定期评估) of a version in force. */
export interface EvaluationRecord {
  on: string;
  findings: string;
}

export interface ListVersion {
  /** 1, 2, 3 … */
  version: number;
  status: ListVersionStatus;
  /** First day the version applies (set when published). */
  effectiveFrom?: string;
  /** Last day the version applies (set when a newer version is published or the list is repealed). */
  effectiveTo?: string;
  publishedOn?: string;
  filing?: FilingRecord;
  reviews: ReviewRecord[];
  evaluations: EvaluationRecord[];
  /** Reason given for publishing despite quality warnings. */
  warningReason?: string;
  repealReason?: string;
  items: ListItem[];
}

export interface ListItem {
  /** 序号 */
  seq: number;
  /** 事项名称 (处罚事项名称 / 行政强制事项名称), verbatim. */
  matterName: string;
  /** 事项编码 — the matter catalogue's code; the decision engine matches on it. */
  matterCode?: string;
  /** 情形 — the published text, verbatim. */
  circumstances: string;
  /** 依据 as citations. */
  basis: Citation[];
  /** The 依据 cell verbatim. */
  basisText: string;
  /** 配套监管措施 chosen from the soft methods. */
  measures: SoftMethod[];
  /** 配套监管措施 that are not among the soft methods (创新方法), verbatim. */
  otherMeasures: string[];
  /** 备注 */
  remarks?: string;
  /** The structured applicability conditions; the item applies only when all hold. */
  conditions: Condition[];
}

/** A list with all its versions (what the persistence layer loads). */
export interface ListRecord {
  list: List;
  versions: ListVersion[];
}

/**
 * 认领: a subordinate organisation claims a superior's published list version (seed 001:
 * 县各行政执法部门 claim the 市级 lists). The claim records which version.
 */
export interface Claim {
  listId: string;
  version: number;
  /** The claiming organisation. */
  organisationId: string;
  claimedOn: string;
  /** Set when the claim is withdrawn; the claim applies up to the day before. */
  withdrawnOn?: string;
}
