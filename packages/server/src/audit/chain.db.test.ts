import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { openPglite, openPostgres, type Database } from "../db/client";
import { migrate } from "../db/migrate";
import { prepareDatabase } from "../bootstrap";
import { freshDatabase, freshPostgresUrl, testDbKind } from "../testing/db";
import { testApp, type TestApp } from "../testing/app";
import { runCli } from "../testing/process";
import { chainPendingEvents, verifyChain } from "./chain";
import { checkpointFile, exportDueCheckpoints, readCheckpoints, writeCheckpoint } from "./checkpoints";
import { recordAudit } from "./record";

// Builds (or finds) the template database first: on a cold cache that takes longer than one test may.
beforeAll(async () => {
  await (await freshDatabase()).close();
}, 600_000);

let t: TestApp | null = null;
const dirs: string[] = [];
afterEach(async () => {
  await t?.close();
  t = null;
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tmpDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "kuanyan-audit-"));
  dirs.push(d);
  return d;
}

/** Demo data plus a few writes through the API (logins, a new user). */
async function appWithWrites(): Promise<TestApp> {
  const app = await testApp();
  const admin = await app.login("demo-orgadmin");
  await app.login("demo-officer");
  const orgs = (await app.get("/api/v1/organisations", admin)).json().items as { id: string; name: string }[];
  const res = await app.post(
    "/api/v1/users",
    {
      username: `audit-chain-${Date.now()}`,
      displayName: "链测试",
      password: "Chain!Test-2026x",
      organisationId: orgs[0].id,
      roles: ["officer"],
      licenceNo: "35042120269997",
    },
    admin,
  );
  expect(res.statusCode, res.body).toBe(201);
  return app;
}

async function seqs(database: Database): Promise<number[]> {
  return (await database.query<{ seq: string }>("SELECT seq::text AS seq FROM audit_events ORDER BY audit_events.seq")).map((r) => Number(r.seq));
}

async function maxSeq(database: Database): Promise<number> {
  const [r] = await database.query<{ n: string }>("SELECT coalesce(max(seq), 0)::text AS n FROM audit_events");
  return Number(r.n);
}

describe(`审计哈希链（${testDbKind}）`, () => {
  it("演示数据与若干写入之后审计链完整，编号连续无缺", async () => {
    t = await appWithWrites();
    const all = await seqs(t.database);
    expect(all.length).toBeGreaterThan(10);
    expect(all).toEqual(all.map((_, i) => i + 1));
    const r = await verifyChain(t.database.db);
    expect(r).toMatchObject({ ok: true, count: all.length, headSeq: all.length });
  });

  it("审计记录仍不能直接修改、删除或清空", async () => {
    t = await testApp();
    await expect(t.database.exec("UPDATE audit_events SET actor_name = 'x' WHERE seq = 1")).rejects.toThrow(/append-only/);
    await expect(t.database.exec("DELETE FROM audit_events WHERE seq = 1")).rejects.toThrow(/append-only/);
    await expect(t.database.exec("TRUNCATE audit_events")).rejects.toThrow(/append-only/);
    await expect(
      t.database.exec("INSERT INTO audit_events (region_code, action, entity_type, entity_id) VALUES ('350421', 'x', 'case', 'y')"),
    ).rejects.toThrow(/chained/);
  });

  it("数据库所有者在 session_replication_role=replica 下改写一条记录（伪造操作人），校验指出该条", async () => {
    t = await appWithWrites();
    const target = Math.floor((await maxSeq(t.database)) / 2);
    await t.database.exec(
      `SET session_replication_role = replica; UPDATE audit_events SET actor_name = '伪造的人' WHERE seq = ${target}; SET session_replication_role = origin;`,
    );
    const r = await verifyChain(t.database.db);
    expect(r.ok).toBe(false);
    expect(r.broken!.seq).toBe(target);
    expect(r.broken!.problem).toContain("被修改");
    expect(r.count).toBe(target - 1);
  });

  it("停用触发器后删除一条记录，校验指出缺失的那一条", async () => {
    t = await appWithWrites();
    const target = (await maxSeq(t.database)) - 5;
    await t.database.exec(
      `ALTER TABLE audit_events DISABLE TRIGGER USER; DELETE FROM audit_events WHERE seq = ${target}; ALTER TABLE audit_events ENABLE TRIGGER USER;`,
    );
    const r = await verifyChain(t.database.db);
    expect(r.broken).toMatchObject({ seq: target });
    expect(r.broken!.problem).toContain("缺失");
  });

  it("清空审计表（TRUNCATE，连同链头）后，对照导出的检查点发现第 1 条起缺失", async () => {
    t = await appWithWrites();
    const dir = tmpDir();
    await exportDueCheckpoints(t.database.db, dir, 10);
    await writeCheckpoint(t.database.db, dir);
    const cps = readCheckpoints(checkpointFile(dir));
    expect(cps.length).toBeGreaterThan(1);
    await t.database.exec(
      "SET session_replication_role = replica; TRUNCATE audit_events; UPDATE audit_chain_head SET seq = 0, hash = repeat('0', 64); SET session_replication_role = origin;",
    );
    // Without the checkpoints an empty table with a reset head looks like a new installation…
    expect((await verifyChain(t.database.db)).ok).toBe(true);
    // …the exported checkpoints say otherwise.
    const r = await verifyChain(t.database.db, cps);
    expect(r.broken).toMatchObject({ seq: 1 });
    expect(r.broken!.problem).toContain("全部缺失");
  });

  it("删除末尾若干条（并回拨链头）后，对照检查点指出第一条缺失的编号", async () => {
    t = await appWithWrites();
    const dir = tmpDir();
    await writeCheckpoint(t.database.db, dir);
    const last = await maxSeq(t.database);
    const cut = last - 3;
    await t.database.exec(
      `ALTER TABLE audit_events DISABLE TRIGGER USER; DELETE FROM audit_events WHERE seq >= ${cut};
       UPDATE audit_chain_head SET seq = s.seq, hash = s.hash FROM (SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1) s;
       ALTER TABLE audit_events ENABLE TRIGGER USER;`,
    );
    expect((await verifyChain(t.database.db)).ok).toBe(true);
    const r = await verifyChain(t.database.db, readCheckpoints(checkpointFile(dir)));
    expect(r.broken).toMatchObject({ seq: cut });
    expect(r.broken!.problem).toContain(`第 ${cut} 条起`);
    // Without rewinding the head, the head alone shows it.
    await t.database.exec(`UPDATE audit_chain_head SET seq = ${last}`);
    expect((await verifyChain(t.database.db)).broken).toMatchObject({ seq: cut });
  });

  it("重算整条链来掩盖改写时，数据库自身一致，但与导出的检查点不符", async () => {
    t = await appWithWrites();
    const dir = tmpDir();
    await writeCheckpoint(t.database.db, dir);
    const target = 3;
    // The attacker rewrites event 3 and recomputes every later hash with the published algorithm.
    await t.database.exec(
      `SET session_replication_role = replica; UPDATE audit_events SET actor_name = '伪造的人', seq = -seq WHERE seq >= ${target}; SET session_replication_role = origin;`,
    );
    await t.database.exec(
      `SET session_replication_role = replica; UPDATE audit_events SET seq = NULL, hash = NULL, prev_hash = NULL WHERE seq < 0;
       UPDATE audit_chain_head SET seq = ${target - 1}, hash = (SELECT hash FROM audit_events WHERE seq = ${target - 1}); SET session_replication_role = origin;`,
    );
    await chainPendingEvents(t.database.db);
    expect((await verifyChain(t.database.db)).ok).toBe(true);
    const r = await verifyChain(t.database.db, readCheckpoints(checkpointFile(dir)));
    expect(r.ok).toBe(false);
    expect(r.broken!.problem).toContain("检查点不符");
  });

  it("20 个并发写入（两个连接池）之后审计链没有分叉", async () => {
    if (testDbKind === "postgres") {
      const { url, drop } = await freshPostgresUrl();
      const a = await openPostgres(url, { max: 10 });
      const b = await openPostgres(url, { max: 10 });
      try {
        await prepareDatabase(a);
        await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            (i % 2 ? a : b).db.transaction(async (tx) => {
              await recordAudit(tx, null, {
                action: "test.concurrent",
                entityType: "test",
                entityId: String(i),
                organisationId: null,
                regionCode: "350421",
              });
              await recordAudit(tx, null, {
                action: "test.concurrent",
                entityType: "test",
                entityId: `${i}b`,
                organisationId: null,
                regionCode: "350421",
              });
            }),
          ),
        );
        expect(await seqs(a)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
        expect(await verifyChain(a.db)).toMatchObject({ ok: true, count: 40 });
      } finally {
        await a.close();
        await b.close();
        await drop();
      }
    } else {
      t = await testApp();
      const before = await maxSeq(t.database);
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          t!.database.db.transaction(async (tx) => {
            await recordAudit(tx, null, {
              action: "test.concurrent",
              entityType: "test",
              entityId: String(i),
              organisationId: null,
              regionCode: "350421",
            });
          }),
        ),
      );
      expect(await maxSeq(t.database)).toBe(before + 20);
      expect(await verifyChain(t.database.db)).toMatchObject({ ok: true, count: before + 20 });
    }
  });

  it("回滚的写入不占用编号：链仍连续", async () => {
    t = await testApp();
    const before = await maxSeq(t.database);
    await expect(
      t.database.db.transaction(async (tx) => {
        await recordAudit(tx, null, { action: "test.rolled_back", entityType: "test", entityId: "x", organisationId: null, regionCode: "350421" });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    await t.database.db.transaction((tx) =>
      recordAudit(tx, null, { action: "test.kept", entityType: "test", entityId: "y", organisationId: null, regionCode: "350421" }),
    );
    expect(await maxSeq(t.database)).toBe(before + 1);
    expect((await verifyChain(t.database.db)).ok).toBe(true);
  });

  it("升级：0008 之前的审计记录在启动时按时间顺序入链，一条不少", async () => {
    let database: Database;
    let drop = async () => undefined as void;
    if (testDbKind === "postgres") {
      const fresh = await freshPostgresUrl();
      drop = fresh.drop;
      database = await openPostgres(fresh.url, { max: 2 });
    } else {
      database = await openPglite();
    }
    try {
      // The previous version: migrations up to 0007 only.
      const dir = path.resolve(import.meta.dirname, "../../drizzle");
      await database.exec("CREATE TABLE kuanyan_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
      for (const f of fs
        .readdirSync(dir)
        .filter((x) => x.endsWith(".sql") && x < "0008")
        .sort()) {
        for (const s of fs.readFileSync(path.join(dir, f), "utf8").split("--> statement-breakpoint")) if (s.trim()) await database.exec(s);
        await database.query("INSERT INTO kuanyan_migrations (name) VALUES ($1)", [f]);
      }
      await database.exec(`INSERT INTO audit_events (region_code, action, entity_type, entity_id, actor_name, after, at) VALUES
        ('350421', 'case.opened', 'case', 'c2', '乙', '{"b":1,"a":[1,2]}', '2025-01-02 10:00:00.123456+08'),
        ('350421', 'case.opened', 'case', 'c1', '甲', NULL, '2025-01-01 10:00:00+08'),
        ('350421', 'case.closed', 'case', 'c1', '甲', '{}', '2025-01-03 10:00:00+08')`);
      expect(await migrate(database)).toContain("0008_audit_chain.sql");
      expect(await chainPendingEvents(database.db)).toBe(3);
      const rows = await database.query<{ seq: string; entity_id: string; action: string }>(
        "SELECT seq::text AS seq, entity_id, action FROM audit_events ORDER BY audit_events.seq",
      );
      expect(rows.map((r) => [Number(r.seq), r.entity_id, r.action])).toEqual([
        [1, "c1", "case.opened"],
        [2, "c2", "case.opened"],
        [3, "c1", "case.closed"],
      ]);
      await database.db.transaction((tx) =>
        recordAudit(tx, null, { action: "test.after_upgrade", entityType: "test", entityId: "z", organisationId: null, regionCode: "350421" }),
      );
      expect(await verifyChain(database.db)).toMatchObject({ ok: true, count: 4 });
      expect(await chainPendingEvents(database.db)).toBe(0);
    } finally {
      await database.close();
      await drop();
    }
  });

  it("命令行 kuanyan audit verify：完整时退出码 0，改写后退出码 1 并指出断点", { timeout: 180_000 }, async () => {
    const work = tmpDir();
    const exportDir = path.join(work, "export");
    let env: Record<string, string>;
    let database: Database;
    let drop = async () => undefined as void;
    if (testDbKind === "postgres") {
      const fresh = await freshPostgresUrl();
      drop = fresh.drop;
      env = { DATABASE_URL: fresh.url, KUANYAN_AUDIT_EXPORT_DIR: exportDir, KUANYAN_DATA_DIR: path.join(work, "data") };
      database = await openPostgres(fresh.url, { max: 2 });
    } else {
      env = { KUANYAN_AUDIT_EXPORT_DIR: exportDir, KUANYAN_DATA_DIR: path.join(work, "data") };
      database = await openPglite({ dataDir: path.join(work, "data", "pgdata") });
    }
    const write = async (n: number) => {
      for (let i = 0; i < n; i++) {
        await database.db.transaction((tx) =>
          recordAudit(tx, null, { action: "test.cli", entityType: "test", entityId: String(i), organisationId: null, regionCode: "350421" }),
        );
      }
    };
    try {
      await prepareDatabase(database);
      await write(12);
      if (testDbKind === "pglite") await database.close(); // one process per PGlite data directory
      let out = await runCli(["audit", "checkpoint"], env);
      expect(out.code, out.output).toBe(0);
      expect(out.output).toContain("第 12 条");
      out = await runCli(["audit", "verify"], env);
      expect(out.code, out.output).toBe(0);
      expect(out.output).toContain("审计链完整：共 12 条");
      if (testDbKind === "pglite") database = await openPglite({ dataDir: path.join(work, "data", "pgdata") });
      await database.exec(
        "SET session_replication_role = replica; UPDATE audit_events SET entity_id = 'forged' WHERE seq = 7; SET session_replication_role = origin;",
      );
      if (testDbKind === "pglite") await database.close();
      out = await runCli(["audit", "verify", "--checkpoints", checkpointFile(exportDir)], env);
      expect(out.code, out.output).toBe(1);
      expect(out.output).toContain("第 7 条");
      expect(out.output).toContain("被修改");
    } finally {
      await database.close();
      await drop();
    }
  });
});
