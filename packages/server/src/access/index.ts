/**
 * Access control in one place: every service asks here before it reads or writes an
 * organisation's records (data scope) or does something only some roles may do.
 */
import { canRead, hasAnyRole, readableOrganisations, writableOrganisations, type OrgNode, type Role } from "@kuanyan/domain/organisations";
import type { DbOrTx } from "../db/client";
import { organisations } from "../db/schema";
import { AppError, forbidden } from "../http/errors";
import type { Auth } from "../http/context";

export async function loadOrgNodes(db: DbOrTx): Promise<OrgNode[]> {
  return db
    .select({ id: organisations.id, parentId: organisations.parentId, regionCode: organisations.regionCode, kind: organisations.kind })
    .from(organisations);
}

export type Scope = "all" | Set<string>;

export interface AccessRequest {
  /** What is done: reading or writing records of the organisation. */
  mode: "read" | "write";
  organisationId: string;
  /** Roles of which the user must hold at least one (any role when omitted). */
  roles?: readonly Role[];
  /** What the user tried, in Chinese, for the error message. */
  what?: string;
}

export function requireAuth(auth: Auth | null): Auth {
  if (!auth) throw new AppError("unauthenticated", "请先登录");
  return auth;
}

export function requireRole(auth: Auth, roles: readonly Role[], what = "执行此操作"): void {
  if (!hasAnyRole(auth, roles)) throw forbidden(`您的角色无权${what}`);
}

/** Throws 403 unless the user may read/write the organisation's records. */
export async function requireAccess(db: DbOrTx, auth: Auth, req: AccessRequest): Promise<void> {
  if (req.roles) requireRole(auth, req.roles, req.what);
  const nodes = await loadOrgNodes(db);
  const ok =
    req.mode === "read"
      ? canRead(auth, nodes, req.organisationId)
      : (() => {
          const w = writableOrganisations(auth, nodes);
          return w === "all" || w.has(req.organisationId);
        })();
  if (!ok) throw forbidden(req.mode === "read" ? "您无权查看该单位的记录" : "您无权修改该单位的记录");
}

/** The organisations whose records the user may read. */
export async function readScope(db: DbOrTx, auth: Auth): Promise<Scope> {
  return readableOrganisations(auth, await loadOrgNodes(db));
}

export function inScope(scope: Scope, organisationId: string): boolean {
  return scope === "all" || scope.has(organisationId);
}
