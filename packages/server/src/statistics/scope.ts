/**
 * What a statistics request covers: the period (month / half-year / year / custom) and the scope
 * (one organisation; an organisation with its subordinates; every organisation of a region), checked
 * against the user's data scope (src/access).
 */
import type { z } from "zod";
import { ZPeriodQuery, ZScopeQuery } from "@kuanyan/contract/statistics";
import { descendantsOf, regionPrefix } from "@kuanyan/domain/organisations";
import { customPeriod, periodRange, type Period } from "@kuanyan/domain/statistics";
import { readScope, requireAccess } from "../access";
import type { Database } from "../db/client";
import type { Auth } from "../http/context";
import { AppError, forbidden } from "../http/errors";

export { ZPeriodQuery, ZScopeQuery };

export type PeriodQuery = z.infer<typeof ZPeriodQuery>;
export type ScopeQuery = z.infer<typeof ZScopeQuery>;

export function resolvePeriod(q: PeriodQuery, today: string): Period {
  const year = q.year ?? Number(today.slice(0, 4));
  switch (q.period) {
    case "month":
      return periodRange("month", year, q.n ?? Number(today.slice(5, 7)));
    case "half_year":
      return periodRange("half_year", year, q.n ?? 1);
    case "year":
      return periodRange("year", year);
    case "custom":
      if (!q.from || !q.to) throw new AppError("validation_failed", "自定义统计期间须填写起始日期和截止日期");
      return customPeriod(q.from, q.to);
  }
}

export interface ScopeOrganisation {
  id: string;
  name: string;
  shortName: string;
  regionCode: string;
  parentId: string | null;
  kind: string;
  contactPhone: string | null;
}

export interface ResolvedScope {
  kind: "organisation" | "subtree" | "region";
  organisationId?: string;
  region?: string;
  /** The organisations counted. */
  organisationIds: string[];
  organisations: ScopeOrganisation[];
  /** 填报单位 / the heading: the organisation's name or the region's. */
  label: string;
  /** 联系电话 of the reporting organisation (may be empty). */
  phone: string;
}

export async function allOrganisations(database: Database): Promise<ScopeOrganisation[]> {
  const rows = await database.query<{
    id: string;
    name: string;
    short_name: string;
    region_code: string;
    parent_id: string | null;
    kind: string;
    contact_phone: string | null;
  }>("SELECT id::text, name, short_name, region_code, parent_id::text, kind, contact_phone FROM organisations ORDER BY region_code, name");
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    shortName: r.short_name,
    regionCode: r.region_code,
    parentId: r.parent_id,
    kind: r.kind,
    contactPhone: r.contact_phone,
  }));
}

async function regionName(database: Database, prefix: string): Promise<string> {
  const code = prefix.length === 2 ? `${prefix}0000` : prefix.length === 4 ? `${prefix}00` : prefix;
  const [row] = await database.query<{ name: string }>("SELECT name FROM regions WHERE code = $1", [code]);
  return row?.name ?? prefix;
}

/** The default scope of a user: a 司法局 supervisor their region; everyone else their organisation and its subordinates. */
export function defaultScope(auth: Auth): ScopeQuery {
  if (auth.roles.includes("justiceSupervisor")) return { scope: "region", region: regionPrefix(auth.regionCode) };
  return { scope: "subtree", organisationId: auth.organisationId };
}

/** Resolves and checks the scope: 403 unless the user may read every organisation in it. */
export async function resolveScope(database: Database, auth: Auth, query: ScopeQuery): Promise<ResolvedScope> {
  const q = query.scope ? query : { ...defaultScope(auth), ...Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) };
  const kind = q.scope ?? "subtree";
  const orgs = await allOrganisations(database);
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const readable = await readScope(database.db, auth);
  if (kind === "region") {
    const prefix = q.region ?? regionPrefix(auth.regionCode);
    // Every organisation of the region within the user's data scope; none readable → 403.
    const inRegion = orgs.filter((o) => o.regionCode.startsWith(prefix) && (readable === "all" || readable.has(o.id)));
    if (inRegion.length === 0) throw forbidden("您无权查看该地区的统计数据");
    const own = byId.get(auth.organisationId);
    const reporting = own && own.regionCode.startsWith(prefix) ? own : undefined;
    return {
      kind,
      region: prefix,
      organisationIds: inRegion.map((o) => o.id),
      organisations: inRegion,
      label: reporting?.name ?? (await regionName(database, prefix)),
      phone: reporting?.contactPhone ?? "",
    };
  }
  const organisationId = q.organisationId ?? auth.organisationId;
  const org = byId.get(organisationId);
  if (!org) throw new AppError("not_found", "单位不存在或无权查看");
  await requireAccess(database.db, auth, { mode: "read", organisationId });
  const ids = kind === "organisation" ? [organisationId] : [...descendantsOf(organisationId, orgs)];
  if (readable !== "all" && ids.some((id) => !readable.has(id))) throw forbidden("您无权查看该单位的统计数据");
  return {
    kind,
    organisationId,
    organisationIds: ids,
    organisations: ids.map((id) => byId.get(id)!).filter(Boolean),
    label: org.name,
    phone: org.contactPhone ?? "",
  };
}
