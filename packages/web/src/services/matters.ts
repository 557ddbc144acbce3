// API client of the matter catalogue (执法事项库). Types from the contract.
import type { z } from "zod";
import type { ZMatterList } from "@kuanyan/contract/matters";
import { request } from "./request";

import type { MatterSuggestion } from "@kuanyan/contract/matters";
export type { MatterSuggestion };

export const suggestMatters = (q: string, limit = 8) => request<z.infer<typeof ZMatterList>>("/matters", { query: { q, limit }, silent: true });
export const allMatters = () => request<z.infer<typeof ZMatterList>>("/matters");

/** "0–100000元" → "10万元以下". */
export function fineText(r: MatterSuggestion["fineRange"]): string {
  if (!r) return "";
  const yuan = (n: number) => (n >= 10000 && n % 10000 === 0 ? `${n / 10000}万元` : `${n}元`);
  return r.minYuan === 0 ? `${yuan(r.maxYuan)}以下` : `${yuan(r.minYuan)}至${yuan(r.maxYuan)}`;
}
