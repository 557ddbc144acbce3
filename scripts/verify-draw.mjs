#!/usr/bin/env node
// Re-runs a published 双随机 draw of Kuanyan from its published files, with nothing but Node
// (no dependencies, no database, no code of the project). The algorithm is the one described in
// docs/inspections/draw.md; this is an independent implementation of it.
//
// Usage:
//   node scripts/verify-draw.mjs <pool.json> <draw.json> [--json]
// pool.json: the published frozen pool (抽取底库), byte for byte;
// draw.json: the published draw: { poolSha256, commitment, publicValue, secret, selection? }.
// Prints the recomputed selection; when draw.json carries a selection, compares it and exits
// with status 1 on any difference (or when the hash or the commitment does not match).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

const args = process.argv.slice(2);
const asJson = args.includes("--json");
const [poolPath, drawPath] = args.filter((a) => !a.startsWith("--"));
if (!poolPath || !drawPath) {
  console.error("用法: node scripts/verify-draw.mjs <抽取底库.json> <抽取结果.json> [--json]");
  process.exit(2);
}

const sha256 = (data) => createHash("sha256").update(data).digest("hex");
const fail = (message) => {
  console.error(`校验失败：${message}`);
  process.exit(1);
};

// 1. The pool file: its SHA-256 (of the exact bytes) must be the published one.
const poolBytes = readFileSync(poolPath);
const draw = JSON.parse(readFileSync(drawPath, "utf8"));
const poolSha256 = sha256(poolBytes);
if (poolSha256 !== draw.poolSha256) fail(`抽取底库的SHA-256为${poolSha256}，与公布的${draw.poolSha256}不符`);
const pool = JSON.parse(poolBytes.toString("utf8"));
if (pool.format !== "kuanyan-draw-pool/1") fail(`未知的底库格式 ${pool.format}`);

// 2. The secret must match the commitment published before the draw.
if (sha256(draw.secret) !== draw.commitment) fail("服务器密钥与事先公布的承诺值不符");

// 3. The seed.
const publicValue = String(draw.publicValue)
  .replace(/[\s\u3000]+/g, " ")
  .trim();
const seed = sha256(`kuanyan-draw/1\n${poolSha256}\n${publicValue}\n${draw.secret}`);

// 4. The selection.
const randomIndex = (label, i, n) => Number(BigInt(`0x${sha256(`${seed}/${label}/${i}`)}`) % BigInt(n));
function drawFrom(label, items, k) {
  const rest = items.slice();
  const out = [];
  for (let i = 0; i < Math.min(k, items.length); i++) {
    const j = randomIndex(label, i, rest.length);
    out.push(rest[j]);
    rest[j] = rest[rest.length - 1];
    rest.pop();
  }
  return out;
}

let selection;
if (pool.kind === "annual") {
  const selected = [];
  const strata = new Map();
  for (const o of pool.objects) {
    if (o.keyUnit) selected.push({ creditCode: o.creditCode, reason: "key" });
    else {
      const key = `${o.industry}/${o.riskLevel}`;
      if (!strata.has(key)) strata.set(key, []);
      strata.get(key).push(o);
    }
  }
  const percentFor = (industry, riskLevel) => {
    for (const r of pool.rules.ratios) {
      if ((r.industry === undefined || r.industry === industry) && (r.riskLevel === undefined || r.riskLevel === riskLevel)) return r.percent;
    }
    return pool.rules.defaultPercent;
  };
  const strataOut = [];
  for (const key of [...strata.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const units = strata.get(key);
    const [industry, riskLevel] = key.split("/");
    const percent = percentFor(industry, riskLevel);
    const drawn = Math.floor((units.length * percent + 99) / 100);
    for (const o of drawFrom(`plan/${key}`, units, drawn)) selected.push({ creditCode: o.creditCode, reason: "drawn" });
    strataOut.push({ industry, riskLevel, size: units.length, percent, drawn });
  }
  selection = { kind: "annual", annual: { selected, strata: strataOut } };
} else if (pool.kind === "periodic") {
  const excluded = new Set(pool.exclusions.map((e) => `${e.object}/${e.inspector}`));
  const assignments = [];
  for (const o of drawFrom("objects", pool.objects, pool.rules.objectCount)) {
    const eligible = pool.inspectors.filter((i) => i.fields.includes(o.industry) && !excluded.has(`${o.creditCode}/${i.code}`));
    if (eligible.length < pool.rules.inspectorsPerObject) fail(`检查对象${o.creditCode}可抽取的执法人员不足`);
    assignments.push({
      creditCode: o.creditCode,
      inspectors: drawFrom(`inspectors/${o.creditCode}`, eligible, pool.rules.inspectorsPerObject).map((i) => i.code),
    });
  }
  selection = { kind: "periodic", periodic: { assignments } };
} else {
  fail(`未知的抽取类型 ${pool.kind}`);
}

const names = new Map(pool.objects.map((o) => [o.creditCode, o.name]));
if (asJson) {
  console.log(JSON.stringify({ poolSha256, seed, selection }));
} else {
  console.log(`抽取：${pool.title}（${pool.organisation}，编号 ${pool.drawId}）`);
  console.log(`底库SHA-256：${poolSha256}`);
  console.log(`公开随机数：${publicValue}`);
  console.log(`种子：${seed}`);
  if (selection.kind === "annual") {
    selection.annual.selected.forEach((s, i) =>
      console.log(`${i + 1}. ${s.creditCode} ${names.get(s.creditCode)}${s.reason === "key" ? "（重点单位）" : ""}`),
    );
  } else {
    selection.periodic.assignments.forEach((a, i) => console.log(`${i + 1}. ${a.creditCode} ${names.get(a.creditCode)}：${a.inspectors.join("、")}`));
  }
}
// Key order does not matter in the comparison: both sides are written canonically (sorted keys).
const canonical = (v) =>
  Array.isArray(v)
    ? `[${v.map(canonical).join(",")}]`
    : v !== null && typeof v === "object"
      ? `{${Object.keys(v)
          .filter((k) => v[k] !== undefined)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
          .join(",")}}`
      : JSON.stringify(v);
if (draw.selection !== undefined) {
  if (canonical(draw.selection) !== canonical(selection)) fail("重新计算的抽取结果与公布的结果不一致");
  if (!asJson) console.log("与公布的抽取结果一致。");
}
