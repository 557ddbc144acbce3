import type { Tx } from "../db/client";
import { appendEvent } from "./chain";
import type { Auth } from "../http/context";

export interface AuditInput {
  action: string;
  entityType: string;
  entityId: string;
  organisationId: string | null;
  regionCode: string;
  before?: unknown;
  after?: unknown;
}

/** Strips secrets from what the audit keeps. */
function clean(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(JSON.stringify(value, (k, v) => (k === "passwordHash" || k === "password" || k === "idNumberEnc" ? undefined : v)));
}

/**
 * Writes the audit event of a change. It takes the transaction that makes the change (a database
 * handle does not compile), so the change and its record commit together or not at all. The event is appended to the
 * hash chain (src/audit/chain.ts); the chain's head stays locked until the transaction ends,
 * so call it after the transaction's other writes where you can.
 */
export async function recordAudit(tx: Tx, auth: Pick<Auth, "userId" | "displayName" | "ip"> | null, input: AuditInput): Promise<void> {
  await appendEvent(tx, {
    regionCode: input.regionCode,
    organisationId: input.organisationId,
    actorId: auth?.userId ?? null,
    actorName: auth?.displayName ?? "系统",
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    before: clean(input.before),
    after: clean(input.after),
    ip: auth?.ip ?? null,
  });
}
