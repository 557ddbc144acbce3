import { chineseToNumber } from "./numerals";
import type { Law, LawArticle, LawChapter, LawParagraph, LawStatus } from "./types";

/**
 * Parser for the law Markdown files of the LawRefBook collection (../shared/data/laws):
 *
 *   # 中华人民共和国行政处罚法
 *   1996年3月17日 第八届全国人民代表大会第四次会议通过     ← history, one line each
 *   <!-- INFO END -->
 *   ## 第一章 总则                                       ← chapter (optional)
 *   ### 第一节 一般规定                                   ← section (optional)
 *   第一条 为了规范……                                    ← article, first paragraph (款)
 *   设定和实施行政处罚必须……                               ← next paragraph
 *   （一）主动消除……                                      ← item (项) of the current paragraph
 */

export class LawParseError extends Error {
  constructor(
    readonly fileName: string,
    readonly line: number,
    message: string,
  ) {
    super(`${fileName}:${line}: ${message}`);
    this.name = "LawParseError";
  }
}

const NUM = "[〇零一二两三四五六七八九十百千0-9]+";
const ARTICLE_RE = new RegExp(`^第(${NUM})条(?:[ \\u3000]+(.*))?$`);
const CHAPTER_RE = new RegExp(`^##\\s*第(${NUM})章\\s*(.*)$`);
const SECTION_RE = new RegExp(`^###\\s*第(${NUM})节\\s*(.*)$`);
const ITEM_RE = new RegExp(`^[（(](${NUM})[）)]\\s*(.*)$`);
const FILE_NAME_RE = /^(.+?)[（(](\d{4}-\d{2}-\d{2})[）)](?:\.md)?$/;

export const PRC_PREFIX = "中华人民共和国";

/** "中华人民共和国行政处罚法" → "行政处罚法"; titles without the prefix are returned unchanged. */
export function shortTitleOf(title: string): string {
  return title.startsWith(PRC_PREFIX) && title.length > PRC_PREFIX.length ? title.slice(PRC_PREFIX.length) : title;
}

/** The id of a law version: `<shortTitle>@<versionDate>`. */
export function lawId(shortTitle: string, versionDate: string): string {
  return `${shortTitle}@${versionDate}`;
}

/** Renders an item line the way official texts print it: "（四）未如实记录……". */
export function formatItemLine(number: number, text: string, numeral: (n: number) => string): string {
  return `（${numeral(number)}）${text}`;
}

export interface ParseLawOptions {
  /** Validity of this version; default "现行有效" (see assignStatuses for several versions of one law). */
  status?: LawStatus;
}

function collapseSpaces(text: string): string {
  return text.replace(/[\s\u3000]+/g, "");
}

function toNumber(text: string, fileName: string, line: number, what: string): number {
  const n = chineseToNumber(text);
  if (n === undefined) throw new LawParseError(fileName, line, `无法识别的${what}编号“${text}”`);
  return n;
}

/** Parses one law file. `fileName` is e.g. "行政处罚法(2021-01-22).md"; the version date comes from it. */
export function parseLawMarkdown(text: string, fileName: string, options: ParseLawOptions = {}): Law {
  const baseName = fileName.split(/[\\/]/).pop() ?? fileName;
  const nameMatch = FILE_NAME_RE.exec(baseName);
  if (!nameMatch) throw new LawParseError(fileName, 0, "文件名应为“法律名称(YYYY-MM-DD).md”");
  const versionDate = nameMatch[2];

  // Zero-width characters occur in some transcriptions; they carry no meaning.
  const lines = text.replace(/[\u200b-\u200d\u2060\ufeff]/g, "").split(/\r?\n/);
  let title: string | undefined;
  const history: string[] = [];
  const chapters: LawChapter[] = [];
  const articles: LawArticle[] = [];
  let inBody = false;
  let currentChapter: LawChapter | undefined;
  let currentSectionNumber: number | undefined;
  let article: LawArticle | undefined;
  let paragraph: LawParagraph | undefined;

  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const line = raw.replace(/[\s\u3000]+$/, "").replace(/^[ \u3000]+/, "");
    if (line === "") return;
    if (!inBody) {
      if (line.startsWith("<!-- INFO END")) {
        inBody = true;
      } else if (line.startsWith("# ")) {
        if (title !== undefined) throw new LawParseError(fileName, lineNo, "出现第二个标题");
        title = collapseSpaces(line.slice(2));
      } else if (title !== undefined) {
        history.push(line.replace(/[ \u3000]+/g, " "));
      } else {
        throw new LawParseError(fileName, lineNo, "文件应以“# 法律名称”开头");
      }
      return;
    }

    let m: RegExpExecArray | null;
    if ((m = CHAPTER_RE.exec(line))) {
      const number = toNumber(m[1], fileName, lineNo, "章");
      currentChapter = { number, title: collapseSpaces(m[2]), firstArticle: 0, lastArticle: 0, sections: [] };
      chapters.push(currentChapter);
      currentSectionNumber = undefined;
      article = undefined;
      paragraph = undefined;
      return;
    }
    if ((m = SECTION_RE.exec(line))) {
      if (!currentChapter) throw new LawParseError(fileName, lineNo, "节标题出现在章之外");
      const number = toNumber(m[1], fileName, lineNo, "节");
      currentChapter.sections.push({ number, title: collapseSpaces(m[2]), firstArticle: 0, lastArticle: 0 });
      currentSectionNumber = number;
      article = undefined;
      paragraph = undefined;
      return;
    }
    if (line.startsWith("#")) throw new LawParseError(fileName, lineNo, `无法识别的标题“${line}”`);
    if ((m = ARTICLE_RE.exec(line))) {
      const number = toNumber(m[1], fileName, lineNo, "条");
      article = { number, text: "", paragraphs: [] };
      if (currentChapter) article.chapter = currentChapter.number;
      if (currentSectionNumber !== undefined) article.section = currentSectionNumber;
      articles.push(article);
      if (currentChapter) {
        if (currentChapter.firstArticle === 0) currentChapter.firstArticle = number;
        currentChapter.lastArticle = number;
        const section = currentChapter.sections.at(-1);
        if (section && currentSectionNumber === section.number) {
          if (section.firstArticle === 0) section.firstArticle = number;
          section.lastArticle = number;
        }
      }
      const first = (m[2] ?? "").trim();
      paragraph = undefined;
      if (first !== "") {
        const item = ITEM_RE.exec(first);
        if (item) throw new LawParseError(fileName, lineNo, "条文不应以项开头");
        paragraph = { number: 1, text: first, items: [] };
        article.paragraphs.push(paragraph);
      }
      return;
    }
    if (!article) throw new LawParseError(fileName, lineNo, `条文之外的文字“${line.slice(0, 20)}”`);
    if ((m = ITEM_RE.exec(line))) {
      const number = toNumber(m[1], fileName, lineNo, "项");
      if (!paragraph) {
        // An article whose text starts directly with items: an empty lead paragraph holds them.
        paragraph = { number: article.paragraphs.length + 1, text: "", items: [] };
        article.paragraphs.push(paragraph);
      }
      paragraph.items.push({ number, text: m[2].trim() });
      return;
    }
    paragraph = { number: article.paragraphs.length + 1, text: line, items: [] };
    article.paragraphs.push(paragraph);
  });

  if (title === undefined) throw new LawParseError(fileName, 1, "缺少“# 法律名称”标题");
  if (!inBody) throw new LawParseError(fileName, lines.length, "缺少“<!-- INFO END -->”标记");
  if (articles.length === 0) throw new LawParseError(fileName, lines.length, "没有找到任何条文");

  for (const a of articles) a.text = renderArticleText(a);
  const shortTitle = shortTitleOf(title);
  return {
    id: lawId(shortTitle, versionDate),
    title,
    shortTitle,
    versionDate,
    status: options.status ?? "现行有效",
    history,
    chapters,
    articles,
  };
}

const ITEM_NUMERALS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** Item numerals as printed: （一）…（九）（十）（十一）… */
function itemNumeral(n: number): string {
  if (n < 10) return ITEM_NUMERALS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : ITEM_NUMERALS[tens]}十${ones === 0 ? "" : ITEM_NUMERALS[ones]}`;
}

/** A paragraph's full text: its own sentence, then each item on its own line as "（一）…". */
export function renderParagraphText(paragraph: LawParagraph): string {
  const lines = paragraph.text === "" ? [] : [paragraph.text];
  for (const item of paragraph.items) lines.push(formatItemLine(item.number, item.text, itemNumeral));
  return lines.join("\n");
}

/** An article's full text (without "第N条 "): its paragraphs, one per line, items included. */
export function renderArticleText(article: Pick<LawArticle, "paragraphs">): string {
  return article.paragraphs.map(renderParagraphText).join("\n");
}

/**
 * Sets the status of several versions: per title the latest version is 现行有效 and earlier ones 已修订;
 * titles listed in `repealed` (e.g. from a maintained list) are 已废止 in every version. Returns new objects.
 */
export function assignStatuses(laws: readonly Law[], repealed: readonly string[] = []): Law[] {
  const latest = new Map<string, string>();
  for (const law of laws) {
    const seen = latest.get(law.title);
    if (seen === undefined || law.versionDate > seen) latest.set(law.title, law.versionDate);
  }
  return laws.map((law) => {
    const status: LawStatus = repealed.includes(law.title) ? "已废止" : latest.get(law.title) === law.versionDate ? "现行有效" : "已修订";
    return { ...law, status };
  });
}
