/**
 * 三明市应急管理局's four lists, transcribed from 《三明市安全生产领域柔性执法工作方案》 annexes 1–4
 * (seed 000; a copy is kept beside this file as sanming-000.source.txt). Texts are verbatim —
 * including the source's own wording ("已编织了应急预案") — with the PDF line breaks rejoined.
 * The annexes have no 事项编码 column; the codes are the matter catalogue's.
 *
 * Structured conditions encode each 情形:
 *   "一般生产经营单位" / "一般行业生产经营单位" → not one of the five high-risk industries (annex 1 说明)
 *   "首次被发现" → firstTimeFound;  "及时纠正" → corrected (any);
 *   "责令限期改正后及时改正" → corrected (within_deadline);  "没有造成危害后果" → harm none;
 *   "（重大事故隐患除外）" → noMajorHazard;  "主动消除危害后果" → proactiveElimination;
 *   "未导致发生生产安全事故等其他严重后果" → harm at most minor;
 *   "有证据证明…" and similar facts about the party → the item's own yes/no questions.
 */
import type { Citation } from "../../laws/types";
import type { SoftMethod } from "../../measures";
import { highRiskIndustries, type Condition } from "../conditions";
import type { ListItem, ListRecord, ListType } from "../types";

export const SANMING_ORGANISATION_NAME = "三明市应急管理局";

/** 实施步骤 (二) 组织实施（2022 年 5 月-12 月）: the lists apply from the start of that step. */
export const SANMING_EFFECTIVE_FROM = "2022-05-01";

const XZCFF = "中华人民共和国行政处罚法";

const art33: Citation[] = [{ law: XZCFF, article: 33 }];
const art32: Citation[] = [{ law: XZCFF, article: 32 }];

const art33Text =
  "《中华人民共和国行政处罚法》第三十三条 违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。初次违法且危害后果轻微并及时改正的，可以不予行政处罚。";
const art32Text =
  "《中华人民共和国行政处罚法》第三十二条 当事人有下列情形之一，应当从轻或者减轻行政处罚：（一）主动消除或者减轻违法行为危害后果的；（二）受他人胁迫或者诱骗实施违法行为的；（三）主动供述行政机关尚未掌握的违法行为的；（四）配合行政机关查处违法行为有立功表现的。";

/** 说服教育 行政建议 行政告诫 行政约谈 — the measures cell of every annex. */
const measures: SoftMethod[] = ["persuasion", "administrativeAdvice", "administrativeWarning", "administrativeInterview"];

const generalIndustry: Condition = { kind: "subjectCategoryNotIn", categories: [...highRiskIndustries] };
const firstTimeFound: Condition = { kind: "firstTimeFound" };
const correctedTimely: Condition = { kind: "corrected", how: "any" };
const correctedWithinDeadline: Condition = { kind: "corrected", how: "within_deadline" };
const noHarm: Condition = { kind: "harm", atMost: "none" };

function item(
  seq: number,
  matterName: string,
  matterCode: string,
  circumstances: string,
  basis: Citation[],
  basisText: string,
  conditions: Condition[],
): ListItem {
  return { seq, matterName, matterCode, circumstances, basis, basisText, measures: [...measures], otherMeasures: [], conditions };
}

/** The standard conditions of annex 1 items 2–7. */
const standardNoPenalty = (): Condition[] => [generalIndustry, firstTimeFound, correctedWithinDeadline, noHarm];

export const sanmingNoPenaltyItems: readonly ListItem[] = [
  item(
    1,
    "生产经营单位未向从业人员通报事故隐患排查治理情况的。",
    "YJ-AQSCF-097-05",
    "一般生产经营单位有证据证明开展了隐患排查治理工作，但未向从业人员通报（重大事故隐患除外），属于首次被发现、及时纠正、没有造成危害后果的。",
    art33,
    art33Text,
    [
      generalIndustry,
      { kind: "question", id: "hazard_check_evidence", text: "有证据证明开展了隐患排查治理工作", expected: true },
      { kind: "noMajorHazard" },
      firstTimeFound,
      correctedTimely,
      noHarm,
    ],
  ),
  item(
    2,
    "生产经营单位未按照规定设置安全生产管理机构或者配备安全生产管理人员的。",
    "YJ-AQSCF-097-01",
    "一般行业生产经营单位，属于首次被发现、责令限期改正后及时改正、没有造成危害后果的。",
    art33,
    art33Text,
    standardNoPenalty(),
  ),
  item(
    3,
    "生产经营单位未按照规定对从业人员、被派遣劳动者、实习学生进行安全生产教育和培训，或者未按照规定如实告知有关的安全生产事项的。",
    "YJ-AQSCF-097-03",
    "一般行业生产经营单位有证据证明对从业人员、被派遣劳动者、实习学生进行了安全生产教育和培训，但形式或内容不完全符合规定，属于首次被发现、责令限期改正后及时改正、没有造成危害后果的。",
    art33,
    art33Text,
    [
      generalIndustry,
      {
        kind: "question",
        id: "training_evidence",
        text: "有证据证明对从业人员、被派遣劳动者、实习学生进行了安全生产教育和培训，但形式或内容不完全符合规定",
        expected: true,
      },
      firstTimeFound,
      correctedWithinDeadline,
      noHarm,
    ],
  ),
  item(
    4,
    "生产经营单位未如实记录安全生产教育和培训情况的。",
    "YJ-AQSCF-097-04",
    "一般行业生产经营单位有证据证明已按规定进行了安全生产教育和培训，但未如实记录，属于首次被发现、责令限期改正后及时改正、没有造成危害后果的。",
    art33,
    art33Text,
    [
      generalIndustry,
      { kind: "question", id: "training_done_evidence", text: "有证据证明已按规定进行了安全生产教育和培训", expected: true },
      firstTimeFound,
      correctedWithinDeadline,
      noHarm,
    ],
  ),
  item(
    5,
    "生产经营单位未为从业人员提供符合国家标准或者行业标准的劳动防护用品的。",
    "YJ-AQSCF-099-05",
    "一般行业生产经营单位，属于首次被发现、责令限期改正后及时改正、没有造成危害后果的。",
    art33,
    art33Text,
    standardNoPenalty(),
  ),
  item(
    6,
    "生产经营单位未建立事故隐患排查治理制度的。",
    "YJ-AQSCF-101-05",
    "一般行业生产经营单位，属于首次被发现、责令限期改正后及时改正、没有造成危害后果的。",
    art33,
    art33Text,
    standardNoPenalty(),
  ),
  item(
    7,
    "生产经营单位生产经营场所和员工宿舍未设有符合紧急疏散需要、标志明显、保持畅通的出口，或者占用生产经营场所或者员工宿舍出口的。",
    "YJ-AQSCF-105-02",
    "一般行业生产经营单位，属于首次被发现、责令限期改正后及时改正、没有造成危害后果的。",
    art33,
    art33Text,
    standardNoPenalty(),
  ),
];

export const sanmingMitigatedItems: readonly ListItem[] = [
  item(
    1,
    "生产经营单位未按照规定开展应急预案评审的。",
    "YJ-YJYA-PS",
    "一般生产经营单位已编织了应急预案但未按照规定开展评审的，属于首次被发现，及时纠正，主动消除危害后果的。",
    art32,
    art32Text,
    [
      generalIndustry,
      { kind: "question", id: "plan_prepared", text: "已编制了应急预案", expected: true },
      firstTimeFound,
      correctedTimely,
      { kind: "proactiveElimination" },
    ],
  ),
  item(
    2,
    "生产经营单位未按照规定进行应急预案修订的。",
    "YJ-YJYA-XD",
    "一般生产经营单位已编制了应急预案并正常运行，属于首次被发现，及时纠正，主动消除危害后果的。",
    art32,
    art32Text,
    [
      generalIndustry,
      { kind: "question", id: "plan_in_operation", text: "已编制了应急预案并正常运行", expected: true },
      firstTimeFound,
      correctedTimely,
      { kind: "proactiveElimination" },
    ],
  ),
];

export const sanmingLighterItems: readonly ListItem[] = [
  item(
    1,
    "未按照规定制定生产安全事故应急救援预案或者未定期组织演练的。",
    "YJ-AQSCF-097-06",
    "制定有生产安全事故应急救援预案但未定期组织演练，责令限期整改后立即组织实施演练，且未导致发生生产安全事故等其他严重后果的。",
    art32,
    art32Text,
    [
      { kind: "question", id: "rescue_plan_exists", text: "制定有生产安全事故应急救援预案（仅未定期组织演练）", expected: true },
      correctedWithinDeadline,
      { kind: "harm", atMost: "minor" },
    ],
  ),
];

interface SanmingListSpec {
  key: string;
  type: ListType;
  title: string;
  notes: string;
  items: readonly ListItem[];
}

const specs: readonly SanmingListSpec[] = [
  {
    key: "no-penalty",
    type: "no_penalty",
    title: "三明市应急管理局不予处罚事项清单",
    notes:
      "1、一般生产经营单位是指除矿山、危化品、金属冶炼、建筑施工、道路运输以外的生产经营单位；2、配套监管措施主要是说服教育、行政建议、行政告诫、行政约谈等方式。",
    items: sanmingNoPenaltyItems,
  },
  { key: "mitigated", type: "mitigated", title: "三明市应急管理局减轻行政处罚事项清单", notes: "", items: sanmingMitigatedItems },
  { key: "lighter", type: "lighter", title: "三明市应急管理局从轻行政处罚事项清单", notes: "", items: sanmingLighterItems },
  { key: "no-compulsion", type: "no_compulsion", title: "三明市应急管理局不予行政强制事项清单", notes: "本系统不存在不予行政强制事项。", items: [] },
];

/**
 * The four lists as records, each with version 1 published and in force from 2022-05-01.
 * Filing (备案) is not recorded in the seed; the demo data adds it.
 */
export function sanmingLists(options: { organisationId?: string; idPrefix?: string } = {}): ListRecord[] {
  const organisationId = options.organisationId ?? "sanming-yjj";
  const prefix = options.idPrefix ?? "sanming-yjj";
  return specs.map((spec) => ({
    list: { id: `${prefix}-${spec.key}`, type: spec.type, organisationId, title: spec.title, notes: spec.notes, status: "in_force" },
    versions: [
      {
        version: 1,
        status: "published",
        publishedOn: SANMING_EFFECTIVE_FROM,
        effectiveFrom: SANMING_EFFECTIVE_FROM,
        reviews: [],
        evaluations: [],
        items: structuredClone(spec.items) as ListItem[],
      },
    ],
  }));
}
