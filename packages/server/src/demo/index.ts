import { eq } from "drizzle-orm";
import type { Tx } from "../db/client";
import { organisations, users } from "../db/schema";
import { recordAudit } from "../audit/record";
import { hashPassword } from "../auth/passwords";
import { userPhoneColumns } from "../pii/values";
import type { AppContext } from "../http/context";
import { DEMO_PASSWORD, demoOrganisations, demoUsers } from "./organisations";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { moduleFiles } from "../http/modules";

export interface DemoIds {
  orgs: Map<string, { id: string; regionCode: string }>;
  users: Map<string, { id: string; displayName: string; organisationId: string }>;
}

/**
 * A module adds its demo records (lists, cases, documents …) with a file src/<module>/demo.ts
 * exporting `seedDemo(ctx, tx, ids)`. They run in the order of `demoOrder`, then the rest by name.
 */
export type DemoSeeder = (ctx: AppContext, tx: Tx, ids: DemoIds) => Promise<void>;
const demoOrder = ["laws", "matters", "lists", "cases", "documents", "statistics", "inspections", "hazards"];

async function moduleSeeders(): Promise<{ name: string; seed: DemoSeeder }[]> {
  const out: { name: string; seed: DemoSeeder }[] = [];
  for (const file of moduleFiles("demo.ts")) {
    const name = path.basename(path.dirname(file));
    const mod = (await import(pathToFileURL(file).href)) as { seedDemo?: DemoSeeder };
    if (mod.seedDemo) out.push({ name, seed: mod.seedDemo });
  }
  const rank = (n: string) => (demoOrder.includes(n) ? demoOrder.indexOf(n) : demoOrder.length);
  return out.sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}

export async function hasDemoData(ctx: AppContext): Promise<boolean> {
  const rows = await ctx.database.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.isDemo, true)).limit(1);
  return rows.length > 0;
}

/** Creates the demo organisations, users and every module's demo records, all marked as demo. */
export async function createDemoData(ctx: AppContext): Promise<DemoIds> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return ctx.database.db.transaction(async (tx) => {
    const ids: DemoIds = { orgs: new Map(), users: new Map() };
    for (const o of demoOrganisations) {
      const parent = o.parent ? ids.orgs.get(o.parent) : undefined;
      const [row] = await tx
        .insert(organisations)
        .values({
          name: o.name,
          shortName: o.shortName,
          regionCode: o.regionCode,
          domain: o.domain,
          kind: o.kind,
          parentId: parent?.id ?? null,
          contactPerson: o.contactPerson ?? null,
          contactPhone: o.contactPhone ?? null,
          isDemo: true,
        })
        .returning();
      ids.orgs.set(o.name, { id: row.id, regionCode: row.regionCode });
    }
    for (const u of demoUsers) {
      const org = ids.orgs.get(u.organisation)!;
      const [row] = await tx
        .insert(users)
        .values({
          username: u.username,
          displayName: u.displayName,
          organisationId: org.id,
          regionCode: org.regionCode,
          roles: u.roles,
          licenceNo: u.licenceNo ?? null,
          ...userPhoneColumns(u.phone),
          passwordHash,
          isDemo: true,
        })
        .returning();
      ids.users.set(u.username, { id: row.id, displayName: row.displayName, organisationId: org.id });
    }
    for (const { seed } of await moduleSeeders()) await seed(ctx, tx, ids);
    await recordAudit(tx, null, {
      action: "demo.created",
      entityType: "installation",
      entityId: "demo",
      organisationId: null,
      regionCode: "000000",
      after: { organisations: demoOrganisations.length, users: demoUsers.length },
    });
    return ids;
  });
}
