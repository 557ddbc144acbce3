/**
 * Demo statistics: ~200 synthetic cases of the current year (and 80 of the year before) (decisions, measures with written records, deadlines,
 * follow-ups) for the demo organisations, so the form and the dashboard have numbers at first start.
 */
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import type { DemoIds } from "../demo";
import type { AppContext } from "../http/context";
import { demoOrganisationsForCases, generateDemoCases } from "../demo-data/generator";
import { today as todayOf } from "../shared/clock";

export const demoCaseCount = 200;
export const previousYearCount = 80;

export async function seedDemo(ctx: AppContext, tx: Tx, _ids: DemoIds): Promise<void> {
  const today = todayOf(ctx);
  const year = today.slice(0, 4);
  const rowsOf = (r: unknown) => ((r as { rows?: unknown[] }).rows ?? (r as unknown[])) as never[];
  const organisations = await demoOrganisationsForCases(async (text) => rowsOf(await tx.execute(sql.raw(text))));
  const exec = async (text: string) => tx.execute(sql.raw(text));
  await generateDemoCases(exec, { count: demoCaseCount, from: `${year}-01-01`, to: today, tag: "D", organisations }, today);
  // Fewer cases the year before, so the dashboard has a year-on-year change to show.
  await generateDemoCases(
    exec,
    { count: previousYearCount, from: `${Number(year) - 1}-01-01`, to: `${Number(year) - 1}-12-31`, tag: "P", organisations },
    today,
  );
}
