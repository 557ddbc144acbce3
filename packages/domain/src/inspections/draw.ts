/**
 * Publicly verifiable 双随机 draws (issue 10 §4), after RFC 3797's idea:
 *
 * 1. 公告 (announce): the pool is frozen (./pool.ts) and its SHA-256 published, together with the
 *    commitment SHA-256(secret) of a server secret and the description of a future public value
 *    the agency cannot control (e.g. a lottery draw or a stock index close on a named later date).
 * 2. 抽取 (draw): once the public value is known it is entered, the secret revealed, and
 *    seed = SHA-256("kuanyan-draw/1\n" + poolSha256 + "\n" + publicValue + "\n" + secret).
 * 3. The selection is a deterministic function of the frozen pool and the seed, documented in
 *    docs/inspections/draw.md and re-implemented independently by scripts/verify-draw.mjs.
 *
 * Neither party can steer the result: the agency fixes pool and secret before the public value
 * exists, and the public value cannot know the secret.
 */
import type { AnnualPool, DrawPool, PeriodicPool, PoolObject } from "./pool";
import { sha256Hex, sha256Mod } from "./sha256";
import type { Industry, RiskLevel } from "./units";

export const DRAW_SEED_PREFIX = "kuanyan-draw/1";

const HEX64 = /^[0-9a-f]{64}$/;

/** The public value as entered: surrounding space removed, each run of spaces one ASCII space. */
export function normalisePublicValue(value: string): string {
  return value.replace(/[\s\u3000]+/g, " ").trim();
}

/** The commitment to a secret (published at announcement). */
export function commitmentOf(secret: string): string {
  return sha256Hex(secret);
}

export type SeedResult = { ok: true; seed: string } | { ok: false; error: string };

/**
 * The seed of a draw. Refused when the secret does not match the commitment published before,
 * or the public value is missing.
 */
export function deriveSeed(input: { poolSha256: string; commitment: string; publicValue: string; secret: string }): SeedResult {
  if (!HEX64.test(input.poolSha256)) return { ok: false, error: "抽取底库的SHA-256值格式不正确" };
  if (!HEX64.test(input.secret)) return { ok: false, error: "服务器密钥应为64位十六进制小写字符" };
  if (commitmentOf(input.secret) !== input.commitment) return { ok: false, error: "服务器密钥与事先公布的承诺值不符，不能抽取" };
  const publicValue = normalisePublicValue(input.publicValue ?? "");
  if (publicValue === "") return { ok: false, error: "请填写事先公告的公开随机数值" };
  return { ok: true, seed: sha256Hex(`${DRAW_SEED_PREFIX}\n${input.poolSha256}\n${publicValue}\n${input.secret}`) };
}

/**
 * The i-th random index (0 ≤ index < n) of the stream `label`:
 * SHA-256(seed + "/" + label + "/" + i) read as a 256-bit big-endian unsigned integer, modulo n.
 */
export function randomIndex(seed: string, label: string, i: number, n: number): number {
  return sha256Mod(`${seed}/${label}/${i}`, n);
}

/**
 * Draws k of the items (in the order given) with the stream `label`: for i = 0 … k−1 take
 * j = randomIndex(seed, label, i, n − i), select items[j], and move the last remaining item into
 * position j. The result is in draw order.
 */
export function drawFrom<T>(seed: string, label: string, items: readonly T[], k: number): T[] {
  const rest = [...items];
  const out: T[] = [];
  const count = Math.min(k, rest.length);
  for (let i = 0; i < count; i++) {
    const j = randomIndex(seed, label, i, rest.length);
    out.push(rest[j]);
    rest[j] = rest[rest.length - 1];
    rest.pop();
  }
  return out;
}

export interface PlanStratum {
  industry: Industry;
  riskLevel: RiskLevel;
  /** Non-key units in the stratum. */
  size: number;
  percent: number;
  /** ceil(size × percent / 100) */
  drawn: number;
}

export interface AnnualSelection {
  /** In order: key units (by credit code), then each stratum's draws in draw order. */
  selected: { creditCode: string; reason: "key" | "drawn" }[];
  strata: PlanStratum[];
}

export interface PeriodicSelection {
  /** In the order the objects were drawn; the inspectors (执法证号) in draw order. */
  assignments: { creditCode: string; inspectors: string[] }[];
}

export type DrawSelection = { kind: "annual"; annual: AnnualSelection } | { kind: "periodic"; periodic: PeriodicSelection };

export type DrawOutcome<S> = { ok: true; selection: S } | { ok: false; error: string };

/** The percentage for a stratum: the first matching ratio, else the default. */
export function percentFor(pool: AnnualPool, industry: Industry, riskLevel: RiskLevel): number {
  for (const r of pool.rules.ratios) {
    if ((r.industry === undefined || r.industry === industry) && (r.riskLevel === undefined || r.riskLevel === riskLevel)) return r.percent;
  }
  return pool.rules.defaultPercent;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The annual plan: every key unit, plus from each stratum (industry × risk level) of the other
 * units ceil(size × percent / 100) drawn with the stream "plan/<industry>/<riskLevel>". Strata
 * are taken in the order of "<industry>/<riskLevel>"; within one, units by credit code (the
 * frozen pool's order).
 */
export function selectAnnualPlan(pool: AnnualPool, seed: string): DrawOutcome<AnnualSelection> {
  if (pool.objects.length === 0) return { ok: false, error: "检查对象名录库为空，不能抽取" };
  const selected: AnnualSelection["selected"] = [];
  const strata = new Map<string, PoolObject[]>();
  for (const o of pool.objects) {
    if (o.keyUnit) selected.push({ creditCode: o.creditCode, reason: "key" });
    else {
      const key = `${o.industry}/${o.riskLevel}`;
      const list = strata.get(key);
      if (list) list.push(o);
      else strata.set(key, [o]);
    }
  }
  const out: PlanStratum[] = [];
  for (const key of [...strata.keys()].sort(cmp)) {
    const units = strata.get(key)!;
    const { industry, riskLevel } = units[0];
    const percent = percentFor(pool, industry, riskLevel);
    const drawn = Math.floor((units.length * percent + 99) / 100);
    for (const o of drawFrom(seed, `plan/${key}`, units, drawn)) selected.push({ creditCode: o.creditCode, reason: "drawn" });
    out.push({ industry, riskLevel, size: units.length, percent, drawn });
  }
  return { ok: true, selection: { selected, strata: out } };
}

/**
 * A quarterly or ad-hoc draw: objectCount objects with the stream "objects"; then, for each
 * object in draw order, inspectorsPerObject inspectors with the stream "inspectors/<creditCode>"
 * from those (by 执法证号) competent for its industry and not excluded for it. Refused when any
 * object has fewer eligible inspectors than needed (at least two).
 */
export function selectPeriodic(pool: PeriodicPool, seed: string): DrawOutcome<PeriodicSelection> {
  if (pool.objects.length === 0) return { ok: false, error: "检查对象名录库为空，不能抽取" };
  const perObject = pool.rules.inspectorsPerObject;
  if (perObject < 2) return { ok: false, error: "每个检查对象至少抽取两名执法人员（《中华人民共和国行政处罚法》第四十二条）" };
  const excluded = new Set(pool.exclusions.map((e) => `${e.object}/${e.inspector}`));
  const objects = drawFrom(seed, "objects", pool.objects, pool.rules.objectCount);
  const assignments: PeriodicSelection["assignments"] = [];
  for (const o of objects) {
    const eligible = pool.inspectors.filter((i) => i.fields.includes(o.industry) && !excluded.has(`${o.creditCode}/${i.code}`));
    if (eligible.length < perObject) {
      return {
        ok: false,
        error: `检查对象“${o.name}”（${o.creditCode}）可抽取的执法人员只有${eligible.length}名，少于${perObject}名，不能抽取（《中华人民共和国行政处罚法》第四十二条：执法人员不得少于两人）`,
      };
    }
    assignments.push({ creditCode: o.creditCode, inspectors: drawFrom(seed, `inspectors/${o.creditCode}`, eligible, perObject).map((i) => i.code) });
  }
  return { ok: true, selection: { assignments } };
}

/** Runs the selection the pool's kind calls for. */
export function selectDraw(pool: DrawPool, seed: string): DrawOutcome<DrawSelection> {
  if (pool.kind === "annual") {
    const r = selectAnnualPlan(pool, seed);
    return r.ok ? { ok: true, selection: { kind: "annual", annual: r.selection } } : r;
  }
  const r = selectPeriodic(pool, seed);
  return r.ok ? { ok: true, selection: { kind: "periodic", periodic: r.selection } } : r;
}

// ---------------------------------------------------------------------------------------------
// The draw record: announced → drawn; never repeated or edited; a redraw is a new draw.

/** What is published before the draw (公告). */
export interface DrawAnnouncement {
  drawId: string;
  poolSha256: string;
  commitment: string;
  /** Which future public value will be used, e.g. "2027年1月8日深证成指收盘点数". */
  publicSource: string;
  /** The earliest date the value can be known; entering it earlier is refused. */
  publicValueDate: string;
  announcedOn: string;
  /** Set on a redraw: the draw it replaces and why. */
  redrawOf?: { drawId: string; reason: string };
}

/** What is published after the draw (一公开): everything needed to re-run it. */
export interface DrawResult {
  drawId: string;
  poolSha256: string;
  commitment: string;
  publicSource: string;
  publicValue: string;
  secret: string;
  seed: string;
  drawnOn: string;
  selection: DrawSelection;
}

export type AnnounceResult = { ok: true; announcement: DrawAnnouncement } | { ok: false; error: string };

/**
 * Announces a draw on a frozen pool. `secret` is 32 random bytes in hex chosen by the server
 * (crypto.getRandomValues); only its commitment is published now.
 */
export function announceDraw(input: {
  drawId: string;
  poolSha256: string;
  secret: string;
  publicSource: string;
  publicValueDate: string;
  today: string;
  redrawOf?: { drawId: string; reason: string; previous: DrawAnnouncement | DrawResult };
}): AnnounceResult {
  if (!HEX64.test(input.secret)) return { ok: false, error: "服务器密钥应为64位十六进制小写字符" };
  const publicSource = input.publicSource.trim();
  if (publicSource === "") return { ok: false, error: "请说明将采用的公开随机数来源（例如某日的彩票开奖号码）" };
  if (!(input.publicValueDate > input.today)) return { ok: false, error: "公开随机数须在公告之后产生，其日期应晚于公告日" };
  let redrawOf: DrawAnnouncement["redrawOf"];
  if (input.redrawOf) {
    const reason = input.redrawOf.reason.trim();
    if (reason === "") return { ok: false, error: "重新抽取必须写明理由" };
    if (input.redrawOf.drawId === input.drawId) return { ok: false, error: "重新抽取是一次新的抽取，不能沿用原抽取编号" };
    if (input.redrawOf.previous.drawId !== input.redrawOf.drawId) return { ok: false, error: "被替代的抽取不存在" };
    redrawOf = { drawId: input.redrawOf.drawId, reason };
  }
  return {
    ok: true,
    announcement: {
      drawId: input.drawId,
      poolSha256: input.poolSha256,
      commitment: commitmentOf(input.secret),
      publicSource,
      publicValueDate: input.publicValueDate,
      announcedOn: input.today,
      ...(redrawOf ? { redrawOf } : {}),
    },
  };
}

export type PerformResult = { ok: true; result: DrawResult } | { ok: false; error: string };

/**
 * Performs an announced draw. The frozen pool must be the one announced (same hash); a draw that
 * already has a result is refused (a draw is done once; a redraw is a new draw).
 */
export function performDraw(input: {
  announcement: DrawAnnouncement;
  pool: DrawPool;
  poolSha256: string;
  publicValue: string;
  secret: string;
  today: string;
  existingResult?: DrawResult;
}): PerformResult {
  const a = input.announcement;
  if (input.existingResult) return { ok: false, error: "该次抽取已经完成，抽取结果不能重做或修改；如需重新抽取，请发起新的抽取并写明理由" };
  if (input.poolSha256 !== a.poolSha256) return { ok: false, error: "抽取底库与公告时冻结的底库不一致（SHA-256不同），不能抽取" };
  if (input.pool.drawId !== a.drawId) return { ok: false, error: "抽取底库不属于该次抽取" };
  if (input.today < a.publicValueDate) return { ok: false, error: `公开随机数在${a.publicValueDate}才产生，不能提前抽取` };
  const seed = deriveSeed({ poolSha256: a.poolSha256, commitment: a.commitment, publicValue: input.publicValue, secret: input.secret });
  if (!seed.ok) return seed;
  const selection = selectDraw(input.pool, seed.seed);
  if (!selection.ok) return selection;
  return {
    ok: true,
    result: {
      drawId: a.drawId,
      poolSha256: a.poolSha256,
      commitment: a.commitment,
      publicSource: a.publicSource,
      publicValue: normalisePublicValue(input.publicValue),
      secret: input.secret,
      seed: seed.seed,
      drawnOn: input.today,
      selection: selection.selection,
    },
  };
}
