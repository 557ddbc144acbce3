import { afterEach, beforeEach, describe, expect, it } from "vitest";
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

describe("access: who reads and writes which organisation's records", () => {
  it("an unauthenticated request gets 401 with a Chinese message", async () => {
    const res = await t.get("/api/v1/organisations");
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ code: "unauthenticated", message: "请先登录" });
  });

  it("a county 执法人员 sees only their own organisation, not another county's", async () => {
    const s = await t.login("demo-officer");
    const res = await t.get("/api/v1/organisations", s);
    expect(res.statusCode).toBe(200);
    const names = res.json().items.map((o: { name: string }) => o.name);
    expect(names).toContain("明溪县应急管理局");
    expect(names).not.toContain("晋江市应急管理局");
    expect(names).not.toContain("三明市应急管理局");
  });

  it("a county 执法人员 cannot read another county's users or audit, nor change its organisation", async () => {
    const s = await t.login("demo-officer");
    const jj = await orgId("晋江市应急管理局");
    const users = await t.get(`/api/v1/users?organisationId=${jj}`, s);
    expect(users.statusCode).toBe(403);
    expect(users.json().message).toMatch(/无权/);
    const audit = await t.get("/api/v1/audit", s);
    expect(audit.statusCode).toBe(403);
    const change = await t.patch(`/api/v1/organisations/${jj}`, { contactPerson: "某人", version: 1 }, s);
    expect(change.statusCode).toBe(403);
    expect(change.json().code).toBe("forbidden");
  });

  it("a wrong role gets 403: an officer may not create users", async () => {
    const s = await t.login("demo-officer");
    const res = await t.post(
      "/api/v1/users",
      {
        username: "newbie",
        displayName: "新人",
        password: "Abcdef123",
        roles: ["officer"],
        organisationId: await orgId("明溪县应急管理局"),
        licenceNo: "35042120269996",
      },
      s,
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toMatch(/无权/);
  });

  it("a city department reads its county counterpart", async () => {
    const s = await t.login("demo-listmanager"); // 三明市应急管理局
    const names = (await t.get("/api/v1/organisations", s)).json().items.map((o: { name: string }) => o.name);
    expect(names).toEqual(expect.arrayContaining(["三明市应急管理局", "明溪县应急管理局"]));
    expect(names).not.toContain("明溪县市场监督管理局");
  });

  it("a 司法局 supervisor reads every department of the county but cannot change them", async () => {
    const s = await t.login("demo-justice"); // 明溪县司法局
    const names = (await t.get("/api/v1/organisations", s)).json().items.map((o: { name: string }) => o.name);
    expect(names).toEqual(expect.arrayContaining(["明溪县应急管理局", "明溪县市场监督管理局", "明溪县雪峰镇人民政府"]));
    expect(names).not.toContain("晋江市应急管理局");
    const mx = await orgId("明溪县应急管理局");
    expect((await t.get(`/api/v1/users?organisationId=${mx}`, s)).statusCode).toBe(200);
    const before = await t.count("audit_events");
    const change = await t.patch(`/api/v1/organisations/${mx}`, { contactPerson: "某人", version: 1 }, s);
    expect(change.statusCode).toBe(403);
    expect(await t.count("audit_events")).toBe(before);
  });

  it("a 单位管理员 creates a user in their organisation, and the write leaves an audit event", async () => {
    const s = await t.login("demo-orgadmin");
    const mx = await orgId("明溪县应急管理局");
    const audits = await t.count("audit_events");
    const res = await t.post(
      "/api/v1/users",
      {
        username: "mx-officer-3",
        displayName: "新执法员",
        password: "Abcdef123",
        roles: ["officer"],
        organisationId: mx,
        licenceNo: "35042120260099",
        phone: "13812345678",
      },
      s,
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().phone).toBe("138****5678");
    expect(await t.count("audit_events")).toBe(audits + 1);
    const [ev] = await t.database.query<{ action: string; entity_id: string }>("SELECT action, entity_id FROM audit_events ORDER BY id DESC LIMIT 1");
    expect(ev).toEqual({ action: "user.created", entity_id: res.json().id });
  });

  it("the audit is append-only: the database refuses to update or delete audit rows", async () => {
    await expect(t.database.exec("UPDATE audit_events SET action = 'x'")).rejects.toThrow(/append-only/);
    await expect(t.database.exec("DELETE FROM audit_events")).rejects.toThrow(/append-only/);
  });
});
