/**
 * PostgreSQL notifications (LISTEN/NOTIFY) for per-process caches: a dedicated connection, outside the
 * pool, that reconnects after an error and checks itself with a heartbeat. `onState(false)` is called
 * as soon as the connection is known to be lost (an error, the server ending it, or a heartbeat without
 * an answer), `onState(true)` once it listens again: notifications sent in between were missed, so a
 * cache must not trust anything it learned before.
 */
import pg from "pg";

/** How the listening connection shows in pg_stat_activity. */
export const LISTEN_APPLICATION_NAME = "kuanyan-listen";

export interface ListenOptions {
  /** How often the connection proves it is alive (ms). */
  heartbeatMs?: number;
  /** How long a heartbeat may take before the connection is given up (ms). */
  heartbeatTimeoutMs?: number;
  /** Wait before reconnecting after a failure (ms). */
  retryMs?: number;
}

export type Unlisten = () => Promise<void>;

export async function listenPostgres(
  url: string,
  channel: string,
  onMessage: (payload: string) => void,
  onState: (up: boolean) => void,
  options: ListenOptions = {},
): Promise<Unlisten> {
  const heartbeatMs = options.heartbeatMs ?? 5_000;
  const heartbeatTimeoutMs = options.heartbeatTimeoutMs ?? 2_000;
  const retryMs = options.retryMs ?? 500;
  let stopped = false;
  let client: pg.Client | null = null;
  let heartbeat: NodeJS.Timeout | null = null;
  let retry: NodeJS.Timeout | null = null;
  let up = false;

  const setUp = (value: boolean) => {
    if (up === value) return;
    up = value;
    onState(value);
  };

  const drop = (c: pg.Client) => {
    if (client !== c) return;
    client = null;
    if (heartbeat) clearInterval(heartbeat);
    heartbeat = null;
    setUp(false);
    c.end().catch(() => undefined);
    if (!stopped) retry = setTimeout(() => void connect(), retryMs);
  };

  const connect = async () => {
    retry = null;
    if (stopped) return;
    const c = new pg.Client({ connectionString: url, keepAlive: true, application_name: LISTEN_APPLICATION_NAME });
    client = c;
    c.on("error", () => drop(c));
    c.on("end", () => drop(c));
    c.on("notification", (n) => {
      if (n.channel === channel && n.payload !== undefined) onMessage(n.payload);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch {
      drop(c);
      return;
    }
    if (client !== c) return;
    heartbeat = setInterval(() => {
      const timer = setTimeout(() => drop(c), heartbeatTimeoutMs);
      c.query("SELECT 1").then(
        () => clearTimeout(timer),
        () => {
          clearTimeout(timer);
          drop(c);
        },
      );
    }, heartbeatMs);
    heartbeat.unref();
    setUp(true);
  };

  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    if (heartbeat) clearInterval(heartbeat);
    const c = client;
    client = null;
    if (c) await c.end().catch(() => undefined);
  };
}
