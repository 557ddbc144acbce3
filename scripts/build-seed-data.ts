/**
 * Generates the shipped seed data from the reference data in ../shared/data (relative to the repo root):
 *   packages/server/seed/laws.json     — every law in ../shared/data/laws, parsed (see @kuanyan/domain/laws)
 *   packages/server/seed/regions.json  — division codes (province, city, county, township), compact;
 *                                        written as regions.json.gz instead when larger than 2 MB.
 * Run: npx tsx scripts/build-seed-data.ts [--data <dir>]
 * Never needed at run time; the server reads the generated files only.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import { assignStatuses, lawsToSeed, parseLawMarkdown, type Law } from "@kuanyan/domain/laws";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const DEFAULT_DATA_DIR = path.resolve(REPO_ROOT, "../shared/data");
export const SEED_DIR = path.join(REPO_ROOT, "packages/server/seed");
/** Above this size regions.json is shipped gzipped. */
export const GZIP_THRESHOLD_BYTES = 2 * 1024 * 1024;

/** Titles known to be repealed (已废止) in every version; none of the shipped laws is. */
const REPEALED_TITLES: string[] = [];

export function readLaws(dataDir: string): Law[] {
  const dir = path.join(dataDir, "laws");
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .sort();
  const laws = files.map((f) => parseLawMarkdown(fs.readFileSync(path.join(dir, f), "utf8"), f));
  return assignStatuses(laws, REPEALED_TITLES);
}

/** laws.json: one law per line so that diffs stay readable. */
export function serialiseLaws(laws: readonly Law[]): string {
  const seed = lawsToSeed(laws);
  return `{"format":${JSON.stringify(seed.format)},"laws":[\n${seed.laws.map((l) => JSON.stringify(l)).join(",\n")}\n]}\n`;
}

/** Minimal CSV reader for the division files: comma-separated, fields optionally double-quoted. */
export function parseCsv(text: string): Record<string, string>[] {
  const lines = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "");
  const split = (line: string): string[] => {
    const out: string[] = [];
    let field = "";
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          field += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else field += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ",") {
        out.push(field);
        field = "";
      } else field += ch;
    }
    out.push(field);
    return out;
  };
  const header = split(lines[0]);
  return lines.slice(1).map((line) => {
    const values = split(line);
    return Object.fromEntries(header.map((h, i) => [h, values[i] ?? ""]));
  });
}

/** Levels: 1 province (省级), 2 city (地级), 3 county (县级), 4 township (乡级). */
export type RegionSeedRow = [code: string, name: string, parent: string | null, level: 1 | 2 | 3 | 4];

export interface RegionSeed {
  columns: ["code", "name", "parent", "level"];
  levels: Record<"1" | "2" | "3" | "4", string>;
  rows: RegionSeedRow[];
}

/** GB/T 2260 form: province 35 → 350000, city 3504 → 350400; county (6) and township (9) unchanged. */
function pad(code: string): string {
  return code.length === 2 ? `${code}0000` : code.length === 4 ? `${code}00` : code;
}

/**
 * Builds the compact region list. Codes use the six-digit GB/T 2260 form (townships keep nine digits).
 * Cities without counties (东莞市 441900, 中山市 442000, 儋州市 460400) appear in the source a second
 * time as their own county with the same six-digit code; that duplicate is dropped and its townships
 * hang directly under the city.
 */
export function buildRegions(dataDir: string): RegionSeed {
  const dir = path.join(dataDir, "divisions");
  const read = (name: string) => parseCsv(fs.readFileSync(path.join(dir, name), "utf8"));
  const rows: RegionSeedRow[] = [];
  const seen = new Set<string>();
  const add = (row: RegionSeedRow) => {
    if (seen.has(row[0])) return;
    seen.add(row[0]);
    rows.push(row);
  };
  for (const p of read("provinces.csv")) add([pad(p.code), p.name, null, 1]);
  for (const c of read("cities.csv")) add([pad(c.code), c.name, pad(c.provinceCode), 2]);
  for (const a of read("areas.csv")) add([a.code, a.name, pad(a.cityCode), 3]);
  for (const s of read("streets.csv")) add([s.code, s.name, s.areaCode, 4]);
  for (const row of rows) {
    if (row[2] !== null && !seen.has(row[2])) throw new Error(`region ${row[0]} ${row[1]}: unknown parent ${row[2]}`);
  }
  return {
    columns: ["code", "name", "parent", "level"],
    levels: { "1": "省级", "2": "地级", "3": "县级", "4": "乡级" },
    rows,
  };
}

/** regions.json: one row per line. */
export function serialiseRegions(seed: RegionSeed): string {
  return `{"columns":${JSON.stringify(seed.columns)},"levels":${JSON.stringify(seed.levels)},"rows":[\n${seed.rows
    .map((r) => JSON.stringify(r))
    .join(",\n")}\n]}\n`;
}

export interface GeneratedSeed {
  laws: string;
  regions: string;
  /** True when regions.json is above the threshold and is shipped as regions.json.gz. */
  gzipRegions: boolean;
}

export function generateSeedData(dataDir: string = DEFAULT_DATA_DIR): GeneratedSeed {
  const laws = serialiseLaws(readLaws(dataDir));
  const regions = serialiseRegions(buildRegions(dataDir));
  return { laws, regions, gzipRegions: Buffer.byteLength(regions) > GZIP_THRESHOLD_BYTES };
}

/** Reads the regions text currently shipped (plain or gzipped), or undefined. */
export function readShippedRegions(seedDir: string = SEED_DIR): string | undefined {
  const gz = path.join(seedDir, "regions.json.gz");
  if (fs.existsSync(gz)) return zlib.gunzipSync(fs.readFileSync(gz)).toString("utf8");
  const plain = path.join(seedDir, "regions.json");
  return fs.existsSync(plain) ? fs.readFileSync(plain, "utf8") : undefined;
}

export function writeSeedData(seed: GeneratedSeed, seedDir: string = SEED_DIR): string[] {
  fs.mkdirSync(seedDir, { recursive: true });
  const written: string[] = [];
  const lawsPath = path.join(seedDir, "laws.json");
  fs.writeFileSync(lawsPath, seed.laws);
  written.push(lawsPath);
  const gz = path.join(seedDir, "regions.json.gz");
  const plain = path.join(seedDir, "regions.json");
  if (seed.gzipRegions) {
    fs.writeFileSync(gz, zlib.gzipSync(Buffer.from(seed.regions), { level: 9 }));
    fs.rmSync(plain, { force: true });
    written.push(gz);
  } else {
    fs.writeFileSync(plain, seed.regions);
    fs.rmSync(gz, { force: true });
    written.push(plain);
  }
  return written;
}

function main(argv: string[]): void {
  const i = argv.indexOf("--data");
  const dataDir = i >= 0 && argv[i + 1] ? path.resolve(argv[i + 1]) : DEFAULT_DATA_DIR;
  if (!fs.existsSync(dataDir)) {
    console.error(`找不到参考数据目录 ${dataDir}（应为仓库旁的 ../shared/data）`);
    process.exit(1);
  }
  const seed = generateSeedData(dataDir);
  for (const file of writeSeedData(seed)) {
    console.log(`${path.relative(REPO_ROOT, file)}  ${(fs.statSync(file).size / 1024).toFixed(0)} KiB`);
  }
  console.log(`regions.json uncompressed: ${(Buffer.byteLength(seed.regions) / 1024).toFixed(0)} KiB`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2));
}
