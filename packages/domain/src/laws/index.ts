/**
 * Law library (法律法规库): Markdown law parser, Chinese numerals, citations (parse, format, resolve),
 * and the LawLibrary with lookup and search. Pure: the caller reads files and passes their text.
 */
export type { Citation, ProvisionLookup, Law, LawArticle, LawChapter, LawItem, LawParagraph, LawSection, LawStatus } from "./types";
export { LAW_STATUSES } from "./types";
export { chineseToNumber, numberToChinese } from "./numerals";
export {
  LawParseError,
  parseLawMarkdown,
  assignStatuses,
  shortTitleOf,
  lawId,
  renderArticleText,
  renderParagraphText,
  type ParseLawOptions,
} from "./parse";
export {
  parseCitation,
  parseCitations,
  formatCitation,
  formatCitations,
  formatProvision,
  sameCitation,
  citationWithin,
  type CitationParseResult,
  type CitationsParseResult,
  type CitationParseOptions,
  type TitleResolver,
} from "./citations";
export { LawLibrary, resolveCitation, type Provision, type ResolveResult, type SearchHit, type SearchOptions } from "./library";
export { LAW_SEED_FORMAT, lawsToSeed, lawsFromSeed, lawLibraryFromSeed, type LawSeed, type SeedLaw } from "./seed";
