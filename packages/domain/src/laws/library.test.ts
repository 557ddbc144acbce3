import { describe, expect, it } from "vitest";
import { fixtureLibrary } from "./fixtures.test-support";
import { LawLibrary } from "./library";
import { parseLawMarkdown } from "./parse";

const SAFETY = "中华人民共和国安全生产法";
const REGULATION = "生产安全事故应急条例";

describe("LawLibrary: finding laws", () => {
  const library = fixtureLibrary();

  it("finds a law by full title, short title, and with book-title marks; the version in force by default", () => {
    expect(library.byTitle(SAFETY)?.versionDate).toBe("2021-06-10");
    expect(library.byShortTitle("安全生产法")?.id).toBe("安全生产法@2021-06-10");
    expect(library.findLaw("《安全生产法》")?.title).toBe(SAFETY);
    expect(library.findLaw("生产安全事故应急条例")?.title).toBe(REGULATION);
    expect(library.findLaw("食品安全法")).toBeUndefined();
  });

  it("keeps older versions readable by date and marks them 已修订", () => {
    const old = library.byTitle(SAFETY, "2014-08-31");
    expect(old?.status).toBe("已修订");
    expect(library.versions(SAFETY).map((l) => l.versionDate)).toEqual(["2021-06-10", "2014-08-31"]);
    expect(library.currentLaws().map((l) => l.id)).toEqual(["安全生产法@2021-06-10", "生产安全事故应急条例@2019-02-17"]);
  });

  it("refuses two laws with the same id", () => {
    const law = parseLawMarkdown("# 甲法\n<!-- INFO END -->\n第一条 甲。", "甲法(2020-01-01).md");
    expect(() => new LawLibrary([law, law])).toThrow(/duplicate/);
  });
});

describe("LawLibrary: lookup at article, paragraph and item level", () => {
  const library = fixtureLibrary();

  it("returns an article's whole text", () => {
    expect(library.lookup({ law: REGULATION, article: 2 })).toBe(
      "生产经营单位未将生产安全事故应急救援预案报送备案的，责令限期改正；逾期未改正的，处3万元以上5万元以下的罚款。\n预案应当定期修订。",
    );
  });

  it("returns a paragraph with its items", () => {
    expect(library.lookup({ law: SAFETY, article: 3, paragraph: 2 })).toBe("有下列情形之一的，应当报告：\n（一）发生事故；\n（二）发生险情。");
  });

  it("returns an item; without 款 it is the item of the only paragraph that has items", () => {
    expect(library.lookup({ law: SAFETY, article: 2, item: 2 })).toBe("未如实记录安全生产教育和培训情况的；");
    const p = library.provision({ law: SAFETY, article: 2, item: 3 });
    expect(p?.citation).toEqual({ law: SAFETY, article: 2, paragraph: 1, item: 3 });
    expect(p?.label).toBe("《中华人民共和国安全生产法》第二条第（三）项");
    expect(p?.article.number).toBe(2);
    expect(p?.law.versionDate).toBe("2021-06-10");
  });

  it("resolves against an older version when asked", () => {
    expect(library.provision({ law: SAFETY, article: 1 }, "2014-08-31")?.text).toBe("旧版本第一条。");
    expect(library.lookup({ law: SAFETY, article: 1 })).toBe("为了加强安全生产工作，制定本法。");
  });
});

describe("LawLibrary: unknown provisions are reported in Chinese, never guessed", () => {
  const library = fixtureLibrary();

  it.each([
    [{ law: "中华人民共和国食品安全法", article: 1 }, "法律法规库中没有《中华人民共和国食品安全法》"],
    [{ law: SAFETY, article: 9 }, "《中华人民共和国安全生产法》没有第九条（共三条）"],
    [{ law: SAFETY, article: 2, paragraph: 3 }, "第二条没有第三款（该条共一款）"],
    [{ law: SAFETY, article: 2, item: 8 }, "第二条没有第（八）项（共三项）"],
    [{ law: REGULATION, article: 2, item: 1 }, "第二条没有分项"],
    [{ law: SAFETY, article: 3, item: 1 }, "第三条有二款列有分项，请写明第几款"],
    [{ law: SAFETY, article: 3, paragraph: 2, item: 3 }, "第三条第二款没有第（三）项（共二项）"],
  ])("%j", (citation, message) => {
    const result = library.resolve(citation);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
    expect(library.lookup(citation)).toBeUndefined();
  });

  it("reports a missing version", () => {
    const result = library.resolve({ law: SAFETY, article: 1 }, "2002-06-29");
    expect(result).toEqual({ ok: false, error: "法律法规库中没有《中华人民共和国安全生产法》2002-06-29版本" });
  });
});

describe("LawLibrary: search", () => {
  const library = fixtureLibrary();

  it("finds paragraphs containing every term, current versions only", () => {
    const hits = library.search("预案 修订");
    expect(hits.map((h) => h.label)).toEqual(["《生产安全事故应急条例》第二条第二款"]);
    expect(library.search("旧版本")).toEqual([]);
    expect(library.search("旧版本", { includeOutdated: true }).map((h) => h.lawId)).toEqual(["安全生产法@2014-08-31"]);
  });

  it("puts the provision named by the query first, then text hits", () => {
    const hits = library.search("安全生产法第二条第（二）项");
    expect(hits[0]).toMatchObject({ match: "citation", text: "未如实记录安全生产教育和培训情况的；" });
    const byNumber = library.search("第一条");
    expect(byNumber.map((h) => h.lawTitle)).toEqual([SAFETY, REGULATION]);
    expect(byNumber.every((h) => h.match === "citation")).toBe(true);
  });

  it("ranks paragraphs with more occurrences first and honours the limit", () => {
    const hits = library.search("发生");
    expect(hits[0].label).toBe("《中华人民共和国安全生产法》第三条第一款"); // 发生 ×2, before the 款 below
    expect(hits.map((h) => h.label)).toContain("《中华人民共和国安全生产法》第三条第二款");
    expect(library.search("发生", { limit: 1 })).toHaveLength(1);
    expect(library.search("发生", 2)).toHaveLength(2);
    expect(library.search("   ")).toEqual([]);
  });
});
