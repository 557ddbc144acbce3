import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, type Session, type TestApp } from "../testing/app";
import { TEST_DATA_KEY, testConfig, testDbKind } from "../testing/db";
import { runCli, startServerProcess } from "../testing/process";
import { decryptWith, encryptWith, installKeyring, keyringOf, type Keyring } from "./keyring";
import { KEY_ID_SETTING, LEGACY_KEY_SETTING } from "./keySource";
import { rotateDataKey } from "./rotate";
import { preparePersonalData } from "./setup";

const ID_NUMBER = "350421198506121230";

let t: TestApp;
let officer: Session;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kuanyan-pii-up-"));
const legacyKey = crypto.randomBytes(32);
const legacy = keyringOf(legacyKey);
/** case id → phone, as the previous version held them (in clear). */
const phones = new Map<string, string>();
const userPhones = new Map<string, string>();
const followUps = new Map<string, string>();
let individualCase = "";

/** The previous version's encryption of an ID number: AES-256-GCM with the key itself, "v1:". */
function v1Encrypt(key: Buffer, plain: string): string {
  const iv = crypto.randomBytes(12);
  const c = crypto.createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([c.update(plain, "utf8"), c.final()]);
  return `v1:${Buffer.concat([iv, c.getAuthTag(), data]).toString("base64")}`;
}

const q = <T>(text: string, params: unknown[] = []) => t.database.query<T>(text, params);

beforeAll(async () => {
  t = await testApp();
  officer = await t.login("demo-officer");
  // Turn the fresh database into one of the previous version: the key in the settings table, phones in
  // clear columns, an ID number encrypted "v1:" with that key and no blind index.
  const test = keyringOf(Buffer.from(TEST_DATA_KEY, "base64"));
  const [one] = await q<{ id: string }>("SELECT id FROM cases WHERE party_phone_enc IS NOT NULL ORDER BY created_at LIMIT 1");
  // Many cases, so that the start-up encryption runs in several batches.
  await q(
    `INSERT INTO cases (region_code, organisation_id, case_no, status, party_type, party_name, party_phone_enc, matter_code, matter_name, act_date, discovered_on, is_demo)
     SELECT region_code, organisation_id, case_no || '-升级' || g, 'intake', party_type, party_name, party_phone_enc, matter_code, matter_name, act_date, discovered_on, true
     FROM cases, generate_series(1, 1100) g WHERE id = $1`,
    [one.id],
  );
  for (const r of await q<{ id: string; enc: string }>("SELECT id::text, party_phone_enc AS enc FROM cases WHERE party_phone_enc IS NOT NULL")) {
    const phone = r.id === one.id ? "0598-2812345" : decryptWith(test, r.enc).replace(/\d{4}$/, String(phones.size).padStart(4, "0"));
    phones.set(r.id, phone);
  }
  for (const [id, phone] of phones) {
    await q("UPDATE cases SET party_phone = $2, party_phone_enc = NULL, party_phone_masked = NULL, party_phone_bidx = NULL WHERE id = $1", [
      id,
      phone,
    ]);
  }
  individualCase = one.id;
  await q(
    "UPDATE cases SET party_type = 'individual', party_id_number_enc = $2, party_id_number_masked = '3504**********1230', party_id_number_bidx = NULL WHERE id = $1",
    [individualCase, v1Encrypt(legacyKey, ID_NUMBER)],
  );
  for (const r of await q<{ id: string; enc: string }>("SELECT id::text, phone_enc AS enc FROM users WHERE phone_enc IS NOT NULL")) {
    userPhones.set(r.id, decryptWith(test, r.enc));
    await q("UPDATE users SET phone = $2, phone_enc = NULL, phone_masked = NULL WHERE id = $1", [r.id, userPhones.get(r.id)]);
  }
  // 回访 forms and their written records with the phone in clear.
  for (const r of await q<{ id: string; enc: string }>("SELECT id::text, result->>'phoneEnc' AS enc FROM case_tasks WHERE result ? 'phoneEnc'")) {
    followUps.set(r.id, decryptWith(test, r.enc));
    await q("UPDATE case_tasks SET result = (result - 'phoneEnc') || jsonb_build_object('phone', $2::text) WHERE id = $1", [
      r.id,
      followUps.get(r.id),
    ]);
  }
  await q("UPDATE measures SET written_record = written_record || '；回访对象签名：林某；联系电话：13805983321' WHERE method = 'followUpVisit'");
  // The previous version had no inspections (issue 10, migration 0013): none of their demo rows, whose
  // contact phones this database's test key encrypted. TRUNCATE: a draw row is never deleted one by one.
  await q(
    "TRUNCATE inspection_units, inspector_certificates, inspection_exclusions, inspection_checklists, inspection_matters, inspection_plans, inspection_draws, inspections CASCADE",
  );
  await q("DELETE FROM settings WHERE key = $1", [KEY_ID_SETTING]);
  await q("INSERT INTO settings (key, value) VALUES ($1, $2)", [LEGACY_KEY_SETTING, legacyKey.toString("base64")]);
}, 120_000);
afterAll(async () => {
  installKeyring(keyringOf(Buffer.from(TEST_DATA_KEY, "base64")));
  await t?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function expectAllReadable(k: Keyring) {
  const rows = await q<{ id: string; enc: string | null; clear: string | null; masked: string | null }>(
    "SELECT id::text, party_phone_enc AS enc, party_phone AS clear, party_phone_masked AS masked FROM cases WHERE id = ANY($1::uuid[])",
    [[...phones.keys()]],
  );
  expect(rows.length).toBe(phones.size);
  for (const r of rows) {
    expect(r.clear).toBeNull();
    expect(decryptWith(k, r.enc!)).toBe(phones.get(r.id));
  }
  for (const r of await q<{ id: string; enc: string; clear: string | null }>(
    "SELECT id::text, phone_enc AS enc, phone AS clear FROM users WHERE id = ANY($1::uuid[])",
    [[...userPhones.keys()]],
  )) {
    expect(r.clear).toBeNull();
    expect(decryptWith(k, r.enc)).toBe(userPhones.get(r.id));
  }
  const [ind] = await q<{ enc: string }>("SELECT party_id_number_enc AS enc FROM cases WHERE id = $1", [individualCase]);
  expect(decryptWith(k, ind.enc)).toBe(ID_NUMBER);
  expect(followUps.size).toBeGreaterThan(0);
  for (const r of await q<{ id: string; phone: string; enc: string }>(
    "SELECT id::text, result->>'phone' AS phone, result->>'phoneEnc' AS enc FROM case_tasks WHERE id = ANY($1::uuid[])",
    [[...followUps.keys()]],
  )) {
    expect(r.phone).toMatch(/\*{4}/);
    expect(decryptWith(k, r.enc)).toBe(followUps.get(r.id));
  }
  const records = await q<{ w: string }>("SELECT written_record AS w FROM measures WHERE method = 'followUpVisit'");
  expect(records.length).toBeGreaterThan(0);
  for (const r of records) expect(r.w).toContain("联系电话：138****3321");
  // The list finds the cases by the whole number, through the blind index.
  installKeyring(k);
  const byPhone = (await t.post("/api/v1/cases/search", { q: "0598 2812345" }, officer)).json();
  expect(byPhone.items.map((c: { id: string }) => c.id)).toEqual([individualCase]);
  expect(byPhone.items[0].partyPhone).toBe("0598-***2345");
  const byId = (await t.post("/api/v1/cases/search", { q: ID_NUMBER }, officer)).json();
  expect(byId.items.map((c: { id: string }) => c.id)).toEqual([individualCase]);
}

describe("从旧版本升级：密钥移出数据库，明文电话加密，一条不丢", () => {
  it("配置的密钥与旧版本库中的密钥不同：拒绝启动，什么都不改", async () => {
    const before = await q<{ n: number }>("SELECT count(*)::int AS n FROM cases WHERE party_phone IS NOT NULL");
    await expect(preparePersonalData(t.database, testConfig({ dataKey: TEST_DATA_KEY, dataDir: tmp }))).rejects.toThrow(
      /与旧版本保存在数据库中的密钥不同/,
    );
    expect(await q("SELECT 1 FROM settings WHERE key = $1", [LEGACY_KEY_SETTING])).toHaveLength(1);
    expect(await q<{ n: number }>("SELECT count(*)::int AS n FROM cases WHERE party_phone IS NOT NULL")).toEqual(before);
  });

  it("首次启动：密钥写入密钥文件（PostgreSQL：须等于配置的密钥）并从数据库删除；明文电话分批加密后清空；旧的身份证号码仍可读并可检索", async () => {
    const casesBefore = await t.count("cases");
    const usersBefore = await t.count("users");
    // A statistics total of a day whose 回访 record is rewritten below, made wrong on purpose: a recount
    // would put it right, so it staying wrong shows that the encryption recounted nothing.
    const [total] = await q<{ region_code: string; organisation_id: string; day: string; item: string }>(
      `SELECT s.region_code, s.organisation_id::text, s.day::text, s.item FROM statistics_daily_totals s
       JOIN measures m ON m.organisation_id = s.organisation_id AND m.carried_out_on = s.day WHERE m.method = 'followUpVisit' LIMIT 1`,
    );
    expect(total).toBeTruthy();
    const sentinel =
      "SELECT value::float8 AS v FROM statistics_daily_totals WHERE region_code = $1 AND organisation_id = $2 AND day = $3 AND item = $4";
    const key = [total.region_code, total.organisation_id, total.day, total.item];
    await q(
      "UPDATE statistics_daily_totals SET value = value + 1000 WHERE region_code = $1 AND organisation_id = $2 AND day = $3 AND item = $4",
      key,
    );
    const [wrong] = await q<{ v: number }>(sentinel, key);
    const messages: string[] = [];
    if (testDbKind === "postgres") {
      // No key configured: refused, and told how to export the old key to a file.
      await expect(preparePersonalData(t.database, testConfig({ dataKey: undefined }))).rejects.toThrow(/kuanyan keys export/);
      await preparePersonalData(t.database, testConfig({ dataKey: legacyKey.toString("base64") }), (m) => messages.push(m));
    } else {
      await preparePersonalData(t.database, testConfig({ dataKey: undefined, dataDir: tmp }), (m) => messages.push(m));
      const file = path.join(tmp, "kuanyan.key");
      expect(fs.readFileSync(file, "utf8").trim()).toBe(legacyKey.toString("base64"));
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(messages.join("\n")).toMatch(/移出到密钥文件.*分开备份/);
    }
    expect(messages.join("\n")).toContain(`案件当事人 ${phones.size} 条`);
    expect(await q<{ v: number }>(sentinel, key)).toEqual([wrong]);
    expect(await q("SELECT 1 FROM settings WHERE key = $1", [LEGACY_KEY_SETTING])).toHaveLength(0);
    expect(await q<{ value: string }>("SELECT value FROM settings WHERE key = $1", [KEY_ID_SETTING])).toEqual([{ value: legacy.id }]);
    expect(await t.count("cases")).toBe(casesBefore);
    expect(await t.count("users")).toBe(usersBefore);
    await expectAllReadable(legacy);
    // A second start changes nothing.
    const again: string[] = [];
    await preparePersonalData(
      t.database,
      testConfig(testDbKind === "postgres" ? { dataKey: legacyKey.toString("base64") } : { dataKey: undefined, dataDir: tmp }),
      (m) => again.push(m),
    );
    expect(again).toEqual([]);
  });

  it("密钥轮换：全部重新加密、重建索引，每个值都可读；旧密钥启动被拒绝；读不出的值使轮换整体撤销", async () => {
    const next = keyringOf(crypto.randomBytes(32));
    const result = await rotateDataKey(t.database, legacy, next);
    expect(result.cases).toBeGreaterThanOrEqual(phones.size);
    await expectAllReadable(next);
    const [ind] = await q<{ enc: string }>("SELECT party_id_number_enc AS enc FROM cases WHERE id = $1", [individualCase]);
    expect(ind.enc.startsWith(`v2:${next.id}:`)).toBe(true);
    await expect(preparePersonalData(t.database, testConfig({ dataKey: legacyKey.toString("base64") }))).rejects.toThrow(/数据密钥与本数据库不符/);
    await expect(preparePersonalData(t.database, testConfig({ dataKey: next.master.toString("base64") }))).resolves.toMatchObject({ id: next.id });

    // A value under a third key: the rotation stops and changes nothing.
    const stranger = keyringOf(crypto.randomBytes(32));
    await q("UPDATE users SET phone_enc = $1 WHERE id = (SELECT id FROM users ORDER BY id DESC LIMIT 1)", [encryptWith(stranger, "13700000000")]);
    const snapshot = await q("SELECT id, party_phone_enc, party_id_number_enc, party_phone_bidx FROM cases ORDER BY id");
    await expect(rotateDataKey(t.database, next, keyringOf(crypto.randomBytes(32)))).rejects.toThrow(/轮换已撤销/);
    expect(await q("SELECT id, party_phone_enc, party_id_number_enc, party_phone_bidx FROM cases ORDER BY id")).toEqual(snapshot);
    expect(await q<{ value: string }>("SELECT value FROM settings WHERE key = $1", [KEY_ID_SETTING])).toEqual([{ value: next.id }]);
  });
});

describe("命令行 kuanyan keys（内置数据库，真实进程）", () => {
  // Embedded database only: a key file is generated only with no DATABASE_URL (PostgreSQL refuses to
  // start without a configured key, tested in pii.db.test.ts); the PostgreSQL run would repeat the PGlite one.
  it.skipIf(testDbKind === "postgres")(
    "零配置首次启动生成密钥文件；keys rotate 换用新密钥后服务用新密钥照常启动",
    async () => {
      const dir = path.join(tmp, "cli");
      const server = await startServerProcess(["--data-dir", dir, "--no-demo"], {}, 300_000);
      expect(server.output()).toMatch(/已生成数据密钥文件 .*kuanyan\.key/);
      await server.stop();
      const oldKey = fs.readFileSync(path.join(dir, "kuanyan.key"), "utf8");
      const newFile = path.join(tmp, "new.key");
      const made = await runCli(["keys", "new", "--key-file", newFile]);
      expect(made.code, made.output).toBe(0);
      expect(fs.statSync(newFile).mode & 0o777).toBe(0o600);
      const rotated = await runCli(["keys", "rotate", "--data-dir", dir, "--new-key-file", newFile]);
      expect(rotated.code, rotated.output).toBe(0);
      expect(rotated.output).toMatch(/已用新密钥（[0-9a-f]{16}）重新加密/);
      expect(fs.readFileSync(path.join(dir, "kuanyan.key"), "utf8")).toBe(fs.readFileSync(newFile, "utf8"));
      const old = fs.readdirSync(dir).find((f) => f.startsWith("kuanyan.key.") && f.endsWith(".old"));
      expect(fs.readFileSync(path.join(dir, old!), "utf8")).toBe(oldKey);
      // The old key is refused now; the new one starts.
      const withOld = await runCli(["start", "--data-dir", dir, "--port", "0"], { KUANYAN_DATA_KEY: oldKey.trim() });
      expect(withOld.code).not.toBe(0);
      expect(withOld.output).toContain("数据密钥与本数据库不符");
      const again = await startServerProcess(["--data-dir", dir], {}, 300_000);
      await again.stop();
    },
    900_000,
  );
});
