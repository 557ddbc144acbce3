/**
 * Where the data key comes from, in this order:
 *   1. KUANYAN_DATA_KEY (base64 of 32 bytes);
 *   2. KUANYAN_KEY_FILE (a file holding that base64 text, readable by its owner only: mode 0600);
 *   3. embedded database only: <data dir>/kuanyan.key, next to (not inside) PGlite's own files
 *      (<data dir>/pgdata), created at the first start.
 * With PostgreSQL and neither 1 nor 2 the start is refused: the key must not live where the data lives.
 *
 * Upgrade: the previous version kept the key in the settings table ("cases.id_number_key"). At the
 * first start of this version it is written to the key file (or must equal the configured key), then
 * deleted from the database. The database keeps only the key id ("pii.key_id"), which lets a start
 * with the wrong key be refused before it writes anything.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Config } from "../config";
import type { Database } from "../db/client";
import { keyringOf, parseKey, type Keyring } from "./keyring";

export const LEGACY_KEY_SETTING = "cases.id_number_key";
export const KEY_ID_SETTING = "pii.key_id";

export class DataKeyError extends Error {}

export function defaultKeyFile(config: Config): string {
  return path.join(config.dataDir, "kuanyan.key");
}

/** Reads a key file: it must exist, be the owner's only (0600) and hold base64 of 32 bytes. */
export function readKeyFile(file: string): Buffer {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    throw new DataKeyError(`密钥文件 ${file} 不存在或无法读取。`);
  }
  if (process.platform !== "win32" && (st.mode & 0o077) !== 0) {
    throw new DataKeyError(`密钥文件 ${file} 的权限过宽（${(st.mode & 0o777).toString(8)}），只应允许属主读写：请执行 chmod 600 ${file}`);
  }
  const key = parseKey(fs.readFileSync(file, "utf8"));
  if (!key) throw new DataKeyError(`密钥文件 ${file} 的内容不是 32 字节密钥的 base64 编码（可用 openssl rand -base64 32 > ${file} 生成）。`);
  return key;
}

/** Writes a new key file (mode 0600) atomically; refuses to overwrite one. */
export function writeKeyFile(file: string, key: Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, "wx", 0o600);
  try {
    fs.writeSync(fd, `${key.toString("base64")}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.linkSync(tmp, file); // fails if the file exists
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

async function setting(database: Database, key: string): Promise<string | null> {
  const rows = await database.query<{ value: string }>("SELECT value FROM settings WHERE key = $1", [key]);
  return rows[0]?.value ?? null;
}

const howToMakeKey =
  "请生成一把数据密钥并妥善保存（与数据库分开备份）：\n" +
  "  openssl rand -base64 32 > /etc/kuanyan/kuanyan.key && chmod 600 /etc/kuanyan/kuanyan.key\n" +
  "然后设置 KUANYAN_KEY_FILE=/etc/kuanyan/kuanyan.key（或把该文件内容设为 KUANYAN_DATA_KEY）。";

export interface KeySourceResult {
  keyring: Keyring;
  /** Where the key came from, for the log (never the key itself). */
  source: string;
  /** Messages (Chinese) for the operator: a key file created, a key moved out of the database. */
  notes: string[];
}

/**
 * Finds the data key for this database, moving a key of the previous version out of the database.
 * `create: false` (the key commands) never creates a key file.
 */
export async function resolveDataKey(config: Config, database: Database, options: { create?: boolean } = {}): Promise<KeySourceResult> {
  const create = options.create ?? true;
  const notes: string[] = [];
  const legacyText = await setting(database, LEGACY_KEY_SETTING);
  const legacy = legacyText ? Buffer.from(legacyText, "base64") : null;
  const recordedId = await setting(database, KEY_ID_SETTING);

  let key: Buffer;
  let source: string;
  if (config.dataKey) {
    const k = parseKey(config.dataKey);
    if (!k) throw new DataKeyError("KUANYAN_DATA_KEY 应为 32 字节随机数的 base64 编码（可用 openssl rand -base64 32 生成）。");
    key = k;
    source = "环境变量 KUANYAN_DATA_KEY";
  } else if (config.keyFile) {
    key = readKeyFile(config.keyFile);
    source = `密钥文件 ${config.keyFile}（KUANYAN_KEY_FILE）`;
  } else if (database.kind === "postgres") {
    const legacyHint = legacy
      ? "\n本数据库中还存有旧版本保存的密钥：请先执行 kuanyan keys export --key-file /etc/kuanyan/kuanyan.key 把它导出到密钥文件，再设置 KUANYAN_KEY_FILE。"
      : "";
    throw new DataKeyError(`使用 PostgreSQL（DATABASE_URL）时必须配置数据密钥，不能把密钥放在数据库中。${legacyHint}\n${legacy ? "" : howToMakeKey}`);
  } else {
    const file = defaultKeyFile(config);
    if (fs.existsSync(file)) {
      key = readKeyFile(file);
    } else if (!create) {
      throw new DataKeyError(`密钥文件 ${file} 不存在；请设置 KUANYAN_DATA_KEY 或 KUANYAN_KEY_FILE。`);
    } else if (recordedId && !legacy) {
      throw new DataKeyError(
        `数据库中已有加密的个人信息（密钥标识 ${recordedId}），但密钥文件 ${file} 不存在。请从备份恢复该密钥文件，或用 KUANYAN_KEY_FILE 指向它；不能生成新密钥，否则已有数据将无法读取。`,
      );
    } else {
      key = legacy ?? crypto.randomBytes(32);
      writeKeyFile(file, key);
      notes.push(
        legacy
          ? `已把旧版本保存在数据库中的数据密钥移出到密钥文件 ${file}（权限 0600），并从数据库中删除。请把此文件与数据库分开备份：丢失它，已加密的身份证号码和电话号码将无法读取。`
          : `已生成数据密钥文件 ${file}（权限 0600），用于加密身份证号码和电话号码。请把此文件与数据库分开备份：丢失它，已加密的个人信息将无法读取。`,
      );
    }
    source = `密钥文件 ${file}`;
  }
  const keyring = keyringOf(key);

  if (legacy) {
    if (!legacy.equals(key)) {
      throw new DataKeyError(
        `配置的数据密钥（${source}）与旧版本保存在数据库中的密钥不同，用它启动将无法读取已加密的身份证号码。` +
          "请执行 kuanyan keys export --key-file <文件> 导出原密钥并用 KUANYAN_KEY_FILE 指向该文件。",
      );
    }
    if (recordedId && recordedId !== keyring.id) throw keyMismatch(recordedId, keyring.id, source);
  } else if (recordedId && recordedId !== keyring.id) {
    throw keyMismatch(recordedId, keyring.id, source);
  }

  // The key is outside now: record its id, forget the key.
  await database.db.transaction(async (tx) => {
    await tx.execute(
      sql`INSERT INTO settings (key, value) VALUES (${KEY_ID_SETTING}, ${keyring.id}) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
    );
    if (legacy) await tx.execute(sql`DELETE FROM settings WHERE key = ${LEGACY_KEY_SETTING}`);
  });
  if (legacy && (config.dataKey || config.keyFile)) notes.push(`旧版本保存在数据库中的数据密钥已从数据库中删除；今后只使用${source}。`);
  return { keyring, source, notes };
}

function keyMismatch(recorded: string, configured: string, source: string): DataKeyError {
  return new DataKeyError(
    `数据密钥与本数据库不符：数据库中的个人信息由密钥 ${recorded} 加密，而${source}中的密钥为 ${configured}。` +
      "请配置正确的密钥（刚完成密钥轮换时应改用新密钥文件）。",
  );
}
