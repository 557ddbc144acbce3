/**
 * Reading and writing lists: rows ⇄ the domain's ListRecord. Use cases load a record, let the
 * domain apply a transition, and persist the difference with `persistRecord` inside their
 * transaction.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Citation } from "@kuanyan/domain/laws";
import {
  filingDeadline,
  type Condition,
  type ListItem,
  type ListRecord,
  type ListStatus,
  type ListType,
  type ListVersion,
  type ListVersionStatus,
  type QualityFinding,
  type ReviewRecord,
} from "@kuanyan/domain/lists";
import type { SoftMethod } from "@kuanyan/domain/measures";
import type { DbOrTx } from "../db/client";
import { listClaims, listEvaluations, listItems, listVersions, lists } from "../db/schema";
import { notFound, versionConflict } from "../http/errors";

export type ListRow = typeof lists.$inferSelect;
export type VersionRow = typeof listVersions.$inferSelect;
export type ItemRow = typeof listItems.$inferSelect;

export interface LoadedList {
  list: ListRow;
  versions: VersionRow[];
  record: ListRecord;
  /** versionNo → row id */
  versionIds: Map<number, string>;
}

export function itemFromRow(r: ItemRow): ListItem {
  const item: ListItem = {
    seq: r.seq,
    matterName: r.matterName,
    circumstances: r.circumstances,
    basis: r.basis as Citation[],
    basisText: r.basisText,
    measures: r.measures as SoftMethod[],
    otherMeasures: r.otherMeasures,
    conditions: r.conditions as Condition[],
  };
  if (r.matterCode) item.matterCode = r.matterCode;
  if (r.remarks) item.remarks = r.remarks;
  return item;
}

export function itemToRow(item: ListItem, listVersionId: string, regionCode: string) {
  return {
    regionCode,
    listVersionId,
    seq: item.seq,
    matterName: item.matterName,
    matterCode: item.matterCode?.trim() ? item.matterCode.trim() : null,
    circumstances: item.circumstances,
    basis: item.basis,
    basisText: item.basisText,
    measures: item.measures,
    otherMeasures: item.otherMeasures,
    remarks: item.remarks ?? "",
    conditions: item.conditions,
  };
}

export function listStatusOf(versions: readonly { status: string }[]): ListStatus {
  if (versions.some((v) => v.status === "repealed")) return "repealed";
  if (versions.some((v) => ["published", "filed", "superseded"].includes(v.status))) return "in_force";
  return "draft";
}

function versionFromRow(v: VersionRow, items: ListItem[], evaluations: { on: string; findings: string }[]): ListVersion {
  const out: ListVersion = {
    version: v.versionNo,
    status: v.status as ListVersionStatus,
    reviews: v.reviewComments as ReviewRecord[],
    evaluations,
    items,
  };
  if (v.effectiveFrom) out.effectiveFrom = v.effectiveFrom;
  if (v.effectiveTo) out.effectiveTo = v.effectiveTo;
  if (v.publishedOn) out.publishedOn = v.publishedOn;
  if (v.filedOn) out.filing = { filedOn: v.filedOn, filedWith: v.filedWithId ?? "" };
  if (v.warningReason) out.warningReason = v.warningReason;
  if (v.repealReason) out.repealReason = v.repealReason;
  return out;
}

/** Items of several versions, by version id, in 序号 order. */
export async function loadItems(db: DbOrTx, versionIds: string[]): Promise<Map<string, ListItem[]>> {
  const out = new Map<string, ListItem[]>(versionIds.map((id) => [id, []]));
  if (versionIds.length === 0) return out;
  const rows = await db.select().from(listItems).where(inArray(listItems.listVersionId, versionIds)).orderBy(asc(listItems.seq));
  for (const r of rows) out.get(r.listVersionId)!.push(itemFromRow(r));
  return out;
}

/** Loads a list with all its versions, items and evaluations; 404 when missing. */
export async function loadList(db: DbOrTx, listId: string): Promise<LoadedList> {
  const [list] = await db.select().from(lists).where(eq(lists.id, listId));
  if (!list) throw notFound("清单");
  const versions = await db.select().from(listVersions).where(eq(listVersions.listId, listId)).orderBy(asc(listVersions.versionNo));
  const ids = versions.map((v) => v.id);
  const items = await loadItems(db, ids);
  const evals = ids.length
    ? await db.select().from(listEvaluations).where(inArray(listEvaluations.listVersionId, ids)).orderBy(asc(listEvaluations.createdAt))
    : [];
  const latest = versions.at(-1);
  const record: ListRecord = {
    list: {
      id: list.id,
      type: list.type as ListType,
      organisationId: list.organisationId,
      title: latest?.title ?? list.title,
      notes: latest?.notes ?? "",
      status: listStatusOf(versions),
    },
    versions: versions.map((v) =>
      versionFromRow(
        v,
        items.get(v.id) ?? [],
        evals.filter((e) => e.listVersionId === v.id).map((e) => ({ on: e.evaluatedOn, findings: e.findings })),
      ),
    ),
  };
  return { list, versions, record, versionIds: new Map(versions.map((v) => [v.versionNo, v.id])) };
}

/** The id of a list version by list and number, or 404. */
export function versionId(loaded: LoadedList, versionNo: number): string {
  const id = loaded.versionIds.get(versionNo);
  if (!id) throw notFound(`清单第${versionNo}版`);
  return id;
}

/**
 * Writes what a transition changed: the changed versions' lifecycle columns (lock_version + 1,
 * optimistic: a concurrent change gives 409), new versions with their items, new evaluations.
 * Returns the ids of the versions written.
 */
export async function persistRecord(
  tx: DbOrTx,
  loaded: LoadedList,
  after: ListRecord,
  options: { now: Date; actorId: string; quality?: Map<number, QualityFinding[]> },
): Promise<Map<number, string>> {
  const ids = new Map(loaded.versionIds);
  for (const v of after.versions) {
    const row = loaded.versions.find((r) => r.versionNo === v.version);
    const before = loaded.record.versions.find((b) => b.version === v.version);
    const columns = {
      status: v.status,
      effectiveFrom: v.effectiveFrom ?? null,
      effectiveTo: v.effectiveTo ?? null,
      publishedOn: v.publishedOn ?? null,
      filingDeadline: v.publishedOn ? filingDeadline(v.publishedOn) : null,
      filedOn: v.filing?.filedOn ?? null,
      filedWithId: v.filing?.filedWith || null,
      reviewComments: v.reviews,
      warningReason: v.warningReason ?? null,
      repealReason: v.repealReason ?? null,
      ...(options.quality?.has(v.version) ? { quality: options.quality.get(v.version)! } : {}),
    };
    if (!row) {
      const source = loaded.versions.at(-1)!;
      const [created] = await tx
        .insert(listVersions)
        .values({
          regionCode: loaded.list.regionCode,
          organisationId: loaded.list.organisationId,
          listId: loaded.list.id,
          versionNo: v.version,
          title: source.title,
          notes: source.notes,
          createdBy: options.actorId,
          ...columns,
        })
        .returning();
      ids.set(v.version, created.id);
      if (v.items.length) await tx.insert(listItems).values(v.items.map((i) => itemToRow(i, created.id, loaded.list.regionCode)));
      continue;
    }
    const changed = JSON.stringify({ ...before, items: undefined }) !== JSON.stringify({ ...v, items: undefined });
    if (!changed && !options.quality?.has(v.version)) continue;
    const updated = await tx
      .update(listVersions)
      .set({ ...columns, lockVersion: row.lockVersion + 1, updatedAt: options.now })
      .where(and(eq(listVersions.id, row.id), eq(listVersions.lockVersion, row.lockVersion)))
      .returning({ id: listVersions.id });
    if (!updated.length) throw versionConflict();
    const newEvaluations = v.evaluations.slice(before?.evaluations.length ?? 0);
    for (const e of newEvaluations) {
      await tx.insert(listEvaluations).values({
        regionCode: loaded.list.regionCode,
        listVersionId: row.id,
        evaluatedOn: e.on,
        findings: e.findings,
        evaluatorId: options.actorId,
      });
    }
  }
  return ids;
}

/** Active claims of an organisation (list_claims rows), newest first. */
export async function activeClaims(db: DbOrTx, organisationId: string) {
  return db
    .select()
    .from(listClaims)
    .where(and(eq(listClaims.organisationId, organisationId), eq(listClaims.active, true)));
}
