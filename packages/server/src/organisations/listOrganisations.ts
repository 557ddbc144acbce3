/** 可见的单位: the organisations the user may read, with their region's name. */
import { eq, inArray } from "drizzle-orm";
import type { Organisation } from "@kuanyan/contract/organisations";
import { organisations, regions } from "../db/schema";
import { readScope } from "../access";
import type { AppContext, Auth } from "../http/context";
import { presentOrganisation } from "./present";

export async function listOrganisations(ctx: AppContext, auth: Auth): Promise<{ items: Organisation[] }> {
  const { db } = ctx.database;
  const scope = await readScope(db, auth);
  const rows = await db
    .select({ o: organisations, regionName: regions.name })
    .from(organisations)
    .leftJoin(regions, eq(regions.code, organisations.regionCode))
    .where(scope === "all" ? undefined : inArray(organisations.id, [...scope]))
    .orderBy(organisations.regionCode, organisations.name);
  return { items: rows.map((r) => presentOrganisation(r.o, r.regionName)) };
}
