// 文书: issue, list, download, deliver, templates, number pattern, seal, public verification.
import type { z } from "zod";
import type { DocumentType } from "@kuanyan/domain/documents";
import type {
  ZCompareResult,
  ZDocumentDetail,
  ZDocumentList,
  ZDocumentListQuery,
  ZDocumentSettings,
  ZIssuableCases,
  ZIssueDocument,
  ZNumberSettings,
  ZPreviewBody,
  ZPreviewResult,
  ZRecordDelivery,
  ZSavedTemplate,
  ZSealUploaded,
  ZTemplateList,
  ZVerification,
} from "@kuanyan/contract/documents";
import type { TemplateBody } from "@kuanyan/contract/documents";
import { API_BASE, request } from "./request";

/** An action of the documents page the server allows (签发, 设置). */
import type { DocumentPageActionName } from "@kuanyan/contract/documents";
export type { DocumentPageActionName };

export type {
  CompareResult,
  Delivery,
  DeliveryInput,
  DocumentDetail,
  DocumentSettings,
  DocumentSummary,
  FormField,
  IssuableCase as CaseOption,
  PreviewResult,
  TemplateBody,
  TemplateSummary,
  Verification,
} from "@kuanyan/contract/documents";

export function listDocuments(query: z.infer<typeof ZDocumentListQuery>) {
  return request<z.infer<typeof ZDocumentList>>("/documents", { query });
}

export const getDocument = (id: string) => request<z.infer<typeof ZDocumentDetail>>(`/documents/${encodeURIComponent(id)}`);

export const listIssuableCases = (q?: string) =>
  request<z.infer<typeof ZIssuableCases>>("/documents/cases", { query: { q, limit: 30 } }).then((r) => r.items);

export function previewDocument(body: z.input<typeof ZPreviewBody>) {
  return request<z.infer<typeof ZPreviewResult>>("/documents/preview", { method: "POST", body, silent: true });
}

export function issueDocument(body: z.input<typeof ZIssueDocument>) {
  return request<z.infer<typeof ZDocumentDetail>>("/documents", { method: "POST", body, silent: true });
}

export const cancelDocument = (id: string, reason: string) =>
  request<z.infer<typeof ZDocumentDetail>>(`/documents/${encodeURIComponent(id)}/cancel`, { method: "POST", body: { reason }, silent: true });

export const recordDelivery = (id: string, body: z.input<typeof ZRecordDelivery>) =>
  request<z.infer<typeof ZDocumentDetail>>(`/documents/${encodeURIComponent(id)}/deliveries`, { method: "POST", body, silent: true });

export const pdfUrl = (id: string, inline = false) => `${API_BASE}/documents/${encodeURIComponent(id)}/pdf${inline ? "?inline=1" : ""}`;
export const docxUrl = (id: string) => `${API_BASE}/documents/${encodeURIComponent(id)}/docx`;
export const signedPdfUrl = (id: string, deliveryId: string, inline = false) =>
  `${API_BASE}/documents/${encodeURIComponent(id)}/deliveries/${encodeURIComponent(deliveryId)}/pdf${inline ? "?inline=1" : ""}`;
export const archiveUrl = (caseId: string) => `${API_BASE}/documents/archive/${encodeURIComponent(caseId)}`;
export const sealUrl = (organisationId?: string) => `${API_BASE}/documents/seal${organisationId ? `?organisationId=${organisationId}` : ""}`;

export const listTemplates = (organisationId?: string) =>
  request<z.infer<typeof ZTemplateList>>("/documents/templates", { query: { organisationId } });

export const saveTemplate = (type: DocumentType, template: TemplateBody, organisationId?: string) =>
  request<z.infer<typeof ZSavedTemplate>>(`/documents/templates/${type}`, { method: "POST", body: { organisationId, template }, silent: true });

export const getSettings = (organisationId?: string) =>
  request<z.infer<typeof ZDocumentSettings>>("/documents/settings", { query: { organisationId } });

export const saveNumberPattern = (numberPattern: string, version: number, organisationId?: string) =>
  request<z.infer<typeof ZNumberSettings>>("/documents/settings", {
    method: "PATCH",
    body: { numberPattern, version, organisationId },
    silent: true,
  });

export const uploadSeal = (contentBase64: string, organisationId?: string) =>
  request<z.infer<typeof ZSealUploaded>>("/documents/seal", { method: "POST", body: { contentBase64, organisationId }, silent: true });

export const verify = (code: string) => request<z.infer<typeof ZVerification>>(`/public/verify/${encodeURIComponent(code)}`, { silent: true });

export const compare = (code: string, contentBase64: string) =>
  request<z.infer<typeof ZCompareResult>>(`/public/verify/${encodeURIComponent(code)}`, { method: "POST", body: { contentBase64 }, silent: true });

/** A File as base64 (without the data: prefix). */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error ?? new Error("读取文件失败"));
    reader.readAsDataURL(file);
  });
}
