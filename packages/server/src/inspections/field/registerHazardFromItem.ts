/**
 * A failed item → 隐患 (issue 10 §7): the domain drafts the hazard from the finding (hazardFromFinding)
 * and registers it (registerHazard); one hazard per item, a replay answers with it.
 */
import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { registerHazard as registerHazardRule, type Hazard } from "@kuanyan/domain/hazards";
import { hazardFromFinding, inspectionStatusLabels } from "@kuanyan/domain/inspections";
import type { RegisterHazard } from "@kuanyan/contract/hazards";
import { hazardEvents, hazards } from "../../hazards/schema";
import { inspectionCaseLinks } from "./schema";
import { recordAudit } from "../../audit/record";
import { requireAccess, requireRole } from "../../access";
import type { AppContext, Auth } from "../../http/context";
import { roles } from "../../hazards/service";
import { domainRecord, readable, rule } from "./shared";

export async function registerHazardFromItem(ctx: AppContext, auth: Auth, input: RegisterHazard): Promise<{ id: string; created: boolean }> {
  requireRole(auth, roles("hazard.manage"), "登记隐患");
  return ctx.database.db.transaction(async (tx) => {
    const src = await readable(tx, auth, input.inspectionId);
    await requireAccess(tx, auth, { mode: "write", organisationId: src.organisationId, roles: roles("hazard.manage"), what: "登记隐患" });
    const [existing] = await tx
      .select({ id: hazards.id })
      .from(hazards)
      .where(and(eq(hazards.inspectionId, src.id), eq(hazards.itemId, input.itemId)));
    if (existing) return { id: existing.id, created: false }; // a replay: one hazard per item
    if (src.status !== "started" && src.status !== "submitted") throw rule(`检查当前状态为“${inspectionStatusLabels[src.status]}”，不能登记隐患`);
    const record = await domainRecord(tx, src);
    const item = src.checklist?.items.find((i) => i.id === input.itemId);
    if (!item) throw rule(`检查表中没有检查项${input.itemId}`);
    const result = record.results.find((r) => r.itemId === input.itemId);
    if (!result) throw rule(`检查项${input.itemId}尚未填写`);
    const [link] = await tx
      .select({ id: inspectionCaseLinks.id })
      .from(inspectionCaseLinks)
      .where(and(eq(inspectionCaseLinks.inspectionId, src.id), eq(inspectionCaseLinks.itemId, input.itemId)));
    if (link) throw rule(`检查项${input.itemId}已立案，不能再登记为隐患`);
    const id = crypto.randomUUID();
    const draft = hazardFromFinding({ inspection: record, item, result, id, deadline: input.deadline, responsiblePerson: input.responsiblePerson });
    if (!draft.ok) throw rule(draft.error);
    const reg = registerHazardRule(draft.hazard, auth.roles);
    if (!reg.ok) throw rule(reg.error);
    const h: Hazard = reg.hazard;
    await tx.insert(hazards).values({
      id,
      regionCode: h.regionCode,
      organisationId: h.organisationId,
      inspectionId: src.id,
      itemId: item.id,
      creditCode: h.creditCode,
      unitName: h.unitName,
      level: h.level,
      criterion: h.criterion ?? null,
      description: h.description,
      responsiblePerson: h.responsiblePerson,
      foundOn: h.foundOn,
      deadline: h.deadline,
      status: h.status,
      idempotencyKey: input.idempotencyKey ?? null,
      createdBy: auth.userId,
    });
    await tx.insert(hazardEvents).values({
      regionCode: h.regionCode,
      organisationId: h.organisationId,
      hazardId: id,
      kind: "registered",
      detail: { level: h.level, deadline: h.deadline },
      actorId: auth.userId,
      at: ctx.now(),
    });
    await recordAudit(tx, auth, {
      action: "hazard.registered",
      entityType: "hazard",
      entityId: id,
      organisationId: h.organisationId,
      regionCode: h.regionCode,
      after: { inspectionId: src.id, itemId: item.id, level: h.level, deadline: h.deadline },
    });
    return { id, created: true };
  });
}
