/**
 * 双随机抽查结果公示 (一公开, issue 10 item 4): the results of a draw's inspections as the public page,
 * its JSON and its CSV show them. Each object by name (a 个体工商户 under its operator's name masked)
 * and 统一社会信用代码, the 检查事项, the date and the result category the domain derives from the
 * published record (publication.ts), with the 整改 state of its hazards. Read here, never published:
 * inspectors, certificates, representatives, notes, photos, addresses, contacts — the record's content is
 * reduced to the items' outcomes and the kind of their finding before anything leaves this file.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { chinaDay } from "@kuanyan/domain/dates";
import type { HazardStatus } from "@kuanyan/domain/hazards";
import {
  publicInspectionResult,
  publicUnitName,
  publishedRecordOf,
  summarisePublicResults,
  type InspectionStatus,
  type ItemOutcome,
  type PublishableRecord,
} from "@kuanyan/domain/inspections";
import type { DbOrTx } from "../db/client";
import { hazards } from "../hazards/schema";
import { inspectionRecords } from "./field/schema";
import { inspectionMatters, inspections } from "./schema";

type DrawRef = { id: string; kind: string; organisationId: string };

/** The record's content (field/recordDocument.ts RecordContent), only what the category needs. */
interface StoredContent {
  checkInAt?: string;
  submittedAt?: string;
  checklistTitle?: string;
  items?: { id: string; outcome: ItemOutcome; finding: string | null }[];
}

/** The record states a failure's follow-up as text: "立案查处…" for a case, "登记为…隐患…" for a hazard. */
function publishable(content: StoredContent): PublishableRecord {
  return {
    checkedOn: chinaDay(content.checkInAt ?? content.submittedAt ?? new Date(0).toISOString()),
    items: (content.items ?? []).map((i) => ({
      itemId: i.id,
      outcome: i.outcome,
      finding: i.outcome !== "fail" || !i.finding ? null : i.finding.startsWith("立案") ? "case" : "hazard",
    })),
  };
}

/** Without a published 抽查事项 for the checklist: the checklist's title as the record names it, without its version. */
function checklistOf(content: StoredContent | undefined): string | null {
  return content?.checklistTitle?.replace(/（第\d+版）$/, "") || null;
}

async function recordsOf(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: inspectionRecords.id,
      inspectionId: inspectionRecords.inspectionId,
      content: inspectionRecords.content,
      supersedesId: inspectionRecords.supersedesId,
      supersededById: inspectionRecords.supersededById,
    })
    .from(inspectionRecords)
    .where(inArray(inspectionRecords.inspectionId, ids));
}

async function hazardsOf(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ inspectionId: hazards.inspectionId, itemId: hazards.itemId, status: hazards.status })
    .from(hazards)
    .where(inArray(hazards.inspectionId, ids));
}

/** 检查事项: the organisation's published 抽查事项 tied to the checklist used. */
async function mattersOf(db: DbOrTx, organisationId: string) {
  const rows = await db
    .select({ name: inspectionMatters.name, checklistId: inspectionMatters.checklistId })
    .from(inspectionMatters)
    .where(and(eq(inspectionMatters.organisationId, organisationId), eq(inspectionMatters.published, true)))
    .orderBy(asc(inspectionMatters.name));
  const byChecklist = new Map<string, string>();
  for (const r of rows) if (r.checklistId && !byChecklist.has(r.checklistId)) byChecklist.set(r.checklistId, r.name);
  return byChecklist;
}

/** The public results of a draw's inspections and their summary. */
export async function publicResults(db: DbOrTx, d: DrawRef, today: string) {
  const rows = await db
    .select({
      id: inspections.id,
      creditCode: inspections.creditCode,
      unitName: inspections.unitName,
      status: inspections.status,
      dueBy: inspections.dueBy,
      checklistId: inspections.checklistId,
    })
    .from(inspections)
    .where(d.kind === "annual" ? eq(inspections.planDrawId, d.id) : eq(inspections.drawId, d.id))
    .orderBy(asc(inspections.creditCode));
  const ids = rows.map((r) => r.id);
  const [records, found, matters] = await Promise.all([recordsOf(db, ids), hazardsOf(db, ids), mattersOf(db, d.organisationId)]);
  const results = rows.map((r) => {
    const status = r.status as InspectionStatus;
    const published = publishedRecordOf(
      status,
      records.filter((x) => x.inspectionId === r.id),
    );
    const result = publicInspectionResult({
      status,
      dueBy: r.dueBy,
      record: published ? publishable(published.content as StoredContent) : null,
      hazards: found.filter((h) => h.inspectionId === r.id && h.itemId).map((h) => ({ itemId: h.itemId!, status: h.status as HazardStatus })),
      today,
    });
    return {
      creditCode: r.creditCode,
      unitName: publicUnitName(r.creditCode, r.unitName),
      status,
      matter: (r.checklistId && matters.get(r.checklistId)) || checklistOf(published?.content as StoredContent | undefined),
      ...result,
    };
  });
  return { results, resultsSummary: summarisePublicResults(results) };
}

const CSV_HEAD = ["序号", "检查对象", "统一社会信用代码", "检查事项", "检查日期", "检查结果", "隐患整改"];

/** A CSV cell: quoted, and a leading = + - @ neutralised (a spreadsheet would run it as a formula). */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The results as CSV (UTF-8 with BOM, so that spreadsheet programs read the Chinese). */
export function publicResultsCsv(results: Awaited<ReturnType<typeof publicResults>>["results"]): string {
  const lines = [CSV_HEAD.map(cell).join(",")];
  for (const [n, r] of results.entries()) {
    const rectification = r.hazards > 0 ? `已整改${r.rectified}/${r.hazards}` : "";
    lines.push([String(n + 1), r.unitName, r.creditCode, r.matter ?? "", r.checkedOn ?? "", r.label, rectification].map(cell).join(","));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
