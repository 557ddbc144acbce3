/**
 * 法律法规库 API (packages/server/src/laws/routes.ts): the law catalogue, a law's chapters and
 * articles, provision search, citation parsing and the list items citing a provision. Public.
 */
import { z } from "zod";
import type { LawStatus } from "@kuanyan/domain/laws";

const ZLawIdParam = z.object({ id: z.string().min(1).max(100).describe("法律法规") });
export const ZLawParams = ZLawIdParam;

/** 时效性 (the domain's LawStatus). */
export const ZLawStatus = z.enum(["现行有效", "已修订", "已废止"] as const satisfies readonly LawStatus[]);

/** 《…》第N条第M款第（K）项 as data; `law` is the full official title. */
export const ZCitation = z.object({
  law: z.string(),
  article: z.number().int(),
  paragraph: z.number().int().optional(),
  item: z.number().int().optional(),
});

export const ZLawSummary = z.object({
  id: z.string(),
  title: z.string(),
  shortTitle: z.string(),
  versionDate: z.string(),
  status: ZLawStatus,
  /** Number of chapters. */
  chapters: z.number().int(),
  /** Number of the last article. */
  articles: z.number().int(),
});
export const ZLawList = z.object({ items: z.array(ZLawSummary) });

const ZLawItem = z.object({ number: z.number().int(), text: z.string() });
const ZLawParagraph = z.object({ number: z.number().int(), text: z.string(), items: z.array(ZLawItem) });
export const ZLawArticle = z.object({
  number: z.number().int(),
  chapter: z.number().int().optional(),
  section: z.number().int().optional(),
  text: z.string(),
  paragraphs: z.array(ZLawParagraph),
});
const ZLawSection = z.object({ number: z.number().int(), title: z.string(), firstArticle: z.number().int(), lastArticle: z.number().int() });
export const ZLawChapter = z.object({
  number: z.number().int(),
  title: z.string(),
  firstArticle: z.number().int(),
  lastArticle: z.number().int(),
  sections: z.array(ZLawSection),
});

export const ZLawDetail = z.object({
  id: z.string(),
  title: z.string(),
  shortTitle: z.string(),
  versionDate: z.string(),
  status: ZLawStatus,
  history: z.array(z.string()),
  chapters: z.array(ZLawChapter),
  articles: z.array(ZLawArticle),
  /** Every version of the same law (this one included). */
  versions: z.array(z.object({ id: z.string(), versionDate: z.string(), status: ZLawStatus })),
});

export const ZProvisionSearchQuery = z.object({
  q: z.string().trim().min(1).max(100).describe("检索词"),
  lawId: z.string().max(100).optional().describe("法律法规"),
  limit: z.coerce.number().int().min(1).max(100).optional().describe("条数"),
});

export const ZProvisionHit = z.object({
  lawId: z.string(),
  lawTitle: z.string(),
  citation: ZCitation,
  label: z.string(),
  text: z.string(),
  /** "citation" when the query named the provision, "text" when the query occurs in its text. */
  match: z.enum(["citation", "text"]),
});
export const ZProvisionSearch = z.object({ items: z.array(ZProvisionHit) });

export const ZCitationParseQuery = z.object({ text: z.string().trim().min(1).max(500).describe("依据") });

/** One citation found in the text: resolved (with the provision's text) or not (with the reason). */
export const ZParsedCitation = z.object({
  ok: z.boolean(),
  citation: ZCitation,
  formatted: z.string(),
  lawId: z.string().optional(),
  text: z.string().optional(),
  error: z.string().optional(),
});
export const ZParsedCitations = z.object({ ok: z.boolean(), items: z.array(ZParsedCitation), errors: z.array(z.string()) });

export const ZCitingQuery = z.object({
  article: z.coerce.number().int().min(1).describe("条"),
  paragraph: z.coerce.number().int().min(1).optional().describe("款"),
  item: z.coerce.number().int().min(1).optional().describe("项"),
});

export const ZCitingItem = z.object({
  itemId: z.string(),
  seq: z.number().int(),
  matterName: z.string(),
  listVersionId: z.string(),
  versionNo: z.number().int(),
  status: z.string(),
  listId: z.string(),
  listTitle: z.string(),
  listType: z.string(),
  organisationName: z.string(),
  /** The item's citations within the provision asked for, formatted. */
  citations: z.array(z.string()),
});
export const ZCitingItems = z.object({ provision: z.string(), items: z.array(ZCitingItem) });
export type LawSummary = z.infer<typeof ZLawSummary>;
export type LawDetail = z.infer<typeof ZLawDetail>;
export type ProvisionHit = z.infer<typeof ZProvisionHit>;
export type CitingItem = z.infer<typeof ZCitingItem>;
export type ParsedCitations = z.infer<typeof ZParsedCitations>;
