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
