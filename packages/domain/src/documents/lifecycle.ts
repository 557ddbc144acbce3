/**
 * Lifecycle of a document (文书), as one table of status × action → roles and preconditions.
 *
 * A document has no draft: the preview is the draft, and 签发 creates it issued (number, frozen
 * bytes and hash in one step). Then:
 *   已签发 (issued) ──送达 (deliver, any number of times: the delivery is recorded beside the status)
 *        ├─ 更正 (correct: a new document of the same type supersedes it) → 已被更正文书取代 (superseded)
 *        └─ 作废 (cancel, with a reason; the number stays used) → 作废 (cancelled)
 *   superseded ── may still be delivered or cancelled; cancelled takes no action.
 * 文书设置 (number pattern, templates, seal) is the organisation's act (permissions.ts
 * `documents.settings`). Everything here is pure; the server runs every document action through
 * `documentActionProblem` and sends `allowedDocumentActions` with each document.
 */
import { rolesAllowed, type Role } from "../organisations";

export const documentStatuses = ["issued", "superseded", "cancelled"] as const;
export type DocumentStatus = (typeof documentStatuses)[number];

export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = {
  issued: "已签发",
  superseded: "已被更正文书取代",
  cancelled: "作废",
};

export const DELIVERY_METHODS = ["direct", "lodged", "mail", "electronic"] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export const DELIVERY_METHOD_LABELS: Record<DeliveryMethod, string> = {
  direct: "直接送达",
  lodged: "留置送达",
  mail: "邮寄送达",
  electronic: "电子送达",
};

/** Roles that issue, deliver, correct and cancel documents (the organisation's 执法人员 and administrators). */
export const documentIssuerRoles: readonly Role[] = ["officer", "orgAdmin", "sysAdmin"];

/** Actions on an issued document. */
export const documentActions = ["deliver", "correct", "cancel"] as const;
export type DocumentAction = (typeof documentActions)[number];

/** Actions of the documents page that concern no single document. */
export const documentPageActions = ["issue", "settings"] as const;
export type DocumentPageAction = (typeof documentPageActions)[number];

export interface DocumentActionRule {
  label: string;
  /** Statuses from which the action is allowed. */
  from: readonly DocumentStatus[];
  /** Status after the action ("unchanged": a delivery is recorded beside the status). */
  to: DocumentStatus | "unchanged";
  roles: readonly Role[];
}

export const documentLifecycle: Record<DocumentAction, DocumentActionRule> = {
  deliver: { label: "记录送达", from: ["issued", "superseded"], to: "unchanged", roles: documentIssuerRoles },
  correct: { label: "签发更正文书", from: ["issued"], to: "superseded", roles: documentIssuerRoles },
  cancel: { label: "作废文书", from: ["issued", "superseded"], to: "cancelled", roles: documentIssuerRoles },
};

export const documentPageRules: Record<DocumentPageAction, { label: string; roles: readonly Role[] }> = {
  issue: { label: "签发文书", roles: documentIssuerRoles },
  settings: { label: "设置文书编号、模板和电子印章", roles: rolesAllowed("documents.settings") },
};

export interface DocumentActor {
  roles: readonly string[];
  /** Whether the actor may write the document's organisation's records (data scope). */
  canWrite: boolean;
}

const hasRole = (roles: readonly string[], allowed: readonly Role[]) => roles.some((r) => (allowed as readonly string[]).includes(r));

/**
 * Why the actor may not take the action on a document in `status` now (Chinese), or null when he
 * may. `number` names the document in the message.
 */
export function documentActionProblem(action: DocumentAction, status: DocumentStatus, actor: DocumentActor, number = ""): string | null {
  const rule = documentLifecycle[action];
  if (!hasRole(actor.roles, rule.roles)) return `您的角色无权${rule.label}`;
  if (!actor.canWrite) return "您无权修改该单位的记录";
  if (!rule.from.includes(status)) return statusProblem(action, number);
  return null;
}

/** Why the action is not possible from the document's status (Chinese). */
function statusProblem(action: DocumentAction, number: string): string {
  switch (action) {
    case "deliver":
      return `文书${number}已作废，不能送达`;
    case "cancel":
      return `文书${number}已经作废`;
    case "correct":
      return `被更正的文书${number}已作废或已被更正，不能再更正`;
  }
}

/** The actions the actor may take on a document now, in the order of `documentActions`. */
export function allowedDocumentActions(status: DocumentStatus, actor: DocumentActor): DocumentAction[] {
  return documentActions.filter((a) => documentActionProblem(a, status, actor) === null);
}

/** The documents page's actions (签发, 设置) for the actor in his organisation. */
export function allowedDocumentPageActions(actor: DocumentActor): DocumentPageAction[] {
  return documentPageActions.filter((a) => actor.canWrite && hasRole(actor.roles, documentPageRules[a].roles));
}
