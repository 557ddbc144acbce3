// 案件 API client (/api/v1/cases, and /api/v1/matters for suggestions). The types are the contract's
// (@kuanyan/contract/cases, `import type` only: no zod in the bundle); values and labels are the
// domain's (@kuanyan/domain/cases).
import type { z } from "zod";
import type { ZCaseListQuery, ZMatterOption, ZOverdueBoard } from "@kuanyan/contract/cases";
import { caseStatusLabels, routeLabels, type CaseAction, type CaseRoute, type CaseStatus } from "@kuanyan/domain/cases";
import { ApiError, request } from "./request";

export { caseStatusLabels, routeLabels };
export type { CaseAction, CaseRoute, CaseStatus };

/** The colour of a status tag (the web's own: presentation only). */
export const caseStatusColors: Record<CaseStatus, string> = {
  intake: "blue",
  decided: "cyan",
  in_progress: "orange",
  closed: "green",
  transferred: "purple",
  cancelled: "default",
};

import type { InspectionOfficer } from "@kuanyan/contract/cases";
export type { InspectionOfficer };
/** A case with its decision (the case file's case). */
import type { CaseRecord } from "@kuanyan/contract/cases";
export type { CaseRecord };
/** A case in the list (no decision details). */
import type { CaseListItem, CaseListPage } from "@kuanyan/contract/cases";
export type { CaseListItem, CaseListPage };
/** A case in the 法制审核 queue. */
import type { ReviewQueueItem } from "@kuanyan/contract/cases";
export type { ReviewQueueItem };
import type { CaseTask } from "@kuanyan/contract/cases";
export type { CaseTask };
import type { CaseFile } from "@kuanyan/contract/cases";
export type { CaseFile };
export type CaseFilters = Omit<z.infer<typeof ZCaseListQuery>, "limit" | "cursor">;
import type { OverdueItem } from "@kuanyan/contract/cases";
export type { OverdueItem };
import type { OpenCaseInput } from "@kuanyan/contract/cases";
export type { OpenCaseInput };
/**
 * A matter to choose: the cases contract's matter option; /api/v1/matters (the matters module) also
 * sends its penalty text.
 */
export type MatterOption = Omit<z.infer<typeof ZMatterOption>, "keywords" | "fineRange"> & {
  fineRange?: z.infer<typeof ZMatterOption>["fineRange"];
  penaltyText?: string;
};

/** POST, not GET: a search term may be a phone or an ID number, which must not end up in URLs and access logs. */
/** One page of the list; `cursor` is the previous page's nextCursor (none: the first page). */
export function listCases(filters: CaseFilters, cursor?: string, limit = 20): Promise<CaseListPage> {
  return request<CaseListPage>("/cases/search", { method: "POST", body: { ...filters, limit, ...(cursor ? { cursor } : {}) } });
}
export function getCase(id: string): Promise<CaseFile> {
  return request<CaseFile>(`/cases/${encodeURIComponent(id)}`);
}
export async function reviewQueue(): Promise<ReviewQueueItem[]> {
  return (await request<{ items: ReviewQueueItem[] }>("/cases/review-queue")).items;
}
export function overdueBoard(): Promise<z.infer<typeof ZOverdueBoard>> {
  return request("/cases/overdue");
}
export function openCase(body: OpenCaseInput): Promise<CaseFile> {
  return request<CaseFile>("/cases", { method: "POST", body, silent: true });
}
/** A case action: evaluate, decide, party-choice, route, review, measures, correction, … */
export function caseAction(id: string, action: string, body: Record<string, unknown>): Promise<CaseFile> {
  return request<CaseFile>(`/cases/${encodeURIComponent(id)}/${action}`, { method: "POST", body, silent: true });
}

/** Matter suggestions for what the officer saw (the matters module), else the whole catalogue. */
export async function suggestMatters(q: string): Promise<MatterOption[]> {
  try {
    return (await request<{ items: MatterOption[] }>("/matters", { query: { q, limit: 8 }, silent: true })).items;
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
    const all = (await request<{ items: z.infer<typeof ZMatterOption>[] }>("/cases/matter-options")).items;
    const terms = q.trim().split(/\s+/).filter(Boolean);
    return all.filter((m) => terms.every((t) => m.name.includes(t) || m.keywords.some((k) => k.includes(t) || t.includes(k)))).slice(0, 8);
  }
}

export function readFileBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
