/** 执法事项库 API (packages/server/src/matters/routes.ts): suggestions from plain Chinese and one matter. Public. */
import { z } from "zod";

export const ZMattersQuery = z.object({
  q: z.string().trim().max(200).optional().describe("描述"),
  limit: z.coerce.number().int().min(1).max(50).optional().describe("条数"),
});

export const ZMatterCodeParams = z.object({ code: z.string().max(40).describe("事项编码") });

/** A fine range in yuan (the domain's FineRange). */
export const ZFineRange = z.object({ minYuan: z.number(), maxYuan: z.number(), note: z.string().optional() });

export const ZMatterSuggestion = z.object({
  code: z.string(),
  name: z.string(),
  domain: z.string(),
  kind: z.string(),
  penaltyText: z.string(),
  fineRange: ZFineRange.nullable(),
  escalatedFineRange: ZFineRange.nullable(),
  /** 违法依据, formatted citations. */
  violated: z.array(z.string()),
  /** 处罚依据, formatted citations. */
  penalty: z.array(z.string()),
  /** Search score (1000 for an exact code; 0 when listing). */
  score: z.number(),
});
export const ZMatterList = z.object({ items: z.array(ZMatterSuggestion) });

export const ZMatterDetail = ZMatterSuggestion.extend({
  /** Bases the law library does not hold (shown with a warning). */
  externalBasis: z.array(z.object({ citation: z.string(), note: z.string() })),
});
export type MatterSuggestion = z.infer<typeof ZMatterSuggestion>;
