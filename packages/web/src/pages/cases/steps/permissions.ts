// TEMPORARY until the server sends allowedActions (h/lifecycle): the role and status checks the page made.
import type { CaseFile } from "../../../services/cases";
import type { Me } from "../../../services/types";
import type { CaseActionPath } from "./context";

export function allowedFromRoles(f: CaseFile, user: Me | null | undefined): (a: CaseActionPath) => boolean {
  const c = f.case;
  const mine = user?.organisation.id === c.organisationId;
  const canHandle = !!mine && !!user?.roles.some((r) => r === "officer" || r === "orgAdmin" || r === "sysAdmin");
  const canVoid = !!mine && !!user?.roles.some((r) => r === "legalReviewer" || r === "orgAdmin" || r === "sysAdmin");
  const isReviewer = !!user?.roles.includes("legalReviewer");
  const active = c.status === "intake" || c.status === "decided" || c.status === "in_progress";
  const afterDecision = c.status === "decided" || c.status === "in_progress";
  return (a) => {
    switch (a) {
      case "evidence":
        return canHandle && active;
      case "evaluate":
        return canHandle && c.status === "intake";
      case "party-choice":
        return canHandle && active && !c.partyChoice && !!c.decision;
      case "route":
      case "decide":
        return canHandle && c.status === "intake" && !!c.decision;
      case "review":
        return isReviewer && c.status === "intake" && c.route === "ordinary" && c.reviewStatus === "pending";
      case "measures":
      case "measure-cancellations":
      case "correction":
      case "reinspection":
        return canHandle && active;
      case "follow-ups":
      case "follow-up-records":
      case "close":
        return canHandle && afterDecision;
      case "reopen":
        return canHandle && c.status === "closed";
      case "cancel":
        return canVoid && (active || c.status === "transferred");
    }
  };
}
