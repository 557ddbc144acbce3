import { formatCitation, parseCitation, type TitleResolver } from "./citations";
import { numberToChinese as cn } from "./numerals";
import { PRC_PREFIX, renderParagraphText, shortTitleOf } from "./parse";
import type { Citation, Law, LawArticle, LawItem, LawParagraph } from "./types";

/** A resolved provision with its context. */
export interface Provision {
  law: Law;
  article: LawArticle;
  paragraph?: LawParagraph;
  item?: LawItem;
  /** The citation as resolved: `law` is the official title, paragraph filled in when an item implied it. */
  citation: Citation;
  /** Official string, e.g. "《中华人民共和国安全生产法》第九十七条第（四）项" (as cited, no implied 款). */
  label: string;
  /** Text of the cited unit: the article, the paragraph (with its items) or the item. */
  text: string;
}

export type ResolveResult = { ok: true; provision: Provision } | { ok: false; error: string };

export interface SearchHit {
  lawId: string;
  lawTitle: string;
  citation: Citation;
  label: string;
  text: string;
  /** "citation" when the query itself named the provision, else "text" (the query occurs in the text). */
  match: "citation" | "text";
}

export interface SearchOptions {
  /** Maximum number of hits (default 20). */
  limit?: number;
  /** Search only this law version (Law.id). */
  lawId?: string;
  /** Also search superseded and repealed versions (default: current versions only). */
  includeOutdated?: boolean;
}

function stripBookMarks(name: string): string {
  return name.replace(/[《》\s\u3000]/g, "");
}

/** Pure, in-memory law library built from parsed laws (parseLawMarkdown or lawsFromSeed). */
export class LawLibrary implements TitleResolver {
  private readonly all: readonly Law[];
  private readonly byIdMap = new Map<string, Law>();
  /** title → versions, newest first */
  private readonly versionsByTitle = new Map<string, Law[]>();
  private readonly titleByShort = new Map<string, string>();

  constructor(laws: readonly Law[]) {
    this.all = [...laws];
    for (const law of laws) {
      if (this.byIdMap.has(law.id)) throw new Error(`LawLibrary: duplicate law id ${law.id}`);
      this.byIdMap.set(law.id, law);
      const versions = this.versionsByTitle.get(law.title) ?? [];
      versions.push(law);
      versions.sort((a, b) => (a.versionDate < b.versionDate ? 1 : a.versionDate > b.versionDate ? -1 : 0));
      this.versionsByTitle.set(law.title, versions);
      this.titleByShort.set(law.shortTitle, law.title);
    }
  }

  /** Every law version, in the order given. */
  get laws(): readonly Law[] {
    return this.all;
  }

  /** The current version of every law (one per title). */
  currentLaws(): Law[] {
    return [...this.versionsByTitle.keys()].map((title) => this.byTitle(title)!);
  }

  byId(id: string): Law | undefined {
    return this.byIdMap.get(id);
  }

  /** All versions of a law by its official title, newest first. */
  versions(title: string): Law[] {
    return [...(this.versionsByTitle.get(title) ?? [])];
  }

  /**
   * A law by its full official title: the version of `versionDate` if given, else the version in force
   * (现行有效), else the newest.
   */
  byTitle(title: string, versionDate?: string): Law | undefined {
    const versions = this.versionsByTitle.get(title);
    if (!versions) return undefined;
    if (versionDate !== undefined) return versions.find((v) => v.versionDate === versionDate);
    return versions.find((v) => v.status === "现行有效") ?? versions[0];
  }

  /** A law by its short title ("行政处罚法"), same version rules as byTitle. */
  byShortTitle(shortTitle: string, versionDate?: string): Law | undefined {
    const title = this.titleByShort.get(shortTitle);
    return title === undefined ? undefined : this.byTitle(title, versionDate);
  }

  /** The official title for a name as written: full or short title, with or without 《》. */
  canonicalTitle(name: string): string | undefined {
    const clean = stripBookMarks(name);
    if (this.versionsByTitle.has(clean)) return clean;
    const viaShort = this.titleByShort.get(shortTitleOf(clean));
    if (viaShort !== undefined) return viaShort;
    if (!clean.startsWith(PRC_PREFIX) && this.versionsByTitle.has(PRC_PREFIX + clean)) return PRC_PREFIX + clean;
    return undefined;
  }

  /** A law by any name as written (see canonicalTitle). */
  findLaw(name: string, versionDate?: string): Law | undefined {
    const title = this.canonicalTitle(name);
    return title === undefined ? undefined : this.byTitle(title, versionDate);
  }

  /**
   * Resolves a citation to its provision, or a Chinese reason: unknown law, article, paragraph or item.
   * Nothing is guessed: an item without a paragraph resolves only when exactly one paragraph of the
   * article has items. `versionDate` picks a version; default is the version in force.
   */
  resolve(citation: Citation, versionDate?: string): ResolveResult {
    const name = citation.law;
    const title = this.canonicalTitle(name);
    if (title === undefined) return { ok: false, error: `法律法规库中没有《${stripBookMarks(name)}》` };
    const law = this.byTitle(title, versionDate);
    if (!law) return { ok: false, error: `法律法规库中没有《${title}》${versionDate}版本` };
    const label = formatCitation({ ...citation, law: law.title });
    const lastArticle = law.articles.at(-1)?.number ?? 0;
    const article = law.articles.find((a) => a.number === citation.article);
    if (!article) {
      return { ok: false, error: `《${law.title}》没有第${cn(citation.article)}条（共${cn(lastArticle)}条）：${label}` };
    }
    const resolved: Citation = { law: law.title, article: article.number };
    if (citation.paragraph === undefined && citation.item === undefined) {
      return { ok: true, provision: { law, article, citation: resolved, label, text: article.text } };
    }
    let paragraph: LawParagraph | undefined;
    if (citation.paragraph !== undefined) {
      paragraph = article.paragraphs.find((p) => p.number === citation.paragraph);
      if (!paragraph) {
        return {
          ok: false,
          error: `《${law.title}》第${cn(article.number)}条没有第${cn(citation.paragraph)}款（该条共${cn(article.paragraphs.length)}款）：${label}`,
        };
      }
    }
    if (citation.item === undefined) {
      resolved.paragraph = paragraph!.number;
      return {
        ok: true,
        provision: { law, article, paragraph, citation: resolved, label, text: renderParagraphText(paragraph!) },
      };
    }
    if (!paragraph) {
      const withItems = article.paragraphs.filter((p) => p.items.length > 0);
      if (withItems.length === 0) {
        return { ok: false, error: `《${law.title}》第${cn(article.number)}条没有分项：${label}` };
      }
      if (withItems.length > 1) {
        return {
          ok: false,
          error: `《${law.title}》第${cn(article.number)}条有${cn(withItems.length)}款列有分项，请写明第几款：${label}`,
        };
      }
      paragraph = withItems[0];
    }
    const item = paragraph.items.find((it) => it.number === citation.item);
    if (!item) {
      const where = article.paragraphs.length > 1 ? `第${cn(paragraph.number)}款` : "";
      const count = paragraph.items.length;
      return {
        ok: false,
        error: `《${law.title}》第${cn(article.number)}条${where}没有第（${cn(citation.item)}）项（${count === 0 ? "该款没有分项" : `共${cn(count)}项`}）：${label}`,
      };
    }
    resolved.paragraph = paragraph.number;
    resolved.item = item.number;
    return { ok: true, provision: { law, article, paragraph, item, citation: resolved, label, text: item.text } };
  }

  /** The resolved provision, or undefined. */
  provision(citation: Citation, versionDate?: string): Provision | undefined {
    const result = this.resolve(citation, versionDate);
    return result.ok ? result.provision : undefined;
  }

  /** The text of the cited article, paragraph or item, or undefined (usable as a ProvisionLookup). */
  readonly lookup = (citation: Citation): string | undefined => this.provision(citation)?.text;

  /**
   * Searches provision texts. A query that is itself a citation ("行政处罚法第三十三条", or "第三十三条"
   * in every law) puts that provision first; then paragraphs (款) containing every whitespace-separated
   * term, most occurrences first, in library order.
   */
  search(query: string, limitOrOptions: number | SearchOptions = {}): SearchHit[] {
    const options: SearchOptions = typeof limitOrOptions === "number" ? { limit: limitOrOptions } : limitOrOptions;
    const limit = options.limit ?? 20;
    const q = query.trim();
    if (q === "" || limit <= 0) return [];
    const laws =
      options.lawId !== undefined
        ? [this.byId(options.lawId)].filter((l): l is Law => l !== undefined)
        : options.includeOutdated
          ? [...this.all]
          : this.currentLaws();
    const lawSet = new Set(laws);
    const hits: SearchHit[] = [];
    const seen = new Set<string>();
    const push = (hit: SearchHit) => {
      const key = `${hit.lawId}|${hit.citation.article}|${hit.citation.paragraph ?? ""}|${hit.citation.item ?? ""}`;
      if (seen.has(key)) return;
      seen.add(key);
      hits.push(hit);
    };

    const compact = q.replace(/[\s\u3000]+/g, "");
    const asCitation = parseCitation(compact, { resolver: this });
    if (asCitation.ok) {
      const p = this.provision(asCitation.citation);
      if (p && lawSet.has(p.law)) push(this.hit(p, "citation"));
    } else if (/^第[〇零一二两三四五六七八九十百千0-9]+条/.test(compact)) {
      for (const law of laws) {
        const r = parseCitation(compact, { resolver: this, defaultLaw: law.title });
        if (!r.ok) continue;
        const p = this.provision(r.citation, law.versionDate);
        if (p) push(this.hit(p, "citation"));
      }
    }

    const terms = q.split(/[\s\u3000]+/).filter((t) => t !== "");
    const scored: { hit: SearchHit; score: number; order: number }[] = [];
    let order = 0;
    for (const law of laws) {
      for (const article of law.articles) {
        for (const paragraph of article.paragraphs) {
          const text = renderParagraphText(paragraph);
          if (!terms.every((t) => text.includes(t))) continue;
          const score = terms.reduce((sum, t) => sum + text.split(t).length - 1, 0);
          const citation: Citation = { law: law.title, article: article.number };
          if (article.paragraphs.length > 1) citation.paragraph = paragraph.number;
          scored.push({
            hit: { lawId: law.id, lawTitle: law.title, citation, label: formatCitation(citation), text, match: "text" },
            score,
            order: order++,
          });
        }
      }
    }
    scored.sort((a, b) => b.score - a.score || a.order - b.order);
    for (const s of scored) {
      if (hits.length >= limit) break;
      push(s.hit);
    }
    return hits.slice(0, limit);
  }

  private hit(p: Provision, match: SearchHit["match"]): SearchHit {
    return { lawId: p.law.id, lawTitle: p.law.title, citation: p.citation, label: p.label, text: p.text, match };
  }
}

/** Resolves a citation against a library (see LawLibrary.resolve). */
export function resolveCitation(library: LawLibrary, citation: Citation, versionDate?: string): ResolveResult {
  return library.resolve(citation, versionDate);
}
