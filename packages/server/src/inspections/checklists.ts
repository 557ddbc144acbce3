/**
 * 检查表: an organisation copies a shipped starter (or another organisation's published checklist),
 * edits its draft, publishes it once every item's basis resolves in the law library and its matter
 * is in the catalogue, and revises it into a new draft (the domain's rules, ./checklists.ts of the
 * domain). The record (versions and items) is kept as jsonb; every change with its audit event.
 */
import crypto from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import {
  copyChecklist,
  editChecklistDraft,
  publishChecklist,
  reviseChecklist,
  starterChecklists,
  type ChecklistItem,
  type ChecklistRecord,
  type ChecklistResult,
  type ChecklistVersion,
  type Industry,
} from "@kuanyan/domain/inspections";
import { recordAudit } from "../audit/record";
import type { DbOrTx, Tx } from "../db/client";
import { AppError, notFound, versionConflict } from "../http/errors";
import type { AppContext, Auth } from "../http/context";
import { lawLibrary } from "../laws/library";
import { inspectionChecklists } from "./schema";
import { allowedActions, loadOrganisation, requireActionRole, requirePermission, today } from "./shared";

type Row = typeof inspectionChecklists.$inferSelect;

export function recordOf(row: Row): ChecklistRecord {
  return {
    id: row.id,
    organisationId: row.organisationId,
    industry: row.industry as Industry,
    title: row.title,
    ...(row.copiedFrom ? { copiedFrom: row.copiedFrom as { checklistId: string; version: number } } : {}),
    versions: row.versions as ChecklistVersion[],
  };
}

function presentVersion(v: ChecklistVersion) {
  return { version: v.version, status: v.status, items: v.items, publishedOn: v.publishedOn ?? null, changeNote: v.changeNote ?? null };
}

export function presentChecklist(record: ChecklistRecord, lockVersion: number) {
  return {
    id: record.id,
    organisationId: record.organisationId,
    industry: record.industry,
    title: record.title,
    copiedFrom: record.copiedFrom ?? null,
    versions: record.versions.map(presentVersion),
    lockVersion,
  };
}

function summary(record: ChecklistRecord, lockVersion: number) {
  return {
    id: record.id,
    organisationId: record.organisationId,
    industry: record.industry,
    title: record.title,
    copiedFrom: record.copiedFrom ?? null,
    versions: record.versions.map((v) => ({ version: v.version, status: v.status, publishedOn: v.publishedOn ?? null, items: v.items.length })),
    lockVersion,
  };
}

const resolve = (c: Parameters<ReturnType<typeof lawLibrary>["resolve"]>[0]) => {
  const r = lawLibrary().resolve(c);
  return r.ok ? { ok: true as const } : { ok: false as const, error: r.error };
};

function unwrap(r: ChecklistResult): { record: ChecklistRecord; version: number } {
  if (!r.ok) throw new AppError("rule_violation", r.error);
  return r;
}

export async function listChecklists(ctx: AppContext, auth: Auth, organisationId: string) {
  const db = ctx.database.db;
  const nodes = await requirePermission(db, auth, "inspection.read", organisationId);
  const rows = await db
    .select()
    .from(inspectionChecklists)
    .where(eq(inspectionChecklists.organisationId, organisationId))
    .orderBy(asc(inspectionChecklists.title));
  return {
    items: rows.map((r) => summary(recordOf(r), r.lockVersion)),
    starters: starterChecklists().map((s) => ({
      id: s.id,
      industry: s.industry,
      title: s.title,
      items: s.versions.find((v) => v.status === "published")?.items.length ?? 0,
    })),
    allowedActions: allowedActions(auth, organisationId, nodes),
  };
}

async function loadRow(db: DbOrTx, id: string): Promise<Row> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound("检查表");
  const [row] = await db.select().from(inspectionChecklists).where(eq(inspectionChecklists.id, id));
  if (!row) throw notFound("检查表");
  return row;
}

export async function getChecklist(ctx: AppContext, auth: Auth, id: string) {
  requireActionRole(auth, "inspection.read");
  const starter = starterChecklists().find((s) => s.id === id);
  if (starter) return presentChecklist(starter, 1);
  const row = await loadRow(ctx.database.db, id);
  await requirePermission(ctx.database.db, auth, "inspection.read", row.organisationId);
  return presentChecklist(recordOf(row), row.lockVersion);
}

export async function copyChecklistFor(
  ctx: AppContext,
  auth: Auth,
  input: { organisationId?: string; sourceId: string; version?: number; title?: string },
) {
  const organisationId = input.organisationId ?? auth.organisationId;
  return ctx.database.db.transaction(async (tx) => {
    await requirePermission(tx, auth, "inspection.checklist.manage", organisationId);
    const org = await loadOrganisation(tx, organisationId);
    let source = starterChecklists().find((s) => s.id === input.sourceId);
    if (!source) {
      const row = await loadRow(tx, input.sourceId);
      await requirePermission(tx, auth, "inspection.read", row.organisationId).catch(() => {
        throw notFound("检查表");
      });
      source = recordOf(row);
    }
    const version = input.version ?? source.versions.find((v) => v.status === "published")?.version ?? 0;
    const id = crypto.randomUUID();
    const { record } = unwrap(copyChecklist(source, version, { id, organisationId, title: input.title }));
    const [row] = await tx
      .insert(inspectionChecklists)
      .values({
        id,
        regionCode: org.regionCode,
        organisationId,
        industry: record.industry,
        title: record.title,
        copiedFrom: record.copiedFrom ?? null,
        versions: record.versions,
        createdBy: auth.userId,
      })
      .returning();
    await recordAudit(tx, auth, {
      action: "inspection.checklist.copied",
      entityType: "inspection_checklist",
      entityId: id,
      organisationId,
      regionCode: org.regionCode,
      after: { title: record.title, copiedFrom: record.copiedFrom },
    });
    return presentChecklist(recordOf(row), row.lockVersion);
  });
}

async function change(
  ctx: AppContext,
  auth: Auth,
  id: string,
  lockVersion: number,
  action: string,
  apply: (record: ChecklistRecord, tx: Tx) => ChecklistResult,
) {
  requireActionRole(auth, "inspection.checklist.manage");
  return ctx.database.db.transaction(async (tx) => {
    const row = await loadRow(tx, id);
    await requirePermission(tx, auth, "inspection.checklist.manage", row.organisationId);
    if (row.lockVersion !== lockVersion) throw versionConflict();
    const { record, version } = unwrap(apply(recordOf(row), tx));
    const [saved] = await tx
      .update(inspectionChecklists)
      .set({ versions: record.versions, lockVersion: row.lockVersion + 1, updatedAt: new Date() })
      .where(and(eq(inspectionChecklists.id, id), eq(inspectionChecklists.lockVersion, lockVersion)))
      .returning();
    if (!saved) throw versionConflict();
    const v = record.versions.find((x) => x.version === version)!;
    await recordAudit(tx, auth, {
      action,
      entityType: "inspection_checklist",
      entityId: id,
      organisationId: row.organisationId,
      regionCode: row.regionCode,
      after: { version, status: v.status, items: v.items.length, changeNote: v.changeNote ?? null },
    });
    return presentChecklist(recordOf(saved), saved.lockVersion);
  });
}

export const saveChecklistDraft = (
  ctx: AppContext,
  auth: Auth,
  id: string,
  version: number,
  input: { items: ChecklistItem[]; lockVersion: number },
) => change(ctx, auth, id, input.lockVersion, "inspection.checklist.edited", (r) => editChecklistDraft(r, version, input.items));

export const publishChecklistVersion = (ctx: AppContext, auth: Auth, id: string, input: { version: number; lockVersion: number }) =>
  change(ctx, auth, id, input.lockVersion, "inspection.checklist.published", (r) => publishChecklist(r, input.version, today(ctx), resolve));

export const reviseChecklistRecord = (ctx: AppContext, auth: Auth, id: string, input: { changeNote: string; lockVersion: number }) =>
  change(ctx, auth, id, input.lockVersion, "inspection.checklist.revised", (r) => reviseChecklist(r, input.changeNote));
