/**
 * The cost of the audit hash chain on a write (issue 15): a transaction with one plain audit insert
 * (as before migration 0008) against one with recordAudit (chain head locked, hash computed).
 * Seven alternating rounds of N transactions each; the medians are printed.
 *   npx tsx bench/audit-chain.ts [N]                      PGlite (in memory)
 *   PG_URL=postgres://… npx tsx bench/audit-chain.ts [N]   and PostgreSQL (an empty database)
 * Not part of `npm run bench`.
 */
import { sql } from "drizzle-orm";
import { openPglite, openPostgres, type Database, type Tx } from "../packages/server/src/db/client";
import { migrate } from "../packages/server/src/db/migrate";
import { recordAudit } from "../packages/server/src/audit/record";

async function measure(database: Database, n: number): Promise<void> {
  await migrate(database);
  await database.exec("CREATE TABLE audit_plain (LIKE audit_events INCLUDING DEFAULTS)");
  const input = {
    action: "case.updated",
    entityType: "case",
    entityId: "00000000-0000-4000-8000-000000000001",
    organisationId: null,
    regionCode: "350421",
    after: { status: "in_progress", measureId: "x" },
  };
  const actor = { userId: "00000000-0000-4000-8000-000000000002", displayName: "李明", ip: "127.0.0.1" };
  const plain = async (tx: Tx) => {
    await tx.execute(sql`INSERT INTO audit_plain (region_code, organisation_id, actor_id, actor_name, action, entity_type, entity_id, after, ip)
      VALUES (${input.regionCode}, ${null}, ${actor.userId}, ${actor.displayName}, ${input.action}, ${input.entityType}, ${input.entityId},
              ${JSON.stringify(input.after)}::jsonb, ${actor.ip})`);
  };
  const chained = (tx: Tx) => recordAudit(tx, actor, input);
  const run = async (f: (tx: Tx) => Promise<void>) => {
    for (let i = 0; i < 50; i++) await database.db.transaction(f); // warm-up
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await database.db.transaction(f);
    return (performance.now() - t0) / n;
  };
  const ps: number[] = [];
  const cs: number[] = [];
  for (let r = 0; r < 7; r++) {
    ps.push(await run(plain));
    cs.push(await run(chained));
  }
  const med = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1];
  const us = (ms: number) => `${(ms * 1000).toFixed(0)} µs`;
  console.log(`${database.kind}: plain insert ${us(med(ps))}, chained ${us(med(cs))} per transaction; the chain adds ${us(med(cs) - med(ps))}`);
}

const n = Number(process.argv[2] ?? 300);
const lite = await openPglite();
await measure(lite, n);
await lite.close();
if (process.env.PG_URL) {
  const pg = await openPostgres(process.env.PG_URL, { max: 2 });
  await measure(pg, n);
  await pg.close();
}
