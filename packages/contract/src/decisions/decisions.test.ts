// The decision input's one schema: what the hand-written validator checked, now checked by zod
// with the same Chinese messages, field by field.
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "@kuanyan/domain/errors";
import { buildDecisionIndex, evaluateDecision, type DecisionInput } from "@kuanyan/domain/decisions";
import { sanmingLists } from "@kuanyan/domain/lists";
import { fixtureLookup } from "../../../domain/src/decisions/provisions.test-support";
import { parseDecisionInput, validateDecisionInput, ZDecision, ZDecisionRequest } from "./index";

const valid: DecisionInput = {
  organisationId: "sanming-yjj",
  decisionDate: "2023-03-01",
  matter: {
    code: "YJ-AQSCF-097-04",
    name: "生产经营单位未如实记录安全生产教育和培训情况",
    fineRange: { minYuan: 0, maxYuan: 100000 },
    penaltyText: "责令限期改正，处十万元以下的罚款",
  },
  subject: { kind: "enterprise", industryCategory: "general" },
  act: { date: "2023-01-10", discoveredOn: "2023-02-01" },
  circumstances: { firstTimeFound: true, correction: "within_deadline", harm: "none", answers: { training_done_evidence: true } },
};
const individual: DecisionInput = {
  kind: "penalty",
  organisationId: "sanming-yjj",
  decisionDate: "2023-03-01",
  matter: {
    code: "YJ-YJYA-PS",
    name: "未按照规定开展应急预案评审",
    fineRange: { minYuan: 10000, maxYuan: 30000 },
    lifeHealthOrFinancialSafety: true,
    penaltyBasis: [{ law: "中华人民共和国行政处罚法", article: 5, paragraph: 2 }],
  },
  subject: { kind: "individual", birthDate: "2007-05-01", mentalCapacity: "full", industryCategory: "general" },
  act: { date: "2022-12-01", discoveredOn: "2023-01-05", continuing: true, endDate: "2022-12-20" },
  emergency: { violatesEmergencyMeasures: false },
  circumstances: { proactiveElimination: true, coercedOrDeceived: false, priorViolationDates: ["2020-02-29"], correction: "on_spot" },
};

const errorsOf = (patch: Record<string, unknown>, base: DecisionInput = valid) => validateDecisionInput({ ...base, ...patch });

describe("决策输入（zod）", () => {
  it("有效的输入没有错误，解析后与输入相同", () => {
    expect(validateDecisionInput(valid)).toEqual([]);
    expect(validateDecisionInput(individual)).toEqual([]);
    expect(parseDecisionInput(individual)).toEqual(individual);
  });

  it("不是对象", () => {
    expect(validateDecisionInput("决定")).toEqual([{ field: "", message: "决策输入必须是一个对象" }]);
    expect(validateDecisionInput(null)).toEqual([{ field: "", message: "决策输入必须是一个对象" }]);
  });

  it("缺少必填项：请填写……", () => {
    const { decisionDate: _d, ...noDate } = valid;
    expect(validateDecisionInput(noDate)).toContainEqual({ field: "decisionDate", message: "请填写决定日期" });
    expect(errorsOf({ act: { date: "2023-01-10" } })).toContainEqual({ field: "act.discoveredOn", message: "请填写发现日期" });
    expect(errorsOf({ matter: { code: "X" } })).toContainEqual({ field: "matter.name", message: "请填写事项名称" });
    expect(errorsOf({ organisationId: " " })).toContainEqual({ field: "organisationId", message: "请指定作出决定的执法主体" });
    expect(errorsOf({ matter: undefined })).toContainEqual({ field: "matter", message: "请选择执法事项" });
    expect(errorsOf({ circumstances: undefined })).toContainEqual({ field: "circumstances", message: "请填写违法情节" });
  });

  it("日期须为真实日历日期（含闰日）", () => {
    expect(errorsOf({ decisionDate: "1.3.2023" })).toContainEqual({ field: "decisionDate", message: "决定日期不是有效日期（应为YYYY-MM-DD）" });
    expect(errorsOf({ decisionDate: "2023-02-29" })).toContainEqual({ field: "decisionDate", message: "决定日期不是有效日期（应为YYYY-MM-DD）" });
    expect(errorsOf({ circumstances: { priorViolationDates: ["2021-02-29"] } })).toContainEqual({
      field: "circumstances.priorViolationDates.0",
      message: "此前违法日期必须是日期列表（YYYY-MM-DD）",
    });
  });

  it("取值不在范围内", () => {
    expect(errorsOf({ kind: "fine" })).toContainEqual({ field: "kind", message: "决策类型只能是处罚（penalty）或行政强制（compulsion）" });
    expect(errorsOf({ subject: { kind: "company" } })).toContainEqual({
      field: "subject.kind",
      message: "当事人类型只能是单位（enterprise）或个人（individual）",
    });
    expect(errorsOf({ circumstances: { harm: "some" } })).toContainEqual({
      field: "circumstances.harm",
      message: "危害后果只能是没有、轻微或者严重",
    });
    expect(errorsOf({ circumstances: { correction: "later" } })).toContainEqual({ field: "circumstances.correction", message: "改正情况取值无效" });
    expect(errorsOf({ circumstances: { firstOffence: "是" } })).toContainEqual({ field: "circumstances.firstOffence", message: "只能填是或否" });
    expect(errorsOf({ circumstances: { answers: { q: 1 } } })).toContainEqual({
      field: "circumstances.answers.q",
      message: "清单问题的回答只能是是或否",
    });
    expect(errorsOf({ subject: { kind: "individual", ageAtAct: 151 } })).toContainEqual({
      field: "subject.ageAtAct",
      message: "违法时年龄应为0到150之间的整数（周岁）",
    });
    expect(errorsOf({ matter: { ...valid.matter, fineRange: { minYuan: 500, maxYuan: 100 } } })).toContainEqual({
      field: "matter.fineRange",
      message: "罚款幅度无效：最低额和最高额须为非负数，且最低额不大于最高额",
    });
  });

  it("未知字段逐个列出", () => {
    expect(errorsOf({ unknown: true })).toEqual([{ field: "unknown", message: "未知字段“unknown”" }]);
    expect(errorsOf({ act: { ...valid.act, place: "三明" } })).toEqual([{ field: "act.place", message: "未知字段“act.place”" }]);
  });

  it("字段之间的规则：日期先后、单位不填年龄、终了日期只用于连续行为", () => {
    expect(errorsOf({ act: { date: "2023-02-01", discoveredOn: "2023-01-01" } })).toContainEqual({
      field: "act.discoveredOn",
      message: "发现日期不能早于违法行为发生日期",
    });
    expect(errorsOf({ decisionDate: "2023-01-15" })).toContainEqual({ field: "decisionDate", message: "决定日期不能早于发现日期" });
    expect(errorsOf({ decisionDate: "2023-01-01" })).toContainEqual({ field: "decisionDate", message: "决定日期不能早于违法行为发生日期" });
    expect(errorsOf({ act: { ...valid.act, endDate: "2023-01-20" } })).toContainEqual({
      field: "act.endDate",
      message: "只有连续或者继续状态的违法行为才填写行为终了日期",
    });
    expect(errorsOf({ act: { ...individual.act, endDate: "2022-11-01" } }, individual)).toContainEqual({
      field: "act.endDate",
      message: "行为终了日期不能早于违法行为发生日期",
    });
    expect(errorsOf({ subject: { kind: "enterprise", ageAtAct: 30 } })).toContainEqual({
      field: "subject",
      message: "单位当事人不应填写年龄或精神状况",
    });
    expect(errorsOf({ subject: { ...individual.subject, birthDate: "2023-01-01" } }, individual)).toContainEqual({
      field: "subject.birthDate",
      message: "出生日期不能晚于违法行为发生日期",
    });
  });

  it("parseDecisionInput 抛出输入错误（400），消息为中文，逐字段说明", () => {
    try {
      parseDecisionInput({ ...valid, act: { date: "2023-02-01", discoveredOn: "2023-01-01" } });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidInputError);
      expect((e as InvalidInputError).message).toBe("输入有误：发现日期不能早于违法行为发生日期");
      expect((e as InvalidInputError).details).toEqual([{ field: "act.discoveredOn", message: "发现日期不能早于违法行为发生日期" }]);
    }
  });

  it("接口请求可只给事项编码（名称从事项目录补全）", () => {
    expect(ZDecisionRequest.safeParse({ ...valid, matter: { code: "YJ-AQSCF-097-04" } }).success).toBe(true);
    expect(validateDecisionInput({ ...valid, matter: { code: "YJ-AQSCF-097-04" } })).toContainEqual({
      field: "matter.name",
      message: "请填写事项名称",
    });
  });
});

describe("决策结果（zod，接口响应）", () => {
  it("引擎的结果按响应模式序列化后一字不少", () => {
    const context = { index: buildDecisionIndex({ lists: sanmingLists() }), lookup: fixtureLookup };
    for (const input of [valid, individual]) {
      const decision = JSON.parse(JSON.stringify(evaluateDecision(parseDecisionInput(input), context)));
      expect(ZDecision.parse(decision)).toEqual(decision);
    }
  });
});
