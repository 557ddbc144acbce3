import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

/**
 * Finds PostgreSQL's client programs (pg_dump, pg_restore) for the server a URL points to.
 * pg_dump refuses a server newer than itself, so the programs of the server's major version are
 * preferred (Debian: /usr/lib/postgresql/<major>/bin), then any newer installed version, then PATH.
 */
export async function serverMajorVersion(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>("SHOW server_version_num");
    return Math.floor(Number(rows[0].v) / 10000);
  } finally {
    await client.end();
  }
}

export function findPgProgram(name: "pg_dump" | "pg_restore" | "psql", major: number, env: NodeJS.ProcessEnv = process.env): string {
  const candidates: string[] = [];
  if (env.KUANYAN_PG_BIN) candidates.push(path.join(env.KUANYAN_PG_BIN, name));
  const roots = ["/usr/lib/postgresql", "/usr/local/pgsql"];
  for (const root of roots) {
    let versions: number[] = [];
    try {
      versions = fs
        .readdirSync(root)
        .map((d) => Number(d))
        .filter((v) => Number.isInteger(v) && v >= major)
        .sort((a, b) => a - b);
    } catch {
      /* not installed there */
    }
    for (const v of versions) candidates.push(path.join(root, String(v), "bin", name));
  }
  candidates.push(path.join(`/usr/pgsql-${major}`, "bin", name)); // RPM layout
  for (const dir of (env.PATH ?? "").split(path.delimiter).filter(Boolean)) candidates.push(path.join(dir, name));
  for (const c of candidates) {
    try {
      fs.accessSync(c, fs.constants.X_OK);
      return c;
    } catch {
      /* next */
    }
  }
  throw new Error(
    `找不到 PostgreSQL 客户端程序 ${name}（需要 ${major} 或更高版本）。请安装 postgresql-client-${major}` +
      `（Debian/Ubuntu：apt-get install postgresql-client-${major}），或用 KUANYAN_PG_BIN 指定其所在目录。`,
  );
}

/** Runs a program, collecting stderr; rejects with its (Chinese-prefixed) message on failure. */
export function runProgram(
  program: string,
  args: string[],
  options: { stdout?: fs.WriteStream | "collect"; env?: NodeJS.ProcessEnv } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ["ignore", options.stdout ? "pipe" : "ignore", "pipe"], env: { ...process.env, ...options.env } });
    let err = "";
    let out = "";
    child.stderr!.on("data", (d) => (err += d));
    if (options.stdout === "collect") child.stdout!.on("data", (d) => (out += d));
    else if (options.stdout) child.stdout!.pipe(options.stdout);
    child.on("error", (e) => reject(new Error(`无法运行 ${program}：${e.message}`)));
    child.on("close", (code) => {
      if (code === 0) resolve(out);
      else reject(new Error(`${path.basename(program)} 执行失败（退出码 ${code}）：${err.trim().slice(0, 1500)}`));
    });
  });
}

/**
 * The connection for pg_dump/pg_restore: the URL without its password (command lines are visible to
 * every local user), the password in PGPASSWORD.
 */
export function pgConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = {};
  if (u.password) {
    env.PGPASSWORD = decodeURIComponent(u.password);
    u.password = "";
  }
  return { dbname: u.toString(), env };
}
