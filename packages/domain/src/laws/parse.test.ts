import { describe, expect, it } from "vitest";
import { LawParseError, assignStatuses, parseLawMarkdown } from "./parse";

const SAMPLE = `# 中华人民共和国示例法

2001年1月1日 第九届全国人民代表大会常务委员会第一次会议通过

2021年6月10日 第十三届全国人民代表大会常务委员会第二十九次会议修正

<!-- INFO END -->

## 第一章 总 则

第一条 为了示例，制定本法。

第二条 生产经营单位有下列行为之一的，责令限期改正：

（一）未设置机构的；

(二)未记录情况的；

有前款行为，逾期未改正的，处十万元以上二十万元以下的罚款。

## 第二章 法律责任

### 第一节 一般规定

第三条 违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。初次违法且危害后果轻微并及时改正的，可以不予行政处罚。

当事人有证据足以证明没有主观过错的，不予行政处罚。

### 第二节 特别规定

第四条 本法自2021年9月1日起施行。\u200b
`;

describe("parseLawMarkdown", () => {
  const law = parseLawMarkdown(SAMPLE, "示例法(2021-06-10).md");

  it("takes the full title, the short title without 中华人民共和国 and the version date from the file name", () => {
    expect(law.title).toBe("中华人民共和国示例法");
    expect(law.shortTitle).toBe("示例法");
    expect(law.versionDate).toBe("2021-06-10");
    expect(law.id).toBe("示例法@2021-06-10");
    expect(law.status).toBe("现行有效");
  });

  it("keeps the adoption and amendment history", () => {
    expect(law.history).toEqual([
      "2001年1月1日 第九届全国人民代表大会常务委员会第一次会议通过",
      "2021年6月10日 第十三届全国人民代表大会常务委员会第二十九次会议修正",
    ]);
  });

  it("reads chapters (章) and sections (节) with their article ranges", () => {
    expect(law.chapters.map((c) => [c.number, c.title, c.firstArticle, c.lastArticle])).toEqual([
      [1, "总则", 1, 2],
      [2, "法律责任", 3, 4],
    ]);
    expect(law.chapters[1].sections.map((s) => [s.number, s.title, s.firstArticle, s.lastArticle])).toEqual([
      [1, "一般规定", 3, 3],
      [2, "特别规定", 4, 4],
    ]);
    expect(law.articles.map((a) => [a.number, a.chapter, a.section])).toEqual([
      [1, 1, undefined],
      [2, 1, undefined],
      [3, 2, 1],
      [4, 2, 2],
    ]);
  });

  it("splits an article into paragraphs (款) and attaches items (项) in either bracket style to their paragraph", () => {
    const a2 = law.articles[1];
    expect(a2.paragraphs).toHaveLength(2);
    expect(a2.paragraphs[0].text).toBe("生产经营单位有下列行为之一的，责令限期改正：");
    expect(a2.paragraphs[0].items).toEqual([
      { number: 1, text: "未设置机构的；" },
      { number: 2, text: "未记录情况的；" },
    ]);
    expect(a2.paragraphs[1]).toEqual({
      number: 2,
      text: "有前款行为，逾期未改正的，处十万元以上二十万元以下的罚款。",
      items: [],
    });
    expect(a2.text).toBe(
      "生产经营单位有下列行为之一的，责令限期改正：\n（一）未设置机构的；\n（二）未记录情况的；\n有前款行为，逾期未改正的，处十万元以上二十万元以下的罚款。",
    );
  });

  it("drops zero-width characters", () => {
    expect(law.articles[3].text).toBe("本法自2021年9月1日起施行。");
  });

  it("accepts laws without chapters", () => {
    const plain = parseLawMarkdown("# 某规定\n\n<!-- INFO END -->\n\n第一条 甲。\n\n第二条 乙。\n", "某规定(2020-01-01).md");
    expect(plain.chapters).toEqual([]);
    expect(plain.articles.map((a) => a.chapter)).toEqual([undefined, undefined]);
    expect(plain.shortTitle).toBe("某规定");
  });

  it("reports malformed files with the file name and line, in Chinese", () => {
    expect(() => parseLawMarkdown("第一条 甲。", "x(2020-01-01).md")).toThrow(LawParseError);
    expect(() => parseLawMarkdown("# 甲法\n\n第一条 甲。", "甲法(2020-01-01).md")).toThrow(/INFO END/);
    expect(() => parseLawMarkdown("# 甲法\n<!-- INFO END -->\n前言文字\n第一条 甲。", "甲法(2020-01-01).md")).toThrow(
      /甲法\(2020-01-01\)\.md:3: 条文之外的文字/,
    );
    expect(() => parseLawMarkdown("# 甲法\n<!-- INFO END -->\n第一条 甲。", "甲法.md")).toThrow(/文件名/);
    expect(() => parseLawMarkdown("# 甲法\n<!-- INFO END -->\n", "甲法(2020-01-01).md")).toThrow(/没有找到任何条文/);
  });
});

describe("assignStatuses", () => {
  const v1 = parseLawMarkdown("# 甲法\n<!-- INFO END -->\n第一条 旧。", "甲法(2010-01-01).md");
  const v2 = parseLawMarkdown("# 甲法\n<!-- INFO END -->\n第一条 新。", "甲法(2020-01-01).md");
  const other = parseLawMarkdown("# 乙条例\n<!-- INFO END -->\n第一条 乙。", "乙条例(2015-01-01).md");

  it("marks the newest version of a title 现行有效 and earlier ones 已修订", () => {
    const result = assignStatuses([v1, v2, other]);
    expect(result.map((l) => [l.id, l.status])).toEqual([
      ["甲法@2010-01-01", "已修订"],
      ["甲法@2020-01-01", "现行有效"],
      ["乙条例@2015-01-01", "现行有效"],
    ]);
  });

  it("marks listed titles 已废止", () => {
    expect(assignStatuses([other], ["乙条例"])[0].status).toBe("已废止");
  });
});
