/**
 * 检查表 (checklists) for 对表检查 (seed 003): per industry, items grouped by area, each with its legal
 * basis (citations that must resolve against the law library) and the catalogue matter it maps to
 * when it fails. Versioned like lists: a published version is never edited; a revision is a new
 * draft; an organisation copies another's (or the shipped starter) checklist and adapts its copy.
 */
import { formatCitation } from "../laws/citations";
import type { Citation } from "../laws/types";
import { findMatter } from "../matters/catalogue";
import type { Matter } from "../matters/types";
import type { Industry } from "./units";

/** 检查区域: seed 003's 重点场所、要害部位、关键环节, plus the paperwork and the emergency readiness. */
export const checklistAreas = ["安全管理", "教育培训", "作业现场", "设备设施", "应急管理"] as const;
export type ChecklistArea = (typeof checklistAreas)[number];

export interface ChecklistItem {
  /** Stable within a checklist (e.g. "GM-03"); kept through revisions so results stay comparable. */
  id: string;
  area: ChecklistArea;
  /** 检查内容: what the inspector checks, as a question answered 符合 / 不符合 / 不适用. */
  text: string;
  /** 检查依据: the provisions imposing the duty; must resolve against the law library. */
  basis: Citation[];
  /** The catalogue matter (事项编码) a failure maps to when it opens a case. */
  matterCode: string;
  /** Where the item comes from (law, seed, or a rule the library does not hold). */
  source: string;
}

export type ChecklistVersionStatus = "draft" | "published" | "superseded" | "withdrawn";

export const checklistVersionStatusLabels: Record<ChecklistVersionStatus, string> = {
  draft: "草稿",
  published: "已发布",
  superseded: "已被新版本替代",
  withdrawn: "已停用",
};

export interface ChecklistVersion {
  version: number;
  status: ChecklistVersionStatus;
  items: ChecklistItem[];
  publishedOn?: string;
  /** Why the version changed (required from version 2). */
  changeNote?: string;
}

export interface ChecklistRecord {
  id: string;
  /** Owning organisation; "shipped" for the starter checklists. */
  organisationId: string;
  industry: Industry;
  title: string;
  /** The checklist and version this one was copied from. */
  copiedFrom?: { checklistId: string; version: number };
  versions: ChecklistVersion[];
}

export interface ChecklistProblem {
  itemId?: string;
  message: string;
}

/** Resolves a citation against the law library (a LawLibrary's `resolve` fits). */
export type CitationResolver = (c: Citation) => { ok: true } | { ok: false; error: string };

/**
 * Checks the items of a version: ids unique, area known, text present, a basis that resolves, and
 * a matter code of the catalogue. Returns Chinese problems (empty when sound).
 */
export function checkChecklistItems(items: readonly ChecklistItem[], resolve: CitationResolver, matters?: readonly Matter[]): ChecklistProblem[] {
  const problems: ChecklistProblem[] = [];
  if (items.length === 0) problems.push({ message: "检查表没有任何检查项" });
  const ids = new Set<string>();
  for (const item of items) {
    const label = `检查项${item.id || "（无编号）"}`;
    if (!item.id || item.id.trim() === "") problems.push({ message: "检查项缺少编号" });
    else if (ids.has(item.id)) problems.push({ itemId: item.id, message: `${label}编号重复` });
    ids.add(item.id);
    if (!(checklistAreas as readonly string[]).includes(item.area))
      problems.push({ itemId: item.id, message: `${label}的检查区域“${item.area}”无效` });
    if (!item.text || item.text.trim() === "") problems.push({ itemId: item.id, message: `${label}缺少检查内容` });
    if (!item.basis || item.basis.length === 0) problems.push({ itemId: item.id, message: `${label}缺少检查依据（法律依据）` });
    for (const c of item.basis ?? []) {
      const r = resolve(c);
      if (!r.ok) problems.push({ itemId: item.id, message: `${label}的检查依据${formatCitation(c)}无法在法律法规库中找到：${r.error}` });
    }
    if (!item.matterCode || !findMatter(item.matterCode, matters))
      problems.push({ itemId: item.id, message: `${label}对应的执法事项“${item.matterCode ?? ""}”不在事项库中` });
  }
  return problems;
}

export type ChecklistResult = { ok: true; record: ChecklistRecord; version: number } | { ok: false; error: string };

function fail(error: string): ChecklistResult {
  return { ok: false, error };
}

/** The published version in use, if any. */
export function publishedChecklistVersion(record: ChecklistRecord): ChecklistVersion | undefined {
  return record.versions.find((v) => v.status === "published");
}

/** Only a draft is edited. Replaces the items of the draft version. */
export function editChecklistDraft(record: ChecklistRecord, version: number, items: ChecklistItem[]): ChecklistResult {
  const v = record.versions.find((x) => x.version === version);
  if (!v) return fail(`检查表第${version}版不存在`);
  if (v.status !== "draft") return fail(`检查表第${version}版${checklistVersionStatusLabels[v.status]}，不能修改；请先修订（新建版本）`);
  return {
    ok: true,
    record: { ...record, versions: record.versions.map((x) => (x.version === version ? { ...x, items: structuredClone(items) } : x)) },
    version,
  };
}

/**
 * Publishes a draft once every item checks out; the previously published version is superseded
 * (kept: inspections done with it still refer to it).
 */
export function publishChecklist(
  record: ChecklistRecord,
  version: number,
  today: string,
  resolve: CitationResolver,
  matters?: readonly Matter[],
): ChecklistResult {
  const v = record.versions.find((x) => x.version === version);
  if (!v) return fail(`检查表第${version}版不存在`);
  if (v.status !== "draft") return fail(`检查表第${version}版${checklistVersionStatusLabels[v.status]}，不能发布`);
  const problems = checkChecklistItems(v.items, resolve, matters);
  if (problems.length > 0) return fail(`检查表不能发布：${problems.map((p) => p.message).join("；")}`);
  if (version > 1 && !v.changeNote?.trim()) return fail("修订的检查表发布前须填写修订说明");
  const versions = record.versions.map((x): ChecklistVersion => {
    if (x.version === version) return { ...x, status: "published", publishedOn: today };
    if (x.status === "published") return { ...x, status: "superseded" };
    return x;
  });
  return { ok: true, record: { ...record, versions }, version };
}

/** 修订: a new draft copied from the published (or latest) version. */
export function reviseChecklist(record: ChecklistRecord, changeNote: string): ChecklistResult {
  if (record.versions.some((v) => v.status === "draft")) return fail("检查表已有未发布的草稿版本，请继续修改该版本");
  const from = publishedChecklistVersion(record) ?? record.versions.at(-1);
  if (!from) return fail("检查表没有可修订的版本");
  const note = changeNote.trim();
  if (note === "") return fail("请填写修订说明");
  const next = Math.max(...record.versions.map((v) => v.version)) + 1;
  return {
    ok: true,
    record: { ...record, versions: [...record.versions, { version: next, status: "draft", items: structuredClone(from.items), changeNote: note }] },
    version: next,
  };
}

/** An organisation copies a published checklist version to adapt it: a new record, draft v1. */
export function copyChecklist(
  source: ChecklistRecord,
  version: number,
  target: { id: string; organisationId: string; title?: string },
): ChecklistResult {
  const v = source.versions.find((x) => x.version === version);
  if (!v) return fail(`检查表第${version}版不存在`);
  if (v.status !== "published" && v.status !== "superseded") return fail("只能复制已发布的检查表版本");
  if (source.organisationId === target.organisationId) return fail("本单位的检查表请使用修订，不要复制");
  return {
    ok: true,
    record: {
      id: target.id,
      organisationId: target.organisationId,
      industry: source.industry,
      title: target.title?.trim() || source.title,
      copiedFrom: { checklistId: source.id, version },
      versions: [{ version: 1, status: "draft", items: structuredClone(v.items) }],
    },
    version: 1,
  };
}

/** Items of a version grouped by area, in the order of `checklistAreas`. */
export function itemsByArea(items: readonly ChecklistItem[]): { area: ChecklistArea; items: ChecklistItem[] }[] {
  return checklistAreas.map((area) => ({ area, items: items.filter((i) => i.area === area) })).filter((g) => g.items.length > 0);
}
