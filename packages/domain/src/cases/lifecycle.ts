/**
 * The case lifecycle table: status × action → permission (roles, from the permission table of
 * organisations/permissions.ts), preconditions, resulting status. Every case action of the server
 * runs through `checkCaseAction`; the server tells the web which actions a user may take on a case
 * with `allowedCaseActions` (the web derives no permission of its own).
 *
 * 登记 (intake) → 研判 (the engine's proposal) → [办理程序; 法制审核 of an ordinary case] → 处理决定
 * (decided) → 措施/整改/回访 (in_progress) → 办结归档 (closed, locked; 重新打开 with a reason).
 * 移送, 终止柔性执法 or the party's request for the ordinary procedure end the case here
 * (transferred); 撤销立案 voids it (cancelled).
 *
 * Pure: the caller passes the case as a snapshot and the user with the organisation tree.
 */
import { isPermitted, permissionTable, scopeFor, type Actor, type AdminAction, type OrgNode } from "../organisations/index";
import type { CaseActionRefused } from "./errors";
import { caseStatusLabels, type CaseStatus } from "./types";

export const caseActions = [
  "uploadEvidence",
  "evaluate",
  "setRoute",
  "transfer",
  "review",
  "partyAcceptsSoft",
  "partyRequestsOrdinary",
  "decide",
  "terminate",
  "recordMeasure",
  "cancelMeasure",
  "orderCorrection",
  "recordReinspection",
  "scheduleFollowUp",
  "recordFollowUp",
  "close",
  "reopen",
  "cancel",
] as const;
export type CaseAction = (typeof caseActions)[number];

/** What the lifecycle needs to know of a case. */
export interface CaseSnapshot {
  organisationId: string;
  status: string;
  route: string | null;
  reviewStatus: string | null;
  /** The engine's proposed outcome (set by 研判); null before the case was evaluated. */
  proposedOutcome: string | null;
  /** The engine's decision with its reasons (set by 研判 with the outcome; records imported without it have null). */
  decision: unknown;
}

/** The user asking: roles, organisation, region, and the organisation tree (for the reach). */
export interface CaseUser extends Actor {
  orgs: readonly OrgNode[];
}

/** A pure condition on the case; `refusal` is the Chinese message when it does not hold. */
export interface CasePrecondition {
  id: string;
  holds: (c: CaseSnapshot) => boolean;
  refusal: string;
}

export type CasePermission = Extract<AdminAction, `case.${string}`>;

export interface CaseActionRule {
  /** In Chinese, as the messages use it: “不能{label}”. */
  label: string;
  /** Statuses from which the action is allowed. */
  from: readonly CaseStatus[];
  /** The permission of organisations/permissions.ts that names the roles and their reach. */
  permission: CasePermission;
  /** Checked in order after the status; the first that fails refuses the action. */
  preconditions: readonly CasePrecondition[];
  /** The status after the action; "progress": a decided case moves on to in_progress. */
  to: CaseStatus | "unchanged" | "progress";
}

// ---------------------------------------------------------------------------------------------
// Preconditions

/** 研判 stored both the proposed outcome and the decision behind it. */
const hasProposal = (c: CaseSnapshot) => c.proposedOutcome != null && c.decision != null;

export const casePreconditions = {
  /** 作出处理决定 only on the engine's proposal. */
  proposalBeforeDecision: {
    id: "proposalBeforeDecision",
    holds: hasProposal,
    refusal: "请先研判案件（决策引擎给出建议后才能作出处理决定）",
  },
  /** The party accepts soft enforcement only once it was told what is proposed (seed 002 三(三)1). */
  proposalBeforePartyChoice: {
    id: "proposalBeforePartyChoice",
    holds: hasProposal,
    refusal: "请先研判案件：决策引擎给出建议、告知当事人后，才能记录当事人接受柔性执法",
  },
  /** An ordinary-procedure case is decided only after its 法制审核 passed (行政处罚法 第五十八条). */
  legalReviewPassed: {
    id: "legalReviewPassed",
    holds: (c: CaseSnapshot) => c.route !== "ordinary" || c.reviewStatus === "approved",
    refusal: "普通程序案件须在作出决定前经法制审核人员审核通过（《中华人民共和国行政处罚法》第五十八条）",
  },
  /** A 疑难问题 put to the superior or the legal office must be answered (a route chosen) first. */
  notEscalated: {
    id: "notEscalated",
    holds: (c: CaseSnapshot) => c.route !== "escalated",
    refusal: "疑难问题尚未答复，请先确定办理程序",
  },
  /** 法制审核 only of an ordinary-procedure case awaiting it. */
  inReviewQueue: {
    id: "inReviewQueue",
    holds: (c: CaseSnapshot) => c.route === "ordinary" && c.reviewStatus === "pending",
    refusal: "该案件不在法制审核队列中",
  },
} satisfies Record<string, CasePrecondition>;

// ---------------------------------------------------------------------------------------------
// The table

const active: readonly CaseStatus[] = ["intake", "decided", "in_progress"];
const afterDecision: readonly CaseStatus[] = ["decided", "in_progress"];
const p = casePreconditions;

export const caseLifecycle: Record<CaseAction, CaseActionRule> = {
  uploadEvidence: { label: "上传证据", from: [...active, "transferred"], permission: "case.handle", preconditions: [], to: "unchanged" },
  evaluate: { label: "研判案件", from: ["intake"], permission: "case.handle", preconditions: [], to: "unchanged" },
  setRoute: { label: "选择办理程序", from: ["intake"], permission: "case.handle", preconditions: [], to: "unchanged" },
  transfer: { label: "移送案件", from: active, permission: "case.handle", preconditions: [], to: "transferred" },
  review: { label: "进行法制审核", from: ["intake"], permission: "case.review", preconditions: [p.inReviewQueue], to: "unchanged" },
  partyAcceptsSoft: {
    label: "记录当事人接受柔性执法",
    from: active,
    permission: "case.handle",
    preconditions: [p.proposalBeforePartyChoice],
    to: "unchanged",
  },
  partyRequestsOrdinary: { label: "记录当事人要求适用普通程序", from: active, permission: "case.handle", preconditions: [], to: "transferred" },
  decide: {
    label: "作出处理决定",
    from: ["intake"],
    permission: "case.handle",
    preconditions: [p.proposalBeforeDecision, p.legalReviewPassed, p.notEscalated],
    to: "decided",
  },
  terminate: { label: "终止柔性执法", from: active, permission: "case.handle", preconditions: [], to: "transferred" },
  recordMeasure: { label: "记录柔性执法措施", from: active, permission: "case.handle", preconditions: [], to: "progress" },
  cancelMeasure: { label: "撤销柔性执法措施", from: active, permission: "case.handle", preconditions: [], to: "unchanged" },
  orderCorrection: { label: "责令限期改正", from: active, permission: "case.handle", preconditions: [], to: "progress" },
  recordReinspection: { label: "记录复查", from: active, permission: "case.handle", preconditions: [], to: "unchanged" },
  scheduleFollowUp: { label: "安排回访", from: afterDecision, permission: "case.handle", preconditions: [], to: "progress" },
  recordFollowUp: { label: "记录回访", from: afterDecision, permission: "case.handle", preconditions: [], to: "progress" },
  close: { label: "办结归档", from: afterDecision, permission: "case.handle", preconditions: [], to: "closed" },
  reopen: { label: "重新打开案件", from: ["closed"], permission: "case.handle", preconditions: [], to: "in_progress" },
  cancel: { label: "撤销立案", from: [...active, "transferred"], permission: "case.cancel", preconditions: [], to: "cancelled" },
};

/** The message of a closed case for any action but 重新打开. */
export const closedCaseLocked = "案件已办结归档并锁定，不能修改；如需更正，请先说明理由重新打开案件";

function statusLabel(status: string): string {
  return caseStatusLabels[status as CaseStatus] ?? status;
}

/**
 * Whether the user may take the action on the case now: null when allowed, else the refusal.
 * Checked in this order: permission (role, then reach) → the closed lock → status → preconditions.
 */
export function checkCaseAction(c: CaseSnapshot, action: CaseAction, user: CaseUser): CaseActionRefused | null {
  const rule = caseLifecycle[action];
  if (!rule) return { kind: "status", action, message: "未知的案件操作" };
  if (!scopeFor(user, rule.permission)) return { kind: "forbidden", action, message: `您的角色无权${rule.label}` };
  if (!isPermitted(user, rule.permission, c.organisationId, user.orgs)) return { kind: "forbidden", action, message: "您无权修改该单位的记录" };
  if (!rule.from.includes(c.status as CaseStatus)) {
    if (c.status === "closed") return { kind: "locked", action, message: closedCaseLocked };
    return { kind: "status", action, message: `案件当前状态为“${statusLabel(c.status)}”，不能${rule.label}` };
  }
  for (const pre of rule.preconditions) {
    if (!pre.holds(c)) return { kind: "precondition", action, precondition: pre.id, message: pre.refusal };
  }
  return null;
}

/** The actions the user may take on the case now, in the order of `caseActions`. */
export function allowedCaseActions(c: CaseSnapshot, user: CaseUser): CaseAction[] {
  return caseActions.filter((a) => checkCaseAction(c, a, user) === null);
}

/** The case's status after the action (the action assumed allowed). */
export function nextCaseStatus(action: CaseAction, status: CaseStatus): CaseStatus {
  const to = caseLifecycle[action].to;
  if (to === "unchanged") return status;
  if (to === "progress") return status === "decided" ? "in_progress" : status;
  return to;
}

/** The roles that hold the action's permission (for messages and documents). */
export function caseActionRoles(action: CaseAction) {
  return Object.keys(permissionTable[caseLifecycle[action].permission].grants);
}
