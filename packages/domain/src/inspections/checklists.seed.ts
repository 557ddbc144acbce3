/**
 * The starter checklists shipped with Kuanyan (对表检查, seed 003): 工贸企业、有限空间、粉尘涉爆、危化品使用.
 * Every item rests on a provision of the shipped 《中华人民共和国安全生产法》(2021) — its basis — and maps to
 * the catalogue matter of the penalty article that sanctions that duty (第九十七条、第九十九条、
 * 第一百零一条、第一百零五条). `source` says where each item comes from. The sector rules that
 * detail these duties (《工贸企业有限空间作业安全规定》、《工贸企业粉尘防爆安全规定》、《危险化学品安全管理条例》)
 * are not in the law library; where an item follows one of them, `source` names it for manual
 * checking, and the basis stays the 安全生产法 provision the library can resolve.
 * Organisations copy these and adapt their copy (./checklists.ts).
 */
import type { Citation } from "../laws/types";
import type { ChecklistArea, ChecklistItem, ChecklistRecord } from "./checklists";
import type { Industry } from "./units";

const AQSCF = "中华人民共和国安全生产法";
const a = (article: number, paragraph?: number): Citation => (paragraph === undefined ? { law: AQSCF, article } : { law: AQSCF, article, paragraph });

const LAW = "《安全生产法》";
const SEED3 = "种子材料003（晋江市应急管理局对表检查：重点场所、要害部位、关键环节）";

function item(id: string, area: ChecklistArea, text: string, basis: Citation[], matterCode: string, source: string): ChecklistItem {
  return { id, area, text, basis, matterCode, source };
}

/** Items every safety checklist shares (the unit's basic duties). */
function common(prefix: string): ChecklistItem[] {
  return [
    item(
      `${prefix}-01`,
      "安全管理",
      "是否按规定设置安全生产管理机构或者配备专职、兼职安全生产管理人员",
      [a(24)],
      "YJ-AQSCF-097-01",
      `${LAW}第二十四条`,
    ),
    item(
      `${prefix}-02`,
      "安全管理",
      "是否建立安全风险分级管控制度，并按照风险分级采取相应管控措施",
      [a(41, 1)],
      "YJ-AQSCF-101-04",
      `${LAW}第四十一条第一款`,
    ),
    item(
      `${prefix}-03`,
      "安全管理",
      "是否建立并落实事故隐患排查治理制度；重大事故隐患排查治理情况是否按规定报告",
      [a(41, 2)],
      "YJ-AQSCF-101-05",
      `${LAW}第四十一条第二款`,
    ),
    item(
      `${prefix}-04`,
      "安全管理",
      "事故隐患排查治理情况是否如实记录，并通过职工大会、信息公示栏等方式向从业人员通报",
      [a(41, 2)],
      "YJ-AQSCF-097-05",
      `${LAW}第四十一条第二款；${SEED3}`,
    ),
    item(
      `${prefix}-05`,
      "教育培训",
      "是否对从业人员（含被派遣劳动者、实习学生）进行安全生产教育和培训，并如实告知作业场所和岗位的危险因素、防范措施及事故应急措施",
      [a(28, 1), a(44, 1)],
      "YJ-AQSCF-097-03",
      `${LAW}第二十八条第一款、第四十四条第一款`,
    ),
    item(
      `${prefix}-06`,
      "教育培训",
      "是否建立安全生产教育和培训档案，如实记录培训的时间、内容、参加人员及考核结果",
      [a(28, 4)],
      "YJ-AQSCF-097-04",
      `${LAW}第二十八条第四款`,
    ),
    item(
      `${prefix}-07`,
      "作业现场",
      "生产经营场所和员工宿舍是否设有符合紧急疏散要求、标志明显、保持畅通的出口和疏散通道，有无占用、锁闭、封堵",
      [a(42, 2)],
      "YJ-AQSCF-105-02",
      `${LAW}第四十二条第二款；${SEED3}`,
    ),
    item(
      `${prefix}-08`,
      "作业现场",
      "是否为从业人员提供符合国家标准或者行业标准的劳动防护用品，并监督、教育其正确佩戴、使用",
      [a(45)],
      "YJ-AQSCF-099-05",
      `${LAW}第四十五条`,
    ),
    item(`${prefix}-09`, "应急管理", "是否制定生产安全事故应急救援预案，并定期组织演练", [a(81)], "YJ-AQSCF-097-06", `${LAW}第八十一条`),
  ];
}

function record(id: string, industry: Industry, title: string, items: ChecklistItem[]): ChecklistRecord {
  return { id, organisationId: "shipped", industry, title, versions: [{ version: 1, status: "published", items, publishedOn: "2026-12-01" }] };
}

export function starterChecklists(): ChecklistRecord[] {
  return [
    record("starter-industry-trade", "industry_trade", "工贸企业安全生产检查表", [
      ...common("GM"),
      item(
        "GM-10",
        "教育培训",
        "特种作业人员（电工、焊接与热切割、高处作业等）是否经专门的安全作业培训并取得相应资格上岗",
        [a(30, 1)],
        "YJ-AQSCF-097-07",
        `${LAW}第三十条第一款`,
      ),
      item(
        "GM-11",
        "作业现场",
        "有较大危险因素的生产经营场所和有关设施、设备上是否设置明显的安全警示标志",
        [a(35)],
        "YJ-AQSCF-099-01",
        `${LAW}第三十五条`,
      ),
      item(
        "GM-12",
        "作业现场",
        "动火、临时用电、吊装等危险作业是否安排专门人员进行现场安全管理",
        [a(43)],
        "YJ-AQSCF-101-03",
        `${LAW}第四十三条；${SEED3}（关键环节）`,
      ),
      item(
        "GM-13",
        "设备设施",
        "安全设备是否经常性维护、保养并定期检测，维护、保养、检测是否作好记录并由有关人员签字",
        [a(36, 2)],
        "YJ-AQSCF-099-03",
        `${LAW}第三十六条第二款`,
      ),
      item("GM-14", "设备设施", "是否使用应当淘汰的危及生产安全的工艺、设备", [a(38, 3)], "YJ-AQSCF-099-07", `${LAW}第三十八条第三款`),
    ]),
    record("starter-confined-space", "confined_space", "有限空间作业安全检查表", [
      ...common("YX"),
      item(
        "YX-10",
        "作业现场",
        "有限空间作业场所是否设置明显的安全警示标志（入口处警示标识）",
        [a(35)],
        "YJ-AQSCF-099-01",
        `${LAW}第三十五条；作业要求参照《工贸企业有限空间作业安全规定》（未收入法律法规库，须人工核对）`,
      ),
      item(
        "YX-11",
        "作业现场",
        "有限空间作业是否安排专门人员进行现场安全管理（监护人员在场），落实先通风、再检测、后作业",
        [a(43)],
        "YJ-AQSCF-101-03",
        `${LAW}第四十三条；作业要求参照《工贸企业有限空间作业安全规定》（未收入法律法规库，须人工核对）；${SEED3}`,
      ),
      item(
        "YX-12",
        "教育培训",
        "是否向有限空间作业人员、监护人员如实告知作业场所存在的危险因素、防范措施和应急措施",
        [a(44, 1)],
        "YJ-AQSCF-097-03",
        `${LAW}第四十四条第一款`,
      ),
      item(
        "YX-13",
        "设备设施",
        "气体检测报警仪、通风设备、呼吸防护用品等是否符合国家标准或者行业标准，并经常性维护、定期检测",
        [a(36, 1), a(36, 2)],
        "YJ-AQSCF-099-03",
        `${LAW}第三十六条第一款、第二款`,
      ),
      item(
        "YX-14",
        "应急管理",
        "是否有关闭、破坏气体监测报警等直接关系生产安全的设备设施，或者篡改、隐瞒、销毁其数据",
        [a(36, 3)],
        "YJ-AQSCF-099-04",
        `${LAW}第三十六条第三款`,
      ),
    ]),
    record("starter-dust-explosion", "dust_explosion", "粉尘涉爆企业安全检查表", [
      ...common("FC"),
      item(
        "FC-10",
        "设备设施",
        "除尘系统、防爆泄爆、隔爆抑爆等安全设备的安装、使用、检测是否符合国家标准或者行业标准",
        [a(36, 1)],
        "YJ-AQSCF-099-02",
        `${LAW}第三十六条第一款；技术要求参照《工贸企业粉尘防爆安全规定》（未收入法律法规库，须人工核对）`,
      ),
      item(
        "FC-11",
        "设备设施",
        "除尘系统等安全设备是否经常性维护、保养并定期检测，记录是否完整并签字",
        [a(36, 2)],
        "YJ-AQSCF-099-03",
        `${LAW}第三十六条第二款`,
      ),
      item("FC-12", "作业现场", "粉尘爆炸危险场所是否设置明显的安全警示标志", [a(35)], "YJ-AQSCF-099-01", `${LAW}第三十五条；${SEED3}（重点场所）`),
      item(
        "FC-13",
        "作业现场",
        "在粉尘爆炸危险场所动火、临时用电等作业是否安排专门人员进行现场安全管理",
        [a(43)],
        "YJ-AQSCF-101-03",
        `${LAW}第四十三条`,
      ),
      item("FC-14", "设备设施", "是否使用应当淘汰的危及生产安全的工艺、设备", [a(38, 3)], "YJ-AQSCF-099-07", `${LAW}第三十八条第三款`),
    ]),
    record("starter-hazardous-chemicals-use", "hazardous_chemicals", "危险化学品使用单位安全检查表", [
      ...common("WH"),
      item(
        "WH-10",
        "安全管理",
        "使用危险物品是否建立专门的安全管理制度、采取可靠的安全措施",
        [a(39, 2)],
        "YJ-AQSCF-101-01",
        `${LAW}第三十九条第二款；细则参照《危险化学品安全管理条例》（未收入法律法规库，须人工核对）`,
      ),
      item(
        "WH-11",
        "安全管理",
        "对重大危险源是否登记建档，进行定期检测、评估、监控，制定应急预案并告知应急措施",
        [a(40, 1)],
        "YJ-AQSCF-101-02",
        `${LAW}第四十条第一款`,
      ),
      item(
        "WH-12",
        "作业现场",
        "使用、储存危险物品的车间、仓库是否与员工宿舍在同一座建筑物内，或者与员工宿舍的距离不符合安全要求",
        [a(42, 1)],
        "YJ-AQSCF-105-01",
        `${LAW}第四十二条第一款；${SEED3}（要害部位）`,
      ),
      item(
        "WH-13",
        "设备设施",
        "危险物品的容器、运输工具是否经具有专业资质的机构检测、检验合格，取得安全使用证或者安全标志",
        [a(37)],
        "YJ-AQSCF-099-06",
        `${LAW}第三十七条`,
      ),
      item(
        "WH-14",
        "设备设施",
        "有无关闭、破坏可燃有毒气体监控、报警、防护、救生设备设施，或者篡改、隐瞒、销毁其数据",
        [a(36, 3)],
        "YJ-AQSCF-099-04",
        `${LAW}第三十六条第三款`,
      ),
      item(
        "WH-15",
        "教育培训",
        "危险化学品作业等特种作业人员是否经专门的安全作业培训并取得相应资格上岗",
        [a(30, 1)],
        "YJ-AQSCF-097-07",
        `${LAW}第三十条第一款`,
      ),
      item("WH-16", "作业现场", "动火、临时用电等危险作业是否安排专门人员进行现场安全管理", [a(43)], "YJ-AQSCF-101-03", `${LAW}第四十三条`),
    ]),
  ];
}
