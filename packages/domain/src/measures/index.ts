/**
 * The soft enforcement methods (柔性执法方式) and the 15 columns of the 柔性执法统计报表
 * (seed 000 annex 8, seed 001 annex 5). Order and wording are the seed form's.
 */

export const softMethods = [
  "persuasion",
  "guidanceDemonstration",
  "administrativeGuidance",
  "administrativeReward",
  "administrativeSettlement",
  "administrativeAdvice",
  "administrativeReminder",
  "administrativeInterview",
  "administrativeWarning",
  "followUpVisit",
  "other",
] as const;
export type SoftMethod = (typeof softMethods)[number];

export const softMethodLabels: Record<SoftMethod, string> = {
  persuasion: "说服教育",
  guidanceDemonstration: "劝导示范",
  administrativeGuidance: "行政指导",
  administrativeReward: "行政奖励",
  administrativeSettlement: "行政和解",
  administrativeAdvice: "行政建议",
  administrativeReminder: "行政提示",
  administrativeInterview: "行政约谈",
  administrativeWarning: "行政告诫",
  followUpVisit: "行政回访",
  other: "其他",
};

/** Outcome categories that are also counted on the form. */
export const decisionColumns = ["no_penalty", "mitigated", "lighter", "no_compulsion"] as const;
export type DecisionColumn = (typeof decisionColumns)[number];

/** A statistics column: one of the four decision outcomes or one of the eleven soft methods. */
export type StatisticsColumn = DecisionColumn | SoftMethod;

export const statisticsColumns: readonly StatisticsColumn[] = [...decisionColumns, ...softMethods];

export type CountingUnit = "件" | "人次";

export interface StatisticsColumnInfo {
  column: StatisticsColumn;
  label: string;
  unit: CountingUnit;
}

const decisionLabels: Record<DecisionColumn, string> = {
  no_penalty: "不予行政处罚",
  mitigated: "减轻行政处罚",
  lighter: "从轻行政处罚",
  no_compulsion: "不予行政强制",
};

const personTimeColumns: ReadonlySet<StatisticsColumn> = new Set<StatisticsColumn>([
  "administrativeGuidance",
  "administrativeReward",
  "administrativeAdvice",
  "administrativeReminder",
]);

export function columnLabel(column: StatisticsColumn): string {
  return column in decisionLabels ? decisionLabels[column as DecisionColumn] : softMethodLabels[column as SoftMethod];
}

export function columnUnit(column: StatisticsColumn): CountingUnit {
  return personTimeColumns.has(column) ? "人次" : "件";
}

/** The 15 columns in the seed form's order, each with its Chinese label and unit. */
export const statisticsColumnInfo: readonly StatisticsColumnInfo[] = statisticsColumns.map((column) => ({
  column,
  label: columnLabel(column),
  unit: columnUnit(column),
}));

export function isSoftMethod(value: string): value is SoftMethod {
  return (softMethods as readonly string[]).includes(value);
}

/** Parses a Chinese method name as lists print it ("说服教育"); undefined when unknown. */
export function softMethodFromLabel(label: string): SoftMethod | undefined {
  const trimmed = label.trim();
  return softMethods.find((m) => softMethodLabels[m] === trimmed);
}
