// 执法检查 API client (/api/v1/inspections, /api/v1/public/inspections). Types from the contract only
// (import type: no zod in the bundle).
import { request } from "./request";

import type { Unit } from "@kuanyan/contract/inspections";
export type { Unit };
import type { UnitList } from "@kuanyan/contract/inspections";
export type { UnitList };
import type { UnitInput } from "@kuanyan/contract/inspections";
export type { UnitInput };
import type { UnitImportPreview } from "@kuanyan/contract/inspections";
export type { UnitImportPreview };
import type { Inspector } from "@kuanyan/contract/inspections";
export type { Inspector };
import type { InspectorList } from "@kuanyan/contract/inspections";
export type { InspectorList };
import type { CertificateInput } from "@kuanyan/contract/inspections";
export type { CertificateInput };
import type { Checklist } from "@kuanyan/contract/inspections";
export type { Checklist };
import type { ChecklistList } from "@kuanyan/contract/inspections";
export type { ChecklistList };
import type { MatterList } from "@kuanyan/contract/inspections";
export type { MatterList };
import type { MatterInput } from "@kuanyan/contract/inspections";
export type { MatterInput };
import type { PlanList } from "@kuanyan/contract/inspections";
export type { PlanList };
import type { PlanInput } from "@kuanyan/contract/inspections";
export type { PlanInput };
import type { AnnounceInput } from "@kuanyan/contract/inspections";
export type { AnnounceInput };
import type { Draw } from "@kuanyan/contract/inspections";
export type { Draw };
import type { PublicDraw } from "@kuanyan/contract/inspections";
export type { PublicDraw };
import type { PublicResult } from "@kuanyan/contract/inspections";
export type { PublicResult };
import type { PublicDrawList } from "@kuanyan/contract/inspections";
export type { PublicDrawList };
import type { UnitHistory } from "@kuanyan/contract/inspections";
export type { UnitHistory };

export const listUnits = (query: {
  q?: string;
  page?: number;
  pageSize?: number;
  industry?: string;
  riskLevel?: string;
  keyUnit?: string;
  uncoveredIn?: number;
  organisationId?: string;
}) => request<UnitList>("/inspections/units", { query });
/** 单位档案: the unit with its inspections, hazards, cases and soft measures (the caller's scope). */
export const unitHistory = (id: string) => request<UnitHistory>(`/inspections/units/${id}/history`);
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
export const saveChecklistDraft = (id: string, version: number, items: Checklist["versions"][number]["items"], lockVersion: number) =>
  request<Checklist>(`/inspections/checklists/${id}/versions/${version}`, { method: "PATCH", body: { items, lockVersion } });
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
export const publicResultsCsvUrl = (id: string) => `/api/v1/public/inspections/draws/${id}/results.csv`;
