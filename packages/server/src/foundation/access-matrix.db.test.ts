// The access matrix: every endpoint (from the OpenAPI description and Fastify's own route table,
// so a hidden route cannot escape) × every demo account (and anonymous) × a record of the demo
// county (本单位) and of another county (外单位). The expected answer comes from the entry table
// below, whose roles are the ones the routes declare (the domain's permission table for
// administration, the modules' role constants for the rest) and whose data scope is the domain's
// readableOrganisations / writableOrganisations: allowed → not 401/403; not allowed → 403
// (401 for anonymous unless public); another county's record in the path → 403 or 404, never 2xx.
// An endpoint without an entry fails the test.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  permissionTable,
  readableOrganisations,
  rolesAllowed,
  writableOrganisations,
  type Actor,
  type AdminAction,
  type OrgNode,
  type Role,
} from "@kuanyan/domain/organisations";
import { listTransitions } from "@kuanyan/domain/lists";
import { DOCUMENT_TYPES } from "@kuanyan/domain/documents";
import { loadOrgNodes } from "../access";
import { officerRoles } from "../cases/shared";
import { cancelCaseRoles } from "../cases/cancelCase";
import { adminRoles, issuerRoles } from "../documents/shared";
import { DEMO_PASSWORD } from "../demo/organisations";
import { testApp, type Session, type TestApp } from "../testing/app";
import { drawnInspection } from "../inspections/field/fixtures.test-support";

type Who = readonly Role[] | "any" | "public";
type Kind = "case" | "document" | "delivery" | "list" | "user" | "organisation" | "report" | "hazard" | "inspection" | "unit";

interface Fixture {
  label: "本单位" | "外单位";
  /** The organisation used in query strings and bodies. */
  org: string;
  regionCode: string;
  ids: Record<Kind, string>;
  /** The organisation each record belongs to. */
  orgOf: Record<Kind, string>;
  listPublished: boolean;
}

interface Entry {
  who: Who;
  /**
   * How the request names an organisation's records: `read`/`write` — the record of the path (or the
   * organisation of the query/body) must lie in the account's read/write scope; `published` — a
   * published list is readable by everyone logged in, a draft by read scope. Absent: no organisation
   * named, one call.
   */
  scope?: "read" | "write" | "published";
  /** The record kind the path's `{id}` names (derived from the path when absent). */
  kind?: Kind;
  query?: (f: Fixture) => string;
  body?: (f: Fixture) => unknown;
  /** Runs after every other endpoint (it ends the session). */
  last?: boolean;
  /** The console's built files (public, called once, anonymously). */
  asset?: boolean;
}

const grant = (a: AdminAction): readonly Role[] => rolesAllowed(a);
const uuid = () => crypto.randomUUID();
let seq = 0;
const unique = (p: string) => `${p}${Date.now().toString(36)}${(seq++).toString(36)}`;
/** A 1×1 PNG: uploads check the content before anything else. */
const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";
const STALE = 999_999; // a stale lock version: an allowed call ends in 409 and changes nothing
const today = new Date().toISOString().slice(0, 10);
const thisYear = new Date().getFullYear();
const orgQ = (f: Fixture) => `organisationId=${f.org}`;
const listRoles = (a: keyof typeof listTransitions) => listTransitions[a].roles as readonly Role[];

/** The entry table: "METHOD /path" as the OpenAPI description spells it. */
const entries: Record<string, Entry> = {
  // outside the JSON API: the interactive API documentation and the health check
  "GET /api/docs": { who: "public" },
  "GET /api/docs/": { who: "public" },
  "GET /api/docs/static/index.html": { who: "public" },
  "GET /api/docs/static/swagger-initializer.js": { who: "public" },
  "GET /api/docs/*": { who: "public" },
  "GET /api/docs/json": { who: "public" },
  "GET /api/docs/yaml": { who: "public" },
  "GET /api/v1/health": { who: "public" },
  "GET /api/v1/openapi.json": { who: "public" },

  // 认证
  "POST /api/v1/auth/login": { who: "public", body: () => ({ username: "demo-officer2", password: DEMO_PASSWORD }) },
  "GET /api/v1/auth/me": { who: "any" },
  "POST /api/v1/auth/password": { who: "any", body: () => ({ currentPassword: "not-the-password-1", newPassword: "Another2026xyz" }) },
  "POST /api/v1/auth/logout": { who: "any", body: () => ({}), last: true },

  // 审计 (the domain's audit.read)
  "GET /api/v1/audit": { who: grant("audit.read") },
  "GET /api/v1/audit/verify": { who: grant("audit.verify") },
  "GET /api/v1/audit/checkpoints": { who: grant("audit.verify") },
  "GET /api/v1/audit/checkpoints.jsonl": { who: grant("audit.verify") },
  "POST /api/v1/audit/checkpoints": { who: grant("audit.verify"), body: () => ({}) },

  // 组织机构、用户 (the domain's permission table)
  "GET /api/v1/organisations": { who: "any" },
  "POST /api/v1/organisations": {
    who: grant("organisation.create"),
    scope: "write",
    kind: "organisation",
    body: (f) => ({ name: unique("矩阵测试单位"), shortName: "矩阵", regionCode: f.regionCode, domain: "应急管理", kind: "agency", parentId: f.org }),
  },
  "PATCH /api/v1/organisations/{id}": { who: grant("organisation.edit"), scope: "write", body: () => ({ contactPerson: "矩阵", version: STALE }) },
  "GET /api/v1/users": { who: grant("user.list"), scope: "read", kind: "organisation", query: orgQ },
  "GET /api/v1/users/grantable-roles": { who: "any", query: orgQ },
  "POST /api/v1/users": {
    who: grant("user.create"),
    scope: "write",
    kind: "organisation",
    body: (f) => ({
      username: unique("mx-"),
      displayName: "矩阵用户",
      password: "Matrix#2026abc",
      roles: ["officer"],
      organisationId: f.org,
      licenceNo: "35042120269998",
    }),
  },
  "PATCH /api/v1/users/{id}": { who: grant("user.edit"), scope: "write", body: () => ({ displayName: "矩阵", version: STALE }) },

  // 案件 (cases/shared officerRoles; cancelCaseRoles; the legal review)
  "GET /api/v1/cases": { who: "any", scope: "read", kind: "organisation", query: orgQ },
  "POST /api/v1/cases/search": { who: "any", scope: "read", kind: "organisation", body: (f) => ({ organisationId: f.org }) },
  "POST /api/v1/cases": {
    who: officerRoles,
    scope: "write",
    kind: "organisation",
    body: (f) => ({
      organisationId: f.org,
      party: { type: "enterprise", name: "矩阵测试公司", address: "测试地址", industryCategory: "mining" },
      matterCode: "X",
      facts: "矩阵测试事实",
      actDate: today,
      discoveredOn: today,
      inspection: { date: today, place: "测试地点", officerIds: [] },
    }),
  },
  "GET /api/v1/cases/review-queue": { who: "any" },
  "GET /api/v1/cases/overdue": { who: "any" },
  "GET /api/v1/cases/matter-options": { who: "any" },
  "GET /api/v1/cases/{id}": { who: "any", scope: "read" },
  "GET /api/v1/cases/{id}/evidence/{evidenceId}": { who: "any", scope: "read" },
  "POST /api/v1/cases/{id}/evidence": {
    who: officerRoles,
    scope: "write",
    body: () => ({ fileName: "a.png", contentBase64: PNG, lockVersion: STALE }),
  },
  "POST /api/v1/cases/{id}/evaluate": { who: officerRoles, scope: "write", body: () => ({ lockVersion: STALE, circumstances: {} }) },
  "POST /api/v1/cases/{id}/decide": { who: officerRoles, scope: "write", body: () => ({ lockVersion: STALE, confirm: true }) },
  "POST /api/v1/cases/{id}/party-choice": { who: officerRoles, scope: "write", body: () => ({ lockVersion: STALE, choice: "accept_soft" }) },
  "POST /api/v1/cases/{id}/terminate": {
    who: officerRoles,
    scope: "write",
    body: () => ({ lockVersion: STALE, ground: "party_withdrew", reason: "矩阵测试终止理由" }),
  },
  "POST /api/v1/cases/{id}/route": { who: officerRoles, scope: "write", body: () => ({ lockVersion: STALE, route: "caution" }) },
  "POST /api/v1/cases/{id}/review": {
    who: ["legalReviewer"],
    scope: "write",
    body: () => ({ lockVersion: STALE, result: "approved", opinion: "同意" }),
  },
  "POST /api/v1/cases/{id}/measures": {
    who: officerRoles,
    scope: "write",
    body: () => ({ lockVersion: STALE, method: "persuasion", carriedOutOn: today }),
  },
  "POST /api/v1/cases/{id}/correction": {
    who: officerRoles,
    scope: "write",
    body: () => ({ lockVersion: STALE, dueDate: today, requirements: "限期改正" }),
  },
  "POST /api/v1/cases/{id}/reinspection": {
    who: officerRoles,
    scope: "write",
    body: () => ({ lockVersion: STALE, inspectedOn: today, corrected: true, notes: "已改正" }),
  },
  "POST /api/v1/cases/{id}/follow-ups": { who: officerRoles, scope: "write", body: () => ({ lockVersion: STALE, dueOn: today }) },
  "POST /api/v1/cases/{id}/follow-up-records": {
    who: officerRoles,
    scope: "write",
    body: () => ({
      lockVersion: STALE,
      visitedOn: today,
      responsiblePerson: "甲",
      visitor: "乙",
      execution: "已执行",
      conductEvaluation: "satisfied",
      signedBy: "甲",
    }),
  },
  "POST /api/v1/cases/{id}/close": { who: officerRoles, scope: "write", body: () => ({ lockVersion: STALE }) },
  "POST /api/v1/cases/{id}/reopen": { who: officerRoles, scope: "write", body: () => ({ lockVersion: STALE, reason: "矩阵测试理由" }) },
  "POST /api/v1/cases/{id}/cancel": {
    who: cancelCaseRoles,
    scope: "write",
    body: () => ({ lockVersion: STALE, reason: "矩阵测试撤销理由，不少于十个字" }),
  },
  "POST /api/v1/cases/{id}/measure-cancellations": {
    who: officerRoles,
    scope: "write",
    body: () => ({ lockVersion: STALE, measureId: uuid(), reason: "矩阵测试理由" }),
  },

  // 决策引擎
  "POST /api/v1/decisions/evaluate": {
    who: "any",
    scope: "read",
    kind: "organisation",
    body: (f) => ({
      organisationId: f.org,
      decisionDate: today,
      matter: { code: "X" },
      subject: { kind: "enterprise" },
      act: { date: today, discoveredOn: today },
      circumstances: {},
    }),
  },

  // 文书 (documents/shared issuerRoles, adminRoles = the domain's documents.settings)
  "GET /api/v1/documents": { who: "any" },
  "POST /api/v1/documents": {
    who: issuerRoles,
    scope: "write",
    kind: "case",
    body: (f) => ({ caseId: f.ids.case, type: DOCUMENT_TYPES[0], values: {} }),
  },
  "POST /api/v1/documents/preview": {
    who: "any",
    scope: "read",
    kind: "organisation",
    body: (f) => ({ type: DOCUMENT_TYPES[0], organisationId: f.org, sample: true }),
  },
  "GET /api/v1/documents/templates": { who: "any", scope: "read", kind: "organisation", query: orgQ },
  "GET /api/v1/documents/templates/{type}": { who: "any", scope: "read", kind: "organisation", query: orgQ },
  "POST /api/v1/documents/templates/{type}": {
    who: adminRoles,
    scope: "write",
    kind: "organisation",
    body: (f) => ({ organisationId: f.org, template: { title: "x", numbered: true, typeShort: "x", basis: "x", blocks: [], fields: [] } }),
  },
  "GET /api/v1/documents/templates/{type}/preview": { who: "any", scope: "read", kind: "organisation", query: (f) => `${orgQ(f)}&sample=1` },
  "GET /api/v1/documents/template-versions/{id}": { who: "any" },
  "GET /api/v1/documents/settings": { who: "any", scope: "read", kind: "organisation", query: orgQ },
  "PATCH /api/v1/documents/settings": {
    who: adminRoles,
    scope: "write",
    kind: "organisation",
    body: (f) => ({ organisationId: f.org, numberPattern: "{org}〔{year}〕{seq}号", version: STALE }),
  },
  "POST /api/v1/documents/seal": {
    who: adminRoles,
    scope: "write",
    kind: "organisation",
    body: (f) => ({ organisationId: f.org, contentBase64: PNG }),
  },
  "GET /api/v1/documents/seal": { who: "any", scope: "read", kind: "organisation", query: orgQ },
  "GET /api/v1/documents/archive/{caseId}": { who: "any", scope: "read", kind: "case" },
  "GET /api/v1/documents/cases": { who: "any" },
  "GET /api/v1/documents/{id}": { who: "any", scope: "read" },
  "PATCH /api/v1/documents/{id}": { who: "any", scope: "read", body: () => ({}) },
  "POST /api/v1/documents/{id}/cancel": { who: issuerRoles, scope: "write", body: () => ({ reason: "矩阵测试作废" }) },

  // 执法检查 (the domain's inspection.* actions; a path {id} that names no record: 404 after the role check)
  "GET /api/v1/inspections/units": { who: grant("inspection.read"), scope: "read", kind: "organisation", query: orgQ },
  "POST /api/v1/inspections/units": {
    who: grant("inspection.pool.manage"),
    scope: "write",
    kind: "organisation",
    body: (f) => ({
      organisationId: f.org,
      creditCode: "91350421MA00000000",
      name: "矩阵测试单位",
      regionCode: f.regionCode,
      industry: "其他",
      riskLevel: "低",
    }),
  },
  "PATCH /api/v1/inspections/units/{id}": {
    who: grant("inspection.pool.manage"),
    kind: "organisation",
    body: (f) => ({ name: "矩阵", regionCode: f.regionCode, industry: "other", riskLevel: "low", version: STALE }),
  },
  "GET /api/v1/inspections/units/{id}/history": { who: grant("inspection.read"), scope: "read", kind: "unit" },
  "POST /api/v1/inspections/units/import/preview": {
    who: grant("inspection.pool.manage"),
    scope: "write",
    kind: "organisation",
    body: (f) => ({ organisationId: f.org, fileName: "a.xlsx", contentBase64: PNG }),
  },
  "POST /api/v1/inspections/units/import": {
    who: grant("inspection.pool.manage"),
    scope: "write",
    kind: "organisation",
    body: (f) => ({ organisationId: f.org, fileName: "a.xlsx", contentBase64: PNG, fileSha256: "0".repeat(64) }),
  },
  "GET /api/v1/inspections/units/export": { who: grant("inspection.read"), scope: "read", kind: "organisation", query: orgQ },
  "GET /api/v1/inspections/inspectors": { who: grant("inspection.read"), scope: "read", kind: "organisation", query: orgQ },
  "POST /api/v1/inspections/inspectors/{id}/certificate": {
    who: grant("inspection.inspectors.manage"),
    scope: "write",
    kind: "user",
    body: () => ({ number: "1", issuingBody: "矩阵", validFrom: "2026-01-01", validTo: "2020-01-01", fields: ["other"] }),
  },
  "GET /api/v1/inspections/exclusions": { who: grant("inspection.read"), scope: "read", kind: "organisation", query: orgQ },
  "POST /api/v1/inspections/exclusions": {
    who: grant("inspection.inspectors.manage"),
    body: () => ({ userId: uuid(), unitId: uuid(), reason: "linked" }),
  },
  "GET /api/v1/inspections/checklists": { who: grant("inspection.read"), scope: "read", kind: "organisation", query: orgQ },
  "POST /api/v1/inspections/checklists": {
    who: grant("inspection.checklist.manage"),
    scope: "write",
    kind: "organisation",
    body: (f) => ({ organisationId: f.org, sourceId: "no-such-checklist" }),
  },
  "GET /api/v1/inspections/checklists/{id}": { who: grant("inspection.read"), kind: "organisation" },
  "PATCH /api/v1/inspections/checklists/{id}/versions/{no}": {
    who: grant("inspection.checklist.manage"),
    kind: "organisation",
    body: () => ({ items: [], lockVersion: STALE }),
  },
  "POST /api/v1/inspections/checklists/{id}/publish": {
    who: grant("inspection.checklist.manage"),
    kind: "organisation",
    body: () => ({ version: 1, lockVersion: STALE }),
  },
  "POST /api/v1/inspections/checklists/{id}/revise": {
    who: grant("inspection.checklist.manage"),
    kind: "organisation",
    body: () => ({ changeNote: "矩阵", lockVersion: STALE }),
  },
  "GET /api/v1/inspections/matters": { who: grant("inspection.read"), scope: "read", kind: "organisation", query: orgQ },
  "POST /api/v1/inspections/matters": {
    who: grant("inspection.checklist.manage"),
    scope: "write",
    kind: "organisation",
    body: (f) => ({ organisationId: f.org, name: "矩阵", matterCodes: [] }),
  },
  "POST /api/v1/inspections/matters/{id}/publish": {
    who: grant("inspection.checklist.manage"),
    kind: "organisation",
    body: () => ({ version: STALE }),
  },
  "GET /api/v1/inspections/plans": { who: grant("inspection.read"), scope: "read", kind: "organisation", query: orgQ },
  "POST /api/v1/inspections/plans": {
    who: grant("inspection.draw"),
    scope: "write",
    kind: "organisation",
    body: (f) => ({ organisationId: f.org, year: 2000, title: " ", rules: { defaultPercent: 10, ratios: [] } }),
  },
  "POST /api/v1/inspections/draws": {
    who: grant("inspection.draw"),
    scope: "write",
    kind: "organisation",
    body: (f) => ({ organisationId: f.org, kind: "periodic", drawNo: " ", title: "矩阵", publicSource: "矩阵", publicValueDate: today }),
  },
  "GET /api/v1/inspections/draws/{id}": { who: grant("inspection.read"), kind: "organisation" },
  "POST /api/v1/inspections/draws/{id}/draw": { who: grant("inspection.draw"), kind: "organisation", body: () => ({ publicValue: "1" }) },
  "GET /api/v1/inspections/draws/{id}/pool.json": { who: grant("inspection.read"), kind: "organisation" },
  "GET /api/v1/public/inspections/draws": { who: "public" },
  "GET /api/v1/public/inspections/draws/{id}": { who: "public", kind: "organisation" },
  "GET /api/v1/public/inspections/draws/{id}/pool.json": { who: "public", kind: "organisation" },
  "GET /api/v1/public/inspections/draws/{id}/draw.json": { who: "public", kind: "organisation" },
  "GET /api/v1/public/inspections/draws/{id}/results.csv": { who: "public", kind: "organisation" },
  "GET /api/v1/documents/{id}/pdf": { who: "any", scope: "read" },
  "GET /api/v1/documents/{id}/docx": { who: "any", scope: "read" },
  "POST /api/v1/documents/{id}/deliveries": {
    who: issuerRoles,
    scope: "write",
    body: () => ({ method: "direct", deliverer: "甲", recipient: "乙", deliveredAt: "2000-01-01T09:00" }),
  },
  "GET /api/v1/documents/{id}/deliveries/{deliveryId}/pdf": { who: "any", scope: "read" },
  "GET /api/v1/public/verify/{shortCode}": { who: "public" },
  "POST /api/v1/public/verify/{shortCode}": { who: "public", body: () => ({ contentBase64: "YQ==" }) },

  // 法律法规、事项、区划 (shared reference data)
  "GET /api/v1/laws": { who: "public" },
  "GET /api/v1/laws/{id}": { who: "public" },
  "GET /api/v1/provisions/search": { who: "public", query: () => "q=安全" },
  "GET /api/v1/citations/parse": { who: "public", query: () => `text=${encodeURIComponent("《中华人民共和国行政处罚法》第三十三条")}` },
  "GET /api/v1/laws/{id}/citing": { who: "public", query: () => "article=1" },
  "GET /api/v1/matters": { who: "public" },
  "GET /api/v1/matters/{code}": { who: "public" },
  "GET /api/v1/regions": { who: "public" },

  // 清单 (the domain's list lifecycle roles; createList/saveDraft/import: listManager; claim: listManager, orgAdmin)
  "GET /api/v1/lists": { who: "any", scope: "read", kind: "organisation", query: orgQ },
  "POST /api/v1/lists": { who: ["listManager"], body: () => ({ type: "no_penalty", title: "矩阵测试清单" }) },
  "GET /api/v1/lists/review-queue": { who: ["legalReviewer", "orgAdmin", "sysAdmin"] },
  "GET /api/v1/lists/filings": { who: "any" },
  "GET /api/v1/lists/{id}": { who: "any", scope: "published" },
  "GET /api/v1/lists/{id}/versions/{no}": { who: "any", scope: "published" },
  "PATCH /api/v1/lists/{id}/versions/{no}": { who: ["listManager"], scope: "write", body: () => ({ lockVersion: STALE, items: [] }) },
  "POST /api/v1/lists/{id}/versions/{no}/submit": { who: listRoles("submit"), scope: "write", body: () => ({ lockVersion: STALE }) },
  "POST /api/v1/lists/{id}/versions/{no}/approve": { who: listRoles("approve"), scope: "write", body: () => ({ lockVersion: STALE }) },
  "POST /api/v1/lists/{id}/versions/{no}/return": {
    who: listRoles("return"),
    scope: "write",
    body: () => ({ lockVersion: STALE, comments: "退回" }),
  },
  "POST /api/v1/lists/{id}/versions/{no}/publish": { who: listRoles("publish"), scope: "write", body: () => ({ lockVersion: STALE }) },
  "POST /api/v1/lists/{id}/versions/{no}/file": { who: listRoles("file"), scope: "write", body: () => ({ lockVersion: STALE }) },
  "POST /api/v1/lists/{id}/versions/{no}/evaluations": {
    who: listRoles("recordEvaluation"),
    scope: "write",
    body: () => ({ findings: "矩阵测试评估" }),
  },
  "POST /api/v1/lists/{id}/versions/{no}/revise": { who: listRoles("revise"), scope: "write", body: () => ({}) },
  "POST /api/v1/lists/{id}/versions/{no}/claim": { who: ["listManager", "orgAdmin"], scope: "published", body: () => ({}) },
  "POST /api/v1/lists/{id}/repeal": { who: listRoles("repeal"), scope: "write", body: () => ({ reason: "x" }) },
  "POST /api/v1/lists/import/preview": { who: ["listManager"], body: () => ({ fileName: "a.xlsx", contentBase64: "YQ==" }) },
  "POST /api/v1/lists/import": { who: ["listManager"], body: () => ({ fileName: "a.xlsx", contentBase64: "YQ==" }) },
  "GET /api/v1/lists/{id}/versions/{no}/export": { who: "any", scope: "published" },
  "GET /api/v1/public/lists": { who: "public" },

  // 统计 (report filing: the domain's statistics.report.file)
  "GET /api/v1/statistics/form": {
    who: "any",
    scope: "read",
    kind: "organisation",
    query: (f) => `period=year&year=${thisYear}&scope=organisation&${orgQ(f)}`,
  },
  "GET /api/v1/statistics/records": {
    who: "any",
    scope: "read",
    kind: "organisation",
    query: (f) => `period=year&year=${thisYear}&scope=organisation&${orgQ(f)}&column=persuasion`,
  },
  "GET /api/v1/statistics/form.xlsx": {
    who: "any",
    scope: "read",
    kind: "organisation",
    query: (f) => `period=year&year=${thisYear}&scope=organisation&${orgQ(f)}`,
  },
  "GET /api/v1/statistics/form.pdf": {
    who: "any",
    scope: "read",
    kind: "organisation",
    query: (f) => `period=year&year=${thisYear}&scope=organisation&${orgQ(f)}`,
  },
  "POST /api/v1/statistics/reports": {
    who: grant("statistics.report.file"),
    scope: "write",
    kind: "organisation",
    body: (f) => ({ kind: "annual", year: thisYear, organisationId: f.org }),
  },
  "GET /api/v1/statistics/reports": { who: "any", scope: "read", kind: "organisation", query: orgQ },
  "POST /api/v1/statistics/reports/corrections": {
    who: grant("statistics.report.file"),
    scope: "write",
    kind: "organisation",
    body: (f) => ({ kind: "monthly", year: 2000, n: 1, organisationId: f.org, reason: "矩阵测试更正" }),
  },
  "GET /api/v1/statistics/reports/board": { who: "any", query: () => `kind=annual&year=${thisYear}` },
  "GET /api/v1/statistics/reports/{id}": { who: "any", scope: "read" },
  "GET /api/v1/statistics/dashboard": { who: "any", query: () => `year=${thisYear}` },

  // 隐患 (issue 10 §7, §8)
  "GET /api/v1/hazards": { who: grant("inspection.read"), scope: "read", kind: "organisation", query: orgQ },
  "GET /api/v1/hazards/figures": { who: grant("inspection.read"), scope: "read", kind: "organisation", query: (f) => `year=${thisYear}&${orgQ(f)}` },
  "GET /api/v1/hazards/{id}": { who: grant("inspection.read"), scope: "read" },
  "GET /api/v1/hazards/{id}/evidence/{evidenceId}": { who: grant("inspection.read"), scope: "read" },
  "POST /api/v1/hazards/{id}/evidence": { who: grant("hazard.manage"), scope: "write", body: () => ({ contentBase64: PNG }) },
  // closed fixtures: an allowed call ends in 422 and changes nothing
  "POST /api/v1/hazards/{id}/rectification": { who: grant("hazard.manage"), scope: "write", body: () => ({ on: today, evidence: ["0".repeat(64)] }) },
  "POST /api/v1/hazards/{id}/review": { who: grant("hazard.manage"), scope: "write", body: () => ({ passed: true, note: "矩阵测试复查" }) },
  "POST /api/v1/hazards/{id}/close": { who: grant("hazard.close"), scope: "write", body: () => ({}) },

  // 现场检查 (issue 10 §6, §7; the fixture inspections are drawn, assigned to the county's officers)
  "GET /api/v1/field/today": { who: "any" },
  "GET /api/v1/field/inspections/{id}": { who: grant("inspection.read"), scope: "read" },
  "POST /api/v1/field/inspections/{id}/check-in": {
    who: grant("inspection.conduct"),
    scope: "write",
    body: () => ({ idempotencyKey: unique("matrix-") }),
  },
  "POST /api/v1/field/inspections/{id}/photos": { who: grant("inspection.conduct"), scope: "write", body: () => ({ contentBase64: PNG }) },
  "GET /api/v1/field/inspections/{id}/photos/{sha256}": { who: grant("inspection.read"), scope: "read" },
  "PUT /api/v1/field/inspections/{id}/results/{itemId}": {
    who: grant("inspection.conduct"),
    scope: "write",
    body: () => ({ idempotencyKey: unique("matrix-"), outcome: "pass" }),
  },
  "POST /api/v1/field/inspections/{id}/signatures": {
    who: grant("inspection.conduct"),
    scope: "write",
    body: () => ({ idempotencyKey: unique("matrix-"), signer: "representative", refused: true, note: "矩阵测试拒签" }),
  },
  "POST /api/v1/field/inspections/{id}/submit": {
    who: grant("inspection.conduct"),
    scope: "write",
    body: () => ({ idempotencyKey: unique("matrix-") }),
  },
  "POST /api/v1/field/inspections/{id}/corrections": {
    who: grant("inspection.correct"),
    scope: "write",
    body: () => ({ idempotencyKey: unique("matrix-"), reason: "矩阵测试更正理由", results: [{ itemId: "GM-01", outcome: "pass" }] }),
  },
  "GET /api/v1/field/inspections/{id}/record.pdf": { who: grant("inspection.read"), scope: "read" },
  "GET /api/v1/field/inspections/{id}/record.docx": { who: grant("inspection.read"), scope: "read" },
  "POST /api/v1/field/inspections/{id}/items/{itemId}/case": {
    who: grant("inspection.conduct"),
    scope: "write",
    body: () => ({ idempotencyKey: unique("matrix-") }),
  },
  "POST /api/v1/hazards": {
    who: grant("hazard.manage"),
    scope: "write",
    kind: "inspection",
    body: (f) => ({ inspectionId: f.ids.inspection, itemId: "GM-01", deadline: today, responsiblePerson: "矩阵", idempotencyKey: unique("matrix-") }),
  },

  // 监督
  "GET /api/v1/supervision/overview": { who: "any" },
  "GET /api/v1/supervision/departures": { who: "any" },

  // 工作台 (the to-do list: every logged-in user, within his own data scope)
  "GET /api/v1/home/todo": { who: "any" },
};

const accounts = ["demo-officer", "demo-reviewer", "demo-listmanager", "demo-justice", "demo-orgadmin", "demo-admin"] as const;

let t: TestApp;
const sessions = new Map<string, Session>();
const actors = new Map<string, Actor>();
let nodes: OrgNode[];
let routes: string[];
let fixtures: Fixture[];
let samples: { law: string; matter: string; type: string; templateVersion: string; shortCode: string };

/** Every route Fastify knows, as "METHOD /path/{param}", from its route tree (HEAD is GET's twin). */
function routesOf(tree: string): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  for (const line of tree.split("\n")) {
    const m = /^((?:[│ ] {3})*)[├└]── (\S+)(?: \(([^)]*)\))?/.exec(line);
    if (!m) continue;
    const depth = m[1].length / 4;
    stack.length = depth;
    const full = (stack[depth - 1] ?? "") + m[2];
    stack[depth] = full;
    for (const method of (m[3] ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)) {
      if (method === "HEAD") continue;
      out.push(`${method} ${full.replace(/:(\w+)/g, "{$1}")}`);
    }
  }
  return out;
}

/** A filtered list that names nothing: an organisation outside the scope filters to no rows. */
function emptyList(body: string): boolean {
  try {
    const j = JSON.parse(body) as Record<string, unknown>;
    // Nothing but an empty page: no items, and paging fields that say so (no next page, a total of 0).
    const paging: Record<string, unknown> = { nextCursor: null, total: 0, totalIsEstimate: false };
    return Array.isArray(j.items) && j.items.length === 0 && Object.entries(j).every(([k, v]) => k === "items" || (k in paging && paging[k] === v));
  } catch {
    return false;
  }
}

function rowOf<T>(rows: T[], what: string): T {
  if (!rows[0]) throw new Error(`fixture missing: ${what}`);
  return rows[0];
}

beforeAll(async () => {
  t = await testApp();
  const q = <T>(sql: string, params: unknown[] = []) => t.database.query<T>(sql, params);
  const orgId = async (name: string) => rowOf(await q<{ id: string }>("SELECT id FROM organisations WHERE name = $1", [name]), name).id;
  for (const a of accounts) sessions.set(a, await t.login(a));
  const admin = sessions.get("demo-admin")!;

  const mx = await orgId("明溪县应急管理局");
  const sm = await orgId("三明市应急管理局");
  const jj = await orgId("晋江市应急管理局"); // another county (泉州市晋江市), with its own cases and user

  // The foreign county gets a user of each kind needed, a draft list, a filed report and a document.
  const mkUser = async (username: string, roles: Role[]) => {
    const res = await t.post("/api/v1/users", { username, displayName: username, password: "Matrix#2026abc", roles, organisationId: jj }, admin);
    if (res.statusCode !== 201) throw new Error(`${username}: ${res.body}`);
    return t.login(username, "Matrix#2026abc");
  };
  const jjLists = await mkUser("jj-matrix-lists", ["listManager"]);
  const jjAdmin = await mkUser("jj-matrix-admin", ["orgAdmin"]);
  const foreignList = await t.post("/api/v1/lists", { type: "no_penalty", title: "晋江矩阵测试清单" }, jjLists);
  if (foreignList.statusCode !== 201) throw new Error(foreignList.body);
  const fileReport = async (s: Session, organisationId: string) => {
    const res = await t.post("/api/v1/statistics/reports", { kind: "annual", year: thisYear, organisationId }, s);
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json().id as string;
  };
  const homeReport = await fileReport(sessions.get("demo-orgadmin")!, mx);
  const foreignReport = await fileReport(jjAdmin, jj);
  // A document of the foreign county: one of the demo county's issued documents handed over to it.
  const docs = await q<{ id: string; delivery: string }>(
    "SELECT d.id, (SELECT v.id FROM deliveries v WHERE v.document_id = d.id LIMIT 1) AS delivery FROM documents d WHERE d.organisation_id = $1 ORDER BY d.id LIMIT 2",
    [mx],
  );
  await q("UPDATE documents SET organisation_id = $1, region_code = '350582' WHERE id = $2", [jj, docs[1].id]);
  await q("UPDATE deliveries SET organisation_id = $1, region_code = '350582' WHERE document_id = $2", [jj, docs[1].id]).catch(() => undefined);

  const caseOf = async (org: string) =>
    rowOf(await q<{ id: string }>("SELECT id FROM cases WHERE organisation_id = $1 ORDER BY case_no LIMIT 1", [org]), "case").id;
  const userOf = async (username: string) => rowOf(await q<{ id: string }>("SELECT id FROM users WHERE username = $1", [username]), username).id;
  const publishedList = rowOf(
    await q<{ id: string }>(
      "SELECT l.id FROM lists l JOIN list_versions v ON v.list_id = l.id WHERE l.organisation_id = $1 AND v.version_no = 1 AND v.status IN ('published', 'filed') LIMIT 1",
      [sm],
    ),
    "published list",
  ).id;

  // A closed hazard in each county (actions on it are refused with 422: nothing changes).
  const hazardOf = async (org: string, region: string) =>
    rowOf(
      await q<{ id: string }>(
        `INSERT INTO hazards (region_code, organisation_id, credit_code, unit_name, level, description, responsible_person, found_on, deadline, status)
         VALUES ($1, $2, '91350421MA2YXXXX0X', '矩阵测试单位', 'general', '矩阵测试隐患', '矩阵', '2026-01-01', '2026-01-31', 'closed') RETURNING id::text`,
        [region, org],
      ),
      "hazard",
    ).id;
  const homeHazard = await hazardOf(mx, "350421");
  const foreignHazard = await hazardOf(jj, "350582");
  const homeInspection = await drawnInspection(t.database);
  const foreignInspection = await drawnInspection(t.database, { organisation: "晋江市应急管理局", usernames: ["demo-officer-jj"] });

  const unitOf = async (inspection: string) =>
    rowOf(await q<{ id: string }>("SELECT unit_id::text AS id FROM inspections WHERE id = $1", [inspection]), "unit").id;
  const home: Fixture = {
    label: "本单位",
    org: mx,
    regionCode: "350421",
    ids: {
      case: await caseOf(mx),
      document: docs[0].id,
      delivery: docs[0].delivery,
      list: publishedList,
      user: await userOf("demo-officer"),
      organisation: mx,
      report: homeReport,
      hazard: homeHazard,
      inspection: homeInspection,
      unit: await unitOf(homeInspection),
    },
    orgOf: { case: mx, document: mx, delivery: mx, list: sm, user: mx, organisation: mx, report: mx, hazard: mx, inspection: mx, unit: mx },
    listPublished: true,
  };
  const foreign: Fixture = {
    label: "外单位",
    org: jj,
    regionCode: "350582",
    ids: {
      case: await caseOf(jj),
      document: docs[1].id,
      delivery: docs[1].delivery ?? uuid(),
      list: foreignList.json().listId,
      user: await userOf("demo-officer-jj"),
      organisation: jj,
      report: foreignReport,
      hazard: foreignHazard,
      inspection: foreignInspection,
      unit: await unitOf(foreignInspection),
    },
    orgOf: { case: jj, document: jj, delivery: jj, list: jj, user: jj, organisation: jj, report: jj, hazard: jj, inspection: jj, unit: jj },
    listPublished: false,
  };
  fixtures = [home, foreign];

  const laws = (await t.get("/api/v1/laws", admin)).json();
  const lawList = (laws.items ?? laws) as { id: string }[];
  const [tv] = await q<{ id: string }>("SELECT id FROM document_templates LIMIT 1");
  const [sc] = await q<{ short_code: string }>("SELECT short_code FROM documents LIMIT 1").catch(() => [{ short_code: "ABCDEFGH" }]);
  samples = {
    law: lawList[0].id,
    matter: rowOf(await q<{ code: string }>("SELECT code FROM matters LIMIT 1"), "matter").code,
    type: DOCUMENT_TYPES[0],
    templateVersion: tv?.id ?? uuid(),
    shortCode: sc?.short_code ?? "ABCDEFGH",
  };

  for (const a of accounts) {
    const [u] = await q<{ organisation_id: string; region_code: string; roles: string[] }>(
      "SELECT u.organisation_id, o.region_code, u.roles FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.username = $1",
      [a],
    );
    actors.set(a, { organisationId: u.organisation_id, regionCode: u.region_code, roles: u.roles });
  }
  nodes = await loadOrgNodes(t.database.db);

  const spec = (await t.get("/api/v1/openapi.json")).json() as { paths: Record<string, Record<string, unknown>> };
  const fromSpec = Object.entries(spec.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
  const fromFastify = routesOf(t.app.printRoutes({ commonPrefix: false }));
  routes = [...new Set([...fromSpec, ...fromFastify])].sort();
}, 300_000);

afterAll(async () => {
  await t?.close();
});

/**
 * The entry of a route. Outside /api/ the server only sends the console's built files (present when
 * the web is built): public. Every /api/ route needs its own entry.
 */
function entryOf(route: string): Entry | undefined {
  if (entries[route]) return entries[route];
  const [method, path] = route.split(" ");
  if (method === "GET" && !path.startsWith("/api/")) return { who: "public", asset: true };
  return undefined;
}

function kindOf(route: string, entry: Entry): Kind {
  if (entry.kind) return entry.kind;
  const path = route.split(" ")[1];
  if (path.includes("/deliveries/{deliveryId}")) return "document";
  for (const [prefix, kind] of [
    ["/api/v1/cases/", "case"],
    ["/api/v1/documents/", "document"],
    ["/api/v1/lists/", "list"],
    ["/api/v1/users/", "user"],
    ["/api/v1/organisations/", "organisation"],
    ["/api/v1/statistics/reports/", "report"],
    ["/api/v1/hazards/", "hazard"],
    ["/api/v1/field/inspections/", "inspection"],
  ] as const)
    if (path.startsWith(prefix)) return kind;
  throw new Error(`${route}: which record does the path name?`);
}

function urlOf(route: string, entry: Entry, f: Fixture): string {
  const path = route.split(" ")[1];
  const kind = /\{(id|caseId)\}/.test(path) ? kindOf(route, entry) : null;
  const url = path
    .replace("{id}", kind ? f.ids[kind] : uuid())
    .replace("{caseId}", f.ids.case)
    .replace("{evidenceId}", uuid())
    .replace("{deliveryId}", f.ids.delivery)
    .replace("{no}", "1")
    .replace("{sha256}", "0".repeat(64))
    .replace("{itemId}", "GM-01")
    .replace("{type}", samples.type)
    .replace("{code}", samples.matter)
    .replace("{shortCode}", samples.shortCode)
    .replace("/*", "/x");
  const query = entry.query?.(f);
  return query ? `${url}?${query}` : url;
}

/** Only the laws' {id} is not an organisation's record: shared reference data. */
function urlOfReference(route: string, entry: Entry, f: Fixture): string {
  return urlOf(
    route
      .replace("/laws/{id}", `/laws/${encodeURIComponent(samples.law)}`)
      .replace("/template-versions/{id}", `/template-versions/${samples.templateVersion}`),
    entry,
    f,
  );
}

type Expect = "allowed" | "forbidden" | "hidden" | "unauthenticated";

function expectation(entry: Entry, account: string | null, f: Fixture | null, kind: Kind | null): Expect {
  if (entry.who === "public") return "allowed";
  if (!account) return "unauthenticated";
  const actor = actors.get(account)!;
  const roleOk = entry.who === "any" || entry.who.some((r) => actor.roles.includes(r));
  if (!f || !entry.scope || !kind) return roleOk ? "allowed" : "forbidden";
  const org = f.orgOf[kind];
  const readable = readableOrganisations(actor, nodes);
  const canRead = readable === "all" || readable.has(org);
  const writable = writableOrganisations(actor, nodes);
  const canWrite = writable === "all" || writable.has(org);
  const inScope = entry.scope === "read" ? canRead : entry.scope === "write" ? canWrite : f.listPublished || canRead;
  if (roleOk && inScope) return "allowed";
  // Another county's record (or one the account cannot read): refused or not found, never shown.
  if (f.label === "外单位" || !canRead) return "hidden";
  return "forbidden";
}

describe("access matrix: every endpoint × every demo account × own / foreign organisation", () => {
  it("every route has an entry (and every entry a route)", () => {
    const missing = routes.filter((r) => !entryOf(r));
    expect(missing, "endpoints without an entry in the access matrix").toEqual([]);
    expect(
      Object.keys(entries).filter((e) => !routes.includes(e)),
      "entries without an endpoint",
    ).toEqual([]);
    expect(routes.length).toBeGreaterThan(90);
  });

  it("the administrative entries are the domain's permission table", () => {
    // The modules that keep their own role constants agree with the domain table.
    expect([...adminRoles].sort()).toEqual([...rolesAllowed("documents.settings")].sort());
    expect(Object.keys(permissionTable["statistics.report.file"].grants)).toEqual(["orgAdmin"]);
  });

  it("each call answers as the table says", { timeout: 600_000 }, async () => {
    const failures: string[] = [];
    const ordered = [...routes].sort((a, b) => Number(!!entryOf(a)?.last) - Number(!!entryOf(b)?.last));
    let calls = 0;
    for (const route of ordered) {
      const entry = entryOf(route);
      if (!entry) continue;
      const [method] = route.split(" ");
      const scoped = !!entry.scope;
      const kind = scoped ? kindOf(route, entry) : null;
      for (const f of scoped ? fixtures : [fixtures[0]]) {
        for (const account of entry.asset ? [null] : [null, ...accounts]) {
          const s = account ? sessions.get(account) : undefined;
          const url = urlOfReference(route, entry, f);
          const body = entry.body?.(f);
          const res = await t.app.inject({
            method: method as "GET",
            url,
            headers: s ? { cookie: s.cookie, "x-csrf-token": s.csrf } : {},
            ...(body !== undefined ? { payload: body as object } : method !== "GET" ? { payload: {} } : {}),
          });
          calls++;
          const want = expectation(entry, account, scoped ? f : null, kind);
          const st = res.statusCode;
          const ok =
            want === "allowed"
              ? st !== 401 && st !== 403 && st < 500
              : want === "unauthenticated"
                ? st === 401
                : want === "forbidden"
                  ? st === 403
                  : st === 403 || st === 404 || (st === 200 && emptyList(res.body));
          if (!ok) failures.push(`${route} ${f.label} ${account ?? "anonymous"}: want ${want}, got ${st} ${res.body.slice(0, 160)}`);
          if (want !== "allowed" && st >= 200 && st < 300 && !emptyList(res.body))
            failures.push(`${route} ${f.label} ${account ?? "anonymous"}: 2xx where the table says no`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(calls).toBeGreaterThan(700);
  });
});
