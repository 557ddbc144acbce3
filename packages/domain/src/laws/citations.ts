import { chineseToNumber, numberToChinese } from "./numerals";
import { PRC_PREFIX } from "./parse";
import type { Citation } from "./types";

/**
 * Citations as officials write them:
 *   《中华人民共和国行政处罚法》第三十三条第一款
 *   《中华人民共和国安全生产法》第九十七条第（四）项
 *   行政处罚法第三十三条 · 《安全生产法》第九十七条第四项 · 《行政处罚法》第33条
 * A cell may hold several: "《中华人民共和国行政处罚法》第三十二条、第三十三条第一款" — a 第N条 without a
 * title belongs to the law named last.
 */

export type CitationParseResult = { ok: true; citation: Citation } | { ok: false; error: string };

/** Maps a law name as written (full or short title) to the full official title, or undefined when unknown. */
export interface TitleResolver {
  canonicalTitle(name: string): string | undefined;
}

export interface CitationParseOptions {
  /** Turns short titles into full official titles (a LawLibrary is one). */
  resolver?: TitleResolver;
  /** The law a citation without a title ("第九十七条第四项") refers to; without it such text is an error. */
  defaultLaw?: string;
}

const NUM = "[〇零一二两三四五六七八九十百千0-9０-９]+";
const ARTICLE = `第(${NUM})条`;
const PARAGRAPH = `第(${NUM})款`;
const ITEM = `第?[（(]?(${NUM})[）)]?项`;
const PROVISION = `${ARTICLE}(?:${PARAGRAPH})?(?:${ITEM})?`;
const PROVISION_RE = new RegExp(`^${PROVISION}`);
/** A law name without book-title marks: CJK text ending in a typical title suffix. */
const BARE_TITLE = "[\\u4e00-\\u9fa5、]+?(?:法典|法|条例|规定|办法|细则|规则|决定|准则)";
const BOOK_TITLE_RE = /^《([^《》]*)》/;
const BARE_TITLE_RE = new RegExp(`^(${BARE_TITLE})(?=第)`);
const TRAILING_PUNCT_RE = /[。；;，,、\s\u3000]+$/;

/**
 * The title a citation carries when no library is at hand: names given with "中华人民共和国" are kept;
 * a bare "…法" (a national law) gets the prefix, since every national law's official title has it;
 * other names (条例, 规定 …) are kept as written — a library decides whether they need the prefix.
 */
function defaultCanonicalTitle(name: string): string {
  if (name.startsWith(PRC_PREFIX)) return name;
  if (/法$/.test(name) && !/^[\u4e00-\u9fa5]{2,4}(省|市|自治区)/.test(name)) return PRC_PREFIX + name;
  return name;
}

function canonical(name: string, resolver?: TitleResolver): string {
  return resolver?.canonicalTitle(name) ?? defaultCanonicalTitle(name);
}

function num(text: string): number | undefined {
  const n = chineseToNumber(text);
  return n !== undefined && n > 0 ? n : undefined;
}

interface ProvisionMatch {
  length: number;
  article: number;
  paragraph?: number;
  item?: number;
  error?: string;
}

function matchProvision(text: string): ProvisionMatch | undefined {
  const m = PROVISION_RE.exec(text);
  if (!m) return undefined;
  const article = num(m[1]);
  if (article === undefined) return { length: m[0].length, article: 0, error: `无法识别的条号“${m[1]}”` };
  const result: ProvisionMatch = { length: m[0].length, article };
  if (m[2] !== undefined) {
    const paragraph = num(m[2]);
    if (paragraph === undefined) return { ...result, error: `无法识别的款号“${m[2]}”` };
    result.paragraph = paragraph;
  }
  if (m[3] !== undefined) {
    const item = num(m[3]);
    if (item === undefined) return { ...result, error: `无法识别的项号“${m[3]}”` };
    result.item = item;
  }
  return result;
}

interface TitleMatch {
  length: number;
  name: string;
}

function matchTitle(text: string): TitleMatch | undefined {
  const book = BOOK_TITLE_RE.exec(text);
  if (book) return { length: book[0].length, name: book[1].replace(/[\s\u3000]+/g, "") };
  const bare = BARE_TITLE_RE.exec(text);
  if (bare) return { length: bare[0].length, name: bare[1] };
  return undefined;
}

function toCitation(law: string, p: ProvisionMatch): Citation {
  const citation: Citation = { law, article: p.article };
  if (p.paragraph !== undefined) citation.paragraph = p.paragraph;
  if (p.item !== undefined) citation.item = p.item;
  return citation;
}

/**
 * Parses one citation. The whole text must be the citation (trailing punctuation allowed).
 * `resolver` (e.g. a LawLibrary) turns short titles into full official titles.
 */
export function parseCitation(input: string, options: CitationParseOptions = {}): CitationParseResult {
  const { resolver, defaultLaw } = options;
  const text = input
    .trim()
    .replace(TRAILING_PUNCT_RE, "")
    .replace(/[\s\u3000]+/g, "");
  if (text === "") return { ok: false, error: "依据为空" };
  const title = matchTitle(text);
  if (!title) {
    if (PROVISION_RE.test(text)) {
      if (defaultLaw === undefined) return { ok: false, error: `“${input.trim()}”缺少法律法规名称` };
      const provision = matchProvision(text)!;
      if (provision.error) return { ok: false, error: provision.error };
      if (provision.length !== text.length) {
        return { ok: false, error: `无法识别“${text.slice(provision.length)}”：一条依据只能写到条、款、项` };
      }
      return { ok: true, citation: toCitation(canonical(defaultLaw, resolver), provision) };
    }
    if (text.startsWith("《")) return { ok: false, error: `“${input.trim()}”的书名号不完整` };
    return { ok: false, error: `无法识别的依据“${input.trim()}”：应写作“《法律名称》第N条”` };
  }
  if (title.name === "") return { ok: false, error: "法律法规名称为空" };
  const rest = text.slice(title.length);
  if (rest === "") return { ok: false, error: `“${input.trim()}”缺少条号（第N条）` };
  const provision = matchProvision(rest);
  if (!provision) return { ok: false, error: `“${input.trim()}”缺少条号（第N条）` };
  if (provision.error) return { ok: false, error: provision.error };
  if (provision.length !== rest.length) {
    return { ok: false, error: `无法识别“${rest.slice(provision.length)}”：一条依据只能写到条、款、项` };
  }
  return { ok: true, citation: toCitation(canonical(title.name, resolver), provision) };
}

export interface CitationsParseResult {
  citations: Citation[];
  /** Chinese reasons for the parts that could not be read; empty when everything parsed. */
  errors: string[];
}

/** Where parseCitations is in the cell, and what it has read so far. */
interface CitationScan {
  text: string;
  resolver: TitleResolver | undefined;
  citations: Citation[];
  errors: string[];
  /** The law named last (a provision without a title belongs to it). */
  law: string | undefined;
  /** The citation read last (a bare "第（五）项" refines it). */
  last: Citation | undefined;
  i: number;
  /** Where the last citation ended (-2: none yet). */
  lastEnd: number;
}

/** Moves past `length` characters that held a citation (read or rejected). */
function readCitation(scan: CitationScan, length: number): true {
  scan.i += length;
  scan.lastEnd = scan.i;
  return true;
}

function addProvision(scan: CitationScan, law: string, provision: ProvisionMatch): void {
  if (provision.error) scan.errors.push(provision.error);
  else scan.citations.push((scan.last = toCitation(law, provision)));
}

/** "《title》第N条…", or a title alone, which names the law for what follows. False: the title is not closed. */
function readTitled(scan: CitationScan, rest: string): boolean {
  const title = matchTitle(rest);
  if (!title) {
    scan.errors.push(`书名号不完整：“${rest.slice(0, 20)}”`);
    return false;
  }
  const provision = matchProvision(rest.slice(title.length));
  scan.law = canonical(title.name, scan.resolver);
  if (provision) {
    addProvision(scan, scan.law, provision);
    return readCitation(scan, title.length + provision.length);
  }
  // A title mentioned without a provision ("根据《安全生产法》规定") names the law for what follows.
  scan.last = undefined;
  scan.i += title.length;
  return true;
}

/** "第N条…" of the law named last, or a bare "第（五）项" / "第二款" refining the last citation. */
function readUntitled(scan: CitationScan, rest: string): boolean {
  if (!rest.startsWith("第")) return false;
  const provision = matchProvision(rest);
  if (provision) {
    if (scan.law === undefined) scan.errors.push(`“${rest.slice(0, provision.length)}”缺少法律法规名称`);
    else addProvision(scan, scan.law, provision);
    return readCitation(scan, provision.length);
  }
  const itemOnly = new RegExp(`^${ITEM}`).exec(rest) ?? new RegExp(`^${PARAGRAPH}`).exec(rest);
  const last = scan.last;
  if (!itemOnly || !last) return false;
  const n = num(itemOnly[1]);
  const isItem = itemOnly[0].endsWith("项");
  if (n === undefined) scan.errors.push(`无法识别的${isItem ? "项" : "款"}号“${itemOnly[1]}”`);
  else if (isItem) scan.citations.push((scan.last = { ...last, item: n }));
  else {
    const next: Citation = { law: last.law, article: last.article, paragraph: n };
    scan.citations.push((scan.last = next));
  }
  return readCitation(scan, itemOnly[0].length);
}

/** A title without 书名号 ("行政处罚法第三十三条"). */
function readBareTitled(scan: CitationScan, rest: string): boolean {
  const bare = BARE_TITLE_RE.exec(rest);
  const provision = bare ? matchProvision(rest.slice(bare[0].length)) : undefined;
  if (!bare || !provision) return false;
  scan.law = canonical(bare[1], scan.resolver);
  addProvision(scan, scan.law, provision);
  return readCitation(scan, bare[0].length + provision.length);
}

/**
 * Finds every citation in a cell such as
 * "《中华人民共和国行政处罚法》第三十二条、第三十三条第一款" or "《安全生产法》第九十七条第（四）项和第（五）项".
 * A provision without a title belongs to the law named last; a bare "第（五）项" after a citation belongs
 * to the same article (and paragraph). Text between citations (e.g. the quoted provision) is ignored.
 */
export function parseCitations(input: string, options: CitationParseOptions = {}): CitationsParseResult {
  const { resolver } = options;
  const scan: CitationScan = {
    text: input.replace(/[\s\u3000]+/g, ""),
    resolver,
    citations: [],
    errors: [],
    law: options.defaultLaw === undefined ? undefined : canonical(options.defaultLaw, resolver),
    last: undefined,
    i: 0,
    lastEnd: -2,
  };
  const { text } = scan;
  while (scan.i < text.length) {
    const rest = text.slice(scan.i);
    if (rest.startsWith("《")) {
      if (!readTitled(scan, rest)) break;
      continue;
    }
    // A provision without a title ("、第三十三条", "和第（五）项") or a bare title ("行政处罚法第三十三条")
    // is read only at the start of the cell or right after a citation and one separator;
    // elsewhere it is quoted text ("依照本法第九十五条") and ignored.
    const atListPosition = scan.i === 0 || (scan.i === scan.lastEnd + 1 && /[、，,；;和及与或]/.test(text[scan.i - 1]));
    if (atListPosition && (readUntitled(scan, rest) || readBareTitled(scan, rest))) continue;
    scan.i += 1;
  }
  const { citations, errors } = scan;
  if (citations.length === 0 && errors.length === 0) {
    errors.push(`未识别到法律依据：“${input.trim().slice(0, 30)}”，应写作“《法律名称》第N条”`);
  }
  return { citations, errors };
}

/** The official string of a citation: "《中华人民共和国安全生产法》第九十七条第（四）项". */
export function formatCitation(citation: Citation): string {
  return `《${citation.law}》${formatProvision(citation)}`;
}

/** The provision part only: "第九十七条第（四）项". */
export function formatProvision(citation: Omit<Citation, "law">): string {
  let text = `第${numberToChinese(citation.article)}条`;
  if (citation.paragraph !== undefined) text += `第${numberToChinese(citation.paragraph)}款`;
  if (citation.item !== undefined) text += `第（${numberToChinese(citation.item)}）项`;
  return text;
}

/**
 * Several citations as one cell: consecutive citations of the same law share the title,
 * "《中华人民共和国行政处罚法》第三十二条、第三十三条第一款". parseCitations reads it back.
 */
export function formatCitations(citations: readonly Citation[]): string {
  const parts: string[] = [];
  let previousLaw: string | undefined;
  for (const c of citations) {
    parts.push(c.law === previousLaw ? formatProvision(c) : formatCitation(c));
    previousLaw = c.law;
  }
  return parts.join("、");
}

/** True when both citations point at the same provision. */
export function sameCitation(a: Citation, b: Citation): boolean {
  return a.law === b.law && a.article === b.article && a.paragraph === b.paragraph && a.item === b.item;
}

/**
 * True when `citation` points at `scope` or at a part of it: 第九十七条第（四）项 is within 第九十七条;
 * 第三十三条 is not within 第三十三条第一款. For "which list items cite this article/paragraph".
 * An item cited without its paragraph counts as within any paragraph scope of the same article.
 */
export function citationWithin(citation: Citation, scope: Citation): boolean {
  if (citation.law !== scope.law || citation.article !== scope.article) return false;
  if (scope.paragraph !== undefined) {
    if (citation.paragraph === undefined && citation.item === undefined) return false;
    if (citation.paragraph !== undefined && citation.paragraph !== scope.paragraph) return false;
  }
  if (scope.item !== undefined && citation.item !== scope.item) return false;
  return true;
}
