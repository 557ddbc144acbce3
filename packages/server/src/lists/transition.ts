/**
 * The common path of the lifecycle use cases: check role and access, load the list, let the domain
 * apply the action, persist the difference and write the audit event — one transaction.
 */
import { applyListTransition, listTransitions, type ListAction, type ListRole, type QualityFinding } from "@kuanyan/domain/lists";
import { requireAccess, requireRole } from "../access";
import { recordAudit } from "../audit/record";
import type { Tx } from "../db/client";
import { AppError, versionConflict } from "../http/errors";
import type { AppContext, Auth } from "../http/context";
import { today } from "../shared/clock";
import { loadList, persistRecord, type LoadedList } from "./repository";

export interface TransitionOutcome {
  listId: string;
  versionNo: number;
  versionId: string;
}

export async function runTransition(
  ctx: AppContext,
  auth: Auth,
  input: { listId: string; action: ListAction; lockVersion?: number },
  hooks: {
    /** Adds to the action what only the database knows (quality checks, the 司法局), inside the transaction. */
    prepare?: (tx: Tx, loaded: LoadedList) => Promise<{ action?: ListAction; quality?: Map<number, QualityFinding[]> } | void>;
  } = {},
): Promise<TransitionOutcome> {
  const rule = listTransitions[input.action.type];
  requireRole(auth, rule.roles, rule.label);
  return ctx.database.db.transaction(async (tx) => {
    const loaded = await loadList(tx, input.listId);
    await requireAccess(tx, auth, { mode: "write", organisationId: loaded.list.organisationId, what: rule.label });
    const addressed = "version" in input.action ? input.action.version : "fromVersion" in input.action ? input.action.fromVersion : undefined;
    if (input.lockVersion !== undefined && addressed !== undefined) {
      const row = loaded.versions.find((v) => v.versionNo === addressed);
      if (row && row.lockVersion !== input.lockVersion) throw versionConflict();
    }
    const prepared = (await hooks.prepare?.(tx, loaded)) ?? {};
    const action = prepared.action ?? input.action;
    const result = applyListTransition(loaded.record, action, auth.roles as ListRole[], today(ctx));
    if (!result.ok) throw new AppError("rule_violation", result.error);
    const ids = await persistRecord(tx, loaded, result.record, { now: ctx.now(), actorId: auth.userId, quality: prepared.quality });
    const versionId = ids.get(result.version)!;
    const before = loaded.record.versions.find((v) => v.version === result.version);
    const after = result.record.versions.find((v) => v.version === result.version);
    await recordAudit(tx, auth, {
      action: `list.${action.type}`,
      entityType: "list_version",
      entityId: versionId,
      organisationId: loaded.list.organisationId,
      regionCode: loaded.list.regionCode,
      before: before ? { ...before, items: before.items.length } : null,
      after: after ? { ...after, items: after.items.length, action } : { action },
    });
    return { listId: loaded.list.id, versionNo: result.version, versionId };
  });
}
