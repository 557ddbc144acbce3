import type { DocumentType } from "./types";

/**
 * The seed templates as extracted from the seed PDFs (line breaks of the extraction kept), copied
 * verbatim from ../shared/seeds; seed-excerpts.txt holds the same lines as committed text (the test checks
 * each text against it, and the excerpt against the seed files when they exist).
 * seed 000: 三明市安全生产领域柔性执法工作方案 附件5–7; seed 001: 明溪县全面推行柔性执法工作实施方案 附件7.
 */
export interface SeedTemplateText {
  id: string;
  seedFile: string;
  type: DocumentType;
  /** 1-based line numbers in the seed file. */
  firstLine: number;
  lastLine: number;
  /** The organisation name the seed prints (三明); null where it prints (行政机关名称). */
  organisationName: string | null;
  /**
   * The extraction lost the blank lines of this template together with the "。" after them
   * (三明 附件5 prints "你（单位）" then "鉴于上述事实" with nothing between).
   */
  lostBlankPunctuation: boolean;
  text: string;
}

export const SEED_TEMPLATE_TEXTS: readonly SeedTemplateText[] = [
  {
    id: "sanming-advice",
    seedFile: "000_1ee33c836aa3ced7.txt",
    type: "advice",
    firstLine: 550,
    lastLine: 572,
    organisationName: "三明市应急管理局",
    lostBlankPunctuation: true,
    text: "三明市应急管理局\n\n行政执法建议书\n\n编号：\n\n：\n\n我们在监督检查中发现，你（单位）\n\n鉴于上述事实，建议你（单位）\n\n三明市应急管理局\n\n（印章）\n\n年 月 日\n\n本文书一式二份，一份送达，一份归档。\n\n送达人签名： 被送达人签名：\n\n送达时间：",
  },
  {
    id: "sanming-warning",
    seedFile: "000_1ee33c836aa3ced7.txt",
    type: "warning",
    firstLine: 575,
    lastLine: 607,
    organisationName: "三明市应急管理局",
    lostBlankPunctuation: false,
    text: "三明市应急管理局\n\n行政告诫书\n\n编号：\n\n：\n\n本机关在日常监管和行政执法过程中发现，你（单位）\n\n，系轻微违法行\n\n为。\n\n根据\n\n（法律法规名称、条款）规定，现要求\n\n你（单位）在 前，主动纠正违法违规行为。\n\n逾期不予纠正和整改，本机关将依法进行查处。\n\n三明市应急管理局\n\n（印章）\n\n年 月 日\n\n本文书一式二份，一份送达，一份归档。\n\n送达人签名： 被送达人签名：\n\n送达时间：",
  },
  {
    id: "sanming-interview",
    seedFile: "000_1ee33c836aa3ced7.txt",
    type: "interview_notice",
    firstLine: 610,
    lastLine: 650,
    organisationName: "三明市应急管理局",
    lostBlankPunctuation: false,
    text: "三明市应急管理局\n\n行政约谈通知书\n\n编号：\n\n：\n\n本机关在日常监督管理中，发现你（单位）有下列行\n\n为： 。\n\n为避免信息误差，防止可能存在的违法违规行为进一步扩\n\n大，本机关认为有必要约请你（单位）进行交流沟通，调查了解\n\n相关情况。\n\n请你(单位)法定代表人或相关负责人接本通知后，于\n\n年 月 日 时 分，至 当面\n\n交流沟通有关情况。如有不便，请于 年 月 日 时\n\n前与本机关联系。\n\n请前往会谈人员携带证明本人身份的有效证件。\n\n联系人： 联系电话：\n\n三明市应急管理局\n\n（印章）\n\n年 月 日\n\n本文书一式二份，一份送达，一份归档。\n\n送达人签名： 被送达人签名：\n\n送达时间：",
  },
  {
    id: "mingxi-guidance",
    seedFile: "001_a8634103a028f009.txt",
    type: "guidance",
    firstLine: 195,
    lastLine: 217,
    organisationName: null,
    lostBlankPunctuation: false,
    text: "(行政机关名称) 行政指导意见书\n\n编号：\n\n_____：\n\n根据你（单位）所反映的情况，经研究，提出以下指导建议\n(主意、办法)：_____。\n\n上述意见，供你（单位）参考。敬请关注相关法律、法规和政策\n的变动，欢迎进一步向我们咨询。本部门联系人及电话：_____。\n\n行政执法机关(印章)\n\n年 月 日\n\n本文书一式二份，一份送达，一份归档。\n\n送达人签名：\n\n被送达人签名：\n\n送达时间：",
  },
  {
    id: "mingxi-advice",
    seedFile: "001_a8634103a028f009.txt",
    type: "advice",
    firstLine: 221,
    lastLine: 247,
    organisationName: null,
    lostBlankPunctuation: false,
    text: "(行政机关名称) 行政执法建议书\n\n编号：\n\n_____：\n\n我们在监督检查中发现，你（单位）_____\n\n_____。\n\n鉴于上述事实，建议你（单位）_____\n\n_____。\n\n_____。\n\n行政执法机关(印章)\n\n年 月 日\n\n本文书一式二份，一份送达，一份归档。\n\n送达人签名：\n\n被送达人签名：\n\n送达时间：",
  },
  {
    id: "mingxi-reminder",
    seedFile: "001_a8634103a028f009.txt",
    type: "reminder",
    firstLine: 251,
    lastLine: 269,
    organisationName: null,
    lostBlankPunctuation: false,
    text: "(行政机关名称) 行政执法提示书\n\n编号：\n\n_____：\n\n根据群众投诉举报和日常监管信息数据分析，本机关发现你（单位）_____这类违法违规行为容易发生。此类违法违规行为违反了_____（法律法规名称、条款），_____的规定。为避免发生同类违法违规现象而受到行政处罚，现提示你（单位）。\n\n行政执法机关(印章)\n\n年 月 日\n\n本文书一式二份，一份送达，一份归档。\n\n送达人签名：\n\n被送达人签名：\n\n送达时间：",
  },
  {
    id: "mingxi-warning",
    seedFile: "001_a8634103a028f009.txt",
    type: "warning",
    firstLine: 273,
    lastLine: 295,
    organisationName: null,
    lostBlankPunctuation: false,
    text: "(行政机关名称) 行政告诫书\n\n编号：\n\n_____：\n\n本机关在日常监管和行政执法过程中发现，你（单位）_____，系轻微违法行为。\n\n根据_____（法律法规名称、条款）规定，现要求你（单位）在_____前，主动纠正违法违规行为。\n\n逾期不予纠正和整改，本机关将依法进行查处。\n\n(行政执法机关印章)\n\n年 月 日\n\n本文书一式二份，一份送达，一份归档。\n\n送达人签名：\n\n被送达人签名：\n\n送达时间：",
  },
  {
    id: "mingxi-interview",
    seedFile: "001_a8634103a028f009.txt",
    type: "interview_notice",
    firstLine: 299,
    lastLine: 326,
    organisationName: null,
    lostBlankPunctuation: false,
    text: "(行政机关名称) 行政约谈通知书\n\n编号：\n\n_____：\n\n本机关在日常监督管理中，发现你（单位）有下列行为：\n_____。\n\n为避免信息误差，防止可能存在的违法违规行为进一步扩大，本机关认为有必要约请你（单位）进行交流沟通，调查了解相关情况。\n\n请你（单位）法定代表人或相关负责人接本通知后，于_____年____月____日____时____分，至当面交流沟通有关情况。如有不便，请于_____年____月____日____时前与本机关联系。\n\n请前往会谈人员携带证明本人身份的有效证件。\n\n联系人：_____ 联系电话：_____\n\n(行政执法机关印章)\n\n年 月 日\n\n本文书一式二份，一份送达，一份归档。\n\n送达人签名：\n\n被送达人签名：\n\n送达时间：",
  },
  {
    id: "mingxi-follow-up",
    seedFile: "001_a8634103a028f009.txt",
    type: "follow_up_form",
    firstLine: 330,
    lastLine: 343,
    organisationName: null,
    lostBlankPunctuation: false,
    text: "(行政机关名称) 行政执法案件回访登记表\n\n编号:\n\n企业名称 (或自然人姓名)\t\t负责人 姓名\t\n行政执法案件编号\t\t承办机构\t\n承办人\t\t回访人\t\n回访内容 (回访人填写)\t\t\t\n行政执法决定执行情况, 违法行为整改情况\t\t\t\n整改措施 (如未改正违法行为, 应采取如下措施改正)\t\t\t\n征求意见内容 (行政相对人填写)\t\t\t\n案件承办人在办案过程中依照法定程序办案、廉洁执法情况\t\t\t\n对执法机关的建议及需要帮助解决的问题\t\t\t\n回访对象签名 (盖章)\t\t联系电话\t",
  },
];
