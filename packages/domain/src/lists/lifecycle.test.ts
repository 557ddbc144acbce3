import { describe, expect, it } from "vitest";
import {
  applyListTransition,
  claimAppliesOn,
  claimListVersion,
  claimNeedsRenewal,
  effectiveListVersions,
  filingDeadline,
  filingStatus,
  isFilingOverdue,
  listTransitions,
  listRoles,
  versionInForce,
  type ListAction,
  type ListRole,
} from "./lifecycle";
import type { QualityFinding } from "./quality";
import { sanmingLists } from "./seed/sanming";
import type { ListRecord } from "./types";

function draftRecord(): ListRecord {
  const [np] = sanmingLists();
  return {
    list: { ...np.list, status: "draft" },
    versions: [{ version: 1, status: "draft", reviews: [], evaluations: [], items: np.versions[0].items }],
  };
}

function must(record: ListRecord, action: ListAction, roles: ListRole[], today: string): ListRecord {
  const r = applyListTransition(record, action, roles, today);
  if (!r.ok) throw new Error(r.error);
  return r.record;
}

const noFindings: QualityFinding[] = [];

function publishedRecord(): ListRecord {
  let r = draftRecord();
  r = must(r, { type: "submit", version: 1 }, ["listManager"], "2022-04-01");
  r = must(r, { type: "approve", version: 1 }, ["legalReviewer"], "2022-04-10");
  return must(r, { type: "publish", version: 1, effectiveFrom: "2022-05-01", checks: noFindings }, ["listManager"], "2022-04-20");
}

describe("list lifecycle: 草稿 → 合法性审核 → 发布 → 备案 → 评估 → 修订 → 废止", () => {
  it("walks the whole path and records each step", () => {
    const r = publishedRecord();
    const v1 = r.versions[0];
    expect(r.list.status).toBe("in_force");
    expect(v1).toMatchObject({ status: "published", publishedOn: "2022-04-20", effectiveFrom: "2022-05-01" });
    expect(v1.reviews).toEqual([{ decision: "approved", comments: "", on: "2022-04-10" }]);
    const filed = must(r, { type: "file", version: 1, filedWith: "三明市司法局" }, ["listManager"], "2022-04-30");
    expect(filed.versions[0]).toMatchObject({ status: "filed", filing: { filedOn: "2022-04-30", filedWith: "三明市司法局" } });
    const evaluated = must(filed, { type: "recordEvaluation", version: 1, findings: "执行情况良好" }, ["justiceSupervisor"], "2023-01-10");
    expect(evaluated.versions[0].evaluations).toEqual([{ on: "2023-01-10", findings: "执行情况良好" }]);
  });

  it("法制审核人员 returns with comments; the version is a draft again and keeps the comments", () => {
    let r = must(draftRecord(), { type: "submit", version: 1 }, ["listManager"], "2022-04-01");
    r = must(r, { type: "return", version: 1, comments: "第3项依据不准确" }, ["legalReviewer"], "2022-04-02");
    expect(r.versions[0].status).toBe("draft");
    expect(r.versions[0].reviews).toEqual([{ decision: "returned", comments: "第3项依据不准确", on: "2022-04-02" }]);
    const noComment = applyListTransition(
      must(r, { type: "submit", version: 1 }, ["listManager"], "2022-04-03"),
      { type: "return", version: 1, comments: " " },
      ["legalReviewer"],
      "2022-04-04",
    );
    expect(noComment).toEqual({ ok: false, error: "退回修改必须填写审核意见" });
  });

  it("only the roles of the transition table may act", () => {
    for (const [type, rule] of Object.entries(listTransitions)) {
      for (const role of listRoles) {
        const allowed = rule.roles.includes(role);
        if (type === "approve") {
          const r = applyListTransition(
            must(draftRecord(), { type: "submit", version: 1 }, ["listManager"], "2022-04-01"),
            { type: "approve", version: 1 },
            [role],
            "2022-04-02",
          );
          expect(r.ok).toBe(allowed);
        }
      }
    }
    expect(listTransitions.approve.roles).toEqual(["legalReviewer"]);
    expect(listTransitions.repeal.roles).toEqual(["orgAdmin"]);
    const officer = applyListTransition(draftRecord(), { type: "submit", version: 1 }, ["officer"], "2022-04-01");
    expect(officer).toEqual({ ok: false, error: "无权执行“提交合法性审核”：需要清单管理员角色" });
    const sysAdmin = applyListTransition(draftRecord(), { type: "submit", version: 1 }, ["sysAdmin"], "2022-04-01");
    expect(sysAdmin.ok).toBe(false);
  });

  it("cannot skip the 合法性审核: publishing a draft is refused", () => {
    const r = applyListTransition(draftRecord(), { type: "publish", version: 1, checks: noFindings }, ["listManager"], "2022-04-01");
    expect(r).toEqual({ ok: false, error: "第1版当前状态为“草稿”，不能发布" });
  });

  it("quality errors block publication; warnings need a reason which is kept", () => {
    let r = must(draftRecord(), { type: "submit", version: 1 }, ["listManager"], "2022-04-01");
    r = must(r, { type: "approve", version: 1 }, ["legalReviewer"], "2022-04-10");
    const error: QualityFinding = { severity: "error", code: "item_missing_basis", message: "第1项：缺少依据", itemSeq: 1 };
    const warning: QualityFinding = { severity: "warning", code: "item_missing_measures", message: "第2项：未选择配套监管措施", itemSeq: 2 };
    const blocked = applyListTransition(r, { type: "publish", version: 1, checks: [error] }, ["listManager"], "2022-04-20");
    expect(blocked.ok).toBe(false);
    if (!blocked.ok) expect(blocked.error).toContain("第1项：缺少依据");
    expect(applyListTransition(r, { type: "publish", version: 1, checks: [warning] }, ["listManager"], "2022-04-20").ok).toBe(false);
    const withReason = must(
      r,
      { type: "publish", version: 1, checks: [warning], warningReason: "措施由执法人员现场确定" },
      ["listManager"],
      "2022-04-20",
    );
    expect(withReason.versions[0].warningReason).toBe("措施由执法人员现场确定");
  });

  it("an effective date in the past is refused", () => {
    let r = must(draftRecord(), { type: "submit", version: 1 }, ["listManager"], "2022-04-01");
    r = must(r, { type: "approve", version: 1 }, ["legalReviewer"], "2022-04-10");
    expect(applyListTransition(r, { type: "publish", version: 1, effectiveFrom: "2022-04-19", checks: [] }, ["orgAdmin"], "2022-04-20")).toEqual({
      ok: false,
      error: "施行日期不能早于发布日期",
    });
  });

  it("修订 makes a new draft version; publishing it ends the old one the day before (the old stays readable)", () => {
    let r = must(publishedRecord(), { type: "file", version: 1, filedWith: "三明市司法局" }, ["listManager"], "2022-05-05");
    r = must(r, { type: "revise", fromVersion: 1 }, ["listManager"], "2023-02-01");
    expect(r.versions.map((v) => [v.version, v.status])).toEqual([
      [1, "filed"],
      [2, "draft"],
    ]);
    expect(r.versions[1].items).toEqual(r.versions[0].items);
    expect(r.versions[1].items).not.toBe(r.versions[0].items);
    // a second revision while one is open is refused
    expect(applyListTransition(r, { type: "revise", fromVersion: 1 }, ["listManager"], "2023-02-02").ok).toBe(false);
    r = must(r, { type: "submit", version: 2 }, ["listManager"], "2023-02-03");
    r = must(r, { type: "approve", version: 2 }, ["legalReviewer"], "2023-02-04");
    r = must(r, { type: "publish", version: 2, effectiveFrom: "2023-03-01", checks: [] }, ["listManager"], "2023-02-10");
    expect(r.versions[0]).toMatchObject({ status: "superseded", effectiveFrom: "2022-05-01", effectiveTo: "2023-02-28" });
    expect(r.versions[1]).toMatchObject({ status: "published", effectiveFrom: "2023-03-01" });
    expect(versionInForce(r.versions, "2023-02-28")?.version).toBe(1);
    expect(versionInForce(r.versions, "2023-03-01")?.version).toBe(2);
    expect(versionInForce(r.versions, "2022-01-01")).toBeUndefined();
  });

  it("废止 ends the version in force today, needs a reason, and freezes the list", () => {
    const r = publishedRecord();
    expect(applyListTransition(r, { type: "repeal", reason: "" }, ["orgAdmin"], "2024-01-01").ok).toBe(false);
    const repealed = must(r, { type: "repeal", reason: "上位法修改" }, ["orgAdmin"], "2024-01-01");
    expect(repealed.list.status).toBe("repealed");
    expect(repealed.versions[0]).toMatchObject({ status: "repealed", effectiveTo: "2024-01-01", repealReason: "上位法修改" });
    expect(versionInForce(repealed.versions, "2024-01-01")?.version).toBe(1);
    expect(versionInForce(repealed.versions, "2024-01-02")).toBeUndefined();
    expect(applyListTransition(repealed, { type: "revise", fromVersion: 1 }, ["listManager"], "2024-01-02")).toEqual({
      ok: false,
      error: "清单已废止，不能再执行任何操作",
    });
  });

  it("an empty 不予行政强制 list may be submitted (本系统不存在不予行政强制事项), other empty lists not", () => {
    const [, , , nc] = sanmingLists();
    const draft: ListRecord = { list: { ...nc.list, status: "draft" }, versions: [{ ...nc.versions[0], status: "draft" }] };
    expect(applyListTransition(draft, { type: "submit", version: 1 }, ["listManager"], "2022-04-01").ok).toBe(true);
    const empty = draftRecord();
    empty.versions[0].items = [];
    expect(applyListTransition(empty, { type: "submit", version: 1 }, ["listManager"], "2022-04-01")).toEqual({
      ok: false,
      error: "清单没有任何事项，不能提交审核",
    });
  });
});

describe("备案 within 15 days of publication (seed 002)", () => {
  it("the deadline is the 15th day after publication", () => {
    expect(filingDeadline("2023-07-13")).toBe("2023-07-28");
    expect(filingDeadline("2023-12-20")).toBe("2024-01-04");
  });

  it("overdue only after the deadline and only while not filed", () => {
    const v = { publishedOn: "2023-07-13" };
    expect(isFilingOverdue(v, "2023-07-28")).toBe(false);
    expect(isFilingOverdue(v, "2023-07-29")).toBe(true);
    expect(isFilingOverdue({ ...v, filing: { filedOn: "2023-07-20", filedWith: "舟山市司法局" } }, "2023-09-01")).toBe(false);
    expect(isFilingOverdue({}, "2023-09-01")).toBe(false);
  });

  it("the board status tells on-time from late filings", () => {
    expect(filingStatus({ publishedOn: "2023-07-13" }, "2023-07-20")).toBe("pending");
    expect(filingStatus({ publishedOn: "2023-07-13" }, "2023-08-01")).toBe("overdue");
    expect(filingStatus({ publishedOn: "2023-07-13", filing: { filedOn: "2023-07-28", filedWith: "x" } }, "2023-08-01")).toBe("filed_on_time");
    expect(filingStatus({ publishedOn: "2023-07-13", filing: { filedOn: "2023-07-29", filedWith: "x" } }, "2023-08-01")).toBe("filed_late");
    expect(filingStatus({}, "2023-08-01")).toBe("not_published");
  });
});

describe("认领: 明溪县应急管理局 claims the city's lists (seed 001)", () => {
  const [np] = sanmingLists();
  const base = {
    record: np,
    version: 1,
    claimantOrganisationId: "mingxi-yjj",
    ownerIsSuperior: true,
    actorRoles: ["listManager"] as ListRole[],
    existingClaims: [],
    today: "2022-06-01",
  };

  it("records the claimed version", () => {
    const r = claimListVersion(base);
    expect(r).toEqual({ ok: true, claim: { listId: np.list.id, version: 1, organisationId: "mingxi-yjj", claimedOn: "2022-06-01" } });
  });

  it("refuses claims of own, non-superior, unpublished lists and by officers", () => {
    expect(claimListVersion({ ...base, claimantOrganisationId: np.list.organisationId }).ok).toBe(false);
    expect(claimListVersion({ ...base, ownerIsSuperior: false })).toEqual({ ok: false, error: "只能认领上级部门发布的清单" });
    expect(claimListVersion({ ...base, actorRoles: ["officer"] }).ok).toBe(false);
    const draft = { ...np, versions: [{ ...np.versions[0], status: "draft" as const }] };
    expect(claimListVersion({ ...base, record: draft }).ok).toBe(false);
  });

  it("the claimed version applies from the claim date; an old case keeps its version after a revision", () => {
    const r = claimListVersion(base);
    if (!r.ok) throw new Error(r.error);
    const claim = r.claim;
    expect(claimAppliesOn(claim, np.versions[0], "2022-05-31")).toBe(false);
    expect(claimAppliesOn(claim, np.versions[0], "2022-06-01")).toBe(true);
    // the city publishes version 2 from 2023-03-01
    let revised = must(np, { type: "revise", fromVersion: 1 }, ["listManager"], "2023-02-01");
    revised = must(revised, { type: "submit", version: 2 }, ["listManager"], "2023-02-01");
    revised = must(revised, { type: "approve", version: 2 }, ["legalReviewer"], "2023-02-02");
    revised = must(revised, { type: "publish", version: 2, effectiveFrom: "2023-03-01", checks: [] }, ["listManager"], "2023-02-10");
    expect(claimNeedsRenewal(claim, revised)).toBe(true);
    const onOldDate = effectiveListVersions({ organisationId: "mingxi-yjj", records: [revised], claims: [claim], date: "2023-01-15" });
    expect(onOldDate.map((e) => [e.version.version, e.claim?.organisationId])).toEqual([[1, "mingxi-yjj"]]);
    const after = effectiveListVersions({ organisationId: "mingxi-yjj", records: [revised], claims: [claim], date: "2023-03-02" });
    expect(after).toEqual([]);
    // re-claiming version 2 withdraws the claim of version 1
    const again = claimListVersion({ ...base, record: revised, version: 2, existingClaims: [claim], today: "2023-03-05" });
    expect(again).toMatchObject({ ok: true, claim: { version: 2, claimedOn: "2023-03-05" }, withdrawn: { version: 1, withdrawnOn: "2023-03-05" } });
    // the city itself applies its own version in force
    expect(
      effectiveListVersions({ organisationId: np.list.organisationId, records: [revised], claims: [], date: "2023-03-02" }).map(
        (e) => e.version.version,
      ),
    ).toEqual([2]);
  });
});
