/**
 * Demo cases: a handful of real-looking cases at 明溪县应急管理局 in every state (登记, 已决定,
 * 整改中 with a running and an overdue deadline, 办结归档, 当事人选择普通程序), decided by the
 * engine on 三明's lists as claimed by 明溪, and one at 晋江市应急管理局.
 */
import { eq } from "drizzle-orm";
import { validateUnifiedSocialCreditCode } from "@kuanyan/domain/codes";
import { addDays } from "@kuanyan/domain/dates";
import type { Tx } from "../db/client";
import type { DemoIds } from "../demo";
import { cases, caseTasks, measures } from "../db/schema";
import { recordAudit } from "../audit/record";
import { followUpPhoneFields, partyPhoneColumns } from "../pii/values";
import type { AppContext } from "../http/context";
import { loadMatterCatalogue } from "../decisions/loadDecisionContext";
import { proposeDecision } from "./evaluateCase";
import { nextCaseNo, type CaseRow } from "./shared";
import { today } from "../shared/clock";

const CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** A 统一社会信用代码 with its check character computed (GB 32100-2015). */
function creditCode(base17: string): string {
  for (const c of CODE_CHARS) if (validateUnifiedSocialCreditCode(base17 + c).ok) return base17 + c;
  throw new Error(`no check character for ${base17}`);
}

interface DemoCase {
  org: string;
  officers: string[];
  extraOfficer?: { name: string; licenceNo: string };
  party: { name: string; code: string; address: string; contact: string; phone: string; industry: string };
  matterCode: string;
  facts: string;
  place: string;
  /** Days before today. */
  actAgo: number;
  discoveredAgo: number;
  answers?: Record<string, unknown>;
  /** What happened after intake. */
  story: "intake" | "decided" | "correcting" | "overdue" | "closed" | "party_chose_ordinary" | "evaluated";
}

const MX = "明溪县应急管理局";

const demoCases: DemoCase[] = [
  {
    org: MX,
    officers: ["demo-officer", "demo-officer2"],
    party: {
      name: "明溪县恒达机械配件厂",
      code: "92350421MA2YH3K5P",
      address: "明溪县城关乡翠竹洋工业集中区3号",
      contact: "罗志勇",
      phone: "13959812760",
      industry: "general",
    },
    matterCode: "YJ-AQSCF-099-05",
    facts: "现场检查发现该厂打磨工位2名从业人员未佩戴防尘口罩，企业未为其配备符合国家标准的劳动防护用品。",
    place: "明溪县恒达机械配件厂打磨车间",
    actAgo: 6,
    discoveredAgo: 1,
    story: "intake",
  },
  {
    org: MX,
    officers: ["demo-officer", "demo-officer2"],
    party: {
      name: "福建明溪绿源竹业有限公司",
      code: "91350421MA31K8N2X",
      address: "明溪县雪峰镇城南工业园区12号",
      contact: "黄建平",
      phone: "13805983321",
      industry: "general",
    },
    matterCode: "YJ-AQSCF-097-04",
    facts: "检查发现该公司已组织新入职员工三级安全教育培训，但《安全生产教育和培训档案》未如实记录培训时间、学时和考核结果。",
    place: "福建明溪绿源竹业有限公司办公室",
    actAgo: 30,
    discoveredAgo: 12,
    answers: { firstTimeFound: true, correction: "on_spot", harm: "none", answers: { training_done_evidence: true } },
    story: "decided",
  },
  {
    org: MX,
    officers: ["demo-officer", "demo-officer2"],
    party: {
      name: "明溪县顺昌农副产品加工厂",
      code: "92350421MA2Y9P7L3",
      address: "明溪县瀚仙镇龙湖村工业路5号",
      contact: "邱美华",
      phone: "13850872145",
      industry: "general",
    },
    matterCode: "YJ-AQSCF-101-05",
    facts: "该厂未建立事故隐患排查治理制度，未开展定期隐患排查，现场未发现重大事故隐患。",
    place: "明溪县顺昌农副产品加工厂生产车间",
    actAgo: 20,
    discoveredAgo: 4,
    answers: { firstTimeFound: true, correction: "on_spot", harm: "none" },
    story: "correcting",
  },
  {
    org: MX,
    officers: ["demo-officer2", "demo-officer"],
    party: {
      name: "明溪县鑫达石材加工有限公司",
      code: "91350421MA32F6T1Q",
      address: "明溪县盖洋镇石材工业园8号",
      contact: "林国华",
      phone: "13605987712",
      industry: "general",
    },
    matterCode: "YJ-AQSCF-105-02",
    facts: "检查发现该公司员工宿舍一楼安全出口被堆放的石材半成品占用，疏散通道宽度不足。",
    place: "明溪县鑫达石材加工有限公司员工宿舍",
    actAgo: 40,
    discoveredAgo: 25,
    answers: { firstTimeFound: true, correction: "on_spot", harm: "none" },
    story: "overdue",
  },
  {
    org: MX,
    officers: ["demo-officer", "demo-officer2"],
    party: {
      name: "三明市宏发建材经营部",
      code: "92350421MA2XQ4R8M",
      address: "明溪县雪峰镇解放路66号",
      contact: "张永福",
      phone: "13959806653",
      industry: "general",
    },
    matterCode: "YJ-AQSCF-097-01",
    facts: "该经营部从业人员11人，未按照规定配备专职或者兼职安全生产管理人员。",
    place: "三明市宏发建材经营部门店及仓库",
    actAgo: 80,
    discoveredAgo: 60,
    answers: { firstTimeFound: true, harm: "none" },
    story: "closed",
  },
  {
    org: MX,
    officers: ["demo-officer2", "demo-officer"],
    party: {
      name: "明溪县金山矿业有限公司",
      code: "91350421MA33B2W7C",
      address: "明溪县夏阳乡旦上村",
      contact: "吴德明",
      phone: "13706985530",
      industry: "mining",
    },
    matterCode: "YJ-AQSCF-097-05",
    facts: "该公司未将2026年第一季度事故隐患排查治理情况向从业人员通报。",
    place: "明溪县金山矿业有限公司办公区",
    actAgo: 15,
    discoveredAgo: 8,
    answers: { firstTimeFound: true, correction: "on_spot", harm: "none" },
    story: "party_chose_ordinary",
  },
  {
    org: "晋江市应急管理局",
    officers: ["demo-officer-jj"],
    extraOfficer: { name: "洪志远", licenceNo: "35058220260002" },
    party: {
      name: "晋江市安海恒昌鞋材有限公司",
      code: "91350582MA34D8H5R",
      address: "晋江市安海镇前蔡工业区18号",
      contact: "施清泉",
      phone: "13905951188",
      industry: "general",
    },
    matterCode: "YJ-AQSCF-097-04",
    facts: "该公司未如实记录2026年度新员工安全生产教育和培训情况。",
    place: "晋江市安海恒昌鞋材有限公司",
    actAgo: 10,
    discoveredAgo: 3,
    answers: { firstTimeFound: true, harm: "none", correction: "pending" },
    story: "evaluated",
  },
];

export async function seedDemo(ctx: AppContext, tx: Tx, ids: DemoIds): Promise<void> {
  const now = today(ctx);
  const catalogue = await loadMatterCatalogue(tx);
  for (const d of demoCases) {
    const org = ids.orgs.get(d.org);
    const matter = catalogue.get(d.matterCode);
    if (!org || !matter) continue;
    const officers = d.officers.map((u) => ids.users.get(u)!).filter(Boolean);
    const actor = { userId: officers[0].id, displayName: officers[0].displayName, ip: "" };
    const licence = (username: string) =>
      username === "demo-officer" ? "35042120260001" : username === "demo-officer2" ? "35042120260002" : "35058220260001";
    const inspectionOfficers = [
      ...d.officers.map((u) => ({ id: ids.users.get(u)!.id, name: ids.users.get(u)!.displayName, licenceNo: licence(u) })),
      ...(d.extraOfficer ? [{ id: null, ...d.extraOfficer }] : []),
    ];
    const discoveredOn = addDays(now, -d.discoveredAgo);
    const audit = (c: CaseRow, action: string, after: Record<string, unknown>) =>
      recordAudit(tx, actor, { action, entityType: "case", entityId: c.id, organisationId: c.organisationId, regionCode: c.regionCode, after });

    const [row] = await tx
      .insert(cases)
      .values({
        regionCode: org.regionCode,
        organisationId: org.id,
        caseNo: await nextCaseNo(tx, org.id, org.regionCode, Number(now.slice(0, 4))),
        status: "intake",
        partyType: "enterprise",
        partyName: d.party.name,
        partyCreditCode: creditCode(d.party.code),
        partyAddress: d.party.address,
        partyContact: d.party.contact,
        ...partyPhoneColumns(d.party.phone),
        industryCategory: d.party.industry,
        matterCode: matter.code,
        matterName: matter.name,
        facts: d.facts,
        actDate: addDays(now, -d.actAgo),
        discoveredOn,
        circumstances: { continuing: false },
        inspection: {
          date: discoveredOn,
          place: d.place,
          officerIds: inspectionOfficers.map((o) => o.id).filter(Boolean),
          officers: inspectionOfficers,
        },
        isDemo: true,
        createdBy: actor.userId,
      })
      .returning();
    let c = row;
    await audit(c, "case.opened", { caseNo: c.caseNo, partyName: c.partyName, matterCode: c.matterCode });
    if (d.story === "intake") continue;

    const update = async (changes: Partial<CaseRow>) => {
      [c] = await tx
        .update(cases)
        .set({ ...changes, lockVersion: c.lockVersion + 1 })
        .where(eq(cases.id, c.id))
        .returning();
    };
    const task = (kind: string, dueOn: string, doneOn?: string, result?: unknown) =>
      tx.insert(caseTasks).values({
        regionCode: c.regionCode,
        organisationId: c.organisationId,
        caseId: c.id,
        kind,
        dueOn,
        doneOn: doneOn ?? null,
        doneBy: doneOn ? actor.userId : null,
        result: result ?? null,
      });
    const measure = (method: string, on: string, writtenRecord: string) =>
      tx.insert(measures).values({
        regionCode: c.regionCode,
        organisationId: c.organisationId,
        caseId: c.id,
        method,
        carriedOutOn: on,
        writtenRecord,
        isDemo: true,
        createdBy: actor.userId,
      });

    // Correction ordered at the inspection.
    if (d.story === "closed") {
      const due = addDays(discoveredOn, 15);
      await update({ correctionDue: due });
      await audit(c, "case.correction_ordered", { correctionDue: due, requirements: "限期整改并报送整改情况" });
      const correctedOn = addDays(discoveredOn, 10);
      await task("reinspection", due, correctedOn, { corrected: true, correctedOn, notes: "已配备兼职安全生产管理人员并出具任命文件" });
      await update({ correctedOn });
      await audit(c, "case.reinspected", { corrected: true, correctedOn });
    }

    const decisionDate = d.story === "closed" ? addDays(discoveredOn, 11) : d.story === "overdue" ? addDays(now, -14) : now;
    const extra = { continuing: false, answers: d.answers as never };
    const proposal = await proposeDecision(tx, c, decisionDate, extra);
    await update({
      circumstances: extra,
      decision: proposal.decision,
      proposedOutcome: proposal.decision.outcome,
      listVersionId: proposal.listVersionId,
      listItemSeq: proposal.listItemSeq,
    });
    await audit(c, "case.evaluated", { outcome: proposal.decision.outcome, reasons: proposal.decision.reasons });

    if (d.story === "party_chose_ordinary") {
      const statement = "当事人表示对检查认定的事实有异议，要求按一般程序调查处理";
      await update({
        partyChoice: "ordinary_procedure",
        route: "ordinary",
        status: "transferred",
        routeDetail: { kind: "party_chose_ordinary", statement },
        terminationReason: `当事人要求适用普通程序，终止柔性执法：${statement}`,
      });
      await audit(c, "case.party_chose_ordinary", { statement });
      continue;
    }
    if (d.story === "evaluated") continue;

    // decided / closed
    const outcome = proposal.decision.outcome === "may_waive" ? "no_penalty" : proposal.decision.outcome;
    await update({
      status: "decided",
      route: "caution",
      partyChoice: "accept_soft",
      decidedOutcome: outcome,
      decidedBy: actor.userId,
      decidedOn: decisionDate,
    });
    await audit(c, "case.decided", { proposedOutcome: proposal.decision.outcome, decidedOutcome: outcome });
    if (d.story === "decided") continue;

    if (d.story === "correcting" || d.story === "overdue") {
      // Corrected on the spot; a 责令限期改正 for the lasting fix keeps the case open.
      const due = d.story === "correcting" ? addDays(now, 10) : addDays(now, -3);
      await measure("administrativeWarning", decisionDate, "现场制作行政告诫书，告知企业限期整改的要求及逾期不改的法律后果。");
      await audit(c, "case.measure_recorded", { method: "administrativeWarning" });
      await task("reinspection", due);
      await update({ status: "in_progress", correctionDue: due });
      await audit(c, "case.correction_ordered", { correctionDue: due, requirements: "限期建立并落实相关安全管理制度，报送整改情况" });
      continue;
    }

    await measure("persuasion", decisionDate, "对企业负责人进行说服教育，讲解《安全生产法》关于配备安全生产管理人员的规定。");
    await measure("administrativeWarning", decisionDate, "送达行政告诫书，要求企业建立安全生产管理人员履职记录。");
    const visited = addDays(decisionDate, 20);
    const form = {
      visitedOn: visited,
      responsiblePerson: d.party.contact,
      visitor: officers.map((o) => o.displayName.replace(/（.*）/, "")).join("、"),
      execution: "企业已配备兼职安全生产管理人员，建立了安全管理台账，违法行为已改正。",
      conductEvaluation: "satisfied",
      conductEvaluationLabel: "满意",
      conductComment: "执法人员依法办案、态度和蔼，无吃拿卡要现象",
      suggestions: "希望多组织小微企业安全生产培训",
      signedBy: d.party.contact,
      ...followUpPhoneFields(d.party.phone),
    };
    await task("follow_up", visited, visited, form);
    await measure("followUpVisit", visited, `行政执法案件回访登记表（${c.caseNo}）：${form.execution}；对办案人员的评价：满意`);
    await update({ status: "closed", closedAt: new Date(`${addDays(visited, 2)}T09:00:00+08:00`) });
    await audit(c, "case.closed", {});
  }
}
