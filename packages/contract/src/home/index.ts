/**
 * 工作台 API (packages/server/src/home/routes.ts): the to-do list of the user, per role and within his
 * data scope. Each entry links to its record (a path of the console).
 */
import { z } from "zod";
import { roles } from "@kuanyan/domain/organisations";

export const todoKinds = [
  "correction", // 改正期限
  "reinspection", // 复查
  "follow_up", // 回访
  "case_review", // 法制审核：案件
  "list_review", // 法制审核：清单
  "list_to_publish", // 审核通过待发布
  "case_overdue", // 本单位逾期
  "list_draft", // 草稿
  "list_returned", // 被退回
  "statistics_report", // 统计报表待报送
  "departure", // 偏离系统建议
] as const;
export const ZTodoKind = z.enum(todoKinds);

export const todoSectionKeys = [
  "deadlines",
  "case_reviews",
  "list_reviews",
  "approvals",
  "unit_overdue",
  "lists_waiting",
  "statistics_reports",
  "departures",
] as const;
export const ZTodoSectionKey = z.enum(todoSectionKeys);

export const ZTodoItem = z.object({
  kind: ZTodoKind,
  /** What the entry is, e.g. "回访", "待审核". */
  label: z.string(),
  /** The record: case number and party, list title, report period. */
  title: z.string(),
  /** One line of context (matter, organisation, what to do). */
  detail: z.string(),
  /** The deadline, when there is one (YYYY-MM-DD). */
  dueOn: z.string().nullable(),
  /** Past its deadline. */
  overdue: z.boolean(),
  /** Days past the deadline (0 when not overdue or no deadline). */
  daysLate: z.number().int(),
  /** Where the record is shown in the console, e.g. /cases/<id>. */
  link: z.string(),
});

export const ZTodoSection = z.object({
  key: ZTodoSectionKey,
  /** The role the section belongs to. */
  role: z.enum(roles),
  title: z.string(),
  /** How many entries there are in all (the items are the first ones). */
  count: z.number().int(),
  /** How many of them are overdue. */
  overdue: z.number().int(),
  /** The page with the full list. */
  link: z.string(),
  items: z.array(ZTodoItem),
});

export const ZTodo = z.object({
  today: z.string(),
  /** Deadlines up to this day count as due soon (today + 7 days). */
  horizon: z.string(),
  sections: z.array(ZTodoSection),
});
export type Todo = z.infer<typeof ZTodo>;
export type TodoSection = z.infer<typeof ZTodoSection>;
export type TodoItem = z.infer<typeof ZTodoItem>;
