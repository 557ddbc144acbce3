/**
 * Sessions without a query per request (issue 17 item 2): each process keeps the sessions it has
 * resolved, keyed by the token hash, with the user's auth context. The database stays the truth:
 *
 * - Every change that ends a session or alters what it carries (logout, password change or reset,
 *   disabling a user, roles, organisation, a unit's name or region, the per-user limit) calls
 *   `announceAuthChange(tx, …)` inside its transaction. The caches of this process forget the
 *   entries at once; `pg_notify` reaches every process (on PGlite: this one) when the transaction
 *   commits, and not at all when it rolls back.
 * - While notifications flow, an entry is re-read after `LISTENING_MAX_AGE_MS` at the latest (a
 *   change made outside the application, by hand in SQL). While the listener is down (PostgreSQL
 *   reconnecting), entries are trusted for `FALLBACK_MAX_AGE_MS` only, so correctness never depends
 *   on the listener; whenever it goes down or comes back the cache is emptied (it may have missed
 *   something).
 * - An entry is never stored when an invalidation arrived while it was being read (`generation`).
 * - Expiry and the idle timeout are checked on the entry; an entry that looks idle here is read
 *   again (another process may have seen the session more recently). Unknown tokens are not cached.
 */
import { sql } from "drizzle-orm";
import type { Role } from "@kuanyan/domain/organisations";
import type { Database, DbOrTx } from "../db/client";
import type { Unlisten } from "../db/listen";

export const AUTH_CHANNEL = "kuanyan_auth";
/** With notifications flowing: the longest an entry is used without reading the database again. */
export const LISTENING_MAX_AGE_MS = 30_000;
/** Without notifications (listener down): the longest an entry is used. */
export const FALLBACK_MAX_AGE_MS = 2_000;
/** Entries per process; the oldest goes first. */
export const MAX_ENTRIES = 10_000;

/** A live session and what the server needs of its user on every request. */
export interface SessionRecord {
  tokenHash: string;
  csrfToken: string;
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  licenceNo: string | null;
  organisationId: string;
  organisationName: string;
  organisationDomain: string;
  regionCode: string;
  expiresAt: Date;
  lastSeenAt: Date;
}

/** What changed: one session, every session of a user, of a unit's users, or anything. */
export type AuthChange = { tokenHash: string } | { userId: string } | { organisationId: string } | "all";

function encode(change: AuthChange): string {
  if (change === "all") return "*";
  if ("tokenHash" in change) return `t:${change.tokenHash}`;
  if ("userId" in change) return `u:${change.userId}`;
  return `o:${change.organisationId}`;
}

/** The caches of this process (a test process runs several apps). */
const caches = new Set<SessionCache>();

/**
 * Inside the writing transaction: this process forgets the affected sessions now, every process
 * (PostgreSQL LISTEN/NOTIFY) when the transaction commits.
 */
export async function announceAuthChange(tx: DbOrTx, change: AuthChange): Promise<void> {
  const message = encode(change);
  for (const cache of caches) cache.apply(message);
  await tx.execute(sql`SELECT pg_notify(${AUTH_CHANNEL}, ${message})`);
}

interface Entry {
  record: SessionRecord;
  loadedAt: number;
}

export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private listening = false;
  private unlisten: Unlisten | null = null;
  /** Counts invalidations; a read that overlapped one is not stored. */
  generation = 0;

  /** `clock`: a monotonic clock in ms (the ages of entries), not the application's clock. */
  constructor(private readonly clock: () => number = () => performance.now()) {}

  /** A cache that listens to the database's notifications until `stop()`. */
  static async start(database: Database): Promise<SessionCache> {
    const cache = new SessionCache();
    caches.add(cache);
    try {
      cache.unlisten = await database.listen(
        AUTH_CHANNEL,
        (m) => cache.apply(m),
        (up) => cache.setListening(up),
      );
    } catch (err) {
      caches.delete(cache);
      throw err;
    }
    return cache;
  }

  async stop(): Promise<void> {
    caches.delete(this);
    this.entries.clear();
    const unlisten = this.unlisten;
    this.unlisten = null;
    if (unlisten) await unlisten();
  }

  get size(): number {
    return this.entries.size;
  }

  get isListening(): boolean {
    return this.listening;
  }

  /** The cached session if it is fresh enough and, as far as this process knows, still live at `now`. */
  get(tokenHash: string, now: Date, idleMinutes?: number): SessionRecord | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    const maxAge = this.listening ? LISTENING_MAX_AGE_MS : FALLBACK_MAX_AGE_MS;
    const r = entry.record;
    const stale = this.clock() - entry.loadedAt > maxAge;
    const expired = r.expiresAt.getTime() <= now.getTime();
    const idle = !!idleMinutes && r.lastSeenAt.getTime() <= now.getTime() - idleMinutes * 60_000;
    if (stale || expired || idle) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return r;
  }

  /** Stores a session read from the database, unless an invalidation arrived since `generation` was taken. */
  put(record: SessionRecord, generation: number): void {
    if (generation !== this.generation) return;
    if (!this.entries.has(record.tokenHash) && this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(record.tokenHash, { record, loadedAt: this.clock() });
  }

  forget(tokenHash: string): void {
    this.generation++;
    this.entries.delete(tokenHash);
  }

  /** Applies one notification (`t:<token hash>`, `u:<user id>`, `o:<organisation id>`, `*`). */
  apply(message: string): void {
    this.generation++;
    const [kind, id] = [message.slice(0, 1), message.slice(2)];
    if (kind === "t") {
      this.entries.delete(id);
      return;
    }
    if (kind !== "u" && kind !== "o") {
      this.entries.clear();
      return;
    }
    for (const [hash, { record }] of this.entries) {
      if ((kind === "u" ? record.userId : record.organisationId) === id) this.entries.delete(hash);
    }
  }

  /** The listener went down or came back: either way it may have missed notifications. */
  setListening(up: boolean): void {
    this.listening = up;
    this.generation++;
    this.entries.clear();
  }
}
