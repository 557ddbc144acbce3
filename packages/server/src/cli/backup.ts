/**
 * `kuanyan backup --out FILE` and `kuanyan restore --in FILE [--force]`, for both databases:
 *   PostgreSQL (DATABASE_URL): pg_dump / pg_restore in custom format, with the client programs of the
 *     server's major version (or newer);
 *   PGlite (KUANYAN_DATA_DIR / --data-dir): PGlite's own data-directory dump (a gzipped tar). The data
 *     directory must not be in use: stop the server first (the lock says so).
 * A restore refuses a database that already holds tables unless --force is given.
 */
import fs from "node:fs";
import path from "node:path";
import { ConfigError, type Config } from "../config";
import { openPglite, openPostgres } from "../db/client";
import { acquireDataDirLock } from "../db/lock";
import { findPgProgram, pgConnection, runProgram, serverMajorVersion } from "../db/pgTools";
import { configFromFlags } from "./start";

class UsageError extends Error {}

type BackupKind = "postgres" | "pglite";

/** What a backup file holds, from its first bytes. */
export function backupKind(file: string): BackupKind | null {
  const fd = fs.openSync(file, "r");
  try {
    const head = Buffer.alloc(512);
    const n = fs.readSync(fd, head, 0, 512, 0);
    if (n >= 5 && head.subarray(0, 5).toString("latin1") === "PGDMP") return "postgres";
    if (n >= 2 && head[0] === 0x1f && head[1] === 0x8b) return "pglite"; // gzipped tar
    if (n >= 262 && head.subarray(257, 262).toString("latin1") === "ustar") return "pglite";
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

const kindLabel = (k: BackupKind) => (k === "postgres" ? "PostgreSQL" : "内置数据库（PGlite）");

function writeAtomically(file: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  return write(tmp).then(
    () => fs.renameSync(tmp, file),
    (err) => {
      fs.rmSync(tmp, { force: true });
      throw err;
    },
  );
}

const userTablesSql = `SELECT count(*)::int AS n FROM pg_catalog.pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`;

async function backupPostgres(url: string, out: string): Promise<void> {
  const pgDump = findPgProgram("pg_dump", await serverMajorVersion(url));
  const conn = pgConnection(url);
  await writeAtomically(out, (tmp) =>
    runProgram(pgDump, ["--format=custom", "--file", tmp, "--dbname", conn.dbname], { env: conn.env }).then(() => undefined),
  );
}

async function restorePostgres(url: string, input: string, force: boolean): Promise<void> {
  const pgRestore = findPgProgram("pg_restore", await serverMajorVersion(url));
  const conn = pgConnection(url);
  // A damaged or truncated file is refused before anything in the database is touched.
  await runProgram(pgRestore, ["--list", input], { stdout: "collect" });
  const database = await openPostgres(url, { max: 1 });
  try {
    const [{ n }] = await database.query<{ n: number }>(userTablesSql);
    if (n > 0 && !force) {
      throw new UsageError(`目标数据库不是空的（已有 ${n} 张表）。恢复会覆盖其中全部数据；确认无误后加 --force 再执行。`);
    }
    if (n > 0) {
      // Everything the backup will bring back goes first: every schema of the application (public and
      // any other a later version adds), then an empty public schema.
      const schemas = await database.query<{ s: string }>(
        `SELECT nspname AS s FROM pg_catalog.pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_%'`,
      );
      for (const { s } of schemas) await database.exec(`DROP SCHEMA "${s.replace(/"/g, '""')}" CASCADE`);
      await database.exec(`CREATE SCHEMA public`);
    }
  } finally {
    await database.close();
  }
  await runProgram(pgRestore, ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", "--dbname", conn.dbname, input], {
    env: conn.env,
  });
}

function pgdataOf(config: Config): string {
  return path.join(config.dataDir, "pgdata");
}

function hasDataDir(dir: string): boolean {
  return fs.existsSync(dir) && fs.readdirSync(dir).length > 0;
}

async function backupPglite(config: Config, out: string): Promise<void> {
  const dir = pgdataOf(config);
  if (!hasDataDir(dir)) throw new UsageError(`数据目录 ${config.dataDir} 中没有数据库，无可备份。`);
  const release = acquireDataDirLock(config.dataDir);
  try {
    const database = await openPglite({ dataDir: dir });
    try {
      const dump = await database.pglite!.dumpDataDir("gzip");
      await writeAtomically(out, async (tmp) => fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer())));
    } finally {
      await database.close();
    }
  } finally {
    release();
  }
}

async function restorePglite(config: Config, input: string, force: boolean): Promise<void> {
  const dir = pgdataOf(config);
  const release = acquireDataDirLock(config.dataDir);
  try {
    let aside: string | null = null;
    if (hasDataDir(dir)) {
      const existing = await openPglite({ dataDir: dir });
      let n = 0;
      try {
        n = (await existing.query<{ n: number }>(userTablesSql))[0].n;
      } finally {
        await existing.close();
      }
      if (n > 0 && !force) {
        throw new UsageError(
          `数据目录 ${config.dataDir} 中的数据库不是空的（已有 ${n} 张表）。恢复会覆盖其中全部数据；确认无误后加 --force 再执行。`,
        );
      }
      aside = `${dir}.before-restore-${Date.now()}`;
      fs.renameSync(dir, aside);
    }
    try {
      const bytes = fs.readFileSync(input);
      const gz = bytes[0] === 0x1f && bytes[1] === 0x8b;
      const blob = new Blob([bytes], { type: gz ? "application/x-gzip" : "application/x-tar" });
      const restored = await openPglite({ dataDir: dir, loadDataDir: blob });
      try {
        await restored.query("SELECT 1");
      } finally {
        await restored.close();
      }
    } catch (err) {
      // Put the previous database back as it was.
      fs.rmSync(dir, { recursive: true, force: true });
      if (aside) fs.renameSync(aside, dir);
      throw new Error(`恢复失败，原数据库保持不变：${(err as Error).message}`, { cause: err });
    }
    if (aside) fs.rmSync(aside, { recursive: true, force: true });
  } finally {
    release();
  }
}

function fileFlag(flags: Record<string, string | boolean>, name: string, what: string): string {
  const v = flags[name];
  if (typeof v !== "string" || !v) throw new UsageError(`请用 --${name} 指定${what}。`);
  return path.resolve(v);
}

export async function run(command: "backup" | "restore", flags: Record<string, string | boolean>): Promise<void> {
  try {
    const config = configFromFlags(flags);
    const target: BackupKind = config.databaseUrl ? "postgres" : "pglite";
    const where = config.databaseUrl ? "PostgreSQL（DATABASE_URL）" : `内置数据库 PGlite（${config.dataDir}）`;
    if (command === "backup") {
      const out = fileFlag(flags, "out", "备份文件（例如 --out kuanyan-备份.dump）");
      if (fs.existsSync(out) && flags.force !== true) throw new UsageError(`文件 ${out} 已存在；要覆盖请加 --force。`);
      if (target === "postgres") await backupPostgres(config.databaseUrl!, out);
      else await backupPglite(config, out);
      console.log(`已备份 ${where} → ${out}（${fs.statSync(out).size} 字节）`);
      return;
    }
    const input = fileFlag(flags, "in", "要恢复的备份文件（例如 --in kuanyan-备份.dump）");
    if (!fs.existsSync(input)) throw new UsageError(`备份文件 ${input} 不存在。`);
    const kind = backupKind(input);
    if (!kind) throw new UsageError(`文件 ${input} 不是宽严的备份文件（既非 pg_dump 自定义格式，也非内置数据库备份）。`);
    if (kind !== target) throw new UsageError(`文件 ${input} 是${kindLabel(kind)}的备份，不能恢复到${kindLabel(target)}。`);
    if (target === "postgres") await restorePostgres(config.databaseUrl!, input, flags.force === true);
    else await restorePglite(config, input, flags.force === true);
    console.log(`已从 ${input} 恢复 ${where}。下次启动时会自动升级数据库结构。`);
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
}
