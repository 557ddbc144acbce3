import { field } from "./fields";
import type { DocumentTemplate, DocumentType, TemplateBlock, TemplateTableRow } from "./types";

/**
 * The built-in templates (version 1). The wording of the seed templates is kept word for word:
 * 三明市应急管理局《三明市安全生产领域柔性执法工作方案》附件5–7 and 明溪县《全面推行柔性执法工作
 * 实施方案》附件7 (部分配套文书参考范本). The organisation's name is the field {{organisationName}}
 * where the seed prints 三明市应急管理局 or (行政机关名称). Blanks of the seed are fields.
 * Full-width punctuation is used throughout (the seed PDFs mix in a few ASCII parentheses).
 */

const SEED_SANMING = "三明市应急管理局《三明市安全生产领域柔性执法工作方案》附件";
const SEED_MINGXI = "明溪县《全面推行柔性执法工作实施方案》附件7 部分配套文书参考范本";

function head(title: string, numbered = true): TemplateBlock[] {
  const blocks: TemplateBlock[] = [
    { kind: "organisationHeading", text: "{{organisationName}}" },
    { kind: "title", text: title },
  ];
  if (numbered) blocks.push({ kind: "number", text: "编号：{{documentNumber}}" });
  return blocks;
}

const salutation: TemplateBlock = { kind: "paragraph", text: "{{partyName}}：", indent: false };

const signature: TemplateBlock = {
  kind: "signature",
  organisation: "{{organisationName}}",
  sealNote: "（印章）",
  dateField: "issueDate",
};

const footer: TemplateBlock = {
  kind: "footer",
  delivererField: "delivererName",
  recipientField: "recipientName",
  deliveredAtField: "deliveredAt",
};

const systemFields = [field("organisationName", true), field("documentNumber", true), field("issueDate", true)];
const unnumberedSystemFields = [field("organisationName", true), field("issueDate", true)];
const footerFields = [field("delivererName", false), field("recipientName", false), field("deliveredAt", false)];

/** 行政指导意见书 — 明溪 附件7 一. */
const guidance: DocumentTemplate = {
  type: "guidance",
  version: 1,
  title: "行政指导意见书",
  numbered: true,
  typeShort: "指",
  basis: `${SEED_MINGXI} 一、行政指导意见书参考范本`,
  blocks: [
    ...head("行政指导意见书"),
    salutation,
    { kind: "paragraph", text: "根据你（单位）所反映的情况，经研究，提出以下指导建议（主意、办法）：{{guidance}}。" },
    {
      kind: "paragraph",
      text:
        "上述意见，供你（单位）参考。敬请关注相关法律、法规和政策的变动，欢迎进一步向我们咨询。" +
        "本部门联系人及电话：{{contactPerson}} {{contactPhone}}。",
    },
    signature,
    footer,
  ],
  fields: [
    ...systemFields,
    field("partyName", true),
    field("guidance", true),
    field("contactPerson", true),
    field("contactPhone", true),
    ...footerFields,
  ],
};

/** 行政执法建议书 — 三明 附件5, 明溪 附件7 二. */
const advice: DocumentTemplate = {
  type: "advice",
  version: 1,
  title: "行政执法建议书",
  numbered: true,
  typeShort: "建",
  basis: `${SEED_SANMING}5；${SEED_MINGXI} 二、行政执法建议书参考范本`,
  blocks: [
    ...head("行政执法建议书"),
    salutation,
    { kind: "paragraph", text: "我们在监督检查中发现，你（单位）{{facts}}。" },
    { kind: "paragraph", text: "鉴于上述事实，建议你（单位）{{advice}}。" },
    { kind: "paragraph", text: "{{additionalAdvice}}。", omitIfEmpty: "additionalAdvice" },
    signature,
    footer,
  ],
  fields: [...systemFields, field("partyName", true), field("facts", true), field("advice", true), field("additionalAdvice", false), ...footerFields],
};

/** 行政(执法)提示书 — 明溪 附件7 三. */
const reminder: DocumentTemplate = {
  type: "reminder",
  version: 1,
  title: "行政执法提示书",
  numbered: true,
  typeShort: "示",
  basis: `${SEED_MINGXI} 三、行政提示书参考范本`,
  blocks: [
    ...head("行政执法提示书"),
    salutation,
    {
      kind: "paragraph",
      text:
        "根据群众投诉举报和日常监管信息数据分析，本机关发现你（单位）{{riskBehaviour}}这类违法违规行为容易发生。" +
        "此类违法违规行为违反了{{provisionCitations}}，{{provisionText}}的规定。" +
        "为避免发生同类违法违规现象而受到行政处罚，现提示你（单位）。",
    },
    signature,
    footer,
  ],
  fields: [
    ...systemFields,
    field("partyName", true),
    field("riskBehaviour", true),
    field("provisionCitations", true),
    field("provisionText", true),
    ...footerFields,
  ],
};

/** 行政告诫书 — 三明 附件6, 明溪 附件7 四. */
const warning: DocumentTemplate = {
  type: "warning",
  version: 1,
  title: "行政告诫书",
  numbered: true,
  typeShort: "告",
  basis: `${SEED_SANMING}6；${SEED_MINGXI} 四、行政告诫书参考范本`,
  blocks: [
    ...head("行政告诫书"),
    salutation,
    { kind: "paragraph", text: "本机关在日常监管和行政执法过程中发现，你（单位）{{facts}}，系轻微违法行为。" },
    {
      kind: "paragraph",
      text: "根据{{provisionCitations}}规定，现要求你（单位）在{{dueDate}}前，主动纠正违法违规行为。",
    },
    { kind: "paragraph", text: "逾期不予纠正和整改，本机关将依法进行查处。" },
    signature,
    footer,
  ],
  fields: [
    ...systemFields,
    field("partyName", true),
    field("facts", true),
    field("provisionCitations", true),
    field("dueDate", true),
    ...footerFields,
  ],
};

/** 行政约谈通知书 — 三明 附件7, 明溪 附件7 五. */
const interviewNotice: DocumentTemplate = {
  type: "interview_notice",
  version: 1,
  title: "行政约谈通知书",
  numbered: true,
  typeShort: "约",
  basis: `${SEED_SANMING}7；${SEED_MINGXI} 五、行政约谈通知书参考范本`,
  blocks: [
    ...head("行政约谈通知书"),
    salutation,
    { kind: "paragraph", text: "本机关在日常监督管理中，发现你（单位）有下列行为：{{facts}}。" },
    {
      kind: "paragraph",
      text: "为避免信息误差，防止可能存在的违法违规行为进一步扩大，本机关认为有必要约请你（单位）进行交流沟通，" + "调查了解相关情况。",
    },
    {
      kind: "paragraph",
      text:
        "请你（单位）法定代表人或相关负责人接本通知后，于{{appointmentTime}}，至{{appointmentPlace}}当面交流沟通有关情况。" +
        "如有不便，请于{{rescheduleDeadline}}前与本机关联系。",
    },
    { kind: "paragraph", text: "请前往会谈人员携带证明本人身份的有效证件。" },
    { kind: "paragraph", text: "联系人：{{contactPerson}}　联系电话：{{contactPhone}}" },
    signature,
    footer,
  ],
  fields: [
    ...systemFields,
    field("partyName", true),
    field("facts", true),
    field("appointmentTime", true),
    field("appointmentPlace", true),
    field("rescheduleDeadline", true),
    field("contactPerson", true),
    field("contactPhone", true),
    ...footerFields,
  ],
};

function labelValue(label: string, value: string, minLines = 1): TemplateTableRow {
  return {
    cells: [
      { text: label, role: "label" },
      { text: value, role: "value", colSpan: 3, minLines },
    ],
  };
}

/** 行政执法案件回访登记表 — 明溪 附件7 六. */
const followUpForm: DocumentTemplate = {
  type: "follow_up_form",
  version: 1,
  title: "行政执法案件回访登记表",
  numbered: true,
  typeShort: "访",
  basis: `${SEED_MINGXI} 六、行政执法案件回访登记表`,
  blocks: [
    ...head("行政执法案件回访登记表"),
    {
      kind: "table",
      columns: 4,
      widths: [26, 27, 19, 28],
      rows: [
        {
          cells: [
            { text: "企业名称（或自然人姓名）", role: "label" },
            { text: "{{partyName}}", role: "value" },
            { text: "负责人姓名", role: "label" },
            { text: "{{partyRepresentative}}", role: "value" },
          ],
        },
        {
          cells: [
            { text: "行政执法案件编号", role: "label" },
            { text: "{{caseNumber}}", role: "value" },
            { text: "承办机构", role: "label" },
            { text: "{{handlingUnit}}", role: "value" },
          ],
        },
        {
          cells: [
            { text: "承办人", role: "label" },
            { text: "{{handlingOfficer}}", role: "value" },
            { text: "回访人", role: "label" },
            { text: "{{visitor}}", role: "value" },
          ],
        },
        { cells: [{ text: "回访内容（回访人填写）", role: "label", colSpan: 4 }] },
        labelValue("行政执法决定执行情况，违法行为整改情况", "{{executionStatus}}", 3),
        labelValue("整改措施（如未改正违法行为，应采取如下措施改正）", "{{followUpMeasures}}", 3),
        { cells: [{ text: "征求意见内容（行政相对人填写）", role: "label", colSpan: 4 }] },
        labelValue("案件承办人在办案过程中依照法定程序办案、廉洁执法情况", "{{procedureOpinion}}", 3),
        labelValue("对执法机关的建议及需要帮助解决的问题", "{{partySuggestions}}", 3),
        {
          cells: [
            { text: "回访对象签名（盖章）", role: "label" },
            { text: "{{recipientName}}", role: "value", minLines: 2 },
            { text: "联系电话", role: "label" },
            { text: "{{partyPhone}}", role: "value" },
          ],
        },
      ],
    },
  ],
  fields: [
    field("organisationName", true),
    field("documentNumber", true),
    field("partyName", true),
    field("partyRepresentative", true),
    field("caseNumber", true),
    field("handlingUnit", true),
    field("handlingOfficer", true),
    field("visitor", true),
    field("executionStatus", false),
    field("followUpMeasures", false),
    // Filled by the party (行政相对人填写): blank on the printed form unless typed in.
    field("procedureOpinion", false),
    field("partySuggestions", false),
    field("recipientName", false, { label: "回访对象签名（盖章）" }),
    field("partyPhone", false),
  ],
};

/** 不予行政处罚决定书 — 《中华人民共和国行政处罚法》第三十三条、第五十七条第一款第（二）项. */
const noPenaltyDecision: DocumentTemplate = {
  type: "no_penalty_decision",
  version: 1,
  title: "不予行政处罚决定书",
  numbered: true,
  typeShort: "不罚",
  basis: "《中华人民共和国行政处罚法》第三十三条、第五十七条第一款第（二）项",
  blocks: [
    ...head("不予行政处罚决定书"),
    { kind: "paragraph", text: "当事人：{{partyName}}", indent: false },
    { kind: "paragraph", text: "统一社会信用代码（公民身份号码）：{{partyIdNumber}}", indent: false },
    { kind: "paragraph", text: "住所（住址）：{{partyAddress}}", indent: false },
    {
      kind: "paragraph",
      text: "法定代表人（负责人）：{{partyRepresentative}}",
      indent: false,
      omitIfEmpty: "partyRepresentative",
    },
    { kind: "paragraph", text: "经查，你（单位）{{facts}}。上述事实有{{evidence}}等证据证实。" },
    {
      kind: "paragraph",
      text:
        "你（单位）的上述行为违反了{{violatedProvisions}}的规定。鉴于{{mitigatingCircumstances}}，" +
        "根据{{noPenaltyBasis}}的规定，本机关决定对你（单位）不予行政处罚。",
    },
    {
      kind: "paragraph",
      text: "根据《中华人民共和国行政处罚法》第三十三条第三款的规定，本机关对你（单位）进行教育，" + "你（单位）应当{{educationRequirements}}。",
    },
    {
      kind: "paragraph",
      text: "如不服本决定，可以在收到本决定书之日起六十日内向{{reconsiderationBody}}申请行政复议，" + "或者在六个月内依法向{{court}}提起行政诉讼。",
    },
    signature,
    footer,
  ],
  fields: [
    ...systemFields,
    field("partyName", true),
    field("partyIdNumber", true),
    field("partyAddress", true),
    field("partyRepresentative", false),
    field("facts", true),
    field("evidence", true),
    field("violatedProvisions", true),
    field("mitigatingCircumstances", true),
    field("noPenaltyBasis", true),
    field("educationRequirements", true),
    field("reconsiderationBody", true),
    field("court", true),
    ...footerFields,
  ],
};

/** 轻微违法行为告知承诺书 — 舟山 舟政办发〔2023〕47号 轻微违法行为告知承诺制. */
const commitment: DocumentTemplate = {
  type: "commitment",
  version: 1,
  title: "轻微违法行为告知承诺书",
  numbered: true,
  typeShort: "诺",
  basis: "舟山市人民政府办公室《关于全面推行柔性执法工作的指导意见》（舟政办发〔2023〕47号）轻微违法行为告知承诺制",
  blocks: [
    ...head("轻微违法行为告知承诺书"),
    salutation,
    {
      kind: "paragraph",
      text: "经查，你（单位）{{facts}}，违反了{{violatedProvisions}}的规定。该行为属于{{listName}}所列轻微违法行为。",
    },
    {
      kind: "paragraph",
      text:
        "根据轻微违法行为告知承诺制的规定，现告知如下：你（单位）书面承诺在{{dueDate}}前改正上述违法行为，" +
        "并按期改正、不再发生同类违法行为的，本机关依法不予行政处罚；未在承诺期限内改正或者违反承诺的，" +
        "本机关将依法予以查处。",
    },
    {
      kind: "paragraph",
      text:
        "承诺人承诺：本人（单位）已知晓上述告知内容，承诺在{{dueDate}}前完成以下改正措施：{{correctionMeasures}}，" +
        "并自觉遵守相关法律、法规、规章的规定，不再发生同类违法行为。如违反承诺，愿意承担相应的法律责任。",
    },
    { kind: "paragraph", text: "承诺人（签名或盖章）：" },
    { kind: "paragraph", text: "承诺日期：　　　　年　　月　　日" },
    signature,
    footer,
  ],
  fields: [
    ...systemFields,
    field("partyName", true),
    field("facts", true),
    field("violatedProvisions", true),
    field("listName", true),
    field("dueDate", true),
    field("correctionMeasures", true),
    ...footerFields,
  ],
};

/** 责令限期改正通知书 — 《中华人民共和国行政处罚法》第二十八条第一款. */
const correctionOrder: DocumentTemplate = {
  type: "correction_order",
  version: 1,
  title: "责令限期改正通知书",
  numbered: true,
  typeShort: "责改",
  basis: "《中华人民共和国行政处罚法》第二十八条第一款",
  blocks: [
    ...head("责令限期改正通知书"),
    salutation,
    { kind: "paragraph", text: "经查，你（单位）{{facts}}，违反了{{violatedProvisions}}的规定。" },
    {
      kind: "paragraph",
      text: "根据{{orderBasis}}的规定，现责令你（单位）于{{dueDate}}前改正上述违法行为。具体要求如下：{{correctionRequirements}}。",
    },
    { kind: "paragraph", text: "逾期不改正的，本机关将依法处理。" },
    {
      kind: "paragraph",
      text: "如不服本通知，可以在收到本通知书之日起六十日内向{{reconsiderationBody}}申请行政复议，" + "或者在六个月内依法向{{court}}提起行政诉讼。",
    },
    signature,
    footer,
  ],
  fields: [
    ...systemFields,
    field("partyName", true),
    field("facts", true),
    field("violatedProvisions", true),
    field("orderBasis", true),
    field("dueDate", true),
    field("correctionRequirements", true),
    field("reconsiderationBody", true),
    field("court", true),
    ...footerFields,
  ],
};

/** 送达回证 — the record of delivery (《中华人民共和国行政处罚法》第六十一条). */
const deliveryReceipt: DocumentTemplate = {
  type: "delivery_receipt",
  version: 1,
  title: "送达回证",
  numbered: false,
  typeShort: "送",
  basis: "《中华人民共和国行政处罚法》第六十一条",
  blocks: [
    ...head("送达回证", false),
    {
      kind: "table",
      columns: 4,
      widths: [26, 27, 19, 28],
      rows: [
        labelValue("送达文书名称及文号", "{{deliveredDocument}}", 2),
        labelValue("受送达人", "{{partyName}}"),
        labelValue("送达地点", "{{deliveryPlace}}"),
        labelValue("送达方式", "{{deliveryMethod}}"),
        labelValue("送达时间", "{{deliveredAt}}"),
        labelValue("受送达人签名（盖章）", "{{recipientName}}", 2),
        labelValue("送达人签名", "{{delivererName}}", 2),
        labelValue("见证人签名", "{{witnesses}}", 2),
        labelValue("备注", "{{remarks}}", 2),
      ],
    },
    signature,
  ],
  fields: [
    ...unnumberedSystemFields,
    field("deliveredDocument", true),
    field("partyName", true),
    field("deliveryPlace", false),
    field("deliveryMethod", false),
    field("deliveredAt", false),
    field("recipientName", false, { label: "受送达人签名（盖章）" }),
    field("delivererName", false),
    field("witnesses", false),
    field("remarks", false),
  ],
};

/** The built-in templates, one per document type. */
export const BUILT_IN_TEMPLATES: Readonly<Record<DocumentType, DocumentTemplate>> = {
  guidance,
  advice,
  reminder,
  warning,
  interview_notice: interviewNotice,
  follow_up_form: followUpForm,
  no_penalty_decision: noPenaltyDecision,
  commitment,
  correction_order: correctionOrder,
  delivery_receipt: deliveryReceipt,
};

/** Chinese names of the document types (as in the seeds). */
export const DOCUMENT_TYPE_LABELS: Readonly<Record<DocumentType, string>> = {
  guidance: "行政指导意见书",
  advice: "行政执法建议书",
  reminder: "行政（执法）提示书",
  warning: "行政告诫书",
  interview_notice: "行政约谈通知书",
  follow_up_form: "行政执法案件回访登记表",
  no_penalty_decision: "不予行政处罚决定书",
  commitment: "轻微违法行为告知承诺书",
  correction_order: "责令限期改正通知书",
  delivery_receipt: "送达回证",
};

/** The seed's footer lines. */
export const FOOTER_TEXT = {
  copiesNote: "本文书一式二份，一份送达，一份归档。",
  delivererLabel: "送达人签名：",
  recipientLabel: "被送达人签名：",
  deliveredAtLabel: "送达时间：",
} as const;
