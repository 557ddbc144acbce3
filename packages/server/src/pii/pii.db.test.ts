import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureSanmingLists } from "../decisions/lists.test-support";
import { testApp, type Session, type TestApp } from "../testing/app";
import { TEST_DATA_KEY, testConfig } from "../testing/db";
import { decryptWith, installKeyring, keyringOf } from "./keyring";
import { KEY_ID_SETTING, LEGACY_KEY_SETTING } from "./keySource";
import { preparePersonalData } from "./setup";

const PHONE = "13912345678";
const ID_NUMBER = "350421198506121230";
const testKeyring = () => keyringOf(Buffer.from(TEST_DATA_KEY, "base64"));

let t: TestApp;
let officer: Session;
let officerIds: string[];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kuanyan-pii-"));

beforeAll(async () => {
  t = await testApp({ now: () => new Date("2026-03-10T02:00:00Z") });
  await ensureSanmingLists(t.database.db);
  officer = await t.login("demo-officer");
  officerIds = (
    await t.database.query<{ id: string }>("SELECT id FROM users WHERE username IN ('demo-officer', 'demo-officer2') ORDER BY username")
  ).map((r) => r.id);
});
afterAll(async () => {
  installKeyring(testKeyring());
  await t?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function openCase(party: Record<string, unknown>) {
  const res = await t.post(
    "/api/v1/cases",
    {
      party: {
        type: "individual",
        name: "林某某",
        idNumber: ID_NUMBER,
        address: "明溪县雪峰镇城关工业园区8号",
        industryCategory: "general",
        contact: "林某某",
        phone: PHONE,
        ...party,
      },
      matterCode: "YJ-AQSCF-097-04",
      facts: "检查发现培训记录表未如实填写培训时间和学时。",
      actDate: "2026-03-01",
      discoveredOn: "2026-03-05",
      inspection: { date: "2026-03-05", place: "车间", officerIds },
    },
    officer,
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json().case as { id: string; partyPhone: string; partyIdNumberMasked: string };
}

/** Every run of `len` consecutive characters of `value`. */
function runs(value: string, len: number): string[] {
  return Array.from({ length: value.length - len + 1 }, (_, i) => value.slice(i, i + len));
}

async function rawRow(table: string, id: string): Promise<string> {
  const [r] = await t.database.query<{ j: string }>(`SELECT row_to_json(x)::text AS j FROM ${table} x WHERE id = $1`, [id]);
  return r.j;
}

async function settingsRows(): Promise<Record<string, string>> {
  const rows = await t.database.query<{ key: string; value: string }>("SELECT key, value FROM settings");
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

describe("电话与身份证号码加密保存，按盲索引精确检索", () => {
  it("数据库中的案件和用户行不含电话、身份证号码的明文（任意连续 7 位都没有）", async () => {
    const c = await openCase({});
    const row = await rawRow("cases", c.id);
    for (const r of runs(PHONE, 7)) expect(row).not.toContain(r);
    for (const r of runs(ID_NUMBER, 8)) expect(row).not.toContain(r);
    expect(row).toContain("139****5678");

    const admin = await t.login("demo-orgadmin");
    const [u] = await t.database.query<{ id: string; version: number }>("SELECT id, version FROM users WHERE username = 'demo-officer2'");
    const patched = await t.patch(`/api/v1/users/${u.id}`, { phone: "13600001111", version: u.version }, admin);
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().phone).toBe("136****1111");
    const userRow = await rawRow("users", u.id);
    for (const r of runs("13600001111", 7)) expect(userRow).not.toContain(r);
    const [stored] = await t.database.query<{ phone_enc: string }>("SELECT phone_enc FROM users WHERE id = $1", [u.id]);
    expect(decryptWith(testKeyring(), stored.phone_enc)).toBe("13600001111");
  });

  it("案件、用户、回访任务、措施记录和审计记录中没有一个明文手机号码", async () => {
    await openCase({ name: "全库检查当事人" });
    for (const table of ["cases", "users", "case_tasks", "measures", "audit_events"]) {
      const rows = await t.database.query<{ j: string }>(`SELECT row_to_json(x)::text AS j FROM ${table} x`);
      // A number standing on its own (not a run of digits inside a uuid, a timestamp or base64).
      const found = rows.map((r) => /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/.exec(r.j)?.[0]).filter(Boolean);
      expect(found, table).toEqual([]);
    }
    // The demo's 回访 forms keep the phone masked, the number encrypted beside it.
    const [task] = await t.database.query<{ phone: string; enc: string }>(
      "SELECT result->>'phone' AS phone, result->>'phoneEnc' AS enc FROM case_tasks WHERE result ? 'phoneEnc' LIMIT 1",
    );
    expect(task.phone).toMatch(/^1\d\d\*{4}\d{4}$/);
    expect(decryptWith(testKeyring(), task.enc)).toMatch(/^1\d{10}$/);
  });

  it("按完整电话或身份证号码能检索到案件（请求体中的检索条件），列表中电话打码，案件详情显示完整号码", async () => {
    const c = await openCase({ name: "检索测试当事人" });
    for (const q of [PHONE, "139 1234 5678", "+86 139-1234-5678"]) {
      const res = await t.post("/api/v1/cases/search", { q }, officer);
      expect(res.statusCode, res.body).toBe(200);
      const hit = res.json().items.find((x: { id: string }) => x.id === c.id);
      expect(hit, q).toBeTruthy();
      expect(hit.partyPhone).toBe("139****5678");
      expect(JSON.stringify(res.json())).not.toContain(PHONE);
    }
    const byId = (await t.post("/api/v1/cases/search", { q: ID_NUMBER.toLowerCase() }, officer)).json();
    expect(byId.items.map((x: { id: string }) => x.id)).toContain(c.id);
    const viaGet = (await t.get(`/api/v1/cases?q=${PHONE}`, officer)).json();
    expect(viaGet.items.map((x: { id: string }) => x.id)).toContain(c.id);
    // Exact only: part of a number finds nothing through the index.
    const partial = (await t.post("/api/v1/cases/search", { q: "1391234567" }, officer)).json();
    expect(partial.items.map((x: { id: string }) => x.id)).not.toContain(c.id);
    const file = (await t.get(`/api/v1/cases/${c.id}`, officer)).json();
    expect(file.case.partyPhone).toBe(PHONE);
    expect(file.case.partyIdNumberMasked).toBe("3504**********1230");
    expect(JSON.stringify(file)).not.toMatch(/party(Phone|IdNumber)(Enc|Bidx)/);
  });
});

describe("数据密钥不在数据库中", () => {
  it("启动后数据库中没有密钥，只有密钥标识", async () => {
    const s = await settingsRows();
    expect(s[LEGACY_KEY_SETTING]).toBeUndefined();
    expect(s[KEY_ID_SETTING]).toBe(testKeyring().id);
    expect(Object.values(s)).not.toContain(TEST_DATA_KEY);
  });

  it("密钥可来自环境变量或权限为 0600 的密钥文件；权限过宽或内容不对的密钥文件被拒绝", async () => {
    await expect(preparePersonalData(t.database, testConfig({ dataKey: TEST_DATA_KEY }))).resolves.toMatchObject({ id: testKeyring().id });
    const file = path.join(tmp, "env.key");
    fs.writeFileSync(file, `${TEST_DATA_KEY}\n`, { mode: 0o600 });
    await expect(preparePersonalData(t.database, testConfig({ dataKey: undefined, keyFile: file }))).resolves.toMatchObject({ id: testKeyring().id });
    fs.chmodSync(file, 0o644);
    await expect(preparePersonalData(t.database, testConfig({ dataKey: undefined, keyFile: file }))).rejects.toThrow(/权限过宽.*chmod 600/);
    fs.writeFileSync(path.join(tmp, "bad.key"), "not a key", { mode: 0o600 });
    await expect(preparePersonalData(t.database, testConfig({ dataKey: undefined, keyFile: path.join(tmp, "bad.key") }))).rejects.toThrow(/base64/);
    // Another key than the one the data was encrypted with is refused before anything is written.
    const other = crypto.randomBytes(32).toString("base64");
    await expect(preparePersonalData(t.database, testConfig({ dataKey: other }))).rejects.toThrow(/数据密钥与本数据库不符/);
  });

  it("没有配置密钥时：PostgreSQL 拒绝启动并说明如何生成密钥；内置数据库在数据目录生成 0600 的密钥文件", async () => {
    const dataDir = path.join(tmp, "data");
    const config = testConfig({ dataKey: undefined, keyFile: undefined, dataDir });
    if (t.database.kind === "postgres") {
      await expect(preparePersonalData(t.database, config)).rejects.toThrow(/必须配置数据密钥[\s\S]*openssl rand -base64 32/);
      return;
    }
    // A database whose data has a key id but whose key file is lost: no new key is made.
    await expect(preparePersonalData(t.database, config)).rejects.toThrow(/密钥文件.*不存在/);
    expect(fs.existsSync(path.join(dataDir, "kuanyan.key"))).toBe(false);
    // A database without encrypted data yet (a first start): the key file is created, outside PGlite's own files.
    const messages: string[] = [];
    const fresh = path.join(tmp, "fresh");
    await t.database.exec(`DELETE FROM settings WHERE key = '${KEY_ID_SETTING}'`);
    await t.database.exec("UPDATE cases SET party_phone_enc = NULL, party_id_number_enc = NULL; UPDATE users SET phone_enc = NULL");
    const k = await preparePersonalData(t.database, testConfig({ dataKey: undefined, dataDir: fresh }), (m) => messages.push(m));
    const file = path.join(fresh, "kuanyan.key");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(keyringOf(Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64")).id).toBe(k.id);
    expect(messages.join("\n")).toMatch(/已生成数据密钥文件.*kuanyan\.key.*分开备份/);
  });
});
