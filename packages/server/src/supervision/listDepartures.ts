/**
 * 偏离建议 review: decisions in the user's data scope where the officer departed from the decision
 * engine's proposal (cases.departure_reason set), grouped by enforcement matter. Next to each group
 * stands how every decided case of the same matter was decided, so a reviewer sees 同案不同罚: the
 * same matter ending in different outcomes.
 */
import { and, asc, desc, eq, gte, inArray, isNotNull, lte, sql } from "drizzle-orm";
import type { z } from "zod";
import { ZDeparturesQuery, type ZDeparture, type ZDepartureGroup } from "@kuanyan/contract/supervision";
import { outcomeLabels, type Outcome } from "@kuanyan/domain/decisions";
import { requireAuth } from "../access";
import { cases, organisations, users } from "../db/schema";
import type { AppContext, Auth } from "../http/context";
import { resolveAsOf, scopedOrganisations } from "./scope";

export { ZDeparturesQuery };

/** A departed decision and its matter's group, as the API shows them (the contract). */
export type Departure = z.infer<typeof ZDeparture>;
export type DepartureGroup = z.infer<typeof ZDepartureGroup>;

const label = (o: string | null) => (o ? (outcomeLabels[o as Outcome] ?? o) : null);

export async function listDepartures(ctx: AppContext, authIn: Auth | null, input: z.infer<typeof ZDeparturesQuery>) {
  const auth = requireAuth(authIn);
  const { db } = ctx.database;
  const asOf = resolveAsOf(ctx, input.asOf);
  const ids = (await scopedOrganisations(db, auth)).map((o) => o.id);
  if (!ids.length) return { asOf, total: 0, groups: [] as DepartureGroup[] };

  const where = [inArray(cases.organisationId, ids), isNotNull(cases.departureReason), lte(cases.decidedOn, asOf)];
  if (input.from) where.push(gte(cases.decidedOn, input.from));
  if (input.matterCode) where.push(eq(cases.matterCode, input.matterCode));
  const rows = await db
    .select({ c: cases, organisationName: organisations.name, officer: users.displayName })
    .from(cases)
    .innerJoin(organisations, eq(organisations.id, cases.organisationId))
    .leftJoin(users, eq(users.id, cases.decidedBy))
    .where(and(...where))
    .orderBy(asc(cases.matterCode), desc(cases.decidedOn));

  const codes = [...new Set(rows.map((r) => r.c.matterCode))];
  const outcomeRows = codes.length
    ? await db
        .select({ code: cases.matterCode, outcome: cases.decidedOutcome, n: sql<number>`count(*)` })
        .from(cases)
        .where(and(inArray(cases.organisationId, ids), inArray(cases.matterCode, codes), isNotNull(cases.decidedOutcome), lte(cases.decidedOn, asOf)))
        .groupBy(cases.matterCode, cases.decidedOutcome)
    : [];

  const groups = new Map<string, DepartureGroup>();
  for (const r of rows) {
    const c = r.c;
    let g = groups.get(c.matterCode);
    if (!g) {
      g = { matterCode: c.matterCode, matterName: c.matterName, departures: [], outcomes: [], decidedCases: 0, differentOutcomes: false };
      groups.set(c.matterCode, g);
    }
    g.departures.push({
      caseId: c.id,
      caseNo: c.caseNo,
      organisationId: c.organisationId,
      organisationName: r.organisationName,
      partyName: c.partyName,
      decidedOn: c.decidedOn,
      proposedOutcome: c.proposedOutcome,
      proposedLabel: label(c.proposedOutcome),
      decidedOutcome: c.decidedOutcome,
      decidedLabel: label(c.decidedOutcome),
      reason: c.departureReason ?? "",
      officer: r.officer,
      listItemSeq: c.listItemSeq,
      fineYuan: c.fineYuan,
    });
  }
  for (const o of outcomeRows) {
    const g = groups.get(o.code);
    if (!g || !o.outcome) continue;
    g.outcomes.push({ outcome: o.outcome, label: label(o.outcome) ?? o.outcome, count: Number(o.n) });
    g.decidedCases += Number(o.n);
  }
  for (const g of groups.values()) {
    g.outcomes.sort((a, b) => b.count - a.count || a.outcome.localeCompare(b.outcome));
    g.differentOutcomes = g.outcomes.length > 1;
  }
  const sorted = [...groups.values()].sort(
    (a, b) =>
      Number(b.differentOutcomes) - Number(a.differentOutcomes) ||
      b.departures.length - a.departures.length ||
      a.matterCode.localeCompare(b.matterCode),
  );
  return { asOf, total: rows.length, groups: sorted };
}
