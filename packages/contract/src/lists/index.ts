/**
 * Contract of the lists module (清单): every /api/v1/lists* request and response and the public
 * lists. The server registers these schemas on its routes (validation, serialisation, OpenAPI); the
 * web takes the types with `import type` and `z.infer`.
 *
 * Domain values that have their own validation in the domain (conditions, citations, quality
 * findings) travel as `z.custom<DomainType>()`: the server checks them with the domain's parsers,
 * the response passes them through unchanged and the web gets the domain's type.
 */
import { z } from "zod";
import type { Citation } from "@kuanyan/domain/laws";
import {
  listCollectionActions,
  listTypes,
  listVersionActions,
  listVersionStatuses,
  type Condition,
  type QualityFinding,
} from "@kuanyan/domain/lists";
import { softMethods } from "@kuanyan/domain/measures";

// ---------------------------------------------------------------------------------------------
// Pieces

export const ZListType = z.enum(listTypes).describe("清单类型");
export const ZListVersionStatus = z.enum(listVersionStatuses).describe("版本状态");
export const ZListVersionAction = z.enum(listVersionActions);
export const ZListCollectionAction = z.enum(listCollectionActions);
export const ZFilingStatus = z.enum(["not_published", "pending", "overdue", "filed_on_time", "filed_late"]).describe("备案情况");

/** A citation (法律名称、条、款、项). */
export const ZCitation = z.object({
  law: z.string().max(100),
  article: z.number().int().min(1),
  paragraph: z.number().int().min(1).optional(),
  item: z.number().int().min(1).optional(),
}) satisfies z.ZodType<Citation>;

/** A structured applicability condition (checked by the domain's parseConditions). */
export const ZCondition = z.custom<Condition>((v) => typeof v === "object" && v !== null && !Array.isArray(v), { message: "适用条件格式无效" });
export const ZQualityFinding = z.custom<QualityFinding>();

// ---------------------------------------------------------------------------------------------
// Requests

export const ZListParams = z.object({ id: z.uuid().describe("清单") });
export const ZVersionParams = z.object({ id: z.uuid().describe("清单"), no: z.coerce.number().int().min(1).describe("版本") });
const lock = z.number().int().min(1).optional().describe("版本号");

export const ZMyListsQuery = z.object({ organisationId: z.uuid().optional().describe("单位") });

export const ZCreateListBody = z.object({
  type: ZListType,
  title: z.string().trim().max(100).optional().describe("标题"),
  notes: z.string().max(4000).optional().describe("说明"),
});

/** An item as the editor sends it (依据 is read from its text when no structured citations come along). */
export const ZListItemInput = z.object({
  seq: z.number().int().min(1).max(100000).describe("序号"),
  matterName: z.string().max(500).describe("事项名称"),
  matterCode: z.string().trim().max(40).optional().nullable().describe("事项编码"),
  circumstances: z.string().max(4000).describe("情形"),
  basisText: z.string().max(8000).describe("依据"),
  basis: z.array(ZCitation).optional().describe("依据（结构化）"),
  measures: z.array(z.enum(softMethods)).max(20).describe("配套监管措施"),
  otherMeasures: z.array(z.string().trim().min(1).max(100)).max(20).default([]).describe("其他监管措施"),
  remarks: z.string().max(1000).optional().nullable().describe("备注"),
  conditions: z.array(z.record(z.string(), z.unknown())).max(30).default([]).describe("适用条件"),
});

export const ZSaveDraftBody = z.object({
  lockVersion: z.number().int().min(1).describe("版本号"),
  title: z.string().trim().max(100).optional().describe("标题"),
  notes: z.string().max(4000).optional().describe("说明"),
  items: z.array(ZListItemInput).max(5000).describe("事项"),
});

export const ZSubmitBody = z.object({ lockVersion: lock });
export const ZApproveBody = z.object({ lockVersion: lock, comments: z.string().max(2000).optional().describe("审核意见") });
export const ZReturnBody = z.object({ lockVersion: lock, comments: z.string().max(2000).describe("审核意见") });
export const ZPublishBody = z.object({
  lockVersion: lock,
  effectiveFrom: z.iso.date().optional().describe("施行日期"),
  warningReason: z.string().max(2000).optional().describe("仍予发布的理由"),
});
export const ZFileBody = z.object({ lockVersion: lock, reference: z.string().max(100).optional().describe("备案文号") });
export const ZEvaluationBody = z.object({ findings: z.string().max(4000).describe("评估结果") });
export const ZNoBody = z.object({});
export const ZRepealBody = z.object({ reason: z.string().max(2000).describe("废止理由") });

const fileFields = {
  fileName: z.string().trim().min(1).max(200).describe("文件名"),
  contentBase64: z.string().min(1).max(2_700_000).describe("文件内容"),
};
export const ZImportPreviewBody = z.object({ ...fileFields, type: ZListType.optional() });
export const ZImportBody = z.object({
  ...fileFields,
  type: ZListType.optional(),
  title: z.string().trim().max(100).optional().describe("标题"),
  target: z
    .object({
      listId: z.uuid().describe("清单"),
      versionNo: z.number().int().min(1).describe("版本"),
      lockVersion: z.number().int().min(1).describe("版本号"),
    })
    .optional(),
});
export const ZExportQuery = z.object({ format: z.enum(["xlsx", "docx"]).default("xlsx").describe("格式") });
export const ZPublicListsQuery = z.object({ q: z.string().trim().max(100).optional().describe("事项名称") });

// ---------------------------------------------------------------------------------------------
// Responses

export const ZVersionSummary = z.object({
  id: z.uuid(),
  versionNo: z.number().int(),
  status: ZListVersionStatus,
  statusLabel: z.string(),
  title: z.string(),
  effectiveFrom: z.string().nullable(),
  effectiveTo: z.string().nullable(),
  publishedOn: z.string().nullable(),
  filingDeadline: z.string().nullable(),
  filedOn: z.string().nullable(),
  filingStatus: ZFilingStatus,
  filingStatusLabel: z.string(),
  lockVersion: z.number().int(),
  errors: z.number().int(),
  warnings: z.number().int(),
});

const actions = z.array(ZListVersionAction).describe("当前用户可执行的操作");

export const ZMyLists = z.object({
  allowedActions: z.array(ZListCollectionAction).describe("当前用户可执行的操作"),
  own: z.array(
    z.object({
      id: z.uuid(),
      type: ZListType,
      typeLabel: z.string(),
      title: z.string(),
      organisationId: z.uuid(),
      versions: z.array(ZVersionSummary),
      allowedActions: actions,
    }),
  ),
  claimed: z.array(
    z.object({
      claimId: z.uuid(),
      claimedOn: z.string(),
      listId: z.uuid(),
      type: ZListType,
      typeLabel: z.string(),
      organisationName: z.string(),
      version: ZVersionSummary,
      newerVersionNo: z.number().int().nullable(),
      allowedActions: actions,
    }),
  ),
  claimable: z.array(
    z.object({
      listId: z.uuid(),
      type: ZListType,
      typeLabel: z.string(),
      organisationName: z.string(),
      version: ZVersionSummary,
      allowedActions: actions,
    }),
  ),
});

export const ZCreateListResult = z.object({ listId: z.uuid(), versionId: z.uuid(), versionNo: z.number().int(), lockVersion: z.number().int() });

export const ZResolvedCitation = z.object({
  citation: ZCitation,
  label: z.string(),
  ok: z.boolean(),
  lawId: z.string().optional(),
  text: z.string().optional(),
  error: z.string().optional(),
});

/** An item as the editor edits and saves it. */
export const ZEditableItem = z.object({
  seq: z.number().int(),
  matterName: z.string(),
  matterCode: z.string(),
  circumstances: z.string(),
  basisText: z.string(),
  basis: z.array(ZCitation).optional(),
  measures: z.array(z.enum(softMethods)),
  otherMeasures: z.array(z.string()),
  remarks: z.string(),
  conditions: z.array(ZCondition),
});

/** An item as shown: its measures and conditions in words, its citations resolved to the provision text. */
export const ZItemView = ZEditableItem.extend({
  basis: z.array(ZCitation),
  measureLabels: z.array(z.string()),
  conditionTexts: z.array(z.string()),
  citations: z.array(ZResolvedCitation),
});

export const ZVersionDetail = z.object({
  allowedActions: actions,
  list: z.object({
    id: z.uuid(),
    type: ZListType,
    typeLabel: z.string(),
    organisationId: z.uuid(),
    organisationName: z.string(),
    contactPerson: z.string(),
    contactPhone: z.string(),
    status: z.enum(["draft", "in_force", "repealed"]),
  }),
  versions: z.array(ZVersionSummary),
  version: ZVersionSummary.extend({
    notes: z.string(),
    reviews: z.array(z.object({ decision: z.enum(["approved", "returned"]), comments: z.string(), on: z.string() })),
    evaluations: z.array(z.object({ on: z.string(), findings: z.string() })),
    warningReason: z.string().nullable(),
    repealReason: z.string().nullable(),
    filedWithName: z.string().nullable(),
    quality: z.array(ZQualityFinding),
    items: z.array(ZItemView),
  }),
});

export const ZSaveDraftResult = z.object({
  listId: z.uuid(),
  versionId: z.uuid(),
  versionNo: z.number().int(),
  lockVersion: z.number().int(),
  quality: z.array(ZQualityFinding),
});

/** The outcome of a lifecycle action (the version it addressed or created). */
export const ZTransitionResult = z.object({ listId: z.uuid(), versionNo: z.number().int(), versionId: z.uuid() });
export const ZClaimResult = z.object({
  claimId: z.uuid(),
  listId: z.uuid(),
  versionNo: z.number().int(),
  versionId: z.uuid(),
  claimedOn: z.string(),
});

export const ZQueueItem = ZVersionSummary.extend({
  listId: z.uuid(),
  type: ZListType,
  typeLabel: z.string(),
  organisationName: z.string(),
  allowedActions: actions,
});
export const ZReviewQueue = z.object({ items: z.array(ZQueueItem) });

export const ZFilingBoard = z.object({
  today: z.string(),
  summary: z.object({
    total: z.number().int(),
    filedOnTime: z.number().int(),
    filedLate: z.number().int(),
    pending: z.number().int(),
    overdue: z.number().int(),
  }),
  items: z.array(
    ZVersionSummary.extend({
      listId: z.uuid(),
      type: ZListType,
      typeLabel: z.string(),
      organisationId: z.uuid(),
      organisationName: z.string(),
      filedWithName: z.string().nullable(),
    }),
  ),
});

export const ZImportRow = z.object({
  row: z.number().int(),
  seq: z.number().int(),
  matterName: z.string(),
  errors: z.array(z.string()),
  warnings: z.array(z.string()),
});

/** The import preview (items presented like a version's items); nothing is saved. */
export const ZImportPreview = z.object({
  ok: z.boolean(),
  title: z.string(),
  type: ZListType.nullable(),
  notes: z.string(),
  items: z.array(ZItemView),
  rows: z.array(ZImportRow),
  errors: z.array(z.string()),
  warnings: z.array(z.string()),
});

export const ZImportResult = z.object({
  listId: z.uuid(),
  versionId: z.uuid(),
  versionNo: z.number().int(),
  lockVersion: z.number().int(),
  quality: z.array(ZQualityFinding).optional(),
  imported: z.number().int(),
});

export const ZPublicList = z.object({
  versionId: z.uuid(),
  listId: z.uuid(),
  type: ZListType,
  typeLabel: z.string(),
  title: z.string(),
  notes: z.string(),
  versionNo: z.number().int(),
  organisationName: z.string(),
  regionCode: z.string(),
  effectiveFrom: z.string().nullable(),
  publishedOn: z.string().nullable(),
  itemCount: z.number().int(),
  items: z.array(
    z.object({
      seq: z.number().int(),
      matterName: z.string(),
      matterCode: z.string(),
      circumstances: z.string(),
      basis: z.array(z.string()),
      basisText: z.string(),
      measures: z.array(z.string()),
      remarks: z.string(),
    }),
  ),
});
export const ZPublicLists = z.object({ today: z.string(), items: z.array(ZPublicList) });

// ---------------------------------------------------------------------------------------------
// Types (what the web uses)

export type VersionSummary = z.infer<typeof ZVersionSummary>;
export type MyLists = z.infer<typeof ZMyLists>;
export type OwnList = MyLists["own"][number];
export type ClaimedList = MyLists["claimed"][number];
export type ClaimableList = MyLists["claimable"][number];
export type EditableItem = z.infer<typeof ZEditableItem>;
export type ItemView = z.infer<typeof ZItemView>;
export type ResolvedCitation = z.infer<typeof ZResolvedCitation>;
export type VersionDetail = z.infer<typeof ZVersionDetail>;
export type ImportRow = z.infer<typeof ZImportRow>;
export type ImportPreview = z.infer<typeof ZImportPreview>;
export type FilingBoard = z.infer<typeof ZFilingBoard>;
export type QueueItem = z.infer<typeof ZQueueItem>;
export type PublicList = z.infer<typeof ZPublicList>;
export type ListVersionActionName = z.infer<typeof ZListVersionAction>;
export type CreateListBody = z.infer<typeof ZCreateListBody>;
export type SaveDraftBody = z.input<typeof ZSaveDraftBody>;
export type ImportBody = z.input<typeof ZImportBody>;
