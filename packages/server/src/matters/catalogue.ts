/**
 * The matter catalogue (执法事项库) of the server: the domain's seed catalogue is loaded into the
 * `matters` table at first use (idempotent), and a search index for suggestions from plain Chinese
 * (jieba word segmentation + minisearch) is built once per process over each matter's name,
 * keywords and the text of the provisions it violates.
 */
import { createRequire } from "node:module";
import { Jieba } from "@node-rs/jieba";
import MiniSearch from "minisearch";
import { formatCitation } from "@kuanyan/domain/laws";
import { MATTERS, type Matter } from "@kuanyan/domain/matters";
import type { DbOrTx } from "../db/client";
import { matters } from "../db/schema";
import { lawLibrary } from "../laws/library";
import type { z } from "zod";
import type { ZMatterSuggestion } from "@kuanyan/contract/matters";

const require = createRequire(import.meta.url);

let jieba: Jieba | undefined;
function segmenter(): Jieba {
  if (!jieba) {
    const { dict } = require("@node-rs/jieba/dict") as { dict: Uint8Array };
    jieba = Jieba.withDict(dict);
  }
  return jieba;
}

/** Everyday words officers type → the words the law uses. */
const synonyms: Record<string, string[]> = {
  没有: ["未"],
  没: ["未"],
  无: ["未"],
  不: ["未"],
  未曾: ["未"],
  员工: ["从业人员"],
  工人: ["从业人员"],
  职工: ["从业人员"],
  安全员: ["安全生产管理人员"],
  演习: ["演练"],
  预案: ["应急预案", "应急救援预案"],
  通道: ["疏散通道", "出口"],
  逃生: ["疏散", "出口"],
  安全出口: ["出口", "疏散通道"],
  堵: ["封堵", "占用"],
  堵塞: ["封堵", "占用"],
  锁: ["锁闭"],
  标识: ["标志"],
  警示牌: ["安全警示标志"],
  记: ["记录"],
  登记: ["记录", "登记建档"],
  台账: ["记录", "档案"],
  隐患: ["事故隐患"],
  排查: ["排查治理"],
  持证: ["资格", "特种作业"],
  无证: ["资格", "特种作业"],
  上岗证: ["资格", "特种作业"],
  电焊: ["特种作业", "动火"],
  焊工: ["特种作业"],
  劳保: ["劳动防护用品"],
  防护: ["劳动防护用品"],
  煤气: ["燃气"],
  天然气: ["燃气"],
  报警器: ["可燃气体报警装置", "报警"],
  宿舍: ["员工宿舍"],
  值班: ["应急值班"],
  评审: ["评审"],
  修订: ["修订"],
  告知: ["如实告知", "通报"],
};

const stopwords = new Set([
  "的",
  "了",
  "和",
  "或",
  "与",
  "及",
  "是",
  "在",
  "有",
  "对",
  "被",
  "把",
  "等",
  "其",
  "之",
  "以",
  "上",
  "下",
  "也",
  "就",
  "都",
  "要",
  "这",
  "那",
  "个",
  "按照",
  "规定",
  "情况",
  "生产经营单位",
  "单位",
  "公司",
  "企业",
  "我们",
  "他们",
  "发现",
]);

/** Segments text into search terms (search mode: long words also give their parts). */
export function segment(text: string): string[] {
  const words = segmenter().cutForSearch(text, true);
  const out: string[] = [];
  for (const w of words) {
    const t = w.trim();
    if (t === "" || /^[\p{P}\p{S}\s\d]+$/u.test(t) || stopwords.has(t)) continue;
    out.push(t);
  }
  return out;
}

function queryTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const t of segment(text)) {
    terms.add(t);
    for (const s of synonyms[t] ?? []) terms.add(s);
  }
  // "没记录" / "没培训": a leading negation glued to the verb.
  for (const m of text.matchAll(/(?:没有|没|未|不)([\u4e00-\u9fa5]{2})/g)) terms.add(m[1]);
  return [...terms];
}

const loaded = new WeakSet<object>();

/** Inserts the shipped catalogue into the matters table when missing (idempotent). */
export async function ensureMatters(db: DbOrTx): Promise<void> {
  if (loaded.has(db)) return;
  await db
    .insert(matters)
    .values(MATTERS.map((m) => ({ code: m.code, regionCode: "000000", name: m.name, domain: m.domain, kind: m.kind, data: m })))
    .onConflictDoNothing();
  loaded.add(db);
}

/** All matters of the table, as domain Matters. */
export async function loadMatters(db: DbOrTx): Promise<Matter[]> {
  await ensureMatters(db);
  const rows = await db.select().from(matters).orderBy(matters.code);
  return rows.map((r) => r.data as Matter);
}

interface IndexedMatter {
  id: string;
  name: string;
  keywords: string;
  provisions: string;
}

let index: { search: MiniSearch<IndexedMatter>; byCode: Map<string, Matter> } | undefined;

function provisionText(m: Matter): string {
  const lib = lawLibrary();
  return m.violated.map((c) => lib.provision(c)?.text ?? "").join("\n");
}

function buildIndex(all: readonly Matter[]) {
  const search = new MiniSearch<IndexedMatter>({
    fields: ["name", "keywords", "provisions"],
    storeFields: [],
    tokenize: (text) => segment(text),
    processTerm: (term) => term,
  });
  search.addAll(all.map((m) => ({ id: m.code, name: m.name, keywords: m.keywords.join(" "), provisions: provisionText(m) })));
  return { search, byCode: new Map(all.map((m) => [m.code, m])) };
}

/** A matter as the API shows it (the contract's ZMatterSuggestion). */
export type MatterSuggestion = z.infer<typeof ZMatterSuggestion>;

export function presentMatter(m: Matter, score = 0): MatterSuggestion {
  return {
    code: m.code,
    name: m.name,
    domain: m.domain,
    kind: m.kind,
    penaltyText: m.penaltyText,
    fineRange: m.fineRange ?? null,
    escalatedFineRange: m.escalatedFineRange ?? null,
    violated: m.violated.map(formatCitation),
    penalty: m.penalty.map(formatCitation),
    score,
  };
}

/** Builds the suggestion index from the given matters (tests and the benchmark call it directly). */
export function suggestFrom(all: readonly Matter[]): (text: string, limit?: number) => MatterSuggestion[] {
  const idx = buildIndex(all);
  return (text, limit = 10) => rank(idx, text, limit);
}

function rank(idx: NonNullable<typeof index>, text: string, limit: number): MatterSuggestion[] {
  const q = text.trim();
  if (q === "") return [];
  const exact = idx.byCode.get(q.toUpperCase());
  if (exact) return [presentMatter(exact, 1000)];
  const terms = queryTerms(q);
  if (terms.length === 0) return [];
  const hits = idx.search.search({ queries: terms, combineWith: "OR" } as never, {
    boost: { name: 3, keywords: 2, provisions: 1 },
    prefix: (term: string) => term.length >= 2,
  });
  return hits.slice(0, limit).map((h) => presentMatter(idx.byCode.get(String(h.id))!, Math.round(h.score * 100) / 100));
}

/** Ranked matters for what an officer typed, e.g. "没有记录培训情况". */
export async function suggestMatters(db: DbOrTx, text: string, limit = 10): Promise<MatterSuggestion[]> {
  if (!index) index = buildIndex(await loadMatters(db));
  return rank(index, text, limit);
}
