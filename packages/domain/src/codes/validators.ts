import { daysInMonth } from "../dates/index";

export type CodeCheck = { ok: true; value: string } | { ok: false; error: string };
export type IdNumberCheck = { ok: true; value: string; birthDate: string; sex: "男" | "女" } | { ok: false; error: string };

// ---------------------------------------------------------------------------------------------
// 统一社会信用代码 (GB 32100-2015)
// ---------------------------------------------------------------------------------------------

/** The 31 characters of GB 32100-2015 (no I, O, S, V, Z); a character's value is its index. */
const USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
/** Weight of position i (1-based) is 3^(i-1) mod 31. */
const USCC_WEIGHTS = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});

/**
 * Checks a 统一社会信用代码: 18 characters from 0-9 and A-Y without I/O/S/V/Z, the 3rd–8th being the
 * registering authority's region code (digits), the last one the check character of GB 32100-2015
 * (31 − Σ value×3^(i−1) mod 31). Lower case and surrounding spaces are accepted and normalised.
 */
export function validateUnifiedSocialCreditCode(input: string): CodeCheck {
  const code = input.trim().toUpperCase();
  if (code === "") return { ok: false, error: "统一社会信用代码不能为空" };
  if (code.length !== 18) return { ok: false, error: `统一社会信用代码应为18位，实际为${code.length}位` };
  for (let i = 0; i < 18; i++) {
    if (!USCC_CHARS.includes(code[i])) {
      return { ok: false, error: `统一社会信用代码第${i + 1}位“${code[i]}”不是有效字符（不使用I、O、S、V、Z）` };
    }
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) {
    return { ok: false, error: "统一社会信用代码第3至8位应为登记管理机关行政区划码（6位数字）" };
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(code[i]) * USCC_WEIGHTS[i];
  const expected = USCC_CHARS[(31 - (sum % 31)) % 31];
  if (code[17] !== expected) return { ok: false, error: "统一社会信用代码校验位不正确，请核对" };
  return { ok: true, value: code };
}

// ---------------------------------------------------------------------------------------------
// 居民身份证号码 (GB 11643-1999)
// ---------------------------------------------------------------------------------------------

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";

/** First two digits of GB/T 2260 codes: provinces, autonomous regions, municipalities, 台湾 71, 香港 81, 澳门 82. */
const PROVINCE_PREFIXES = new Set([
  "11",
  "12",
  "13",
  "14",
  "15",
  "21",
  "22",
  "23",
  "31",
  "32",
  "33",
  "34",
  "35",
  "36",
  "37",
  "41",
  "42",
  "43",
  "44",
  "45",
  "46",
  "50",
  "51",
  "52",
  "53",
  "54",
  "61",
  "62",
  "63",
  "64",
  "65",
  "71",
  "81",
  "82",
]);

function isValidDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Checks an 18-digit 居民身份证号码: region prefix, a real birth date (not after `today` when given,
 * not before 1800 — the standard's own example is born 1880), and the GB 11643 check digit (Σ digit×weight mod 11 → 1 0 X 9 8 7 6 5 4 3 2).
 * A lower-case x is accepted. Returns the birth date (ISO) and the sex from the sequence digit.
 */
export function validateIdNumber(input: string, today?: string): IdNumberCheck {
  const id = input.trim().toUpperCase();
  if (id === "") return { ok: false, error: "身份证号码不能为空" };
  if (id.length === 15 && /^\d{15}$/.test(id)) return { ok: false, error: "请填写18位居民身份证号码（15位旧号码不再使用）" };
  if (id.length !== 18) return { ok: false, error: `身份证号码应为18位，实际为${id.length}位` };
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, error: "身份证号码前17位应为数字，最后一位为数字或X" };
  if (!PROVINCE_PREFIXES.has(id.slice(0, 2))) return { ok: false, error: "身份证号码前两位不是有效的省级行政区划代码" };
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (year < 1800 || !isValidDate(year, month, day)) {
    return { ok: false, error: `身份证号码中的出生日期“${id.slice(6, 14)}”无效` };
  }
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (today !== undefined && birthDate > today) return { ok: false, error: "身份证号码中的出生日期晚于今天" };
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * ID_WEIGHTS[i];
  if (id[17] !== ID_CHECK[sum % 11]) return { ok: false, error: "身份证号码校验位不正确，请核对" };
  return { ok: true, value: id, birthDate, sex: Number(id[16]) % 2 === 1 ? "男" : "女" };
}

// ---------------------------------------------------------------------------------------------
// 行政区划代码 (GB/T 2260, six digits)
// ---------------------------------------------------------------------------------------------

/**
 * Checks the form of a six-digit 行政区划代码 (350421 明溪县, 350400 三明市, 350000 福建省): six digits with
 * a valid province prefix. Whether the code exists is a question for the regions table.
 */
export function validateRegionCode(input: string): CodeCheck {
  const code = input.trim();
  if (code === "") return { ok: false, error: "行政区划代码不能为空" };
  if (!/^\d{6}$/.test(code)) return { ok: false, error: "行政区划代码应为6位数字" };
  if (!PROVINCE_PREFIXES.has(code.slice(0, 2))) return { ok: false, error: "行政区划代码前两位不是有效的省级代码" };
  return { ok: true, value: code };
}

// ---------------------------------------------------------------------------------------------
// 联系电话
// ---------------------------------------------------------------------------------------------

/**
 * Checks a 联系电话: an 11-digit mobile number (1[3-9]…), or a landline with area code
 * ("0598-1234567", "05981234567", optional extension "-123"). Spaces are removed.
 */
export function validatePhone(input: string): CodeCheck {
  const phone = input.replace(/[\s\u3000]/g, "").replace(/[－—]/g, "-");
  if (phone === "") return { ok: false, error: "联系电话不能为空" };
  if (/^1[3-9]\d{9}$/.test(phone)) return { ok: true, value: phone };
  if (/^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/.test(phone)) return { ok: true, value: phone };
  if (/^1\d*$/.test(phone)) return { ok: false, error: "手机号码应为以1开头的11位数字" };
  return { ok: false, error: "联系电话格式不正确：应为11位手机号码或带区号的固定电话（如0598-1234567）" };
}

// ---------------------------------------------------------------------------------------------
// 执法证号
// ---------------------------------------------------------------------------------------------

/** The one-character abbreviations of the provinces, autonomous regions and municipalities. */
const PROVINCE_ABBREVIATIONS = "京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀贵黔云滇藏陕秦甘陇青宁新港澳台";

/**
 * Checks a 执法证号 (the number on an officer's 行政执法证). Provinces number them differently, but
 * every common format is a run of 8 to 20 digits (often the region code, the year and a sequence:
 * 35042120260001), sometimes preceded by the province's abbreviation (闽35042120260001). That is
 * what is accepted; spaces inside are removed. "ABC", "L-1" or "1" are refused.
 */
export function validateLicenceNo(input: string): CodeCheck {
  const no = input.replace(/\s+/g, "");
  if (no === "") return { ok: false, error: "执法证号不能为空" };
  const digits = PROVINCE_ABBREVIATIONS.includes(no[0]) ? no.slice(1) : no;
  if (!/^\d+$/.test(digits)) return { ok: false, error: "执法证号应为 8–20 位数字，可带省份简称前缀（如 闽35042120260001）" };
  if (digits.length < 8 || digits.length > 20) return { ok: false, error: `执法证号的数字部分应为 8–20 位，实际为 ${digits.length} 位` };
  return { ok: true, value: no };
}
