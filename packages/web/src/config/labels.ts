// Chinese labels for the codes the API uses (see /work/shared/GLOSSARY.md for the English names).
import { enforcementDomains, organisationKindLabels, roleLabels, roles, type OrganisationKind, type Role } from "@kuanyan/domain/organisations";

export const PRODUCT_NAME = "宽严 · 柔性执法平台";

export const ROLE_LABELS: Record<Role, string> = roleLabels;

export const ROLE_COLORS: Record<Role, string> = {
  officer: "blue",
  legalReviewer: "purple",
  listManager: "cyan",
  orgAdmin: "gold",
  justiceSupervisor: "green",
  sysAdmin: "red",
};

export const ALL_ROLES: readonly Role[] = roles;

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = organisationKindLabels;

/** Enforcement domains (执法领域) the server accepts. */
export const DOMAINS: readonly string[] = enforcementDomains;

export const ENTITY_TYPE_LABELS: Record<string, string> = {
  organisation: "组织机构",
  user: "用户",
  installation: "系统安装",
  session: "会话",
  list: "清单",
  matter: "事项",
  case: "案件",
  document: "文书",
  statisticsForm: "统计报表",
};

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "auth.login": "登录",
  "auth.logout": "退出登录",
  "auth.login_failed": "登录失败",
  "auth.locked": "账号锁定",
  "demo.created": "创建演示数据",
  "organisation.created": "新建组织机构",
  "organisation.updated": "修改组织机构",
  "user.created": "新建用户",
  "user.updated": "修改用户",
  "user.password_changed": "修改密码",
  created: "新建",
  updated: "修改",
  create: "新建",
  update: "修改",
  delete: "删除",
  login: "登录",
  logout: "退出登录",
  login_failed: "登录失败",
  password_change: "修改密码",
  password_reset: "重置密码",
  lock: "锁定",
  unlock: "解锁",
  disable: "停用",
  enable: "启用",
};

/** A Chinese label for an audit action such as "user.create" or "create". */
export function auditActionLabel(action: string): string {
  const tail = action.includes(".") ? action.slice(action.lastIndexOf(".") + 1) : action;
  return AUDIT_ACTION_LABELS[action] ?? AUDIT_ACTION_LABELS[tail] ?? action;
}
