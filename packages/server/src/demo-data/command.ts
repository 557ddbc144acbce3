/**
 * `kuanyan demo-data` — writes synthetic demo cases for demos and benchmarks (all marked is_demo).
 *
 *   kuanyan demo-data [--count 2000] [--from 2025-01-01] [--to <today>] [--tag <letters/digits>]
 *                     [--batch 50000] [--data-dir DIR]        (PostgreSQL: set DATABASE_URL)
 *
 * Creates the demo organisations and users first when the database has none. Cases are spread over
 * the demo agencies and townships and over the dates from … to (default 1 Jan of last year to today),
 * with decisions, soft measures and their written records, correction deadlines and follow-ups.
 * One INSERT … SELECT generate_series per batch: 1,000,000 cases take a few minutes on PostgreSQL.
 */
import { chinaDay } from "@kuanyan/domain/dates";
import { configFromFlags } from "../cli/start";
import { openDatabase, prepareDatabase } from "../bootstrap";
import { createDemoData, hasDemoData } from "../demo";
import { preparePersonalData } from "../pii/setup";
import type { AppContext } from "../http/context";
import { demoOrganisationsForCases, generateDemoCases } from "./generator";

export async function run(flags: Record<string, string | boolean>): Promise<void> {
  const count = flags.count === undefined ? 2000 : Number(flags.count);
  if (!Number.isInteger(count) || count < 1 || count > 50_000_000) {
    console.error("--count 应为 1 至 50000000 之间的整数");
    process.exit(2);
  }
  const today = chinaDay(new Date());
  const from = typeof flags.from === "string" ? flags.from : `${Number(today.slice(0, 4)) - 1}-01-01`;
  const to = typeof flags.to === "string" ? flags.to : today;
  const tag = typeof flags.tag === "string" ? flags.tag : `G${Date.now().toString(36)}`;
  const batchSize = typeof flags.batch === "string" ? Number(flags.batch) : 50_000;

  const config = configFromFlags(flags);
  const { database, release } = await openDatabase(config);
  try {
    await prepareDatabase(database);
    await preparePersonalData(database, config, (m) => console.log(m));
    const ctx: AppContext = { database, config, now: () => new Date() };
    if (!(await hasDemoData(ctx))) {
      console.log("数据库中没有演示单位，先创建演示单位和账号……");
      await createDemoData(ctx);
    }
    const organisations = await demoOrganisationsForCases((text) => database.query(text));
    const started = Date.now();
    await generateDemoCases(
      (text) => database.exec(text),
      {
        count,
        from,
        to,
        tag,
        organisations,
        batchSize,
        onProgress: (done) =>
          console.log(
            `已生成 ${done.toLocaleString("zh-CN")} / ${count.toLocaleString("zh-CN")} 件（${((Date.now() - started) / 1000).toFixed(1)} 秒）`,
          ),
      },
      today,
    );
    await database.exec("ANALYZE cases; ANALYZE measures; ANALYZE case_tasks;");
    console.log(`完成：${count} 件演示案件（${from} 至 ${to}，标记 ${tag}），均标记为演示数据（is_demo）。`);
  } finally {
    await database.close();
    release();
  }
}
