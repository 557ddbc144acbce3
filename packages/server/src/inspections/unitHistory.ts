/**
 * 单位档案 (issue 10 item 1): a pool unit and its history on one page — the inspections, hazards and
 * cases of its 统一社会信用代码 (a case's party links to the unit by that code) and the soft measures
 * carried out on those cases, newest first. Read-only; only records of organisations the caller may
 * read are listed (a unit the caller may not read is 404, as if it did not exist). Personal data is
 * shown as the pool list shows it (masked), so the read is not audited.
 */
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { caseStatusLabels, partyChoiceLabels, routeLabels, type CaseRoute, type CaseStatus, type PartyChoice } from "@kuanyan/domain/cases";
import { chinaDay } from "@kuanyan/domain/dates";
import { hazardLevelLabels, hazardStatusLabels, overdueEscalation, type HazardLevel, type HazardStatus } from "@kuanyan/domain/hazards";
import { inspectionStatusLabels, type InspectionStatus } from "@kuanyan/domain/inspections";
import { softMethodLabels, type SoftMethod } from "@kuanyan/domain/measures";
import { readableOrganisations } from "@kuanyan/domain/organisations";
import type { UnitHistory } from "@kuanyan/contract/inspections";
import { loadOrgNodes } from "../access";
import type { DbOrTx } from "../db/client";
import { cases, measures, organisations } from "../db/schema";
import { hazards } from "../hazards/schema";
import type { AppContext, Auth } from "../http/context";
import { notFound } from "../http/errors";
import { inspectionRecords, inspectionResults } from "./field/schema";
import { inspections, inspectionUnits } from "./schema";
import { permitted, presentUnit, requireActionRole, today } from "./shared";

type Inspections = UnitHistory["inspections"];

async function inspectionsOf(db: DbOrTx, creditCode: string, inScope: (c: PgColumn) => SQL | undefined): Promise<Inspections> {
  const rows = await db
    .select({ i: inspections, organisationName: organisations.name })
    .from(inspections)
    .innerJoin(organisations, eq(organisations.id, inspections.organisationId))
    .where(and(eq(inspections.creditCode, creditCode), inScope(inspections.organisationId)));
  const ids = rows.map((r) => r.i.id);
  const tallies = ids.length
    ? await db
        .select({
          inspectionId: inspectionResults.inspectionId,
          recorded: sql<number>`count(*)::int`,
          failed: sql<number>`(count(*) FILTER (WHERE ${inspectionResults.outcome} = 'fail'))::int`,
        })
        .from(inspectionResults)
        .where(inArray(inspectionResults.inspectionId, ids))
        .groupBy(inspectionResults.inspectionId)
    : [];
  // The record in force (a correction supersedes the earlier one); the first submission gives the date.
  const records = ids.length
    ? await db
        .select({
          inspectionId: inspectionRecords.inspectionId,
          recordNo: inspectionRecords.recordNo,
          submittedAt: inspectionRecords.submittedAt,
          supersededById: inspectionRecords.supersededById,
        })
        .from(inspectionRecords)
        .where(inArray(inspectionRecords.inspectionId, ids))
        .orderBy(asc(inspectionRecords.submittedAt))
    : [];
  const items = rows.map(({ i, organisationName }) => {
    const tally = tallies.find((t) => t.inspectionId === i.id);
    const mine = records.filter((r) => r.inspectionId === i.id);
    const first = mine[0];
    return {
      id: i.id,
      organisationId: i.organisationId,
      organisationName,
      year: i.year,
      status: i.status as InspectionStatus,
      statusLabel: inspectionStatusLabels[i.status as InspectionStatus] ?? i.status,
      dueBy: i.dueBy,
      submittedOn: first ? chinaDay(first.submittedAt) : null,
      recordNo: (mine.find((r) => !r.supersededById) ?? mine.at(-1))?.recordNo ?? null,
      itemsRecorded: Number(tally?.recorded ?? 0),
      itemsFailed: Number(tally?.failed ?? 0),
      sortKey: `${first ? chinaDay(first.submittedAt) : (i.dueBy ?? `${i.year}-12-31`)} ${i.createdAt.toISOString()}`,
    };
  });
  items.sort((a, b) => (a.sortKey < b.sortKey ? 1 : a.sortKey > b.sortKey ? -1 : 0));
  return items.map(({ sortKey: _k, ...rest }) => rest);
}

async function hazardsOf(db: DbOrTx, creditCode: string, inScope: (c: PgColumn) => SQL | undefined, day: string) {
  const rows = await db
    .select({ h: hazards, organisationName: organisations.name })
    .from(hazards)
    .innerJoin(organisations, eq(organisations.id, hazards.organisationId))
    .where(and(eq(hazards.creditCode, creditCode), inScope(hazards.organisationId)))
    .orderBy(desc(hazards.foundOn), desc(hazards.createdAt));
  return rows.map(({ h, organisationName }) => {
    const level = h.level as HazardLevel;
    const status = h.status as HazardStatus;
    const esc = overdueEscalation({ status, level, deadline: h.deadline, rectifiedOn: h.rectifiedOn ?? undefined }, day);
    return {
      id: h.id,
      organisationName,
      inspectionId: h.inspectionId,
      level,
      levelLabel: hazardLevelLabels[level] ?? h.level,
      status,
      statusLabel: hazardStatusLabels[status] ?? h.status,
      description: h.description,
      foundOn: h.foundOn,
      deadline: h.deadline,
      overdue: esc.overdue,
      daysOverdue: esc.daysOverdue,
    };
  });
}

async function casesOf(db: DbOrTx, creditCode: string, inScope: (c: PgColumn) => SQL | undefined) {
  const rows = await db
    .select({
      id: cases.id,
      caseNo: cases.caseNo,
      organisationName: organisations.name,
      status: cases.status,
      route: cases.route,
      partyChoice: cases.partyChoice,
      matterName: cases.matterName,
      discoveredOn: cases.discoveredOn,
      decidedOn: cases.decidedOn,
    })
    .from(cases)
    .innerJoin(organisations, eq(organisations.id, cases.organisationId))
    .where(and(eq(cases.partyCreditCode, creditCode), inScope(cases.organisationId)))
    .orderBy(desc(cases.discoveredOn), desc(cases.createdAt));
  return rows.map((c) => ({
    ...c,
    status: c.status as CaseStatus,
    statusLabel: caseStatusLabels[c.status as CaseStatus] ?? c.status,
    routeLabel: c.route ? (routeLabels[c.route as CaseRoute] ?? c.route) : null,
    choiceLabel: c.partyChoice ? (partyChoiceLabels[c.partyChoice as PartyChoice] ?? c.partyChoice) : null,
  }));
}

async function measuresOf(db: DbOrTx, caseNos: Map<string, string>) {
  if (caseNos.size === 0) return [];
  const rows = await db
    .select({ id: measures.id, caseId: measures.caseId, method: measures.method, carriedOutOn: measures.carriedOutOn, persons: measures.persons })
    .from(measures)
    .where(and(inArray(measures.caseId, [...caseNos.keys()]), eq(measures.cancelled, false)))
    .orderBy(desc(measures.carriedOutOn), desc(measures.createdAt));
  return rows.map((m) => ({
    id: m.id,
    caseId: m.caseId!,
    caseNo: caseNos.get(m.caseId!) ?? "",
    method: m.method as SoftMethod,
    methodLabel: softMethodLabels[m.method as SoftMethod] ?? m.method,
    carriedOutOn: m.carriedOutOn,
    persons: m.persons,
  }));
}

export async function unitHistory(ctx: AppContext, auth: Auth, id: string): Promise<UnitHistory> {
  const { db } = ctx.database;
  requireActionRole(auth, "inspection.read");
  const [row] = await db
    .select({ u: inspectionUnits, organisationName: organisations.name })
    .from(inspectionUnits)
    .innerJoin(organisations, eq(organisations.id, inspectionUnits.organisationId))
    .where(eq(inspectionUnits.id, id));
  const nodes = await loadOrgNodes(db);
  if (!row || !permitted(auth, "inspection.read", row.u.organisationId, nodes)) throw notFound("检查对象");
  const scope = readableOrganisations(auth, nodes);
  const inScope = (column: PgColumn): SQL | undefined => (scope === "all" ? undefined : inArray(column, [...scope]));
  const creditCode = row.u.creditCode;
  const day = today(ctx);
  const caseRows = await casesOf(db, creditCode, inScope);
  return {
    unit: { ...presentUnit(row.u), organisationName: row.organisationName },
    today: day,
    inspections: await inspectionsOf(db, creditCode, inScope),
    hazards: await hazardsOf(db, creditCode, inScope, day),
    cases: caseRows.map(({ route: _r, partyChoice: _p, ...c }) => c),
    measures: await measuresOf(db, new Map(caseRows.map((c) => [c.id, c.caseNo]))),
  };
}
