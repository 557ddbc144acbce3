import { describe, expect, it } from "vitest";
import {
  maskIdNumber,
  maskName,
  maskPhone,
  validateIdNumber,
  validateLicenceNo,
  validatePhone,
  validateRegionCode,
  validateUnifiedSocialCreditCode,
} from "./index";

describe("统一社会信用代码 (GB 32100-2015)", () => {
  // Published codes of well-known companies.
  it.each(["91440300708461136T", "91330100799655058B", "914403001922038216", "91110000802100433B"])("accepts the real code %s", (code) => {
    expect(validateUnifiedSocialCreditCode(code)).toEqual({ ok: true, value: code });
  });

  it("normalises lower case and spaces", () => {
    expect(validateUnifiedSocialCreditCode(" 91330100799655058b ")).toEqual({ ok: true, value: "91330100799655058B" });
  });

  it("detects a changed character through the check character", () => {
    const result = validateUnifiedSocialCreditCode("91440300708461137T");
    expect(result).toEqual({ ok: false, error: "统一社会信用代码校验位不正确，请核对" });
    // Every single-character change of a valid code is caught.
    const valid = "91440300708461136T";
    const chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    for (let i = 0; i < 18; i++)
      for (const c of chars) {
        if (c === valid[i]) continue;
        const changed = valid.slice(0, i) + c + valid.slice(i + 1);
        expect(validateUnifiedSocialCreditCode(changed).ok).toBe(false);
      }
  });

  it.each([
    ["", "不能为空"],
    ["9144030070846113", "应为18位，实际为16位"],
    ["91440300708461136I", "第18位“I”不是有效字符"],
    ["9144O300708461136T", "第5位“O”不是有效字符"],
    ["91A40300708461136T", "第3至8位应为登记管理机关行政区划码"],
  ])("rejects %j: %s", (code, reason) => {
    const result = validateUnifiedSocialCreditCode(code);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(reason);
  });
});

describe("居民身份证号码 (GB 11643-1999)", () => {
  it("accepts the standard's examples, with X or lower-case x as check digit", () => {
    expect(validateIdNumber("11010519491231002X")).toEqual({
      ok: true,
      value: "11010519491231002X",
      birthDate: "1949-12-31",
      sex: "女",
    });
    expect(validateIdNumber("11010519491231002x").ok).toBe(true);
    expect(validateIdNumber("440524188001010014")).toMatchObject({ ok: true, birthDate: "1880-01-01" });
  });

  it("reads the sex from the 17th digit", () => {
    expect(validateIdNumber("350402199001011234")).toMatchObject({ ok: true, sex: "男", birthDate: "1990-01-01" });
  });

  it.each([
    ["11010519491231002Y", "前17位应为数字"],
    ["110105194912310021", "校验位不正确"],
    ["110105194902300020", "出生日期“19490230”无效"],
    ["110105190002290025", "出生日期“19000229”无效"],
    ["990105194912310023", "前两位不是有效的省级行政区划代码"],
    ["110105491231002", "18位居民身份证号码"],
    ["1101051949123100", "应为18位，实际为16位"],
  ])("rejects %s: %s", (id, reason) => {
    const result = validateIdNumber(id);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(reason);
  });

  it("accepts 29 February of a leap year and refuses a birth date after today", () => {
    expect(validateIdNumber("110105200002290021").ok).toBe(true);
    const id = "350402203001011233";
    expect(validateIdNumber(id).ok).toBe(true);
    expect(validateIdNumber(id, "2025-06-01")).toEqual({ ok: false, error: "身份证号码中的出生日期晚于今天" });
  });
});

describe("行政区划代码", () => {
  it("accepts six digits with a province prefix", () => {
    expect(validateRegionCode("350421")).toEqual({ ok: true, value: "350421" });
    expect(validateRegionCode(" 500106 ")).toEqual({ ok: true, value: "500106" });
  });

  it.each([
    ["", "不能为空"],
    ["3504", "应为6位数字"],
    ["35042a", "应为6位数字"],
    ["350421001", "应为6位数字"],
    ["990000", "前两位不是有效的省级代码"],
  ])("rejects %j", (code, reason) => {
    const result = validateRegionCode(code);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(reason);
  });
});

describe("联系电话", () => {
  it.each(["13812345678", "138 1234 5678", "0598-8221234", "05988221234", "023-65432100-123"])("accepts %s", (p) => {
    expect(validatePhone(p).ok).toBe(true);
  });
  it.each([
    ["", "不能为空"],
    ["1381234567", "11位数字"],
    ["12812345678", "11位数字"],
    ["8221234", "格式不正确"],
  ])("rejects %j", (p, reason) => {
    const result = validatePhone(p);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(reason);
  });
});

describe("执法证号", () => {
  it("accepts 8–20 digits, with or without a province abbreviation, and removes spaces", () => {
    expect(validateLicenceNo("35042120260001")).toEqual({ ok: true, value: "35042120260001" });
    expect(validateLicenceNo("闽35042120260001")).toEqual({ ok: true, value: "闽35042120260001" });
    expect(validateLicenceNo(" 3504 2120 2600 01 ")).toEqual({ ok: true, value: "35042120260001" });
    expect(validateLicenceNo("12345678").ok).toBe(true);
    expect(validateLicenceNo("1".repeat(20)).ok).toBe(true);
  });

  it("新建用户时执法证号“ABC”被拒绝，并说明应有的格式", () => {
    const r = validateLicenceNo("ABC");
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain("8–20 位数字");
  });

  it("refuses too short, too long, an empty number and a prefix that is not a province", () => {
    expect(validateLicenceNo("1234567").ok).toBe(false);
    expect(validateLicenceNo("1".repeat(21)).ok).toBe(false);
    expect(validateLicenceNo("   ").ok).toBe(false);
    expect(validateLicenceNo("L-1").ok).toBe(false);
    expect(validateLicenceNo("甲35042120260001").ok).toBe(false);
    expect(validateLicenceNo("闽").ok).toBe(false);
  });
});

describe("masking", () => {
  it("masks an ID number to its first four and last four characters", () => {
    expect(maskIdNumber("350402199001011234")).toBe("3504**********1234");
    expect(maskIdNumber("11010519491231002X")).toBe("1101**********002X");
    expect(maskIdNumber("1234567")).toBe("*******");
  });

  it("masks a mobile number's middle four digits and a landline's number but the last four", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
    expect(maskPhone("0598-8221234")).toBe("0598-***1234");
    expect(maskPhone("123")).toBe("***");
  });

  it("masks a name but its first character", () => {
    expect(maskName("张三")).toBe("张*");
    expect(maskName("欧阳小明")).toBe("欧***");
    expect(maskName("李")).toBe("李");
  });
});
