/**
 * Use case: the to-do list of the home page (工作台待办), per role and within the user's data scope:
 * - 执法人员: his cases with a 改正期限, 复查 or 回访 due within 7 days or overdue;
 * - 法制审核人员: cases (and list versions) waiting for 法制审核;
 * - 单位管理员 (the unit's head in this system): list versions approved and waiting to be published,
 *   the unit's overdue cases, and the statistics reports the unit has to file;
 * - 清单管理员: list versions in draft or returned by the reviewer;
 * - 司法局监督人员: decisions that departed from the engine's proposal.
 * It reads only: the queues come from the modules' own queries (cases/queries.ts, lists/queries.ts,
 * supervision/*) wherever one exists.
 */
import { and, asc, eq, gte, inArray, isNull, lte, notInArray, or, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { ZTodo, ZTodoItem, ZTodoSection } from "@kuanyan/contract/home";
import { writableOrganisations, type Role } from "@kuanyan/domain/organisations";
import { reportKindLabels, type ReportKind } from "@kuanyan/domain/statistics";
import { caseTaskKindLabels } from "@kuanyan/domain/supervision";
import { loadOrgNodes, readScope, requireAuth } from "../access";
import { overdueBoard, reviewQueue as caseReviewQueue } from "../cases/queries";
import { today as todayOf } from "../shared/clock";
import { caseTasks, cases, lists, listVersions, organisations, statisticsReports } from "../db/schema";
import type { AppContext, Auth } from "../http/context";
import { reviewQueue as listReviewQueue } from "../lists/queries";
import { reportingKinds, reportsDueBy } from "../supervision/getOverview";
import { listDepartures } from "../supervision/listDepartures";

type Item = z.infer<typeof ZTodoItem>;
type Section = z.infer<typeof ZTodoSection>;

/** Days ahead in which a deadline counts as due soon. */
export const horizonDays = 7;
/** Entries shown per section (the count says how many there are). */
export const itemsPerSection = 20;

const openStatuses = ["intake", "decided", "in_progress"];

export const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

function item(fields: Omit<Item, "overdue" | "daysLate">, on: string): Item {
  const late = fields.dueOn && fields.dueOn < on ? daysBetween(fields.dueOn, on) : 0;
  return { ...fields, overdue: late > 0, daysLate: late };
}

function section(key: Section["key"], role: Role, title: string, link: string, all: Item[]): Section {
  return { key, role, title, link, count: all.length, overdue: all.filter((i) => i.overdue).length, items: all.slice(0, itemsPerSection) };
}

const byDue = (a: Item, b: Item) => (a.dueOn ?? "9999").localeCompare(b.dueOn ?? "9999");

/** 执法人员: his own cases (made by him or with him among the inspecting officers). */
async function officerDeadlines(ctx: AppContext, auth: Auth, on: string, horizon: string): Promise<Section> {
  const { db } = ctx.database;
  const scope = await readScope(db, auth);
  const mine: SQL = and(
    scope === "all" ? undefined : inArray(cases.organisationId, [...scope]),
    or(eq(cases.createdBy, auth.userId), sql`${cases.inspection} -> 'officerIds' @> ${JSON.stringify([auth.userId])}::jsonb`),
  )!;
  const label = {
    correction_not_corrected: "改正期限",
    reinspection: caseTaskKindLabels.reinspection,
    follow_up: caseTaskKindLabels.follow_up,
  } as const;
  const kindOf = { correction_not_corrected: "correction", reinspection: "reinspection", follow_up: "follow_up" } as const;

  // Overdue: the overdue board (cases/queries.ts), narrowed to his cases.
  const myIds = new Set((await db.select({ id: cases.id }).from(cases).where(mine)).map((r) => r.id));
  const overdue = (await overdueBoard(ctx, auth)).items
    .filter((i) => myIds.has(i.caseId))
    .map((i) =>
      item(
        {
          kind: kindOf[i.kind],
          label: label[i.kind],
          title: `${i.caseNo} ${i.partyName}`,
          detail: i.matterName,
          dueOn: i.dueOn,
          link: `/cases/${i.caseId}`,
        },
        on,
      ),
    );

  // Due soon (today … today + 7): open 复查 / 回访 tasks, and correction deadlines without an open task.
  const tasks = await db
    .select({ t: caseTasks, c: cases })
    .from(caseTasks)
    .innerJoin(cases, eq(cases.id, caseTasks.caseId))
    .where(
      and(
        mine,
        isNull(caseTasks.doneOn),
        gte(caseTasks.dueOn, on),
        lte(caseTasks.dueOn, horizon),
        notInArray(cases.status, ["cancelled", "transferred"]),
      ),
    );
  const corrections = await db
    .select({ c: cases })
    .from(cases)
    .where(
      and(
        mine,
        gte(cases.correctionDue, on),
        lte(cases.correctionDue, horizon),
        isNull(cases.correctedOn),
        inArray(cases.status, openStatuses),
        sql`not exists (select 1 from ${caseTasks} where ${caseTasks.caseId} = ${cases.id} and ${caseTasks.doneOn} is null)`,
      ),
    );
  const soon = [
    ...tasks.map(({ t, c }) => {
      const kind = t.kind === "reinspection" ? "reinspection" : "follow_up";
      return item(
        { kind, label: label[kind], title: `${c.caseNo} ${c.partyName}`, detail: c.matterName, dueOn: t.dueOn, link: `/cases/${c.id}` },
        on,
      );
    }),
    ...corrections.map(({ c }) =>
      item(
        {
          kind: "correction",
          label: label.correction_not_corrected,
          title: `${c.caseNo} ${c.partyName}`,
          detail: c.matterName,
          dueOn: c.correctionDue,
          link: `/cases/${c.id}`,
        },
        on,
      ),
    ),
  ];
  return section("deadlines", "officer", "我的案件期限（7日内到期及已逾期）", "/cases?tab=overdue", [...overdue, ...soon].sort(byDue));
}

async function caseReviews(ctx: AppContext, auth: Auth, on: string): Promise<Section> {
  const { items } = await caseReviewQueue(ctx, auth);
  return section(
    "case_reviews",
    "legalReviewer",
    "待法制审核的案件",
    "/cases?tab=review",
    items.map((c) =>
      item(
        {
          kind: "case_review",
          label: c.route === "escalated" ? "疑难问题" : "待审核",
          title: `${c.caseNo} ${c.partyName}`,
          detail: `${c.organisationName ?? ""}：${c.matterName}`,
          dueOn: null,
          link: `/cases/${c.id}`,
        },
        on,
      ),
    ),
  );
}

async function listReviews(ctx: AppContext, auth: Auth, on: string): Promise<Section> {
  const items = await listReviewQueue(ctx.database.db, auth, on);
  return section(
    "list_reviews",
    "legalReviewer",
    "待合法性审核的清单",
    "/lists",
    items.map((v) =>
      item(
        {
          kind: "list_review",
          label: "待审核",
          title: v.title,
          detail: `${v.organisationName}：${v.typeLabel}（第${v.versionNo}版）`,
          dueOn: null,
          link: `/lists/${v.listId}`,
        },
        on,
      ),
    ),
  );
}

/** List versions of the organisations the user may write, in the given statuses. */
async function writableVersions(ctx: AppContext, auth: Auth, statuses: string[]) {
  const { db } = ctx.database;
  const writable = writableOrganisations(auth, await loadOrgNodes(db));
  const rows = await db
    .select({ v: listVersions, l: lists, orgName: organisations.name })
    .from(listVersions)
    .innerJoin(lists, eq(lists.id, listVersions.listId))
    .innerJoin(organisations, eq(organisations.id, lists.organisationId))
    .where(inArray(listVersions.status, statuses))
    .orderBy(asc(listVersions.updatedAt));
  return rows.filter((r) => writable === "all" || writable.has(r.l.organisationId));
}

async function approvals(ctx: AppContext, auth: Auth, on: string): Promise<Section> {
  const rows = await writableVersions(ctx, auth, ["approved"]);
  return section(
    "approvals",
    "orgAdmin",
    "审核通过、待发布的清单",
    "/lists",
    rows.map(({ v, l, orgName }) =>
      item(
        {
          kind: "list_to_publish",
          label: "待发布",
          title: v.title,
          detail: `${orgName}：第${v.versionNo}版已通过合法性审核`,
          dueOn: null,
          link: `/lists/${l.id}`,
        },
        on,
      ),
    ),
  );
}

async function unitOverdue(ctx: AppContext, auth: Auth, on: string): Promise<Section> {
  const { items } = await overdueBoard(ctx, auth);
  const label = { correction_not_corrected: "改正逾期", reinspection: "复查逾期", follow_up: "回访逾期" } as const;
  return section(
    "unit_overdue",
    "orgAdmin",
    "本单位逾期案件",
    "/cases?tab=overdue",
    items.map((i) =>
      item(
        {
          kind: "case_overdue",
          label: label[i.kind],
          title: `${i.caseNo} ${i.partyName}`,
          detail: `${i.organisationName}：${i.matterName}`,
          dueOn: i.dueOn,
          link: `/cases/${i.caseId}`,
        },
        on,
      ),
    ),
  );
}

async function listsWaiting(ctx: AppContext, auth: Auth, on: string): Promise<Section> {
  const rows = await writableVersions(ctx, auth, ["draft"]);
  return section(
    "lists_waiting",
    "listManager",
    "待提交的清单（草稿、被退回）",
    "/lists",
    rows.map(({ v, l, orgName }) => {
      const reviews = (v.reviewComments as { decision?: string; comments?: string }[]) ?? [];
      const last = reviews.at(-1);
      const returned = last?.decision === "returned";
      return item(
        {
          kind: returned ? "list_returned" : "list_draft",
          label: returned ? "被退回" : "草稿",
          title: v.title,
          detail: returned ? `${orgName}：退回意见：${last?.comments ?? ""}` : `${orgName}：第${v.versionNo}版草稿，待提交合法性审核`,
          dueOn: null,
          link: `/lists/${l.id}`,
        },
        on,
      );
    }),
  );
}

function periodLabel(kind: ReportKind, periodKey: string): string {
  const year = periodKey.slice(0, 4);
  if (kind === "monthly") return `${year}年${Number(periodKey.slice(5, 7))}月${reportKindLabels.monthly}`;
  if (kind === "half_year") return `${year}年上半年${reportKindLabels.half_year}`;
  return `${year}年${reportKindLabels.annual}`;
}

/** The unit's statistics reports due by today + 7 days (this year) and not yet submitted. */
async function reportsToFile(ctx: AppContext, auth: Auth, on: string, horizon: string): Promise<Section> {
  const { db } = ctx.database;
  const [org] = await db
    .select({ kind: organisations.kind, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, auth.organisationId));
  let all: Item[] = [];
  if (org && reportingKinds.has(org.kind)) {
    const due = new Map<string, { kind: ReportKind; periodKey: string; dueDate: string }>();
    for (const d of [...reportsDueBy(on), ...reportsDueBy(horizon)]) if (d.dueDate <= horizon) due.set(`${d.kind}|${d.periodKey}`, d);
    const submitted = new Set(
      (
        await db
          .select({ kind: statisticsReports.kind, key: statisticsReports.periodKey })
          .from(statisticsReports)
          .where(eq(statisticsReports.organisationId, auth.organisationId))
      ).map((r) => `${r.kind}|${r.key}`),
    );
    all = [...due.entries()]
      .filter(([k]) => !submitted.has(k))
      .map(([, d]) =>
        item(
          {
            kind: "statistics_report",
            label: reportKindLabels[d.kind],
            title: periodLabel(d.kind, d.periodKey),
            detail: `${org.name}：待报送`,
            dueOn: d.dueDate,
            link: "/statistics",
          },
          on,
        ),
      )
      .sort(byDue);
  }
  return section("statistics_reports", "orgAdmin", "待报送的统计报表", "/statistics", all);
}

async function departures(ctx: AppContext, auth: Auth, on: string): Promise<Section> {
  const { groups } = await listDepartures(ctx, auth, {});
  const all = groups
    .flatMap((g) => g.departures.map((d) => ({ d, g })))
    .sort((a, b) => (b.d.decidedOn ?? "").localeCompare(a.d.decidedOn ?? ""))
    .map(({ d, g }) =>
      item(
        {
          kind: "departure",
          label: g.differentOutcomes ? "同案不同罚" : "偏离建议",
          title: `${d.caseNo} ${d.partyName}`,
          detail: `${d.organisationName}：${g.matterName}，系统建议${d.proposedLabel ?? "—"}，决定${d.decidedLabel ?? "—"}`,
          dueOn: null,
          link: `/cases/${d.caseId}`,
        },
        on,
      ),
    );
  return section("departures", "justiceSupervisor", "偏离系统建议的处理决定", "/supervision?tab=departures", all);
}

export async function getTodo(ctx: AppContext, authIn: Auth | null): Promise<z.infer<typeof ZTodo>> {
  const auth = requireAuth(authIn);
  const on = todayOf(ctx);
  const horizon = addDays(on, horizonDays);
  const has = (r: Role) => auth.roles.includes(r);
  const sections: Section[] = [];
  if (has("officer")) sections.push(await officerDeadlines(ctx, auth, on, horizon));
  if (has("legalReviewer")) sections.push(await caseReviews(ctx, auth, on), await listReviews(ctx, auth, on));
  if (has("orgAdmin")) sections.push(await approvals(ctx, auth, on), await unitOverdue(ctx, auth, on), await reportsToFile(ctx, auth, on, horizon));
  if (has("listManager")) sections.push(await listsWaiting(ctx, auth, on));
  if (has("justiceSupervisor")) sections.push(await departures(ctx, auth, on));
  return { today: on, horizon, sections };
}
