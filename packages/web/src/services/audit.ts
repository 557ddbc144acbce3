import { request } from "./request";
import type { AuditEvent, ItemList } from "./types";

export interface AuditQuery {
  entityType?: string;
  entityId?: string;
  limit?: number;
}

export async function listAudit(query: AuditQuery = {}): Promise<AuditEvent[]> {
  return (await request<ItemList<AuditEvent>>("/audit", { query: { ...query } })).items;
}

/** The result of checking the audit hash chain against the exported checkpoints. */
export interface AuditVerification {
  ok: boolean;
  count: number;
  headSeq: number;
  checkpoints: number;
  message: string;
  broken?: { seq: number | null; at: string | null; problem: string };
}

export interface AuditCheckpoint {
  seq: number;
  hash: string;
  at: string;
  exportedAt?: string;
}

export async function verifyAudit(): Promise<AuditVerification> {
  return request<AuditVerification>("/audit/verify");
}

export async function listCheckpoints(): Promise<{ file: string; every: number; items: AuditCheckpoint[] }> {
  return request("/audit/checkpoints");
}

export async function createCheckpoint(): Promise<{ checkpoint: AuditCheckpoint | null }> {
  return request("/audit/checkpoints", { method: "POST" });
}

/** The checkpoint file, for download (a plain link: the session cookie goes with it). */
export const CHECKPOINTS_DOWNLOAD_URL = "/api/v1/audit/checkpoints.jsonl";
