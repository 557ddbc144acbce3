/**
 * Reads of personal data are audited (issue 15, item 3): a route that shows or hands out personal
 * data names its event in its options — `config: { auditRead: { action: "case.viewed", entityType:
 * "case", param: "id" } }` — and after a successful response is ready, before it is sent, one
 * event is appended to the audit chain (actor, IP, record id; never the data itself, never the query
 * string, which may hold a searched phone number). If the event cannot be written, the data is not
 * sent.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { sql } from "drizzle-orm";
import type { AppContext } from "../http/context";
import { recordAudit } from "./record";

export interface ReadAudit {
  /** The event type, e.g. "case.viewed" (needs a label in packages/domain/src/audit/labels.ts). */
  action: string;
  /** The kind of record read: case, evidence, document, list, organisation, user, statisticsForm. */
  entityType: string;
  /** The route parameter holding the record's id. */
  param?: string;
  /** Or the query parameter holding it (an organisation filter, for lists of records). */
  query?: string;
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** Appends an audit event when this route answers successfully (src/audit/reads.ts). */
    auditRead?: ReadAudit;
  }
}

/** The table that tells a record's owning organisation and region. */
const owners: Record<string, { table: string; org: string }> = {
  case: { table: "cases", org: "organisation_id" },
  evidence: { table: "evidence", org: "organisation_id" },
  document: { table: "documents", org: "organisation_id" },
  list: { table: "lists", org: "organisation_id" },
  user: { table: "users", org: "organisation_id" },
  organisation: { table: "organisations", org: "id" },
  statisticsForm: { table: "organisations", org: "id" },
};

const uuidRe = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function ownerOf(ctx: AppContext, entityType: string, id: string): Promise<{ organisationId: string; regionCode: string } | null> {
  const o = owners[entityType];
  if (!o || !uuidRe.test(id)) return null;
  const res = await ctx.database.db.execute(
    sql`SELECT ${sql.identifier(o.org)}::text AS org, region_code FROM ${sql.identifier(o.table)} WHERE id = ${id}`,
  );
  const [row] = (res as unknown as { rows: { org: string; region_code: string }[] }).rows;
  return row ? { organisationId: row.org, regionCode: row.region_code } : null;
}

function pick(source: unknown, key: string | undefined): string | undefined {
  if (!key || !source || typeof source !== "object") return undefined;
  const v = (source as Record<string, unknown>)[key];
  return typeof v === "string" && v.length <= 100 ? v : undefined;
}

/** Records the read of `request` (used by the hook; callable from a handler too). */
export async function recordRead(ctx: AppContext, request: FastifyRequest, audit: ReadAudit): Promise<void> {
  const auth = request.auth;
  if (!auth) return;
  const id = pick(request.params, audit.param) ?? pick(request.query, audit.query);
  // An organisation filter's id is an organisation; a route parameter is the record itself.
  const owner = (id && (await ownerOf(ctx, audit.param ? audit.entityType : "organisation", id))) || {
    organisationId: auth.organisationId,
    regionCode: auth.regionCode,
  };
  const params = request.params && typeof request.params === "object" ? (request.params as Record<string, unknown>) : {};
  await ctx.database.db.transaction((tx) =>
    recordAudit(tx, auth, {
      action: audit.action,
      entityType: audit.entityType,
      entityId: id ?? "*",
      organisationId: owner.organisationId,
      regionCode: owner.regionCode,
      after: Object.keys(params).length ? { params } : undefined,
    }),
  );
}

/** Installs the hook (once, from src/audit/routes.ts, before the other modules' routes). */
export function installReadAudit(app: FastifyInstance, ctx: AppContext): void {
  app.addHook("onSend", async (request, reply, payload) => {
    const audit = request.routeOptions.config?.auditRead;
    if (audit && reply.statusCode >= 200 && reply.statusCode < 300) await recordRead(ctx, request, audit);
    return payload;
  });
}
