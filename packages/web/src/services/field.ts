// 现场检查 API client with the offline queue (issue 10 §6; docs/inspections/README.md §九).
//
// Every write is an entry of a queue kept in localStorage, with an idempotency key generated once
// when the inspector acts. The queue is sent in order whenever the network is there (at once, on the
// browser's `online` event, on page load, every 15 s); an entry leaves the queue when the server has
// answered it. A lost answer is sent again with the same key, and the server changes nothing for a
// key it has seen (results are also keyed by item), so nothing is duplicated. The last inspection the
// server sent is kept too, so a reload without network still shows the inspection and the pending
// entries on top of it.
import type { z } from "zod";
import type { ZFieldInspection, ZMyDay } from "@kuanyan/contract/hazards";
import { ApiError, request } from "./request";

export type FieldInspection = z.infer<typeof ZFieldInspection>;
export type MyDay = z.infer<typeof ZMyDay>;
import type { HazardList } from "@kuanyan/contract/hazards";
export type { HazardList };
import type { HazardDetail } from "@kuanyan/contract/hazards";
export type { HazardDetail };
import type { FieldFigures } from "@kuanyan/contract/hazards";
export type { FieldFigures };
export type Outcome = "pass" | "fail" | "not_applicable";
export type Finding =
  { kind: "hazard"; level: "general" | "major"; criterion?: string } | { kind: "case"; majorHazard?: boolean; criterion?: string };

export interface QueueEntry {
  key: string;
  inspectionId: string;
  kind: "checkIn" | "photo" | "result" | "sign" | "submit" | "hazard" | "case";
  method: "POST" | "PUT";
  path: string;
  body: Record<string, unknown>;
  /** What the entry is, for the pending list (Chinese). */
  label: string;
  itemId?: string;
  createdAt: string;
}

const QUEUE = "kuanyan.field.queue.v1";
const SNAPSHOT = (id: string) => `kuanyan.field.inspection.v1.${id}`;

export function newKey(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

export function readQueue(): QueueEntry[] {
  try {
    return JSON.parse(localStorage.getItem(QUEUE) ?? "[]") as QueueEntry[];
  } catch {
    return [];
  }
}
function writeQueue(q: QueueEntry[]): void {
  localStorage.setItem(QUEUE, JSON.stringify(q));
  listeners.forEach((l) => l());
}

const listeners = new Set<() => void>();
export function onQueueChange(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function saveSnapshot(i: FieldInspection): void {
  try {
    localStorage.setItem(SNAPSHOT(i.id), JSON.stringify(i));
  } catch {
    /* storage full: the queue matters more than the snapshot */
  }
}
export function loadSnapshot(id: string): FieldInspection | null {
  try {
    const s = localStorage.getItem(SNAPSHOT(id));
    return s ? (JSON.parse(s) as FieldInspection) : null;
  } catch {
    return null;
  }
}

/** Adds an entry and tries to send the queue. */
export function enqueue(entry: Omit<QueueEntry, "key" | "createdAt"> & { key?: string }): QueueEntry {
  const e: QueueEntry = { ...entry, key: entry.key ?? newKey(), createdAt: new Date().toISOString() };
  writeQueue([...readQueue(), e]);
  void flush();
  return e;
}

let flushing: Promise<FlushResult> | null = null;
export interface FlushResult {
  sent: number;
  offline: boolean;
  refused: { entry: QueueEntry; message: string }[];
  last?: FieldInspection;
}

/**
 * Sends the queue in order. A network failure stops (the rest waits for the network); a refusal by
 * the server (4xx: the rule says no, nothing was changed) drops the entry and is reported.
 */
export function flush(): Promise<FlushResult> {
  if (flushing) return flushing;
  flushing = (async () => {
    const result: FlushResult = { sent: 0, offline: false, refused: [] };
    for (;;) {
      const [head] = readQueue();
      if (!head) break;
      try {
        const body = head.kind === "photo" ? head.body : { ...head.body, idempotencyKey: head.key };
        const res = await request<unknown>(head.path, { method: head.method, body, silent: true });
        if (res && typeof res === "object" && "items" in res && "results" in res) {
          result.last = res as FieldInspection;
          saveSnapshot(result.last);
        }
        result.sent++;
      } catch (err) {
        if (err instanceof ApiError && (err.status === 0 || err.status >= 500 || err.status === 429)) {
          result.offline = true;
          break;
        }
        result.refused.push({ entry: head, message: err instanceof Error ? err.message : String(err) });
      }
      writeQueue(readQueue().filter((e) => e.key !== head.key));
    }
    return result;
  })().finally(() => {
    flushing = null;
  });
  return flushing;
}

let started = false;
/** Sends the queue when the network returns, and every 15 s. */
export function startSync(onRefused: (messages: string[]) => void): void {
  if (started) return;
  started = true;
  const go = () =>
    void flush().then((r) => {
      if (r.refused.length) onRefused(r.refused.map((x) => `${x.entry.label}：${x.message}`));
    });
  window.addEventListener("online", go);
  setInterval(go, 15_000);
  go();
}

export const fieldApi = {
  today: () => request<MyDay>("/field/today"),
  get: (id: string) => request<FieldInspection>(`/field/inspections/${id}`, { silent: true }),
  recordUrl: (id: string, format: "pdf" | "docx", recordId?: string) =>
    `/api/v1/field/inspections/${id}/record.${format}${recordId ? `?recordId=${recordId}` : ""}`,
  /** 更正记录: online only (a new numbered record supersedes the submitted one). */
  correct: (
    id: string,
    body: { idempotencyKey: string; reason: string; results: { itemId: string; outcome: Outcome; note?: string; finding?: Finding }[] },
  ) => request<FieldInspection>(`/field/inspections/${id}/corrections`, { method: "POST", body }),
  photoUrl: (id: string, sha: string) => `/api/v1/field/inspections/${id}/photos/${sha}`,
};

export const hazardApi = {
  list: (query: Record<string, string | number | undefined>) => request<HazardList>("/hazards", { query }),
  get: (id: string) => request<HazardDetail>(`/hazards/${id}`),
  figures: (year: number) => request<FieldFigures>("/hazards/figures", { query: { year } }),
  uploadEvidence: (id: string, contentBase64: string) =>
    request<{ id: string; sha256: string }>(`/hazards/${id}/evidence`, { method: "POST", body: { contentBase64 } }),
  rectify: (id: string, body: { on: string; evidence: string[]; note?: string }) =>
    request<HazardDetail>(`/hazards/${id}/rectification`, { method: "POST", body }),
  review: (id: string, body: { passed: boolean; note: string; newDeadline?: string }) =>
    request<HazardDetail>(`/hazards/${id}/review`, { method: "POST", body }),
  close: (id: string) => request<HazardDetail>(`/hazards/${id}/close`, { method: "POST", body: {} }),
};

/** SHA-256 of bytes, hex (the server hashes the same bytes). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const d = await crypto.subtle.digest("SHA-256", bytes as unknown as ArrayBuffer);
  return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export function base64ToBytes(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** A photo made smaller for the phone's link and the local queue: JPEG, at most 1280 px. */
export async function shrinkPhoto(file: File): Promise<string> {
  const url = URL.createObjectURL(file);
  try {
    const img = await new Promise<HTMLImageElement>((resolve, reject) => {
      const i = new Image();
      i.onload = () => resolve(i);
      i.onerror = () => reject(new Error("无法读取照片"));
      i.src = url;
    });
    const scale = Math.min(1, 1280 / Math.max(img.width, img.height));
    const canvas = document.createElement("canvas");
    canvas.width = Math.max(1, Math.round(img.width * scale));
    canvas.height = Math.max(1, Math.round(img.height * scale));
    canvas.getContext("2d")!.drawImage(img, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL("image/jpeg", 0.8).split(",")[1];
  } finally {
    URL.revokeObjectURL(url);
  }
}
