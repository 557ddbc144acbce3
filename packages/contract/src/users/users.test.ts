import { describe, expect, it } from "vitest";
import { ZUserCreateBody, ZUserPatchBody } from "./index";

const body = {
  username: "mx-officer",
  displayName: "新执法员",
  password: "Abcdef123x",
  roles: ["officer"],
  organisationId: "3f1c2a8e-5b6d-4c7e-8f90-a1b2c3d4e5f6",
};

describe("the users contract: 执法证号", () => {
  it("新建用户时执法证号“ABC”不通过校验，错误落在 licenceNo 上", () => {
    const r = ZUserCreateBody.safeParse({ ...body, licenceNo: "ABC" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join("."))).toEqual(["licenceNo"]);
    expect(r.error?.issues[0].message).toContain("8–20 位数字");
  });

  it("accepts the common formats and normalises spaces; a blank number stays blank (the officer check answers it)", () => {
    expect(ZUserCreateBody.parse({ ...body, licenceNo: " 3504 2120 2600 01 " }).licenceNo).toBe("35042120260001");
    expect(ZUserCreateBody.parse({ ...body, licenceNo: "闽35042120260001" }).licenceNo).toBe("闽35042120260001");
    expect(ZUserCreateBody.parse({ ...body, licenceNo: "  " }).licenceNo).toBe("");
    expect(ZUserPatchBody.safeParse({ licenceNo: "L-1", version: 1 }).success).toBe(false);
    expect(ZUserPatchBody.parse({ version: 1 }).licenceNo).toBeUndefined();
  });
});
