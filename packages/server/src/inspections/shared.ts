/**
 * What the inspection use cases share: the permission check (the domain's permission table and data
 * scope), the organisation, today's date, and rows as the API returns them.
 */
import { eq } from "drizzle-orm";
import { maskName } from "@kuanyan/domain/codes";
import { isPermitted, permissionTable, rolesAllowed, writableOrganisations, type AdminAction, type OrgNode } from "@kuanyan/domain/organisations";
import type { Industry, RiskLevel } from "@kuanyan/domain/inspections";
import { loadOrgNodes, requireRole } from "../access";
import type { DbOrTx } from "../db/client";
import { organisations } from "../db/schema";
import { forbidden, notFound } from "../http/errors";
import type { AppContext, Auth } from "../http/context";
import { today as todayInChina } from "../lists/clock";
import type { inspectionUnits } from "./schema";

export const inspectionActions = [
  "inspection.read",
  "inspection.pool.manage",
  "inspection.inspectors.manage",
  "inspection.checklist.manage",
  "inspection.draw",
  "inspection.conduct",
  "inspection.correct",
  "hazard.manage",
  "hazard.close",
] as const satisfies readonly AdminAction[];

export function today(ctx: Pick<AppContext, "now">): string {
  return todayInChina(ctx);
}

/**
 * Whether the actor may do the action for the organisation: the permission table's role and scope,
 * and for every write also the data scope of writes as everywhere (a 单位管理员 his subtree, any
 * other role his own organisation): a city's 清单管理员 reads a county's checklists but does not
 * edit them.
 */
export function permitted(auth: Auth, action: AdminAction, organisationId: string, nodes: readonly OrgNode[]): boolean {
  if (!isPermitted(auth, action, organisationId, nodes)) return false;
  if (action === "inspection.read") return true;
  const w = writableOrganisations(auth, nodes);
  return w === "all" || w.has(organisationId);
}

/**
 * Throws 403 unless the user's role may do the action (checked first, before any record is read)
 * and the organisation lies in the action's scope for him.
 */
export async function requirePermission(db: DbOrTx, auth: Auth, action: AdminAction, organisationId: string): Promise<OrgNode[]> {
  const label = permissionTable[action].label;
  requireRole(auth, rolesAllowed(action), label);
  const nodes = await loadOrgNodes(db);
  if (!permitted(auth, action, organisationId, nodes)) throw forbidden(`您无权${label}（该单位不在您的权限范围内）`);
  return nodes;
}

/** Only the role check (before the record naming the organisation is loaded). */
export function requireActionRole(auth: Auth, action: AdminAction): void {
  requireRole(auth, rolesAllowed(action), permissionTable[action].label);
}

/** The inspection actions the user may do for the organisation (controls in the web follow them). */
export function allowedActions(auth: Auth, organisationId: string, nodes: readonly OrgNode[]): string[] {
  return inspectionActions.filter((a) => permitted(auth, a, organisationId, nodes));
}

export async function loadOrganisation(db: DbOrTx, organisationId: string) {
  const [org] = await db.select().from(organisations).where(eq(organisations.id, organisationId));
  if (!org) throw notFound("单位");
  return org;
}

/** A unit row as lists show it (contact masked; nothing decrypted). */
export function presentUnit(row: typeof inspectionUnits.$inferSelect) {
  return {
    id: row.id,
    organisationId: row.organisationId,
    regionCode: row.regionCode,
    creditCode: row.creditCode,
    name: row.name,
    address: row.address,
    industry: row.industry as Industry,
    riskLevel: row.riskLevel as RiskLevel,
    keyUnit: row.keyUnit,
    contactName: row.contactName ? maskName(row.contactName) : null,
    contactPhone: row.contactPhoneMasked ?? null,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A unique-violation from the database (23505), e.g. a second unit with the same credit code. */
export function isUniqueViolation(err: unknown): boolean {
  let e = err as { code?: string; cause?: unknown } | null;
  for (let i = 0; i < 4 && e; i++) {
    if (e.code === "23505") return true;
    e = e.cause as typeof e;
  }
  return false;
}
