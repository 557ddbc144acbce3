/**
 * Fresh databases for tests, each test on its own: KUANYAN_TEST_DB=pglite (default) or postgres.
 * A template (migrated, division codes loaded, demo data created) is built once per worker
 * (PGlite: dumpDataDir/loadDataDir) or once per source version (PostgreSQL: CREATE DATABASE … TEMPLATE).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { loadConfig, type Config } from "../config";
import { openPglite, openPostgres, type Database } from "../db/client";
import { prepareDatabase } from "../bootstrap";
import { createDemoData } from "../demo";
import { installKeyring, keyringOf } from "../pii/keyring";
import { preparePersonalData } from "../pii/setup";
import type { AppContext } from "../http/context";

export const testDbKind = (process.env.KUANYAN_TEST_DB ?? "pglite") as "pglite" | "postgres";
const pgUrl = process.env.KUANYAN_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

/** The tests' data key (fixed, so that the template databases stay readable across workers). */
export const TEST_DATA_KEY = Buffer.alloc(32, 7).toString("base64");

export function testConfig(overrides: Partial<Config> = {}): Config {
  // Each test's audit checkpoints go to a directory of its own: a checkpoint file belongs to one
  // database, and verification compares the two (the default, beside ./data, would be shared).
  const auditExportDir = overrides.auditExportDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "kuanyan-audit-"));
  return loadConfig({ KUANYAN_DEMO: "off", LOG_LEVEL: "silent", KUANYAN_DATA_KEY: TEST_DATA_KEY }, { ...overrides, auditExportDir });
}

/** A hash of everything that shapes the template: migrations, seed data and source. */
function sourceHash(): string {
  const h = crypto.createHash("sha256");
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (!e.name.includes(".test.")) h.update(p).update(fs.readFileSync(p));
    }
  };
  for (const d of ["packages/server/drizzle", "packages/server/seed", "packages/server/src", "packages/domain/src"]) {
    const full = path.join(root, d);
    if (fs.existsSync(full)) walk(full);
  }
  return h.digest("hex").slice(0, 12);
}

async function seedTemplate(database: Database): Promise<void> {
  await prepareDatabase(database);
  await preparePersonalData(database, testConfig());
  const ctx: AppContext = { database, config: testConfig(), now: () => new Date() };
  await createDemoData(ctx);
}

let pgliteTemplate: Promise<Blob> | null = null;

/**
 * The PGlite template is built once per source version and kept on disk (.tmp/test-templates),
 * shared by all workers and later runs; a lock file makes the others wait for the first.
 */
async function buildPgliteTemplate(): Promise<Blob> {
  const dir = path.join(root, ".tmp", "test-templates");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `pglite-${sourceHash()}.tar`);
  const lock = `${file}.lock`;
  for (;;) {
    if (fs.existsSync(file)) return new Blob([fs.readFileSync(file)]);
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: "wx" });
      break;
    } catch {
      const st = fs.statSync(lock, { throwIfNoEntry: false });
      if (st && Date.now() - st.mtimeMs > 180_000) fs.rmSync(lock, { force: true }); // a builder that died
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    const db = await openPglite();
    await seedTemplate(db);
    const dump = await db.pglite!.dumpDataDir("none");
    await db.close();
    const tmp = `${file}.${process.pid}`;
    fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(tmp, file);
    for (const old of fs.readdirSync(dir))
      if (old.startsWith("pglite-") && old.endsWith(".tar") && path.join(dir, old) !== file) fs.rmSync(path.join(dir, old), { force: true });
    return dump;
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

let pgTemplate: Promise<string> | null = null;

async function adminQuery<T = unknown>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

function dbUrl(name: string): string {
  const u = new URL(pgUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

async function buildPgTemplate(): Promise<string> {
  const name = `kuanyan_tmpl_${sourceHash()}`;
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(727002)");
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!exists.rows.length) {
      const building = `${name}_building`;
      await client.query(`DROP DATABASE IF EXISTS ${building}`);
      await client.query(`CREATE DATABASE ${building}`);
      const db = await openPostgres(dbUrl(building), { max: 2 });
      await seedTemplate(db);
      await db.close();
      await client.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
      // Old templates of other source versions are no longer needed.
      const old = await client.query("SELECT datname FROM pg_database WHERE datname LIKE 'kuanyan_tmpl_%' AND datname <> $1", [name]);
      for (const r of old.rows as { datname: string }[]) await client.query(`DROP DATABASE IF EXISTS ${r.datname}`).catch(() => undefined);
    }
    await client.query("SELECT pg_advisory_unlock(727002)");
  } finally {
    await client.end();
  }
  return name;
}

let counter = 0;

/** A fresh database with the schema, division codes and demo data. Close it after the test. */
export async function freshDatabase(): Promise<Database> {
  installKeyring(keyringOf(Buffer.from(TEST_DATA_KEY, "base64")));
  if (testDbKind === "pglite") {
    pgliteTemplate ??= buildPgliteTemplate();
    return openPglite({ loadDataDir: await pgliteTemplate });
  }
  pgTemplate ??= buildPgTemplate();
  const template = await pgTemplate;
  const name = `kuanyan_t_${process.pid}_${Date.now()}_${counter++}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  const db = await openPostgres(dbUrl(name), { max: 20 });
  const close = db.close;
  db.close = async () => {
    await close();
    await adminQuery(`DROP DATABASE IF EXISTS ${name}`);
  };
  return db;
}

/** A fresh, empty PostgreSQL database URL (for tests that start server processes themselves). */
export async function freshPostgresUrl(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `kuanyan_t_${process.pid}_${Date.now()}_${counter++}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  return { url: dbUrl(name), drop: async () => void (await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)) };
}

/**
 * A database with the demo data for a server process (`kuanyan start`): a PGlite data directory
 * unpacked from the template, or a PostgreSQL database copied from it (uploads slice).
 */
export async function demoDatabaseForProcess(): Promise<{ args: string[]; env: Record<string, string>; drop(): Promise<void> }> {
  if (testDbKind === "pglite") {
    pgliteTemplate ??= buildPgliteTemplate();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kuanyan-proc-"));
    const db = await openPglite({ dataDir: path.join(dir, "pgdata"), loadDataDir: await pgliteTemplate });
    await db.close();
    // The template's personal data was encrypted with the tests' data key: the process needs it too.
    return {
      args: ["--data-dir", dir, "--no-demo"],
      env: { KUANYAN_DATA_KEY: TEST_DATA_KEY },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  pgTemplate ??= buildPgTemplate();
  const template = await pgTemplate;
  const name = `kuanyan_t_${process.pid}_${Date.now()}_${counter++}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  return {
    args: ["--no-demo"],
    env: { DATABASE_URL: dbUrl(name), KUANYAN_DATA_KEY: TEST_DATA_KEY },
    drop: async () => void (await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}
