import { requireRole } from "../access";
import { AppError } from "../http/errors";
import type { AppContext, Auth } from "../http/context";
import { createList } from "./createList";
import type { ImportPreview } from "./importFile";
import { parseListFile } from "../uploads";
import { saveDraft } from "./saveDraft";

export interface ImportListInput {
  fileName: string;
  content: Buffer;
  /** Overrides the type read from the title. */
  type?: string;
  title?: string;
  /** Import into an existing draft (replacing its items) instead of creating a new list. */
  target?: { listId: string; versionNo: number; lockVersion: number };
}

/** Summarises a failed preview in one Chinese sentence. */
function failure(preview: ImportPreview): string {
  const bad = preview.rows.filter((r) => r.errors.length > 0);
  const parts = [...preview.errors, ...bad.slice(0, 3).map((r) => `第${r.row}行：${r.errors.join("；")}`)];
  return `导入失败，未保存任何内容：${parts.join("；")}${bad.length > 3 ? `；另有${bad.length - 3}行有误` : ""}`;
}

/**
 * 确认导入: reads the file again and saves it only when every row is valid — as a new list
 * (version 1, draft) or into an existing draft. A failed import changes nothing.
 */
export async function importList(ctx: AppContext, auth: Auth, input: ImportListInput) {
  requireRole(auth, ["listManager"], "导入清单");
  // Parsed in a worker thread within the upload limits (src/uploads).
  const preview = await parseListFile(ctx.config, { fileName: input.fileName, content: input.content }, input.type);
  if (!preview.ok || !preview.type) throw new AppError("rule_violation", failure(preview));
  if (input.target) {
    const saved = await saveDraft(ctx, auth, {
      ...input.target,
      items: preview.items,
      notes: preview.notes,
      ...(input.title ? { title: input.title } : {}),
    });
    return { ...saved, imported: preview.items.length };
  }
  const created = await createList(ctx, auth, {
    type: preview.type,
    title: input.title?.trim() || preview.title || undefined,
    notes: preview.notes,
    items: preview.items,
  });
  return { ...created, imported: preview.items.length };
}
