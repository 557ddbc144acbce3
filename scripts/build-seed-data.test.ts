import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_DATA_DIR,
  SEED_DIR,
  buildRegions,
  generateSeedData,
  parseCsv,
  readShippedRegions,
  writeSeedData,
  type RegionSeed,
} from "./build-seed-data";

const hasReferenceData = fs.existsSync(path.join(DEFAULT_DATA_DIR, "laws"));

describe("parseCsv", () => {
  it("reads quoted and unquoted fields, doubled quotes and a BOM", () => {
    expect(parseCsv('\uFEFFcode,name\n11,"北京市"\n12,"a ""b"", c"\n')).toEqual([
      { code: "11", name: "北京市" },
      { code: "12", name: 'a "b", c' },
    ]);
  });
});

describe("shipped regions seed (packages/server/seed)", () => {
  const text = readShippedRegions();
  const seed = JSON.parse(text ?? "null") as RegionSeed;
  const byCode = new Map(seed.rows.map((r) => [r[0], r]));

  it("is compact: columns code/name/parent/level, and plain JSON only while under 2 MB", () => {
    expect(seed.columns).toEqual(["code", "name", "parent", "level"]);
    const plain = path.join(SEED_DIR, "regions.json");
    if (fs.existsSync(plain)) expect(fs.statSync(plain).size).toBeLessThanOrEqual(2 * 1024 * 1024);
    else expect(Buffer.byteLength(text!)).toBeGreaterThan(2 * 1024 * 1024);
  });

  it("holds all four levels with unique codes, and every parent exists one level up", () => {
    const counts = [1, 2, 3, 4].map((level) => seed.rows.filter((r) => r[3] === level).length);
    expect(counts[0]).toBe(31);
    expect(counts[1]).toBeGreaterThan(300);
    expect(counts[2]).toBeGreaterThan(2800);
    expect(counts[3]).toBeGreaterThan(40000);
    expect(byCode.size).toBe(seed.rows.length);
    const problems: string[] = [];
    const prefixLength = { 1: 2, 2: 4, 3: 6, 4: 9 } as const;
    for (const [code, , parent, level] of seed.rows) {
      if (level === 1) {
        if (parent !== null) problems.push(`${code}: province with a parent`);
        continue;
      }
      const p = parent === null ? undefined : byCode.get(parent);
      if (!p) {
        problems.push(`${code}: missing parent ${parent}`);
        continue;
      }
      // Townships of cities without counties (东莞市) hang directly under the city.
      if (!(p[3] === level - 1 || (level === 4 && p[3] === 2))) problems.push(`${code}: parent level ${p[3]}`);
      if (!code.startsWith(p[0].slice(0, prefixLength[p[3]]))) problems.push(`${code}: not inside ${p[0]}`);
    }
    expect(problems).toEqual([]);
  });

  it("contains the places of the seed documents", () => {
    expect(byCode.get("350400")).toEqual(["350400", "三明市", "350000", 2]);
    expect(byCode.get("350421")).toEqual(["350421", "明溪县", "350400", 3]);
    expect(byCode.get("350582")).toEqual(["350582", "晋江市", "350500", 3]);
    expect(byCode.get("330900")?.[1]).toBe("舟山市");
    expect(byCode.get("500106")?.[1]).toBe("沙坪坝区");
    expect(seed.rows.some((r) => r[2] === "350582" && r[3] === 4)).toBe(true);
  });
});

// Where ../shared/data is present (a developer's checkout; a clone has none): the committed seed files
// must equal what the generator makes from it. The tests above check the committed files themselves.
describe.skipIf(!hasReferenceData)("generation from ../shared/data", () => {
  const fresh = hasReferenceData ? generateSeedData() : undefined;

  it("the committed laws.json equals a fresh generation", () => {
    expect(fs.readFileSync(path.join(SEED_DIR, "laws.json"), "utf8")).toBe(fresh!.laws);
  });

  it("the committed regions file equals a fresh generation", () => {
    expect(readShippedRegions()).toBe(fresh!.regions);
    expect(fs.existsSync(path.join(SEED_DIR, fresh!.gzipRegions ? "regions.json.gz" : "regions.json"))).toBe(true);
  });

  it("drops the duplicate county row of cities without counties (东莞市 441900)", () => {
    const rows = buildRegions(DEFAULT_DATA_DIR).rows.filter((r) => r[0] === "441900");
    expect(rows).toEqual([["441900", "东莞市", "440000", 2]]);
  });

  it("writes gzip when asked and removes the plain file (and the reverse)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kuanyan-seed-"));
    try {
      writeSeedData({ laws: "{}", regions: '{"rows":[]}', gzipRegions: true }, dir);
      expect(zlib.gunzipSync(fs.readFileSync(path.join(dir, "regions.json.gz"))).toString()).toBe('{"rows":[]}');
      expect(fs.existsSync(path.join(dir, "regions.json"))).toBe(false);
      writeSeedData({ laws: "{}", regions: '{"rows":[]}', gzipRegions: false }, dir);
      expect(fs.existsSync(path.join(dir, "regions.json.gz"))).toBe(false);
      expect(readShippedRegions(dir)).toBe('{"rows":[]}');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
