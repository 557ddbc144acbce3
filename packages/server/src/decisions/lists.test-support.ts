/**
 * Test support: writes domain list records (e.g. 三明's seed lists) and claims into the lists
 * tables, so that decision and case tests do not depend on the lists module's demo data.
 */
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import type { Claim, ListRecord } from "@kuanyan/domain/lists";
import { sanmingLists } from "@kuanyan/domain/lists";
import type { DbOrTx } from "../db/client";
import { listClaims, listItems, lists, listVersions, organisations } from "../db/schema";

export async function insertListRecords(db: DbOrTx, records: ListRecord[], regionCode: string, claims: Claim[] = []): Promise<Map<string, string>> {
  const versionIds = new Map<string, string>();
  for (const r of records) {
    await db.insert(lists).values({ id: r.list.id, regionCode, organisationId: r.list.organisationId, type: r.list.type, title: r.list.title });
    for (const v of r.versions) {
      const [row] = await db
        .insert(listVersions)
        .values({
          regionCode,
          organisationId: r.list.organisationId,
          listId: r.list.id,
          versionNo: v.version,
          status: v.status,
          title: r.list.title,
          notes: r.list.notes,
          effectiveFrom: v.effectiveFrom ?? null,
          effectiveTo: v.effectiveTo ?? null,
          publishedOn: v.publishedOn ?? null,
        })
        .returning();
      versionIds.set(`${r.list.id}:${v.version}`, row.id);
      for (const i of v.items) {
        await db.insert(listItems).values({
          regionCode,
          listVersionId: row.id,
          seq: i.seq,
          matterName: i.matterName,
          matterCode: i.matterCode ?? null,
          circumstances: i.circumstances,
          basis: i.basis,
          basisText: i.basisText,
          measures: i.measures,
          otherMeasures: i.otherMeasures,
          remarks: i.remarks ?? "",
          conditions: i.conditions,
        });
      }
    }
  }
  for (const c of claims) {
    await db.insert(listClaims).values({
      regionCode,
      organisationId: c.organisationId,
      listId: c.listId,
      listVersionId: versionIds.get(`${c.listId}:${c.version}`)!,
      claimedOn: c.claimedOn,
    });
  }
  return versionIds;
}

/**
 * 三明市应急管理局's four lists published and claimed by 明溪县应急管理局 — unless the lists module's
 * demo data already holds them. Returns the organisation ids.
 */
export async function ensureSanmingLists(db: DbOrTx, claimedOn = "2022-06-01"): Promise<{ sanming: string; mingxi: string }> {
  const [sm] = await db.select().from(organisations).where(eq(organisations.name, "三明市应急管理局"));
  const [mx] = await db.select().from(organisations).where(eq(organisations.name, "明溪县应急管理局"));
  const existing = await db.select({ id: lists.id }).from(lists).where(eq(lists.organisationId, sm.id));
  if (existing.length === 0) {
    const records = sanmingLists({ organisationId: sm.id, idPrefix: "" }).map((r) => ({ ...r, list: { ...r.list, id: crypto.randomUUID() } }));
    await insertListRecords(
      db,
      records,
      sm.regionCode,
      records.map((r) => ({ listId: r.list.id, version: r.versions[0].version, organisationId: mx.id, claimedOn })),
    );
  }
  return { sanming: sm.id, mingxi: mx.id };
}
