import type { TemplateField } from "./types";

type FieldDef = Omit<TemplateField, "required">;

/**
 * The catalogue of fields the built-in templates use. Fields with source case, system or delivery
 * must come from this catalogue (the case record cannot fill anything else); an organisation's own
 * template may add `officer` fields of its own.
 */
export const FIELD_CATALOGUE = {
  // system — set when the document is issued
  organisationName: { key: "organisationName", label: "行政执法机关名称", source: "system", kind: "text" },
  documentNumber: { key: "documentNumber", label: "文书编号", source: "system", kind: "text" },
  issueDate: { key: "issueDate", label: "文书日期", source: "system", kind: "date" },

  // case — from the case record
  partyName: { key: "partyName", label: "当事人名称（姓名）", source: "case", kind: "text" },
  partyIdNumber: { key: "partyIdNumber", label: "统一社会信用代码（公民身份号码）", source: "case", kind: "text" },
  partyAddress: { key: "partyAddress", label: "住所（住址）", source: "case", kind: "text" },
  partyRepresentative: { key: "partyRepresentative", label: "法定代表人（负责人）", source: "case", kind: "text" },
  partyPhone: { key: "partyPhone", label: "当事人联系电话", source: "case", kind: "text" },
  caseNumber: { key: "caseNumber", label: "行政执法案件编号", source: "case", kind: "text" },
  handlingUnit: { key: "handlingUnit", label: "承办机构", source: "case", kind: "text" },
  handlingOfficer: { key: "handlingOfficer", label: "承办人", source: "case", kind: "text" },
  facts: { key: "facts", label: "违法事实", source: "case", kind: "multiline" },
  evidence: { key: "evidence", label: "证据", source: "case", kind: "text" },
  provisionCitations: {
    key: "provisionCitations",
    label: "法律法规名称、条款",
    source: "case",
    kind: "text",
    blank: "____（法律法规名称、条款）",
  },
  provisionText: { key: "provisionText", label: "条款内容", source: "case", kind: "multiline" },
  violatedProvisions: { key: "violatedProvisions", label: "违反的法律法规条款", source: "case", kind: "text" },
  noPenaltyBasis: { key: "noPenaltyBasis", label: "不予行政处罚的依据", source: "case", kind: "text" },
  listName: { key: "listName", label: "所依据的清单事项", source: "case", kind: "text" },
  dueDate: { key: "dueDate", label: "改正期限", source: "case", kind: "date", notBeforeToday: true },
  appointmentTime: {
    key: "appointmentTime",
    label: "约谈时间",
    source: "case",
    kind: "datetime",
    precision: "minute",
    notBeforeToday: true,
    blank: "____年__月__日__时__分",
  },
  appointmentPlace: { key: "appointmentPlace", label: "约谈地点", source: "case", kind: "text" },
  contactPerson: { key: "contactPerson", label: "联系人", source: "case", kind: "text" },
  contactPhone: { key: "contactPhone", label: "联系电话", source: "case", kind: "text" },

  // officer — what the case cannot know
  guidance: { key: "guidance", label: "指导建议（主意、办法）", source: "officer", kind: "multiline" },
  advice: { key: "advice", label: "建议内容", source: "officer", kind: "multiline" },
  additionalAdvice: { key: "additionalAdvice", label: "其他建议", source: "officer", kind: "multiline" },
  riskBehaviour: { key: "riskBehaviour", label: "易发违法违规行为", source: "officer", kind: "text" },
  rescheduleDeadline: {
    key: "rescheduleDeadline",
    label: "不便时联系截止时间",
    source: "officer",
    kind: "datetime",
    precision: "hour",
    notBeforeToday: true,
    blank: "____年__月__日__时",
  },
  mitigatingCircumstances: { key: "mitigatingCircumstances", label: "不予处罚的情节", source: "officer", kind: "text" },
  educationRequirements: { key: "educationRequirements", label: "教育及守法要求", source: "officer", kind: "multiline" },
  correctionMeasures: { key: "correctionMeasures", label: "改正措施", source: "officer", kind: "multiline" },
  correctionRequirements: { key: "correctionRequirements", label: "改正要求", source: "officer", kind: "multiline" },
  orderBasis: { key: "orderBasis", label: "责令改正的依据", source: "officer", kind: "text" },
  reconsiderationBody: { key: "reconsiderationBody", label: "行政复议机关", source: "officer", kind: "text" },
  court: { key: "court", label: "人民法院", source: "officer", kind: "text" },
  visitor: { key: "visitor", label: "回访人", source: "officer", kind: "text" },
  executionStatus: {
    key: "executionStatus",
    label: "行政执法决定执行情况，违法行为整改情况",
    source: "officer",
    kind: "multiline",
  },
  followUpMeasures: { key: "followUpMeasures", label: "整改措施", source: "officer", kind: "multiline" },
  procedureOpinion: {
    key: "procedureOpinion",
    label: "案件承办人在办案过程中依照法定程序办案、廉洁执法情况",
    source: "officer",
    kind: "multiline",
  },
  partySuggestions: {
    key: "partySuggestions",
    label: "对执法机关的建议及需要帮助解决的问题",
    source: "officer",
    kind: "multiline",
  },
  deliveredDocument: { key: "deliveredDocument", label: "送达文书名称及文号", source: "officer", kind: "text" },

  // delivery — the delivery record
  delivererName: { key: "delivererName", label: "送达人", source: "delivery", kind: "text" },
  recipientName: { key: "recipientName", label: "被送达人签名", source: "delivery", kind: "text" },
  deliveredAt: { key: "deliveredAt", label: "送达时间", source: "delivery", kind: "datetime", precision: "minute" },
  deliveryPlace: { key: "deliveryPlace", label: "送达地点", source: "delivery", kind: "text" },
  deliveryMethod: { key: "deliveryMethod", label: "送达方式", source: "delivery", kind: "text" },
  witnesses: { key: "witnesses", label: "见证人", source: "delivery", kind: "text" },
  remarks: { key: "remarks", label: "备注", source: "delivery", kind: "text" },
} as const satisfies Record<string, FieldDef>;

export type CatalogueFieldKey = keyof typeof FIELD_CATALOGUE;

/** A catalogue field as a template field. */
export function field(key: CatalogueFieldKey, required: boolean, overrides: Partial<FieldDef> = {}): TemplateField {
  const def: FieldDef = FIELD_CATALOGUE[key];
  return { ...def, ...overrides, required };
}
