import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import pg from "pg";
import * as schema from "./schema";
import { listenPostgres, type Unlisten } from "./listen";

export type Schema = typeof schema;
/** The one database type the services use, whatever the driver. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction has the same query API as the database. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Either the database or a transaction in progress. */
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /** Runs raw SQL (several statements allowed); used by the migrator and tests. */
  exec(sqlText: string): Promise<void>;
  /** Runs one query with parameters and returns rows. */
  query<T = Record<string, unknown>>(sqlText: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
  /**
   * Receives the notifications (NOTIFY / pg_notify) of `channel`, those of this process included.
   * `onState` says whether they are flowing: PGlite is one process, always; PostgreSQL listens on a
   * connection of its own that reconnects (src/db/listen.ts). Returns the way to stop.
   */
  listen(channel: string, onMessage: (payload: string) => void, onState: (up: boolean) => void): Promise<Unlisten>;
  /** PGlite only: the underlying instance (for dumpDataDir in tests). */
  pglite?: PGlite;
}

/** PGlite errors carry huge payloads; keep only what a person needs to read. */
export function conciseDbError(err: unknown): Error {
  if (err instanceof Error) {
    const e = new Error(err.message.slice(0, 500));
    const code = (err as { code?: string }).code;
    if (code) (e as Error & { code?: string }).code = code;
    return e;
  }
  return new Error(String(err).slice(0, 500));
}

export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob | File } = {}): Promise<Database> {
  if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true });
  let client: PGlite;
  try {
    client = await PGlite.create(options.dataDir, options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  } catch (err) {
    throw conciseDbError(err);
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    pglite: client,
    async exec(sqlText) {
      try {
        await client.exec(sqlText);
      } catch (err) {
        throw conciseDbError(err);
      }
    },
    async query<T>(sqlText: string, params: unknown[] = []) {
      try {
        return (await client.query<T>(sqlText, params)).rows;
      } catch (err) {
        throw conciseDbError(err);
      }
    },
    async close() {
      if (!client.closed) await client.close();
    },
    async listen(channel, onMessage, onState) {
      const stop = await client.listen(channel, onMessage);
      onState(true);
      return async () => {
        if (!client.closed) await stop();
      };
    },
  };
}

export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle connection that the server ends (a restart, pg_terminate_backend, DROP DATABASE … FORCE)
  // is reported on the pool; without a listener that report would crash the process. The pool has
  // already discarded the client, and the next query opens a new connection.
  pool.on("error", () => undefined);
  // Fail early with a clear message when the server cannot be reached.
  try {
    const c = await pool.connect();
    c.release();
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw new Error(`无法连接 PostgreSQL（DATABASE_URL）：${(err as Error).message}`, { cause: err });
  }
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  const listeners = new Set<Unlisten>();
  return {
    db,
    kind: "postgres",
    async exec(sqlText) {
      await pool.query(sqlText);
    },
    async query<T>(sqlText: string, params: unknown[] = []) {
      return (await pool.query(sqlText, params)).rows as T[];
    },
    async close() {
      await Promise.all([...listeners].map((stop) => stop()));
      await pool.end();
    },
    async listen(channel, onMessage, onState) {
      const stop = await listenPostgres(url, channel, onMessage, onState);
      const unlisten = async () => {
        listeners.delete(unlisten);
        await stop();
      };
      listeners.add(unlisten);
      return unlisten;
    },
  };
}
