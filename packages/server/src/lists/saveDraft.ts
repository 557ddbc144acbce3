import { and, eq } from "drizzle-orm";
import { canEditVersion, validateConditions, type ListItem, type ListType } from "@kuanyan/domain/lists";
import { requireAccess, requireRole } from "../access";
import { recordAudit } from "../audit/record";
import type { Tx } from "../db/client";
import { listItems, listVersions } from "../db/schema";
import { AppError, versionConflict, type FieldError } from "../http/errors";
import type { AppContext, Auth } from "../http/context";
import { checkVersion } from "./quality";
import { itemToRow, loadList, versionId } from "./repository";

export interface SaveDraftInput {
  listId: string;
  versionNo: number;
  /** The lock_version the editor read; a stale one gets 409. */
  lockVersion: number;
  title?: string;
  notes?: string;
  items: ListItem[];
}

/** Checks items as a form or an import sends them; Chinese errors per item (序号 and condition). */
export function validateItems(items: readonly ListItem[], type: ListType): FieldError[] {
  const errors: FieldError[] = [];
  const seqs = new Set<number>();
  items.forEach((item, i) => {
    const at = `第${i + 1}行`;
    if (seqs.has(item.seq)) errors.push({ field: `items.${i}.seq`, message: `${at}：序号${item.seq}重复` });
    seqs.add(item.seq);
    for (const e of validateConditions(item.conditions, { listType: type })) {
      errors.push({ field: `items.${i}.conditions`, message: `${at}：${e}` });
    }
  });
  return errors;
}

/** 保存草稿: replaces the items (and title, notes) of a draft version; optimistic lock. */
export async function saveDraft(ctx: AppContext, auth: Auth, input: SaveDraftInput, tx?: Tx) {
  requireRole(auth, ["listManager"], "编辑清单");
  const run = async (t: Tx) => {
    const loaded = await loadList(t, input.listId);
    await requireAccess(t, auth, { mode: "write", organisationId: loaded.list.organisationId, what: "编辑清单" });
    const id = versionId(loaded, input.versionNo);
    const row = loaded.versions.find((v) => v.id === id)!;
    const version = loaded.record.versions.find((v) => v.version === input.versionNo)!;
    if (!canEditVersion(version)) throw new AppError("rule_violation", `第${input.versionNo}版不是草稿，不能修改；如需调整请修订（新建版本）`);
    if (row.lockVersion !== input.lockVersion) throw versionConflict();
    const type = loaded.list.type as ListType;
    const errors = validateItems(input.items, type);
    if (errors.length) throw new AppError("validation_failed", `输入有误：${errors.map((e) => e.message).join("；")}`, errors);
    const title = input.title?.trim() || row.title;
    const quality = await checkVersion(t, {
      listId: loaded.list.id,
      organisationId: loaded.list.organisationId,
      type,
      title,
      versionNo: input.versionNo,
      items: input.items,
    });
    const updated = await t
      .update(listVersions)
      .set({ title, notes: input.notes ?? row.notes, quality, lockVersion: row.lockVersion + 1, updatedAt: ctx.now() })
      .where(and(eq(listVersions.id, id), eq(listVersions.lockVersion, input.lockVersion)))
      .returning();
    if (!updated.length) throw versionConflict();
    await t.delete(listItems).where(eq(listItems.listVersionId, id));
    if (input.items.length) await t.insert(listItems).values(input.items.map((i) => itemToRow(i, id, loaded.list.regionCode)));
    await recordAudit(t, auth, {
      action: "list.draft_saved",
      entityType: "list_version",
      entityId: id,
      organisationId: loaded.list.organisationId,
      regionCode: loaded.list.regionCode,
      before: { title: row.title, notes: row.notes, items: version.items },
      after: { title, notes: updated[0].notes, items: input.items },
    });
    return { listId: loaded.list.id, versionId: id, versionNo: input.versionNo, lockVersion: updated[0].lockVersion, quality };
  };
  return tx ? run(tx) : ctx.database.db.transaction(run);
}
