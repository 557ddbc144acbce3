/** The contract of the administrative divisions (/api/v1/regions, GB/T 2260). */
import { z } from "zod";
import { itemsOf } from "../common";

export const ZRegionQuery = z.object({
  parent: z
    .string()
    .regex(/^\d{2,9}$/, "应为行政区划代码")
    .optional()
    .describe("上级区划代码"),
});

export const ZRegion = z.object({ code: z.string(), name: z.string(), level: z.number() });

export const ZRegionList = itemsOf(ZRegion);

export type Region = z.infer<typeof ZRegion>;
