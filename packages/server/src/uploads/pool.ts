/**
 * Parsing off the main thread: uploads are parsed in worker threads (worker.mjs → jobs.ts), at
 * most `concurrency` at once, each with a heap limit (resourceLimits) and a time limit after which
 * its worker is terminated. Workers are started on first use and kept for the next upload (loading
 * ExcelJS takes a second or two), then stopped after a minute idle; an idle worker does not keep
 * the process alive. When all are busy an upload waits in a short queue, and is refused with
 * 429 busy when the queue is full or the wait too long — never a 5xx, and the main thread (which
 * answers /api/v1/health) never blocks on a file.
 */
import { Worker } from "node:worker_threads";
import { AppError } from "../http/errors";
import type { JobError, ParseJob } from "./jobs";
import { sizeText, type UploadLimits } from "./limits";

const IDLE_MS = 60_000;
const workerFile = new URL("./worker.mjs", import.meta.url);

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  busy: boolean;
  idleTimer?: NodeJS.Timeout;
  /** The job running, settled by a message, the time limit or the worker's death. */
  current?: { id: number; settle: (fn: () => void) => void; resolve(v: unknown): void; reject(e: unknown): void };
}

interface Waiting {
  start(slot: Slot): void;
  timer: NodeJS.Timeout;
}

const slots = new Set<Slot>();
const queue: Waiting[] = [];
let nextId = 1;

const busyError = () => new AppError("busy", "服务器正在处理其他上传的文件，请稍后再试（同时解析的文件数量有上限）");

function retire(slot: Slot) {
  slots.delete(slot);
  clearTimeout(slot.idleTimer);
  void slot.worker.terminate();
}

function spawn(limits: UploadLimits): Slot {
  const worker = new Worker(workerFile, {
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, limits.heapMb / 8)), stackSizeMb: 4 },
  });
  const slot: Slot = { worker, busy: true, ready: Promise.resolve() };
  slot.ready = new Promise<void>((resolve, reject) => {
    const onMessage = (m: { ready?: boolean }) => {
      if (m?.ready) {
        worker.off("message", onMessage);
        resolve();
      }
    };
    worker.on("message", onMessage);
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`parse worker exited with ${code} while starting`)));
  });
  slot.ready.catch(() => undefined);
  worker.on("message", (m: { id?: number; ok?: boolean; value?: unknown; error?: JobError }) => {
    const cur = slot.current;
    if (!cur || m.id !== cur.id) return;
    cur.settle(() => (m.ok ? cur.resolve(m.value) : cur.reject(new AppError(m.error!.code, m.error!.message, m.error!.fields))));
  });
  const died = (err?: Error) => {
    slots.delete(slot);
    clearTimeout(slot.idleTimer);
    const cur = slot.current;
    if (!cur) return;
    const oom = (err as { code?: string } | undefined)?.code === "ERR_WORKER_OUT_OF_MEMORY";
    cur.settle(() =>
      cur.reject(
        oom
          ? new AppError("payload_too_large", `文件过于复杂：解析所需内存超过上限 ${sizeText(limits.heapMb * 1024 * 1024)}，已停止解析`, [
              { field: "contentBase64", message: `解析内存超过 ${limits.heapMb} MB` },
            ])
          : new AppError("rule_violation", "文件解析意外中止，未保存任何内容，请检查文件后重试"),
      ),
    );
  };
  worker.on("error", died);
  worker.on("exit", () => died());
  slots.add(slot);
  return slot;
}

/** Runs a job on a free slot; the slot is freed (or retired) when it settles. */
async function runOn<T>(slot: Slot, job: ParseJob, limits: UploadLimits, transfer: ArrayBuffer[]): Promise<T> {
  clearTimeout(slot.idleTimer);
  slot.busy = true;
  slot.worker.ref();
  try {
    await slot.ready;
  } catch {
    retire(slot);
    release(slot);
    throw new AppError("unavailable", "文件解析服务未能启动，请稍后重试");
  }
  return new Promise<T>((resolve, reject) => {
    const id = nextId++;
    let done = false;
    const timer = setTimeout(() => {
      slots.delete(slot);
      cur.settle(() =>
        reject(
          new AppError("rule_violation", `文件解析超时：超过 ${Math.round(limits.timeoutMs / 1000)} 秒仍未完成，已停止解析，未保存任何内容`, [
            { field: "contentBase64", message: `解析超过 ${Math.round(limits.timeoutMs / 1000)} 秒` },
          ]),
        ),
      );
      retire(slot);
    }, limits.timeoutMs);
    const cur = {
      id,
      resolve: resolve as (v: unknown) => void,
      reject,
      settle(fn: () => void) {
        if (done) return;
        done = true;
        clearTimeout(timer);
        slot.current = undefined;
        fn();
        release(slot);
      },
    };
    slot.current = cur;
    slot.worker.postMessage({ id, job }, transfer);
  });
}

/** A settled slot takes the next waiting job, or idles (unref'd) until it is stopped. */
function release(slot: Slot) {
  slot.busy = false;
  if (!slots.has(slot)) {
    // Retired (time limit) or dead: a waiting job gets a fresh worker.
    const next = queue.shift();
    if (next) {
      clearTimeout(next.timer);
      next.start(undefined as unknown as Slot);
    }
    return;
  }
  const next = queue.shift();
  if (next) {
    clearTimeout(next.timer);
    next.start(slot);
    return;
  }
  slot.worker.unref();
  slot.idleTimer = setTimeout(() => retire(slot), IDLE_MS);
  slot.idleTimer.unref();
}

/**
 * Parses in a worker thread within the limits; resolves with the job's result or rejects with a
 * Chinese AppError (4xx: the limit named; 429 busy when every worker is taken and the queue full).
 */
export function runParse<T>(job: ParseJob, limits: UploadLimits): Promise<T> {
  // The bytes go to the worker in an ArrayBuffer of their own, transferred, not copied again.
  if ("content" in job) job = { ...job, content: new Uint8Array(job.content) };
  const transfer = "content" in job ? [job.content.buffer as ArrayBuffer] : [];
  const free = [...slots].find((s) => !s.busy);
  if (free) return runOn<T>(free, job, limits, transfer);
  if (slots.size < limits.concurrency) return runOn<T>(spawn(limits), job, limits, transfer);
  if (queue.length >= limits.queueLength) return Promise.reject(busyError());
  return new Promise<T>((resolve, reject) => {
    const waiting: Waiting = {
      timer: setTimeout(() => {
        const i = queue.indexOf(waiting);
        if (i >= 0) queue.splice(i, 1);
        reject(busyError());
      }, limits.queueWaitMs),
      start(slot) {
        const s = slot ?? ([...slots].find((x) => !x.busy) || spawn(limits));
        runOn<T>(s, job, limits, transfer).then(resolve, reject);
      },
    };
    queue.push(waiting);
  });
}

/** Workers running now (for tests). */
export function parseWorkers(): number {
  return slots.size;
}

/** Stops every worker (tests; the server's exit stops them anyway). */
export async function stopParseWorkers(): Promise<void> {
  await Promise.all([...slots].map((s) => (slots.delete(s), s.worker.terminate())));
}
