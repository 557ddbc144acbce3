// Chinese labels for the codes the API uses (see /work/shared/GLOSSARY.md for the English names).
import type { OrganisationKind, Role } from "../services/types";

export const PRODUCT_NAME = "宽严 · 柔性执法平台";

export const ROLE_LABELS: Record<Role, string> = {
  officer: "执法人员",
  legalReviewer: "法制审核人员",
  listManager: "清单管理员",
  orgAdmin: "单位管理员",
  justiceSupervisor: "司法局监督人员",
  sysAdmin: "系统管理员",
};

export const ROLE_COLORS: Record<Role, string> = {
  officer: "blue",
  legalReviewer: "purple",
  listManager: "cyan",
  orgAdmin: "gold",
  justiceSupervisor: "green",
  sysAdmin: "red",
};

export const ALL_ROLES = Object.keys(ROLE_LABELS) as Role[];

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  agency: "行政执法机关",
  justice_bureau: "司法行政部门",
  township: "乡镇（街道）",
  government: "人民政府",
};

/** Enforcement domains offered in forms; the server may hold others. */
export const DOMAINS = [
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
  "住房城乡建设",
  "水利",
  "税务",
  "乡镇人民政府",
  "司法行政",
];

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
