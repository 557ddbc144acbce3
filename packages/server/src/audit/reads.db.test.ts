import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditActionLabels } from "@kuanyan/domain/audit";
import { buildApp, type App } from "../http/app";
import { ConfigError, loadConfig, parseTrustProxy } from "../config";
import { freshDatabase, testConfig, testDbKind } from "../testing/db";
import { testApp, type Session, type TestApp } from "../testing/app";
import type { Database } from "../db/client";
import { sampleSealPng } from "../documents/render/sample-images";

interface Row {
  action: string;
  actor_name: string | null;
  entity_type: string;
  entity_id: string;
  ip: string | null;
  after: unknown;
  organisation_id: string | null;
}

async function eventsSince(database: Database, seq: number): Promise<Row[]> {
  return database.query<Row>(
    "SELECT action, actor_name, entity_type, entity_id, ip, after, organisation_id FROM audit_events WHERE seq > $1 ORDER BY seq",
    [seq],
  );
}

async function head(database: Database): Promise<number> {
  const [r] = await database.query<{ n: string }>("SELECT coalesce(max(seq), 0)::text AS n FROM audit_events");
  return Number(r.n);
}

describe(`查阅个人信息留有审计记录（${testDbKind}）`, () => {
  let t: TestApp;
  let officer: Session;
  let caseId: string;
  let caseOrg: string;
  beforeAll(async () => {
    t = await testApp();
    officer = await t.login("demo-officer");
    const list = (await t.get("/api/v1/cases?limit=50", officer)).json();
    const c = list.items.find((x: { status: string }) => x.status === "in_progress" || x.status === "decided") ?? list.items[0];
    caseId = c.id;
    caseOrg = c.organisationId;
  }, 600_000);
  afterAll(async () => {
    await t?.close();
  });

  it("查看案件详情记下 case.viewed：操作人、IP、案件 id，不含个人信息，也不进入案件时间线", async () => {
    const from = await head(t.database);
    const res = await t.get(`/api/v1/cases/${caseId}`, officer);
    expect(res.statusCode).toBe(200);
    const ev = await eventsSince(t.database, from);
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({
      action: "case.viewed",
      entity_type: "case",
      entity_id: caseId,
      actor_name: "李明（执法人员）",
      ip: "127.0.0.1",
      organisation_id: caseOrg,
    });
    // Only ids: no party name, phone or ID number in the event.
    expect(JSON.stringify(ev[0].after)).toBe(JSON.stringify({ params: { id: caseId } }));
    const again = await t.get(`/api/v1/cases/${caseId}`, officer);
    expect(again.json().timeline.map((x: { action: string }) => x.action)).not.toContain("case.viewed");
  });

  it("读不到的案件不留查看记录（404 不记）", async () => {
    const from = await head(t.database);
    const res = await t.get("/api/v1/cases/00000000-0000-4000-8000-000000000000", officer);
    expect(res.statusCode).toBe(404);
    expect(await eventsSince(t.database, from)).toEqual([]);
  });

  it("下载证据、案卷 PDF、文书，导出清单，查看用户列表，各留一条记录", async () => {
    // Evidence (uploaded here: the demo cases have none).
    let f = (await t.get(`/api/v1/cases/${caseId}`, officer)).json();
    // A whole PNG: evidence is walked by its content (a bare signature and header are refused).
    const png = sampleSealPng(8);
    const up = await t.post(
      `/api/v1/cases/${caseId}/evidence`,
      { fileName: "现场照片.png", contentBase64: png.toString("base64"), lockVersion: f.case.lockVersion },
      officer,
    );
    expect(up.statusCode, up.body).toBe(200);
    f = up.json();
    const evidenceId = f.evidence[0].id as string;

    let from = await head(t.database);
    expect((await t.get(`/api/v1/cases/${caseId}/evidence/${evidenceId}`, officer)).statusCode).toBe(200);
    expect(await eventsSince(t.database, from)).toMatchObject([
      { action: "evidence.downloaded", entity_type: "evidence", entity_id: evidenceId, organisation_id: caseOrg },
    ]);

    from = await head(t.database);
    expect((await t.get(`/api/v1/documents/archive/${caseId}`, officer)).statusCode).toBe(200);
    expect(await eventsSince(t.database, from)).toMatchObject([{ action: "archive.downloaded", entity_type: "case", entity_id: caseId }]);

    const docs = (await t.get("/api/v1/documents", officer)).json().items as { id: string }[];
    expect(docs.length).toBeGreaterThan(0);
    from = await head(t.database);
    expect((await t.get(`/api/v1/documents/${docs[0].id}/pdf`, officer)).statusCode).toBe(200);
    expect(await eventsSince(t.database, from)).toMatchObject([{ action: "document.downloaded", entity_type: "document", entity_id: docs[0].id }]);

    const manager = await t.login("demo-listmanager-mx");
    const lists = (await t.get("/api/v1/lists", manager)).json();
    const listId = lists.claimed[0].listId as string;
    from = await head(t.database);
    expect((await t.get(`/api/v1/lists/${listId}/versions/1/export?format=xlsx`, manager)).statusCode).toBe(200);
    expect(await eventsSince(t.database, from)).toMatchObject([{ action: "export.downloaded", entity_type: "list", entity_id: listId }]);

    const admin = await t.login("demo-orgadmin");
    from = await head(t.database);
    expect((await t.get("/api/v1/users", admin)).statusCode).toBe(200);
    expect(await eventsSince(t.database, from)).toMatchObject([{ action: "users.listed", entity_id: "*" }]);
  });

  it("数据库里出现的每一种审计事件都有中文名称", async () => {
    const actions = (await t.database.query<{ action: string }>("SELECT DISTINCT action FROM audit_events")).map((r) => r.action);
    expect(actions.length).toBeGreaterThan(5);
    expect(actions.filter((a) => !auditActionLabels[a])).toEqual([]);
  });

  it("审计页显示中文事件名称和对象名称（案件编号、用户姓名），而不是 id", async () => {
    const admin = await t.login("demo-orgadmin");
    const res = await t.get(`/api/v1/audit?entityType=case&entityId=${caseId}`, admin);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as {
      action: string;
      actionLabel: string;
      entityName: string;
      entityTypeLabel: string;
      actorName: string;
      organisationName: string;
    }[];
    const viewed = items.find((i) => i.action === "case.viewed")!;
    expect(viewed).toMatchObject({
      actionLabel: "查看案件详情",
      entityTypeLabel: "案件",
      actorName: "李明（执法人员）",
      organisationName: "明溪县应急管理局",
    });
    expect(viewed.entityName).toMatch(/〔\d{4}〕\d+号$/);
  });

  it("校验接口只给系统管理员，报告审计链完整", async () => {
    const orgAdmin = await t.login("demo-orgadmin");
    expect((await t.get("/api/v1/audit/verify", orgAdmin)).statusCode).toBe(403);
    const sys = await t.login("demo-admin");
    const res = await t.get("/api/v1/audit/verify", sys);
    expect(res.statusCode).toBe(200);
    expect(res.json(), res.body).toMatchObject({ ok: true });
    expect(res.json().message).toMatch(/^审计链完整：共 \d+ 条$/);
  });
});

describe(`可信代理（${testDbKind}）`, () => {
  const apps: { app: App; database: Database }[] = [];
  afterAll(async () => {
    for (const a of apps) {
      await a.app.close();
      await a.database.close();
    }
  });

  async function appWith(trust: string, exportDir?: string) {
    const database = await freshDatabase();
    const config = testConfig({ trustProxy: parseTrustProxy(trust)!, ...(exportDir ? { auditExportDir: exportDir } : {}) });
    const app = await buildApp({ database, config, now: () => new Date() });
    apps.push({ app, database });
    return { app, database };
  }

  async function loginFrom(app: App, remoteAddress: string, headers: Record<string, string>) {
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "demo-officer", password: "Kuanyan@2026" },
      remoteAddress,
      headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res;
  }

  async function lastLoginIp(database: Database): Promise<string | null> {
    const [r] = await database.query<{ ip: string | null }>("SELECT ip FROM audit_events WHERE action = 'auth.login' ORDER BY seq DESC LIMIT 1");
    return r.ip;
  }

  it("默认不信任任何代理：X-Forwarded-For / X-Forwarded-Proto 被忽略，记下的是对端地址", async () => {
    const { app, database } = await appWith("");
    const res = await loginFrom(app, "198.51.100.7", { "x-forwarded-for": "203.0.113.9", "x-forwarded-proto": "https" });
    expect(await lastLoginIp(database)).toBe("198.51.100.7");
    expect(res.headers["set-cookie"]).not.toMatch(/Secure/i);
  });

  it("配置的代理转发的 X-Forwarded-For 被采用；其他对端发来的仍被忽略", async () => {
    const { app, database } = await appWith("10.0.0.1,192.168.5.0/24");
    const viaProxy = await loginFrom(app, "10.0.0.1", { "x-forwarded-for": "203.0.113.9", "x-forwarded-proto": "https" });
    expect(await lastLoginIp(database)).toBe("203.0.113.9");
    expect(viaProxy.headers["set-cookie"]).toMatch(/Secure/i);
    await loginFrom(app, "192.168.5.20", { "x-forwarded-for": "203.0.113.10" });
    expect(await lastLoginIp(database)).toBe("203.0.113.10");
    const direct = await loginFrom(app, "10.0.0.2", { "x-forwarded-for": "203.0.113.11", "x-forwarded-proto": "https" });
    expect(await lastLoginIp(database)).toBe("10.0.0.2");
    expect(direct.headers["set-cookie"]).not.toMatch(/Secure/i);
  });

  it("KUANYAN_TRUST_PROXY 在启动时校验", () => {
    expect(parseTrustProxy("")).toBe(false);
    expect(parseTrustProxy("loopback")).toEqual(["loopback"]);
    expect(parseTrustProxy("10.0.0.1, 10.1.0.0/16,::1")).toEqual(["10.0.0.1", "10.1.0.0/16", "::1"]);
    expect(typeof parseTrustProxy("2")).toBe("function");
    for (const bad of ["true", "*", "10.0.0.300", "10.0.0.0/33", "0", "abc"]) expect(parseTrustProxy(bad), bad).toBeUndefined();
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(() => loadConfig({ KUANYAN_TRUST_PROXY: "*" })).toThrow(ConfigError);
    expect(() => loadConfig({ KUANYAN_TRUST_PROXY: "*" })).toThrow(/KUANYAN_TRUST_PROXY：应为空（不信任任何代理）/);
  });

  it("管理页的检查点：导出后可列出、可下载；校验对照导出目录中的检查点", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kuanyan-audit-page-"));
    try {
      const { app, database } = await appWith("", dir);
      const login = await loginFrom(app, "127.0.0.1", {});
      const sys = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username: "demo-admin", password: "Kuanyan@2026" } });
      const cookie = sys.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
      const headers = { cookie, "x-csrf-token": sys.json().csrfToken };
      expect(login.statusCode).toBe(200);
      const made = await app.inject({ method: "POST", url: "/api/v1/audit/checkpoints", headers });
      expect(made.statusCode, made.body).toBe(201);
      const seq = made.json().checkpoint.seq as number;
      const listed = await app.inject({ method: "GET", url: "/api/v1/audit/checkpoints", headers });
      expect(listed.json().items[0]).toMatchObject({ seq });
      const file = await app.inject({ method: "GET", url: "/api/v1/audit/checkpoints.jsonl", headers });
      expect(file.headers["content-disposition"]).toContain("attachment");
      expect(JSON.parse(file.body.trim().split("\n").at(-1)!)).toMatchObject({ seq });
      // Erase the tail after the checkpoint was exported: the page reports it.
      await database.exec(
        `ALTER TABLE audit_events DISABLE TRIGGER USER; DELETE FROM audit_events WHERE seq >= ${seq - 1};
         UPDATE audit_chain_head SET seq = ${seq - 2}, hash = (SELECT hash FROM audit_events WHERE seq = ${seq - 2});
         ALTER TABLE audit_events ENABLE TRIGGER USER;`,
      );
      const v = await app.inject({ method: "GET", url: "/api/v1/audit/verify", headers });
      expect(v.json()).toMatchObject({ ok: false, broken: { seq: seq - 1 } });
      expect(v.json().message).toContain(`第 ${seq - 1} 条`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
