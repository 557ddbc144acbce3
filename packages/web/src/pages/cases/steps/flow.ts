// The officer's steps through a case and where a case stands in them.
import type { CaseFile } from "../../../services/cases";

export const flowSteps = ["登记", "研判", "决定", "措施与整改", "回访", "归档"] as const;

/** The step a case is at: an unfinished 研判 (questions still open) stays at 研判. */
export function flowStep(f: CaseFile): number {
  const c = f.case;
  if (c.status === "closed") return 5;
  if (c.status === "intake") return c.decision?.firm ? 2 : 1;
  if (f.tasks.some((t) => t.kind === "follow_up")) return 4;
  return 3;
}

/** Whether the case still moves through the steps (not 已转出 or 已撤销). */
export function inFlow(f: CaseFile): boolean {
  return f.case.status !== "transferred" && f.case.status !== "cancelled";
}

/** What a phone shows on a step with nothing to do there yet. */
const emptyStep: Record<number, string> = {
  2: "研判后在此告知当事人、选择办理程序并作出处理决定",
  3: "作出处理决定后在此记录柔性执法措施、责令改正和复查",
  4: "作出处理决定后在此安排和记录回访",
};

/** A phone step as shown: which step, how many panels it has to show and whether the user can act there. */
export interface ShownStep {
  shown: number;
  /** Panels on the step (nulls already left out). */
  panelCount: number;
  /** Whether the user has something to do on the step. */
  actionable: boolean;
  /** Whether the user handles the case (may evaluate it or record measures). */
  handler: boolean;
  status: CaseFile["case"]["status"];
  evaluated: boolean;
}

/** The hint a phone shows on a step where the user has nothing to do, or null. */
export function phoneStepHint(s: ShownStep): string | null {
  if (s.actionable) return null;
  if (s.handler && s.status === "intake" && emptyStep[s.shown]) return emptyStep[s.shown];
  if (s.shown === 1 && !s.evaluated) return "执法人员尚未研判";
  return s.panelCount ? null : "此步骤没有需要您办理的事项";
}
