// What the console shows each user — read from the permissions the server sends with the session
// (GET /api/v1/auth/me: the actions packages/domain/src/organisations/permissions.ts allows the
// user's roles). The web never re-derives them from roles; the server enforces the same table and
// the data scope, this only keeps people from being shown what they cannot use.
import type { AdminAction } from "./services/types";

export interface Access {
  /** Module pages: every logged-in user reaches them; each module narrows its own actions. */
  canSeeLists: boolean;
  canSeeCases: boolean;
  canSeeDocuments: boolean;
  canSeeStatistics: boolean;
  canSeeSupervision: boolean;
  /** 执法检查 (the server's inspection.read: not the 系统管理员; each page narrows by allowedActions). */
  canSeeInspections: boolean;
  /** 系统管理 menu. */
  canSeeAdmin: boolean;
  canReadOrganisations: boolean;
  canManageOrganisations: boolean;
  /** Only a 系统管理员 creates top-level organisations; he is not confined to his own region. */
  canCreateTopLevelOrganisations: boolean;
  canReadUsers: boolean;
  canManageUsers: boolean;
  canReadAudit: boolean;
  /** 审计链校验 and checkpoints. */
  canVerifyAudit: boolean;
  /** 报送、更正统计报表. */
  canFileStatisticsReport: boolean;
}

export type AccessKey = keyof Access;

/** `loggedIn`: whether there is a session at all (the module pages are open to every user). */
export function computeAccess(permissions: readonly AdminAction[], loggedIn: boolean): Access {
  const may = (action: AdminAction) => permissions.includes(action);
  const adminView = may("admin.view");
  return {
    canSeeLists: loggedIn,
    canSeeCases: loggedIn,
    canSeeDocuments: loggedIn,
    canSeeStatistics: loggedIn,
    canSeeSupervision: loggedIn,
    canSeeInspections: may("inspection.read"),
    canSeeAdmin: adminView || may("audit.read"),
    canReadOrganisations: adminView,
    canManageOrganisations: may("organisation.create") || may("organisation.edit"),
    canCreateTopLevelOrganisations: may("organisation.createTopLevel"),
    canReadUsers: adminView,
    canManageUsers: may("user.create") || may("user.edit"),
    canReadAudit: may("audit.read"),
    canVerifyAudit: may("audit.verify"),
    canFileStatisticsReport: may("statistics.report.file"),
  };
}
