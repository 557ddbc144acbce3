/**
 * What a user may do with a list version now: the server computes it (roles, data scope, the
 * version's status) and sends it with each list, the web shows exactly these controls. The same
 * transition table (`listTransitions`) decides here and when the action is run.
 */
import { listTransitions, type ListActionType, type ListRole } from "./lifecycle";
import type { ListStatus, ListVersionStatus } from "./types";

/**
 * Actions on a list version: the lifecycle transitions, plus 编辑 (save the draft) and 导入 (import
 * into the draft), and 认领 (a subordinate organisation claims the version).
 */
export const listVersionActions = [
  "edit",
  "import",
  "submit",
  "approve",
  "return",
  "publish",
  "file",
  "recordEvaluation",
  "revise",
  "repeal",
  "claim",
] as const;
export type ListVersionAction = (typeof listVersionActions)[number];

export const listVersionActionLabels: Record<ListVersionAction, string> = {
  edit: "编辑草稿",
  import: "导入事项",
  submit: listTransitions.submit.label,
  approve: listTransitions.approve.label,
  return: listTransitions.return.label,
  publish: listTransitions.publish.label,
  file: listTransitions.file.label,
  recordEvaluation: listTransitions.recordEvaluation.label,
  revise: listTransitions.revise.label,
  repeal: listTransitions.repeal.label,
  claim: "认领",
};

/** Actions on the organisation's lists as a whole (the lists page). */
export const listCollectionActions = ["create", "import", "review"] as const;
export type ListCollectionAction = (typeof listCollectionActions)[number];

/** Roles that edit and import drafts, create lists; roles that claim; roles that see the review queue. */
export const listEditorRoles: readonly ListRole[] = ["listManager"];
export const listClaimRoles: readonly ListRole[] = ["listManager", "orgAdmin"];
export const listReviewQueueRoles: readonly string[] = ["legalReviewer", "orgAdmin", "sysAdmin"];

const openStatuses: readonly ListVersionStatus[] = ["draft", "legal_review", "approved"];
const inForce: readonly ListVersionStatus[] = ["published", "filed"];

export interface ListVersionActionContext {
  /** The list's status (a repealed list takes no action). */
  listStatus: ListStatus;
  /** Status of the version concerned. */
  status: ListVersionStatus;
  /** Statuses of every version of the list (修订 needs none open). */
  versionStatuses: readonly ListVersionStatus[];
  /** The user's roles. */
  roles: readonly string[];
  /** Whether the user may write the owning organisation's records (data scope). */
  canWrite: boolean;
  /** Whether the owner is a superior (上级部门) of the user's organisation (then 认领 is possible). */
  ownerIsSuperior: boolean;
  /** Whether the user's organisation has already claimed this version. */
  claimed: boolean;
}

const hasRole = (roles: readonly string[], allowed: readonly string[]) => roles.some((r) => allowed.includes(r));

/** The actions the user may take on the version now, in the order of `listVersionActions`. */
export function allowedListVersionActions(c: ListVersionActionContext): ListVersionAction[] {
  if (c.listStatus === "repealed") return [];
  const out: ListVersionAction[] = [];
  for (const action of listVersionActions) {
    if (action === "claim") {
      if (c.ownerIsSuperior && !c.claimed && inForce.includes(c.status) && hasRole(c.roles, listClaimRoles)) out.push(action);
      continue;
    }
    if (!c.canWrite) continue;
    if (action === "edit" || action === "import") {
      if (c.status === "draft" && hasRole(c.roles, listEditorRoles)) out.push(action);
      continue;
    }
    const rule = listTransitions[action satisfies ListActionType];
    if (!hasRole(c.roles, rule.roles) || !rule.from.includes(c.status)) continue;
    if (action === "revise" && c.versionStatuses.some((s) => openStatuses.includes(s))) continue;
    out.push(action);
  }
  return out;
}

/** The lists page's actions: 新建/导入 (清单管理员 of a writable organisation), the 法制审核 queue. */
export function allowedListCollectionActions(c: { roles: readonly string[]; canWrite: boolean }): ListCollectionAction[] {
  const out: ListCollectionAction[] = [];
  if (c.canWrite && hasRole(c.roles, listEditorRoles)) out.push("create", "import");
  if (hasRole(c.roles, listReviewQueueRoles)) out.push("review");
  return out;
}
