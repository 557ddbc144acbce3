// What each role may see in the console — the one place the UI decides it. The server enforces
// the same rules (and the data scope); this only keeps people from being shown what they cannot use.
import type { Role } from "./services/types";

export interface Access {
  /** Module pages: every role reaches them; each module narrows its own actions. */
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
  canReadUsers: boolean;
  canManageUsers: boolean;
  canReadAudit: boolean;
}

export type AccessKey = keyof Access;

export function computeAccess(roles: readonly Role[]): Access {
  const has = (...wanted: Role[]) => wanted.some((r) => roles.includes(r));
  const admin = has("orgAdmin", "sysAdmin");
  const supervisor = has("justiceSupervisor");
  return {
    canSeeLists: roles.length > 0,
    canSeeCases: roles.length > 0,
    canSeeDocuments: roles.length > 0,
    canSeeStatistics: roles.length > 0,
    canSeeSupervision: roles.length > 0,
    canSeeInspections: has("officer", "legalReviewer", "listManager", "orgAdmin", "justiceSupervisor"),
    canSeeAdmin: admin || supervisor,
    canReadOrganisations: admin || supervisor,
    canManageOrganisations: admin,
    canReadUsers: admin || supervisor,
    canManageUsers: admin,
    canReadAudit: admin || supervisor,
  };
}
