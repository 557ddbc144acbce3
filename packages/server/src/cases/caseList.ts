/**
 * The case list (GET /cases, POST /cases/search): one page at a time, newest first (created_at, then id),
 * continued with an opaque cursor (keyset: no OFFSET, a deep page costs what the first one does).
 *
 * Two steps. First the keys of the page: inside the data scope, one index walk per organisation
 * (cases_org_created_idx / cases_org_status_created_idx, backwards) merged, or one walk of cases_created_idx
 * when the user reads every organisation. Then the page's rows, narrow (no JSON columns), by id. The overdue
 * flag and filter read `open_due_on`, kept by triggers (migration 0015), not the case tasks. The total is
 * exact up to `exactCountLimit` and the planner's estimate above it (`totalIsEstimate`).
 */
import { and, eq, ilike, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { CaseListQuery, ZCaseList } from "@kuanyan/contract/cases";
import type { z } from "zod";
import type { DbOrTx } from "../db/client";
import { cases, organisations } from "../db/schema";
import { searchIndexes } from "../pii/values";
import { readScope } from "../access";
import type { AppContext, Auth } from "../http/context";
import { AppError } from "../http/errors";
import { allowedActionsFor, type CaseRow } from "./shared";
import { today } from "../shared/clock";

type CaseListDto = z.infer<typeof ZCaseList>;

/** Up to this many matching cases the total is counted; above it, estimated. */
export const exactCountLimit = 10_000;
const defaultPageSize = 50;

// ---------------------------------------------------------------------------------------------
// The cursor: where the previous page ended, as base64url of {t: created_at to the microsecond, i: id}.

export interface CaseCursor {
  /** created_at in UTC, ISO 8601 with up to 6 decimals (PostgreSQL keeps microseconds). */
  t: string;
  i: string;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

export function encodeCursor(c: CaseCursor): string {
  return Buffer.from(JSON.stringify({ t: c.t, i: c.i }), "utf8").toString("base64url");
}

const badCursor = () =>
  new AppError("validation_failed", "翻页位置无效（可能已过期或被修改），请回到第一页重新查询", [{ field: "cursor", message: "翻页位置无效" }]);

/** The cursor sent back, checked: anything but one this server made is a 400. */
export function decodeCursor(text: string): CaseCursor {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(text)) throw badCursor();
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    throw badCursor();
  }
  const { t, i } = (value ?? {}) as Record<string, unknown>;
  if (typeof t !== "string" || typeof i !== "string" || !instantPattern.test(t) || !uuidPattern.test(i)) throw badCursor();
  if (Number.isNaN(Date.parse(t))) throw badCursor();
  return { t, i };
}

// ---------------------------------------------------------------------------------------------

/** The filters of the query as conditions on `cases` (the data scope apart). */
function filterConditions(query: CaseListQuery, on: string): SQL[] {
  const where: (SQL | undefined)[] = [];
  if (query.status) where.push(eq(cases.status, query.status));
  if (query.outcome)
    where.push(or(eq(cases.decidedOutcome, query.outcome), and(isNull(cases.decidedOutcome), eq(cases.proposedOutcome, query.outcome))));
  if (query.overdue === "true") where.push(lt(cases.openDueOn, on));
  if (query.officerId) {
    where.push(or(eq(cases.createdBy, query.officerId), sql`${cases.inspection} -> 'officerIds' @> ${JSON.stringify([query.officerId])}::jsonb`));
  }
  if (query.q) {
    const like = `%${query.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
    // A phone or an ID number typed whole is found through its blind index (never stored in clear).
    const idx = searchIndexes(query.q);
    where.push(
      or(
        ilike(cases.caseNo, like),
        ilike(cases.partyName, like),
        ilike(cases.matterName, like),
        ilike(cases.facts, like),
        idx.phone ? eq(cases.partyPhoneBidx, idx.phone) : undefined,
        idx.idNumber ? eq(cases.partyIdNumberBidx, idx.idNumber) : undefined,
      ),
    );
  }
  return where.filter((w): w is SQL => w !== undefined);
}

const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(",")}}`}::uuid[]`;
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const createdKey = sql`to_char(${cases.createdAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * The ids of one page (and one more, to know whether another page follows), in list order. `orgs` null:
 * every organisation.
 */
async function pageKeys(db: DbOrTx, orgs: readonly string[] | null, filters: SQL[], cursor: CaseCursor | null, limit: number) {
  const after = cursor ? sql`(${cases.createdAt}, ${cases.id}) < (${cursor.t}::timestamptz, ${cursor.i}::uuid)` : undefined;
  const where = and(...filters, after);
  const order = sql`ORDER BY ${cases.createdAt} DESC, ${cases.id} DESC LIMIT ${limit + 1}`;
  const query = orgs
    ? // One short walk of each organisation's index, merged: bounded by organisations × page size.
      sql`SELECT k.id, k.key FROM unnest(${uuidArray(orgs)}) AS o(org) CROSS JOIN LATERAL (
          SELECT ${cases.id} AS id, ${cases.createdAt} AS created_at, ${createdKey} AS key FROM ${cases}
          WHERE ${cases.organisationId} = o.org${where ? sql` AND ${where}` : sql``}
          ${order}) k
        ORDER BY k.created_at DESC, k.id DESC LIMIT ${limit + 1}`
    : sql`SELECT ${cases.id} AS id, ${createdKey} AS key FROM ${cases}${where ? sql` WHERE ${where}` : sql``} ${order}`;
  return rowsOf<{ id: string; key: string }>(await db.execute(query));
}

/** How many cases match: counted up to the limit, else the planner's estimate. */
export async function countCases(db: DbOrTx, orgs: readonly string[] | null, filters: SQL[], limit = exactCountLimit) {
  const inScope = orgs ? sql`${cases.organisationId} = ANY(${uuidArray(orgs)})` : undefined;
  const where = and(inScope, ...filters);
  const matching = sql`SELECT 1 FROM ${cases}${where ? sql` WHERE ${where}` : sql``}`;
  const [{ n }] = rowsOf<{ n: number | string }>(await db.execute(sql`SELECT count(*)::int AS n FROM (${matching} LIMIT ${limit + 1}) m`));
  if (Number(n) <= limit) return { total: Number(n), totalIsEstimate: false };
  const [plan] = rowsOf<Record<string, unknown>>(await db.execute(sql`EXPLAIN (FORMAT JSON) ${matching}`));
  const raw = Object.values(plan)[0];
  const json = (typeof raw === "string" ? JSON.parse(raw) : raw) as { Plan: { "Plan Rows": number } }[];
  // Never below what was counted: the estimate is shown as “约 N 条” and N is at least that.
  return { total: Math.max(Math.round(json[0].Plan["Plan Rows"]), limit + 1), totalIsEstimate: true };
}

/** The organisations to list: the data scope, narrowed to the one asked for; null for all of them. */
function organisationsToList(scope: "all" | Set<string>, organisationId: string | undefined): string[] | null {
  if (organisationId) return scope === "all" || scope.has(organisationId) ? [organisationId] : [];
  return scope === "all" ? null : [...scope];
}

export async function listCases(ctx: AppContext, auth: Auth, query: CaseListQuery): Promise<CaseListDto> {
  const { db } = ctx.database;
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const on = today(ctx);
  const orgs = organisationsToList(await readScope(db, auth), query.organisationId);
  if (orgs && orgs.length === 0) return { items: [], nextCursor: null, total: 0, totalIsEstimate: false };
  const limit = query.limit ?? defaultPageSize;
  const filters = filterConditions(query, on);
  const [keys, count] = await Promise.all([pageKeys(db, orgs, filters, cursor, limit), countCases(db, orgs, filters)]);
  const page = keys.slice(0, limit);
  const nextCursor = keys.length > limit ? encodeCursor({ t: page[page.length - 1].key, i: page[page.length - 1].id }) : null;
  if (page.length === 0) return { items: [], nextCursor: null, ...count };
  const allowed = await allowedActionsFor(db, auth);
  const rows = await pageRows(
    db,
    page.map((k) => k.id),
    on,
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = page.flatMap((k) => {
    const r = byId.get(k.id);
    return r ? [presentListItem(r, allowed)] : [];
  });
  return { items, nextCursor, ...count };
}

/** The page's rows: narrow (no JSON columns), with the organisation's name and the overdue flag. */
function pageRows(db: DbOrTx, ids: string[], on: string) {
  return db
    .select({
      ...listColumns,
      organisationName: organisations.name,
      overdue: sql<boolean>`coalesce(${cases.openDueOn} < ${on}, false)`,
      // What the lifecycle reads of the decision: only whether 研判 stored one.
      hasDecision: sql<boolean>`${cases.decision} IS NOT NULL`,
    })
    .from(cases)
    .innerJoin(organisations, eq(organisations.id, cases.organisationId))
    .where(inArray(cases.id, ids));
}

/** The columns of ZCaseListItem that come from the row. */
const listColumns = {
  id: cases.id,
  regionCode: cases.regionCode,
  organisationId: cases.organisationId,
  caseNo: cases.caseNo,
  status: cases.status,
  route: cases.route,
  reviewStatus: cases.reviewStatus,
  partyType: cases.partyType,
  partyName: cases.partyName,
  partyCreditCode: cases.partyCreditCode,
  partyIdNumberMasked: cases.partyIdNumberMasked,
  partyPhoneMasked: cases.partyPhoneMasked,
  matterCode: cases.matterCode,
  matterName: cases.matterName,
  facts: sql<string>`left(${cases.facts}, 200)`,
  actDate: cases.actDate,
  discoveredOn: cases.discoveredOn,
  proposedOutcome: cases.proposedOutcome,
  decidedOutcome: cases.decidedOutcome,
  decidedOn: cases.decidedOn,
  fineYuan: cases.fineYuan,
  partyChoice: cases.partyChoice,
  correctionDue: cases.correctionDue,
  correctedOn: cases.correctedOn,
  closedAt: cases.closedAt,
  reopenCount: cases.reopenCount,
  isDemo: cases.isDemo,
  createdBy: cases.createdBy,
  lockVersion: cases.lockVersion,
  createdAt: cases.createdAt,
  updatedAt: cases.updatedAt,
};

type ListRow = Awaited<ReturnType<typeof pageRows>>[number];
type Item = CaseListDto["items"][number];

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

function presentListItem(r: ListRow, allowed: (c: CaseRow) => Item["allowedActions"]): Item {
  const { partyPhoneMasked, hasDecision, overdue, ...rest } = r;
  // The lifecycle reads the organisation, status, route, review and proposal, and whether a decision exists.
  const snapshot = { ...rest, decision: hasDecision ? {} : null } as unknown as CaseRow;
  return {
    ...rest,
    status: r.status as Item["status"],
    route: r.route as Item["route"],
    reviewStatus: r.reviewStatus as Item["reviewStatus"],
    partyType: r.partyType as Item["partyType"],
    proposedOutcome: r.proposedOutcome as Item["proposedOutcome"],
    decidedOutcome: r.decidedOutcome as Item["decidedOutcome"],
    partyChoice: r.partyChoice as Item["partyChoice"],
    partyPhone: partyPhoneMasked,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
    closedAt: r.closedAt ? iso(r.closedAt) : null,
    overdue: Boolean(overdue),
    allowedActions: allowed(snapshot),
  };
}
