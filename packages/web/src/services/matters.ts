// API client of the matter catalogue (执法事项库).
import { request } from "./request";

export interface MatterSuggestion {
  code: string;
  name: string;
  domain: string;
  kind: string;
  penaltyText: string;
  fineRange: { minYuan: number; maxYuan: number; note?: string } | null;
  escalatedFineRange: { minYuan: number; maxYuan: number; note?: string } | null;
  violated: string[];
  penalty: string[];
  score: number;
}

export const suggestMatters = (q: string, limit = 8) => request<{ items: MatterSuggestion[] }>("/matters", { query: { q, limit }, silent: true });
export const allMatters = () => request<{ items: MatterSuggestion[] }>("/matters");

/** "0–100000元" → "10万元以下". */
export function fineText(r: MatterSuggestion["fineRange"]): string {
  if (!r) return "";
  const yuan = (n: number) => (n >= 10000 && n % 10000 === 0 ? `${n / 10000}万元` : `${n}元`);
  return r.minYuan === 0 ? `${yuan(r.maxYuan)}以下` : `${yuan(r.minYuan)}至${yuan(r.maxYuan)}`;
}
