/**
 * 检查对象名录库 (object pool): the unit record, its fixed vocabularies and its validation.
 * Pure: the caller persists and reads.
 */
import { validatePhone, validateRegionCode, validateUnifiedSocialCreditCode } from "../codes/validators";
import type { IndustryCategory } from "../lists/conditions";

/**
 * 行业领域 of an inspected unit — a fixed vocabulary. Where each comes from:
 * - mining, hazardous_chemicals, metallurgy, construction, road_transport: the five high-risk
 *   industries of seed 000 (annex 1 说明: 矿山、危化品、金属冶炼、建筑施工、道路运输), the same as
 *   the lists' `highRiskIndustries`; 危化品 is also a seed 003 对表检查 category;
 * - fireworks (烟花爆竹), industry_trade (工贸企业), confined_space (有限空间), dust_explosion
 *   (粉尘涉爆), ammonia_refrigeration (涉氨制冷): seed 003's 对表检查 categories (晋江市应急管理局);
 * - other (其他): every unit outside them (a 一般生产经营单位).
 * 有限空间, 粉尘涉爆 and 涉氨制冷 are really features of 工贸企业; a unit is filed under the one that
 * decides which checklist is used on it.
 */
export const industries = [
  "mining",
  "hazardous_chemicals",
  "metallurgy",
  "construction",
  "road_transport",
  "fireworks",
  "industry_trade",
  "confined_space",
  "dust_explosion",
  "ammonia_refrigeration",
  "other",
] as const;
export type Industry = (typeof industries)[number];

export const industryLabels: Record<Industry, string> = {
  mining: "矿山",
  hazardous_chemicals: "危化品",
  metallurgy: "金属冶炼",
  construction: "建筑施工",
  road_transport: "道路运输",
  fireworks: "烟花爆竹",
  industry_trade: "工贸企业",
  confined_space: "有限空间",
  dust_explosion: "粉尘涉爆",
  ammonia_refrigeration: "涉氨制冷",
  other: "其他",
};

/** Where each industry term comes from (shown in the docs and the pool's help). */
export const industrySources: Record<Industry, string> = {
  mining: "种子材料000附件1说明（五类高危行业）",
  hazardous_chemicals: "种子材料000附件1说明（五类高危行业）；种子材料003对表检查",
  metallurgy: "种子材料000附件1说明（五类高危行业）",
  construction: "种子材料000附件1说明（五类高危行业）",
  road_transport: "种子材料000附件1说明（五类高危行业）",
  fireworks: "种子材料003对表检查",
  industry_trade: "种子材料003对表检查",
  confined_space: "种子材料003对表检查",
  dust_explosion: "种子材料003对表检查",
  ammonia_refrigeration: "种子材料003对表检查",
  other: "一般生产经营单位",
};

/** The lists' 行业类别 of a unit (the decision engine's `subject.industryCategory`). */
export function listIndustryCategory(industry: Industry): IndustryCategory {
  switch (industry) {
    case "mining":
    case "hazardous_chemicals":
    case "metallurgy":
    case "construction":
    case "road_transport":
      return industry;
    default:
      return "general";
  }
}

/** 风险等级: the four colours of 安全风险分级管控 (红 重大、橙 较大、黄 一般、蓝 低). */
export const riskLevels = ["major", "high", "moderate", "low"] as const;
export type RiskLevel = (typeof riskLevels)[number];

export const riskLevelLabels: Record<RiskLevel, string> = {
  major: "重大风险（红）",
  high: "较大风险（橙）",
  moderate: "一般风险（黄）",
  low: "低风险（蓝）",
};

/** A unit of the object pool. Contact data is personal: masked in lists, never published. */
export interface InspectedUnit {
  /** 统一社会信用代码, normalised (upper case). The pool's key. */
  creditCode: string;
  name: string;
  address: string;
  /** 行政区划代码 (6 digits). */
  regionCode: string;
  industry: Industry;
  riskLevel: RiskLevel;
  /** 重点单位: 危险性较大的重点单位 or 重点监管单位 — inspected at least once a year (seed 003). */
  keyUnit: boolean;
  contactName?: string;
  contactPhone?: string;
}

export interface UnitProblem {
  field: keyof InspectedUnit;
  message: string;
}

/** Maps a label or a code to the industry ("工贸", "工贸企业", "industry_trade"). */
export function parseIndustry(input: string): Industry | undefined {
  const t = input.trim();
  if ((industries as readonly string[]).includes(t)) return t as Industry;
  for (const i of industries) if (industryLabels[i] === t) return i;
  const aliases: Record<string, Industry> = {
    危险化学品: "hazardous_chemicals",
    危化品使用: "hazardous_chemicals",
    工贸: "industry_trade",
    非煤矿山: "mining",
    煤矿: "mining",
    冶金: "metallurgy",
    建筑: "construction",
    涉氨: "ammonia_refrigeration",
    涉爆粉尘: "dust_explosion",
    粉尘防爆: "dust_explosion",
    一般行业: "other",
  };
  return aliases[t];
}

/** Maps "重大" / "红" / "重大风险（红）" / "major" to the level. */
export function parseRiskLevel(input: string): RiskLevel | undefined {
  const t = input.trim();
  if ((riskLevels as readonly string[]).includes(t)) return t as RiskLevel;
  const table: [RiskLevel, string[]][] = [
    ["major", ["重大", "重大风险", "红", "红色"]],
    ["high", ["较大", "较大风险", "橙", "橙色"]],
    ["moderate", ["一般", "一般风险", "黄", "黄色"]],
    ["low", ["低", "低风险", "蓝", "蓝色"]],
  ];
  for (const [level, words] of table) if (riskLevelLabels[level] === t || words.includes(t)) return level;
  return undefined;
}

/** The contact phone normalised; undefined when blank, or wrong (the problem is added). */
function checkedPhone(raw: string | undefined, problems: UnitProblem[]): string | undefined {
  if (!raw || raw.trim() === "") return undefined;
  const phone = validatePhone(raw);
  if (phone.ok) return phone.value;
  problems.push({ field: "contactPhone", message: phone.error });
  return undefined;
}

/**
 * Validates and normalises a unit. Returns the unit, or every problem in Chinese.
 */
export function validateUnit(input: {
  creditCode: string;
  name: string;
  address?: string;
  regionCode: string;
  industry: string;
  riskLevel: string;
  keyUnit?: boolean;
  contactName?: string;
  contactPhone?: string;
}): { ok: true; unit: InspectedUnit } | { ok: false; problems: UnitProblem[] } {
  const problems: UnitProblem[] = [];
  const code = validateUnifiedSocialCreditCode(input.creditCode ?? "");
  if (!code.ok) problems.push({ field: "creditCode", message: code.error });
  const name = (input.name ?? "").trim();
  if (name === "") problems.push({ field: "name", message: "单位名称不能为空" });
  else if (name.length > 100) problems.push({ field: "name", message: "单位名称不能超过100个字" });
  const region = validateRegionCode(input.regionCode ?? "");
  if (!region.ok) problems.push({ field: "regionCode", message: region.error });
  const industry = parseIndustry(input.industry ?? "");
  if (!industry)
    problems.push({
      field: "industry",
      message: `行业“${input.industry ?? ""}”不在行业目录中（${industries.map((i) => industryLabels[i]).join("、")}）`,
    });
  const risk = parseRiskLevel(input.riskLevel ?? "");
  if (!risk) problems.push({ field: "riskLevel", message: `风险等级“${input.riskLevel ?? ""}”无法识别（重大、较大、一般、低）` });
  const contactName = input.contactName?.trim() || undefined;
  const contactPhone = checkedPhone(input.contactPhone, problems);
  if (problems.length > 0 || !code.ok || !region.ok || !industry || !risk) return { ok: false, problems };
  const unit: InspectedUnit = {
    creditCode: code.value,
    name,
    address: (input.address ?? "").trim(),
    regionCode: region.value,
    industry,
    riskLevel: risk,
    keyUnit: input.keyUnit === true,
  };
  if (contactName) unit.contactName = contactName;
  if (contactPhone) unit.contactPhone = contactPhone;
  return { ok: true, unit };
}
