// API client of the law library (法律法规库): public, no login needed.
import type { Citation, LawArticle, LawChapter, LawStatus } from "@kuanyan/domain/laws";
import { request } from "./request";

export interface LawSummary {
  id: string;
  title: string;
  shortTitle: string;
  versionDate: string;
  status: LawStatus;
  chapters: number;
  articles: number;
}

export interface LawDetail {
  id: string;
  title: string;
  shortTitle: string;
  versionDate: string;
  status: LawStatus;
  history: string[];
  chapters: LawChapter[];
  articles: LawArticle[];
  versions: { id: string; versionDate: string; status: LawStatus }[];
}

export interface ProvisionHit {
  lawId: string;
  lawTitle: string;
  citation: Citation;
  label: string;
  text: string;
  match: "citation" | "text";
}

export interface CitingItem {
  itemId: string;
  seq: number;
  matterName: string;
  listId: string;
  listTitle: string;
  listType: string;
  versionNo: number;
  status: string;
  organisationName: string;
  citations: string[];
}

export interface ParsedCitations {
  ok: boolean;
  items: { ok: boolean; citation: Citation; formatted: string; lawId?: string; text?: string; error?: string }[];
  errors: string[];
}

export const listLaws = () => request<{ items: LawSummary[] }>("/laws");
export const getLaw = (id: string) => request<LawDetail>(`/laws/${encodeURIComponent(id)}`);
export const searchProvisions = (q: string, lawId?: string) => request<{ items: ProvisionHit[] }>("/provisions/search", { query: { q, lawId } });
export const parseCitation = (text: string) => request<ParsedCitations>("/citations/parse", { query: { text }, silent: true });
export const citingItems = (lawId: string, article: number, paragraph?: number) =>
  request<{ provision: string; items: CitingItem[] }>(`/laws/${encodeURIComponent(lawId)}/citing`, { query: { article, paragraph } });
