// 执法检查 API client (/api/v1/inspections, /api/v1/public/inspections). Types from the contract only
// (import type: no zod in the bundle).
import type { z } from "zod";
import type {
  ZAnnounce,
  ZCertificateInput,
  ZChecklist,
  ZChecklistList,
  ZDraw,
  ZInspector,
  ZInspectorList,
  ZMatterList,
  ZPlanInput,
  ZPlanList,
  ZPublicDraw,
  ZPublicDrawList,
  ZUnit,
  ZUnitImportPreview,
  ZUnitInput,
  ZUnitList,
  ZMatterInput,
} from "@kuanyan/contract/inspections";
import { request } from "./request";

export type Unit = z.infer<typeof ZUnit>;
export type UnitList = z.infer<typeof ZUnitList>;
export type UnitInput = z.infer<typeof ZUnitInput>;
export type UnitImportPreview = z.infer<typeof ZUnitImportPreview>;
export type Inspector = z.infer<typeof ZInspector>;
export type InspectorList = z.infer<typeof ZInspectorList>;
export type CertificateInput = z.infer<typeof ZCertificateInput>;
export type Checklist = z.infer<typeof ZChecklist>;
export type ChecklistList = z.infer<typeof ZChecklistList>;
export type MatterList = z.infer<typeof ZMatterList>;
export type MatterInput = z.infer<typeof ZMatterInput>;
export type PlanList = z.infer<typeof ZPlanList>;
export type PlanInput = z.infer<typeof ZPlanInput>;
export type AnnounceInput = z.infer<typeof ZAnnounce>;
export type Draw = z.infer<typeof ZDraw>;
export type PublicDraw = z.infer<typeof ZPublicDraw>;
export type PublicDrawList = z.infer<typeof ZPublicDrawList>;

export const listUnits = (query: { q?: string; page?: number; pageSize?: number; industry?: string; riskLevel?: string; keyUnit?: string }) =>
  request<UnitList>("/inspections/units", { query });
export const createUnit = (body: UnitInput) => request<Unit>("/inspections/units", { method: "POST", body });
export const updateUnit = (id: string, body: Omit<UnitInput, "creditCode" | "organisationId"> & { version: number }) =>
  request<Unit>(`/inspections/units/${id}`, { method: "PATCH", body });
export const previewUnitImport = (fileName: string, contentBase64: string) =>
  request<UnitImportPreview>("/inspections/units/import/preview", { method: "POST", body: { fileName, contentBase64 } });
export const commitUnitImport = (fileName: string, contentBase64: string, fileSha256: string) =>
  request<{ created: number; updated: number }>("/inspections/units/import", { method: "POST", body: { fileName, contentBase64, fileSha256 } });
export const UNITS_EXPORT_URL = "/api/v1/inspections/units/export";

export const listInspectors = () => request<InspectorList>("/inspections/inspectors");
export const saveCertificate = (userId: string, body: CertificateInput) =>
  request<Inspector>(`/inspections/inspectors/${userId}/certificate`, { method: "POST", body });

export const listChecklists = () => request<ChecklistList>("/inspections/checklists");
export const getChecklist = (id: string) => request<Checklist>(`/inspections/checklists/${encodeURIComponent(id)}`);
export const copyChecklist = (sourceId: string) => request<Checklist>("/inspections/checklists", { method: "POST", body: { sourceId } });
export const publishChecklist = (id: string, version: number, lockVersion: number) =>
  request<Checklist>(`/inspections/checklists/${id}/publish`, { method: "POST", body: { version, lockVersion } });
export const reviseChecklist = (id: string, changeNote: string, lockVersion: number) =>
  request<Checklist>(`/inspections/checklists/${id}/revise`, { method: "POST", body: { changeNote, lockVersion } });
export const listMatters = () => request<MatterList>("/inspections/matters");
export const createMatter = (body: MatterInput) => request<unknown>("/inspections/matters", { method: "POST", body });
export const publishMatter = (id: string, version: number) =>
  request<unknown>(`/inspections/matters/${id}/publish`, { method: "POST", body: { version } });

export const listPlans = () => request<PlanList>("/inspections/plans");
export const createPlan = (body: PlanInput) => request<unknown>("/inspections/plans", { method: "POST", body });
export const announceDraw = (body: AnnounceInput) => request<Draw>("/inspections/draws", { method: "POST", body });
export const getDraw = (id: string) => request<Draw>(`/inspections/draws/${id}`);
export const performDraw = (id: string, publicValue: string) =>
  request<Draw>(`/inspections/draws/${id}/draw`, { method: "POST", body: { publicValue } });

export const listPublicDraws = (organisationId?: string) =>
  request<PublicDrawList>("/public/inspections/draws", { query: { organisationId }, silent: true });
export const getPublicDraw = (id: string) => request<PublicDraw>(`/public/inspections/draws/${id}`, { silent: true });
export const publicPoolUrl = (id: string) => `/api/v1/public/inspections/draws/${id}/pool.json`;
export const publicDrawJsonUrl = (id: string) => `/api/v1/public/inspections/draws/${id}/draw.json`;
