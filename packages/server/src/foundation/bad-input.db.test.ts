import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testApp, type TestApp, type Session } from "../testing/app";

let t: TestApp;
let admin: Session;
let mx: string;
beforeEach(async () => {
  t = await testApp();
  admin = await t.login("demo-orgadmin");
  mx = (await t.database.query<{ id: string }>("SELECT id FROM organisations WHERE name = '明溪县应急管理局'"))[0].id;
});
afterEach(async () => {
  await t?.close();
});

async function counts() {
  return { users: await t.count("users"), audit: await t.count("audit_events"), orgs: await t.count("organisations") };
}

describe("bad input gets a Chinese error naming the field, and changes nothing", () => {
  it("malformed JSON → 400 invalid_json", async () => {
    const before = await counts();
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/users",
      headers: { cookie: admin.cookie, "x-csrf-token": admin.csrf, "content-type": "application/json" },
      payload: '{"username": "x",',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ code: "invalid_json", message: "请求内容不是有效的 JSON" });
    expect(await counts()).toEqual(before);
  });

  it("missing fields → 400 naming each field in Chinese", async () => {
    const before = await counts();
    const res = await t.post("/api/v1/users", { username: "someone" }, admin);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe("validation_failed");
    const messages = body.fields.map((f: { message: string }) => f.message);
    expect(messages).toContain("姓名：必填");
    expect(messages).toContain("密码：必填");
    expect(messages).toContain("所属单位：必填");
    expect(await counts()).toEqual(before);
  });

  it("over-long strings → 400 naming the field", async () => {
    const before = await counts();
    const res = await t.post(
      "/api/v1/users",
      { username: "longname", displayName: "长".repeat(31), password: "Abcdef123", roles: ["orgAdmin"], organisationId: mx },
      admin,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].message).toMatch(/^姓名：/);
    expect(await counts()).toEqual(before);
  });

  it("wrong types → 400 naming the field", async () => {
    const before = await counts();
    const res = await t.post(
      "/api/v1/users",
      { username: "typed", displayName: 42, password: "Abcdef123", roles: "officer", organisationId: mx },
      admin,
    );
    expect(res.statusCode).toBe(400);
    const messages = res
      .json()
      .fields.map((f: { message: string }) => f.message)
      .join("\n");
    expect(messages).toMatch(/姓名：/);
    expect(messages).toMatch(/角色：/);
    expect(await counts()).toEqual(before);
  });

  it("an invalid 统一社会信用代码 is refused with the reason", async () => {
    const before = await counts();
    const res = await t.patch(`/api/v1/organisations/${mx}`, { creditCode: "91350421MA2XXXXXX0", version: 1 }, admin);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/统一社会信用代码/);
    expect(await counts()).toEqual(before);
  });

  it("a stale version is refused (409) instead of overwriting another person's change", async () => {
    const first = await t.patch(`/api/v1/organisations/${mx}`, { contactPerson: "甲", version: 1 }, admin);
    expect(first.statusCode).toBe(200);
    const second = await t.patch(`/api/v1/organisations/${mx}`, { contactPerson: "乙", version: 1 }, admin);
    expect(second.statusCode).toBe(409);
    expect(second.json().message).toMatch(/已被他人修改/);
    const [row] = await t.database.query<{ contact_person: string }>("SELECT contact_person FROM organisations WHERE id = $1", [mx]);
    expect(row.contact_person).toBe("甲");
  });
});
