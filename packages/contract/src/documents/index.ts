/**
 * Contract of the documents module (文书): every /api/v1/documents* request and response and the
 * public verification (/api/v1/public/verify/:shortCode). The server registers these schemas on its
 * routes; the web takes the types with `import type` and `z.infer`.
 *
 * Templates and filled documents are the domain's types (validated by the domain's
 * validateTemplate / built by fillTemplate): responses carry them as `z.custom<DomainType>()`.
 */
import { z } from "zod";
import {
  DELIVERY_METHODS,
  DOCUMENT_TYPES,
  FIELD_KINDS,
  FIELD_SOURCES,
  documentActions,
  documentPageActions,
  documentStatuses,
  type DocumentTemplate,
  type DocumentType,
  type FieldKind,
  type FieldSource,
  type FilledDocument,
} from "@kuanyan/domain/documents";

// ---------------------------------------------------------------------------------------------
// Pieces

export const ZDocumentType = z.enum(DOCUMENT_TYPES as [DocumentType, ...DocumentType[]]).describe("文书种类");
export const ZDocumentStatus = z.enum(documentStatuses).describe("状态");
export const ZDeliveryMethod = z.enum(DELIVERY_METHODS).describe("送达方式");
export const ZDocumentAction = z.enum(documentActions);
export const ZDocumentPageAction = z.enum(documentPageActions);
const pageActions = z.array(ZDocumentPageAction).describe("当前用户可执行的操作（签发、设置）");

// ---------------------------------------------------------------------------------------------
// Requests

export const ZDocumentParams = z.object({ id: z.uuid().describe("文书") });
export const ZTypeParams = z.object({ type: ZDocumentType });
export const ZOrgQuery = z.object({ organisationId: z.uuid().optional().describe("单位") });
export const ZInlineQuery = z.object({ inline: z.enum(["0", "1"]).optional() });

export const ZDocumentListQuery = z.object({
  organisationId: z.uuid().optional().describe("单位"),
  caseId: z.uuid().optional().describe("案件"),
  type: ZDocumentType.optional(),
  status: ZDocumentStatus.optional(),
  year: z.coerce.number().int().min(2000).max(9999).optional().describe("年度"),
  q: z.string().trim().max(100).optional().describe("关键词"),
  limit: z.coerce.number().int().min(1).max(500).optional().describe("条数"),
  offset: z.coerce.number().int().min(0).optional().describe("起始"),
});

export const ZIssueDocument = z.object({
  caseId: z.uuid().describe("案件"),
  type: ZDocumentType,
  /** What the officer typed: officer fields and case fields the case leaves empty. */
  values: z.record(z.string(), z.string().max(4000)).default({}).describe("文书内容"),
  /** The soft measure this document is the written record of (sets measures.document_id). */
  measureId: z.uuid().optional().describe("柔性执法措施"),
  /** The issued document this one corrects (it is kept, marked superseded). */
  supersedesId: z.uuid().optional().describe("被更正的文书"),
});

export const ZCancelDocument = z.object({
  reason: z.string().trim().min(2).max(500).describe("作废原因"),
});

export const ZRecordDelivery = z.object({
  method: ZDeliveryMethod,
  deliverer: z.string().trim().min(1).max(60).describe("送达人"),
  recipient: z.string().trim().min(1).max(60).describe("受送达人"),
  /** YYYY-MM-DDTHH:mm, China time. */
  deliveredAt: z.string().describe("送达时间"),
  place: z.string().trim().max(200).optional().describe("送达地点"),
  /** The recipient's signature drawn on screen (PNG, base64). */
  signatureBase64: z.string().optional().describe("签名"),
  refused: z.boolean().default(false).describe("拒绝签收"),
  /** 留置送达: why and how the party refused (recorded in the delivery's remarks). */
  refusalReason: z.string().trim().max(200).optional().describe("拒收事由"),
  witnesses: z.array(z.string().trim().min(1).max(60)).max(5).default([]).describe("见证人"),
  consent: z.boolean().optional().describe("当事人同意电子送达"),
  consentRecord: z.string().trim().max(300).optional().describe("同意电子送达的记录"),
  remarks: z.string().trim().max(300).optional().describe("备注"),
});

export const ZUploadSeal = z.object({
  organisationId: z.uuid().optional().describe("单位"),
  /** The image bytes, base64 (a data: URL prefix is accepted). */
  contentBase64: z.string().min(1).describe("印章图片"),
});

/** Template texts: long enough for any paragraph of the seed, bounded for the database and the renderer. */
const ZTemplateText = z.string().max(4000);
const ZAlign = z.enum(["left", "center", "right", "justify"]);
const ZTemplateCell = z.object({
  text: ZTemplateText.describe("单元格内容"),
  colSpan: z.number().int().min(1).max(8).optional().describe("合并列数"),
  role: z.enum(["label", "value"]).describe("单元格类型"),
  minLines: z.number().int().min(1).max(50).optional().describe("最少行数"),
});
/** One block of a template, by kind (mirrors TemplateBlock in @kuanyan/domain/documents). */
const ZTemplateBlock = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("organisationHeading"), text: ZTemplateText.describe("单位名称行") }),
    z.object({ kind: z.literal("title"), text: ZTemplateText.describe("标题") }),
    z.object({ kind: z.literal("number"), text: ZTemplateText.describe("编号行") }),
    z.object({
      kind: z.literal("paragraph"),
      text: ZTemplateText.describe("段落"),
      indent: z.boolean().optional().describe("首行缩进"),
      align: ZAlign.optional().describe("对齐方式"),
      omitIfEmpty: z.string().max(100).optional().describe("为空时省略段落的字段"),
    }),
    z.object({
      kind: z.literal("table"),
      columns: z.number().int().min(1).max(8).describe("表格列数"),
      widths: z.array(z.number().positive().max(1000)).max(8).optional().describe("列宽"),
      rows: z
        .array(z.object({ cells: z.array(ZTemplateCell).min(1).max(8).describe("单元格") }))
        .max(100)
        .describe("表格行"),
    }),
    z.object({
      kind: z.literal("signature"),
      organisation: ZTemplateText.describe("落款单位"),
      sealNote: ZTemplateText.describe("印章说明"),
      dateField: z.string().max(100).describe("落款日期字段"),
    }),
    z.object({
      kind: z.literal("footer"),
      delivererField: z.string().max(100).describe("送达人字段"),
      recipientField: z.string().max(100).describe("被送达人字段"),
      deliveredAtField: z.string().max(100).describe("送达时间字段"),
    }),
  ])
  .describe("模板段落");
/** One field of a template (mirrors TemplateField). */
const ZTemplateField = z
  .object({
    key: z.string().max(100).describe("字段名"),
    label: z.string().max(100).describe("字段中文名称"),
    source: z.enum(FIELD_SOURCES as [FieldSource, ...FieldSource[]]).describe("字段来源"),
    required: z.boolean().describe("是否必填"),
    kind: z.enum(FIELD_KINDS as [FieldKind, ...FieldKind[]]).describe("字段类型"),
    precision: z.enum(["hour", "minute"]).optional().describe("时间精度"),
    notBeforeToday: z.boolean().optional().describe("不早于今天"),
    blank: z.string().max(200).optional().describe("空白处显示"),
  })
  .describe("模板字段");

/** The template body an editor sends (type and version are set by the server). */
export const ZTemplateBody = z
  .object({
    title: z.string().max(100).describe("文书标题"),
    numbered: z.boolean().describe("是否编号"),
    typeShort: z.string().max(20).describe("文书种类简称"),
    basis: z.string().max(2000).describe("依据"),
    blocks: z.array(ZTemplateBlock).max(200).describe("模板段落"),
    fields: z.array(ZTemplateField).max(200).describe("模板字段"),
  })
  .describe("文书模板");

export const ZPreviewBody = z.object({
  type: ZDocumentType,
  caseId: z.uuid().optional().describe("案件"),
  organisationId: z.uuid().optional().describe("单位"),
  values: z.record(z.string(), z.string().max(4000)).optional().describe("文书内容"),
  template: ZTemplateBody.optional(),
  sample: z.boolean().optional().describe("使用示例数据"),
});
export const ZTemplatePreviewQuery = z.object({
  caseId: z.uuid().optional().describe("案件"),
  organisationId: z.uuid().optional().describe("单位"),
  sample: z.enum(["0", "1"]).optional(),
});
export const ZSaveTemplateBody = z.object({ organisationId: z.uuid().optional().describe("单位"), template: ZTemplateBody });
export const ZNumberPatternBody = z.object({
  organisationId: z.uuid().optional().describe("单位"),
  numberPattern: z.string().trim().min(1).max(64).describe("编号格式"),
  version: z.number().int().min(0).describe("版本号"),
});
export const ZIssuableCasesQuery = z.object({
  q: z.string().trim().max(100).optional().describe("关键词"),
  limit: z.coerce.number().int().min(1).max(100).optional().describe("条数"),
});
export const ZVerifyParams = z.object({ shortCode: z.string().trim().min(1).max(20).describe("核验码") });
export const ZCompareInput = z.object({ contentBase64: z.string().min(1).describe("文件内容") });

// ---------------------------------------------------------------------------------------------
// Responses

export const ZDocumentSummary = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  caseId: z.uuid().nullable(),
  caseNo: z.string().nullable(),
  partyName: z.string().nullable(),
  type: ZDocumentType,
  typeLabel: z.string(),
  number: z.string(),
  status: ZDocumentStatus,
  statusLabel: z.string(),
  templateVersion: z.number().int(),
  issuedOn: z.string(),
  issuedAt: z.string(),
  shortCode: z.string(),
  sha256: z.string(),
  supersedesId: z.uuid().nullable(),
  isDemo: z.boolean(),
  deliveredCount: z.number().int(),
  allowedActions: z.array(ZDocumentAction).describe("当前用户可执行的操作"),
});

export const ZDocumentList = z.object({ items: z.array(ZDocumentSummary), total: z.number().int(), allowedActions: pageActions });

export const ZDelivery = z.object({
  id: z.uuid(),
  method: ZDeliveryMethod,
  methodLabel: z.string(),
  deliverer: z.string(),
  recipient: z.string(),
  deliveredAt: z.string(),
  place: z.string().nullable(),
  refused: z.boolean(),
  witnesses: z.array(z.string()),
  consent: z.boolean().nullable(),
  consentRecord: z.string().nullable(),
  remarks: z.string().nullable(),
  signed: z.boolean(),
  hasSignedPdf: z.boolean(),
});

export const ZDocumentDetail = ZDocumentSummary.extend({
  values: z.record(z.string(), z.string()),
  verificationUrl: z.string(),
  sealed: z.boolean(),
  issuedByName: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  supersededBy: z.object({ id: z.uuid(), number: z.string() }).nullable(),
  deliveries: z.array(ZDelivery),
});

export const ZFormField = z.object({
  key: z.string(),
  label: z.string(),
  kind: z.enum(FIELD_KINDS as [FieldKind, ...FieldKind[]]),
  required: z.boolean(),
  source: z.enum(["case", "officer"]),
  caseValue: z.string(),
  editable: z.boolean(),
  notBeforeToday: z.boolean(),
});

export const ZPreviewResult = z.object({
  document: z.custom<FilledDocument>(),
  form: z.array(ZFormField),
  numberExample: z.string(),
  templateVersion: z.number().int(),
});

export const ZTemplateSummary = z.object({
  type: ZDocumentType,
  label: z.string(),
  source: z.enum(["own", "superior", "built_in"]),
  ownerName: z.string().nullable(),
  templateId: z.uuid().nullable(),
  version: z.number().int(),
  template: z.custom<DocumentTemplate>(),
  versions: z.array(z.object({ id: z.uuid(), version: z.number().int(), createdAt: z.string() })),
});
export const ZTemplateList = z.object({ items: z.array(ZTemplateSummary), allowedActions: pageActions });
export const ZSavedTemplate = z.object({ id: z.uuid(), version: z.number().int(), template: z.custom<DocumentTemplate>() });
export const ZTemplateVersion = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  version: z.number().int(),
  template: z.custom<DocumentTemplate>(),
  createdAt: z.string(),
});

export const ZNumberSettings = z.object({ numberPattern: z.string(), version: z.number().int(), isDefault: z.boolean() });
export const ZDocumentSettings = ZNumberSettings.extend({
  organisationId: z.uuid(),
  orgShort: z.string(),
  seal: z.object({ mime: z.string(), uploadedAt: z.string() }).nullable(),
  /** Whether KUANYAN_PUBLIC_URL is set; the QR code of a document issued now encodes verificationBase. */
  publicUrl: z.object({ configured: z.boolean(), verificationBase: z.string(), warning: z.string().nullable() }),
  allowedActions: pageActions,
});
export const ZSealUploaded = z.object({
  organisationId: z.uuid(),
  sha256: z.string(),
  mime: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  size: z.number().int(),
});

export const ZIssuableCase = z.object({
  id: z.uuid(),
  caseNo: z.string(),
  partyName: z.string(),
  matterName: z.string(),
  status: z.string(),
  organisationId: z.uuid(),
  correctionDue: z.string().nullable(),
});
export const ZIssuableCases = z.object({ items: z.array(ZIssuableCase) });

/** Public verification: never the party's personal data. */
export const ZVerification = z.object({
  shortCode: z.string(),
  type: z.string(),
  typeLabel: z.string(),
  number: z.string(),
  organisationName: z.string(),
  issuedOn: z.string(),
  sha256: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  /** The correcting document's number when this one was superseded. */
  supersededByNumber: z.string().nullable(),
  deliveredCount: z.number(),
});
export const ZCompareResult = z.object({
  unchanged: z.boolean(),
  /** "original" (the issued file) or "signed" (a signed delivery copy) when unchanged. */
  matched: z.enum(["original", "signed"]).nullable(),
  message: z.string(),
  presentedSha256: z.string(),
  verification: ZVerification,
});

// ---------------------------------------------------------------------------------------------
// Types (what the web uses)

export type DocumentSummary = z.infer<typeof ZDocumentSummary>;
export type DocumentDetail = z.infer<typeof ZDocumentDetail>;
export type Delivery = z.infer<typeof ZDelivery>;
export type DeliveryInput = z.input<typeof ZRecordDelivery>;
export type FormField = z.infer<typeof ZFormField>;
export type PreviewResult = z.infer<typeof ZPreviewResult>;
export type TemplateSummary = z.infer<typeof ZTemplateSummary>;
export type TemplateBody = z.infer<typeof ZTemplateBody>;
export type DocumentSettings = z.infer<typeof ZDocumentSettings>;
export type NumberSettings = z.infer<typeof ZNumberSettings>;
export type IssuableCase = z.infer<typeof ZIssuableCase>;
export type Verification = z.infer<typeof ZVerification>;
export type CompareResult = z.infer<typeof ZCompareResult>;
export type DocumentPageActionName = z.infer<typeof ZDocumentPageAction>;
