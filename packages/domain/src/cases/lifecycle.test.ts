import { describe, expect, it } from "vitest";
import type { OrgNode, Role } from "../organisations/index";
import {
  allowedCaseActions,
  caseActions,
  caseLifecycle,
  casePreconditions,
  caseStatuses,
  checkCaseAction,
  nextCaseStatus,
  type CaseAction,
  type CaseSnapshot,
  type CaseStatus,
  type CaseUser,
} from "./index";

// 三明市应急管理局 ← 明溪县应急管理局 ← 雪峰镇; 晋江市应急管理局 elsewhere.
const orgs: OrgNode[] = [
  { id: "sm-yj", parentId: null, regionCode: "350400", kind: "agency" },
  { id: "mx-yj", parentId: "sm-yj", regionCode: "350421", kind: "agency" },
  { id: "mx-town", parentId: "mx-yj", regionCode: "350421100", kind: "township" },
  { id: "jj-yj", parentId: null, regionCode: "350582", kind: "agency" },
];
const userOf = (roles: Role[], organisationId = "mx-yj"): CaseUser => ({
  organisationId,
  regionCode: orgs.find((o) => o.id === organisationId)!.regionCode,
  roles,
  orgs,
});

/** A case of 明溪县应急管理局 in the status, evaluated, every precondition met (a summary-procedure case). */
const caseIn = (status: CaseStatus, extra: Partial<CaseSnapshot> = {}): CaseSnapshot => ({
  organisationId: "mx-yj",
  status,
  route: "summary",
  reviewStatus: null,
  proposedOutcome: "no_penalty",
  decision: { outcome: "no_penalty", firm: true },
  ...extra,
});

/**
 * The expected table, written by hand once more on purpose: from which statuses each action is
 * allowed and who may take it ("handle": 执法人员/单位管理员/系统管理员; "review": 法制审核人员;
 * "cancel": 法制审核人员/单位管理员/系统管理员).
 */
const expected: Record<CaseAction, { from: CaseStatus[]; who: "handle" | "review" | "cancel" }> = {
  uploadEvidence: { from: ["intake", "decided", "in_progress", "transferred"], who: "handle" },
  evaluate: { from: ["intake"], who: "handle" },
  setRoute: { from: ["intake"], who: "handle" },
  transfer: { from: ["intake", "decided", "in_progress"], who: "handle" },
  review: { from: ["intake"], who: "review" },
  partyAcceptsSoft: { from: ["intake", "decided", "in_progress"], who: "handle" },
  partyRequestsOrdinary: { from: ["intake", "decided", "in_progress"], who: "handle" },
  decide: { from: ["intake"], who: "handle" },
  terminate: { from: ["intake", "decided", "in_progress"], who: "handle" },
  recordMeasure: { from: ["intake", "decided", "in_progress"], who: "handle" },
  cancelMeasure: { from: ["intake", "decided", "in_progress"], who: "handle" },
  orderCorrection: { from: ["intake", "decided", "in_progress"], who: "handle" },
  recordReinspection: { from: ["intake", "decided", "in_progress"], who: "handle" },
  scheduleFollowUp: { from: ["decided", "in_progress"], who: "handle" },
  recordFollowUp: { from: ["decided", "in_progress"], who: "handle" },
  close: { from: ["decided", "in_progress"], who: "handle" },
  reopen: { from: ["closed"], who: "handle" },
  cancel: { from: ["intake", "decided", "in_progress", "transferred"], who: "cancel" },
};
const rolesOf: Record<"handle" | "review" | "cancel", Role[]> = {
  handle: ["officer", "orgAdmin", "sysAdmin"],
  review: ["legalReviewer"],
  cancel: ["legalReviewer", "orgAdmin", "sysAdmin"],
};
const allRoles: Role[] = ["officer", "legalReviewer", "listManager", "orgAdmin", "justiceSupervisor", "sysAdmin"];

describe("the case lifecycle table: every action × status × role", () => {
  it("has exactly the actions listed", () => {
    expect(Object.keys(caseLifecycle).sort()).toEqual([...caseActions].sort());
    expect(Object.keys(expected).sort()).toEqual([...caseActions].sort());
  });

  for (const action of caseActions) {
    const want = expected[action];
    it(`${caseLifecycle[action].label}（${action}）: 状态 ${want.from.join("/")}; 角色 ${rolesOf[want.who].join("/")}`, () => {
      expect([...caseLifecycle[action].from].sort()).toEqual([...want.from].sort());
      // The review needs a case in the review queue; everything else is checked on an evaluated summary case.
      const extra: Partial<CaseSnapshot> = action === "review" ? { route: "ordinary", reviewStatus: "pending" } : {};
      for (const status of caseStatuses) {
        for (const role of allRoles) {
          const refusal = checkCaseAction(caseIn(status, extra), action, userOf([role]));
          const roleOk = rolesOf[want.who].includes(role);
          const statusOk = want.from.includes(status);
          if (roleOk && statusOk) expect(refusal, `${role} in ${status}`).toBeNull();
          else if (!roleOk)
            expect(refusal, `${role} in ${status}`).toMatchObject({ kind: "forbidden", message: `您的角色无权${caseLifecycle[action].label}` });
          else if (status === "closed") expect(refusal?.kind).toBe("locked");
          else expect(refusal, `${role} in ${status}`).toMatchObject({ kind: "status", message: expect.stringContaining("案件当前状态为") });
        }
      }
    });
  }

  it("a closed case is locked for everything but 重新打开, with the message that says how to correct it", () => {
    expect(checkCaseAction(caseIn("closed"), "recordMeasure", userOf(["officer"]))).toEqual({
      kind: "locked",
      action: "recordMeasure",
      message: "案件已办结归档并锁定，不能修改；如需更正，请先说明理由重新打开案件",
    });
    expect(checkCaseAction(caseIn("closed"), "reopen", userOf(["officer"]))).toBeNull();
  });

  it("a refused status names the status in Chinese: a 已撤销 case cannot be decided", () => {
    expect(checkCaseAction(caseIn("cancelled"), "decide", userOf(["officer"]))?.message).toBe("案件当前状态为“已撤销”，不能作出处理决定");
  });

  it("the reach: an officer only his own organisation, a 单位管理员 also the one below, a 系统管理员 anywhere", () => {
    const town = caseIn("intake", { organisationId: "mx-town" });
    const elsewhere = caseIn("intake", { organisationId: "jj-yj" });
    expect(checkCaseAction(town, "evaluate", userOf(["officer"]))).toMatchObject({ kind: "forbidden", message: "您无权修改该单位的记录" });
    expect(checkCaseAction(town, "evaluate", userOf(["orgAdmin"]))).toBeNull();
    expect(checkCaseAction(elsewhere, "evaluate", userOf(["orgAdmin"]))?.kind).toBe("forbidden");
    expect(checkCaseAction(elsewhere, "evaluate", userOf(["sysAdmin"]))).toBeNull();
    // The 法制审核人员 reviews his own organisation's cases only.
    const queued = { route: "ordinary", reviewStatus: "pending" };
    expect(checkCaseAction(caseIn("intake", { ...queued, organisationId: "mx-town" }), "review", userOf(["legalReviewer"]))?.kind).toBe("forbidden");
    expect(checkCaseAction(caseIn("intake", queued), "review", userOf(["legalReviewer"]))).toBeNull();
  });
});

describe("the preconditions, each on its own", () => {
  const officer = userOf(["officer"]);

  it("作出处理决定 needs the engine's proposal (研判) first", () => {
    // A record with an outcome but without the engine's decision (imported, generated) has no proposal either.
    expect(checkCaseAction(caseIn("intake", { decision: null }), "decide", officer)?.precondition).toBe("proposalBeforeDecision");
    expect(checkCaseAction(caseIn("intake", { proposedOutcome: null, decision: null }), "decide", officer)).toEqual({
      kind: "precondition",
      action: "decide",
      precondition: "proposalBeforeDecision",
      message: "请先研判案件（决策引擎给出建议后才能作出处理决定）",
    });
  });

  it("a 普通程序 case is decided only after 法制审核 passed (one check, 第五十八条)", () => {
    for (const reviewStatus of ["pending", "returned", null]) {
      const refusal = checkCaseAction(caseIn("intake", { route: "ordinary", reviewStatus }), "decide", officer);
      expect(refusal).toMatchObject({ kind: "precondition", precondition: "legalReviewPassed" });
      expect(refusal?.message).toContain("第五十八条");
    }
    expect(checkCaseAction(caseIn("intake", { route: "ordinary", reviewStatus: "approved" }), "decide", officer)).toBeNull();
    // Other routes need no review.
    for (const route of ["caution", "summary", null]) expect(checkCaseAction(caseIn("intake", { route }), "decide", officer)).toBeNull();
  });

  it("a 疑难问题 not yet answered blocks the decision", () => {
    expect(checkCaseAction(caseIn("intake", { route: "escalated" }), "decide", officer)).toMatchObject({
      precondition: "notEscalated",
      message: "疑难问题尚未答复，请先确定办理程序",
    });
  });

  it("当事人接受柔性执法 only after a proposal exists; asking for the ordinary procedure at any time", () => {
    const fresh = caseIn("intake", { proposedOutcome: null, decision: null, route: null });
    expect(checkCaseAction(fresh, "partyAcceptsSoft", officer)).toMatchObject({ kind: "precondition", precondition: "proposalBeforePartyChoice" });
    expect(checkCaseAction(fresh, "partyAcceptsSoft", officer)?.message).toContain("请先研判案件");
    expect(checkCaseAction(fresh, "partyRequestsOrdinary", officer)).toBeNull();
    expect(checkCaseAction(caseIn("intake"), "partyAcceptsSoft", officer)).toBeNull();
  });

  it("法制审核 only of an ordinary-procedure case awaiting it", () => {
    const reviewer = userOf(["legalReviewer"]);
    for (const extra of [
      { route: "summary", reviewStatus: null },
      { route: "ordinary", reviewStatus: "approved" },
      { route: "ordinary", reviewStatus: "returned" },
    ]) {
      expect(checkCaseAction(caseIn("intake", extra), "review", reviewer)).toMatchObject({
        precondition: "inReviewQueue",
        message: "该案件不在法制审核队列中",
      });
    }
  });

  it("every precondition of the table is one of the named ones", () => {
    const named = new Set(Object.values(casePreconditions));
    for (const a of caseActions) for (const pre of caseLifecycle[a].preconditions) expect(named.has(pre)).toBe(true);
  });
});

describe("allowedCaseActions: what the server tells the web", () => {
  const ordinaryPending = caseIn("intake", { route: "ordinary", reviewStatus: "pending" });

  it("an officer of the case's organisation: the handling actions, not the review, not 撤销立案, not yet the decision", () => {
    const allowed = allowedCaseActions(ordinaryPending, userOf(["officer"]));
    expect(allowed).toEqual(expect.arrayContaining(["evaluate", "recordMeasure", "partyAcceptsSoft", "terminate"]));
    expect(allowed).not.toContain("review");
    expect(allowed).not.toContain("cancel");
    expect(allowed).not.toContain("decide");
    expect(allowed).not.toContain("close");
  });

  it("a 法制审核人员: the review and 撤销立案 only", () => {
    expect(allowedCaseActions(ordinaryPending, userOf(["legalReviewer"]))).toEqual(["review", "cancel"]);
  });

  it("a user of another organisation, and a 司法局监督人员, may take no action", () => {
    expect(allowedCaseActions(ordinaryPending, userOf(["officer", "legalReviewer"], "jj-yj"))).toEqual([]);
    expect(allowedCaseActions(ordinaryPending, userOf(["justiceSupervisor"]))).toEqual([]);
  });

  it("a closed case: only 重新打开", () => {
    expect(allowedCaseActions(caseIn("closed"), userOf(["officer"]))).toEqual(["reopen"]);
  });
});

describe("the status after an action", () => {
  it("decide → decided; a measure moves a decided case on; close, reopen, cancel, transfer", () => {
    expect(nextCaseStatus("decide", "intake")).toBe("decided");
    expect(nextCaseStatus("recordMeasure", "decided")).toBe("in_progress");
    expect(nextCaseStatus("recordMeasure", "intake")).toBe("intake");
    expect(nextCaseStatus("close", "in_progress")).toBe("closed");
    expect(nextCaseStatus("reopen", "closed")).toBe("in_progress");
    expect(nextCaseStatus("cancel", "transferred")).toBe("cancelled");
    expect(nextCaseStatus("transfer", "decided")).toBe("transferred");
    expect(nextCaseStatus("partyRequestsOrdinary", "intake")).toBe("transferred");
    expect(nextCaseStatus("evaluate", "intake")).toBe("intake");
  });
});
