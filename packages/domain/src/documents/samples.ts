import { addDays } from "../dates/index";
import { BUILT_IN_TEMPLATES } from "./templates";
import type { DocumentType, FieldValues } from "./types";

/**
 * Values of a demo case (a fictitious company in 明溪县) for every field of the built-in templates:
 * used by tests, the benchmark and the demo data. Dates are given relative to nothing: the caller
 * passes `today`, deadlines fall after it.
 */
export function sampleValues(type: DocumentType, today = "2026-11-25"): FieldValues {
  const plus = (days: number) => addDays(today, days);
  const all: Record<string, string> = {
    organisationName: "明溪县应急管理局",
    documentNumber: `明应急${BUILT_IN_TEMPLATES[type].typeShort}〔${today.slice(0, 4)}〕3号`,
    issueDate: today,
    partyName: "明溪县宏达木业有限公司",
    partyIdNumber: "91350421MA2Y8K7Q3L",
    partyAddress: "福建省三明市明溪县城关乡工业园区8号",
    partyRepresentative: "林建华",
    partyPhone: "0598-2812345",
    caseNumber: `明应急案〔${today.slice(0, 4)}〕18号`,
    handlingUnit: "明溪县应急管理局执法大队",
    handlingOfficer: "陈明、黄丽",
    facts: "建立了事故隐患排查治理制度并开展了隐患排查治理工作，但未将事故隐患排查治理情况向从业人员通报",
    evidence: "现场检查记录、隐患排查治理台账、询问笔录",
    provisionCitations: "《中华人民共和国安全生产法》第四十一条第二款",
    provisionText: "“事故隐患排查治理情况应当如实记录，并通过职工大会或者职工代表大会、信息公示栏等方式向从业人员通报”",
    violatedProvisions: "《中华人民共和国安全生产法》第四十一条第二款",
    noPenaltyBasis: "《中华人民共和国行政处罚法》第三十三条第一款、第五十七条第一款第（二）项",
    listName: "《三明市应急管理局不予处罚事项清单》第1项",
    dueDate: plus(15),
    appointmentTime: `${plus(6)}T09:30`,
    appointmentPlace: "明溪县应急管理局三楼会议室",
    rescheduleDeadline: `${plus(5)}T17:00`,
    contactPerson: "陈明",
    contactPhone: "0598-2823456",
    guidance: "建立事故隐患排查治理情况定期通报制度，每月通过职工大会或者信息公示栏向从业人员通报一次",
    advice: "完善事故隐患排查治理情况通报制度，明确通报的责任人、方式和周期",
    additionalAdvice: "组织从业人员学习事故隐患排查治理制度，提高全员安全生产意识",
    riskBehaviour: "未向从业人员通报事故隐患排查治理情况",
    mitigatingCircumstances: "你（单位）属于首次被发现，已及时改正，没有造成危害后果",
    educationRequirements: "认真学习安全生产法律法规，落实事故隐患排查治理制度，杜绝同类违法行为再次发生",
    correctionMeasures: "通过信息公示栏向从业人员通报本年度事故隐患排查治理情况",
    correctionRequirements: "通过职工大会或者信息公示栏向从业人员通报事故隐患排查治理情况，并将通报记录报送本机关",
    orderBasis: "《中华人民共和国行政处罚法》第二十八条第一款",
    reconsiderationBody: "明溪县人民政府",
    court: "明溪县人民法院",
    visitor: "黄丽",
    executionStatus: "已按要求向从业人员通报事故隐患排查治理情况，违法行为已改正",
    followUpMeasures: "无",
    procedureOpinion: "执法人员出示证件，依照法定程序办案，廉洁执法",
    partySuggestions: "希望多开展安全生产法律法规培训",
    deliveredDocument: `行政告诫书（明应急告〔${today.slice(0, 4)}〕3号）`,
    delivererName: "陈明、黄丽",
    recipientName: "林建华",
    deliveredAt: `${today}T10:20`,
    deliveryPlace: "明溪县宏达木业有限公司办公室",
    deliveryMethod: "直接送达",
    witnesses: "",
    remarks: "",
  };
  const out: Record<string, string> = {};
  for (const f of BUILT_IN_TEMPLATES[type].fields) out[f.key] = all[f.key] ?? "";
  return out;
}
