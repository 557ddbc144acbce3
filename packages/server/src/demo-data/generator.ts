/**
 * Synthetic demo cases for demos and benchmarks: cases with decisions, soft measures with their written
 * records, correction deadlines (复查) and follow-ups (回访), matters from the catalogue, all marked
 * `is_demo`. Everything is generated inside PostgreSQL (INSERT … SELECT generate_series, one statement
 * per batch), so a million cases take minutes, not hours. The data is deterministic for a given `tag`:
 * every "random" choice is read from md5(tag, row number).
 *
 * Shapes (per 1,000 cases, roughly): 400 不予处罚 (+100 可以不予), 120 减轻, 160 从轻, 40 不予强制, the rest
 * 依法处罚 / 从重 / 超过时效; 2 % cancelled, 3 % moved to the ordinary procedure, 3 % still at intake;
 * 1 % of decisions without a confirming officer and 3 % of measures without a written record (so the
 * exception lists have something to show); 1 % of measures cancelled.
 */
import { daysBetween, isIsoDate } from "@kuanyan/domain/dates";
import { MATTERS } from "@kuanyan/domain/matters";

/** Runs one SQL text (several statements allowed). */
export type Exec = (sqlText: string) => Promise<unknown>;
/** Runs one query and returns its rows. */
export type Query = <T>(sqlText: string) => Promise<T[]>;

export interface GeneratorOrganisation {
  id: string;
  regionCode: string;
  name: string;
  shortName: string;
  /** A user of the organisation who confirms decisions (or any officer when it has none). */
  userId: string | null;
  /** Relative share of the cases (default 1). */
  weight?: number;
}

export interface GenerateOptions {
  count: number;
  /** First and last day (inclusive) of the decisions. */
  from: string;
  to: string;
  /** Makes case numbers unique and the data reproducible; letters and digits only. */
  tag: string;
  organisations: GeneratorOrganisation[];
  /** Cases per INSERT statement (default 50,000). */
  batchSize?: number;
  /** Called after each batch with the number of cases written so far. */
  onProgress?: (done: number) => void;
}

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

function checkDate(d: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new Error(`日期格式无效：${d}`);
  return d;
}

const surnames = ["林", "陈", "黄", "张", "吴", "李", "王", "郑", "刘", "杨", "罗", "邱", "许", "施", "颜", "丁", "周", "何", "唐", "蔡"];
const words = [
  "鑫达",
  "恒泰",
  "宏盛",
  "永安",
  "金源",
  "瑞丰",
  "华兴",
  "兴隆",
  "建新",
  "明辉",
  "顺发",
  "福源",
  "海峰",
  "润泽",
  "德信",
  "嘉禾",
  "天成",
  "远航",
  "盛世",
  "安泰",
];
const trades = [
  "机械制造有限公司",
  "建材有限公司",
  "木业有限公司",
  "食品有限公司",
  "纺织有限公司",
  "物流有限公司",
  "商贸有限公司",
  "五金加工厂",
  "竹木制品有限公司",
  "餐饮管理有限公司",
  "服装有限公司",
  "石材有限公司",
  "鞋业有限公司",
  "塑料制品有限公司",
  "汽车维修有限公司",
  "仓储有限公司",
];
const givenNames = ["志强", "丽华", "建平", "秀英", "文彬", "海燕", "国平", "明", "伟民", "晓东"];

/** The soft measures a case may get: method, chance (per mille), max persons (人次 columns), days after the decision. */
const measurePlan: [method: string, perMille: number, maxPersons: number, daysAfter: number, text: string][] = [
  ["persuasion", 700, 1, 0, "执法人员向当事人负责人%s开展说服教育，讲解违法行为的危害和相关法律规定，当事人表示认识到错误并承诺立即整改。"],
  ["administrativeWarning", 300, 1, 0, "执法人员向当事人送达行政告诫书，告诫其不得再次违法，并告知再次违法的法律后果，当事人%s签收。"],
  ["administrativeGuidance", 150, 5, 3, "执法人员上门对当事人安全管理人员开展行政指导，指导建立健全安全生产管理制度，负责人%s等参加。"],
  ["administrativeReminder", 100, 3, 1, "执法人员向当事人送达行政提示书，提示其按期完成整改并做好记录，负责人%s签收。"],
  ["administrativeInterview", 80, 1, 2, "执法人员约谈当事人主要负责人%s，指出存在问题，听取整改计划，制作约谈笔录。"],
  ["followUpVisit", 400, 1, 30, "执法人员对当事人进行回访，核实整改落实情况，当事人负责人%s对执法人员执法行为评价为满意。"],
  ["guidanceDemonstration", 50, 1, 5, "执法人员到当事人现场开展劝导示范，现场演示隐患排查和应急处置，负责人%s参加。"],
  ["administrativeAdvice", 50, 4, 7, "执法人员向当事人制发行政执法建议书，建议完善教育培训和隐患排查制度，负责人%s签收。"],
  ["administrativeReward", 20, 2, 40, "当事人整改到位并主动消除隐患，经评定给予行政奖励（通报表扬），负责人%s领取。"],
  ["administrativeSettlement", 10, 1, 10, "经执法人员主持，当事人与相关方就整改和赔偿事项达成行政和解协议，负责人%s签字确认。"],
  ["other", 20, 1, 5, "执法人员对当事人开展公益抵罚宣传等其他柔性执法活动，负责人%s参加。"],
];

function valuesList(rows: string[][]): string {
  return rows.map((r) => `(${r.join(", ")})`).join(",\n");
}

/**
 * One INSERT statement creating cases number `first` … `last` (inclusive), their measures and tasks.
 * `r(n)` is the n-th pseudo-random integer (0 … 2^28-1) of the row.
 */
export function batchSql(options: GenerateOptions, first: number, last: number, today: string): string {
  const from = checkDate(options.from);
  const to = checkDate(options.to);
  if (!/^[A-Za-z0-9]+$/.test(options.tag)) throw new Error("tag 只能包含字母和数字");
  const orgRows: string[][] = [];
  for (const o of options.organisations) {
    const w = Math.max(1, Math.round(o.weight ?? 1));
    for (let k = 0; k < w; k++) {
      orgRows.push([
        String(orgRows.length),
        `${q(o.id)}::uuid`,
        q(o.regionCode),
        q(o.shortName),
        q(o.name.replace(/(人民政府|应急管理局|市场监督管理局|交通运输局|城市管理局)$/, "")),
        o.userId ? `${q(o.userId)}::uuid` : "NULL::uuid",
      ]);
    }
  }
  if (orgRows.length === 0) throw new Error("没有可生成演示案件的单位");
  const matterRows = MATTERS.map((m, i) => [
    String(i),
    q(m.code),
    q(m.name),
    String(m.fineRange?.minYuan ?? 0),
    String(m.fineRange?.maxYuan ?? 50000),
  ]);
  const arr = (xs: string[]) => `ARRAY[${xs.map(q).join(",")}]`;
  const plan = valuesList(measurePlan.map(([method, pm, maxP, days, text]) => [q(method), String(pm), String(maxP), String(days), q(text)]));
  const tag = options.tag;
  // Cases are entered over time, so the table is roughly in date order (as in production): the n-th
  // case of `count` is decided around from + n/count of the days, give or take three days.
  if (!isIsoDate(from) || !isIsoDate(to)) throw new Error(`日期范围无效：${from} 至 ${to}`);
  const days = daysBetween(from, to) + 1;
  if (!(days >= 1)) throw new Error(`日期范围无效：${from} 至 ${to}`);
  const total = Math.max(options.count, last);
  // Pseudo-random integers from md5(tag:i): 4 per md5, 7 hex digits each.
  const r = (n: number, src = "s.md") => `(('x' || lpad(substr(${src}, ${1 + (n % 4) * 8}, 7), 8, '0'))::bit(32)::int)`;
  return `
WITH defer AS MATERIALIZED (SELECT set_config('kuanyan.defer_statistics', 'on', true) AS deferred),
orgs(idx, id, region_code, short_name, place, user_id) AS (VALUES ${valuesList(orgRows)}),
matters(idx, code, name, fine_min, fine_max) AS (VALUES ${valuesList(matterRows)}),
plan(method, per_mille, max_persons, days_after, text) AS (VALUES ${plan}),
s AS (
  SELECT i, md5(${q(tag)} || ':' || i) AS md, md5(${q(tag)} || '+' || i) AS md2
  -- Joined with "defer" so that the statistics triggers of this statement wait (see generateDemoCases).
  FROM generate_series(${first}, ${last}) AS i CROSS JOIN defer
),
base AS (
  SELECT s.i, o.id AS organisation_id, o.region_code, o.short_name, o.place, o.user_id, m.code AS matter_code, m.name AS matter_name,
         m.fine_min, m.fine_max,
         (${q(from)}::date + least(greatest(((s.i - 1)::bigint * ${days} / ${total})::int + ${r(0)} % 7 - 3, 0), ${days - 1}))::date AS decided_on,
         ${r(1)} % 1000 AS outcome_roll,
         ${r(2)} % 100 AS status_roll,
         ${r(3)} AS misc,
         ${r(0, "s.md2")} AS misc2,
         ${r(1, "s.md2")} AS misc3
  FROM s
  JOIN orgs o ON o.idx = ${r(0, "s.md2")} % ${orgRows.length}
  JOIN matters m ON m.idx = ${r(2, "s.md2")} % ${matterRows.length}
),
shaped AS (
  SELECT b.*,
    CASE WHEN b.outcome_roll < 400 THEN 'no_penalty' WHEN b.outcome_roll < 500 THEN 'may_waive'
         WHEN b.outcome_roll < 620 THEN 'mitigated' WHEN b.outcome_roll < 780 THEN 'lighter'
         WHEN b.outcome_roll < 820 THEN 'no_compulsion' WHEN b.outcome_roll < 940 THEN 'ordinary'
         WHEN b.outcome_roll < 970 THEN 'heavier' ELSE 'time_barred' END AS outcome,
    CASE WHEN b.status_roll < 2 THEN 'cancelled' WHEN b.status_roll < 5 THEN 'transferred'
         WHEN b.status_roll < 8 THEN 'intake'
         WHEN b.status_roll < 35 OR b.decided_on > ${q(today)}::date - 45 THEN 'in_progress' ELSE 'closed' END AS status,
    (${arr(surnames)})[1 + b.misc % ${surnames.length}] || (${arr(givenNames)})[1 + (b.misc / 7) % ${givenNames.length}] AS contact,
    b.place || (${arr(words)})[1 + (b.misc / 101) % ${words.length}] || (${arr(trades)})[1 + (b.misc / 3) % ${trades.length}] AS enterprise
  FROM base b
),
ins AS (
  INSERT INTO cases (region_code, organisation_id, case_no, status, route, party_type, party_name, party_address, party_contact,
    party_phone_masked, industry_category, matter_code, matter_name, facts, act_date, discovered_on, circumstances, inspection,
    proposed_outcome, decided_outcome, departure_reason, decided_by, decided_on, fine_yuan, benchmark_fine_yuan, party_choice,
    termination_reason, correction_due, corrected_on, closed_at, reopen_count, is_demo, created_by, created_at, updated_at)
  SELECT x.region_code, x.organisation_id,
    x.short_name || '柔〔' || extract(year FROM x.decided_on)::int || '〕' || ${q(tag)} || '-' || x.i || '号',
    x.status,
    CASE WHEN x.status = 'transferred' THEN 'ordinary'
         WHEN x.outcome IN ('no_penalty', 'may_waive', 'no_compulsion') THEN 'caution'
         WHEN x.outcome IN ('mitigated', 'lighter') THEN 'summary' ELSE 'ordinary' END,
    CASE WHEN x.misc % 10 = 0 THEN 'individual' ELSE 'enterprise' END,
    CASE WHEN x.misc % 10 = 0 THEN x.contact ELSE x.enterprise END,
    x.place || '工业园区' || (1 + x.misc % 60) || '号',
    x.contact,
    -- Synthetic numbers, kept masked only (no clear or encrypted value: nothing to protect, nothing to find).
    '13' || left(lpad((x.misc % 1000000000)::text, 9, '0'), 1) || '****' || right(lpad((x.misc % 1000000000)::text, 9, '0'), 4),
    (ARRAY['制造业', '批发和零售业', '住宿和餐饮业', '交通运输、仓储和邮政业', '建筑业'])[1 + x.misc % 5],
    x.matter_code, x.matter_name,
    '经现场检查，' || CASE WHEN x.misc % 10 = 0 THEN x.contact ELSE x.enterprise END || '存在“' || x.matter_name || '”的违法行为。',
    x.decided_on - (12 + x.misc % 40), x.decided_on - (1 + x.misc % 9),
    jsonb_build_object('firstOffence', x.misc % 17 <> 0, 'harm', CASE WHEN x.misc % 11 = 0 THEN 'minor' ELSE 'none' END, 'corrected', x.misc % 4 <> 0),
    jsonb_build_object('officers', 2, 'place', x.place),
    x.outcome,
    CASE WHEN x.status = 'intake' THEN NULL ELSE x.outcome END,
    NULL,
    CASE WHEN x.status = 'intake' OR x.misc3 % 100 = 0 THEN NULL ELSE x.user_id END,
    CASE WHEN x.status = 'intake' THEN NULL ELSE x.decided_on END,
    CASE WHEN x.status = 'intake' THEN NULL
         WHEN x.outcome IN ('no_penalty', 'may_waive', 'no_compulsion', 'time_barred') THEN 0
         WHEN x.outcome = 'mitigated' THEN round(x.fine_max * 0.05 * (1 + x.misc % 3))
         WHEN x.outcome = 'lighter' THEN round(x.fine_max * (0.15 + (x.misc % 10) / 100.0))
         WHEN x.outcome = 'heavier' THEN round(x.fine_max * 0.85)
         ELSE round((x.fine_min + x.fine_max) / 2.0) END,
    -- The benchmark fine fixed at the decision: a discretion amount for some, else the range's midpoint.
    CASE WHEN x.status = 'intake' THEN NULL WHEN x.misc2 % 10 < 3 THEN round(x.fine_max * 0.4)
         ELSE round((x.fine_min + x.fine_max) / 2.0, 2) END,
    CASE WHEN x.status = 'transferred' THEN 'ordinary_procedure' WHEN x.status = 'intake' THEN NULL ELSE 'accept_soft' END,
    CASE WHEN x.status = 'transferred' THEN '当事人选择普通程序' WHEN x.status = 'cancelled' THEN '立案信息错误，予以撤销' ELSE NULL END,
    CASE WHEN x.status <> 'intake' AND x.misc % 10 < 7 THEN x.decided_on + (7 + x.misc % 24) ELSE NULL END,
    CASE WHEN x.status <> 'intake' AND x.misc % 10 < 7 AND x.misc2 % 100 < 87 AND x.decided_on + (7 + x.misc % 24) - (x.misc2 % 5) <= ${q(today)}::date
           THEN x.decided_on + (7 + x.misc % 24) - (x.misc2 % 5)
         WHEN x.status <> 'intake' AND x.misc % 10 < 7 AND x.misc2 % 100 < 92 AND x.decided_on + (7 + x.misc % 24) + 4 <= ${q(today)}::date
           THEN x.decided_on + (7 + x.misc % 24) + 4
         ELSE NULL END,
    CASE WHEN x.status = 'closed' THEN (x.decided_on + 40)::timestamp AT TIME ZONE 'Asia/Shanghai' ELSE NULL END,
    CASE WHEN x.status_roll BETWEEN 40 AND 41 THEN 1 ELSE 0 END,
    true, x.user_id,
    (x.decided_on - (1 + x.misc % 9))::timestamp AT TIME ZONE 'Asia/Shanghai',
    now()
  FROM shaped x
  RETURNING id, case_no, region_code, organisation_id, status, decided_on, decided_outcome, party_contact, correction_due, corrected_on, created_by
),
ms AS (
  INSERT INTO measures (region_code, organisation_id, case_id, method, carried_out_on, persons, written_record, cancelled, is_demo, created_by)
  SELECT c.region_code, c.organisation_id, c.id, p.method,
    least(c.decided_on + p.days_after, ${q(today)}::date),
    CASE WHEN p.max_persons > 1 THEN 1 + (('x' || substr(md5(c.case_no || p.method), 9, 7))::bit(28)::int % p.max_persons) ELSE 1 END,
    CASE WHEN ('x' || substr(md5(c.case_no || p.method), 17, 7))::bit(28)::int % 100 < 3 THEN NULL
         ELSE to_char(least(c.decided_on + p.days_after, ${q(today)}::date), 'YYYY"年"FMMM"月"FMDD"日"') || '，' || replace(p.text, '%s', c.party_contact) END,
    ('x' || substr(md5(c.case_no || p.method), 25, 7))::bit(28)::int % 100 = 0,
    true, c.created_by
  FROM ins c
  JOIN plan p ON ('x' || substr(md5(c.case_no || p.method), 1, 7))::bit(28)::int % 1000 < p.per_mille
  WHERE c.decided_on IS NOT NULL
    AND (p.method <> 'followUpVisit' OR c.status = 'closed')
    AND c.decided_on + p.days_after <= ${q(today)}::date + 0
  RETURNING id
),
reinspections AS (
  INSERT INTO case_tasks (region_code, organisation_id, case_id, kind, due_on, done_on, result, done_by)
  SELECT c.region_code, c.organisation_id, c.id, 'reinspection', c.correction_due, c.corrected_on,
    CASE WHEN c.corrected_on IS NULL THEN NULL ELSE jsonb_build_object('corrected', true, 'note', '经复查，已按要求完成整改') END,
    CASE WHEN c.corrected_on IS NULL THEN NULL ELSE c.created_by END
  FROM ins c WHERE c.correction_due IS NOT NULL AND c.status NOT IN ('cancelled', 'transferred')
  RETURNING id
)
INSERT INTO case_tasks (region_code, organisation_id, case_id, kind, due_on, done_on, result, done_by)
SELECT c.region_code, c.organisation_id, c.id, 'follow_up', c.decided_on + 30,
  CASE WHEN c.decided_on + 30 <= ${q(today)}::date AND ('x' || substr(md5(c.case_no), 1, 7))::bit(28)::int % 10 < 8 THEN c.decided_on + 30 ELSE NULL END,
  CASE WHEN c.decided_on + 30 <= ${q(today)}::date AND ('x' || substr(md5(c.case_no), 1, 7))::bit(28)::int % 10 < 8
       THEN jsonb_build_object('evaluation', '满意', 'note', '当事人已整改到位') ELSE NULL END,
  NULL
FROM ins c
WHERE c.decided_on IS NOT NULL AND c.status IN ('in_progress', 'closed')
  AND ('x' || substr(md5(c.case_no), 9, 7))::bit(28)::int % 10 < 5;
`;
}

/** Writes `count` synthetic cases in batches. Returns the number of cases written. */
export async function generateDemoCases(exec: Exec, options: GenerateOptions, today: string): Promise<number> {
  if (!Number.isInteger(options.count) || options.count < 0) throw new Error(`案件数量无效：${options.count}`);
  checkDate(today);
  const batch = Math.max(1, options.batchSize ?? 50_000);
  let done = 0;
  while (done < options.count) {
    const n = Math.min(batch, options.count - done);
    await exec(batchSql(options, done + 1, done + n, today));
    done += n;
    options.onProgress?.(done);
  }
  // The batches deferred the statistics triggers (recounting every day of every batch would be
  // quadratic); one recount of the daily totals (migration 0007) instead, and the triggers back on for
  // the rest of the caller's transaction.
  await exec("SELECT set_config('kuanyan.defer_statistics', 'off', true), statistics_rebuild_totals()");
  return done;
}

/** The demo organisations that handle cases (agencies and townships), each with a user to confirm decisions. */
export async function demoOrganisationsForCases(query: Query): Promise<GeneratorOrganisation[]> {
  const rows = await query<{ id: string; region_code: string; name: string; short_name: string; user_id: string | null; fallback: string | null }>(`
    SELECT o.id::text, o.region_code, o.name, o.short_name,
      (SELECT u.id::text FROM users u WHERE u.organisation_id = o.id AND 'officer' = ANY(u.roles) ORDER BY u.username LIMIT 1) AS user_id,
      (SELECT u.id::text FROM users u WHERE u.organisation_id = o.id ORDER BY u.username LIMIT 1) AS fallback
    FROM organisations o
    WHERE o.is_demo AND o.kind IN ('agency', 'township')
    ORDER BY o.region_code, o.name`);
  const [anyOfficer] = await query<{ id: string }>(`SELECT id::text FROM users WHERE is_demo AND 'officer' = ANY(roles) ORDER BY username LIMIT 1`);
  return rows.map((r) => ({
    id: r.id,
    regionCode: r.region_code,
    name: r.name,
    shortName: r.short_name,
    userId: r.user_id ?? r.fallback ?? anyOfficer?.id ?? null,
    // County agencies handle most cases; city-level and township bodies fewer.
    weight: r.region_code.length === 9 ? 1 : r.region_code.endsWith("00") ? 2 : 3,
  }));
}
