// The console's frame: side menu (a Drawer on a phone), header with the organisation and user,
// and the page. Menu items come from config/routes.tsx filtered by src/access.ts.
import { LogoutOutlined, MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined, UserOutlined } from "@ant-design/icons";
import { App, Avatar, Button, Drawer, Dropdown, Grid, Layout, Menu, Spin, Typography, type MenuProps } from "antd";
import { Suspense, useEffect, useMemo, useState } from "react";
import { Outlet, useLocation, useNavigate } from "react-router-dom";
import type { Access } from "../access";
import { useAuth, useMe } from "../auth/AuthContext";
import { appRoutes, matchRoute, type AppRoute } from "../config/routes";
import { PRODUCT_NAME } from "../config/labels";

const { Header, Sider, Content } = Layout;

type MenuItem = Required<MenuProps>["items"][number];

function visible(route: AppRoute, access: Access): boolean {
  return !route.hideInMenu && (!route.access || access[route.access]);
}

function menuItems(routes: AppRoute[], access: Access): MenuItem[] {
  return routes
    .filter((r) => visible(r, access))
    .map((r) => {
      const children = r.children ? menuItems(r.children, access) : undefined;
      return children ? { key: r.path, icon: r.icon, label: r.name, children } : { key: r.path, icon: r.icon, label: r.name };
    });
}

function Logo({ collapsed }: { collapsed: boolean }) {
  return (
    <div className="ky-logo" aria-label={PRODUCT_NAME}>
      <span className="ky-logo-mark">宽严</span>
      {collapsed ? null : <span className="ky-logo-text">柔性执法平台</span>}
    </div>
  );
}

export default function BasicLayout() {
  const me = useMe();
  const { access, logout } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const isMobile = screens.md === false;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);

  const items = useMemo(() => menuItems(appRoutes, access), [access]);
  const chain = matchRoute(location.pathname);
  const selectedKeys = chain.length > 0 ? [chain[chain.length - 1].path] : [];
  const [openKeys, setOpenKeys] = useState<string[]>(chain.filter((r) => r.children).map((r) => r.path));

  // Navigating closes the phone menu drawer (adjusted while rendering, not in the effect).
  const [drawerPath, setDrawerPath] = useState(location.pathname);
  if (drawerPath !== location.pathname) {
    setDrawerPath(location.pathname);
    setDrawerOpen(false);
  }
  useEffect(() => {
    const current = matchRoute(location.pathname);
    document.title = current.length > 0 ? `${current[current.length - 1].name} - ${PRODUCT_NAME}` : PRODUCT_NAME;
  }, [location.pathname]);

  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      items={items}
      selectedKeys={selectedKeys}
      openKeys={collapsed && !isMobile ? undefined : openKeys}
      onOpenChange={(keys) => setOpenKeys(keys)}
      onClick={({ key }) => navigate(key)}
      aria-label="主菜单"
    />
  );

  const onLogout = async () => {
    try {
      await logout();
      message.success("已退出登录");
    } finally {
      navigate("/login", { replace: true });
    }
  };

  const userMenu: MenuProps = {
    items: [
      { key: "profile", icon: <UserOutlined />, label: "个人中心" },
      { type: "divider" },
      { key: "logout", icon: <LogoutOutlined />, label: "退出登录" },
    ],
    onClick: ({ key }) => {
      if (key === "profile") navigate("/profile");
      if (key === "logout") void onLogout();
    },
  };

  return (
    <Layout style={{ minHeight: "100vh" }}>
      {isMobile ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={240}
          closable={false}
          styles={{ body: { padding: 0, background: "#001529" }, header: { display: "none" } }}
          title="主菜单"
        >
          <Logo collapsed={false} />
          {menu}
        </Drawer>
      ) : (
        <Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          trigger={null}
          width={220}
          style={{ position: "sticky", top: 0, height: "100vh", overflow: "auto" }}
        >
          <Logo collapsed={collapsed} />
          {menu}
        </Sider>
      )}
      <Layout>
        <Header className="ky-header">
          <Button
            type="text"
            aria-label={isMobile ? "打开菜单" : collapsed ? "展开菜单" : "收起菜单"}
            icon={isMobile ? <MenuOutlined /> : collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={() => (isMobile ? setDrawerOpen(true) : setCollapsed(!collapsed))}
          />
          {isMobile ? (
            <Typography.Text strong className="ky-header-title">
              {PRODUCT_NAME}
            </Typography.Text>
          ) : (
            <Typography.Text type="secondary" className="ky-header-title" ellipsis>
              {me.organisation.name}
            </Typography.Text>
          )}
          <Dropdown menu={userMenu} trigger={["click"]} placement="bottomRight">
            <Button type="text" aria-label={`当前用户：${me.displayName}`} className="ky-user-button">
              <Avatar size="small" icon={<UserOutlined />} style={{ background: "#1677ff" }} />
              {isMobile ? null : <span>{me.displayName}</span>}
            </Button>
          </Dropdown>
        </Header>
        <Content className="ky-content">
          <Suspense fallback={<Spin size="large" style={{ display: "block", margin: "80px auto" }} />}>
            <Outlet />
          </Suspense>
        </Content>
        <Layout.Footer style={{ textAlign: "center", color: "rgba(0,0,0,0.62)" }}>{PRODUCT_NAME} · 开源软件</Layout.Footer>
      </Layout>
    </Layout>
  );
}
