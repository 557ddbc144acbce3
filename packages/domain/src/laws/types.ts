/**
 * A citation of a provision as officials write it:
 * 《中华人民共和国行政处罚法》第三十三条第一款 → { law: "中华人民共和国行政处罚法", article: 33, paragraph: 1 }
 * 《中华人民共和国安全生产法》第九十七条第（四）项 → { law: "中华人民共和国安全生产法", article: 97, item: 4 }
 * `law` is the full official title without book-title marks.
 */
export interface Citation {
  law: string;
  article: number;
  paragraph?: number;
  item?: number;
}

/** Resolves a citation to the text of the provision, or undefined when it does not exist. */
export type ProvisionLookup = (citation: Citation) => string | undefined;

/** Validity of a law version (时效性). */
export type LawStatus = "现行有效" | "已修订" | "已废止";

export const LAW_STATUSES: readonly LawStatus[] = ["现行有效", "已修订", "已废止"];

/** 项: an enumerated item of a paragraph, "（一）…". */
export interface LawItem {
  number: number;
  /** The item text without its "（一）" marker. */
  text: string;
}

/** 款: a paragraph of an article. */
export interface LawParagraph {
  number: number;
  /** The paragraph's own text (for the first paragraph: without "第N条 "), without its items. */
  text: string;
  items: LawItem[];
}

/** 条: an article. */
export interface LawArticle {
  number: number;
  /** Number of the chapter (章) the article belongs to; undefined for laws without chapters. */
  chapter?: number;
  /** Number of the section (节) inside the chapter, when the chapter has sections. */
  section?: number;
  /** The whole article text without "第N条 ", paragraphs and items on their own lines. */
  text: string;
  paragraphs: LawParagraph[];
}

export interface LawSection {
  number: number;
  /** Heading without the number, e.g. "一般规定". */
  title: string;
  firstArticle: number;
  lastArticle: number;
}

export interface LawChapter {
  number: number;
  /** Heading without the number, e.g. "总则" (internal spaces removed: "总 则" → "总则"). */
  title: string;
  firstArticle: number;
  lastArticle: number;
  sections: LawSection[];
}

/** One version of a law or regulation. */
export interface Law {
  /** Stable id: `<shortTitle>@<versionDate>`, e.g. "行政处罚法@2021-01-22". */
  id: string;
  /** Full official title, e.g. "中华人民共和国行政处罚法" or "生产安全事故应急条例". */
  title: string;
  /** Title without "中华人民共和国", e.g. "行政处罚法". */
  shortTitle: string;
  /** ISO date of this version (from the file name). */
  versionDate: string;
  status: LawStatus;
  /** Adoption / amendment history lines, as printed above the text. */
  history: string[];
  chapters: LawChapter[];
  articles: LawArticle[];
}
