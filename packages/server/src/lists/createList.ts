import { eq } from "drizzle-orm";
import { listTypeLabels, type ListItem, type ListType } from "@kuanyan/domain/lists";
import { requireAccess, requireRole } from "../access";
import { recordAudit } from "../audit/record";
import type { Tx } from "../db/client";
import { listItems, listVersions, lists, organisations } from "../db/schema";
import { notFound } from "../http/errors";
import type { AppContext, Auth } from "../http/context";
import { checkVersion } from "./quality";
import { itemToRow } from "./repository";

export interface CreateListInput {
  type: ListType;
  /** Defaults to "<单位><清单类型>". */
  title?: string;
  notes?: string;
  organisationId?: string;
  items?: ListItem[];
}

/** 新建清单: a list with version 1 as a draft (optionally with items, e.g. from an import). */
export async function createList(ctx: AppContext, auth: Auth, input: CreateListInput, tx?: Tx) {
  requireRole(auth, ["listManager"], "新建清单");
  const organisationId = input.organisationId ?? auth.organisationId;
  const run = async (t: Tx) => {
    await requireAccess(t, auth, { mode: "write", organisationId, what: "新建清单" });
    const [org] = await t.select().from(organisations).where(eq(organisations.id, organisationId));
    if (!org) throw notFound("单位");
    const title = input.title?.trim() || `${org.name}${listTypeLabels[input.type]}`;
    const [list] = await t.insert(lists).values({ regionCode: org.regionCode, organisationId, type: input.type, title }).returning();
    const items = input.items ?? [];
    const quality = await checkVersion(t, { listId: list.id, organisationId, type: input.type, title, versionNo: 1, items });
    const [version] = await t
      .insert(listVersions)
      .values({
        regionCode: org.regionCode,
        organisationId,
        listId: list.id,
        versionNo: 1,
        status: "draft",
        title,
        notes: input.notes?.trim() ?? "",
        quality,
        createdBy: auth.userId,
      })
      .returning();
    if (items.length) await t.insert(listItems).values(items.map((i) => itemToRow(i, version.id, org.regionCode)));
    await recordAudit(t, auth, {
      action: "list.created",
      entityType: "list",
      entityId: list.id,
      organisationId,
      regionCode: org.regionCode,
      after: { list, version: { ...version, items: items.length } },
    });
    return { listId: list.id, versionId: version.id, versionNo: 1, lockVersion: version.lockVersion };
  };
  return tx ? run(tx) : ctx.database.db.transaction(run);
}
