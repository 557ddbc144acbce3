// API client of the law library (法律法规库): public, no login needed. Types from the contract.
import type { z } from "zod";
import type { ZLawList, ZProvisionSearch, ZCitingItems } from "@kuanyan/contract/laws";
import { request } from "./request";

import type { LawSummary } from "@kuanyan/contract/laws";
export type { LawSummary };
import type { LawDetail } from "@kuanyan/contract/laws";
export type { LawDetail };
import type { ProvisionHit } from "@kuanyan/contract/laws";
export type { ProvisionHit };
import type { CitingItem } from "@kuanyan/contract/laws";
export type { CitingItem };
import type { ParsedCitations } from "@kuanyan/contract/laws";
export type { ParsedCitations };

export const listLaws = () => request<z.infer<typeof ZLawList>>("/laws");
export const getLaw = (id: string) => request<LawDetail>(`/laws/${encodeURIComponent(id)}`);
export const searchProvisions = (q: string, lawId?: string) =>
  request<z.infer<typeof ZProvisionSearch>>("/provisions/search", { query: { q, lawId } });
export const parseCitation = (text: string) => request<ParsedCitations>("/citations/parse", { query: { text }, silent: true });
export const citingItems = (lawId: string, article: number, paragraph?: number) =>
  request<z.infer<typeof ZCitingItems>>(`/laws/${encodeURIComponent(lawId)}/citing`, { query: { article, paragraph } });
