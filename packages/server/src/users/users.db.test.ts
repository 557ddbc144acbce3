// 用户管理 and the session through the HTTP API (the contract's schemas on the routes): the 执法证号
// format, the session's permissions from the permission table, the new user in the list, and the
// audit log in Chinese with names.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ZAuditList } from "@kuanyan/contract/audit";
import { ZSession } from "@kuanyan/contract/auth";
import { ZUser, ZUserList } from "@kuanyan/contract/users";
import { adminActions } from "@kuanyan/domain/organisations";
import { testApp, type TestApp } from "../testing/app";

let t: TestApp;
beforeEach(async () => {
  t = await testApp();
});
afterEach(async () => {
  await t?.close();
});

async function orgId(name: string): Promise<string> {
  const rows = await t.database.query<{ id: string }>("SELECT id FROM organisations WHERE name = $1", [name]);
  return rows[0].id;
}

const newOfficer = (organisationId: string, licenceNo: string) => ({
  username: "mx-new-officer",
  displayName: "新执法员",
  password: "Abcdef123x",
  roles: ["officer"],
  organisationId,
  licenceNo,
});

describe("新建用户：执法证号的格式", () => {
  it("新建用户时执法证号“ABC”被拒绝（400，中文说明格式），用户没有建立", async () => {
    const s = await t.login("demo-orgadmin");
    const before = await t.count("users");
    const res = await t.post("/api/v1/users", newOfficer(await orgId("明溪县应急管理局"), "ABC"), s);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe("validation_failed");
    expect(JSON.stringify(body)).toContain("8–20 位数字");
    expect(body.fields.map((f: { field: string }) => f.field)).toContain("licenceNo");
    expect(await t.count("users")).toBe(before);
  });

  it("修改用户时执法证号“L-1”同样被拒绝，原执法证号不变", async () => {
    const s = await t.login("demo-orgadmin");
    const [officer] = await t.database.query<{ id: string; version: number }>("SELECT id, version FROM users WHERE username = 'demo-officer2'");
    const res = await t.patch(`/api/v1/users/${officer.id}`, { licenceNo: "L-1", version: officer.version }, s);
    expect(res.statusCode).toBe(400);
    const [after] = await t.database.query<{ licence_no: string }>("SELECT licence_no FROM users WHERE id = $1", [officer.id]);
    expect(after.licence_no).toBe("35042120260002");
  });

  it("带省份简称的执法证号“闽35042120260099”被接受，去掉空格后保存", async () => {
    const s = await t.login("demo-orgadmin");
    const res = await t.post("/api/v1/users", newOfficer(await orgId("明溪县应急管理局"), " 闽 3504 2120 2600 99 "), s);
    expect(res.statusCode).toBe(201);
    const user = ZUser.parse(res.json());
    expect(user.licenceNo).toBe("闽35042120260099");
  });
});

describe("新建的用户保存后在用户列表中可见", () => {
  it("单位管理员新建的执法人员出现在本单位的用户列表中（手机号已打码）", async () => {
    const s = await t.login("demo-orgadmin");
    const mx = await orgId("明溪县应急管理局");
    const created = await t.post("/api/v1/users", { ...newOfficer(mx, "35042120260099"), phone: "13812345678" }, s);
    expect(created.statusCode).toBe(201);
    const list = ZUserList.parse((await t.get(`/api/v1/users?organisationId=${mx}`, s)).json());
    const row = list.items.find((u) => u.username === "mx-new-officer");
    expect(row).toMatchObject({ displayName: "新执法员", organisationName: "明溪县应急管理局", roles: ["officer"], licenceNo: "35042120260099" });
    expect(row?.phone).toBe("138****5678");
  });
});

describe("会话带有服务器按权限表计算的权限", () => {
  it("单位管理员的会话可报送统计报表、管理用户；执法人员不能，也不能进入系统管理", async () => {
    const admin = ZSession.parse((await t.get("/api/v1/auth/me", await t.login("demo-orgadmin"))).json());
    expect(admin.user.permissions).toEqual(expect.arrayContaining(["statistics.report.file", "user.create", "admin.view", "audit.read"]));
    expect(admin.user.permissions).not.toContain("audit.verify");

    const officer = ZSession.parse((await t.get("/api/v1/auth/me", await t.login("demo-officer"))).json());
    expect(officer.user.permissions).not.toContain("statistics.report.file");
    expect(officer.user.permissions).not.toContain("admin.view");
    expect(officer.user.permissions).not.toContain("user.create");
  });

  it("司法局监督人员和系统管理员看不到报送统计报表的权限；系统管理员可校验审计链", async () => {
    const justice = ZSession.parse((await t.get("/api/v1/auth/me", await t.login("demo-justice-city"))).json());
    expect(justice.user.permissions).not.toContain("statistics.report.file");
    expect(justice.user.permissions).toContain("admin.view");
    const sys = ZSession.parse((await t.get("/api/v1/auth/me", await t.login("demo-admin"))).json());
    expect(sys.user.permissions).not.toContain("statistics.report.file");
    expect(sys.user.permissions).toContain("audit.verify");
    for (const p of sys.user.permissions) expect(adminActions).toContain(p);
  });

  it("登录的回答与 /auth/me 一样带有权限", async () => {
    const res = await t.post("/api/v1/auth/login", { username: "demo-orgadmin", password: "Kuanyan@2026" });
    if (res.statusCode === 200) expect(ZSession.parse(res.json()).user.permissions).toContain("statistics.report.file");
    else throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  });
});

describe("审计日志显示中文名称和人名、对象名称，而不是代码和 UUID", () => {
  it("新建用户的审计记录：操作“新建用户”、对象类型“用户”、对象为“新执法员（mx-new-officer）”、操作人为管理员姓名", async () => {
    const s = await t.login("demo-orgadmin");
    const created = await t.post("/api/v1/users", newOfficer(await orgId("明溪县应急管理局"), "35042120260099"), s);
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const res = await t.get(`/api/v1/audit?entityType=user&entityId=${id}`, s);
    expect(res.statusCode).toBe(200);
    const { items } = ZAuditList.parse(res.json());
    const event = items.find((e) => e.action === "user.created");
    expect(event).toMatchObject({
      actionLabel: "新建用户",
      entityTypeLabel: "用户",
      entityName: "新执法员（mx-new-officer）",
      actorName: "周强（单位管理员）",
      organisationName: "明溪县应急管理局",
    });
  });

  it("每一条审计记录都有中文的操作名称和对象类型名称（不以代码显示）", async () => {
    const s = await t.login("demo-admin");
    const { items } = ZAuditList.parse((await t.get("/api/v1/audit?limit=500", s)).json());
    expect(items.length).toBeGreaterThan(0);
    const named = [
      "user",
      "organisation",
      "case",
      "list",
      "list_version",
      "list_claim",
      "document",
      "document_template",
      "statistics_report",
      "installation",
    ];
    for (const e of items) {
      expect(e.actionLabel, e.action).not.toBe(e.action);
      expect(e.entityTypeLabel, e.entityType).not.toBe(e.entityType);
      // The record is named, not shown by its UUID.
      if (named.includes(e.entityType)) expect(e.entityName, `${e.action} ${e.entityType} ${e.entityId}`).toBeTruthy();
    }
  });
});
