/**
 * The audit hash chain (issue 15, item 3). Every audit event has a gapless sequence number `seq`,
 * the hash of the event before it (`prev_hash`; the first event follows GENESIS) and its own
 * `hash` = SHA-256 over the canonical serialisation of its fields and `prev_hash`.
 *
 * The chain is global — one per installation, across all regions — because a single order is
 * what makes a deleted, inserted or reordered event visible; every event still carries its
 * region_code, and the head row carries the installation-wide placeholder 000000.
 *
 * Appends are serialised by the one-row table audit_chain_head: the UPDATE (in kuanyan_audit_append) that takes the next
 * number locks the row until the writing transaction ends, so two processes on one PostgreSQL
 * cannot give two events the same number (the unique index audit_seq_uq would refuse it anyway).
 * A rolled-back transaction rolls the head back too: numbers stay gapless.
 *
 * What the database alone cannot prove (a truncated table, a cut-off tail, or a chain rewritten
 * by someone who can also recompute the hashes) is caught by comparing it with checkpoints
 * exported outside the database (src/audit/checkpoints.ts).
 */
import type { BrokenLink, Checkpoint, VerifyResult } from "@kuanyan/domain/audit";
import crypto from "node:crypto";
import { and, asc, gt, isNotNull, isNull, sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { Db, DbOrTx } from "../db/client";
import { auditChainHead, auditEvents } from "../db/schema";

export const GENESIS = "0".repeat(64);

/** The fields that the hash covers, as they are stored. */
export interface ChainedFields {
  seq: number;
  at: Date;
  regionCode: string;
  organisationId: string | null;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  ip: string | null;
}

/** JSON with object keys sorted at every level: one text for one value, whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * The canonical serialisation of an event (version 1): the body — a JSON array of the fields in a
 * fixed order, object keys sorted — then a line with the number and a line with the previous hash.
 * The database function kuanyan_audit_append (migration 0008) appends the same two lines to the
 * body it receives, so either side can compute the hash.
 */
export function canonicalBody(e: Omit<ChainedFields, "seq">): string {
  return canonicalJson([
    "kuanyan-audit-v1",
    e.at.toISOString(),
    e.regionCode,
    e.organisationId,
    e.actorId,
    e.actorName,
    e.action,
    e.entityType,
    e.entityId,
    e.before ?? null,
    e.after ?? null,
    e.ip,
  ]);
}

export function canonicalEvent(e: ChainedFields, prevHash: string): string {
  return `${canonicalBody(e)}\n${e.seq}\n${prevHash}`;
}

export function eventHash(e: ChainedFields, prevHash: string): string {
  return crypto.createHash("sha256").update(canonicalEvent(e, prevHash), "utf8").digest("hex");
}

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/**
 * Appends one event to the chain inside the caller's transaction, in one round trip: the database
 * function takes the next number (locking the head until the transaction ends), hashes, inserts
 * and moves the head.
 */
export async function appendEvent(tx: DbOrTx, fields: Omit<ChainedFields, "seq" | "at">): Promise<{ seq: number; hash: string }> {
  // The head must stay locked until the event's transaction ends.
  if (!(tx instanceof PgTransaction)) return (tx as Db).transaction((t) => appendEvent(t, fields));
  const e = { ...fields, at: new Date() };
  const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
  const [row] = rowsOf<{ r: string }>(
    await tx.execute(sql`SELECT kuanyan_audit_append(${canonicalBody(e)}, ${e.regionCode}, ${e.organisationId}, ${e.actorId},
      ${e.actorName}, ${e.action}, ${e.entityType}, ${e.entityId}, ${json(e.before)}::jsonb, ${json(e.after)}::jsonb, ${e.ip},
      ${e.at.toISOString()}::timestamptz) AS r`),
  );
  const [seqText, hash] = row.r.split(" ");
  const seq = Number(seqText);
  notifyAppended(seq);
  return { seq, hash };
}

type AppendListener = (seq: number) => void;
let appendListener: AppendListener | null = null;

/** The checkpoint exporter of this process listens for appends (src/audit/checkpoints.ts). */
export function onAppended(listener: AppendListener | null): void {
  appendListener = listener;
}

function notifyAppended(seq: number): void {
  appendListener?.(seq);
}

/**
 * Chains the events that have no place in the chain yet — an upgraded installation's history,
 * written before migration 0008 — in (at, id) order, after the current head. Runs at every start;
 * nothing to do costs one indexed query. Returns the number of events chained.
 */
export async function chainPendingEvents(db: Db): Promise<number> {
  const [pending] = await db.select({ id: auditEvents.id }).from(auditEvents).where(isNull(auditEvents.seq)).limit(1);
  if (!pending) return 0;
  return db.transaction(async (tx) => {
    const [head] = rowsOf<{ seq: string; hash: string }>(
      await tx.execute(sql`SELECT seq::text AS seq, hash FROM audit_chain_head WHERE id = 1 FOR UPDATE`),
    );
    let seq = Number(head.seq);
    let prev = head.hash;
    let total = 0;
    for (;;) {
      const batch = await tx.select().from(auditEvents).where(isNull(auditEvents.seq)).orderBy(asc(auditEvents.at), asc(auditEvents.id)).limit(1000);
      if (!batch.length) break;
      const values = batch.map((row) => {
        seq += 1;
        const hash = eventHash({ ...row, seq }, prev);
        const v = { id: row.id, seq, prev_hash: prev, hash };
        prev = hash;
        return v;
      });
      await tx.execute(sql`
        UPDATE audit_events a SET seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
        FROM jsonb_to_recordset(${JSON.stringify(values)}::jsonb) AS v(id bigint, seq bigint, prev_hash text, hash text)
        WHERE a.id = v.id`);
      total += batch.length;
    }
    await tx.execute(sql`UPDATE audit_chain_head SET seq = ${seq}, hash = ${prev} WHERE id = 1`);
    return total;
  });
}

export type { BrokenLink, Checkpoint, VerifyResult } from "@kuanyan/domain/audit";

const fmt = (iso: string | null) => (iso ? iso : "时间不详");

/** What is wrong with the next event of the chain, if anything: a gap before it, a wrong previous hash, changed content, a checkpoint it no longer matches. */
function brokenLink(
  row: typeof auditEvents.$inferSelect,
  expected: number,
  prev: string,
  prevAt: string | null,
  byseq: ReadonlyMap<number, Checkpoint[]>,
): BrokenLink | undefined {
  const seq = Number(row.seq);
  const at = row.at.toISOString();
  if (seq !== expected) {
    const cp = byseq.get(expected)?.[0];
    return {
      seq: expected,
      at: cp?.at ?? prevAt,
      problem:
        seq - expected === 1
          ? `第 ${expected} 条审计记录缺失（第 ${expected - 1} 条之后直接是第 ${seq} 条），记录被删除`
          : `第 ${expected} 至 ${seq - 1} 条审计记录缺失（共 ${seq - expected} 条），记录被删除`,
    };
  }
  if (row.prevHash !== prev) {
    return {
      seq,
      at,
      problem: `第 ${seq} 条审计记录的前序哈希与第 ${seq - 1} 条不符，记录被替换、插入或重排`,
    };
  }
  if (eventHash({ ...row, seq }, prev) !== row.hash) {
    return { seq, at, problem: `第 ${seq} 条审计记录的内容被修改（哈希值与内容不符）` };
  }
  const cps = byseq.get(seq);
  if (cps && cps.some((c) => c.hash !== row.hash)) {
    const c = cps.find((x) => x.hash !== row.hash)!;
    return {
      seq,
      at,
      problem: `第 ${seq} 条审计记录与${c.exportedAt ? ` ${c.exportedAt} ` : ""}导出的检查点不符，审计链被改写`,
    };
  }
  return undefined;
}

/**
 * Recomputes the chain from the first event and compares it with the head and the checkpoints.
 * Reports the first broken link: a missing number, a changed event, a wrong previous hash, an
 * event outside the chain, a checkpoint that the database no longer matches, or a cut-off tail.
 */
export async function verifyChain(db: DbOrTx, checkpoints: Checkpoint[] = []): Promise<VerifyResult> {
  const byseq = new Map<number, Checkpoint[]>();
  for (const c of checkpoints) {
    const list = byseq.get(c.seq) ?? [];
    if (!list.some((x) => x.hash === c.hash)) list.push(c);
    byseq.set(c.seq, list);
  }
  const [headRow] = await db.select().from(auditChainHead);
  const headSeq = headRow ? Number(headRow.seq) : 0;
  const result = (count: number, broken?: BrokenLink): VerifyResult => ({ ok: !broken, count, headSeq, checkpoints: byseq.size, broken });

  let expected = 1;
  let prev = GENESIS;
  let prevAt: string | null = null;
  let count = 0;
  for (;;) {
    const batch = await db
      .select()
      .from(auditEvents)
      .where(and(isNotNull(auditEvents.seq), gt(auditEvents.seq, expected - 1)))
      .orderBy(asc(auditEvents.seq))
      .limit(2000);
    if (!batch.length) break;
    for (const row of batch) {
      const broken = brokenLink(row, expected, prev, prevAt, byseq);
      if (broken) return result(count, broken);
      const seq = Number(row.seq);
      const at = row.at.toISOString();
      prev = row.hash!;
      prevAt = at;
      expected = seq + 1;
      count += 1;
    }
  }
  const last = expected - 1;
  const beyond = [...byseq.keys()].filter((s) => s > last).sort((a, b) => a - b);
  if (beyond.length) {
    const top = beyond.at(-1)!;
    const cp = byseq.get(top)![0];
    return result(count, {
      seq: last + 1,
      at: byseq.get(last + 1)?.[0]?.at ?? prevAt ?? cp.at,
      problem:
        last === 0
          ? `审计记录全部缺失：检查点表明曾有至少 ${top} 条（最近的 ${fmt(cp.at)}），审计表被清空`
          : `第 ${last + 1} 条起的审计记录缺失：检查点表明曾有至少 ${top} 条，数据库中只到第 ${last} 条`,
    });
  }
  if (headSeq > last) {
    return result(count, {
      seq: last + 1,
      at: prevAt,
      problem:
        last === 0
          ? `审计记录全部缺失：审计链头记录为第 ${headSeq} 条，审计表被清空`
          : `第 ${last + 1} 条起的审计记录缺失：审计链头记录为第 ${headSeq} 条，数据库中只到第 ${last} 条`,
    });
  }
  if (headRow && headSeq === last && last > 0 && headRow.hash !== prev) {
    return result(count, { seq: last, at: prevAt, problem: `审计链头的哈希与第 ${last} 条审计记录不符，审计链被改写` });
  }
  const [outside] = await db.select().from(auditEvents).where(isNull(auditEvents.seq)).orderBy(asc(auditEvents.id)).limit(1);
  if (outside) {
    return result(count, {
      seq: null,
      at: outside.at.toISOString(),
      problem: `有审计记录不在审计链中（编号 ${outside.id}，${outside.at.toISOString()}），记录被绕过审计链插入或尚未入链`,
    });
  }
  return result(count);
}
