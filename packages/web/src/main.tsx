import { App as AntApp, ConfigProvider, Spin } from "antd";
import zhCN from "antd/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { lazy, StrictMode, Suspense, useEffect, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter, Navigate, RouterProvider, useLocation, type RouteObject } from "react-router-dom";
import { AuthProvider, useAuth } from "./auth/AuthContext";
import { appRoutes, flattenRoutes, type AppRoute } from "./config/routes";
import BasicLayout from "./layouts/BasicLayout";
import LoginPage from "./pages/login";
const VerifyPage = lazy(() => import("./pages/verify"));
import { Forbidden, NotFound } from "./pages/exception";
import { setErrorNotifier } from "./services/request";
import "./styles.css";

/**
 * antd's secondary text (descriptions, help under a field, empty states) is rgba(0,0,0,.45): 3.4:1 on
 * white, below WCAG 2.1 AA's 4.5:1 (GB/T 37668). .62 gives 6.2:1 on white and 5.7:1 on the grey page.
 * e2e/a11y.spec.ts runs axe-core on the pages it names.
 */
const theme = {
  token: {
    // antd's #1677ff under white text or as link text is 4.1:1; its palette's next step is 6.2:1.
    colorPrimary: "#0958d9",
    colorInfo: "#0958d9",
    colorLink: "#0958d9",
    // Error text and danger buttons: #ff4d4f is 3.3:1 on white; red-7 is 5.6:1.
    colorError: "#cf1322",
    colorTextDescription: "rgba(0, 0, 0, 0.62)",
    colorTextTertiary: "rgba(0, 0, 0, 0.62)",
    // Placeholders (#bfbfbf, 1.8:1) are text too: .55 gives 4.7:1.
    colorTextPlaceholder: "rgba(0, 0, 0, 0.55)",
  },
};

// Public pages (no login, outside the console layout).
const PublicListsPage = lazy(() => import("./pages/public/lists"));
const PublicDrawsPage = lazy(() => import("./pages/public/draws"));

dayjs.locale("zh-cn");

function FullPageSpin() {
  return <Spin size="large" style={{ display: "block", margin: "30vh auto" }} />;
}

/** Routes errors of the request client to antd's message (which needs the App context). */
function ErrorNotifierBridge() {
  const { message } = AntApp.useApp();
  useEffect(() => setErrorNotifier((text) => void message.error(text)), [message]);
  return null;
}

function RequireAuth({ children }: { children: ReactNode }) {
  const { user, loggedOut } = useAuth();
  const location = useLocation();
  if (user === undefined) return <FullPageSpin />;
  if (user === null) {
    // After a session expired, come back to the same page; after logging out, start afresh.
    const back = location.pathname + location.search;
    const to = back === "/" || loggedOut ? "/login" : `/login?redirect=${encodeURIComponent(back)}`;
    return <Navigate to={to} replace />;
  }
  return <>{children}</>;
}

function Guard({ route }: { route: AppRoute }) {
  const { access } = useAuth();
  if (route.access && !access[route.access]) return <Forbidden />;
  if (route.component) {
    const Page = route.component;
    return <Page />;
  }
  // A menu group: open its first child the user may see.
  const first = route.children?.find((c) => !c.access || access[c.access]);
  return first ? <Navigate to={first.path} replace /> : <Forbidden />;
}

const pageRoutes: RouteObject[] = flattenRoutes(appRoutes).map((route) =>
  route.path === "/" ? { index: true, element: <Guard route={route} /> } : { path: route.path.slice(1), element: <Guard route={route} /> },
);

const router = createBrowserRouter([
  { path: "/login", element: <LoginPage /> },
  // Public verification of an issued document (no login): /verify/<核验码>.
  { path: "/verify/:code?", element: <VerifyPage /> },
  { path: "/public/lists", element: <PublicListsPage /> },
  { path: "/public/draws/:id?", element: <PublicDrawsPage /> },
  {
    path: "/",
    element: (
      <RequireAuth>
        <BasicLayout />
      </RequireAuth>
    ),
    children: [...pageRoutes, { path: "*", element: <NotFound /> }],
  },
]);

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }} theme={theme}>
      <AntApp>
        <ErrorNotifierBridge />
        <AuthProvider>
          <Suspense fallback={<FullPageSpin />}>
            <RouterProvider router={router} />
          </Suspense>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
