import { describe, expect, it } from "vitest";
import { rolesAllowed } from "../organisations";
import {
  allowedDocumentActions,
  allowedDocumentPageActions,
  documentActionProblem,
  documentLifecycle,
  documentPageRules,
  type DocumentStatus,
} from "./lifecycle";

const officer = { roles: ["officer"], canWrite: true };

describe("document lifecycle: status × action → roles and preconditions", () => {
  it("an issued document may be delivered, corrected and cancelled by the organisation's 执法人员", () => {
    expect(allowedDocumentActions("issued", officer)).toEqual(["deliver", "correct", "cancel"]);
  });

  it("a superseded document is still delivered or cancelled, but not corrected again; a cancelled one takes no action", () => {
    expect(allowedDocumentActions("superseded", officer)).toEqual(["deliver", "cancel"]);
    expect(allowedDocumentActions("cancelled", officer)).toEqual([]);
  });

  it("a 法制审核人员, a 清单管理员 or a user of another organisation may do nothing with it", () => {
    for (const roles of [["legalReviewer"], ["listManager"], ["justiceSupervisor"]])
      expect(allowedDocumentActions("issued", { roles, canWrite: true })).toEqual([]);
    expect(allowedDocumentActions("issued", { roles: ["officer"], canWrite: false })).toEqual([]);
  });

  it("says why in Chinese, naming the document", () => {
    const cases: [Parameters<typeof documentActionProblem>[0], DocumentStatus, string][] = [
      ["deliver", "cancelled", "文书明溪应急告〔2026〕3号已作废，不能送达"],
      ["cancel", "cancelled", "文书明溪应急告〔2026〕3号已经作废"],
      ["correct", "superseded", "被更正的文书明溪应急告〔2026〕3号已作废或已被更正，不能再更正"],
    ];
    for (const [action, status, message] of cases) expect(documentActionProblem(action, status, officer, "明溪应急告〔2026〕3号")).toBe(message);
    expect(documentActionProblem("cancel", "issued", { roles: ["legalReviewer"], canWrite: true })).toBe("您的角色无权作废文书");
  });

  it("every action's roles are roles of the permission model; 设置 is the permission table's documents.settings", () => {
    expect([...documentPageRules.settings.roles].sort()).toEqual([...rolesAllowed("documents.settings")].sort());
    for (const rule of Object.values(documentLifecycle)) expect(rule.roles).toEqual(["officer", "orgAdmin", "sysAdmin"]);
  });

  it("the documents page: 签发 for issuers, 设置 for 单位管理员 and 系统管理员, nothing outside the data scope", () => {
    expect(allowedDocumentPageActions(officer)).toEqual(["issue"]);
    expect(allowedDocumentPageActions({ roles: ["orgAdmin"], canWrite: true })).toEqual(["issue", "settings"]);
    expect(allowedDocumentPageActions({ roles: ["orgAdmin"], canWrite: false })).toEqual([]);
  });
});
