import type { Citation } from "../laws/types";
import type { FineRange, Matter } from "./types";

/**
 * Seed catalogue: the safety-production matters of 《中华人民共和国安全生产法》(2021) chapter 6 that the
 * 三明市应急管理局 lists (seed 000) refer to — 第九十七条、第九十九条、第一百零一条、第一百零五条 item by
 * item — and the emergency-plan matters of 《生产安全事故应急条例》 and of the 三明 减轻 list.
 *
 * Codes: YJ-AQSCF-<article, 3 digits>-<item, 2 digits> for 安全生产法 items; YJ-YJTL-<article>-<nn> for
 * the conducts of one 应急条例 article (nn numbers the conducts in the order the article lists them);
 * YJ-YJYA-PS / YJ-YJYA-XD for the 应急预案 评审 / 修订 matters of the 三明 减轻 list.
 */

const AQSCF = "中华人民共和国安全生产法";
const YJTL = "生产安全事故应急条例";
const DOMAIN = "应急管理";

const a = (article: number, paragraph?: number): Citation => (paragraph === undefined ? { law: AQSCF, article } : { law: AQSCF, article, paragraph });
const t = (article: number, paragraph?: number): Citation => (paragraph === undefined ? { law: YJTL, article } : { law: YJTL, article, paragraph });

interface ArticleConsequence {
  penaltyText: string;
  fineRange?: FineRange;
  escalatedFineRange?: FineRange;
}

/** The consequences of the four articles, quoted verbatim from their first paragraph. */
const ART_97: ArticleConsequence = {
  penaltyText:
    "责令限期改正，处十万元以下的罚款；逾期未改正的，责令停产停业整顿，并处十万元以上二十万元以下的罚款，对其直接负责的主管人员和其他直接责任人员处二万元以上五万元以下的罚款",
  fineRange: { minYuan: 0, maxYuan: 100_000 },
  escalatedFineRange: {
    minYuan: 100_000,
    maxYuan: 200_000,
    note: "并责令停产停业整顿；对其直接负责的主管人员和其他直接责任人员处二万元以上五万元以下的罚款",
  },
};

const ART_99: ArticleConsequence = {
  penaltyText:
    "责令限期改正，处五万元以下的罚款；逾期未改正的，处五万元以上二十万元以下的罚款，对其直接负责的主管人员和其他直接责任人员处一万元以上二万元以下的罚款；情节严重的，责令停产停业整顿；构成犯罪的，依照刑法有关规定追究刑事责任",
  fineRange: { minYuan: 0, maxYuan: 50_000 },
  escalatedFineRange: {
    minYuan: 50_000,
    maxYuan: 200_000,
    note: "对其直接负责的主管人员和其他直接责任人员处一万元以上二万元以下的罚款；情节严重的，责令停产停业整顿",
  },
};

const ART_101: ArticleConsequence = {
  penaltyText:
    "责令限期改正，处十万元以下的罚款；逾期未改正的，责令停产停业整顿，并处十万元以上二十万元以下的罚款，对其直接负责的主管人员和其他直接责任人员处二万元以上五万元以下的罚款；构成犯罪的，依照刑法有关规定追究刑事责任",
  fineRange: { minYuan: 0, maxYuan: 100_000 },
  escalatedFineRange: {
    minYuan: 100_000,
    maxYuan: 200_000,
    note: "并责令停产停业整顿；对其直接负责的主管人员和其他直接责任人员处二万元以上五万元以下的罚款",
  },
};

const ART_105: ArticleConsequence = {
  penaltyText:
    "责令限期改正，处五万元以下的罚款，对其直接负责的主管人员和其他直接责任人员处一万元以下的罚款；逾期未改正的，责令停产停业整顿；构成犯罪的，依照刑法有关规定追究刑事责任",
  fineRange: { minYuan: 0, maxYuan: 50_000, note: "对其直接负责的主管人员和其他直接责任人员处一万元以下的罚款" },
};

const CONSEQUENCES: Record<number, ArticleConsequence> = { 97: ART_97, 99: ART_99, 101: ART_101, 105: ART_105 };

function safetyItem(article: 97 | 99 | 101 | 105, item: number, name: string, violated: Citation[], keywords: string[]): Matter {
  const consequence = CONSEQUENCES[article];
  const matter: Matter = {
    code: `YJ-AQSCF-${String(article).padStart(3, "0")}-${String(item).padStart(2, "0")}`,
    name,
    domain: DOMAIN,
    kind: "penalty",
    violated,
    penalty: [{ law: AQSCF, article, item }],
    penaltyText: consequence.penaltyText,
    keywords,
  };
  if (consequence.fineRange) matter.fineRange = consequence.fineRange;
  if (consequence.escalatedFineRange) matter.escalatedFineRange = consequence.escalatedFineRange;
  return matter;
}

const ART_32_YJTL: ArticleConsequence = {
  penaltyText: "责令限期改正；逾期未改正的，处3万元以上5万元以下的罚款，对直接负责的主管人员和其他直接责任人员处1万元以上2万元以下的罚款",
  escalatedFineRange: {
    minYuan: 30_000,
    maxYuan: 50_000,
    note: "对直接负责的主管人员和其他直接责任人员处1万元以上2万元以下的罚款",
  },
};

/** 《生产安全事故应急预案管理办法》 is a ministry rule (部门规章) the library does not hold. */
const PLAN_RULE_NOTE = "《生产安全事故应急预案管理办法》（应急管理部令第2号修正）未收入本系统法律法规库，条款、项号和罚款幅度须人工核对";

export const MATTERS: readonly Matter[] = [
  // 第九十七条
  safetyItem(
    97,
    1,
    "生产经营单位未按照规定设置安全生产管理机构或者配备安全生产管理人员、注册安全工程师",
    [a(24), a(27, 3)],
    ["安全生产管理机构", "安全生产管理人员", "注册安全工程师"],
  ),
  safetyItem(
    97,
    2,
    "危险物品的生产、经营、储存、装卸单位以及矿山、金属冶炼、建筑施工、运输单位的主要负责人和安全生产管理人员未按照规定经考核合格",
    [a(27, 2)],
    ["考核合格", "主要负责人", "安全生产知识和管理能力"],
  ),
  safetyItem(
    97,
    3,
    "生产经营单位未按照规定对从业人员、被派遣劳动者、实习学生进行安全生产教育和培训，或者未按照规定如实告知有关的安全生产事项",
    [a(28, 1), a(28, 2), a(28, 3), a(44, 1)],
    ["安全生产教育和培训", "被派遣劳动者", "实习学生", "如实告知"],
  ),
  safetyItem(97, 4, "生产经营单位未如实记录安全生产教育和培训情况", [a(28, 4)], ["培训档案", "如实记录", "安全生产教育和培训"]),
  safetyItem(97, 5, "生产经营单位未将事故隐患排查治理情况如实记录或者未向从业人员通报", [a(41, 2)], ["事故隐患排查治理", "如实记录", "通报"]),
  {
    ...safetyItem(
      97,
      6,
      "生产经营单位未按照规定制定生产安全事故应急救援预案或者未定期组织演练",
      [a(81), t(5, 2), t(8, 2)],
      ["应急救援预案", "应急预案", "演练"],
    ),
    penalty: [{ law: AQSCF, article: 97, item: 6 }, t(30)],
  },
  safetyItem(97, 7, "特种作业人员未按照规定经专门的安全作业培训并取得相应资格，上岗作业", [a(30, 1)], ["特种作业人员", "特种作业操作证", "持证上岗"]),
  // 第九十九条
  safetyItem(
    99,
    1,
    "生产经营单位未在有较大危险因素的生产经营场所和有关设施、设备上设置明显的安全警示标志",
    [a(35)],
    ["安全警示标志", "较大危险因素"],
  ),
  safetyItem(99, 2, "生产经营单位安全设备的安装、使用、检测、改造和报废不符合国家标准或者行业标准", [a(36, 1)], ["安全设备", "国家标准", "行业标准"]),
  safetyItem(99, 3, "生产经营单位未对安全设备进行经常性维护、保养和定期检测", [a(36, 2)], ["安全设备", "维护保养", "定期检测"]),
  safetyItem(
    99,
    4,
    "生产经营单位关闭、破坏直接关系生产安全的监控、报警、防护、救生设备、设施，或者篡改、隐瞒、销毁其相关数据、信息",
    [a(36, 3)],
    ["监控", "报警", "篡改数据"],
  ),
  safetyItem(99, 5, "生产经营单位未为从业人员提供符合国家标准或者行业标准的劳动防护用品", [a(45)], ["劳动防护用品", "防护用品"]),
  safetyItem(
    99,
    6,
    "生产经营单位危险物品的容器、运输工具，以及涉及人身安全、危险性较大的海洋石油开采特种设备和矿山井下特种设备未经具有专业资质的机构检测、检验合格，取得安全使用证或者安全标志，投入使用",
    [a(37)],
    ["特种设备", "检测检验", "安全使用证"],
  ),
  safetyItem(99, 7, "生产经营单位使用应当淘汰的危及生产安全的工艺、设备", [a(38, 3)], ["淘汰", "工艺", "设备"]),
  safetyItem(99, 8, "餐饮等行业的生产经营单位使用燃气未安装可燃气体报警装置", [a(36, 4)], ["燃气", "可燃气体报警装置", "餐饮"]),
  // 第一百零一条
  safetyItem(
    101,
    1,
    "生产经营单位生产、经营、运输、储存、使用危险物品或者处置废弃危险物品，未建立专门安全管理制度、未采取可靠的安全措施",
    [a(39, 2)],
    ["危险物品", "安全管理制度", "安全措施"],
  ),
  safetyItem(
    101,
    2,
    "生产经营单位对重大危险源未登记建档，未进行定期检测、评估、监控，未制定应急预案，或者未告知应急措施",
    [a(40, 1)],
    ["重大危险源", "登记建档"],
  ),
  safetyItem(
    101,
    3,
    "生产经营单位进行爆破、吊装、动火、临时用电以及国务院应急管理部门会同国务院有关部门规定的其他危险作业，未安排专门人员进行现场安全管理",
    [a(43)],
    ["危险作业", "动火", "临时用电", "现场安全管理"],
  ),
  safetyItem(
    101,
    4,
    "生产经营单位未建立安全风险分级管控制度或者未按照安全风险分级采取相应管控措施",
    [a(41, 1)],
    ["安全风险分级管控", "双重预防机制"],
  ),
  safetyItem(
    101,
    5,
    "生产经营单位未建立事故隐患排查治理制度，或者重大事故隐患排查治理情况未按照规定报告",
    [a(41, 2)],
    ["事故隐患排查治理制度", "重大事故隐患", "报告"],
  ),
  // 第一百零五条
  safetyItem(
    105,
    1,
    "生产经营单位生产、经营、储存、使用危险物品的车间、商店、仓库与员工宿舍在同一座建筑内，或者与员工宿舍的距离不符合安全要求",
    [a(42, 1)],
    ["员工宿舍", "三合一", "安全距离"],
  ),
  safetyItem(
    105,
    2,
    "生产经营单位生产经营场所和员工宿舍未设有符合紧急疏散需要、标志明显、保持畅通的出口、疏散通道，或者占用、锁闭、封堵生产经营场所或者员工宿舍出口、疏散通道",
    [a(42, 2)],
    ["出口", "疏散通道", "员工宿舍", "锁闭", "封堵"],
  ),
  // 生产安全事故应急条例 第三十二条
  {
    code: "YJ-YJTL-032-01",
    name: "生产经营单位未将生产安全事故应急救援预案报送备案",
    domain: DOMAIN,
    kind: "penalty",
    violated: [t(7)],
    penalty: [t(32)],
    penaltyText: ART_32_YJTL.penaltyText,
    escalatedFineRange: ART_32_YJTL.escalatedFineRange,
    keywords: ["应急预案", "备案"],
  },
  {
    code: "YJ-YJTL-032-02",
    name: "生产经营单位未建立应急值班制度或者配备应急值班人员",
    domain: DOMAIN,
    kind: "penalty",
    violated: [t(14, 1)],
    penalty: [t(32)],
    penaltyText: ART_32_YJTL.penaltyText,
    escalatedFineRange: ART_32_YJTL.escalatedFineRange,
    keywords: ["应急值班", "值班人员"],
  },
  // 应急预案 评审 / 修订 (三明 减轻 list); the penalty is in a ministry rule outside the library.
  {
    code: "YJ-YJYA-PS",
    name: "生产经营单位未按照规定开展应急预案评审",
    domain: DOMAIN,
    kind: "penalty",
    // The duty to review (评审) is in the ministry rule only; 应急条例 has none to cite.
    violated: [],
    penalty: [],
    penaltyText: "责令限期改正，可以处1万元以上3万元以下的罚款",
    fineRange: { minYuan: 10_000, maxYuan: 30_000, note: `可以处；依据《生产安全事故应急预案管理办法》第四十五条。${PLAN_RULE_NOTE}` },
    keywords: ["应急预案", "评审"],
    externalBasis: [
      { citation: "《生产安全事故应急预案管理办法》第二十一条", note: PLAN_RULE_NOTE },
      { citation: "《生产安全事故应急预案管理办法》第四十五条", note: PLAN_RULE_NOTE },
    ],
  },
  {
    code: "YJ-YJYA-XD",
    name: "生产经营单位未按照规定进行应急预案修订",
    domain: DOMAIN,
    kind: "penalty",
    violated: [t(6, 2)],
    penalty: [],
    penaltyText: "责令限期改正，可以处1万元以上3万元以下的罚款",
    fineRange: { minYuan: 10_000, maxYuan: 30_000, note: `可以处；依据《生产安全事故应急预案管理办法》第四十五条。${PLAN_RULE_NOTE}` },
    keywords: ["应急预案", "修订"],
    externalBasis: [{ citation: "《生产安全事故应急预案管理办法》第四十五条", note: PLAN_RULE_NOTE }],
  },
];
