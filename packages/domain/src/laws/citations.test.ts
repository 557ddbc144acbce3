import { describe, expect, it } from "vitest";
import { citationWithin, formatCitation, formatCitations, parseCitation, parseCitations, sameCitation } from "./citations";
import { fixtureLibrary } from "./fixtures.test-support";
import { resolveCitation } from "./library";
import type { Citation } from "./types";

const PUNISH = "中华人民共和国行政处罚法";
const SAFETY = "中华人民共和国安全生产法";

function ok(text: string, options?: Parameters<typeof parseCitation>[1]): Citation {
  const result = parseCitation(text, options);
  if (!result.ok) throw new Error(`expected ${text} to parse, got: ${result.error}`);
  return result.citation;
}

describe("parseCitation", () => {
  it.each([
    ["《中华人民共和国行政处罚法》第三十三条第一款", { law: PUNISH, article: 33, paragraph: 1 }],
    ["《中华人民共和国安全生产法》第九十七条第（四）项", { law: SAFETY, article: 97, item: 4 }],
    ["《安全生产法》第九十七条第（四）项", { law: SAFETY, article: 97, item: 4 }],
    ["《安全生产法》第九十七条第四项", { law: SAFETY, article: 97, item: 4 }],
    ["《安全生产法》第九十七条第(四)项", { law: SAFETY, article: 97, item: 4 }],
    ["行政处罚法第三十三条", { law: PUNISH, article: 33 }],
    ["《行政处罚法》第33条", { law: PUNISH, article: 33 }],
    ["《中华人民共和国安全生产法》第一百零一条第（五）项。", { law: SAFETY, article: 101, item: 5 }],
    ["《中华人民共和国安全生产法》第一百一十条第二款", { law: SAFETY, article: 110, paragraph: 2 }],
    ["《中华人民\n共和国行政\n处罚法》\n第三十三条", { law: PUNISH, article: 33 }],
    ["《生产安全事故应急条例》第三十二条", { law: "生产安全事故应急条例", article: 32 }],
    ["《安全生产法》第三条第二款第（一）项", { law: SAFETY, article: 3, paragraph: 2, item: 1 }],
  ])("%s", (text, citation) => {
    expect(ok(text)).toEqual(citation);
  });

  it("uses the library to find the official title of a short name", () => {
    const library = fixtureLibrary();
    expect(ok("应急条例第二条", { resolver: { canonicalTitle: () => undefined } }).law).toBe("应急条例");
    expect(ok("《安全生产法》第二条", { resolver: library }).law).toBe(SAFETY);
  });

  it("reads a citation without a title only when the law is given by context", () => {
    expect(parseCitation("第九十七条第四项")).toEqual({ ok: false, error: "“第九十七条第四项”缺少法律法规名称" });
    expect(ok("第九十七条第四项", { defaultLaw: "安全生产法" })).toEqual({ law: SAFETY, article: 97, item: 4 });
  });

  it.each([
    ["", "依据为空"],
    ["《中华人民共和国行政处罚法》", "缺少条号"],
    ["《中华人民共和国行政处罚法》第三十三", "缺少条号"],
    ["《》第三条", "法律法规名称为空"],
    ["《中华人民共和国行政处罚法第三十三条", "书名号不完整"],
    ["《中华人民共和国行政处罚法》第三十三条有关规定", "无法识别“有关规定”"],
    ["有关法律规定", "无法识别的依据"],
    ["《行政处罚法》第零条", "无法识别的条号"],
  ])("rejects %j with a Chinese reason", (text, reason) => {
    const result = parseCitation(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(reason);
  });
});

describe("formatCitation", () => {
  it("writes the official form", () => {
    expect(formatCitation({ law: SAFETY, article: 97, item: 4 })).toBe("《中华人民共和国安全生产法》第九十七条第（四）项");
    expect(formatCitation({ law: PUNISH, article: 33, paragraph: 1 })).toBe("《中华人民共和国行政处罚法》第三十三条第一款");
    expect(formatCitation({ law: SAFETY, article: 110, paragraph: 2, item: 10 })).toBe("《中华人民共和国安全生产法》第一百一十条第二款第（十）项");
  });

  it("round-trips: parse(format(c)) = c for every shape of citation", () => {
    const laws = [PUNISH, SAFETY, "生产安全事故应急条例"];
    for (const law of laws)
      for (const article of [1, 10, 33, 97, 101, 110, 154])
        for (const paragraph of [undefined, 1, 2, 3])
          for (const item of [undefined, 1, 4, 10, 12]) {
            const c: Citation = { law, article };
            if (paragraph !== undefined) c.paragraph = paragraph;
            if (item !== undefined) c.item = item;
            expect(ok(formatCitation(c))).toEqual(c);
          }
  });

  it("round-trips: format(parse(s)) = s for official strings", () => {
    for (const s of [
      "《中华人民共和国行政处罚法》第三十三条第一款",
      "《中华人民共和国安全生产法》第九十七条第（四）项",
      "《中华人民共和国安全生产法》第一百零五条第（二）项",
    ]) {
      expect(formatCitation(ok(s))).toBe(s);
    }
  });
});

describe("parseCitations (cells holding several)", () => {
  it("a later 第N条 without a title belongs to the previous law", () => {
    const { citations, errors } = parseCitations("《中华人民共和国行政处罚法》第三十二条、第三十三条第一款");
    expect(errors).toEqual([]);
    expect(citations).toEqual([
      { law: PUNISH, article: 32 },
      { law: PUNISH, article: 33, paragraph: 1 },
    ]);
  });

  it("reads several laws, bare titles after separators and bare items of the same article", () => {
    const { citations, errors } = parseCitations(
      "《安全生产法》第九十七条第（四）项和第（五）项；行政处罚法第三十三条，《生产安全事故应急条例》第三十二条",
    );
    expect(errors).toEqual([]);
    expect(citations).toEqual([
      { law: SAFETY, article: 97, item: 4 },
      { law: SAFETY, article: 97, item: 5 },
      { law: PUNISH, article: 33 },
      { law: "生产安全事故应急条例", article: 32 },
    ]);
  });

  it("ignores the quoted provision text after a citation, as the seed annexes print it", () => {
    const cell =
      "《中华人民共和国行政处罚法》第三十三条 违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。" + "依照本法第九十五条规定处理的除外。";
    expect(parseCitations(cell)).toEqual({ citations: [{ law: PUNISH, article: 33 }], errors: [] });
  });

  it("reports a provision with no law and a cell with no citation", () => {
    expect(parseCitations("第三十三条").errors).toEqual(["“第三十三条”缺少法律法规名称"]);
    expect(parseCitations("有关规定").errors[0]).toContain("未识别到法律依据");
  });

  it("formatCitations writes what parseCitations reads back", () => {
    const list: Citation[] = [
      { law: PUNISH, article: 32 },
      { law: PUNISH, article: 33, paragraph: 1 },
      { law: SAFETY, article: 97, item: 6 },
    ];
    const text = formatCitations(list);
    expect(text).toBe("《中华人民共和国行政处罚法》第三十二条、第三十三条第一款、《中华人民共和国安全生产法》第九十七条第（六）项");
    expect(parseCitations(text)).toEqual({ citations: list, errors: [] });
  });
});

describe("resolveCitation", () => {
  const library = fixtureLibrary();

  it("links a parsed citation to its provision and back to the official string", () => {
    const parsed = ok("《安全生产法》第二条第二项", { resolver: library });
    const result = resolveCitation(library, parsed);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.provision.text).toBe("未如实记录安全生产教育和培训情况的；");
      expect(result.provision.label).toBe("《中华人民共和国安全生产法》第二条第（二）项");
      expect(sameCitation(ok(result.provision.label), parsed)).toBe(true);
    }
  });

  it("reports unknown laws and provisions instead of guessing", () => {
    const unknown = resolveCitation(library, ok("《食品安全法》第一条", { resolver: library }));
    expect(unknown).toEqual({ ok: false, error: "法律法规库中没有《中华人民共和国食品安全法》" });
    const missing = resolveCitation(library, ok("《安全生产法》第二条第（九）项", { resolver: library }));
    expect(missing.ok).toBe(false);
  });
});

describe("citationWithin", () => {
  const art97 = { law: SAFETY, article: 97 };
  it("an item or paragraph is within its article; an article is not within one of its paragraphs", () => {
    expect(citationWithin({ ...art97, item: 4 }, art97)).toBe(true);
    expect(citationWithin(art97, art97)).toBe(true);
    expect(citationWithin({ law: PUNISH, article: 33, paragraph: 1 }, { law: PUNISH, article: 33 })).toBe(true);
    expect(citationWithin({ law: PUNISH, article: 33 }, { law: PUNISH, article: 33, paragraph: 1 })).toBe(false);
    expect(citationWithin({ law: PUNISH, article: 33, paragraph: 2 }, { law: PUNISH, article: 33, paragraph: 1 })).toBe(false);
    expect(citationWithin({ ...art97, item: 4 }, { ...art97, item: 5 })).toBe(false);
    expect(citationWithin({ ...art97, item: 4 }, { ...art97, paragraph: 1 })).toBe(true);
    expect(citationWithin({ law: PUNISH, article: 97 }, art97)).toBe(false);
    expect(citationWithin({ law: SAFETY, article: 98 }, art97)).toBe(false);
  });
});
