/**
 * 监督检查: the flags the supervision overview raises on an organisation, with their labels (shared by
 * the server's read model and the web).
 */
export const overviewFlags = ["filing_overdue", "correction_overdue", "follow_up_overdue", "report_overdue"] as const;
export type OverviewFlag = (typeof overviewFlags)[number];

export const overviewFlagLabels: Record<OverviewFlag, string> = {
  filing_overdue: "备案逾期",
  correction_overdue: "整改逾期",
  follow_up_overdue: "回访逾期",
  report_overdue: "报表逾期",
};

/** The follow-up tasks of a case (case_tasks.kind). */
export type CaseTaskKind = "reinspection" | "follow_up";

export const caseTaskKindLabels: Record<CaseTaskKind, string> = { reinspection: "复查", follow_up: "回访" };
