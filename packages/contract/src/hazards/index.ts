/**
 * 隐患 (issue 10 §7, §8): the ledger, its actions (整改 with evidence, 复查, 销号) and the figures.
 * The inspection on site lives in ../inspections/field.ts and is exported from here too.
 */
import { z } from "zod";
import { hazardLevels, hazardStatuses } from "@kuanyan/domain/hazards";
import { ZDay, ZTimestamp, pageOf } from "../common/index";

// The inspection on site's schemas are exported from the inspections contract (../inspections/field.ts);
// re-exported here so the hazards module and the web take one import.
export * from "../inspections/field";

const ZSha256 = z.string().regex(/^[0-9a-f]{64}$/, "应为SHA-256摘要（64位十六进制）");

export const ZHazardListQuery = z.object({
  organisationId: z.uuid().optional().describe("执法主体（默认：可查看的全部）"),
  regionCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional()
    .describe("行政区划代码"),
  status: z.enum(hazardStatuses).optional().describe("状态"),
  level: z.enum(hazardLevels).optional().describe("隐患等级"),
  overdue: z.enum(["true", "false"]).optional().describe("只看逾期"),
  rectified: z.enum(["true"]).optional().describe("只看已整改（复查合格或已销号），即整改率的分子"),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe("发现年份"),
  q: z.string().trim().max(100).optional().describe("单位名称或统一社会信用代码"),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type HazardListQuery = z.infer<typeof ZHazardListQuery>;

export const ZHazardListItem = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  regionCode: z.string(),
  inspectionId: z.uuid().nullable(),
  itemId: z.string().nullable(),
  unitId: z.uuid().nullable().describe("名录库中的单位（单位档案），执法主体的名录库没有该单位时为空"),
  creditCode: z.string(),
  unitName: z.string(),
  level: z.enum(hazardLevels),
  criterion: z.string().nullable(),
  description: z.string(),
  /** 整改责任人, masked in the list (personal data). */
  responsiblePersonMasked: z.string(),
  foundOn: ZDay,
  deadline: ZDay,
  status: z.enum(hazardStatuses),
  overdue: z.boolean(),
  daysOverdue: z.number().int(),
  escalation: z.enum(["none", "reminder", "supervision"]),
});
export type HazardListItem = z.infer<typeof ZHazardListItem>;
export const ZHazardList = pageOf(ZHazardListItem);
export type HazardList = z.infer<typeof ZHazardList>;

export const ZHazardEvent = z.object({
  id: z.uuid(),
  kind: z.string(),
  detail: z.record(z.string(), z.unknown()),
  evidence: z.array(z.string()),
  actorName: z.string().nullable(),
  at: ZTimestamp,
});

export const ZHazardDetail = ZHazardListItem.extend({
  responsiblePerson: z.string(),
  rectificationEvidence: z.array(z.string()),
  reviews: z.array(z.object({ on: z.string(), passed: z.boolean(), note: z.string(), reviewerId: z.string() })),
  previousDeadlines: z.array(z.string()),
  rectifiedOn: ZDay.nullable(),
  closedOn: ZDay.nullable(),
  evidenceFiles: z.array(z.object({ id: z.uuid(), sha256: z.string(), mime: z.string(), size: z.number().int() })),
  events: z.array(ZHazardEvent),
});
export type HazardDetail = z.infer<typeof ZHazardDetail>;

export const ZRegisterHazard = z.object({
  inspectionId: z.uuid().describe("检查"),
  itemId: z.string().trim().min(1).max(40).describe("检查项"),
  deadline: ZDay.describe("整改期限"),
  responsiblePerson: z.string().trim().min(1, "请填写整改责任人").max(50).describe("整改责任人"),
  idempotencyKey: z.string().trim().min(8).max(100).optional().describe("客户端生成的幂等键"),
});
export type RegisterHazard = z.infer<typeof ZRegisterHazard>;

export const ZHazardEvidenceUpload = z.object({
  contentBase64: z.string().min(1).max(14_000_000).describe("整改证据文件（照片、PDF；≤10 MB）"),
});
export const ZHazardEvidenceUploaded = z.object({ id: z.uuid(), sha256: z.string(), mime: z.string(), size: z.number().int() });

export const ZHazardRectification = z.object({
  on: ZDay.describe("整改完成日期"),
  evidence: z.array(ZSha256).max(20).describe("整改证据（已上传文件的SHA-256）"),
  note: z.string().trim().max(1000).optional(),
});
export const ZHazardReview = z.object({
  passed: z.boolean().describe("复查是否合格"),
  note: z.string().trim().max(1000).describe("复查意见"),
  newDeadline: ZDay.optional().describe("不合格时重新确定的整改期限"),
});
export const ZHazardClose = z.object({ note: z.string().trim().max(1000).optional() });

export const ZFiguresQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).describe("年度"),
  organisationId: z.uuid().optional(),
});

export const ZHazardFigures = z.object({
  found: z.number().int(),
  rectified: z.number().int(),
  awaitingReview: z.number().int(),
  open: z.number().int(),
  overdue: z.number().int(),
  closed: z.number().int(),
  rectificationRate: z.number().int().nullable(),
});
export type HazardFigures = z.infer<typeof ZHazardFigures>;

export const ZFieldFigures = z.object({
  year: z.number().int(),
  today: ZDay,
  /** Inspections of the year (domain inspections/figures.ts): planned, drawn, done, done on time. */
  inspections: z.object({
    planned: z.number().int(),
    drawn: z.number().int(),
    done: z.number().int(),
    doneOnTime: z.number().int(),
    pending: z.number().int(),
    cancelled: z.number().int(),
  }),
  /** Key units of the pool inspected (record submitted) this year. */
  keyUnits: z.object({ keyUnits: z.number().int(), covered: z.number().int(), percent: z.number().int().nullable() }),
  hazards: ZHazardFigures,
  byOrganisation: z.array(z.object({ organisationId: z.uuid(), organisationName: z.string(), figures: ZHazardFigures })),
  byRegion: z.array(z.object({ regionCode: z.string(), figures: ZHazardFigures })),
  /** Where each number opens its records (the ledger with these filters). */
  links: z.record(z.string(), z.string()),
});
export type FieldFigures = z.infer<typeof ZFieldFigures>;
