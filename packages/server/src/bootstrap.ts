import path from "node:path";
import type { Config } from "./config";
import { openPglite, openPostgres, type Database } from "./db/client";
import { acquireDataDirLock } from "./db/lock";
import { migrate } from "./db/migrate";
import { loadRegions } from "./regions/load";
import { createDemoData, hasDemoData } from "./demo";
import { buildApp, type App } from "./http/app";
import { preparePersonalData } from "./pii/setup";
import type { AppContext } from "./http/context";
import { chainPendingEvents } from "./audit/chain";
import { startCheckpointExporter } from "./audit/checkpoints";

export interface Running {
  app: App;
  ctx: AppContext;
  demoCreated: boolean;
  close(): Promise<void>;
}

/**
 * Opens the database (PGlite in the data directory, or PostgreSQL through DATABASE_URL),
 * migrates it, loads the division codes at first start, creates demo data where asked,
 * and builds the HTTP app.
 */
export async function openDatabase(config: Config): Promise<{ database: Database; release: () => void }> {
  if (config.databaseUrl) return { database: await openPostgres(config.databaseUrl), release: () => undefined };
  const release = acquireDataDirLock(config.dataDir);
  try {
    return { database: await openPglite({ dataDir: path.join(config.dataDir, "pgdata") }), release };
  } catch (err) {
    release();
    throw err;
  }
}

export async function prepareDatabase(database: Database): Promise<void> {
  await migrate(database);
  await loadRegions(database);
  await chainPendingEvents(database.db); // an upgraded installation's audit history joins the chain
}

export async function boot(config: Config, options: { logger?: boolean; demo?: boolean; now?: () => Date } = {}): Promise<Running> {
  const { database, release } = await openDatabase(config);
  try {
    await prepareDatabase(database);
    // The data key (environment or key file, never the database) before any personal number is touched.
    await preparePersonalData(database, config, (m) => console.log(m));
    const ctx: AppContext = { database, config, now: options.now ?? (() => new Date()) };
    const wantDemo = options.demo ?? (config.demo === "on" || (config.demo === "auto" && database.kind === "pglite"));
    let demoCreated = false;
    if (wantDemo && !(await hasDemoData(ctx))) {
      await createDemoData(ctx);
      demoCreated = true;
    }
    const app = await buildApp(ctx, { logger: options.logger });
    const stopCheckpoints = startCheckpointExporter(database.db, config.auditExportDir, config.auditCheckpointEvery, (m) => app.log.error(m));
    let closed = false;
    return {
      app,
      ctx,
      demoCreated,
      async close() {
        if (closed) return;
        closed = true;
        await app.close();
        await stopCheckpoints();
        await database.close();
        release();
      },
    };
  } catch (err) {
    await database.close().catch(() => undefined);
    release();
    throw err;
  }
}
