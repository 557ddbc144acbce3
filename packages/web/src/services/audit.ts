import { request } from "./request";
import type { AuditEvent, AuditQuery, AuditVerification, CheckpointCreated, CheckpointList, ItemList } from "./types";

export type { AuditQuery };

export async function listAudit(query: AuditQuery = {}): Promise<AuditEvent[]> {
  return (await request<ItemList<AuditEvent>>("/audit", { query: { ...query } })).items;
}

export async function verifyAudit(): Promise<AuditVerification> {
  return request<AuditVerification>("/audit/verify");
}

export async function listCheckpoints(): Promise<CheckpointList> {
  return request<CheckpointList>("/audit/checkpoints");
}

export async function createCheckpoint(): Promise<CheckpointCreated> {
  return request<CheckpointCreated>("/audit/checkpoints", { method: "POST" });
}

/** The checkpoint file, for download (a plain link: the session cookie goes with it). */
export const CHECKPOINTS_DOWNLOAD_URL = "/api/v1/audit/checkpoints.jsonl";
