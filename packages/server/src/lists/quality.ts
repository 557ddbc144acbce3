/** Runs the domain quality checks of a list version against the law library and the organisation's other lists. */
import { and, eq, inArray, ne } from "drizzle-orm";
import { checkListVersion, type ListItem, type ListType, type ListVersionRef, type QualityFinding } from "@kuanyan/domain/lists";
import type { DbOrTx } from "../db/client";
import { listClaims, listVersions, lists } from "../db/schema";
import { lawLibrary, supersededLawTitles } from "../laws/library";
import { loadItems } from "./repository";

const liveStatuses = ["draft", "legal_review", "approved", "published", "filed"];

/**
 * The organisation's other lists in force or in preparation (own: the newest live version of
 * each list; claimed: the claimed version), for the conflict checks.
 */
export async function otherListsOf(db: DbOrTx, organisationId: string, exceptListId: string): Promise<ListVersionRef[]> {
  const own = await db
    .select({ v: listVersions, type: lists.type })
    .from(listVersions)
    .innerJoin(lists, eq(lists.id, listVersions.listId))
    .where(and(eq(lists.organisationId, organisationId), ne(lists.id, exceptListId), inArray(listVersions.status, liveStatuses)));
  const newest = new Map<string, (typeof own)[number]>();
  for (const r of own) {
    const seen = newest.get(r.v.listId);
    if (!seen || seen.v.versionNo < r.v.versionNo) newest.set(r.v.listId, r);
  }
  const claimed = await db
    .select({ v: listVersions, type: lists.type })
    .from(listClaims)
    .innerJoin(listVersions, eq(listVersions.id, listClaims.listVersionId))
    .innerJoin(lists, eq(lists.id, listVersions.listId))
    .where(and(eq(listClaims.organisationId, organisationId), eq(listClaims.active, true), ne(lists.id, exceptListId)));
  const rows = [...newest.values(), ...claimed];
  const items = await loadItems(
    db,
    rows.map((r) => r.v.id),
  );
  return rows.map((r) => ({
    list: { id: r.v.listId, type: r.type as ListType, title: r.v.title },
    version: { version: r.v.versionNo, items: items.get(r.v.id) ?? [] },
  }));
}

export async function checkVersion(
  db: DbOrTx,
  target: { listId: string; organisationId: string; type: ListType; title: string; versionNo: number; items: ListItem[] },
): Promise<QualityFinding[]> {
  const lib = lawLibrary();
  return checkListVersion(
    { list: { id: target.listId, type: target.type, title: target.title }, version: { version: target.versionNo, items: target.items } },
    { lookup: lib.lookup, supersededLaws: supersededLawTitles(), otherLists: await otherListsOf(db, target.organisationId, target.listId) },
  );
}
