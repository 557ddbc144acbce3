// 案件 API client (/api/v1/cases, /api/v1/decisions, /api/v1/matters). Shapes follow the server's
// cases/queries.ts and the decision engine's output (docs/decision-output.schema.json).
import type { CaseAction } from "@kuanyan/domain/cases";
import type { Decision, Outcome } from "@kuanyan/domain/decisions";
import { ApiError, request } from "./request";

export type CaseStatus = "intake" | "decided" | "in_progress" | "closed" | "transferred" | "cancelled";
export type CaseRoute = "caution" | "summary" | "ordinary" | "transfer" | "escalated";

export const caseStatusLabels: Record<CaseStatus, string> = {
  intake: "登记",
  decided: "已决定",
  in_progress: "措施/整改/回访中",
  closed: "办结归档",
  transferred: "已转出",
  cancelled: "已撤销",
};
export const caseStatusColors: Record<CaseStatus, string> = {
  intake: "blue",
  decided: "cyan",
  in_progress: "orange",
  closed: "green",
  transferred: "purple",
  cancelled: "default",
};
export const routeLabels: Record<CaseRoute, string> = {
  caution: "轻微告诫改正",
  summary: "简易程序",
  ordinary: "普通程序",
  transfer: "案件移送",
  escalated: "疑难问题",
};

export interface InspectionOfficer {
  id: string | null;
  name: string;
  licenceNo: string;
}

export interface CaseRecord {
  id: string;
  organisationId: string;
  organisationName?: string;
  caseNo: string;
  status: CaseStatus;
  route: CaseRoute | null;
  routeDetail: Record<string, unknown> | null;
  reviewStatus: "pending" | "approved" | "returned" | null;
  review: { reviewerName: string; on: string; result: string; opinion: string; collectiveDiscussion: boolean } | null;
  partyType: "enterprise" | "individual";
  partyName: string;
  partyCreditCode: string | null;
  partyIdNumberMasked: string | null;
  partyAddress: string | null;
  partyContact: string | null;
  partyPhone: string | null;
  industryCategory: string | null;
  matterCode: string;
  matterName: string;
  facts: string;
  actDate: string;
  discoveredOn: string;
  circumstances: { answers?: Record<string, unknown> } & Record<string, unknown>;
  inspection: { date?: string; place?: string; officers?: InspectionOfficer[] };
  decision: Decision | null;
  proposedOutcome: Outcome | null;
  decidedOutcome: Outcome | null;
  departureReason: string | null;
  decidedOn: string | null;
  fineYuan: number | null;
  partyChoice: "accept_soft" | "ordinary_procedure" | null;
  terminationReason: string | null;
  correctionDue: string | null;
  correctedOn: string | null;
  closedAt: string | null;
  reopenCount: number;
  lockVersion: number;
  createdAt: string;
  overdue?: boolean;
  /** The actions the user may take on the case now (computed by the server from the lifecycle table). */
  allowedActions: CaseAction[];
}

export interface CaseTask {
  id: string;
  kind: "reinspection" | "follow_up";
  dueOn: string;
  doneOn: string | null;
  result: Record<string, unknown> | null;
  overdue: boolean;
}

export interface CaseFile {
  case: CaseRecord;
  evidence: { id: string; fileName: string; mime: string; size: number; sha256: string; description: string | null; createdAt: string }[];
  measures: { id: string; method: string; carriedOutOn: string; persons: number; writtenRecord: string | null; documentId: string | null; cancelled: boolean }[];
  tasks: CaseTask[];
  documents: { id: string; type: string; number: string; status: string; issuedOn: string }[];
  requiredDocuments: string[];
  documentsChecked: boolean;
  closeProblems: string[];
  timeline: { id: number; at: string; actorName: string | null; action: string; after: Record<string, unknown> | null }[];
}

export interface CaseFilters {
  status?: CaseStatus;
  outcome?: Outcome;
  overdue?: "true";
  officerId?: string;
  q?: string;
}

export interface OverdueItem {
  kind: "reinspection" | "follow_up" | "correction_not_corrected";
  taskId: string | null;
  dueOn: string;
  daysLate: number;
  caseId: string;
  caseNo: string;
  partyName: string;
  matterName: string;
  organisationName: string;
  officers: string[];
}

export interface MatterOption {
  code: string;
  name: string;
  penaltyText?: string;
  fineRange?: { minYuan: number; maxYuan: number } | null;
}

/** POST, not GET: a search term may be a phone or an ID number, which must not end up in URLs and access logs. */
export async function listCases(filters: CaseFilters): Promise<CaseRecord[]> {
  return (await request<{ items: CaseRecord[] }>("/cases/search", { method: "POST", body: { ...filters } })).items;
}
export function getCase(id: string): Promise<CaseFile> {
  return request<CaseFile>(`/cases/${encodeURIComponent(id)}`);
}
export async function reviewQueue(): Promise<CaseRecord[]> {
  return (await request<{ items: CaseRecord[] }>("/cases/review-queue")).items;
}
export function overdueBoard(): Promise<{ today: string; items: OverdueItem[] }> {
  return request("/cases/overdue");
}
export function openCase(body: unknown): Promise<CaseFile> {
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
    const all = (await request<{ items: (MatterOption & { keywords: string[] })[] }>("/cases/matter-options")).items;
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
