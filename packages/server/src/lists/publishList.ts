import type { ListType } from "@kuanyan/domain/lists";
import type { AppContext, Auth } from "../http/context";
import { checkVersion } from "./quality";
import { runTransition } from "./transition";

/**
 * 发布: runs the quality checks afresh (errors block; warnings need a reason), sets the
 * effective date and the 备案 deadline (15 days), and ends the previous version the day before.
 */
export function publishList(
  ctx: AppContext,
  auth: Auth,
  input: { listId: string; versionNo: number; effectiveFrom?: string; warningReason?: string; lockVersion?: number },
) {
  return runTransition(
    ctx,
    auth,
    { listId: input.listId, lockVersion: input.lockVersion, action: { type: "publish", version: input.versionNo, checks: [] } },
    {
      async prepare(tx, loaded) {
        const version = loaded.record.versions.find((v) => v.version === input.versionNo);
        const row = loaded.versions.find((v) => v.versionNo === input.versionNo);
        if (!version || !row) return;
        const checks = await checkVersion(tx, {
          listId: loaded.list.id,
          organisationId: loaded.list.organisationId,
          type: loaded.list.type as ListType,
          title: row.title,
          versionNo: input.versionNo,
          items: version.items,
        });
        return {
          action: { type: "publish", version: input.versionNo, checks, effectiveFrom: input.effectiveFrom, warningReason: input.warningReason },
          quality: new Map([[input.versionNo, checks]]),
        };
      },
    },
  );
}
