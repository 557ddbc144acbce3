import { LawLibrary } from "./library";
import { renderArticleText } from "./parse";
import { LAW_STATUSES, type Law, type LawArticle } from "./types";

/**
 * The shipped form of the law library (packages/server/seed/laws.json): the parsed laws without the
 * derived `article.text`, which lawsFromSeed rebuilds. The server does
 * `lawLibraryFromSeed(JSON.parse(readFileSync("seed/laws.json", "utf8")))`.
 */
export const LAW_SEED_FORMAT = "kuanyan-laws/1";

export interface LawSeed {
  format: typeof LAW_SEED_FORMAT;
  laws: SeedLaw[];
}

export type SeedLaw = Omit<Law, "articles"> & { articles: Omit<LawArticle, "text">[] };

/** Builds the shipped form from parsed laws (stable key order, so regenerating gives the same bytes). */
export function lawsToSeed(laws: readonly Law[]): LawSeed {
  return {
    format: LAW_SEED_FORMAT,
    laws: laws.map((law) => ({
      id: law.id,
      title: law.title,
      shortTitle: law.shortTitle,
      versionDate: law.versionDate,
      status: law.status,
      history: law.history,
      chapters: law.chapters.map((c) => ({
        number: c.number,
        title: c.title,
        firstArticle: c.firstArticle,
        lastArticle: c.lastArticle,
        sections: c.sections.map((s) => ({ ...s })),
      })),
      articles: law.articles.map((a) => {
        const out: Omit<LawArticle, "text"> = { number: a.number, paragraphs: a.paragraphs };
        if (a.chapter !== undefined) out.chapter = a.chapter;
        if (a.section !== undefined) out.section = a.section;
        return out;
      }),
    })),
  };
}

/** Reads the shipped form back into laws; throws an Error naming what is wrong when the content is not one. */
export function lawsFromSeed(content: unknown): Law[] {
  const seed = content as Partial<LawSeed> | null;
  if (!seed || typeof seed !== "object" || seed.format !== LAW_SEED_FORMAT || !Array.isArray(seed.laws)) {
    throw new Error(`laws seed: expected an object with format "${LAW_SEED_FORMAT}" and a laws array`);
  }
  return seed.laws.map((law, index) => {
    if (typeof law?.id !== "string" || typeof law.title !== "string" || !LAW_STATUSES.includes(law.status) || !Array.isArray(law.articles)) {
      throw new Error(`laws seed: law #${index} is malformed`);
    }
    return { ...law, articles: law.articles.map((a) => ({ ...a, text: renderArticleText(a) })) };
  });
}

/** Rebuilds the LawLibrary from the parsed content of laws.json. */
export function lawLibraryFromSeed(content: unknown): LawLibrary {
  return new LawLibrary(lawsFromSeed(content));
}
