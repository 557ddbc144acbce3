/**
 * The contract of /api/v1/cases*: the zod schemas of every request and response. The server
 * validates requests and serialises responses with them (unknown keys are stripped); the web takes
 * the types with `import type` and `z.infer`. Values and labels come from @kuanyan/domain/cases.
 */
import { z } from "zod";
import {
  caseActions,
  caseRoutes,
  caseStatuses,
  caseTaskKinds,
  conductEvaluationKeys,
  escalationTargets,
  partyChoices,
  partyTypes,
  reviewResults,
  reviewStatuses,
  terminationGroundKeys,
  transferReasons,
} from "@kuanyan/domain/cases";
import { decisionDocumentTypes, outcomes, type Decision } from "@kuanyan/domain/decisions";
import { industryCategories } from "@kuanyan/domain/lists";
import { softMethods } from "@kuanyan/domain/measures";
import { ZDay, ZTimestamp } from "../common/index";
import { ZDecisionCircumstances, ZDecisionEmergency } from "../decisions/index";

// ---------------------------------------------------------------------------------------------
// Pieces

const isoDate = (label: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "应为日期（YYYY-MM-DD）")
    .describe(label);
const lockVersion = z.number().int().describe("版本号");

export const ZCaseStatus = z.enum(caseStatuses);
export const ZCaseRoute = z.enum(caseRoutes);
export const ZCaseAction = z.enum(caseActions);
export const ZOutcome = z.enum(outcomes);

/** A case named in the path. */
export const ZCaseIdParam = z.object({ id: z.uuid().describe("案件") });
/** An evidence file of a case named in the path. */
export const ZEvidenceParams = z.object({ id: z.uuid().describe("案件"), evidenceId: z.uuid().describe("证据") });

// ---------------------------------------------------------------------------------------------
// Requests

/** 登记: the party, the matter, the facts and the inspection by at least two officers. */
export const ZOpenCase = z.object({
  organisationId: z.uuid().optional().describe("执法主体"),
  party: z
    .object({
      type: z.enum(partyTypes).describe("当事人类型"),
      name: z.string().trim().min(1).max(100).describe("当事人名称"),
      creditCode: z.string().trim().optional().describe("统一社会信用代码"),
      idNumber: z.string().trim().optional().describe("身份证号码"),
      address: z.string().trim().min(1).max(200).describe("地址"),
      industryCategory: z.enum(industryCategories).describe("行业类别"),
      contact: z.string().trim().max(50).optional().describe("联系人"),
      phone: z.string().trim().max(20).optional().describe("联系电话"),
    })
    .describe("当事人"),
  matterCode: z.string().trim().min(1).describe("执法事项"),
  facts: z.string().trim().min(1, "请填写违法事实").max(5000).describe("违法事实"),
  actDate: isoDate("违法行为发生日期"),
  actEndDate: isoDate("行为终了日期").optional(),
  continuing: z.boolean().optional().describe("连续或者继续状态"),
  discoveredOn: isoDate("发现日期"),
  inspection: z
    .object({
      date: isoDate("检查日期"),
      place: z.string().trim().min(1).max(200).describe("检查地点"),
      officerIds: z.array(z.uuid()).describe("执法人员"),
    })
    .describe("现场检查"),
});

/**
 * 研判. `circumstances` and `emergency` are the decision input's (the decisions contract); the
 * server narrows them with its decision-input schema until @kuanyan/contract/decisions exists.
 */
export const ZEvaluateCase = z.object({
  lockVersion,
  kind: z.enum(["penalty", "compulsion"]).optional().describe("决策类型"),
  circumstances: ZDecisionCircumstances,
  emergency: ZDecisionEmergency.optional(),
  mentalCapacity: z.enum(["full", "unable", "partial", "intermittent_lucid"]).optional().describe("精神状况"),
  lifeHealthOrFinancialSafety: z.boolean().optional().describe("涉及生命健康安全、金融安全"),
});

/** 处理决定: take the engine's proposal, or depart with the outcome and a written reason. */
export const ZDecideCase = z.object({
  lockVersion,
  confirm: z.boolean().describe("是否采纳研判建议"),
  outcome: ZOutcome.optional().describe("处理结果"),
  departureReason: z.string().trim().max(2000).optional().describe("偏离理由"),
  fineYuan: z.number().min(0).max(100_000_000).optional().describe("罚款金额"),
  /** 警告 as the penalty (simple procedure without a fine). */
  warningOnly: z.boolean().optional().describe("警告"),
});

/** 当事人的选择. */
export const ZPartyChoice = z.object({
  lockVersion,
  choice: z.enum(partyChoices).describe("当事人的选择"),
  /** What the party said, in its words. */
  statement: z.string().trim().max(2000).optional().describe("当事人陈述"),
});

/** 终止柔性执法. */
export const ZTerminate = z.object({
  lockVersion,
  ground: z.enum(terminationGroundKeys).describe("终止情形"),
  reason: z.string().trim().min(5, "请说明终止的具体理由（不少于5个字）").max(2000).describe("终止理由"),
});

/** 办理程序. */
export const ZSetRoute = z.object({
  lockVersion,
  route: ZCaseRoute.describe("办理程序"),
  transfer: z
    .object({
      reason: z.enum(transferReasons).describe("移送原因"),
      receivingBody: z.string().trim().min(2).max(100).describe("接收单位"),
      note: z.string().trim().max(2000).optional().describe("移送说明"),
    })
    .optional()
    .describe("案件移送"),
  escalation: z
    .object({
      to: z.enum(escalationTargets).describe("请示对象"),
      question: z.string().trim().min(5, "请写明疑难问题（不少于5个字）").max(2000).describe("疑难问题"),
    })
    .optional()
    .describe("疑难问题"),
});

/** 法制审核. */
export const ZReviewCase = z.object({
  lockVersion,
  result: z.enum(reviewResults).describe("审核结果"),
  opinion: z.string().trim().min(2, "请填写审核意见").max(5000).describe("审核意见"),
  collectiveDiscussion: z.boolean().optional().describe("经集体讨论"),
});

/** 柔性执法措施 with its written record. */
export const ZRecordMeasure = z.object({
  lockVersion,
  method: z.enum(softMethods).describe("柔性执法方式"),
  carriedOutOn: isoDate("实施日期"),
  persons: z.number().int().min(1).max(10000).optional().describe("人次"),
  writtenRecord: z.string().trim().max(5000).optional().describe("书面记录"),
  documentId: z.uuid().optional().describe("文书"),
});

/** 撤销误录的措施. */
export const ZCancelMeasure = z.object({
  lockVersion,
  measureId: z.uuid().describe("措施"),
  reason: z.string().trim().min(5, "请说明撤销理由（不少于5个字）").max(2000).describe("撤销理由"),
});

/** 责令限期改正. */
export const ZOrderCorrection = z.object({
  lockVersion,
  dueDate: isoDate("改正期限"),
  requirements: z.string().trim().min(2, "请写明改正要求").max(2000).describe("改正要求"),
});

/** 复查. */
export const ZReinspection = z.object({
  lockVersion,
  inspectedOn: isoDate("复查日期"),
  corrected: z.boolean().describe("是否已改正"),
  correctedOn: isoDate("改正日期").optional(),
  notes: z.string().trim().min(2, "请记录复查情况").max(5000).describe("复查情况"),
});

/** 安排回访. */
export const ZScheduleFollowUp = z.object({ lockVersion, dueOn: isoDate("回访日期") });

/** 回访 with the fields of the 行政执法案件回访登记表. */
export const ZRecordFollowUp = z.object({
  lockVersion,
  taskId: z.uuid().optional().describe("回访任务"),
  visitedOn: isoDate("回访日期"),
  responsiblePerson: z.string().trim().min(1).max(50).describe("负责人姓名"),
  visitor: z.string().trim().min(1).max(100).describe("回访人"),
  execution: z.string().trim().min(2, "请填写决定执行和整改情况").max(5000).describe("执行和整改情况"),
  remedialMeasures: z.string().trim().max(5000).optional().describe("整改措施"),
  conductEvaluation: z.enum(conductEvaluationKeys).describe("对办案人员的评价"),
  conductComment: z.string().trim().max(2000).optional().describe("评价说明"),
  suggestions: z.string().trim().max(5000).optional().describe("建议及需要帮助解决的问题"),
  signedBy: z.string().trim().min(1, "请回访对象签名").max(50).describe("回访对象签名"),
  phone: z.string().trim().max(20).optional().describe("联系电话"),
});

/** 办结归档. */
export const ZCloseCase = z.object({ lockVersion });

/** 重新打开. */
export const ZReopenCase = z.object({
  lockVersion,
  reason: z.string().trim().min(5, "请说明重新打开的理由（不少于5个字）").max(2000).describe("重新打开理由"),
});

/** 撤销立案. */
export const ZCancelCase = z.object({
  lockVersion,
  reason: z.string().trim().min(10, "请说明撤销理由（不少于10个字）").max(2000).describe("撤销理由"),
});

/** 证据: the file's bytes in base64. */
export const ZUploadEvidence = z.object({
  fileName: z.string().trim().min(1).max(200).describe("文件名"),
  description: z.string().trim().max(500).optional().describe("证据说明"),
  contentBase64: z.string().min(1).describe("文件内容"),
  lockVersion,
});

/** The filters of the case list (query string of GET, body of POST /search). */
export const ZCaseListQuery = z.object({
  status: ZCaseStatus.optional().describe("状态"),
  outcome: ZOutcome.optional().describe("处理结果"),
  overdue: z.enum(["true", "false"]).optional().describe("逾期"),
  officerId: z.uuid().optional().describe("执法人员"),
  q: z.string().trim().max(100).optional().describe("关键词"),
  organisationId: z.uuid().optional().describe("执法主体"),
  limit: z.coerce.number().int().min(1).max(500).optional().describe("条数"),
  /** Where the page starts: the previous page's `nextCursor` (opaque; newest first, then by id). */
  cursor: z.string().max(200).optional().describe("翻页位置"),
});

// ---------------------------------------------------------------------------------------------
// Responses

/** An officer of the inspection, as recorded at 登记. */
export const ZInspectionOfficer = z.object({ id: z.string().nullable(), name: z.string(), licenceNo: z.string().nullable() });

/** The inspection record (other tools may have added fields: kept). */
export const ZInspection = z.looseObject({
  date: z.string().optional(),
  place: z.string().optional(),
  officerIds: z.array(z.string()).optional(),
  officers: z.array(ZInspectionOfficer).optional(),
});

/** What 研判 stored: the officer's answers and the decision input's extra facts. */
export const ZStoredCircumstances = z.looseObject({
  continuing: z.boolean().optional(),
  kind: z.enum(["penalty", "compulsion"]).optional(),
  emergency: z.record(z.string(), z.unknown()).optional(),
  mentalCapacity: z.string().optional(),
  lifeHealthOrFinancialSafety: z.boolean().optional(),
  answers: z.record(z.string(), z.unknown()).optional(),
});

/** The details of the route: a transfer, an escalation, the party's request, a termination. */
export const ZRouteDetail = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("transfer"), reason: z.enum(transferReasons), receivingBody: z.string(), note: z.string().optional() }),
  z.object({ kind: z.literal("escalation"), to: z.enum(escalationTargets), question: z.string(), askedOn: z.string() }),
  z.object({ kind: z.literal("party_chose_ordinary"), statement: z.string() }),
  z.object({ kind: z.literal("terminated"), ground: z.enum(terminationGroundKeys), reason: z.string() }),
]);

/** The 法制审核's record. */
export const ZReview = z.object({
  reviewerId: z.string(),
  reviewerName: z.string(),
  on: z.string(),
  result: z.enum(reviewResults),
  opinion: z.string(),
  collectiveDiscussion: z.boolean(),
});

/**
 * The engine's decision (docs/decision-output.schema.json), passed through as stored. Its zod
 * schema belongs to the decisions contract; until it exists the type is the domain's.
 */
export const ZDecision = z.custom<Decision>((v) => typeof v === "object" && v !== null, "研判结果格式不正确").describe("研判结果");

/** A case as the API shows it: no ciphertext, no blind index; the phone masked in lists. */
export const ZCase = z.object({
  id: z.string(),
  regionCode: z.string(),
  organisationId: z.string(),
  organisationName: z.string().optional(),
  caseNo: z.string(),
  status: ZCaseStatus,
  route: ZCaseRoute.nullable(),
  routeDetail: ZRouteDetail.nullable(),
  reviewStatus: z.enum(reviewStatuses).nullable(),
  review: ZReview.nullable(),
  partyType: z.enum(partyTypes),
  partyName: z.string(),
  partyCreditCode: z.string().nullable(),
  partyIdNumberMasked: z.string().nullable(),
  partyAddress: z.string().nullable(),
  partyContact: z.string().nullable(),
  partyPhone: z.string().nullable(),
  industryCategory: z.string().nullable(),
  matterCode: z.string(),
  matterName: z.string(),
  facts: z.string(),
  actDate: ZDay,
  actEndDate: ZDay.nullable(),
  discoveredOn: ZDay,
  circumstances: ZStoredCircumstances,
  inspection: ZInspection,
  decision: ZDecision.nullable(),
  proposedOutcome: ZOutcome.nullable(),
  decidedOutcome: ZOutcome.nullable(),
  departureReason: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedOn: ZDay.nullable(),
  listVersionId: z.string().nullable(),
  listItemSeq: z.number().int().nullable(),
  fineYuan: z.number().nullable(),
  benchmarkFineYuan: z.number().nullable(),
  partyChoice: z.enum(partyChoices).nullable(),
  terminationReason: z.string().nullable(),
  correctionDue: ZDay.nullable(),
  correctedOn: ZDay.nullable(),
  closedAt: ZTimestamp.nullable(),
  reopenCount: z.number().int(),
  isDemo: z.boolean(),
  createdBy: z.string().nullable(),
  lockVersion: z.number().int(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  /** The actions the requesting user may take on the case now (the lifecycle table). */
  allowedActions: z.array(ZCaseAction),
});

/**
 * A case in the list: the columns a list shows (no JSON: no decision, circumstances, inspection, review),
 * the facts cut to 200 characters, the phone masked, whether overdue.
 */
export const ZCaseListItem = ZCase.pick({
  id: true,
  regionCode: true,
  organisationId: true,
  organisationName: true,
  caseNo: true,
  status: true,
  route: true,
  reviewStatus: true,
  partyType: true,
  partyName: true,
  partyCreditCode: true,
  partyIdNumberMasked: true,
  partyPhone: true,
  matterCode: true,
  matterName: true,
  facts: true,
  actDate: true,
  discoveredOn: true,
  proposedOutcome: true,
  decidedOutcome: true,
  decidedOn: true,
  fineYuan: true,
  partyChoice: true,
  correctionDue: true,
  correctedOn: true,
  closedAt: true,
  reopenCount: true,
  isDemo: true,
  createdBy: true,
  lockVersion: true,
  createdAt: true,
  updatedAt: true,
  allowedActions: true,
}).extend({ overdue: z.boolean() });
/** A case in the 法制审核 queue. */
export const ZReviewQueueItem = ZCase.omit({ decision: true });

/**
 * One page of the case list, newest first. `nextCursor` fetches the next page (null on the last);
 * `total` counts every case matching the filters, exactly up to 10,000 and estimated above
 * (`totalIsEstimate`: shown as “约 N 条”).
 */
export const ZCaseList = z.object({
  items: z.array(ZCaseListItem),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
  totalIsEstimate: z.boolean(),
});
export const ZReviewQueue = z.object({ items: z.array(ZReviewQueueItem) });

export const ZEvidence = z.object({
  id: z.string(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  description: z.string().nullable(),
  uploadedBy: z.string().nullable(),
  createdAt: ZTimestamp,
});

export const ZMeasure = z.object({
  id: z.string(),
  regionCode: z.string(),
  organisationId: z.string(),
  caseId: z.string().nullable(),
  method: z.enum(softMethods),
  carriedOutOn: ZDay,
  persons: z.number().int(),
  writtenRecord: z.string().nullable(),
  documentId: z.string().nullable(),
  cancelled: z.boolean(),
  isDemo: z.boolean(),
  createdBy: z.string().nullable(),
  createdAt: ZTimestamp,
});

export const ZCaseTask = z.object({
  id: z.string(),
  regionCode: z.string(),
  organisationId: z.string(),
  caseId: z.string(),
  kind: z.enum(caseTaskKinds),
  dueOn: ZDay,
  doneOn: ZDay.nullable(),
  result: z.record(z.string(), z.unknown()).nullable(),
  doneBy: z.string().nullable(),
  createdAt: ZTimestamp,
  overdue: z.boolean(),
});

export const ZCaseDocument = z.object({
  id: z.string(),
  type: z.string(),
  number: z.string(),
  status: z.string(),
  issuedOn: ZDay,
  sha256: z.string(),
});

export const ZTimelineEvent = z.object({
  id: z.number().int(),
  at: ZTimestamp,
  actorName: z.string().nullable(),
  action: z.string(),
  after: z.record(z.string(), z.unknown()).nullable(),
});

/** The case with its 案卷: the answer of GET /cases/:id, of POST /cases and of every case action. */
export const ZCaseFile = z.object({
  case: ZCase,
  evidence: z.array(ZEvidence),
  measures: z.array(ZMeasure),
  tasks: z.array(ZCaseTask),
  documents: z.array(ZCaseDocument),
  requiredDocuments: z.array(z.enum(decisionDocumentTypes)),
  documentsChecked: z.boolean(),
  closeProblems: z.array(z.string()),
  timeline: z.array(ZTimelineEvent),
  /** 检查对象档案: the pool unit with the party's 统一社会信用代码 that the user may read (the case's own organisation's first). */
  poolUnit: z.object({ id: z.uuid(), name: z.string() }).nullable().describe("当事人在检查对象名录库中的单位"),
});

export const ZOverdueItem = z.object({
  kind: z.enum(["reinspection", "follow_up", "correction_not_corrected"]),
  taskId: z.string().nullable(),
  dueOn: ZDay,
  daysLate: z.number().int(),
  caseId: z.string(),
  caseNo: z.string(),
  partyName: z.string(),
  matterName: z.string(),
  organisationName: z.string(),
  officers: z.array(z.string()),
});
export const ZOverdueBoard = z.object({ today: ZDay, items: z.array(ZOverdueItem) });

export const ZMatterOption = z.object({
  code: z.string(),
  name: z.string(),
  keywords: z.array(z.string()),
  fineRange: z.object({ minYuan: z.number(), maxYuan: z.number() }).nullable(),
});
export const ZMatterOptions = z.object({ items: z.array(ZMatterOption) });

// Types (the web takes them with `import type`).
export type OpenCaseInput = z.infer<typeof ZOpenCase>;
export type EvaluateCaseInput = z.infer<typeof ZEvaluateCase>;
export type DecideCaseInput = z.infer<typeof ZDecideCase>;
export type PartyChoiceInput = z.infer<typeof ZPartyChoice>;
export type SetRouteInput = z.infer<typeof ZSetRoute>;
export type RecordMeasureInput = z.infer<typeof ZRecordMeasure>;
export type RecordFollowUpInput = z.infer<typeof ZRecordFollowUp>;
export type UploadEvidenceInput = z.infer<typeof ZUploadEvidence>;
export type CaseListQuery = z.infer<typeof ZCaseListQuery>;
export type InspectionOfficer = z.infer<typeof ZInspectionOfficer>;
export type CaseRecord = z.infer<typeof ZCase>;
export type CaseListItem = z.infer<typeof ZCaseListItem>;
export type CaseListPage = z.infer<typeof ZCaseList>;
export type ReviewQueueItem = z.infer<typeof ZReviewQueueItem>;
export type CaseTask = z.infer<typeof ZCaseTask>;
export type CaseFile = z.infer<typeof ZCaseFile>;
export type OverdueItem = z.infer<typeof ZOverdueItem>;
