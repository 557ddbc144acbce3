/**
 * Inspections, part A (issue 10): the object pool (检查对象名录库), the inspectors' certificates
 * (执法检查人员名录库), checklists (检查表), 抽查事项清单, plans and publicly verifiable draws, and the
 * public draw page (一公开). Requests and responses; the web takes the types with `import type`.
 */
import { z } from "zod";
import { industries, riskLevels, exclusionReasons, checklistAreas, inspectionStatuses, publicResultCategories } from "@kuanyan/domain/inspections";
import { hazardLevels, hazardStatuses } from "@kuanyan/domain/hazards";
import { caseStatuses } from "@kuanyan/domain/cases";
import { softMethods } from "@kuanyan/domain/measures";
import { ZDay, ZTimestamp } from "../common/index";

export const ZIndustry = z.enum(industries);
export const ZRiskLevel = z.enum(riskLevels);

/** The inspection actions of the permission table the user may do for the organisation asked about. */
export const ZAllowedActions = z.array(z.string()).describe("当前用户对该单位可执行的检查操作（权限表中的操作名）");

export const ZOrgQuery = z.object({ organisationId: z.uuid().optional().describe("单位（默认本单位）") });

// ---------------------------------------------------------------------------------------------
// 检查对象名录库

/** A unit as lists show it: the contact masked. */
export const ZUnit = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  regionCode: z.string(),
  creditCode: z.string(),
  name: z.string(),
  address: z.string(),
  industry: ZIndustry,
  riskLevel: ZRiskLevel,
  keyUnit: z.boolean(),
  contactName: z.string().nullable().describe("联系人（已遮蔽）"),
  contactPhone: z.string().nullable().describe("联系电话（已遮蔽）"),
  version: z.number().int(),
  updatedAt: ZTimestamp,
});
export type Unit = z.infer<typeof ZUnit>;

export const ZUnitsQuery = z.object({
  organisationId: z.uuid().optional().describe("单位（默认本单位）"),
  q: z.string().trim().max(100).optional().describe("名称或统一社会信用代码"),
  industry: ZIndustry.optional(),
  riskLevel: ZRiskLevel.optional(),
  keyUnit: z.enum(["true", "false"]).optional(),
  uncoveredIn: z.coerce.number().int().min(2000).max(2100).optional().describe("只看该年度内未检查（无已提交的检查）的重点单位"),
  page: z.coerce.number().int().min(1).max(100000).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).optional(),
});

export const ZUnitList = z.object({
  items: z.array(ZUnit),
  total: z.number().int(),
  keyUnits: z.number().int().describe("符合筛选条件的单位中的重点单位数"),
  poolKeyUnits: z.number().int().describe("名录库（不论筛选条件）的重点单位数"),
  allowedActions: ZAllowedActions,
});

export const ZUnitInput = z.object({
  organisationId: z.uuid().optional().describe("单位（默认本单位）"),
  creditCode: z.string().max(40).describe("统一社会信用代码"),
  name: z.string().max(200).describe("单位名称"),
  address: z.string().max(300).optional().describe("地址"),
  regionCode: z.string().max(12).describe("行政区划代码"),
  industry: z.string().max(40).describe("行业"),
  riskLevel: z.string().max(40).describe("风险等级"),
  keyUnit: z.boolean().optional().describe("重点单位"),
  contactName: z.string().max(50).optional().describe("联系人"),
  contactPhone: z.string().max(40).optional().describe("联系电话"),
});
export type UnitInput = z.infer<typeof ZUnitInput>;

export const ZUnitUpdate = ZUnitInput.omit({ organisationId: true, creditCode: true }).extend({
  version: z.number().int().min(1).describe("版本号"),
});
export type UnitUpdate = z.infer<typeof ZUnitUpdate>;

export const ZUnitFile = z.object({
  organisationId: z.uuid().optional().describe("单位（默认本单位）"),
  fileName: z.string().trim().min(1).max(200).describe("文件名"),
  contentBase64: z.string().min(1).max(14_000_000).describe("文件内容（Base64）"),
});

export const ZUnitImportPreview = z.object({
  fileSha256: z.string().describe("文件的SHA-256（提交导入时回传，确保导入的是预览过的文件）"),
  rows: z.number().int().describe("数据行数（不含表头和空行）"),
  creates: z.number().int().describe("新增单位数"),
  updates: z.number().int().describe("更新单位数（名录库中已有）"),
  emptyRows: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() })),
  /** The first valid rows (at most 200), contact masked. */
  sample: z.array(
    z.object({
      row: z.number().int(),
      action: z.enum(["create", "update"]),
      creditCode: z.string(),
      name: z.string(),
      regionCode: z.string(),
      industry: ZIndustry,
      riskLevel: ZRiskLevel,
      keyUnit: z.boolean(),
    }),
  ),
  parseMs: z.number().int().describe("解析与校验用时（毫秒）"),
});
export type UnitImportPreview = z.infer<typeof ZUnitImportPreview>;

export const ZUnitImportCommit = ZUnitFile.extend({
  fileSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .describe("预览时返回的文件SHA-256"),
});

export const ZUnitImportResult = z.object({ created: z.number().int(), updated: z.number().int() });

// ---------------------------------------------------------------------------------------------
// 执法检查人员名录库

export const ZCertificateStatus = z.enum(["valid", "missing", "not_yet_valid", "expired"]);

export const ZInspector = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  organisationId: z.uuid(),
  roles: z.array(z.string()),
  certificate: z
    .object({
      number: z.string(),
      issuingBody: z.string(),
      validFrom: ZDay,
      validTo: ZDay,
      fields: z.array(ZIndustry),
      version: z.number().int(),
    })
    .nullable(),
  status: ZCertificateStatus,
  /** Why the inspector cannot be drawn today (Chinese), or null. */
  problem: z.string().nullable(),
});
export type Inspector = z.infer<typeof ZInspector>;

export const ZInspectorList = z.object({ items: z.array(ZInspector), allowedActions: ZAllowedActions });

export const ZCertificateInput = z.object({
  number: z.string().max(40).describe("执法证号"),
  issuingBody: z.string().max(100).describe("发证机关"),
  validFrom: z.string().max(10).describe("有效期起"),
  validTo: z.string().max(10).describe("有效期至"),
  fields: z.array(ZIndustry).max(20).describe("执法领域"),
  version: z.number().int().min(1).optional().describe("版本号（修改时）"),
});

export const ZExclusion = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  inspectorName: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  creditCode: z.string(),
  reason: z.enum(exclusionReasons),
  note: z.string().nullable(),
  createdAt: ZTimestamp,
});
export const ZExclusionList = z.object({ items: z.array(ZExclusion) });
export const ZExclusionInput = z.object({
  userId: z.uuid().describe("执法人员"),
  unitId: z.uuid().describe("检查对象"),
  reason: z.enum(exclusionReasons).describe("回避理由"),
  note: z.string().max(500).optional().describe("具体情况（内部保存，不公开）"),
});

// ---------------------------------------------------------------------------------------------
// 检查表

export const ZCitation = z.object({
  law: z.string().max(100),
  article: z.number().int().min(1),
  paragraph: z.number().int().min(1).optional(),
  item: z.number().int().min(1).optional(),
});

export const ZChecklistItem = z.object({
  id: z.string().max(40),
  area: z.enum(checklistAreas),
  text: z.string().max(1000),
  basis: z.array(ZCitation).max(20),
  matterCode: z.string().max(60),
  source: z.string().max(500),
});

export const ZChecklistVersion = z.object({
  version: z.number().int(),
  status: z.enum(["draft", "published", "superseded", "withdrawn"]),
  items: z.array(ZChecklistItem),
  publishedOn: ZDay.nullable(),
  changeNote: z.string().nullable(),
});

export const ZChecklist = z.object({
  id: z.string(),
  organisationId: z.string(),
  industry: ZIndustry,
  title: z.string(),
  copiedFrom: z.object({ checklistId: z.string(), version: z.number().int() }).nullable(),
  versions: z.array(ZChecklistVersion),
  lockVersion: z.number().int(),
});
export type Checklist = z.infer<typeof ZChecklist>;

export const ZChecklistSummary = z.object({
  id: z.string(),
  organisationId: z.string(),
  industry: ZIndustry,
  title: z.string(),
  copiedFrom: z.object({ checklistId: z.string(), version: z.number().int() }).nullable(),
  versions: z.array(
    z.object({ version: z.number().int(), status: ZChecklistVersion.shape.status, publishedOn: ZDay.nullable(), items: z.number().int() }),
  ),
  lockVersion: z.number().int(),
});

export const ZChecklistList = z.object({
  items: z.array(ZChecklistSummary),
  starters: z.array(z.object({ id: z.string(), industry: ZIndustry, title: z.string(), items: z.number().int() })),
  allowedActions: ZAllowedActions,
});

export const ZChecklistCopy = z.object({
  organisationId: z.uuid().optional().describe("单位（默认本单位）"),
  sourceId: z.string().max(60).describe("复制的检查表（随系统提供的起步检查表或其他单位已发布的检查表）"),
  version: z.number().int().min(1).optional().describe("版本（默认已发布版本）"),
  title: z.string().max(100).optional(),
});

export const ZChecklistDraft = z.object({ items: z.array(ZChecklistItem).max(500), lockVersion: z.number().int().min(1) });
export const ZChecklistPublish = z.object({ version: z.number().int().min(1), lockVersion: z.number().int().min(1) });
export const ZChecklistRevise = z.object({ changeNote: z.string().max(500), lockVersion: z.number().int().min(1) });

// ---------------------------------------------------------------------------------------------
// 抽查事项清单

export const ZMatter = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  name: z.string(),
  industry: ZIndustry.nullable(),
  matterCodes: z.array(z.string()),
  checklistId: z.uuid().nullable(),
  checklistTitle: z.string().nullable(),
  inspectionMethod: z.string(),
  published: z.boolean(),
  publishedOn: ZDay.nullable(),
  version: z.number().int(),
});
export const ZMatterList = z.object({ items: z.array(ZMatter), allowedActions: ZAllowedActions });
export const ZMatterInput = z.object({
  organisationId: z.uuid().optional(),
  name: z.string().max(200).describe("抽查事项名称"),
  industry: ZIndustry.optional(),
  matterCodes: z.array(z.string().max(60)).max(50).describe("对应的执法事项编码"),
  checklistId: z.uuid().optional().describe("检查表"),
  inspectionMethod: z.string().max(200).optional().describe("检查方式"),
});
export const ZMatterPublish = z.object({ version: z.number().int().min(1) });

// ---------------------------------------------------------------------------------------------
// 抽查计划与抽取

export const ZPlanRules = z.object({
  defaultPercent: z.number().int().min(0).max(100).describe("默认抽取比例（%）"),
  ratios: z
    .array(z.object({ industry: ZIndustry.optional(), riskLevel: ZRiskLevel.optional(), percent: z.number().int().min(0).max(100) }))
    .max(50)
    .describe("按行业、风险等级的抽取比例（按顺序，第一条相符的适用）"),
});

export const ZDrawSummary = z.object({
  id: z.uuid(),
  drawNo: z.string(),
  kind: z.enum(["annual", "periodic"]),
  title: z.string(),
  status: z.enum(["announced", "drawn"]),
  poolSha256: z.string(),
  objectCount: z.number().int(),
  publicSource: z.string(),
  publicValueDate: ZDay,
  announcedOn: ZDay,
  drawnOn: ZDay.nullable(),
  dueBy: ZDay.nullable(),
  redrawOf: z.uuid().nullable(),
  redrawReason: z.string().nullable(),
  replacedBy: z.uuid().nullable().describe("替代本次抽取的重新抽取"),
});

export const ZPlan = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  year: z.number().int(),
  title: z.string(),
  rules: ZPlanRules,
  notes: z.string(),
  draws: z.array(ZDrawSummary),
  inspections: z.object({ planned: z.number().int(), drawn: z.number().int(), done: z.number().int(), total: z.number().int() }),
});
export const ZPlanList = z.object({ items: z.array(ZPlan), adhocDraws: z.array(ZDrawSummary), allowedActions: ZAllowedActions });
export const ZPlanInput = z.object({
  organisationId: z.uuid().optional(),
  year: z.number().int().min(2000).max(2100),
  title: z.string().max(100),
  rules: ZPlanRules,
  notes: z.string().max(2000).optional(),
});

export const ZAnnounce = z.object({
  organisationId: z.uuid().optional().describe("单位（默认本单位）"),
  planId: z.uuid().optional().describe("年度计划（年度抽取必填；季度抽取从该计划尚未抽取的对象中抽取）"),
  kind: z.enum(["annual", "periodic"]),
  drawNo: z.string().max(40).describe("抽取编号"),
  title: z.string().max(100).describe("抽取名称"),
  publicSource: z.string().max(200).describe("公开随机数来源（例如某日的彩票开奖号码）"),
  publicValueDate: z.string().max(10).describe("公开随机数产生的日期（须晚于公告日）"),
  objectCount: z.number().int().min(1).max(100000).optional().describe("抽取的检查对象数（季度/专项）"),
  inspectorsPerObject: z.number().int().min(0).max(20).optional().describe("每个对象的执法人员数（不少于2）"),
  dueBy: z.string().max(10).optional().describe("应完成日期（季度/专项）"),
  redrawOf: z.uuid().optional().describe("被替代的抽取（重新抽取时）"),
  redrawReason: z.string().max(500).optional().describe("重新抽取的理由"),
});

export const ZPerform = z.object({ publicValue: z.string().max(200).describe("公开随机数（按公布的原样录入）") });

export const ZDrawSelection = z.object({
  objects: z.array(
    z.object({
      creditCode: z.string(),
      unitName: z.string(),
      reason: z.enum(["key", "drawn"]).nullable().describe("年度：重点单位直接列入或抽中"),
      inspectors: z.array(z.string()).describe("执法证号"),
    }),
  ),
  strata: z.array(
    z.object({ industry: ZIndustry, riskLevel: ZRiskLevel, size: z.number().int(), percent: z.number().int(), drawn: z.number().int() }),
  ),
});

export const ZDraw = ZDrawSummary.extend({
  organisationId: z.uuid(),
  organisationName: z.string(),
  planId: z.uuid().nullable(),
  commitment: z.string(),
  publicValue: z.string().nullable(),
  secret: z.string().nullable().describe("服务器密钥（抽取后公开）"),
  seed: z.string().nullable(),
  selection: ZDrawSelection.nullable(),
  inspections: z.array(
    z.object({
      id: z.uuid(),
      unitName: z.string(),
      creditCode: z.string(),
      status: z.enum(inspectionStatuses),
      dueBy: ZDay.nullable(),
      inspectors: z.array(z.string()).describe("执法人员姓名"),
    }),
  ),
  publicUrl: z.string().describe("公开页面地址"),
  allowedActions: ZAllowedActions,
});
export type Draw = z.infer<typeof ZDraw>;

// ---------------------------------------------------------------------------------------------
// 一公开: the public draw page (no login, no personal data)

export const ZPublicResult = z.object({
  creditCode: z.string(),
  unitName: z.string().describe("检查对象（以经营者姓名登记的个体工商户已遮蔽）"),
  status: z.enum(inspectionStatuses),
  matter: z.string().nullable().describe("检查事项"),
  checkedOn: ZDay.nullable().describe("检查日期"),
  category: z.enum(publicResultCategories).describe("检查结果类别"),
  label: z.string().describe("检查结果"),
  hazards: z.number().int().describe("隐患数"),
  rectified: z.number().int().describe("已整改隐患数"),
});
export const ZPublicResultsSummary = z.object({
  total: z.number().int().describe("应检查对象数（不含已取消）"),
  done: z.number().int().describe("检查完成数"),
  withProblems: z.number().int().describe("发现问题户数"),
  overdue: z.number().int().describe("逾期未检查数"),
  cancelled: z.number().int().describe("已取消数"),
});

export const ZPublicDraw = z.object({
  id: z.uuid(),
  drawNo: z.string(),
  organisationName: z.string(),
  kind: z.enum(["annual", "periodic"]),
  title: z.string(),
  status: z.enum(["announced", "drawn"]),
  poolSha256: z.string(),
  poolBytes: z.number().int(),
  objectCount: z.number().int(),
  commitment: z.string(),
  publicSource: z.string(),
  publicValueDate: ZDay,
  announcedOn: ZDay,
  publicValue: z.string().nullable(),
  secret: z.string().nullable(),
  seed: z.string().nullable(),
  drawnOn: ZDay.nullable(),
  redrawOf: z.string().nullable().describe("被替代的抽取编号"),
  redrawReason: z.string().nullable(),
  /** The selection with the inspectors counted (their 执法证号 are in the pool and draw files only). */
  selection: z
    .object({
      objects: z.array(
        z.object({
          creditCode: z.string(),
          unitName: z.string().describe("单位名称（以经营者姓名登记的个体工商户已遮蔽）"),
          reason: z.enum(["key", "drawn"]).nullable().describe("年度：重点单位直接列入或抽中"),
          inspectorCount: z.number().int().describe("抽取的执法人员人数"),
        }),
      ),
      strata: ZDrawSelection.shape.strata,
    })
    .nullable(),
  /** 双随机抽查结果公示: each planned inspection's result (no personal data). */
  results: z.array(ZPublicResult),
  resultsSummary: ZPublicResultsSummary,
});
export type PublicDraw = z.infer<typeof ZPublicDraw>;
export type PublicResult = z.infer<typeof ZPublicResult>;

export const ZPublicDrawList = z.object({
  items: z.array(ZPublicDraw.omit({ selection: true, results: true, resultsSummary: true })),
  organisations: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type PublicDrawList = z.infer<typeof ZPublicDrawList>;
export const ZPublicDrawsQuery = z.object({ organisationId: z.uuid().optional().describe("组织抽取的单位") });

// ---------------------------------------------------------------------------------------------
// 单位档案 (issue 10 item 1): a pool unit with its history — inspections, hazards, cases (the party's
// 统一社会信用代码 = the unit's) and the soft measures on those cases — within the caller's data scope.
// Every count is the number of rows listed (nothing is paged).

export const ZUnitHistoryInspection = z.object({
  id: z.uuid().describe("检查（现场检查页面的编号）"),
  organisationId: z.uuid(),
  organisationName: z.string(),
  year: z.number().int(),
  status: z.enum(inspectionStatuses),
  statusLabel: z.string(),
  dueBy: ZDay.nullable(),
  submittedOn: ZDay.nullable().describe("提交日期（中国日期）"),
  recordNo: z.string().nullable().describe("现场检查记录编号"),
  itemsRecorded: z.number().int(),
  itemsFailed: z.number().int().describe("不符合的检查项数"),
});

export const ZUnitHistoryHazard = z.object({
  id: z.uuid(),
  organisationName: z.string(),
  inspectionId: z.uuid().nullable(),
  level: z.enum(hazardLevels),
  levelLabel: z.string(),
  status: z.enum(hazardStatuses),
  statusLabel: z.string(),
  description: z.string(),
  foundOn: ZDay,
  deadline: ZDay.describe("整改期限"),
  overdue: z.boolean(),
  daysOverdue: z.number().int(),
});

export const ZUnitHistoryCase = z.object({
  id: z.uuid(),
  caseNo: z.string(),
  organisationName: z.string(),
  status: z.enum(caseStatuses),
  statusLabel: z.string(),
  routeLabel: z.string().nullable().describe("办理方式"),
  choiceLabel: z.string().nullable().describe("当事人选择"),
  matterName: z.string(),
  discoveredOn: ZDay,
  decidedOn: ZDay.nullable(),
});

export const ZUnitHistoryMeasure = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseNo: z.string(),
  method: z.enum(softMethods),
  methodLabel: z.string(),
  carriedOutOn: ZDay,
  persons: z.number().int(),
});

export const ZUnitHistory = z.object({
  unit: ZUnit.extend({ organisationName: z.string() }),
  today: ZDay,
  inspections: z.array(ZUnitHistoryInspection),
  hazards: z.array(ZUnitHistoryHazard),
  cases: z.array(ZUnitHistoryCase),
  measures: z.array(ZUnitHistoryMeasure).describe("案件中实施的柔性执法措施（已作废的不列）"),
});
export type UnitHistory = z.infer<typeof ZUnitHistory>;

export * from "./field";
export type UnitList = z.infer<typeof ZUnitList>;
export type InspectorList = z.infer<typeof ZInspectorList>;
export type CertificateInput = z.infer<typeof ZCertificateInput>;
export type ChecklistList = z.infer<typeof ZChecklistList>;
export type MatterList = z.infer<typeof ZMatterList>;
export type MatterInput = z.infer<typeof ZMatterInput>;
export type PlanList = z.infer<typeof ZPlanList>;
export type PlanInput = z.infer<typeof ZPlanInput>;
export type AnnounceInput = z.infer<typeof ZAnnounce>;
