import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { announceDraw, commitmentOf, deriveSeed, drawFrom, performDraw, selectAnnualPlan, selectDraw, selectPeriodic, type DrawResult } from "./draw";
import { generatedObjects, makeCreditCode } from "./fixtures.test-support";
import { canonicalJson, freezeAnnualPool, freezePeriodicPool, parsePoolFile, type PoolObject } from "./pool";
import { sha256Hex } from "./sha256";

const root = fileURLToPath(new URL("../../../../", import.meta.url));
const drawsDir = new URL("./fixtures/draws/", import.meta.url);
const secret = sha256Hex("test secret");
const seedOf = (poolSha256: string, publicValue = "10523.47") => {
  const s = deriveSeed({ poolSha256, commitment: commitmentOf(secret), publicValue, secret });
  if (!s.ok) throw new Error(s.error);
  return s.seed;
};

describe("SHA-256 (pure, for browser and server)", () => {
  it("gives the FIPS 180-4 test vectors and agrees with node:crypto on long and Chinese input", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
    for (const text of ["晋江市应急管理局", "x".repeat(55), "x".repeat(56), "x".repeat(64), "双随机".repeat(10_000)]) {
      expect(sha256Hex(text)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
    }
  });
});

describe("the frozen pool", () => {
  const objects = generatedObjects(30);
  const freeze = (objs: PoolObject[]) =>
    freezeAnnualPool({ drawId: "D1", title: "年度计划", organisation: "晋江市应急管理局", objects: objs, rules: { defaultPercent: 20, ratios: [] } });

  it("is the same bytes and hash whatever order the units come in", () => {
    const a = freeze(objects);
    const b = freeze([...objects].reverse());
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(b.frozen.text).toBe(a.frozen.text);
    expect(a.frozen.sha256).toBe(createHash("sha256").update(a.frozen.text, "utf8").digest("hex"));
    expect(parsePoolFile(a.frozen.text)).toEqual({ ok: true, pool: a.frozen.pool });
  });

  it("the frozen file equals the generic canonical JSON of the pool (the fast writer of units agrees)", () => {
    const a = freeze(objects.map((o, i) => (i === 3 ? { ...o, name: '引号"与\\反斜杠与😀有限公司' } : o)));
    if (!a.ok) throw new Error(a.error);
    expect(a.frozen.text).toBe(canonicalJson(a.frozen.pool));
    expect(JSON.parse(a.frozen.text)).toEqual(a.frozen.pool);
  });

  it("canonical JSON sorts keys and leaves out absent values", () => {
    expect(canonicalJson({ b: 1, a: [{ d: "晋江", c: true, e: undefined }] })).toBe('{"a":[{"c":true,"d":"晋江"}],"b":1}');
  });

  it("a changed byte (reformatted file) is refused as not canonical", () => {
    const a = freeze(objects);
    if (!a.ok) throw new Error(a.error);
    expect(parsePoolFile(JSON.stringify(JSON.parse(a.frozen.text), null, 1))).toMatchObject({ ok: false });
  });

  it("an empty pool or a duplicate credit code cannot be frozen (中文错误)", () => {
    expect(freeze([])).toEqual({ ok: false, error: "检查对象名录库为空，不能抽取" });
    const dup = freeze([objects[0], objects[1], { ...objects[0], name: "另一家" }]);
    expect(dup).toMatchObject({ ok: false });
    if (!dup.ok) expect(dup.error).toContain("重复");
  });
});

describe("the seed (RFC 3797's idea: a value fixed in advance that the agency cannot control)", () => {
  it("is refused when the revealed secret is not the committed one, or the public value is missing", () => {
    const pool = "a".repeat(64);
    expect(deriveSeed({ poolSha256: pool, commitment: commitmentOf(secret), publicValue: "1", secret: sha256Hex("other") })).toEqual({
      ok: false,
      error: "服务器密钥与事先公布的承诺值不符，不能抽取",
    });
    expect(deriveSeed({ poolSha256: pool, commitment: commitmentOf(secret), publicValue: "  ", secret })).toMatchObject({ ok: false });
  });

  it("ignores how spaces were typed in the public value, and changes with any digit of it", () => {
    const pool = "b".repeat(64);
    expect(seedOf(pool, " 03 09  14\u300021 ")).toBe(seedOf(pool, "03 09 14 21"));
    expect(seedOf(pool, "03 09 14 22")).not.toBe(seedOf(pool, "03 09 14 21"));
  });
});

describe("the annual plan", () => {
  const objects = generatedObjects(2_000);
  const frozen = freezeAnnualPool({
    drawId: "P",
    title: "年度计划",
    organisation: "晋江市应急管理局",
    objects,
    rules: {
      defaultPercent: 10,
      ratios: [
        { riskLevel: "major", percent: 100 },
        { industry: "hazardous_chemicals", percent: 50 },
      ],
    },
  });
  if (!frozen.ok) throw new Error(frozen.error);
  const pool = frozen.frozen.pool;
  const seed = seedOf(frozen.frozen.sha256);

  it("same pool + seed → same selection; another seed → another selection", () => {
    const a = selectAnnualPlan(pool, seed);
    const b = selectAnnualPlan(structuredClone(pool), seed);
    expect(b).toEqual(a);
    const c = selectAnnualPlan(pool, seedOf(frozen.frozen.sha256, "10523.48"));
    expect(c).not.toEqual(a);
  });

  it("every key unit is in the plan (重点单位每年至少检查一次), and each stratum gets ceil(size × percent)", () => {
    const r = selectAnnualPlan(pool, seed);
    if (!r.ok) throw new Error(r.error);
    const chosen = new Set(r.selection.selected.map((s) => s.creditCode));
    expect(chosen.size).toBe(r.selection.selected.length);
    for (const o of objects.filter((o) => o.keyUnit)) expect(chosen.has(o.creditCode)).toBe(true);
    for (const s of r.selection.strata) {
      const members = objects.filter((o) => !o.keyUnit && o.industry === s.industry && o.riskLevel === s.riskLevel);
      expect(s.size).toBe(members.length);
      expect(s.drawn).toBe(Math.ceil((members.length * s.percent) / 100));
      expect(members.filter((o) => chosen.has(o.creditCode))).toHaveLength(s.drawn);
      if (s.riskLevel === "major") expect(s.percent).toBe(100);
      else if (s.industry === "hazardous_chemicals") expect(s.percent).toBe(50);
      else expect(s.percent).toBe(10);
    }
  });

  it("draws without repetition and every index is in range", () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const picked = drawFrom(seed, "t", items, 50);
    expect([...picked].sort((a, b) => a - b)).toEqual(items);
  });
});

describe("the quarterly draw of objects and inspectors", () => {
  const objects = generatedObjects(40).map((o) => ({ ...o, industry: "industry_trade" as const }));
  const inspectors = Array.from({ length: 6 }, (_, i) => ({ code: `Z${i + 1}`, fields: ["industry_trade" as const] }));
  const freeze = (
    exclusions: { inspector: string; object: string; reason: "linked" | "inspected_last_time" }[],
    inspectorList = inspectors,
    objectCount = 10,
  ) =>
    freezePeriodicPool({
      drawId: "Q",
      title: "季度抽查",
      organisation: "晋江市应急管理局",
      objects,
      inspectors: inspectorList,
      exclusions,
      rules: { objectCount, inspectorsPerObject: 2 },
    });

  it("exclusions hold: an excluded inspector is never drawn for that object, whatever the seed", () => {
    const exclusions = objects.flatMap((o) => [
      { inspector: "Z1", object: o.creditCode, reason: "linked" as const },
      { inspector: "Z2", object: o.creditCode, reason: "inspected_last_time" as const },
    ]);
    const f = freeze(exclusions.slice(0, 40));
    if (!f.ok) throw new Error(f.error);
    for (let k = 0; k < 30; k++) {
      const r = selectPeriodic(f.frozen.pool, seedOf(f.frozen.sha256, String(k)));
      if (!r.ok) throw new Error(r.error);
      expect(r.selection.assignments).toHaveLength(10);
      for (const a of r.selection.assignments) {
        expect(a.inspectors).toHaveLength(2);
        expect(new Set(a.inspectors).size).toBe(2);
        const i = objects.findIndex((o) => o.creditCode === a.creditCode);
        if (i < 20) expect(a.inspectors).not.toContain("Z1");
        if (i < 20) expect(a.inspectors).not.toContain("Z2");
      }
    }
  });

  it("fewer than two eligible inspectors for a drawn object → refused with 行政处罚法 第四十二条", () => {
    const all = objects.flatMap((o) => inspectors.slice(0, 5).map((i) => ({ inspector: i.code, object: o.creditCode, reason: "linked" as const })));
    const f = freeze(all);
    if (!f.ok) throw new Error(f.error);
    const r = selectPeriodic(f.frozen.pool, seedOf(f.frozen.sha256));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/可抽取的执法人员只有1名，少于2名.*执法人员不得少于两人/);
    expect(freeze([], inspectors.slice(0, 1))).toEqual({ ok: false, error: "符合条件的执法人员只有1名，少于两名，不能抽取" });
  });

  it("a draw from an empty pool is refused", () => {
    const f = freezePeriodicPool({
      drawId: "Q",
      title: "季度",
      organisation: "X",
      objects: [],
      inspectors,
      exclusions: [],
      rules: { objectCount: 1, inspectorsPerObject: 2 },
    });
    expect(f).toEqual({ ok: false, error: "检查对象名录库为空，不能抽取" });
  });
});

describe("a draw is done once; a redraw is a new draw with a reason", () => {
  const f = freezeAnnualPool({
    drawId: "D",
    title: "年度",
    organisation: "X",
    objects: generatedObjects(10),
    rules: { defaultPercent: 50, ratios: [] },
  });
  if (!f.ok) throw new Error(f.error);
  const announced = announceDraw({
    drawId: "D",
    poolSha256: f.frozen.sha256,
    secret,
    publicSource: "某日深证成指收盘点数",
    publicValueDate: "2027-01-08",
    today: "2027-01-04",
  });
  if (!announced.ok) throw new Error(announced.error);
  const base = {
    announcement: announced.announcement,
    pool: f.frozen.pool,
    poolSha256: f.frozen.sha256,
    publicValue: "10611.02",
    secret,
    today: "2027-01-08",
  };

  it("cannot be drawn before the public value exists, nor on another pool, nor twice", () => {
    expect(performDraw({ ...base, today: "2027-01-07" })).toMatchObject({ ok: false });
    expect(performDraw({ ...base, poolSha256: "c".repeat(64) })).toMatchObject({ ok: false, error: expect.stringContaining("不一致") });
    const done = performDraw(base);
    if (!done.ok) throw new Error(done.error);
    expect(performDraw({ ...base, existingResult: done.result })).toMatchObject({ ok: false, error: expect.stringContaining("不能重做或修改") });
  });

  it("the public value must come after the announcement; a redraw needs a reason and a new id", () => {
    expect(
      announceDraw({ drawId: "D", poolSha256: f.frozen.sha256, secret, publicSource: "x", publicValueDate: "2027-01-04", today: "2027-01-04" }),
    ).toMatchObject({ ok: false });
    const redraw = (reason: string, drawId = "D2") =>
      announceDraw({
        drawId,
        poolSha256: f.frozen.sha256,
        secret,
        publicSource: "x",
        publicValueDate: "2027-02-01",
        today: "2027-01-20",
        redrawOf: { drawId: "D", reason, previous: announced.announcement },
      });
    expect(redraw(" ")).toEqual({ ok: false, error: "重新抽取必须写明理由" });
    expect(redraw("原抽取对象已注销", "D")).toMatchObject({ ok: false });
    expect(redraw("原抽取对象已注销")).toMatchObject({ ok: true, announcement: { redrawOf: { drawId: "D", reason: "原抽取对象已注销" } } });
  });
});

describe("three published draws: scripts/verify-draw.mjs (plain Node) agrees with the domain", () => {
  const names = readdirSync(drawsDir).sort();
  it("there are three", () => expect(names).toHaveLength(3));

  for (const name of names) {
    it(`${name}: the script and the domain recompute the published selection`, () => {
      const poolPath = fileURLToPath(new URL(`${name}/pool.json`, drawsDir));
      const drawPath = fileURLToPath(new URL(`${name}/draw.json`, drawsDir));
      const published = JSON.parse(readFileSync(drawPath, "utf8")) as DrawResult;
      const text = readFileSync(poolPath, "utf8");
      const parsed = parsePoolFile(text);
      if (!parsed.ok) throw new Error(parsed.error);
      expect(sha256Hex(text)).toBe(published.poolSha256);
      const seed = deriveSeed(published);
      if (!seed.ok) throw new Error(seed.error);
      expect(seed.seed).toBe(published.seed);
      const domain = selectDraw(parsed.pool, seed.seed);
      expect(domain).toEqual({ ok: true, selection: published.selection });

      const run = spawnSync(process.execPath, ["scripts/verify-draw.mjs", poolPath, drawPath, "--json"], { cwd: root, encoding: "utf8" });
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      const script = JSON.parse(run.stdout) as { poolSha256: string; seed: string; selection: unknown };
      expect(script).toEqual({ poolSha256: published.poolSha256, seed: published.seed, selection: published.selection });
    });
  }

  it("the script refuses a pool file changed by one unit, and a wrong secret", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const tmp = mkdtempSync("/tmp/verify-draw-");
    const name = names[0];
    const text = readFileSync(new URL(`${name}/pool.json`, drawsDir), "utf8");
    const draw = JSON.parse(readFileSync(new URL(`${name}/draw.json`, drawsDir), "utf8")) as DrawResult;
    writeFileSync(`${tmp}/pool.json`, text.replace(/"keyUnit":false/, '"keyUnit":true'));
    writeFileSync(`${tmp}/draw.json`, JSON.stringify(draw));
    const changed = spawnSync(process.execPath, ["scripts/verify-draw.mjs", `${tmp}/pool.json`, `${tmp}/draw.json`], { cwd: root, encoding: "utf8" });
    expect(changed.status).toBe(1);
    expect(changed.stderr).toContain("SHA-256");
    writeFileSync(`${tmp}/pool.json`, text);
    writeFileSync(`${tmp}/draw.json`, JSON.stringify({ ...draw, secret: sha256Hex("guess") }));
    const wrong = spawnSync(process.execPath, ["scripts/verify-draw.mjs", `${tmp}/pool.json`, `${tmp}/draw.json`], { cwd: root, encoding: "utf8" });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain("承诺值");
  });
});

describe("performance", () => {
  it("freezing and drawing a 100,000-unit pool stays within a generous bound (target 1 s: bench/inspections-draw.ts)", () => {
    const objects = generatedObjects(100_000);
    // CPU time of this process, not wall time: the test machine is shared by many processes.
    const cpu0 = process.cpuUsage();
    const f = freezeAnnualPool({
      drawId: "BIG",
      title: "大名录库",
      organisation: "X",
      objects,
      rules: { defaultPercent: 20, ratios: [{ riskLevel: "major", percent: 100 }] },
    });
    if (!f.ok) throw new Error(f.error);
    const r = selectAnnualPlan(f.frozen.pool, seedOf(f.frozen.sha256));
    const cpu = process.cpuUsage(cpu0);
    expect(r.ok).toBe(true);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(3_000);
  });

  it("makeCreditCode gives valid codes", async () => {
    const { validateUnifiedSocialCreditCode } = await import("../codes/validators");
    expect(validateUnifiedSocialCreditCode(makeCreditCode("350582", 1)).ok).toBe(true);
  });
});
