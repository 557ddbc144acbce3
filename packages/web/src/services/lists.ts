// API client of the lists module (清单): my lists, versions, lifecycle actions, import/export, 备案, public lists.
import type { z } from "zod";
import type {
  ZClaimResult,
  ZCreateListBody,
  ZCreateListResult,
  ZFilingBoard,
  ZImportBody,
  ZImportPreview,
  ZImportPreviewBody,
  ZImportResult,
  ZMyLists,
  ZPublicLists,
  ZReviewQueue,
  ZSaveDraftResult,
  ZTransitionResult,
  ZVersionDetail,
} from "@kuanyan/contract/lists";
import { request } from "./request";

export type {
  ClaimableList,
  ClaimedList,
  EditableItem,
  FilingBoard,
  ImportPreview,
  ImportRow,
  ItemView,
  MyLists,
  OwnList,
  PublicList,
  QueueItem,
  ResolvedCitation,
  VersionDetail,
  VersionSummary,
} from "@kuanyan/contract/lists";
import type { EditableItem } from "@kuanyan/contract/lists";

/** An action the user may take on a list version (the server's allowedActions). */
import type { ListVersionActionName } from "@kuanyan/contract/lists";
export type { ListVersionActionName };

export const myLists = () => request<z.infer<typeof ZMyLists>>("/lists");
export const getVersion = (listId: string, no: number) =>
  request<z.infer<typeof ZVersionDetail>>(`/lists/${listId}/versions/${no}`, { silent: true });
export const getLatest = (listId: string) => request<z.infer<typeof ZVersionDetail>>(`/lists/${listId}`, { silent: true });
export const createList = (body: z.input<typeof ZCreateListBody>) => request<z.infer<typeof ZCreateListResult>>("/lists", { method: "POST", body });
export const saveDraft = (listId: string, no: number, body: { lockVersion: number; title?: string; notes?: string; items: EditableItem[] }) =>
  request<z.infer<typeof ZSaveDraftResult>>(`/lists/${listId}/versions/${no}`, { method: "PATCH", body, silent: true });

/** The path of each lifecycle action run on a version (POST …/versions/:no/<path>). */
export type ListActionPath = "submit" | "approve" | "return" | "publish" | "file" | "evaluations" | "revise" | "claim";
export const listAction = (listId: string, no: number, action: ListActionPath, body: Record<string, unknown> = {}) =>
  request<z.infer<typeof ZTransitionResult> | z.infer<typeof ZClaimResult>>(`/lists/${listId}/versions/${no}/${action}`, { method: "POST", body });
export const repealList = (listId: string, reason: string) =>
  request<z.infer<typeof ZTransitionResult>>(`/lists/${listId}/repeal`, { method: "POST", body: { reason } });

export const reviewQueue = () => request<z.infer<typeof ZReviewQueue>>("/lists/review-queue");
export const filingBoard = () => request<z.infer<typeof ZFilingBoard>>("/lists/filings");

export const previewImport = (body: z.input<typeof ZImportPreviewBody>) =>
  request<z.infer<typeof ZImportPreview>>("/lists/import/preview", { method: "POST", body });
export const confirmImport = (body: z.input<typeof ZImportBody>) => request<z.infer<typeof ZImportResult>>("/lists/import", { method: "POST", body });

export const exportUrl = (listId: string, no: number, format: "xlsx" | "docx") => `/api/v1/lists/${listId}/versions/${no}/export?format=${format}`;

export const publicLists = (q?: string) => request<z.infer<typeof ZPublicLists>>("/public/lists", { query: { q } });

/** Reads a File into base64 (for the import endpoints). */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(new Error("文件读取失败"));
    reader.readAsDataURL(file);
  });
}
