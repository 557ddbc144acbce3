// Runs only with KUANYAN_E2E_TOPOLOGY=haproxy (npm run test:e2e:haproxy), after the login and cases
// specs went through haproxy: both servers answered requests, and a session opened through haproxy
// is valid on each server on its own (sessions live in the shared PostgreSQL database).
import { requestsPerServer } from "./topology";
import { DEMO_PASSWORD, demoUsers, expect, loginAs, test } from "./fixtures";

test("behind haproxy both servers answer requests and share the sessions", async ({ page, request, baseURL }) => {
  const statsURL = process.env.KUANYAN_E2E_HAPROXY_STATS!;
  const servers = process.env.KUANYAN_E2E_SERVERS!.split(",");
  expect(servers).toHaveLength(2);

  // A browser session through haproxy: each page load and API call goes to either server.
  await loginAs(page, demoUsers.officer);
  for (const item of ["案件办理", "工作台", "案件办理"]) {
    await page.goto(item === "工作台" ? "/" : "/cases");
    await expect(page.getByRole("heading", { name: item }).first()).toBeVisible();
  }

  const res = await request.post(`${baseURL}/api/v1/auth/login`, { data: { username: demoUsers.orgAdmin, password: DEMO_PASSWORD } });
  expect(res.status()).toBe(200);
  const cookie = res.headers()["set-cookie"].split(";")[0];
  for (const server of servers) {
    const me = await request.get(`${server}/api/v1/auth/me`, { headers: { cookie } });
    expect(me.status(), server).toBe(200);
    expect((await me.json()).user.username).toBe(demoUsers.orgAdmin);
  }

  const counts = await requestsPerServer(statsURL);
  console.log(`requests answered per server (haproxy stot): ${JSON.stringify(counts)}`);
  expect(Object.keys(counts)).toHaveLength(2);
  for (const [name, n] of Object.entries(counts)) expect(n, `requests answered by ${name}`).toBeGreaterThan(10);
});
