/**
 * The printed 柔性执法统计报表 as the seeds lay it out (seed 000 annex 8, seed 001 annex 5):
 * title, the three header fields, the 15 columns with their units, one row of numbers, 填表说明.
 * Shared by the .xlsx and PDF exporters so both print the same texts.
 */
import { statisticsColumnInfo, type StatisticsColumn } from "@kuanyan/domain/measures";
import { chinaDate } from "@kuanyan/domain/statistics";

export interface StatisticsFormExportInput {
  /** The report year: title "<year>年度柔性执法统计报表". */
  year?: number;
  /** Instead of the year, a period title such as "2026年上半年" or "2026年3月" (see periodTitle()). */
  periodTitle?: string;
  /** 填报单位. */
  reportingOrganisation: string;
  /** 填报时间: ISO date or timestamp; printed as 2026年12月30日 (China date). */
  reportedAt: string;
  /** 联系电话. */
  phone: string;
  /** The 15 numbers: a plain number or a computed/snapshot cell ({ value }). */
  cells: Record<StatisticsColumn, number | { value: number }>;
}

/** 填表说明 (seed 001 annex 5; seed 000 annex 8 has the second line only). */
export const formNotesHeading = "填表说明：";
export const formNotes: readonly string[] = [
  "1. 所有事项的统计数量都应当具有实施该类柔性执法行为的文字记录；",
  "2. 每年本报表应当与年度行政执法统计报表一并报本级人民政府、上级主管部门和本级司法行政部门。",
];

export class StatisticsExportError extends Error {
  readonly code = "invalid_statistics_export";
  constructor(message: string) {
    super(message);
    this.name = "StatisticsExportError";
  }
}

export function formTitle(input: Pick<StatisticsFormExportInput, "year" | "periodTitle">): string {
  if (input.periodTitle !== undefined && input.periodTitle.trim() !== "") {
    return `${input.periodTitle.trim()}柔性执法统计报表`;
  }
  if (input.year !== undefined && Number.isInteger(input.year)) return `${input.year}年度柔性执法统计报表`;
  throw new StatisticsExportError("导出统计报表须指定统计年度或统计期间");
}

export function formatChineseDate(value: string): string {
  let date: string;
  try {
    date = chinaDate(value);
  } catch {
    throw new StatisticsExportError(`填报时间无效：${value}`);
  }
  const [y, m, d] = date.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

/** The header fields, each as printed: "填报单位：…", "填报时间：…", "联系电话：…". */
export function headerFields(input: StatisticsFormExportInput): [string, string, string] {
  return [`填报单位：${input.reportingOrganisation}`, `填报时间：${formatChineseDate(input.reportedAt)}`, `联系电话：${input.phone}`];
}

export interface ColumnHeader {
  column: StatisticsColumn;
  label: string;
  unit: string;
  /** The seed's wording on one line: "不予行政处罚（件）". */
  text: string;
}

export const columnHeaders: readonly ColumnHeader[] = statisticsColumnInfo.map((info) => ({
  column: info.column,
  label: info.label,
  unit: info.unit,
  text: `${info.label}（${info.unit}）`,
}));

/** The 15 numbers in the seed's column order; each must be a whole number ≥ 0. */
export function cellValues(input: StatisticsFormExportInput): number[] {
  return columnHeaders.map(({ column, label }) => {
    const cell = input.cells[column];
    const value = typeof cell === "number" ? cell : cell?.value;
    if (value === undefined || !Number.isInteger(value) || value < 0) {
      throw new StatisticsExportError(`“${label}”的数值无效：${String(value)}`);
    }
    return value;
  });
}
