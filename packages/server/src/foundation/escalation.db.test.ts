// The escalation paths of issue 15, each as its own test: a 单位管理员 must not climb out of his
// organisation's subtree and region, nor grant what only those above him grant; the official
// statistics report is filed by the 单位管理员 only. Every refusal is a 403 with a Chinese message
// and changes nothing (no row, no audit event).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, type Session, type TestApp } from "../testing/app";

let t: TestApp;
const thisYear = new Date().getFullYear();
let admin: Session;
const ids: Record<string, string> = {};

async function orgId(name: string): Promise<string> {
  const rows = await t.database.query<{ id: string }>("SELECT id FROM organisations WHERE name = $1", [name]);
  return rows[0].id;
}
async function org(id: string) {
  const [row] = await t.database.query<{ region_code: string; parent_id: string | null; version: number }>(
    "SELECT region_code, parent_id, version FROM organisations WHERE id = $1",
    [id],
  );
  return row;
}

/** Runs the call and asserts a 403 with a Chinese message and no new audit event. */
async function refused(call: () => Promise<{ statusCode: number; body: string; json(): { code: string; message: string } }>, message?: RegExp) {
  const before = await t.count("audit_events");
  const res = await call();
  expect(res.statusCode, res.body).toBe(403);
  expect(res.json().code).toBe("forbidden");
  expect(res.json().message).toMatch(/[\u4e00-\u9fff]/);
  if (message) expect(res.json().message).toMatch(message);
  expect(await t.count("audit_events")).toBe(before);
}

const child = (name: string, parentId: string, regionCode = "350421") => ({
  name,
  shortName: name.slice(0, 4),
  regionCode,
  domain: "应急管理",
  kind: "agency",
  parentId,
});

beforeAll(async () => {
  t = await testApp();
  admin = await t.login("demo-orgadmin"); // 明溪县应急管理局 (350421), below 三明市应急管理局
  ids.mx = await orgId("明溪县应急管理局");
  ids.jj = await orgId("晋江市应急管理局");
  ids.sm = await orgId("三明市应急管理局");
  const [me] = await t.database.query<{ id: string; version: number }>("SELECT id, version FROM users WHERE username = 'demo-orgadmin'");
  ids.me = me.id;
});
afterAll(async () => {
  await t?.close();
});

describe("越权：单位管理员不能越出本单位及下级单位、本行政区划", () => {
  it("单位管理员不能新建行政区划为 330900（外省）的下级单位", async () => {
    const n = await t.count("organisations");
    await refused(() => t.post("/api/v1/organisations", child("明溪县外省测试局", ids.mx, "330900"), admin), /行政区划超出/);
    expect(await t.count("organisations")).toBe(n);
  });

  it("单位管理员可以新建本区划内的下级单位，但不能在那里新建司法局监督人员", async () => {
    const res = await t.post("/api/v1/organisations", child("明溪县应急测试分局", ids.mx), admin);
    expect(res.statusCode, res.body).toBe(201);
    ids.childA = res.json().id;
    const n = await t.count("users");
    await refused(
      () =>
        t.post(
          "/api/v1/users",
          { username: "mx-fake-justice", displayName: "假监督", password: "Abcdef123x", roles: ["justiceSupervisor"], organisationId: ids.childA },
          admin,
        ),
      /司法局监督人员/,
    );
    await refused(
      () =>
        t.post(
          "/api/v1/users",
          { username: "mx-fake-sys", displayName: "假管理", password: "Abcdef123x", roles: ["sysAdmin"], organisationId: ids.childA },
          admin,
        ),
      /系统管理员/,
    );
    expect(await t.count("users")).toBe(n);
  });

  it("单位管理员不能授予自己司法局监督人员角色", async () => {
    const [me] = await t.database.query<{ version: number }>("SELECT version FROM users WHERE id = $1", [ids.me]);
    await refused(() => t.patch(`/api/v1/users/${ids.me}`, { roles: ["orgAdmin", "justiceSupervisor"], version: me.version }, admin));
    const [after] = await t.database.query<{ roles: string[] }>("SELECT roles FROM users WHERE id = $1", [ids.me]);
    expect(after.roles).toEqual(["orgAdmin"]);
  });

  it("单位管理员不能把本单位的行政区划改为全省（350000）", async () => {
    const before = await org(ids.mx);
    await refused(() => t.patch(`/api/v1/organisations/${ids.mx}`, { regionCode: "350000", version: before.version }, admin), /行政区划超出/);
    expect(await org(ids.mx)).toEqual(before);
  });

  it("单位管理员不能把本单位的上级单位改为另一个县的单位", async () => {
    const before = await org(ids.mx);
    await refused(() => t.patch(`/api/v1/organisations/${ids.mx}`, { parentId: ids.jj, version: before.version }, admin));
    expect(await org(ids.mx)).toEqual(before);
  });

  it("单位管理员不能把下级单位移到本单位子树以外", async () => {
    const before = await org(ids.childA);
    await refused(() => t.patch(`/api/v1/organisations/${ids.childA}`, { parentId: ids.jj, version: before.version }, admin), /上级单位必须/);
    expect(await org(ids.childA)).toEqual(before);
  });

  it("组织机构不能形成循环：下级单位不能移到自己的下级之下", async () => {
    const res = await t.post("/api/v1/organisations", child("明溪县应急测试分局二所", ids.childA), admin);
    expect(res.statusCode, res.body).toBe(201);
    const grandchild = res.json().id;
    const before = await org(ids.childA);
    await refused(() => t.patch(`/api/v1/organisations/${ids.childA}`, { parentId: grandchild, version: before.version }, admin), /循环/);
    await refused(() => t.patch(`/api/v1/organisations/${ids.childA}`, { parentId: ids.childA, version: before.version }, admin), /循环/);
    expect(await org(ids.childA)).toEqual(before);
  });

  it("系统管理员也不能造成循环：市局不能移到县局之下", async () => {
    const sys = await t.login("demo-admin");
    const before = await org(ids.sm);
    await refused(() => t.patch(`/api/v1/organisations/${ids.sm}`, { parentId: ids.mx, version: before.version }, sys), /循环/);
    expect(await org(ids.sm)).toEqual(before);
  });

  it("可授予的角色由服务器给出：单位管理员不含司法局监督人员和系统管理员", async () => {
    const res = await t.get(`/api/v1/users/grantable-roles?organisationId=${ids.mx}`, admin);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((r: { role: string }) => r.role)).toEqual(["officer", "legalReviewer", "listManager", "orgAdmin"]);
    expect((await t.get(`/api/v1/users/grantable-roles?organisationId=${ids.jj}`, admin)).json().items).toEqual([]);
  });
});

describe("统计报表的报送：只有单位管理员", () => {
  for (const [username, label] of [
    ["demo-officer", "执法人员"],
    ["demo-reviewer", "法制审核人员"],
    ["demo-listmanager", "清单管理员"],
  ] as const) {
    it(`${label}不能报送或更正本单位的统计报表`, async () => {
      const s = await t.login(username);
      const n = await t.count("statistics_reports");
      await refused(() => t.post("/api/v1/statistics/reports", { kind: "annual", year: thisYear }, s), /报送/);
      await refused(() => t.post("/api/v1/statistics/reports/corrections", { kind: "annual", year: thisYear, reason: "更正测试原因" }, s), /报送/);
      expect(await t.count("statistics_reports")).toBe(n);
    });
  }

  it("单位管理员报送本单位的统计报表", async () => {
    const res = await t.post("/api/v1/statistics/reports", { kind: "annual", year: thisYear }, admin);
    expect(res.statusCode, res.body).toBe(201);
  });
});
