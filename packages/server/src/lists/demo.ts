/**
 * Demo lists: 三明市应急管理局's four lists from seed 000 (version 1, published 2022-05-01 and
 * filed with 三明市司法局 on time), claimed by 明溪县应急管理局 (seed 001).
 */
import { checkListVersion, filingDeadline, sanmingLists, SANMING_EFFECTIVE_FROM, SANMING_ORGANISATION_NAME } from "@kuanyan/domain/lists";
import { addDays } from "@kuanyan/domain/dates";
import type { Tx } from "../db/client";
import { listClaims, listItems, listVersions, lists } from "../db/schema";
import type { DemoIds } from "../demo";
import type { AppContext } from "../http/context";
import { lawLibrary, supersededLawTitles } from "../laws/library";
import { recordAudit } from "../audit/record";
import { itemToRow } from "./repository";

/** Filed nine days after publication, within the 15-day period. */
export const DEMO_FILED_ON = addDays(SANMING_EFFECTIVE_FROM, 9);
/** 明溪县应急管理局 claims the city's lists when the county's plan starts. */
export const DEMO_CLAIMED_ON = "2022-06-01";

export async function seedDemo(_ctx: AppContext, tx: Tx, ids: DemoIds): Promise<void> {
  const owner = ids.orgs.get(SANMING_ORGANISATION_NAME);
  const bureau = ids.orgs.get("三明市司法局");
  const claimant = ids.orgs.get("明溪县应急管理局");
  if (!owner || !bureau || !claimant) return;
  const manager = ids.users.get("demo-listmanager");
  const claimer = ids.users.get("demo-listmanager-mx");
  const lib = lawLibrary();
  const superseded = supersededLawTitles();
  for (const record of sanmingLists({ organisationId: owner.id })) {
    const v = record.versions[0];
    const [list] = await tx
      .insert(lists)
      .values({ regionCode: owner.regionCode, organisationId: owner.id, type: record.list.type, title: record.list.title, isDemo: true })
      .returning();
    const quality = checkListVersion({ list: { ...record.list, id: list.id }, version: v }, { lookup: lib.lookup, supersededLaws: superseded });
    const [version] = await tx
      .insert(listVersions)
      .values({
        regionCode: owner.regionCode,
        organisationId: owner.id,
        listId: list.id,
        versionNo: 1,
        status: "filed",
        title: record.list.title,
        notes: record.list.notes,
        effectiveFrom: v.effectiveFrom,
        publishedOn: v.publishedOn,
        filingDeadline: filingDeadline(v.publishedOn!),
        filedOn: DEMO_FILED_ON,
        filedWithId: bureau.id,
        reviewComments: [{ decision: "approved", comments: "经合法性审核，同意发布。", on: addDays(SANMING_EFFECTIVE_FROM, -5) }],
        quality,
        warningReason: quality.some((q) => q.severity === "warning") ? "演示数据：按三明市应急管理局公布的清单原文录入" : null,
        createdBy: manager?.id ?? null,
      })
      .returning();
    if (v.items.length) await tx.insert(listItems).values(v.items.map((i) => itemToRow(i, version.id, owner.regionCode)));
    await tx.insert(listClaims).values({
      regionCode: claimant.regionCode,
      organisationId: claimant.id,
      listId: list.id,
      listVersionId: version.id,
      claimedOn: DEMO_CLAIMED_ON,
      claimedBy: claimer?.id ?? null,
    });
    await recordAudit(tx, null, {
      action: "list.demo_created",
      entityType: "list",
      entityId: list.id,
      organisationId: owner.id,
      regionCode: owner.regionCode,
      after: { title: record.list.title, items: v.items.length, filedOn: DEMO_FILED_ON, claimedBy: "明溪县应急管理局" },
    });
  }
}
