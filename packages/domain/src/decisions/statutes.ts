/**
 * The provisions and policy passages the engine relies on. Provision texts come from the
 * ProvisionLookup at evaluation time (never copied here); policy passages are the seeds' words.
 */
import { RefusedError } from "../errors/index";
import { formatCitation } from "../laws/citations";
import type { Citation, ProvisionLookup } from "../laws/types";
import type { PolicyRef, ProvisionRef } from "./types";

export const XZCFF = "中华人民共和国行政处罚法";
export const XZQZF = "中华人民共和国行政强制法";

export const provisions = {
  art5para2: { law: XZCFF, article: 5, paragraph: 2 },
  art30: { law: XZCFF, article: 30 },
  art31: { law: XZCFF, article: 31 },
  art32: { law: XZCFF, article: 32 },
  art33para1: { law: XZCFF, article: 33, paragraph: 1 },
  art33para2: { law: XZCFF, article: 33, paragraph: 2 },
  art33para3: { law: XZCFF, article: 33, paragraph: 3 },
  art36para1: { law: XZCFF, article: 36, paragraph: 1 },
  art36para2: { law: XZCFF, article: 36, paragraph: 2 },
  art49: { law: XZCFF, article: 49 },
  compulsionArt16para1: { law: XZQZF, article: 16, paragraph: 1 },
  compulsionArt16para2: { law: XZQZF, article: 16, paragraph: 2 },
} satisfies Record<string, Citation>;

export function art32Item(item: number): Citation {
  return { law: XZCFF, article: 32, item };
}

/** 明溪县 (seed 001) 二（二）: emergencies exclude soft enforcement. */
export const emergencyPolicy: PolicyRef = {
  document: "明溪县全面推行柔性执法工作实施方案（明政办〔2021〕24号）",
  section: "二、（二）适用范围",
  text: "发生自然灾害、事故灾难、公共卫生事件、公共安全事件等突发事件期间，对违反突发事件应对措施的行为，不适用柔性执法；法律、法规和规章另有规定的，从其规定。",
};

/** 沙坪坝区 (seed 004) 三、适用范围: exploiting an emergency excludes soft enforcement. */
export const exploitEmergencyPolicy: PolicyRef = {
  document: "重庆市沙坪坝区推行行政机关柔性执法的实施意见",
  section: "三、适用范围",
  text: "对利用自然灾害、事故灾难、公共卫生、公共安全等突发事件实施违法行为的，不适用柔性执法的意见。",
};

/** 舟山市 (seed 002) 二、（一）3: statutory 不予处罚 applies even where the list is silent. */
export const zhoushanPolicy: PolicyRef = {
  document: "舟山市人民政府办公室关于全面推行柔性执法工作的指导意见（舟政办发〔2023〕47号）",
  section: "二、（一）3. 不予处罚清单的实施",
  text: "对符合不予处罚清单规定的违法行为，应当不予处罚；对不予处罚清单未作出规定，但违法行为符合法定不予处罚情形的，也应当依法不予处罚。",
};

/** Thrown when a provision the engine must cite cannot be found: no outcome without a basis. */
export class DecisionBasisError extends RefusedError {
  constructor(readonly citation: Citation) {
    super(`无法在法律法规库中找到决定所依据的条款：${formatCitation(citation)}`, "decision_basis_missing");
  }
}

const caches = new WeakMap<ProvisionLookup, Map<string, string | undefined>>();

function cachedLookup(lookup: ProvisionLookup, citation: Citation): string | undefined {
  let cache = caches.get(lookup);
  if (!cache) {
    cache = new Map();
    caches.set(lookup, cache);
  }
  const key = `${citation.law}|${citation.article}|${citation.paragraph ?? ""}|${citation.item ?? ""}`;
  if (cache.has(key)) return cache.get(key);
  const text = lookup(citation);
  cache.set(key, text);
  return text;
}

/**
 * The provision with its text. `part` takes the 前段 (first sentence) or 后段 (the rest) of a
 * paragraph. Throws DecisionBasisError when the lookup does not know the provision.
 */
export function provisionRef(lookup: ProvisionLookup, citation: Citation, part?: "前段" | "后段"): ProvisionRef {
  const text = cachedLookup(lookup, citation);
  if (text === undefined) throw new DecisionBasisError(citation);
  const ref: ProvisionRef = { citation, cited: formatCitation(citation), text };
  if (part) {
    const cut = text.indexOf("。");
    ref.part = part;
    ref.text = cut < 0 ? text : part === "前段" ? text.slice(0, cut + 1) : text.slice(cut + 1);
  }
  return ref;
}

/** Like provisionRef, but undefined instead of throwing (for list items' own citations). */
export function tryProvisionRef(lookup: ProvisionLookup, citation: Citation): ProvisionRef | undefined {
  const text = cachedLookup(lookup, citation);
  return text === undefined ? undefined : { citation, cited: formatCitation(citation), text };
}
