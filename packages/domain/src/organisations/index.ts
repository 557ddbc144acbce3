/**
 * Organisations, roles and data scope (who may read and write which organisation's records).
 * Pure: the server loads the organisation rows and asks these functions.
 */

export const roles = ["officer", "legalReviewer", "listManager", "orgAdmin", "justiceSupervisor", "sysAdmin"] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  officer: "执法人员",
  legalReviewer: "法制审核人员",
  listManager: "清单管理员",
  orgAdmin: "单位管理员",
  justiceSupervisor: "司法局监督人员",
  sysAdmin: "系统管理员",
};

export const organisationKinds = ["agency", "justice_bureau", "township", "government"] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const organisationKindLabels: Record<OrganisationKind, string> = {
  agency: "行政执法机关",
  justice_bureau: "司法行政部门",
  township: "乡镇人民政府（街道办事处）",
  government: "人民政府",
};

/** 执法领域 as the seeds name them. */
export const enforcementDomains = [
  "应急管理",
  "市场监管",
  "交通运输",
  "城市管理",
  "综合行政执法",
  "生态环境",
  "自然资源",
  "农业农村",
  "文化旅游",
  "卫生健康",
  "乡镇人民政府",
  "司法行政",
  "人民政府",
] as const;

export interface OrgNode {
  id: string;
  parentId: string | null;
  regionCode: string;
  kind: string;
}

export interface Actor {
  organisationId: string;
  regionCode: string;
  roles: readonly string[];
}

/**
 * The region prefix an organisation covers: 350400 (a city) → "3504", 350000 → "35",
 * 350421 (a county) → "350421", 350421101 (a township) → "350421101".
 */
export function regionPrefix(code: string): string {
  if (code.length === 6) {
    if (code.endsWith("0000")) return code.slice(0, 2);
    if (code.endsWith("00")) return code.slice(0, 4);
  }
  return code;
}

/** The organisation and all below it through parentId. */
export function descendantsOf(rootId: string, orgs: readonly OrgNode[]): Set<string> {
  const children = new Map<string, string[]>();
  for (const o of orgs) {
    if (!o.parentId) continue;
    const list = children.get(o.parentId) ?? [];
    list.push(o.id);
    children.set(o.parentId, list);
  }
  const out = new Set<string>([rootId]);
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    for (const c of children.get(id) ?? []) {
      if (!out.has(c)) {
        out.add(c);
        stack.push(c);
      }
    }
  }
  return out;
}

/**
 * Data scope for reading: the actor's own organisation and its subordinates (a city department
 * reads its county counterparts); a 司法局 supervisor reads every organisation in their region
 * and below; a 系统管理员 reads everything. Returns "all" or the set of organisation ids.
 */
export function readableOrganisations(actor: Actor, orgs: readonly OrgNode[]): "all" | Set<string> {
  if (actor.roles.includes("sysAdmin")) return "all";
  const out = descendantsOf(actor.organisationId, orgs);
  if (actor.roles.includes("justiceSupervisor")) {
    const prefix = regionPrefix(actor.regionCode);
    for (const o of orgs) if (o.regionCode.startsWith(prefix)) out.add(o.id);
  }
  return out;
}

/**
 * Data scope for writing: only the actor's own organisation (a 系统管理员 anywhere; a 单位管理员
 * may also administer the organisations below their own). Supervisors never write others' records.
 */
export function writableOrganisations(actor: Actor, orgs: readonly OrgNode[]): "all" | Set<string> {
  if (actor.roles.includes("sysAdmin")) return "all";
  if (actor.roles.includes("orgAdmin")) return descendantsOf(actor.organisationId, orgs);
  return new Set([actor.organisationId]);
}

export function canRead(actor: Actor, orgs: readonly OrgNode[], organisationId: string): boolean {
  const scope = readableOrganisations(actor, orgs);
  return scope === "all" || scope.has(organisationId);
}

export function hasAnyRole(actor: Pick<Actor, "roles">, wanted: readonly Role[]): boolean {
  return wanted.some((r) => actor.roles.includes(r));
}
export * from "./permissions";
