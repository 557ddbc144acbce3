/**
 * Audit checkpoints outside the database (issue 15, item 3). A checkpoint is the number, hash and
 * time of one audit event, appended as a JSON line to <KUANYAN_AUDIT_EXPORT_DIR>/audit-checkpoints.jsonl.
 * Whoever can rewrite the database cannot rewrite what was exported (keep the directory on other
 * storage, or print the checkpoints), so verification against the file detects a truncated table,
 * a cut-off tail and a recomputed chain.
 *
 * A checkpoint is written for every event whose number is a multiple of N
 * (KUANYAN_AUDIT_CHECKPOINT_EVERY), shortly after it commits, at start, and on demand
 * (`kuanyan audit checkpoint`, the admin page). Only committed events are exported: the exporter
 * reads them back from the database, never from a transaction in progress.
 */
import fs from "node:fs";
import path from "node:path";
import { and, asc, desc, eq, gt, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { auditEvents } from "../db/schema";
import { onAppended, type Checkpoint } from "./chain";

export const CHECKPOINT_FILE = "audit-checkpoints.jsonl";

export function checkpointFile(dir: string): string {
  return path.join(dir, CHECKPOINT_FILE);
}

/** Reads a checkpoint file (JSON lines; blank and unreadable lines are reported, not ignored). */
export function readCheckpoints(file: string): Checkpoint[] {
  if (!fs.existsSync(file)) return [];
  const out: Checkpoint[] = [];
  const lines = fs.readFileSync(file, "utf8").split("\n");
  lines.forEach((line, i) => {
    const t = line.trim();
    if (!t) return;
    let v: Partial<Checkpoint>;
    try {
      v = JSON.parse(t) as Partial<Checkpoint>;
    } catch {
      throw new Error(`检查点文件 ${file} 第 ${i + 1} 行不是有效的 JSON`);
    }
    if (typeof v.seq !== "number" || !Number.isInteger(v.seq) || v.seq < 1 || typeof v.hash !== "string" || !/^[0-9a-f]{64}$/.test(v.hash)) {
      throw new Error(`检查点文件 ${file} 第 ${i + 1} 行格式有误（需要 seq 与 64 位十六进制 hash）`);
    }
    out.push({
      seq: v.seq,
      hash: v.hash,
      at: typeof v.at === "string" ? v.at : "",
      ...(typeof v.exportedAt === "string" ? { exportedAt: v.exportedAt } : {}),
    });
  });
  return out;
}

function appendLines(dir: string, checkpoints: Checkpoint[]): void {
  if (!checkpoints.length) return;
  fs.mkdirSync(dir, { recursive: true });
  // One write with O_APPEND: lines from two processes do not interleave.
  const text = checkpoints.map((c) => `${JSON.stringify({ seq: c.seq, hash: c.hash, at: c.at, exportedAt: c.exportedAt })}\n`).join("");
  const fd = fs.openSync(checkpointFile(dir), "a", 0o640);
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function lastExported(dir: string): number {
  const cps = readCheckpoints(checkpointFile(dir));
  return cps.reduce((m, c) => Math.max(m, c.seq), 0);
}

/** Exports a checkpoint of the newest committed event (the `checkpoint` command and the admin page). */
export async function writeCheckpoint(db: Db, dir: string, now = new Date()): Promise<Checkpoint | null> {
  const [row] = await db
    .select({ seq: auditEvents.seq, hash: auditEvents.hash, at: auditEvents.at })
    .from(auditEvents)
    .where(isNotNull(auditEvents.seq))
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  if (!row) return null;
  const c: Checkpoint = { seq: Number(row.seq), hash: row.hash!, at: row.at.toISOString(), exportedAt: now.toISOString() };
  appendLines(dir, [c]);
  return c;
}

/** Exports the checkpoints due (every `every`-th event) that the file does not have yet. */
export async function exportDueCheckpoints(db: Db, dir: string, every: number, now = new Date()): Promise<Checkpoint[]> {
  const after = lastExported(dir);
  const rows = await db
    .select({ seq: auditEvents.seq, hash: auditEvents.hash, at: auditEvents.at })
    .from(auditEvents)
    .where(and(isNotNull(auditEvents.seq), gt(auditEvents.seq, after), eq(sql`${auditEvents.seq} % ${every}`, 0)))
    .orderBy(asc(auditEvents.seq))
    .limit(10_000);
  const due = rows.map((r) => ({ seq: Number(r.seq), hash: r.hash!, at: r.at.toISOString(), exportedAt: now.toISOString() }));
  appendLines(dir, due);
  return due;
}

/**
 * Starts this process's exporter: after an append of an N-th event (once its transaction has had
 * time to commit), every minute, and at once. Returns a stop function.
 */
export function startCheckpointExporter(db: Db, dir: string, every: number, log: (msg: string) => void = () => undefined): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  const run = () => {
    running = running.then(() => exportDueCheckpoints(db, dir, every)).catch((err: Error) => log(`审计检查点导出失败：${err.message.slice(0, 300)}`));
  };
  const soon = () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      run();
    }, 1000);
    timer.unref();
  };
  onAppended((seq) => {
    if (seq % every === 0) soon();
  });
  const interval = setInterval(run, 60_000);
  interval.unref();
  run();
  return async () => {
    onAppended(null);
    clearInterval(interval);
    if (timer) clearTimeout(timer);
    await running;
  };
}
