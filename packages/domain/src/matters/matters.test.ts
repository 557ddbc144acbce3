import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatCitation } from "../laws/citations";
import { lawLibraryFromSeed } from "../laws/seed";
import { MATTERS, MATTER_CODE_RE, checkMatter, findMatter, parseFineRanges, parseYuan, searchMatters } from "./index";

const library = lawLibraryFromSeed(JSON.parse(readFileSync(new URL("../../../server/seed/laws.json", import.meta.url), "utf8")));

describe("fine amounts and ranges", () => {
  it.each([
    ["十万元", 100_000],
    ["二十万元", 200_000],
    ["五万元", 50_000],
    ["一万元", 10_000],
    ["3万元", 30_000],
    ["1.5万元", 15_000],
    ["五千元", 5_000],
    ["二百元", 200],
    ["两千元", 2_000],
  ])("%s = %i yuan", (text, yuan) => {
    expect(parseYuan(text)).toBe(yuan);
  });

  it("reads 安全生产法 第九十七条: 处十万元以下; 逾期未改正 十万元以上二十万元以下 (not the persons' 二万–五万)", () => {
    expect(parseFineRanges(findMatter("YJ-AQSCF-097-01")!.penaltyText)).toEqual({
      fineRange: { minYuan: 0, maxYuan: 100_000 },
      escalatedFineRange: { minYuan: 100_000, maxYuan: 200_000 },
    });
  });

  it("reads a fine only after 逾期未改正 (应急条例 第三十二条) and none after it (安全生产法 第一百零五条)", () => {
    expect(parseFineRanges("责令限期改正；逾期未改正的，处3万元以上5万元以下的罚款")).toEqual({
      escalatedFineRange: { minYuan: 30_000, maxYuan: 50_000 },
    });
    expect(parseFineRanges(findMatter("YJ-AQSCF-105-02")!.penaltyText)).toEqual({
      fineRange: { minYuan: 0, maxYuan: 50_000 },
    });
  });
});

describe("seed catalogue", () => {
  it("every matter is sound: citations resolve in the law library, penalty text is verbatim, fine ranges match it", () => {
    const problems = MATTERS.flatMap((m) => checkMatter(m, library));
    expect(problems).toEqual([]);
  });

  it("codes are unique and follow the scheme", () => {
    const codes = MATTERS.map((m) => m.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(MATTER_CODE_RE);
  });

  it("covers 安全生产法 第九十七条（一）–（七）, 第九十九条（一）–（八）, 第一百零一条（一）–（五）, 第一百零五条（一）–（二）", () => {
    const items = (article: number) =>
      MATTERS.filter((m) => m.penalty[0]?.law === "中华人民共和国安全生产法" && m.penalty[0].article === article).map((m) => m.penalty[0].item);
    expect(items(97)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(items(99)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(items(101)).toEqual([1, 2, 3, 4, 5]);
    expect(items(105)).toEqual([1, 2]);
  });

  it("a YJ-AQSCF code names the article and item it is penalised under", () => {
    for (const m of MATTERS.filter((x) => x.code.startsWith("YJ-AQSCF-"))) {
      const [, , article, item] = m.code.split("-");
      expect(m.penalty[0]).toEqual({ law: "中华人民共和国安全生产法", article: Number(article), item: Number(item) });
    }
  });

  it("each 安全生产法 item matter is named after its item's text", () => {
    for (const m of MATTERS.filter((x) => x.code.startsWith("YJ-AQSCF-"))) {
      const itemText = library.lookup(m.penalty[0])!.replace(/的[；。]$/, "");
      expect(m.name.endsWith(itemText) || m.name === itemText, `${m.code}: ${m.name} / ${itemText}`).toBe(true);
    }
  });

  // The codes the 三明 lists (seed 000) use, with the wording of each list's 事项名称.
  it.each([
    ["YJ-AQSCF-097-01", "未按照规定设置安全生产管理机构或者配备安全生产管理人员", "第九十七条第（一）项"],
    ["YJ-AQSCF-097-03", "未按照规定对从业人员、被派遣劳动者、实习学生进行安全生产教育和培训", "第九十七条第（三）项"],
    ["YJ-AQSCF-097-04", "未如实记录安全生产教育和培训情况", "第九十七条第（四）项"],
    ["YJ-AQSCF-097-05", "未向从业人员通报", "第九十七条第（五）项"],
    ["YJ-AQSCF-097-06", "未按照规定制定生产安全事故应急救援预案或者未定期组织演练", "第九十七条第（六）项"],
    ["YJ-AQSCF-099-05", "未为从业人员提供符合国家标准或者行业标准的劳动防护用品", "第九十九条第（五）项"],
    ["YJ-AQSCF-101-05", "未建立事故隐患排查治理制度", "第一百零一条第（五）项"],
    ["YJ-AQSCF-105-02", "生产经营场所和员工宿舍未设有符合紧急疏散需要、标志明显、保持畅通的出口", "第一百零五条第（二）项"],
  ])("%s: %s (%s)", (code, wording, provision) => {
    const m = findMatter(code)!;
    expect(m.name).toContain(wording);
    expect(formatCitation(m.penalty[0])).toBe(`《中华人民共和国安全生产法》${provision}`);
  });

  it("the 三明 减轻 list's 应急预案 matters exist and say their basis lies outside the library", () => {
    for (const [code, word] of [
      ["YJ-YJYA-PS", "评审"],
      ["YJ-YJYA-XD", "修订"],
    ] as const) {
      const m = findMatter(code)!;
      expect(m.name).toContain(`应急预案${word}`);
      expect(m.externalBasis?.length).toBeGreaterThan(0);
      expect(m.externalBasis!.every((b) => b.note.includes("人工核对"))).toBe(true);
    }
    expect(formatCitation(findMatter("YJ-YJYA-XD")!.violated[0])).toBe("《生产安全事故应急条例》第六条第二款");
  });

  it("finds matters by code (any case), by name words and by keyword", () => {
    expect(findMatter("yj-aqscf-099-05")?.name).toContain("劳动防护用品");
    expect(findMatter("YJ-AQSCF-099-09")).toBeUndefined();
    expect(searchMatters("劳动防护用品").map((m) => m.code)).toEqual(["YJ-AQSCF-099-05"]);
    expect(searchMatters("应急预案 备案").map((m) => m.code)).toEqual(["YJ-YJTL-032-01"]);
    expect(searchMatters("").length).toBe(MATTERS.length);
  });
});

describe("checkMatter reports problems in Chinese", () => {
  const base = findMatter("YJ-AQSCF-097-04")!;

  it("an unknown article, a paraphrased penalty text and a wrong fine range", () => {
    const problems = checkMatter(
      {
        ...base,
        code: "YJ-AQSCF-97-4",
        violated: [{ law: "中华人民共和国安全生产法", article: 300 }],
        penaltyText: "责令改正，处十万元以下罚款",
        fineRange: { minYuan: 0, maxYuan: 50_000 },
      },
      library,
    );
    expect(problems).toEqual([
      "YJ-AQSCF-97-4：事项编码格式不正确",
      expect.stringContaining("没有第三百条"),
      "YJ-AQSCF-97-4：处罚内容不是《中华人民共和国安全生产法》第九十七条第（四）项的原文",
      "YJ-AQSCF-97-4：罚款幅度0–50000元与处罚内容（0–100000元）不一致",
      "YJ-AQSCF-97-4：逾期未改正的罚款幅度100000–200000元与处罚内容（无）不一致",
    ]);
  });

  it("a matter without any basis", () => {
    const problems = checkMatter({ ...base, violated: [], penalty: [] }, library);
    expect(problems).toContain("YJ-AQSCF-097-04：缺少违法依据");
    expect(problems).toContain("YJ-AQSCF-097-04：缺少处罚依据");
  });
});

describe("the 三明 seed lists (lists/seed) refer only to catalogued matters", () => {
  it("every 事项编码 of the 不予, 减轻 and 从轻 lists is in the catalogue", async () => {
    const lists = await import("../lists");
    const items = [...lists.sanmingNoPenaltyItems, ...lists.sanmingMitigatedItems, ...lists.sanmingLighterItems];
    expect(items.length).toBe(10);
    const missing = items.filter((i) => !findMatter(i.matterCode ?? "")).map((i) => i.matterCode);
    expect(missing).toEqual([]);
  });
});
