import { describe, expect, it } from "vitest";
import { readableOrganisations, regionPrefix, writableOrganisations, type OrgNode } from "./index";

const orgs: OrgNode[] = [
  { id: "sm-yj", parentId: null, regionCode: "350400", kind: "agency" }, // 三明市应急管理局
  { id: "mx-yj", parentId: "sm-yj", regionCode: "350421", kind: "agency" }, // 明溪县应急管理局
  { id: "mx-sf", parentId: null, regionCode: "350421", kind: "justice_bureau" }, // 明溪县司法局
  { id: "mx-town", parentId: "mx-yj", regionCode: "350421100", kind: "township" },
  { id: "jj-yj", parentId: null, regionCode: "350582", kind: "agency" }, // 晋江市应急管理局
];

describe("data scope of organisations", () => {
  it("region prefixes: a city covers its 4 digits, a province 2, a county all 6", () => {
    expect(regionPrefix("350400")).toBe("3504");
    expect(regionPrefix("350000")).toBe("35");
    expect(regionPrefix("350421")).toBe("350421");
  });

  it("a county officer reads only their own organisation and what lies below it", () => {
    const scope = readableOrganisations({ organisationId: "mx-yj", regionCode: "350421", roles: ["officer"] }, orgs);
    expect(scope).toEqual(new Set(["mx-yj", "mx-town"]));
  });

  it("a city department reads its county counterparts", () => {
    const scope = readableOrganisations({ organisationId: "sm-yj", regionCode: "350400", roles: ["officer"] }, orgs);
    expect(scope).toEqual(new Set(["sm-yj", "mx-yj", "mx-town"]));
  });

  it("a 司法局 supervisor reads every organisation of the region and below, but writes only their own", () => {
    const actor = { organisationId: "mx-sf", regionCode: "350421", roles: ["justiceSupervisor"] };
    expect(readableOrganisations(actor, orgs)).toEqual(new Set(["mx-sf", "mx-yj", "mx-town"]));
    expect(writableOrganisations(actor, orgs)).toEqual(new Set(["mx-sf"]));
  });

  it("a system administrator reads everything", () => {
    expect(readableOrganisations({ organisationId: "x", regionCode: "350421", roles: ["sysAdmin"] }, orgs)).toBe("all");
  });
});
