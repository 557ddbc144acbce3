/**
 * `kuanyan audit verify [--checkpoints FILE]` — recomputes the audit hash chain and compares it with
 * the exported checkpoints; exit 0 "审计链完整：共 N 条", or exit 1 and the first broken link.
 * `kuanyan audit checkpoint` — exports a checkpoint of the newest event now and prints it.
 * With the built-in database (PGlite) the server must be stopped first (one process per data
 * directory); on PostgreSQL it may keep running.
 */
import path from "node:path";
import { ConfigError } from "../config";
import { configFromFlags } from "./start";
import { verifyChain } from "../audit/chain";
import { checkpointFile, readCheckpoints, writeCheckpoint } from "../audit/checkpoints";

const usage = "用法：kuanyan audit verify [--checkpoints 检查点文件] | kuanyan audit checkpoint";

export async function run(args: string[], flags: Record<string, string | boolean>): Promise<number> {
  const sub = args[0];
  if (sub !== "verify" && sub !== "checkpoint") {
    console.error(usage);
    return 2;
  }
  let config;
  try {
    config = configFromFlags(flags);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      return 2;
    }
    throw err;
  }
  const { openDatabase } = await import("../bootstrap");
  const { database, release } = await openDatabase(config);
  try {
    if (sub === "checkpoint") {
      const c = await writeCheckpoint(database.db, config.auditExportDir);
      if (!c) {
        console.log("审计链为空，没有可导出的检查点。");
        return 0;
      }
      console.log(`审计检查点：第 ${c.seq} 条  ${c.at}\n哈希 ${c.hash}\n已追加到 ${checkpointFile(config.auditExportDir)}（请另行保存或打印）`);
      return 0;
    }
    const file = typeof flags.checkpoints === "string" ? path.resolve(flags.checkpoints) : checkpointFile(config.auditExportDir);
    if (typeof flags.checkpoints === "string" && !(await import("node:fs")).existsSync(file)) {
      console.error(`找不到检查点文件：${file}`);
      return 2;
    }
    const checkpoints = readCheckpoints(file);
    const r = await verifyChain(database.db, checkpoints);
    const cpText = checkpoints.length ? `，已对照 ${r.checkpoints} 个检查点（${file}）` : "；未找到检查点文件，整表清空或末尾删除只能由链头发现";
    if (r.ok) {
      console.log(`审计链完整：共 ${r.count} 条${cpText}`);
      return 0;
    }
    const b = r.broken!;
    console.log(`审计链断裂：第 ${b.seq ?? "—"} 条（${b.at ?? "时间不详"}）\n${b.problem}\n此前 ${r.count} 条完整${cpText}`);
    return 1;
  } finally {
    await database.close();
    release();
  }
}
