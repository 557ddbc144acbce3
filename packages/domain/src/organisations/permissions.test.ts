import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  adminActions,
  allowedActions,
  grantableRoles,
  isPermitted,
  organisationChangeProblem,
  permissionScopeLabels,
  permissionTable,
  renderPermissionTable,
  roleLabels,
  roles,
  rolesAllowed,
  scopeFor,
  userManagementProblem,
  type AdminAction,
  type OrgNode,
  type Role,
} from "./index";

// 三明市应急管理局 ← 明溪县应急管理局 ← 雪峰镇; 明溪县司法局; 晋江市应急管理局 (another county).
const orgs: OrgNode[] = [
  { id: "sm-yj", parentId: null, regionCode: "350400", kind: "agency" },
  { id: "mx-yj", parentId: "sm-yj", regionCode: "350421", kind: "agency" },
  { id: "mx-town", parentId: "mx-yj", regionCode: "350421100", kind: "township" },
  { id: "mx-sf", parentId: null, regionCode: "350421", kind: "justice_bureau" },
  { id: "mx-sf-sub", parentId: "mx-sf", regionCode: "350421", kind: "justice_bureau" },
  { id: "jj-yj", parentId: null, regionCode: "350582", kind: "agency" },
];

const actorOf = (role: Role, organisationId = "mx-yj") => ({
  userId: `u-${role}`,
  organisationId,
  regionCode: orgs.find((o) => o.id === organisationId)!.regionCode,
  roles: [role],
});

/**
 * The expected table, written out once more by hand on purpose: a change to the domain table must
 * be a deliberate change here too. "-" = not allowed.
 */
const expected: Record<AdminAction, Record<Role, "all" | "subtree" | "readable" | "own" | "-">> = {
  "organisation.create": { officer: "-", legalReviewer: "-", listManager: "-", orgAdmin: "subtree", justiceSupervisor: "-", sysAdmin: "all" },
  "organisation.createTopLevel": { officer: "-", legalReviewer: "-", listManager: "-", orgAdmin: "-", justiceSupervisor: "-", sysAdmin: "all" },
  "organisation.edit": { officer: "-", legalReviewer: "-", listManager: "-", orgAdmin: "subtree", justiceSupervisor: "-", sysAdmin: "all" },
  "organisation.move": { officer: "-", legalReviewer: "-", listManager: "-", orgAdmin: "subtree", justiceSupervisor: "-", sysAdmin: "all" },
  "user.list": {
    officer: "readable",
    legalReviewer: "readable",
    listManager: "readable",
    orgAdmin: "readable",
    justiceSupervisor: "readable",
    sysAdmin: "all",
  },
  "user.create": { officer: "-", legalReviewer: "-", listManager: "-", orgAdmin: "subtree", justiceSupervisor: "-", sysAdmin: "all" },
  "user.edit": { officer: "-", legalReviewer: "-", listManager: "-", orgAdmin: "subtree", justiceSupervisor: "-", sysAdmin: "all" },
  "role.grant.officer": { officer: "-", legalReviewer: "-", listManager: "-", orgAdmin: "subtree", justiceSupervisor: "-", sysAdmin: "all" },
  "role.grant.legalReviewer": { officer: "-", legalReviewer: "-", listManager: "-", orgAdmin: "subtree", justiceSupervisor: "-", sysAdmin: "all" },
  "role.grant.listManager": { officer: "-", legalReviewer: "-", listManager: "-", orgAdmin: "subtree", justiceSupervisor: "-", sysAdmin: "all" },
  "role.grant.orgAdmin": { officer: "-", legalReviewer: "-", listManager: "-", orgAdmin: "subtree", justiceSupervisor: "-", sysAdmin: "all" },
  "role.grant.justiceSupervisor": { officer: "-", legalReviewer: "-", listManager: "-", orgAdmin: "-", justiceSupervisor: "-", sysAdmin: "all" },
  "role.grant.sysAdmin": { officer: "-", legalReviewer: "-", listManager: "-", orgAdmin: "-", justiceSupervisor: "-", sysAdmin: "all" },
  "statistics.report.file": { officer: "-", legalReviewer: "-", listManager: "-", orgAdmin: "subtree", justiceSupervisor: "-", sysAdmin: "-" },
  "documents.settings": { officer: "-", legalReviewer: "-", listManager: "-", orgAdmin: "subtree", justiceSupervisor: "-", sysAdmin: "all" },
  "audit.read": { officer: "-", legalReviewer: "readable", listManager: "-", orgAdmin: "readable", justiceSupervisor: "readable", sysAdmin: "all" },
  "audit.verify": { officer: "-", legalReviewer: "-", listManager: "-", orgAdmin: "-", justiceSupervisor: "-", sysAdmin: "all" },
  "inspection.read": {
    officer: "readable",
    legalReviewer: "readable",
    listManager: "readable",
    orgAdmin: "readable",
    justiceSupervisor: "readable",
    sysAdmin: "-",
  },
  "inspection.pool.manage": { officer: "subtree", legalReviewer: "-", listManager: "-", orgAdmin: "subtree", justiceSupervisor: "-", sysAdmin: "-" },
  "inspection.inspectors.manage": { officer: "-", legalReviewer: "-", listManager: "-", orgAdmin: "subtree", justiceSupervisor: "-", sysAdmin: "-" },
  "inspection.checklist.manage": {
    officer: "-",
    legalReviewer: "-",
    listManager: "subtree",
    orgAdmin: "subtree",
    justiceSupervisor: "-",
    sysAdmin: "-",
  },
  "inspection.draw": { officer: "-", legalReviewer: "-", listManager: "-", orgAdmin: "subtree", justiceSupervisor: "-", sysAdmin: "-" },
  "inspection.conduct": { officer: "subtree", legalReviewer: "-", listManager: "-", orgAdmin: "-", justiceSupervisor: "-", sysAdmin: "-" },
  "inspection.correct": { officer: "subtree", legalReviewer: "-", listManager: "-", orgAdmin: "-", justiceSupervisor: "-", sysAdmin: "-" },
  "hazard.manage": { officer: "subtree", legalReviewer: "-", listManager: "-", orgAdmin: "-", justiceSupervisor: "-", sysAdmin: "-" },
  "hazard.close": { officer: "subtree", legalReviewer: "-", listManager: "-", orgAdmin: "subtree", justiceSupervisor: "-", sysAdmin: "-" },
  "admin.view": { officer: "-", legalReviewer: "-", listManager: "-", orgAdmin: "readable", justiceSupervisor: "readable", sysAdmin: "all" },
  "case.handle": { officer: "own", legalReviewer: "-", listManager: "-", orgAdmin: "subtree", justiceSupervisor: "-", sysAdmin: "all" },
  "case.review": { officer: "-", legalReviewer: "own", listManager: "-", orgAdmin: "-", justiceSupervisor: "-", sysAdmin: "-" },
  "case.cancel": { officer: "-", legalReviewer: "own", listManager: "-", orgAdmin: "subtree", justiceSupervisor: "-", sysAdmin: "all" },
};

describe("the permission table: every role × every action", () => {
  it("the table has exactly the actions listed, and only known roles", () => {
    expect(Object.keys(permissionTable).sort()).toEqual([...adminActions].sort());
    for (const a of adminActions) for (const r of rolesAllowed(a)) expect(roles).toContain(r);
  });

  for (const action of adminActions) {
    for (const role of roles) {
      const want = expected[action][role];
      it(`${roleLabels[role]} × ${action}: ${want === "-" ? "不允许" : permissionScopeLabels[want]}`, () => {
        expect(scopeFor({ roles: [role] }, action)).toBe(want === "-" ? null : want);
        // Applied to the tree: own organisation, a subordinate, a sibling county's, another county's.
        const actor = actorOf(role, role === "justiceSupervisor" ? "mx-sf" : "mx-yj");
        const own = actor.organisationId;
        const below = role === "justiceSupervisor" ? "mx-sf-sub" : "mx-town";
        expect(isPermitted(actor, action, own, orgs)).toBe(want !== "-");
        // "本单位" (own) stops at the actor's organisation: not the one below it.
        expect(isPermitted(actor, action, below, orgs)).toBe(want !== "-" && want !== "own");
        expect(isPermitted(actor, action, "jj-yj", orgs)).toBe(want === "all");
        // The superior organisation is never in a subtree scope.
        expect(isPermitted(actor, action, "sm-yj", orgs)).toBe(want === "all");
        // A same-region organisation outside the subtree: only region-wide reading (司法局监督人员) or all.
        const sameRegion = role === "justiceSupervisor" ? "mx-yj" : "mx-sf";
        expect(isPermitted(actor, action, sameRegion, orgs)).toBe(want === "all" || (want === "readable" && role === "justiceSupervisor"));
      });
    }
  }

  it("the session's permissions are exactly the actions the table allows the roles (统计报表只由单位管理员报送)", () => {
    for (const role of roles) {
      expect(allowedActions({ roles: [role] })).toEqual(adminActions.filter((a) => expected[a][role] !== "-"));
    }
    expect(allowedActions({ roles: ["orgAdmin"] })).toContain("statistics.report.file");
    for (const role of roles.filter((r) => r !== "orgAdmin")) expect(allowedActions({ roles: [role] })).not.toContain("statistics.report.file");
    expect(allowedActions({ roles: [] })).toEqual([]);
  });

  it("a user with two roles gets the wider scope of the two", () => {
    expect(scopeFor({ roles: ["officer", "sysAdmin"] }, "user.create")).toBe("all");
    expect(scopeFor({ roles: ["officer", "orgAdmin"] }, "user.list")).toBe("readable");
  });
});

describe("granting roles: 司法局监督人员 and 系统管理员 only from above", () => {
  for (const role of roles) {
    it(`${roleLabels[role]} may grant exactly the roles of the table`, () => {
      const granted = grantableRoles(actorOf(role), orgs);
      expect(granted).toEqual(roles.filter((r) => expected[`role.grant.${r}` as AdminAction][role] !== "-"));
    });
  }

  it("a 单位管理员 grants the four unit roles in his subtree, nothing elsewhere, never 司法局监督人员 or 系统管理员", () => {
    const a = actorOf("orgAdmin");
    expect(grantableRoles(a, orgs, "mx-town")).toEqual(["officer", "legalReviewer", "listManager", "orgAdmin"]);
    expect(grantableRoles(a, orgs, "jj-yj")).toEqual([]);
    expect(grantableRoles(a, orgs, "sm-yj")).toEqual([]);
    expect(grantableRoles(actorOf("orgAdmin", "mx-sf"), orgs, "mx-sf-sub")).not.toContain("justiceSupervisor");
  });

  it("a 系统管理员 grants 司法局监督人员 only to a user of a 司法行政部门", () => {
    const a = actorOf("sysAdmin", "sm-yj");
    expect(grantableRoles(a, orgs, "mx-sf")).toContain("justiceSupervisor");
    expect(grantableRoles(a, orgs, "mx-yj")).not.toContain("justiceSupervisor");
    expect(userManagementProblem(a, orgs, { organisationId: "mx-yj", roles: ["justiceSupervisor"] })).toMatch(/司法行政部门/);
  });

  it("nobody raises (or changes) his own roles, nor disables himself", () => {
    for (const role of ["orgAdmin", "sysAdmin"] as const) {
      const a = actorOf(role);
      const me = { id: a.userId, organisationId: a.organisationId, roles: [role] };
      expect(userManagementProblem(a, orgs, { user: me, organisationId: me.organisationId, roles: [role, "justiceSupervisor"] })).toMatch(
        /自己的角色/,
      );
      expect(userManagementProblem(a, orgs, { user: me, organisationId: me.organisationId, active: false })).toMatch(/停用自己/);
      expect(userManagementProblem(a, orgs, { user: me, organisationId: me.organisationId, roles: [role] })).toBeNull();
    }
  });

  it("a 单位管理员 does not manage a user holding a role he may not grant", () => {
    const a = actorOf("orgAdmin");
    const sys = { id: "x", organisationId: "mx-town", roles: ["sysAdmin"] };
    expect(userManagementProblem(a, orgs, { user: sys, organisationId: "mx-town" })).toMatch(/无权授予的角色/);
    const peer = { id: "y", organisationId: "mx-yj", roles: ["orgAdmin"] };
    expect(userManagementProblem(a, orgs, { user: peer, organisationId: "mx-yj" })).toBeNull();
  });

  it("every role × every role to grant, for a new user of his own organisation", () => {
    for (const actorRole of roles) {
      for (const given of roles) {
        const problem = userManagementProblem(actorOf(actorRole, "mx-sf"), orgs, { organisationId: "mx-sf", roles: [given] });
        const allowed = expected["user.create"][actorRole] !== "-" && expected[`role.grant.${given}` as AdminAction][actorRole] !== "-";
        expect(problem === null, `${actorRole} grants ${given}`).toBe(allowed);
      }
    }
  });
});

describe("organisations: inside the subtree and the region, no cycles", () => {
  const admin = actorOf("orgAdmin");
  const node = (id: string) => orgs.find((o) => o.id === id)!;

  it("a 单位管理员 creates a child organisation in his region and subtree", () => {
    expect(organisationChangeProblem(admin, orgs, undefined, { parentId: "mx-yj", regionCode: "350421" })).toBeNull();
    expect(organisationChangeProblem(admin, orgs, undefined, { parentId: "mx-town", regionCode: "350421101" })).toBeNull();
  });

  it("refuses a child organisation with another region (330900) or the province (350000)", () => {
    expect(organisationChangeProblem(admin, orgs, undefined, { parentId: "mx-yj", regionCode: "330900" })).toMatch(/行政区划超出/);
    expect(organisationChangeProblem(admin, orgs, undefined, { parentId: "mx-yj", regionCode: "350000" })).toMatch(/行政区划超出/);
    expect(organisationChangeProblem(admin, orgs, undefined, { parentId: "mx-yj", regionCode: "350400" })).toMatch(/行政区划超出/);
  });

  it("refuses a parent outside the subtree and a top-level organisation", () => {
    expect(organisationChangeProblem(admin, orgs, undefined, { parentId: "jj-yj", regionCode: "350421" })).toMatch(/上级单位必须/);
    expect(organisationChangeProblem(admin, orgs, undefined, { parentId: "sm-yj", regionCode: "350421" })).toMatch(/上级单位必须/);
    expect(organisationChangeProblem(admin, orgs, undefined, { parentId: null, regionCode: "350421" })).toMatch(/系统管理员/);
  });

  it("refuses changing his own organisation's region to the province, allows a subordinate division", () => {
    expect(organisationChangeProblem(admin, orgs, node("mx-yj"), { parentId: "sm-yj", regionCode: "350000" })).toMatch(/行政区划超出/);
    expect(organisationChangeProblem(admin, orgs, node("mx-town"), { parentId: "mx-yj", regionCode: "350421101" })).toBeNull();
    expect(organisationChangeProblem(admin, orgs, node("mx-yj"), { parentId: "sm-yj", regionCode: "350421" })).toBeNull();
  });

  it("refuses moving his own organisation under another county's, or out of the tree", () => {
    expect(organisationChangeProblem(admin, orgs, node("mx-yj"), { parentId: "jj-yj", regionCode: "350421" })).toMatch(/本单位的上级单位/);
    expect(organisationChangeProblem(admin, orgs, node("mx-yj"), { parentId: null, regionCode: "350421" })).toMatch(/系统管理员/);
    expect(organisationChangeProblem(admin, orgs, node("mx-town"), { parentId: "jj-yj", regionCode: "350421100" })).toMatch(/上级单位必须/);
  });

  it("refuses every cycle, for a 系统管理员 too", () => {
    const sys = actorOf("sysAdmin", "sm-yj");
    for (const a of [admin, sys]) {
      expect(organisationChangeProblem(a, orgs, node("mx-town"), { parentId: "mx-town", regionCode: "350421100" })).toMatch(/循环|本单位的上级/);
    }
    expect(organisationChangeProblem(sys, orgs, node("sm-yj"), { parentId: "mx-town", regionCode: "350400" })).toMatch(/循环/);
    expect(organisationChangeProblem(sys, orgs, node("mx-yj"), { parentId: "mx-yj", regionCode: "350421" })).toMatch(/循环/);
    expect(organisationChangeProblem(sys, orgs, node("mx-town"), { parentId: "jj-yj", regionCode: "330900" })).toBeNull();
  });

  it("every role × create/edit/move: only 单位管理员 (in subtree) and 系统管理员", () => {
    for (const role of roles) {
      const a = actorOf(role);
      const create = organisationChangeProblem(a, orgs, undefined, { parentId: "mx-yj", regionCode: "350421" });
      const edit = organisationChangeProblem(a, orgs, node("mx-town"), { parentId: "mx-yj", regionCode: "350421100" });
      const ok = role === "orgAdmin" || role === "sysAdmin";
      expect(create === null, role).toBe(ok);
      expect(edit === null, role).toBe(ok);
    }
  });
});

describe("docs/security/authz.md prints the same table", () => {
  it("the role table of the document equals the domain table", () => {
    const doc = fs.readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../docs/security/authz.md"), "utf8");
    const start = doc.indexOf("<!-- permission-table:start -->");
    const end = doc.indexOf("<!-- permission-table:end -->");
    expect(start).toBeGreaterThan(-1);
    expect(doc.slice(start, end).trim()).toBe(`<!-- permission-table:start -->\n${renderPermissionTable()}`);
  });
});
