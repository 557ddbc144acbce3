/** The contract of the organisation tree (/api/v1/organisations). */
import { z } from "zod";
import { enforcementDomains, organisationKinds } from "@kuanyan/domain/organisations";
import { itemsOf } from "../common";

export const ZOrganisation = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  creditCode: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  domain: z.string(),
  kind: z.enum(organisationKinds),
  parentId: z.string().nullable(),
  contactPerson: z.string().nullable(),
  /** Masked by the server (0598****567). */
  contactPhone: z.string().nullable(),
  isDemo: z.boolean(),
  version: z.number(),
});

export const ZOrganisationList = itemsOf(ZOrganisation);

export const ZOrganisationInput = z.object({
  name: z.string().trim().min(2).max(100).describe("单位名称"),
  shortName: z.string().trim().min(1).max(20).describe("单位简称（文书编号用）"),
  creditCode: z.string().trim().max(18).optional().describe("统一社会信用代码"),
  regionCode: z
    .string()
    .regex(/^\d{6}(\d{3})?$/, "应为 6 位或 9 位数字")
    .describe("行政区划代码"),
  domain: z.enum(enforcementDomains).describe("执法领域"),
  kind: z.enum(organisationKinds).describe("单位类型"),
  parentId: z.uuid().optional().describe("上级单位"),
  contactPerson: z.string().trim().max(30).optional().describe("联系人"),
  contactPhone: z
    .string()
    .trim()
    .regex(/^[0-9-]{7,20}$/, "应为电话号码")
    .optional()
    .describe("联系电话"),
});

export const ZOrganisationPatchBody = ZOrganisationInput.partial().extend({ version: z.number().int().min(1).describe("版本号") });

export const ZOrganisationIdParam = z.object({ id: z.uuid().describe("单位") });

export type Organisation = z.infer<typeof ZOrganisation>;
export type OrganisationInput = z.input<typeof ZOrganisationInput>;
export type OrganisationPatchInput = z.input<typeof ZOrganisationPatchBody>;
