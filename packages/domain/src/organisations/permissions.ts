/**
 * The permission table of administration: role × action × scope, in one place.
 *
 * Every administrative action the server guards (organisations, users, granting each role,
 * filing the official statistics report, the organisation's document settings, reading the
 * audit trail) names the roles that may do it and how far their reach goes. The server asks
 * the functions below; the web asks the server; docs/security/authz.md prints the same table
 * (a test compares them).
 *
 * Pure: the caller passes the organisation tree (`OrgNode[]`). No values of ./index are used at
 * module evaluation (index.ts re-exports this file).
 */
import { descendantsOf, regionPrefix, roleLabels, roles, type Actor, type OrgNode, type Role } from "./index";

/**
 * How far a role's permission reaches:
 * - all: every organisation;
 * - subtree: the actor's own organisation and those below it (parentId); for organisations also
 *   only inside the actor's organisation's region (same code or a subordinate division);
 * - readable: the organisations the actor may read (own subtree; a 司法局监督人员 the whole region);
 * - own: only the actor's own organisation (handling its cases).
 */
export type PermissionScope = "all" | "subtree" | "readable" | "own";

export const permissionScopeLabels: Record<PermissionScope, string> = {
  all: "全部单位",
  subtree: "本单位及下级单位",
  readable: "可查看的单位",
  own: "本单位",
};

export const adminActions = [
  "organisation.create",
  "organisation.createTopLevel",
  "organisation.edit",
  "organisation.move",
  "user.list",
  "user.create",
  "user.edit",
  "role.grant.officer",
  "role.grant.legalReviewer",
  "role.grant.listManager",
  "role.grant.orgAdmin",
  "role.grant.justiceSupervisor",
  "role.grant.sysAdmin",
  "statistics.report.file",
  "documents.settings",
  "audit.read",
  "audit.verify",
  "inspection.read",
  "inspection.pool.manage",
  "inspection.inspectors.manage",
  "inspection.checklist.manage",
  "inspection.draw",
  "inspection.conduct",
  "inspection.correct",
  "hazard.manage",
  "hazard.close",
  "admin.view",
  "case.handle",
  "case.review",
  "case.cancel",
] as const;
export type AdminAction = (typeof adminActions)[number];

export interface Permission {
  label: string;
  /** The roles allowed and their scope; a role not named may not do it. */
  grants: Partial<Record<Role, PermissionScope>>;
}

/**
 * The table. Decisions where the issue left a choice:
 * - 司法局监督人员 and 系统管理员 are granted only from above: only a 系统管理员 grants either
 *   (a 单位管理员 of a 司法局 is at the same level as the supervisors whose region-wide reading he
 *   would hand out, so he may not); a 司法局监督人员 only to a user of a 司法行政部门.
 * - The official statistics report (报送/更正) is the organisation's act: its 单位管理员 files it
 *   (for his organisation or one below it). 执法人员, 法制审核人员, 清单管理员 prepare and read
 *   the numbers but do not file; 司法局监督人员 and 系统管理员 supervise/operate, they do not
 *   report on an organisation's behalf.
 */
export const permissionTable: Record<AdminAction, Permission> = {
  "organisation.create": { label: "新建下级单位", grants: { orgAdmin: "subtree", sysAdmin: "all" } },
  "organisation.createTopLevel": { label: "新建顶级单位", grants: { sysAdmin: "all" } },
  "organisation.edit": { label: "修改单位信息（含行政区划）", grants: { orgAdmin: "subtree", sysAdmin: "all" } },
  "organisation.move": { label: "调整上级单位", grants: { orgAdmin: "subtree", sysAdmin: "all" } },
  "user.list": {
    label: "查看用户列表",
    grants: {
      officer: "readable",
      legalReviewer: "readable",
      listManager: "readable",
      orgAdmin: "readable",
      justiceSupervisor: "readable",
      sysAdmin: "all",
    },
  },
  "user.create": { label: "新建用户", grants: { orgAdmin: "subtree", sysAdmin: "all" } },
  "user.edit": { label: "修改用户（停用、解锁、重置密码）", grants: { orgAdmin: "subtree", sysAdmin: "all" } },
  "role.grant.officer": { label: "授予执法人员角色", grants: { orgAdmin: "subtree", sysAdmin: "all" } },
  "role.grant.legalReviewer": { label: "授予法制审核人员角色", grants: { orgAdmin: "subtree", sysAdmin: "all" } },
  "role.grant.listManager": { label: "授予清单管理员角色", grants: { orgAdmin: "subtree", sysAdmin: "all" } },
  "role.grant.orgAdmin": { label: "授予单位管理员角色", grants: { orgAdmin: "subtree", sysAdmin: "all" } },
  "role.grant.justiceSupervisor": { label: "授予司法局监督人员角色", grants: { sysAdmin: "all" } },
  "role.grant.sysAdmin": { label: "授予系统管理员角色", grants: { sysAdmin: "all" } },
  "statistics.report.file": { label: "报送、更正统计报表", grants: { orgAdmin: "subtree" } },
  "documents.settings": { label: "设置文书编号、模板和电子印章", grants: { orgAdmin: "subtree", sysAdmin: "all" } },
  "audit.read": {
    label: "查看审计记录",
    grants: { legalReviewer: "readable", orgAdmin: "readable", justiceSupervisor: "readable", sysAdmin: "all" },
  },
  // The hash chain and its checkpoints are global (one chain for every region): only the operator.
  "audit.verify": { label: "校验审计链、导出和下载检查点", grants: { sysAdmin: "all" } },
  // Inspections (issue 10). The records hold unit contacts and findings: the operator (系统管理员)
  // has no business reading them; a 司法局监督人员 reads his region (supervision).
  "inspection.read": {
    label: "查看检查对象、检查计划、检查记录和隐患",
    grants: { officer: "readable", legalReviewer: "readable", listManager: "readable", orgAdmin: "readable", justiceSupervisor: "readable" },
  },
  "inspection.pool.manage": { label: "维护检查对象名录库（导入、修改）", grants: { officer: "subtree", orgAdmin: "subtree" } },
  "inspection.inspectors.manage": { label: "维护执法检查人员名录库（执法证、执法领域、回避）", grants: { orgAdmin: "subtree" } },
  "inspection.checklist.manage": { label: "编制、修订和发布检查表", grants: { listManager: "subtree", orgAdmin: "subtree" } },
  // The draw is the organisation's act, not the inspectors': an officer does not draw his own work.
  "inspection.draw": { label: "冻结名录库、公告和执行双随机抽取，取消检查", grants: { orgAdmin: "subtree" } },
  "inspection.conduct": { label: "现场检查（签到、填写检查表、签名、提交检查记录）", grants: { officer: "subtree" } },
  "inspection.correct": { label: "更正已提交的检查记录", grants: { officer: "subtree" } },
  "hazard.manage": { label: "登记隐患、确定整改期限、复查", grants: { officer: "subtree" } },
  "hazard.close": { label: "隐患销号", grants: { officer: "subtree", orgAdmin: "subtree" } },
  // The console's 系统管理 pages of organisations and users: who administers or supervises them. The
  // data behind them is guarded by the rows above (user.list, user.edit, organisation.edit …).
  "admin.view": { label: "进入系统管理（组织机构、用户页面）", grants: { orgAdmin: "readable", justiceSupervisor: "readable", sysAdmin: "all" } },
  // Cases (the lifecycle table in packages/domain/src/cases names the permission of each action).
  // The same reach as the data scope of writing (writableOrganisations): an officer his own
  // organisation, a 单位管理员 also those below, a 系统管理员 anywhere.
  "case.handle": { label: "办理案件（登记、研判、决定、措施、整改、回访、办结）", grants: { officer: "own", orgAdmin: "subtree", sysAdmin: "all" } },
  "case.review": { label: "法制审核（普通程序案件）", grants: { legalReviewer: "own" } },
  "case.cancel": { label: "撤销立案（作废）", grants: { legalReviewer: "own", orgAdmin: "subtree", sysAdmin: "all" } },
};

/** The roles that may do the action (in the order of `roles`). */
export function rolesAllowed(action: AdminAction): Role[] {
  return Object.keys(permissionTable[action].grants) as Role[];
}

/**
 * The actions the actor's roles allow somewhere (whatever the scope): what the session tells the
 * console (GET /api/v1/auth/me), so that the web shows only what the server would allow.
 */
export function allowedActions(actor: Pick<Actor, "roles">): AdminAction[] {
  return adminActions.filter((a) => scopeFor(actor, a) !== null);
}

const scopeRank: Record<PermissionScope, number> = { own: 0, subtree: 1, readable: 2, all: 3 };

/** The widest scope the actor's roles give for the action, or null when none of them may. */
export function scopeFor(actor: Pick<Actor, "roles">, action: AdminAction): PermissionScope | null {
  let best: PermissionScope | null = null;
  for (const r of actor.roles) {
    const s = permissionTable[action].grants[r as Role];
    if (s && (!best || scopeRank[s] > scopeRank[best])) best = s;
  }
  return best;
}

function actorRegion(actor: Actor, orgs: readonly OrgNode[]): string {
  return orgs.find((o) => o.id === actor.organisationId)?.regionCode ?? actor.regionCode;
}

/** Whether `code` is the division `container` or lies below it (350421100 lies in 350421, 3504, 35). */
export function regionWithin(code: string, container: string): boolean {
  return code.startsWith(regionPrefix(container));
}

/** Whether the actor may do the action to the records of the organisation (role and scope). */
export function isPermitted(actor: Actor, action: AdminAction, organisationId: string, orgs: readonly OrgNode[]): boolean {
  const scope = scopeFor(actor, action);
  if (!scope) return false;
  if (scope === "all") return true;
  if (scope === "own") return organisationId === actor.organisationId;
  if (scope === "subtree") return descendantsOf(actor.organisationId, orgs).has(organisationId);
  const out = descendantsOf(actor.organisationId, orgs);
  if (actor.roles.includes("justiceSupervisor")) {
    const prefix = regionPrefix(actorRegion(actor, orgs));
    for (const o of orgs) if (o.regionCode.startsWith(prefix)) out.add(o.id);
  }
  return out.has(organisationId);
}

const grantAction = (role: Role) => `role.grant.${role}` as AdminAction;

/**
 * The roles the actor may give a user of the organisation (all he may give anywhere when no
 * organisation is named). 司法局监督人员 only to a user of a 司法行政部门.
 */
export function grantableRoles(actor: Actor, orgs: readonly OrgNode[], organisationId?: string): Role[] {
  const target = organisationId ? orgs.find((o) => o.id === organisationId) : undefined;
  return roles.filter((r) => {
    if (!organisationId) return scopeFor(actor, grantAction(r)) !== null;
    if (!target || !isPermitted(actor, grantAction(r), organisationId, orgs)) return false;
    if (r === "justiceSupervisor" && target.kind !== "justice_bureau") return false;
    return true;
  });
}

export interface ManagedUser {
  id: string;
  organisationId: string;
  roles: readonly string[];
}

/**
 * Whether the actor may create (`user` undefined → `organisationId` of the new user) or change a
 * user, and give the roles. Returns the Chinese reason for a refusal, or null when allowed.
 * - the user's organisation lies in the actor's scope for user.create / user.edit;
 * - every role given is one the actor may grant there;
 * - an existing user is managed only if the actor could have given him every role he holds
 *   (a 单位管理员 does not reset a 系统管理员's password);
 * - nobody changes his own roles or disables himself.
 */
export function userManagementProblem(
  actor: Actor & { userId: string },
  orgs: readonly OrgNode[],
  input: { user?: ManagedUser; organisationId: string; roles?: readonly string[]; active?: boolean },
): string | null {
  const action: AdminAction = input.user ? "user.edit" : "user.create";
  if (!scopeFor(actor, action)) return `您的角色无权${permissionTable[action].label}`;
  if (!isPermitted(actor, action, input.organisationId, orgs)) return "您只能管理本单位及下级单位的用户";
  const grantable = new Set<string>(grantableRoles(actor, orgs, input.organisationId));
  if (input.user) {
    const self = input.user.id === actor.userId;
    if (self && input.roles && !sameSet(input.roles, input.user.roles)) return "不能修改自己的角色";
    if (self && input.active === false) return "不能停用自己的账号";
    if (!self) {
      const beyond = input.user.roles.filter((r) => !grantable.has(r));
      if (beyond.length) return `该用户具有您无权授予的角色（${beyond.map((r) => roleLabels[r as Role] ?? r).join("、")}），请由上级管理员管理`;
    }
  }
  const added = (input.roles ?? []).filter((r) => !input.user?.roles.includes(r));
  for (const r of added) {
    if (!grantable.has(r)) {
      if (r === "justiceSupervisor" && scopeFor(actor, grantAction("justiceSupervisor")))
        return "司法局监督人员角色只能授予司法行政部门（司法局）的用户";
      return `您无权授予“${roleLabels[r as Role] ?? r}”角色${r === "sysAdmin" || r === "justiceSupervisor" ? "（只能由系统管理员授予）" : ""}`;
    }
  }
  return null;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}

/**
 * Whether the actor may create (`before` undefined) or change an organisation to `after`.
 * Returns the Chinese reason for a refusal, or null when allowed.
 * - an orgAdmin acts only inside his own subtree; a new organisation's parent lies in it;
 * - the region code lies inside the actor's organisation's region (same code or subordinate);
 * - changing the parent is a move: the organisation (not the actor's own) and the new parent
 *   lie in the subtree; moving under itself or a descendant (a cycle) is refused for everybody;
 * - only a 系统管理员 creates or makes a top-level organisation.
 */
export function organisationChangeProblem(
  actor: Actor,
  orgs: readonly OrgNode[],
  before: OrgNode | undefined,
  after: { parentId: string | null; regionCode: string },
): string | null {
  const action: AdminAction = before ? "organisation.edit" : "organisation.create";
  const scope = scopeFor(actor, action);
  if (!scope) return `您的角色无权${permissionTable[action].label}`;
  const limited = scope !== "all";
  if (before && !isPermitted(actor, "organisation.edit", before.id, orgs)) return "您只能修改本单位及下级单位";
  const moving = !before || before.parentId !== after.parentId;
  if (moving) {
    if (after.parentId === null) {
      if (!scopeFor(actor, "organisation.createTopLevel")) return before ? "只有系统管理员可以将单位设为顶级单位" : "只有系统管理员可以新建顶级单位";
    } else {
      if (!orgs.some((o) => o.id === after.parentId)) return "上级单位不存在";
      if (before) {
        if (!isPermitted(actor, "organisation.move", before.id, orgs) || (limited && before.id === actor.organisationId))
          return "您不能调整本单位的上级单位，请由上级管理员调整";
        if (descendantsOf(before.id, orgs).has(after.parentId)) return "上级单位不能是本单位或其下级单位（会形成循环）";
      }
      const parentAction: AdminAction = before ? "organisation.move" : "organisation.create";
      if (!isPermitted(actor, parentAction, after.parentId, orgs)) return "上级单位必须是本单位或本单位的下级单位";
    }
  }
  if (limited && (!before || before.regionCode !== after.regionCode)) {
    const own = actorRegion(actor, orgs);
    if (!regionWithin(after.regionCode, own)) return `行政区划超出本单位的区划（${own}），只能选择本区划或其下级区划`;
  }
  return null;
}

/** The Markdown table of docs/security/authz.md: one row per action, one column per role. */
export function renderPermissionTable(): string {
  const head = `| 操作 | ${roles.map((r) => roleLabels[r]).join(" | ")} |`;
  const rule = `|---|${roles.map(() => "---").join("|")}|`;
  const rows = adminActions.map((a) => {
    const p = permissionTable[a];
    return `| ${p.label}（\`${a}\`） | ${roles.map((r) => (p.grants[r] ? permissionScopeLabels[p.grants[r]!] : "—")).join(" | ")} |`;
  });
  return [head, rule, ...rows].join("\n");
}
