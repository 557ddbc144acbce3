/**
 * The contract of the audit trail (/api/v1/audit): the events with their Chinese labels and the
 * names of the people and records they concern, the hash chain's verification and its checkpoints.
 */
import { z } from "zod";

export const ZAuditQuery = z.object({
  entityType: z.string().max(40).optional().describe("对象类型"),
  entityId: z.string().max(64).optional().describe("对象"),
  limit: z.coerce.number().int().min(1).max(500).default(100).describe("条数"),
});

export const ZAuditEvent = z.object({
  id: z.number(),
  /** The event's place in the audit hash chain (null until chained). */
  seq: z.number().nullable(),
  at: z.string(),
  /** Who did it: the name at the time of the event, else the user's name now; null for the system. */
  actorName: z.string().nullable(),
  organisationName: z.string().nullable(),
  action: z.string(),
  /** 中文名称 of the action (auditActionLabels of @kuanyan/domain/audit). */
  actionLabel: z.string(),
  entityType: z.string(),
  entityTypeLabel: z.string(),
  entityId: z.string(),
  /** The record's readable name or number (case number, user's name, organisation, list, document number). */
  entityName: z.string().nullable(),
});

export const ZAuditList = z.object({ items: z.array(ZAuditEvent) });

export const ZCheckpoint = z.object({
  seq: z.number(),
  hash: z.string(),
  at: z.string(),
  exportedAt: z.string().optional(),
});

export const ZAuditVerification = z.object({
  ok: z.boolean(),
  count: z.number(),
  headSeq: z.number(),
  checkpoints: z.number(),
  broken: z.object({ seq: z.number().nullable(), at: z.string().nullable(), problem: z.string() }).optional(),
  message: z.string(),
});

export const ZCheckpointList = z.object({
  /** Where the server writes them. */
  file: z.string(),
  /** A checkpoint every N events. */
  every: z.number(),
  items: z.array(ZCheckpoint),
});

export const ZCheckpointCreated = z.object({ checkpoint: ZCheckpoint.nullable() });

/** The checkpoint file (JSON Lines), a download. */
export const ZCheckpointFile = z.string().describe("审计检查点文件（JSON Lines）");

export type AuditQuery = z.input<typeof ZAuditQuery>;
export type AuditEvent = z.infer<typeof ZAuditEvent>;
export type AuditVerification = z.infer<typeof ZAuditVerification>;
export type Checkpoint = z.infer<typeof ZCheckpoint>;
export type CheckpointList = z.infer<typeof ZCheckpointList>;
export type CheckpointCreated = z.infer<typeof ZCheckpointCreated>;
