/**
 * `kuanyan keys <subcommand>` — the data key (docs/security/pii.md):
 *   keys new --key-file FILE              write a new random key file (mode 0600)
 *   keys rotate --new-key-file FILE       re-encrypt every personal number under the key in FILE (one transaction)
 *   keys export --key-file FILE           write the key a previous version kept in the database to FILE
 * The current key is found as `kuanyan start` finds it (KUANYAN_DATA_KEY, KUANYAN_KEY_FILE, or the
 * embedded database's <data dir>/kuanyan.key). Stop the servers first: the embedded database allows one
 * process anyway; with PostgreSQL a server still running would keep writing with the old key.
 */
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { configFromFlags } from "./start";

const usage =
  "用法：\n" +
  "  kuanyan keys new --key-file <文件>             生成新的数据密钥文件（权限 0600）\n" +
  "  kuanyan keys rotate --new-key-file <文件>      用新密钥重新加密全部个人信息（一个事务内完成）\n" +
  "  kuanyan keys export --key-file <文件>          把旧版本保存在数据库中的密钥导出到文件（升级用）";

function fileFlag(flags: Record<string, string | boolean>, name: string): string {
  const v = flags[name];
  if (typeof v !== "string" || !v) {
    console.error(`缺少 --${name} <文件>\n${usage}`);
    process.exit(2);
  }
  return path.resolve(v);
}

export async function run(positional: string[], flags: Record<string, string | boolean>): Promise<void> {
  const sub = positional[1];
  const { writeKeyFile, readKeyFile, resolveDataKey, defaultKeyFile, LEGACY_KEY_SETTING } = await import("../pii/keySource");
  if (sub === "new") {
    const file = fileFlag(flags, "key-file");
    if (fs.existsSync(file)) throw new Error(`文件 ${file} 已存在，不会覆盖。`);
    writeKeyFile(file, crypto.randomBytes(32));
    const { keyringOf } = await import("../pii/keyring");
    console.log(`已生成数据密钥文件 ${file}（权限 0600，密钥标识 ${keyringOf(readKeyFile(file)).id}）。请与数据库分开备份。`);
    return;
  }
  if (sub !== "rotate" && sub !== "export") {
    console.error(`未知的子命令：${sub ?? "（无）"}\n${usage}`);
    process.exit(2);
  }
  const config = configFromFlags(flags);
  const { openDatabase, prepareDatabase } = await import("../bootstrap");
  const { database, release } = await openDatabase(config);
  try {
    await prepareDatabase(database);
    if (sub === "export") {
      const file = fileFlag(flags, "key-file");
      const rows = await database.query<{ value: string }>("SELECT value FROM settings WHERE key = $1", [LEGACY_KEY_SETTING]);
      if (!rows.length) throw new Error("数据库中没有旧版本保存的密钥（可能已经移出）。");
      if (fs.existsSync(file)) throw new Error(`文件 ${file} 已存在，不会覆盖。`);
      writeKeyFile(file, Buffer.from(rows[0].value, "base64"));
      console.log(
        `已把旧版本保存在数据库中的数据密钥导出到 ${file}（权限 0600）。\n` +
          `请设置 KUANYAN_KEY_FILE=${file} 后启动：启动时会确认两者一致并从数据库中删除该密钥。请与数据库分开备份此文件。`,
      );
      return;
    }
    const newFile = fileFlag(flags, "new-key-file");
    const { keyringOf } = await import("../pii/keyring");
    const { encryptClearValues } = await import("../pii/setup");
    const { rotateDataKey } = await import("../pii/rotate");
    const next = keyringOf(readKeyFile(newFile));
    const { keyring: current, source } = await resolveDataKey(config, database, { create: false });
    // Values a previous version left in clear are encrypted first (under the current key), then rotated.
    await encryptClearValues(database, current);
    const result = await rotateDataKey(database, current, next);
    console.log(
      `已用新密钥（${next.id}）重新加密 ${result.values} 项个人信息（案件 ${result.cases} 件、用户 ${result.users} 个），检索索引已重建；原密钥为 ${current.id}（${source}）。`,
    );
    if (!config.dataKey && !config.keyFile && database.kind === "pglite") {
      // The embedded database's own key file: put the new key in its place, keep the old one aside.
      const file = defaultKeyFile(config);
      const old = `${file}.${new Date().toISOString().replace(/[:.]/g, "-")}.old`;
      fs.renameSync(file, old);
      fs.copyFileSync(newFile, file);
      fs.chmodSync(file, 0o600);
      console.log(
        `新密钥已放到 ${file}；原密钥移到 ${old}。\n` + "原密钥只用于读取轮换之前的数据库备份：请与那些备份一起离线保存，或在它们过期后销毁。",
      );
    } else {
      console.log(
        "下一步：把 KUANYAN_KEY_FILE 指向新密钥文件（或把 KUANYAN_DATA_KEY 改为新密钥），再启动服务；" +
          "用原密钥启动将被拒绝。原密钥只用于读取轮换之前的数据库备份：请与那些备份一起离线保存，或在它们过期后销毁。",
      );
    }
  } finally {
    await database.close();
    release();
  }
}
