// API client of the law library (法律法规库): public, no login needed. Types from the contract.
import type { z } from "zod";
import type {
  ZCitingItem,
  ZLawDetail,
  ZLawList,
  ZLawSummary,
  ZParsedCitations,
  ZProvisionHit,
  ZProvisionSearch,
  ZCitingItems,
} from "@kuanyan/contract/laws";
import { request } from "./request";

export type LawSummary = z.infer<typeof ZLawSummary>;
export type LawDetail = z.infer<typeof ZLawDetail>;
export type ProvisionHit = z.infer<typeof ZProvisionHit>;
export type CitingItem = z.infer<typeof ZCitingItem>;
export type ParsedCitations = z.infer<typeof ZParsedCitations>;

export const listLaws = () => request<z.infer<typeof ZLawList>>("/laws");
export const getLaw = (id: string) => request<LawDetail>(`/laws/${encodeURIComponent(id)}`);
export const searchProvisions = (q: string, lawId?: string) =>
  request<z.infer<typeof ZProvisionSearch>>("/provisions/search", { query: { q, lawId } });
export const parseCitation = (text: string) => request<ParsedCitations>("/citations/parse", { query: { text }, silent: true });
export const citingItems = (lawId: string, article: number, paragraph?: number) =>
  request<z.infer<typeof ZCitingItems>>(`/laws/${encodeURIComponent(lawId)}/citing`, { query: { article, paragraph } });
