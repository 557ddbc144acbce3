/**
 * The case's vocabulary, the one source with its Chinese labels: statuses, routes (办理程序),
 * 法制审核, the party's choice, grounds of termination, the 回访 evaluation, task kinds.
 * The server stores these values; the contract validates them; the web shows the labels.
 */

/** 案件状态. */
export const caseStatuses = ["intake", "decided", "in_progress", "closed", "transferred", "cancelled"] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const caseStatusLabels: Record<CaseStatus, string> = {
  intake: "登记",
  decided: "已决定",
  in_progress: "措施/整改/回访中",
  closed: "办结归档",
  transferred: "已转出",
  cancelled: "已撤销",
};

/** Statuses in which the case is still handled here (not closed, transferred or cancelled). */
export const activeCaseStatuses: readonly CaseStatus[] = ["intake", "decided", "in_progress"];

/** 办理程序 (台商区 seed 003: 轻微告诫改正、简易程序、一般程序、案件移送、疑难问题). */
export const caseRoutes = ["caution", "summary", "ordinary", "transfer", "escalated"] as const;
export type CaseRoute = (typeof caseRoutes)[number];

export const routeLabels: Record<CaseRoute, string> = {
  caution: "轻微告诫改正",
  summary: "简易程序",
  ordinary: "普通程序",
  transfer: "案件移送",
  escalated: "疑难问题",
};

/** 当事人类型. */
export const partyTypes = ["enterprise", "individual"] as const;
export type PartyType = (typeof partyTypes)[number];
export const partyTypeLabels: Record<PartyType, string> = { enterprise: "单位", individual: "个人" };

/** 法制审核 of an ordinary-procedure case (行政处罚法 第五十八条). */
export const reviewStatuses = ["pending", "approved", "returned"] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];
export const reviewStatusLabels: Record<ReviewStatus, string> = { pending: "待法制审核", approved: "法制审核通过", returned: "法制审核退回" };

/** The result a 法制审核人员 records. */
export const reviewResults = ["approved", "returned"] as const;
export type ReviewResult = (typeof reviewResults)[number];

/** 当事人的选择 (seed 002 三(三)1). */
export const partyChoices = ["accept_soft", "ordinary_procedure"] as const;
export type PartyChoice = (typeof partyChoices)[number];
export const partyChoiceLabels: Record<PartyChoice, string> = { accept_soft: "接受柔性执法", ordinary_procedure: "要求适用普通程序" };

/** 柔性执法的终止 (seed 002 三(三)3). */
export const terminationGrounds = {
  party_withdrew: "行政相对人撤回申请",
  basis_lapsed: "所适用的法律法规或者政策依据已经失效",
  public_interest: "继续实施柔性执法将损害社会公共利益、他人合法权益",
  other: "其他需要终止柔性执法的情形",
} as const;
export type TerminationGround = keyof typeof terminationGrounds;
export const terminationGroundKeys = Object.keys(terminationGrounds) as [TerminationGround, ...TerminationGround[]];

/** 案件移送的原因. */
export const transferReasons = ["suspected_crime", "other_agency"] as const;
export type TransferReason = (typeof transferReasons)[number];
export const transferReasonLabels: Record<TransferReason, string> = { suspected_crime: "涉嫌犯罪（行刑衔接）", other_agency: "移送其他机关" };

/** 疑难问题的请示对象. */
export const escalationTargets = ["superior", "legal_office"] as const;
export type EscalationTarget = (typeof escalationTargets)[number];
export const escalationTargetLabels: Record<EscalationTarget, string> = { superior: "上级部门", legal_office: "法制机构" };

/** 回访: the party's evaluation of the officers' conduct (行政执法案件回访登记表). */
export const conductEvaluations = { satisfied: "满意", basically_satisfied: "基本满意", dissatisfied: "不满意" } as const;
export type ConductEvaluation = keyof typeof conductEvaluations;
export const conductEvaluationKeys = Object.keys(conductEvaluations) as [ConductEvaluation, ...ConductEvaluation[]];

/** Scheduled tasks of a case: 复查 of a correction order, 回访 after the decision. */
export const caseTaskKinds = ["reinspection", "follow_up"] as const;
export type CaseTaskKind = (typeof caseTaskKinds)[number];
export const caseTaskKindLabels: Record<CaseTaskKind, string> = { reinspection: "复查", follow_up: "回访" };
