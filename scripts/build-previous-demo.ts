/**
 * Builds packages/server/test-fixtures/previous-demo.sql.gz: this version's demo database (schema,
 * migrations table, division codes, demo data) as plain SQL with column INSERTs, loadable by both
 * PGlite and PostgreSQL. The upgrade test (packages/server/src/foundation/upgrade.db.test.ts) loads
 * it and runs every later migration on it: a county running this version upgrades without losing a row.
 *
 * Regenerate it at each release, from the released commit (it is "the previous version" for
 * everything merged after it):
 *   npx tsx scripts/build-previous-demo.ts [--pg postgres://postgres@127.0.0.1:5432/postgres]
 * Needs a PostgreSQL server (default as in the tests) and its pg_dump.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { openPostgres } from "../packages/server/src/db/client";
import { findPgProgram, pgConnection, runProgram, serverMajorVersion } from "../packages/server/src/db/pgTools";
import { prepareDatabase } from "../packages/server/src/bootstrap";
import { createDemoData } from "../packages/server/src/demo";
import { loadConfig } from "../packages/server/src/config";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const PREVIOUS_DEMO_FIXTURE = path.join(root, "packages/server/test-fixtures/previous-demo.sql.gz");

/**
 * Drops pg_dump's psql meta-commands (\restrict …), settings PGlite or older servers do not know, and
 * its empty search_path (it would stay on the loading connection; every name in the dump is qualified).
 */
export function portableDump(sqlText: string): string {
  return sqlText
    .split("\n")
    .filter((line) => !line.startsWith("\\"))
    .filter((line) => !/^SET (transaction_timeout|default_table_access_method)\b/.test(line))
    .filter((line) => !line.startsWith("SELECT pg_catalog.set_config('search_path'"))
    .join("\n");
}

async function main() {
  const i = process.argv.indexOf("--pg");
  const adminUrl = i > 0 ? process.argv[i + 1] : (process.env.KUANYAN_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
  const name = `kuanyan_previous_demo_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  try {
    const database = await openPostgres(u.toString(), { max: 2 });
    await prepareDatabase(database);
    const config = loadConfig({ KUANYAN_DEMO: "off", LOG_LEVEL: "silent" });
    await createDemoData({ database, config, now: () => new Date() });
    await database.close();
    const pgDump = findPgProgram("pg_dump", await serverMajorVersion(u.toString()));
    const conn = pgConnection(u.toString());
    const text = await runProgram(
      pgDump,
      [
        "--format=plain",
        "--column-inserts",
        "--rows-per-insert=100",
        "--no-owner",
        "--no-privileges",
        "--no-comments",
        "--encoding=UTF8",
        "--dbname",
        conn.dbname,
      ],
      { stdout: "collect", env: conn.env },
    );
    fs.mkdirSync(path.dirname(PREVIOUS_DEMO_FIXTURE), { recursive: true });
    fs.writeFileSync(PREVIOUS_DEMO_FIXTURE, zlib.gzipSync(Buffer.from(portableDump(text)), { level: 9 }));
    console.log(`${path.relative(root, PREVIOUS_DEMO_FIXTURE)}: ${fs.statSync(PREVIOUS_DEMO_FIXTURE).size} bytes`);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
