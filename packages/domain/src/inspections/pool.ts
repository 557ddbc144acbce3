/**
 * The frozen pool of a draw (抽取底库) and its canonical serialisation. Before a draw the pool is
 * frozen: the objects (and, for a periodic draw, the eligible inspectors and the exclusions) are
 * written out canonically, and the SHA-256 of those bytes is published. The file itself is
 * published with the result (it holds no personal data: units by 统一社会信用代码 and name,
 * inspectors by 执法证号 only), so that anyone can check the hash and re-run the selection with
 * scripts/verify-draw.mjs. See docs/inspections/draw.md.
 */
import { exclusionReasons, type ExclusionReason } from "./inspectors";
import { sha256Hex } from "./sha256";
import { industries, riskLevels, type Industry, type InspectedUnit, type RiskLevel } from "./units";

export const DRAW_POOL_FORMAT = "kuanyan-draw-pool/1";

/** A unit as the published pool carries it: no address, no contact. */
export interface PoolObject {
  creditCode: string;
  name: string;
  regionCode: string;
  industry: Industry;
  riskLevel: RiskLevel;
  keyUnit: boolean;
}

/** An eligible inspector as the published pool carries it: by 执法证号, with the fields. */
export interface PoolInspector {
  /** 执法证号 */
  code: string;
  fields: Industry[];
}

export interface PoolExclusion {
  /** 执法证号 of the inspector */
  inspector: string;
  /** 统一社会信用代码 of the object */
  object: string;
  reason: ExclusionReason;
}

/** Ratio of an annual plan: the percentage of the non-key units of a stratum drawn. */
export interface PlanRatio {
  industry?: Industry;
  riskLevel?: RiskLevel;
  /** Whole percent, 0–100. */
  percent: number;
}

export interface AnnualRules {
  /** Percent for strata no ratio matches. */
  defaultPercent: number;
  /** The first ratio (in this order) whose given fields match the stratum applies. */
  ratios: PlanRatio[];
}

export interface PeriodicRules {
  /** How many objects are drawn. */
  objectCount: number;
  /** Inspectors per object, at least 2 (行政处罚法 第四十二条). */
  inspectorsPerObject: number;
}

interface PoolBase {
  format: typeof DRAW_POOL_FORMAT;
  drawId: string;
  /** 抽取名称, e.g. "2027年度双随机抽查计划". */
  title: string;
  /** The organisation's name (public). */
  organisation: string;
  objects: PoolObject[];
}

export interface AnnualPool extends PoolBase {
  kind: "annual";
  rules: AnnualRules;
}

export interface PeriodicPool extends PoolBase {
  kind: "periodic";
  rules: PeriodicRules;
  inspectors: PoolInspector[];
  exclusions: PoolExclusion[];
}

export type DrawPool = AnnualPool | PeriodicPool;

/**
 * Canonical JSON: object keys sorted (UTF-16 order; all keys are ASCII), absent values left out,
 * no whitespace, strings as JSON.stringify writes them, integers only. Equal to Python's
 * `json.dumps(v, ensure_ascii=False, sort_keys=True, separators=(",", ":"))`.
 */
export function canonicalJson(value: unknown): string {
  if (typeof value === "string" || typeof value === "boolean" || value === null) return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) throw new Error(`canonicalJson: only integers (${value})`);
    return String(value);
  }
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) out += (i > 0 ? "," : "") + canonicalJson(value[i]);
    return `${out}]`;
  }
  if (typeof value === "object") {
    const obj = value as Record<string, unknown>;
    const own = Object.keys(obj);
    // Objects of one shape (the pool's units) share their sorted keys, each with its "key": prefix.
    const signature = own.join(",");
    let sorted = sortedKeys.get(signature);
    if (!sorted) {
      sorted = [...own].sort().map((k) => [k, `${JSON.stringify(k)}:`] as const);
      if (sortedKeys.size < 1000) sortedKeys.set(signature, sorted);
    }
    let out = "{";
    for (const [k, prefix] of sorted) {
      const v = obj[k];
      if (v === undefined) continue;
      if (out.length > 1) out += ",";
      out += prefix + canonicalJson(v);
    }
    return `${out}}`;
  }
  throw new Error(`canonicalJson: unsupported value ${typeof value}`);
}

const sortedKeys = new Map<string, (readonly [string, string])[]>();

export interface FrozenPool<P extends DrawPool = DrawPool> {
  pool: P;
  /** The published file's exact content (UTF-8). */
  text: string;
  /** Lower-case hex SHA-256 of `text`. */
  sha256: string;
}

export type FreezeResult<P extends DrawPool> = { ok: true; frozen: FrozenPool<P> } | { ok: false; error: string };

export function poolObjectOf(unit: InspectedUnit): PoolObject {
  return {
    creditCode: unit.creditCode,
    name: unit.name,
    regionCode: unit.regionCode,
    industry: unit.industry,
    riskLevel: unit.riskLevel,
    keyUnit: unit.keyUnit,
  };
}

// eslint-disable-next-line no-control-regex -- finding control characters (NUL…US, DEL) in a cell is this pattern's whole purpose
const CONTROL_RE = /[\u0000-\u001f\u007f]/;
const CREDIT_CODE_RE = /^[0-9A-Z]{18}$/;
const REGION_RE = /^\d{6,12}$/;
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function checkObjects(objects: readonly PoolObject[]): string | null {
  if (objects.length === 0) return "检查对象名录库为空，不能抽取";
  const seen = new Set<string>();
  for (const o of objects) {
    if (seen.has(o.creditCode)) return `检查对象名录库中统一社会信用代码${o.creditCode}重复`;
    seen.add(o.creditCode);
    if (!(industries as readonly string[]).includes(o.industry)) return `检查对象${o.name}的行业不在行业目录中`;
    if (!(riskLevels as readonly string[]).includes(o.riskLevel)) return `检查对象${o.name}的风险等级无效`;
    if (!CREDIT_CODE_RE.test(o.creditCode)) return `检查对象${o.name}的统一社会信用代码无效`;
    if (!REGION_RE.test(o.regionCode)) return `检查对象${o.name}的行政区划代码无效`;
    if (typeof o.keyUnit !== "boolean") return `检查对象${o.name}的重点单位标记无效`;
    if (typeof o.name !== "string" || CONTROL_RE.test(o.name)) return `检查对象${o.name}的名称含有控制字符`;
  }
  return null;
}

function sortedObjects(objects: readonly PoolObject[]): PoolObject[] {
  return objects.map((o) => ({ ...o })).sort((a, b) => byCode(a.creditCode, b.creditCode));
}

/**
 * canonicalJson of a checked pool object, written directly (the fields are validated: only the
 * name needs escaping). A test checks it equals canonicalJson; it is several times faster on a
 * pool of 100,000 units.
 */
export function canonicalPoolObject(o: PoolObject): string {
  return `{"creditCode":"${o.creditCode}","industry":"${o.industry}","keyUnit":${o.keyUnit},"name":${JSON.stringify(o.name)},"regionCode":"${o.regionCode}","riskLevel":"${o.riskLevel}"}`;
}

const OBJECTS_MARK = "\u0000objects\u0000";

function freeze<P extends DrawPool>(pool: P): FrozenPool<P> {
  // The objects (already checked) are written by canonicalPoolObject in place of a mark that
  // cannot occur otherwise (control characters are refused in every text of the pool).
  const shell = canonicalJson({ ...pool, objects: OBJECTS_MARK });
  const mark = JSON.stringify(OBJECTS_MARK);
  const at = shell.indexOf(mark);
  const text = `${shell.slice(0, at)}[${pool.objects.map(canonicalPoolObject).join(",")}]${shell.slice(at + mark.length)}`;
  return { pool, text, sha256: sha256Hex(text) };
}

function headerProblem(input: { drawId: string; title: string; organisation: string }): string | null {
  for (const [label, v] of [
    ["抽取编号", input.drawId],
    ["抽取名称", input.title],
    ["组织抽取的单位", input.organisation],
  ] as const) {
    if (typeof v !== "string" || v.trim() === "") return `请填写${label}`;
    if (CONTROL_RE.test(v)) return `${label}含有控制字符`;
  }
  return null;
}

/** Freezes the pool of an annual plan draw. */
export function freezeAnnualPool(input: {
  drawId: string;
  title: string;
  organisation: string;
  objects: readonly PoolObject[];
  rules: AnnualRules;
}): FreezeResult<AnnualPool> {
  const problem = headerProblem(input) ?? checkObjects(input.objects);
  if (problem) return { ok: false, error: problem };
  for (const p of [input.rules.defaultPercent, ...input.rules.ratios.map((r) => r.percent)]) {
    if (!Number.isInteger(p) || p < 0 || p > 100) return { ok: false, error: "抽取比例须为0至100之间的整数（百分比）" };
  }
  const ratios = input.rules.ratios.map((r) => ({
    ...(r.industry ? { industry: r.industry } : {}),
    ...(r.riskLevel ? { riskLevel: r.riskLevel } : {}),
    percent: r.percent,
  }));
  return {
    ok: true,
    frozen: freeze<AnnualPool>({
      format: DRAW_POOL_FORMAT,
      drawId: input.drawId,
      kind: "annual",
      title: input.title,
      organisation: input.organisation,
      objects: sortedObjects(input.objects),
      rules: { defaultPercent: input.rules.defaultPercent, ratios },
    }),
  };
}

/**
 * Freezes the pool of a quarterly or ad-hoc draw: the objects (normally the annual plan's objects
 * not yet inspected), the eligible inspectors by 执法证号 and the exclusions.
 */
export function freezePeriodicPool(input: {
  drawId: string;
  title: string;
  organisation: string;
  objects: readonly PoolObject[];
  inspectors: readonly PoolInspector[];
  exclusions: readonly PoolExclusion[];
  rules: PeriodicRules;
}): FreezeResult<PeriodicPool> {
  const problem = headerProblem(input) ?? checkObjects(input.objects);
  if (problem) return { ok: false, error: problem };
  const { objectCount, inspectorsPerObject } = input.rules;
  if (!Number.isInteger(inspectorsPerObject) || inspectorsPerObject < 2)
    return { ok: false, error: "每个检查对象至少抽取两名执法人员（《中华人民共和国行政处罚法》第四十二条）" };
  if (!Number.isInteger(objectCount) || objectCount < 1) return { ok: false, error: "抽取的检查对象数量至少为1" };
  if (objectCount > input.objects.length) return { ok: false, error: `抽取数量${objectCount}超过检查对象总数${input.objects.length}` };
  if (input.inspectors.length < 2) return { ok: false, error: `符合条件的执法人员只有${input.inspectors.length}名，少于两名，不能抽取` };
  const codes = new Set<string>();
  for (const i of input.inspectors) {
    if (i.code.trim() === "" || CONTROL_RE.test(i.code)) return { ok: false, error: "执法人员的执法证号无效" };
    if (codes.has(i.code)) return { ok: false, error: `执法证号${i.code}重复` };
    codes.add(i.code);
  }
  const objectCodes = new Set(input.objects.map((o) => o.creditCode));
  for (const e of input.exclusions) {
    if (!(exclusionReasons as readonly string[]).includes(e.reason)) return { ok: false, error: "回避记录须写明理由" };
  }
  const inspectors = input.inspectors
    .map((i) => ({ code: i.code, fields: [...new Set(i.fields)].sort(byCode) }))
    .sort((a, b) => byCode(a.code, b.code));
  const seen = new Set<string>();
  const exclusions: PoolExclusion[] = [];
  const relevant = input.exclusions.filter((e) => codes.has(e.inspector) && objectCodes.has(e.object));
  for (const e of [...relevant].sort((a, b) => byCode(a.object, b.object) || byCode(a.inspector, b.inspector) || byCode(a.reason, b.reason))) {
    const key = `${e.object}/${e.inspector}`;
    if (seen.has(key)) continue; // one exclusion per pair is enough; the first reason in order is kept
    seen.add(key);
    exclusions.push({ inspector: e.inspector, object: e.object, reason: e.reason });
  }
  return {
    ok: true,
    frozen: freeze<PeriodicPool>({
      format: DRAW_POOL_FORMAT,
      drawId: input.drawId,
      kind: "periodic",
      title: input.title,
      organisation: input.organisation,
      objects: sortedObjects(input.objects),
      rules: { objectCount, inspectorsPerObject },
      inspectors,
      exclusions,
    }),
  };
}

/** Parses a published pool file (checks the format, not the hash). */
export function parsePoolFile(text: string): { ok: true; pool: DrawPool } | { ok: false; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: "抽取底库文件不是有效的JSON" };
  }
  const pool = value as DrawPool;
  if (!pool || typeof pool !== "object" || pool.format !== DRAW_POOL_FORMAT) return { ok: false, error: `抽取底库文件格式不是${DRAW_POOL_FORMAT}` };
  if (canonicalJson(pool) !== text) return { ok: false, error: "抽取底库文件不是规范序列化形式（不能改动空格、顺序或换行）" };
  return { ok: true, pool };
}
