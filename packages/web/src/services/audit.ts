import type { AuditVerification, Checkpoint } from "@kuanyan/domain/audit";
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

export async function verifyAudit(): Promise<AuditVerification> {
  return request<AuditVerification>("/audit/verify");
}

export async function listCheckpoints(): Promise<{ file: string; every: number; items: Checkpoint[] }> {
  return request("/audit/checkpoints");
}

export async function createCheckpoint(): Promise<{ checkpoint: Checkpoint | null }> {
  return request("/audit/checkpoints", { method: "POST" });
}

/** The checkpoint file, for download (a plain link: the session cookie goes with it). */
export const CHECKPOINTS_DOWNLOAD_URL = "/api/v1/audit/checkpoints.jsonl";
