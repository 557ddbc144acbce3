// 文书: issue, list, download, deliver, templates, number pattern, seal, public verification.
import type { DocumentTemplate, DocumentType, FilledDocument } from "@kuanyan/domain/documents";
import { API_BASE, request } from "./request";

export interface DocumentSummary {
  id: string;
  organisationId: string;
  organisationName: string;
  caseId: string | null;
  caseNo: string | null;
  partyName: string | null;
  type: DocumentType;
  typeLabel: string;
  number: string;
  status: "issued" | "superseded" | "cancelled";
  statusLabel: string;
  templateVersion: number;
  issuedOn: string;
  issuedAt: string;
  shortCode: string;
  sha256: string;
  supersedesId: string | null;
  isDemo: boolean;
  deliveredCount: number;
}

export interface Delivery {
  id: string;
  method: "direct" | "lodged" | "mail" | "electronic";
  methodLabel: string;
  deliverer: string;
  recipient: string;
  deliveredAt: string;
  place: string | null;
  refused: boolean;
  witnesses: string[];
  consent: boolean | null;
  consentRecord: string | null;
  remarks: string | null;
  signed: boolean;
  hasSignedPdf: boolean;
}

export interface DocumentDetail extends DocumentSummary {
  values: Record<string, string>;
  verificationUrl: string;
  sealed: boolean;
  issuedByName: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  supersededBy: { id: string; number: string } | null;
  deliveries: Delivery[];
}

export interface FormField {
  key: string;
  label: string;
  kind: "text" | "multiline" | "date" | "datetime";
  required: boolean;
  source: "case" | "officer";
  caseValue: string;
  editable: boolean;
  notBeforeToday: boolean;
}

export interface PreviewResult {
  document: FilledDocument;
  form: FormField[];
  numberExample: string;
  templateVersion: number;
}

export interface CaseOption {
  id: string;
  caseNo: string;
  partyName: string;
  matterName: string;
  status: string;
  organisationId: string;
  correctionDue: string | null;
}

export interface TemplateSummary {
  type: DocumentType;
  label: string;
  source: "own" | "superior" | "built_in";
  ownerName: string | null;
  templateId: string | null;
  version: number;
  template: DocumentTemplate;
  versions: { id: string; version: number; createdAt: string }[];
}

export interface DocumentSettings {
  organisationId: string;
  orgShort: string;
  numberPattern: string;
  version: number;
  isDefault: boolean;
  seal: { mime: string; uploadedAt: string } | null;
  /** Whether KUANYAN_PUBLIC_URL is set; the QR code of a document issued now encodes verificationBase. */
  publicUrl?: { configured: boolean; verificationBase: string; warning: string | null };
}

export interface Verification {
  shortCode: string;
  type: string;
  typeLabel: string;
  number: string;
  organisationName: string;
  issuedOn: string;
  sha256: string;
  status: string;
  statusLabel: string;
  supersededByNumber: string | null;
  deliveredCount: number;
}

export interface CompareResult {
  unchanged: boolean;
  matched: "original" | "signed" | null;
  message: string;
  presentedSha256: string;
  verification: Verification;
}

export type TemplateBody = Omit<DocumentTemplate, "type" | "version">;

export function listDocuments(query: { caseId?: string; type?: string; status?: string; year?: number; q?: string; organisationId?: string; limit?: number; offset?: number }) {
  return request<{ items: DocumentSummary[]; total: number }>("/documents", { query });
}

export const getDocument = (id: string) => request<DocumentDetail>(`/documents/${encodeURIComponent(id)}`);

export const listIssuableCases = (q?: string) => request<{ items: CaseOption[] }>("/documents/cases", { query: { q, limit: 30 } }).then((r) => r.items);

export function previewDocument(body: { type: DocumentType; caseId?: string; values?: Record<string, string>; template?: TemplateBody; sample?: boolean; organisationId?: string }) {
  return request<PreviewResult>("/documents/preview", { method: "POST", body, silent: true });
}

export function issueDocument(body: { caseId: string; type: DocumentType; values: Record<string, string>; supersedesId?: string; measureId?: string }) {
  return request<DocumentDetail>("/documents", { method: "POST", body, silent: true });
}

export const cancelDocument = (id: string, reason: string) =>
  request<DocumentDetail>(`/documents/${encodeURIComponent(id)}/cancel`, { method: "POST", body: { reason }, silent: true });

export interface DeliveryInput {
  method: Delivery["method"];
  deliverer: string;
  recipient: string;
  deliveredAt: string;
  place?: string;
  signatureBase64?: string;
  refused?: boolean;
  refusalReason?: string;
  witnesses?: string[];
  consent?: boolean;
  consentRecord?: string;
  remarks?: string;
}

export const recordDelivery = (id: string, body: DeliveryInput) =>
  request<DocumentDetail>(`/documents/${encodeURIComponent(id)}/deliveries`, { method: "POST", body, silent: true });

export const pdfUrl = (id: string, inline = false) => `${API_BASE}/documents/${encodeURIComponent(id)}/pdf${inline ? "?inline=1" : ""}`;
export const docxUrl = (id: string) => `${API_BASE}/documents/${encodeURIComponent(id)}/docx`;
export const signedPdfUrl = (id: string, deliveryId: string, inline = false) =>
  `${API_BASE}/documents/${encodeURIComponent(id)}/deliveries/${encodeURIComponent(deliveryId)}/pdf${inline ? "?inline=1" : ""}`;
export const archiveUrl = (caseId: string) => `${API_BASE}/documents/archive/${encodeURIComponent(caseId)}`;
export const sealUrl = (organisationId?: string) => `${API_BASE}/documents/seal${organisationId ? `?organisationId=${organisationId}` : ""}`;

export const listTemplates = (organisationId?: string) =>
  request<{ items: TemplateSummary[] }>("/documents/templates", { query: { organisationId } }).then((r) => r.items);

export const saveTemplate = (type: DocumentType, template: TemplateBody, organisationId?: string) =>
  request<{ id: string; version: number; template: DocumentTemplate }>(`/documents/templates/${type}`, { method: "POST", body: { organisationId, template }, silent: true });

export const getSettings = (organisationId?: string) => request<DocumentSettings>("/documents/settings", { query: { organisationId } });

export const saveNumberPattern = (numberPattern: string, version: number, organisationId?: string) =>
  request<DocumentSettings>("/documents/settings", { method: "PATCH", body: { numberPattern, version, organisationId }, silent: true });

export const uploadSeal = (contentBase64: string, organisationId?: string) =>
  request<{ sha256: string; width: number; height: number }>("/documents/seal", { method: "POST", body: { contentBase64, organisationId }, silent: true });

export const verify = (code: string) => request<Verification>(`/public/verify/${encodeURIComponent(code)}`, { silent: true });

export const compare = (code: string, contentBase64: string) =>
  request<CompareResult>(`/public/verify/${encodeURIComponent(code)}`, { method: "POST", body: { contentBase64 }, silent: true });

/** A File as base64 (without the data: prefix). */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error ?? new Error("读取文件失败"));
    reader.readAsDataURL(file);
  });
}
