/**
 * Loads what evaluateDecision needs for one organisation on one decision date: its own lists and
 * the lists it has claimed (认领), each in the version in force on that date, the matter catalogue
 * and the provision texts of the law library.
 */
import { and, eq, inArray, isNull, lte, gte, or } from "drizzle-orm";
import { buildDecisionIndex, type DecisionContext, type DecisionInput, type DecisionMatter } from "@kuanyan/domain/decisions";
import { MATTERS, type Matter } from "@kuanyan/domain/matters";
import type { Claim, ListItem, ListRecord, ListType, ListVersionStatus } from "@kuanyan/domain/lists";
import type { SoftMethod } from "@kuanyan/domain/measures";
import type { Citation } from "@kuanyan/domain/laws";
import type { DbOrTx } from "../db/client";
import { listClaims, listItems, lists, listVersions, matters } from "../db/schema";
import { shippedLawLibrary } from "./lawLibrary";

export interface LoadedDecisionContext extends DecisionContext {
  /** The matter catalogue (database rows, else the shipped seed catalogue), by code. */
  matters: Map<string, Matter>;
  /** The list versions that apply on the decision date (for showing and recording). */
  versions: { listVersionId: string; listId: string; listType: ListType; title: string; versionNo: number; claimed: boolean }[];
}

const publishedStatuses: ListVersionStatus[] = ["published", "filed", "superseded", "repealed"];

/** The matter catalogue: the matters table when it has rows, otherwise the shipped catalogue. */
export async function loadMatterCatalogue(db: DbOrTx): Promise<Map<string, Matter>> {
  const rows = await db.select({ code: matters.code, data: matters.data }).from(matters);
  const out = new Map<string, Matter>();
  for (const m of MATTERS) out.set(m.code, m);
  for (const r of rows) if (r.data && typeof r.data === "object") out.set(r.code, { ...(r.data as Matter), code: r.code });
  return out;
}

export async function loadDecisionContext(db: DbOrTx, organisationId: string, decisionDate: string): Promise<LoadedDecisionContext> {
  // The organisation's active claims and the lists it owns.
  const claimRows = await db
    .select()
    .from(listClaims)
    .where(and(eq(listClaims.organisationId, organisationId), eq(listClaims.active, true)));
  const ownLists = await db.select().from(lists).where(eq(lists.organisationId, organisationId));
  const claimedListIds = [...new Set(claimRows.map((c) => c.listId))].filter((id) => !ownLists.some((l) => l.id === id));
  const claimedLists = claimedListIds.length ? await db.select().from(lists).where(inArray(lists.id, claimedListIds)) : [];
  const allLists = [...ownLists, ...claimedLists];

  // Versions in force on the decision date: own lists any published version then in force;
  // claimed lists only the claimed version.
  const inForce = and(
    inArray(listVersions.status, publishedStatuses),
    lte(listVersions.effectiveFrom, decisionDate),
    or(isNull(listVersions.effectiveTo), gte(listVersions.effectiveTo, decisionDate)),
  );
  const ownVersions = ownLists.length
    ? await db
        .select()
        .from(listVersions)
        .where(
          and(
            inArray(
              listVersions.listId,
              ownLists.map((l) => l.id),
            ),
            inForce,
          ),
        )
    : [];
  const claimedVersionIds = claimRows.map((c) => c.listVersionId);
  const claimedVersions = claimedVersionIds.length
    ? await db
        .select()
        .from(listVersions)
        .where(and(inArray(listVersions.id, claimedVersionIds), inForce))
    : [];
  const versionRows = [...ownVersions, ...claimedVersions.filter((v) => !ownVersions.some((o) => o.id === v.id))];
  const itemRows = versionRows.length
    ? await db
        .select()
        .from(listItems)
        .where(
          inArray(
            listItems.listVersionId,
            versionRows.map((v) => v.id),
          ),
        )
    : [];

  const records: ListRecord[] = allLists.map((l) => ({
    list: { id: l.id, type: l.type as ListType, organisationId: l.organisationId, title: l.title, notes: "", status: "in_force" },
    versions: versionRows
      .filter((v) => v.listId === l.id)
      .map((v) => ({
        version: v.versionNo,
        status: v.status as ListVersionStatus,
        effectiveFrom: v.effectiveFrom ?? undefined,
        effectiveTo: v.effectiveTo ?? undefined,
        publishedOn: v.publishedOn ?? undefined,
        reviews: [],
        evaluations: [],
        items: itemRows
          .filter((i) => i.listVersionId === v.id)
          .sort((a, b) => a.seq - b.seq)
          .map((i): ListItem => ({
            seq: i.seq,
            matterName: i.matterName,
            matterCode: i.matterCode ?? undefined,
            circumstances: i.circumstances,
            basis: (i.basis ?? []) as Citation[],
            basisText: i.basisText,
            measures: (i.measures ?? []) as SoftMethod[],
            otherMeasures: i.otherMeasures ?? [],
            remarks: i.remarks || undefined,
            conditions: (i.conditions ?? []) as ListItem["conditions"],
          })),
      })),
  }));
  const claims: Claim[] = claimRows
    .filter((c) => claimedVersions.some((v) => v.id === c.listVersionId))
    .map((c) => ({
      listId: c.listId,
      version: claimedVersions.find((v) => v.id === c.listVersionId)!.versionNo,
      organisationId: c.organisationId,
      claimedOn: c.claimedOn,
    }));

  const listById = new Map(allLists.map((l) => [l.id, l]));
  return {
    index: buildDecisionIndex({ lists: records, claims }),
    lookup: shippedLawLibrary().lookup,
    matters: await loadMatterCatalogue(db),
    versions: versionRows.map((v) => ({
      listVersionId: v.id,
      listId: v.listId,
      listType: listById.get(v.listId)!.type as ListType,
      title: v.title,
      versionNo: v.versionNo,
      claimed: !ownLists.some((l) => l.id === v.listId),
    })),
  };
}

/**
 * Fills what the caller left out of the matter from the catalogue (name, fine range, penalty text,
 * penalty basis); what the caller gave wins.
 */
export function completeMatter(matter: Partial<DecisionMatter> & { code: string }, catalogue: Map<string, Matter>): DecisionMatter {
  const m = catalogue.get(matter.code.trim().toUpperCase()) ?? catalogue.get(matter.code);
  if (!m) return matter as DecisionMatter;
  const out: DecisionMatter = { ...matter, code: m.code, name: matter.name ?? m.name };
  if (out.fineRange === undefined && m.fineRange) out.fineRange = { minYuan: m.fineRange.minYuan, maxYuan: m.fineRange.maxYuan };
  if (out.penaltyText === undefined && m.penaltyText) out.penaltyText = m.penaltyText;
  if (out.penaltyBasis === undefined && m.penalty.length) out.penaltyBasis = m.penalty;
  return out;
}

/** The input with its matter completed from the catalogue. */
export function completeInput(input: DecisionInput, catalogue: Map<string, Matter>): DecisionInput {
  if (!input || typeof input !== "object" || !input.matter || typeof input.matter.code !== "string") return input;
  return { ...input, matter: completeMatter(input.matter, catalogue) };
}
