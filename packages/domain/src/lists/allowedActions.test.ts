import { describe, expect, it } from "vitest";
import { allowedListCollectionActions, allowedListVersionActions, type ListVersionActionContext } from "./allowedActions";

const base: ListVersionActionContext = {
  listStatus: "draft",
  status: "draft",
  versionStatuses: ["draft"],
  roles: ["listManager"],
  canWrite: true,
  ownerIsSuperior: false,
  claimed: false,
};
const allowed = (over: Partial<ListVersionActionContext>) => allowedListVersionActions({ ...base, ...over });

describe("allowed actions on a list version (what the web shows)", () => {
  it("the 清单管理员 of the owning organisation edits, imports and submits a draft; an officer only reads it", () => {
    expect(allowed({})).toEqual(["edit", "import", "submit"]);
    expect(allowed({ roles: ["officer"] })).toEqual([]);
    expect(allowed({ canWrite: false })).toEqual([]);
  });

  it("only a 法制审核人员 of the owning organisation approves or returns a version under review", () => {
    expect(allowed({ status: "legal_review", versionStatuses: ["legal_review"], roles: ["legalReviewer"] })).toEqual(["approve", "return"]);
    expect(allowed({ status: "legal_review", versionStatuses: ["legal_review"], roles: ["legalReviewer"], canWrite: false })).toEqual([]);
    expect(allowed({ status: "legal_review", versionStatuses: ["legal_review"] })).toEqual([]);
  });

  it("a published version: the manager files, evaluates and revises, the 单位管理员 files and repeals", () => {
    const published = { listStatus: "in_force" as const, status: "published" as const, versionStatuses: ["published" as const] };
    expect(allowed({ ...published })).toEqual(["file", "recordEvaluation", "revise"]);
    expect(allowed({ ...published, roles: ["orgAdmin"] })).toEqual(["file", "repeal"]);
    // 修订 is not offered while another version is still open.
    expect(allowed({ ...published, versionStatuses: ["published", "draft"] })).toEqual(["file", "recordEvaluation"]);
  });

  it("a subordinate organisation's manager may claim a superior's version in force once; a repealed list takes no action", () => {
    const superior = {
      listStatus: "in_force" as const,
      status: "filed" as const,
      versionStatuses: ["filed" as const],
      canWrite: false,
      ownerIsSuperior: true,
    };
    expect(allowed(superior)).toEqual(["claim"]);
    expect(allowed({ ...superior, claimed: true })).toEqual([]);
    expect(allowed({ ...superior, roles: ["officer"] })).toEqual([]);
    expect(allowed({ ...superior, listStatus: "repealed" })).toEqual([]);
  });

  it("the lists page: 新建 and 导入 for a 清单管理员, the 法制审核 queue for reviewers and administrators", () => {
    expect(allowedListCollectionActions({ roles: ["listManager"], canWrite: true })).toEqual(["create", "import"]);
    expect(allowedListCollectionActions({ roles: ["legalReviewer"], canWrite: true })).toEqual(["review"]);
    expect(allowedListCollectionActions({ roles: ["justiceSupervisor"], canWrite: false })).toEqual([]);
  });
});
