// What every step panel of the case page gets: the case file, the action runner and what the user may do.
import type { CaseAction } from "@kuanyan/domain/cases";
import type { CaseFile } from "../../../services/cases";

/** A case action: its URL segment under /api/v1/cases/:id/. */
export type CaseActionPath =
  | "evidence"
  | "evaluate"
  | "party-choice"
  | "route"
  | "review"
  | "decide"
  | "measures"
  | "measure-cancellations"
  | "correction"
  | "reinspection"
  | "follow-ups"
  | "follow-up-records"
  | "close"
  | "reopen"
  | "cancel";

export interface StepProps {
  file: CaseFile;
  busy: boolean;
  /** Runs a case action; a stale version reloads the case and says so. Resolves to the new file, or null when refused. */
  run: (action: CaseActionPath, body: Record<string, unknown>, done?: string) => Promise<CaseFile | null>;
  /** Whether the server allows the user this action on the case now (its allowedActions). */
  can: (action: CaseAction) => boolean;
  /** Today in China (YYYY-MM-DD). */
  today: string;
}
