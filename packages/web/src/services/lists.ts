// API client of the lists module (清单): my lists, versions, lifecycle actions, import/export, 备案, public lists.
import type { Citation } from "@kuanyan/domain/laws";
import type { Condition, ListType, QualityFinding } from "@kuanyan/domain/lists";
import type { SoftMethod } from "@kuanyan/domain/measures";
import { request } from "./request";

export interface VersionSummary {
  id: string;
  versionNo: number;
  status: string;
  statusLabel: string;
  title: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  publishedOn: string | null;
  filingDeadline: string | null;
  filedOn: string | null;
  filingStatus: "not_published" | "pending" | "overdue" | "filed_on_time" | "filed_late";
  filingStatusLabel: string;
  lockVersion: number;
  errors: number;
  warnings: number;
}

export interface OwnList {
  id: string;
  type: ListType;
  typeLabel: string;
  title: string;
  organisationId: string;
  versions: VersionSummary[];
}

export interface ClaimedList {
  claimId: string;
  claimedOn: string;
  listId: string;
  type: ListType;
  typeLabel: string;
  organisationName: string;
  version: VersionSummary;
  newerVersionNo: number | null;
}

export interface ClaimableList {
  listId: string;
  type: ListType;
  typeLabel: string;
  organisationName: string;
  version: VersionSummary;
}

export interface MyLists {
  own: OwnList[];
  claimed: ClaimedList[];
  claimable: ClaimableList[];
}

/** An item as the editor edits and saves it. */
export interface EditableItem {
  seq: number;
  matterName: string;
  matterCode: string;
  circumstances: string;
  basisText: string;
  basis?: Citation[];
  measures: SoftMethod[];
  otherMeasures: string[];
  remarks: string;
  conditions: Condition[];
}

export interface ResolvedCitation {
  citation: Citation;
  label: string;
  ok: boolean;
  lawId?: string;
  text?: string;
  error?: string;
}

export interface ItemView extends EditableItem {
  measureLabels: string[];
  conditionTexts: string[];
  citations: ResolvedCitation[];
}

export interface VersionDetail {
  list: {
    id: string;
    type: ListType;
    typeLabel: string;
    organisationId: string;
    organisationName: string;
    contactPerson: string;
    contactPhone: string;
    status: string;
  };
  versions: VersionSummary[];
  version: VersionSummary & {
    notes: string;
    reviews: { decision: "approved" | "returned"; comments: string; on: string }[];
    evaluations: { on: string; findings: string }[];
    warningReason: string | null;
    repealReason: string | null;
    filedWithName: string | null;
    quality: QualityFinding[];
    items: ItemView[];
  };
}

export interface ImportRow {
  row: number;
  seq: number;
  matterName: string;
  errors: string[];
  warnings: string[];
}

export interface ImportPreview {
  ok: boolean;
  title: string;
  type: ListType | null;
  notes: string;
  items: ItemView[];
  rows: ImportRow[];
  errors: string[];
}

export interface FilingBoard {
  today: string;
  summary: { total: number; filedOnTime: number; filedLate: number; pending: number; overdue: number };
  items: (VersionSummary & { listId: string; type: ListType; typeLabel: string; organisationName: string; filedWithName: string | null })[];
}

export type QueueItem = VersionSummary & { listId: string; type: ListType; typeLabel: string; organisationName: string };

export interface PublicList {
  versionId: string;
  listId: string;
  type: ListType;
  typeLabel: string;
  title: string;
  notes: string;
  versionNo: number;
  organisationName: string;
  regionCode: string;
  effectiveFrom: string;
  publishedOn: string;
  itemCount: number;
  items: { seq: number; matterName: string; matterCode: string; circumstances: string; basis: string[]; basisText: string; measures: string[]; remarks: string }[];
}

export const myLists = () => request<MyLists>("/lists");
export const getVersion = (listId: string, no: number) => request<VersionDetail>(`/lists/${listId}/versions/${no}`);
export const getLatest = (listId: string) => request<VersionDetail>(`/lists/${listId}`);
export const createList = (body: { type: ListType; title?: string; notes?: string }) =>
  request<{ listId: string; versionNo: number; lockVersion: number }>("/lists", { method: "POST", body });
export const saveDraft = (listId: string, no: number, body: { lockVersion: number; title?: string; notes?: string; items: EditableItem[] }) =>
  request<{ lockVersion: number; quality: QualityFinding[] }>(`/lists/${listId}/versions/${no}`, { method: "PATCH", body, silent: true });

export type ListActionName = "submit" | "approve" | "return" | "publish" | "file" | "evaluations" | "revise" | "claim";
export const listAction = (listId: string, no: number, action: ListActionName, body: Record<string, unknown> = {}) =>
  request<{ versionNo: number }>(`/lists/${listId}/versions/${no}/${action}`, { method: "POST", body });
export const repealList = (listId: string, reason: string) => request(`/lists/${listId}/repeal`, { method: "POST", body: { reason } });

export const reviewQueue = () => request<{ items: QueueItem[] }>("/lists/review-queue");
export const filingBoard = () => request<FilingBoard>("/lists/filings");

export const previewImport = (body: { fileName: string; contentBase64: string; type?: ListType }) =>
  request<ImportPreview>("/lists/import/preview", { method: "POST", body });
export const confirmImport = (body: {
  fileName: string;
  contentBase64: string;
  type?: ListType;
  title?: string;
  target?: { listId: string; versionNo: number; lockVersion: number };
}) => request<{ listId: string; versionNo: number; imported: number }>("/lists/import", { method: "POST", body });

export const exportUrl = (listId: string, no: number, format: "xlsx" | "docx") => `/api/v1/lists/${listId}/versions/${no}/export?format=${format}`;

export const publicLists = (q?: string) => request<{ today: string; items: PublicList[] }>("/public/lists", { query: { q } });

/** Reads a File into base64 (for the import endpoints). */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(new Error("文件读取失败"));
    reader.readAsDataURL(file);
  });
}
