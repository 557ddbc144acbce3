/**
 * The daily totals' SQL (migration 0007) spells out the counting rules' lists of methods and outcomes;
 * they must be the domain's lists, or the totals would silently drift from the form's rules.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { softMethods } from "@kuanyan/domain/measures";
import { decisionOutcomesCounted, personMethods } from "./sql";

const migration = fs.readFileSync(
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../drizzle/0007_statistics_daily_totals.sql"),
  "utf8",
);
/** Every `IN (...)` list of quoted words in the SQL, as arrays. */
const inLists = [...migration.matchAll(/IN \(((?:'[A-Za-z_]+'(?:,\s*)?)+)\)/g)].map((m) => [...m[1].matchAll(/'([A-Za-z_]+)'/g)].map((x) => x[1]));
const has = (list: readonly string[]) => inLists.some((l) => l.length === list.length && [...l].sort().join() === [...list].sort().join());

describe("日累计的计数规则与领域规则一致", () => {
  it("the totals count the domain's eleven soft methods, its four 人次 methods and its five counted decision outcomes", () => {
    expect(has(softMethods)).toBe(true);
    expect(has(personMethods)).toBe(true);
    expect(has(decisionOutcomesCounted)).toBe(true);
  });

  it("every method list in the totals' SQL is one of those lists (no stale copy left behind)", () => {
    // The burden relieved counts the lenient penalty decisions (docs/statistics.md §8), after may_waive → no_penalty.
    const lenient = ["no_penalty", "mitigated", "lighter"];
    const known = [softMethods, personMethods, decisionOutcomesCounted, lenient].map((l) => [...l].sort().join());
    const methodLists = inLists.filter((l) => l.some((x) => (softMethods as readonly string[]).includes(x) || x.startsWith("no_")));
    expect(methodLists.length).toBeGreaterThanOrEqual(3);
    for (const l of methodLists) expect(known).toContain([...l].sort().join());
  });
});
