/**
 * 抽查事项清单: the inspection matters of an organisation, each tied to catalogue matters (事项库编码)
 * and a checklist, and published. A matter is published only when its catalogue matters exist and
 * its checklist has a published version; a published matter is not edited.
 */
import { and, asc, eq } from "drizzle-orm";
import { findMatter } from "@kuanyan/domain/matters";
import { publishedChecklistVersion, type Industry } from "@kuanyan/domain/inspections";
import { recordAudit } from "../audit/record";
import { AppError, notFound, versionConflict } from "../http/errors";
import type { AppContext, Auth } from "../http/context";
import { inspectionChecklists, inspectionMatters } from "./schema";
import { recordOf } from "./checklists";
import { allowedActions, loadOrganisation, requireActionRole, requirePermission, today } from "./shared";

type Row = typeof inspectionMatters.$inferSelect;

function present(r: Row, checklistTitle: string | null) {
  return {
    id: r.id,
    organisationId: r.organisationId,
    name: r.name,
    industry: (r.industry as Industry | null) ?? null,
    matterCodes: r.matterCodes,
    checklistId: r.checklistId,
    checklistTitle,
    inspectionMethod: r.inspectionMethod,
    published: r.published,
    publishedOn: r.publishedOn,
    version: r.version,
  };
}

export async function listMatters(ctx: AppContext, auth: Auth, organisationId: string) {
  const db = ctx.database.db;
  const nodes = await requirePermission(db, auth, "inspection.read", organisationId);
  const rows = await db
    .select({ m: inspectionMatters, title: inspectionChecklists.title })
    .from(inspectionMatters)
    .leftJoin(inspectionChecklists, eq(inspectionChecklists.id, inspectionMatters.checklistId))
    .where(eq(inspectionMatters.organisationId, organisationId))
    .orderBy(asc(inspectionMatters.createdAt));
  return { items: rows.map((r) => present(r.m, r.title ?? null)), allowedActions: allowedActions(auth, organisationId, nodes) };
}

export async function createMatter(
  ctx: AppContext,
  auth: Auth,
  input: { organisationId?: string; name: string; industry?: Industry; matterCodes: string[]; checklistId?: string; inspectionMethod?: string },
) {
  const organisationId = input.organisationId ?? auth.organisationId;
  return ctx.database.db.transaction(async (tx) => {
    await requirePermission(tx, auth, "inspection.checklist.manage", organisationId);
    const org = await loadOrganisation(tx, organisationId);
    const name = input.name.trim();
    if (name === "") throw new AppError("validation_failed", "请填写抽查事项名称");
    const codes = [...new Set(input.matterCodes.map((c) => c.trim().toUpperCase()).filter(Boolean))];
    if (codes.length === 0) throw new AppError("validation_failed", "请至少选择一个对应的执法事项");
    const unknown = codes.filter((c) => !findMatter(c));
    if (unknown.length) throw new AppError("validation_failed", `执法事项${unknown.join("、")}不在事项库中`);
    let title: string | null = null;
    if (input.checklistId) {
      const [cl] = await tx.select().from(inspectionChecklists).where(eq(inspectionChecklists.id, input.checklistId));
      if (!cl || cl.organisationId !== organisationId) throw new AppError("validation_failed", "检查表不存在或不是本单位的检查表");
      title = cl.title;
    }
    const [row] = await tx
      .insert(inspectionMatters)
      .values({
        regionCode: org.regionCode,
        organisationId,
        name,
        industry: input.industry ?? null,
        matterCodes: codes,
        checklistId: input.checklistId ?? null,
        inspectionMethod: input.inspectionMethod?.trim() ?? "",
      })
      .returning();
    const shown = present(row, title);
    await recordAudit(tx, auth, {
      action: "inspection.matter.created",
      entityType: "inspection_matter",
      entityId: row.id,
      organisationId,
      regionCode: org.regionCode,
      after: shown,
    });
    return shown;
  });
}

export async function publishMatter(ctx: AppContext, auth: Auth, id: string, input: { version: number }) {
  requireActionRole(auth, "inspection.checklist.manage");
  return ctx.database.db.transaction(async (tx) => {
    const [row] = await tx.select().from(inspectionMatters).where(eq(inspectionMatters.id, id));
    if (!row) throw notFound("抽查事项");
    await requirePermission(tx, auth, "inspection.checklist.manage", row.organisationId);
    if (row.version !== input.version) throw versionConflict();
    if (row.published) throw new AppError("rule_violation", "该抽查事项已经发布");
    if (!row.checklistId) throw new AppError("rule_violation", "抽查事项须对应一张检查表才能发布");
    const [cl] = await tx.select().from(inspectionChecklists).where(eq(inspectionChecklists.id, row.checklistId));
    if (!cl || !publishedChecklistVersion(recordOf(cl))) throw new AppError("rule_violation", `检查表“${cl?.title ?? ""}”尚未发布，抽查事项不能发布`);
    const [saved] = await tx
      .update(inspectionMatters)
      .set({ published: true, publishedOn: today(ctx), version: row.version + 1, updatedAt: new Date() })
      .where(and(eq(inspectionMatters.id, id), eq(inspectionMatters.version, input.version)))
      .returning();
    if (!saved) throw versionConflict();
    const shown = present(saved, cl.title);
    await recordAudit(tx, auth, {
      action: "inspection.matter.published",
      entityType: "inspection_matter",
      entityId: id,
      organisationId: row.organisationId,
      regionCode: row.regionCode,
      after: shown,
    });
    return shown;
  });
}
