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
