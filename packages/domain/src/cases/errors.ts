/**
 * A case action refused by the lifecycle table, with its Chinese message. A small type of its own
 * until the domain has its common error base (DomainError, issue 16 part 2): `kind` says how the
 * server answers — forbidden → 403; locked, status, precondition → 422 (a rule of the procedure).
 */
import type { CaseAction } from "./lifecycle";

export type CaseActionRefusalKind =
  /** The user's roles, or their reach, do not allow the action on this organisation's case. */
  | "forbidden"
  /** The case is closed (办结归档) and locked. */
  | "locked"
  /** The action is not allowed in the case's status. */
  | "status"
  /** A precondition of the action does not hold (e.g. 法制审核 before deciding an ordinary case). */
  | "precondition";

export interface CaseActionRefused {
  kind: CaseActionRefusalKind;
  action: CaseAction;
  /** The precondition that failed (kind "precondition"). */
  precondition?: string;
  /** Chinese, for the user. */
  message: string;
}
