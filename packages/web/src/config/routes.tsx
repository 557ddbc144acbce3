// The console's pages and menu, configured in one place. The router (main.tsx) and the side
// menu (layouts/BasicLayout.tsx) are both built from this list.
//
// To add a page: create src/pages/<module>/index.tsx (default export), add an entry here with its
// path, Chinese menu name, icon and (optionally) the access flag from src/access.ts that may see it.
import {
  AuditOutlined,
  BarChartOutlined,
  DashboardOutlined,
  FileTextOutlined,
  HomeOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
  ApartmentOutlined,
  BookOutlined,
  UserOutlined,
  ScheduleOutlined,
  WarningOutlined,
} from "@ant-design/icons";
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from "react";
import type { AccessKey } from "../access";

export interface AppRoute {
  /** Absolute path, e.g. "/admin/users". */
  path: string;
  /** Menu and page name (Chinese). */
  name: string;
  icon?: ReactNode;
  /** Access flag the user needs; without it everyone logged in may open the page. */
  access?: AccessKey;
  component?: LazyExoticComponent<ComponentType>;
  children?: AppRoute[];
  hideInMenu?: boolean;
}

export const appRoutes: AppRoute[] = [
  { path: "/", name: "工作台", icon: <HomeOutlined />, component: lazy(() => import("../pages/home")) },
  {
    path: "/lists",
    name: "清单管理",
    icon: <ProfileOutlined />,
    access: "canSeeLists",
    component: lazy(() => import("../pages/lists")),
  },
  {
    path: "/lists/:id",
    name: "清单详情",
    hideInMenu: true,
    access: "canSeeLists",
    component: lazy(() => import("../pages/lists/detail")),
  },
  {
    path: "/laws",
    name: "法律法规库",
    icon: <BookOutlined />,
    component: lazy(() => import("../pages/laws")),
  },
  {
    path: "/laws/:id",
    name: "法律法规",
    hideInMenu: true,
    component: lazy(() => import("../pages/laws/detail")),
  },
  {
    path: "/cases",
    name: "案件办理",
    icon: <SolutionOutlined />,
    access: "canSeeCases",
    component: lazy(() => import("../pages/cases")),
  },
  {
    path: "/cases/new",
    name: "登记案件",
    access: "canSeeCases",
    hideInMenu: true,
    component: lazy(() => import("../pages/cases/new")),
  },
  {
    path: "/cases/:id",
    name: "案件",
    access: "canSeeCases",
    hideInMenu: true,
    component: lazy(() => import("../pages/cases/detail")),
  },
  {
    path: "/inspections",
    name: "执法检查",
    icon: <ScheduleOutlined />,
    access: "canSeeInspections",
    children: [
      { path: "/inspections/field", name: "今日检查", access: "canSeeInspections", component: lazy(() => import("../pages/inspections/field")) },
      {
        path: "/inspections/field/:id",
        name: "现场检查",
        access: "canSeeInspections",
        hideInMenu: true,
        component: lazy(() => import("../pages/inspections/field/detail")),
      },
      {
        path: "/inspections/units",
        name: "检查对象名录库",
        access: "canSeeInspections",
        component: lazy(() => import("../pages/inspections/units")),
      },
      {
        path: "/inspections/units/:id",
        name: "单位档案",
        access: "canSeeInspections",
        hideInMenu: true,
        component: lazy(() => import("../pages/inspections/unitHistory")),
      },
      {
        path: "/inspections/inspectors",
        name: "执法检查人员",
        access: "canSeeInspections",
        component: lazy(() => import("../pages/inspections/inspectors")),
      },
      {
        path: "/inspections/checklists",
        name: "抽查事项与检查表",
        access: "canSeeInspections",
        component: lazy(() => import("../pages/inspections/checklists")),
      },
      {
        path: "/inspections/draws",
        name: "抽查计划与抽取",
        access: "canSeeInspections",
        component: lazy(() => import("../pages/inspections/draws")),
      },
    ],
  },
  {
    path: "/hazards",
    name: "隐患台账",
    icon: <WarningOutlined />,
    access: "canSeeInspections",
    component: lazy(() => import("../pages/hazards")),
  },
  {
    path: "/documents",
    name: "文书",
    icon: <FileTextOutlined />,
    access: "canSeeDocuments",
    component: lazy(() => import("../pages/documents")),
  },
  {
    path: "/statistics",
    name: "统计报表",
    icon: <BarChartOutlined />,
    access: "canSeeStatistics",
    component: lazy(() => import("../pages/statistics")),
  },
  {
    path: "/statistics/dashboard",
    name: "数据驾驶舱",
    icon: <DashboardOutlined />,
    access: "canSeeStatistics",
    component: lazy(() => import("../pages/statistics/dashboard")),
  },
  {
    path: "/supervision",
    name: "监督检查",
    icon: <SafetyCertificateOutlined />,
    access: "canSeeSupervision",
    component: lazy(() => import("../pages/supervision")),
  },
  {
    path: "/admin",
    name: "系统管理",
    icon: <SettingOutlined />,
    access: "canSeeAdmin",
    children: [
      {
        path: "/admin/organisations",
        name: "组织机构",
        icon: <ApartmentOutlined />,
        access: "canReadOrganisations",
        component: lazy(() => import("../pages/admin/organisations")),
      },
      {
        path: "/admin/users",
        name: "用户管理",
        icon: <TeamOutlined />,
        access: "canReadUsers",
        component: lazy(() => import("../pages/admin/users")),
      },
      {
        path: "/admin/audit",
        name: "审计日志",
        icon: <AuditOutlined />,
        access: "canReadAudit",
        component: lazy(() => import("../pages/admin/audit")),
      },
    ],
  },
  {
    path: "/profile",
    name: "个人中心",
    icon: <UserOutlined />,
    component: lazy(() => import("../pages/profile")),
  },
];

/** Every route with a page, parents before children. */
export function flattenRoutes(routes: AppRoute[] = appRoutes): AppRoute[] {
  return routes.flatMap((r) => [r, ...flattenRoutes(r.children ?? [])]);
}

/** The route whose path is the longest prefix of `pathname`, and its parent chain. */
export function matchRoute(pathname: string): AppRoute[] {
  const chain: AppRoute[] = [];
  let level = appRoutes;
  for (;;) {
    const hit = level
      .filter((r) => (r.path === "/" ? pathname === "/" : pathname === r.path || pathname.startsWith(r.path + "/")))
      .sort((a, b) => b.path.length - a.path.length)[0];
    if (!hit) return chain;
    chain.push(hit);
    if (!hit.children) return chain;
    level = hit.children;
  }
}
