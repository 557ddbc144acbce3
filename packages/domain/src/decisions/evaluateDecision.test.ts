import { describe, expect, it } from "vitest";
import type { Condition, ConditionFacts } from "../lists/conditions";
import { applyListTransition } from "../lists/lifecycle";
import { sanmingLists } from "../lists/seed/sanming";
import type { Claim, ListItem, ListRecord } from "../lists/types";
import { buildDecisionIndex } from "./decisionIndex";
import { evaluateDecision, type DecisionContext } from "./evaluateDecision";
import { fixtureLookup } from "./provisions.test-support";
import { DecisionBasisError } from "./statutes";
import type { Decision, DecisionInput } from "./types";

const SM = "sanming-yjj";
const sanming = sanmingLists();
const context: DecisionContext = { index: buildDecisionIndex({ lists: sanming }), lookup: fixtureLookup };
const emptyContext: DecisionContext = { index: buildDecisionIndex({ lists: [] }), lookup: fixtureLookup };

const matter097_04 = {
  code: "YJ-AQSCF-097-04",
  name: "生产经营单位未如实记录安全生产教育和培训情况",
  fineRange: { minYuan: 0, maxYuan: 100000 },
  penaltyText: "责令限期改正，处十万元以下的罚款",
};

function input(over: Partial<DecisionInput> = {}, circumstances: DecisionInput["circumstances"] = {}): DecisionInput {
  return {
    organisationId: SM,
    decisionDate: "2023-03-01",
    matter: { code: "X-UNLISTED", name: "未列入清单的事项", fineRange: { minYuan: 20000, maxYuan: 50000 } },
    subject: { kind: "enterprise", industryCategory: "general" },
    act: { date: "2023-01-10", discoveredOn: "2023-02-01" },
    ...over,
    circumstances,
  };
}

function texts(d: Decision): string[] {
  return d.basis.map((b) => b.text);
}

function cited(d: Decision): string[] {
  return d.basis.map((b) => b.cited + (b.part ?? ""));
}

describe("statutory rules of 行政处罚法", () => {
  it("第三十条: 不满十四周岁的未成年人有违法行为的，不予行政处罚", () => {
    const d = evaluateDecision(
      input({ subject: { kind: "individual", birthDate: "2009-01-11" }, act: { date: "2023-01-10", discoveredOn: "2023-02-01" } }),
      emptyContext,
    );
    expect(d.outcome).toBe("no_penalty");
    expect(texts(d)[0]).toContain("不满十四周岁的未成年人有违法行为的，不予行政处罚，责令监护人加以管教");
    expect(cited(d)).toContain("《中华人民共和国行政处罚法》第三十条");
  });

  it("第三十条: 已满十四周岁不满十八周岁 → 应当从轻或者减轻 (lighter or mitigated, a fine remains)", () => {
    const d = evaluateDecision(input({ subject: { kind: "individual", birthDate: "2009-01-10" } }), emptyContext);
    expect(d.outcome).toBe("lighter");
    expect(d.permittedOutcomes).toEqual(["lighter", "mitigated"]);
    expect(texts(d)[0]).toContain("已满十四周岁不满十八周岁的未成年人有违法行为的，应当从轻或者减轻行政处罚");
    expect(d.fine).toMatchObject({ minYuan: 20000, maxYuan: 50000 });
  });

  it("第三十条: an adult of 18 gets no leniency for age; an unknown age is asked", () => {
    const adult = evaluateDecision(input({ subject: { kind: "individual", ageAtAct: 18 } }), emptyContext);
    expect(adult.outcome).toBe("ordinary");
    const unknown = evaluateDecision(input({ subject: { kind: "individual" } }), emptyContext);
    expect(unknown.questions.map((q) => q.key)).toContain("subject.ageAtAct");
    expect(unknown.firm).toBe(false);
  });

  it("第三十一条: 不能辨认或者不能控制自己行为时 → 不予; 尚未完全丧失 → 可以从轻或者减轻", () => {
    const unable = evaluateDecision(input({ subject: { kind: "individual", ageAtAct: 40, mentalCapacity: "unable" } }), emptyContext);
    expect(unable.outcome).toBe("no_penalty");
    expect(texts(unable)[0]).toContain("精神病人、智力残疾人在不能辨认或者不能控制自己行为时有违法行为的，不予行政处罚");
    const partial = evaluateDecision(input({ subject: { kind: "individual", ageAtAct: 40, mentalCapacity: "partial" } }), emptyContext);
    expect(partial.outcome).toBe("lighter");
    expect(partial.permittedOutcomes).toEqual(["lighter", "mitigated", "ordinary"]);
    const lucid = evaluateDecision(input({ subject: { kind: "individual", ageAtAct: 40, mentalCapacity: "intermittent_lucid" } }), emptyContext);
    expect(lucid.outcome).toBe("ordinary");
    expect(lucid.warnings.join()).toContain("间歇性精神病人在精神正常时有违法行为的，应当给予行政处罚");
  });

  it("第三十二条: 主动消除或者减轻违法行为危害后果的 → 应当从轻或者减轻, citing the article and its item (一)", () => {
    const d = evaluateDecision(input({}, { proactiveElimination: true }), emptyContext);
    expect(d.outcome).toBe("lighter");
    expect(d.permittedOutcomes).toEqual(["lighter", "mitigated"]);
    expect(cited(d)).toEqual(["《中华人民共和国行政处罚法》第三十二条", "《中华人民共和国行政处罚法》第三十二条第（一）项"]);
    expect(texts(d)[1]).toBe("（一）主动消除或者减轻违法行为危害后果的；");
    expect(evaluateDecision(input({}, { coercedOrDeceived: true }), emptyContext).basis[1].text).toContain("受他人胁迫或者诱骗");
  });

  it("第三十三条第一款前段: 违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚", () => {
    const d = evaluateDecision(input({}, { minorViolation: true, correction: "on_spot", harm: "none" }), emptyContext);
    expect(d.outcome).toBe("no_penalty");
    expect(d.basis[0]).toMatchObject({
      cited: "《中华人民共和国行政处罚法》第三十三条第一款",
      part: "前段",
      text: "违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。",
    });
    // and the duty to educate, 第三十三条第三款
    expect(texts(d)).toContain("对当事人的违法行为依法不予行政处罚的，行政机关应当对当事人进行教育。");
    expect(d.measures).toContain("persuasion");
    // any harm fails it
    expect(evaluateDecision(input({}, { minorViolation: true, correction: "on_spot", harm: "minor" }), emptyContext).outcome).not.toBe("no_penalty");
  });

  it("第三十三条第一款后段: 初次违法且危害后果轻微并及时改正的，可以不予行政处罚 (may waive)", () => {
    const d = evaluateDecision(input({}, { firstOffence: true, harm: "minor", correction: "within_deadline" }), emptyContext);
    expect(d.outcome).toBe("may_waive");
    expect(d.permittedOutcomes).toEqual(["no_penalty", "ordinary"]);
    expect(d.basis[0]).toMatchObject({ part: "后段", text: "初次违法且危害后果轻微并及时改正的，可以不予行政处罚。" });
    expect(d.fine?.guidance).toContain("如决定给予处罚");
    expect(evaluateDecision(input({}, { firstOffence: true, harm: "minor", correction: "after_deadline" }), emptyContext).outcome).toBe("ordinary");
  });

  it("第三十三条第二款: 当事人有证据足以证明没有主观过错的，不予行政处罚", () => {
    const d = evaluateDecision(input({}, { noSubjectiveFault: true, harm: "serious" }), emptyContext);
    expect(d.outcome).toBe("no_penalty");
    expect(d.basis[0]).toMatchObject({ cited: "《中华人民共和国行政处罚法》第三十三条第二款" });
    expect(d.basis[0].text).toContain("当事人有证据足以证明没有主观过错的，不予行政处罚");
  });
});

describe("第三十六条: time limits", () => {
  const base = (act: DecisionInput["act"], harm?: "none" | "minor", lhs?: boolean) =>
    evaluateDecision(
      input({ act, decisionDate: act.discoveredOn, matter: { code: "X", name: "x", lifeHealthOrFinancialSafety: lhs } }, harm ? { harm } : {}),
      emptyContext,
    );

  it("违法行为在二年内未被发现的，不再给予行政处罚 — the last day of the two years still counts", () => {
    expect(base({ date: "2020-01-10", discoveredOn: "2022-01-10" }, "none", false).outcome).not.toBe("time_barred");
    const d = base({ date: "2020-01-10", discoveredOn: "2022-01-11" }, "none", false);
    expect(d.outcome).toBe("time_barred");
    expect(d.outcomeLabel).toBe("不再给予行政处罚（超过时效）");
    expect(texts(d)[0]).toContain("违法行为在二年内未被发现的，不再给予行政处罚");
  });

  it("涉及公民生命健康安全、金融安全且有危害后果的，上述期限延长至五年", () => {
    expect(base({ date: "2020-01-10", discoveredOn: "2023-06-01" }, "minor", true).outcome).not.toBe("time_barred");
    expect(base({ date: "2020-01-10", discoveredOn: "2025-01-11" }, "minor", true).outcome).toBe("time_barred");
    // without harmful consequences the two years apply
    expect(base({ date: "2020-01-10", discoveredOn: "2023-06-01" }, "none", true).outcome).toBe("time_barred");
    // not life/health/financial safety: two years even with harm
    expect(base({ date: "2020-01-10", discoveredOn: "2023-06-01" }, "minor", false).outcome).toBe("time_barred");
  });

  it("when the harm is unknown between two and five years, the outcome is not firm and asks about the harm", () => {
    const d = base({ date: "2020-01-10", discoveredOn: "2023-06-01" }, undefined, true);
    expect(d.outcome).not.toBe("time_barred");
    expect(d.firm).toBe(false);
    expect(d.questions.map((q) => q.key)).toContain("circumstances.harm");
  });

  it("违法行为有连续或者继续状态的，从行为终了之日起计算", () => {
    // begun in 2018 but ended 2021-06-01: discovered within two years of the end
    expect(base({ date: "2018-01-01", continuing: true, endDate: "2021-06-01", discoveredOn: "2023-05-01" }, "none", false).outcome).not.toBe(
      "time_barred",
    );
    const barred = base({ date: "2018-01-01", continuing: true, endDate: "2020-01-01", discoveredOn: "2022-02-01" }, "none", false);
    expect(barred.outcome).toBe("time_barred");
    expect(texts(barred)[1]).toBe("前款规定的期限，从违法行为发生之日起计算；违法行为有连续或者继续状态的，从行为终了之日起计算。");
    // still continuing: the period has not started
    expect(base({ date: "2015-01-01", continuing: true, discoveredOn: "2023-05-01" }, "none", false).outcome).not.toBe("time_barred");
  });
});

describe("行政强制法 第十六条第二款 (compulsion)", () => {
  it("违法行为情节显著轻微或者没有明显社会危害的，可以不采取行政强制措施", () => {
    const d = evaluateDecision(input({ kind: "compulsion" }, { significantlyMinor: true }), emptyContext);
    expect(d.outcome).toBe("no_compulsion");
    expect(d.permittedOutcomes).toEqual(["no_compulsion", "ordinary"]);
    expect(d.basis[0].text).toBe("违法行为情节显著轻微或者没有明显社会危害的，可以不采取行政强制措施。");
    const ordinary = evaluateDecision(input({ kind: "compulsion" }, { significantlyMinor: false, noObviousSocialHarm: false }), emptyContext);
    expect(ordinary.outcome).toBe("ordinary");
    expect(ordinary.basis[0].cited).toBe("《中华人民共和国行政强制法》第十六条第一款");
    expect(ordinary.fine).toBeNull();
  });

  it("三明's 不予行政强制 list is empty: the statute alone decides", () => {
    const d = evaluateDecision(input({ kind: "compulsion", matter: matter097_04 }, { noObviousSocialHarm: true }), context);
    expect(d.listItem).toBeNull();
    expect(d.outcome).toBe("no_compulsion");
  });
});

const item4Facts = { firstTimeFound: true, correction: "within_deadline" as const, harm: "none" as const, answers: { training_done_evidence: true } };

describe("exclusions", () => {
  it("high-risk industries (矿山、危化品、金属冶炼、建筑施工、道路运输) are not 一般行业生产经营单位", () => {
    for (const industryCategory of ["mining", "hazardous_chemicals", "metallurgy", "construction", "road_transport"]) {
      const d = evaluateDecision(input({ matter: matter097_04, subject: { kind: "enterprise", industryCategory } }, item4Facts), context);
      expect(d.listItem).toBeNull();
      expect(d.outcome).toBe("ordinary");
    }
  });

  it("重大事故隐患除外 (item 1)", () => {
    const facts = { firstTimeFound: true, correction: "on_spot" as const, harm: "none" as const, answers: { hazard_check_evidence: true } };
    const m = { code: "YJ-AQSCF-097-05", name: "未向从业人员通报事故隐患排查治理情况" };
    expect(evaluateDecision(input({ matter: m }, { ...facts, majorHazard: false }), context).listItem?.seq).toBe(1);
    const major = evaluateDecision(input({ matter: m }, { ...facts, majorHazard: true }), context);
    expect(major.listItem).toBeNull();
    expect(major.trace.find((t) => t.rule.endsWith(":1"))?.conditions.find((c) => c.description === "不属于重大事故隐患")?.result).toBe("failed");
  });

  it("during an emergency, violations of emergency measures get no soft enforcement (seed 001): 柔性执法不适用, 行政处罚法 第四十九条", () => {
    const d = evaluateDecision(input({ matter: matter097_04, emergency: { violatesEmergencyMeasures: true } }, item4Facts), context);
    expect(d.outcome).toBe("not_applicable");
    expect(d.listItem).toBeNull();
    expect(texts(d)[0]).toContain("行政机关对违反突发事件应对措施的行为，依法快速、从重处罚");
    expect(d.policyBasis[0].text).toContain("对违反突发事件应对措施的行为，不适用柔性执法");
    expect(d.trace.find((t) => t.listItem)?.skipped).toBe("突发事件期间违反突发事件应对措施，不适用柔性执法");
    // discretionary statutory leniency is excluded too
    expect(
      evaluateDecision(
        input({ emergency: { violatesEmergencyMeasures: true } }, { firstOffence: true, harm: "minor", correction: "on_spot" }),
        context,
      ).outcome,
    ).toBe("not_applicable");
  });

  it("exploiting an emergency (seed 004) likewise excludes soft enforcement", () => {
    const d = evaluateDecision(input({ matter: matter097_04, emergency: { exploitsEmergency: true } }, item4Facts), context);
    expect(d.outcome).toBe("not_applicable");
    expect(d.policyBasis[0].document).toContain("沙坪坝区");
  });

  it("the statute still binds during an emergency: a child under 14 is not punished", () => {
    const d = evaluateDecision(input({ subject: { kind: "individual", ageAtAct: 12 }, emergency: { violatesEmergencyMeasures: true } }), context);
    expect(d.outcome).toBe("no_penalty");
    expect(d.reasons.join()).toContain("不适用柔性执法");
  });
});

describe("precedence between lists and statute", () => {
  const plan = { code: "YJ-YJYA-PS", name: "未按照规定开展应急预案评审", fineRange: { minYuan: 10000, maxYuan: 30000 } };
  const planFacts = { firstTimeFound: true, correction: "on_spot" as const, proactiveElimination: true, answers: { plan_prepared: true } };

  it("a list item (减轻) beats the statute's 从轻或者减轻 (第三十二条) and names the list item", () => {
    const d = evaluateDecision(input({ matter: plan }, planFacts), context);
    expect(d.outcome).toBe("mitigated");
    expect(d.listItem).toMatchObject({ listId: "sanming-yjj-mitigated", version: 1, seq: 1 });
    expect(d.fine?.guidance).toBe("在法定最低罚款数额（10000元）以下处罚，即减轻处罚。");
  });

  it("the statute's mandatory 不予处罚 beats a list's 减轻", () => {
    const d = evaluateDecision(input({ matter: plan }, { ...planFacts, minorViolation: true, harm: "none" }), context);
    expect(d.outcome).toBe("no_penalty");
    expect(d.listItem).toBeNull();
    expect(d.basis[0].part).toBe("前段");
    expect(d.trace.find((t) => t.rule === "list:sanming-yjj-mitigated:v1:1")).toMatchObject({ result: "held", applied: false });
  });

  it("a list's 不予处罚 beats the statute's 可以不予处罚; statute and item are both cited", () => {
    const d = evaluateDecision(input({ matter: matter097_04 }, { ...item4Facts, firstOffence: true }), context);
    expect(d.outcome).toBe("no_penalty");
    expect(d.listItem?.seq).toBe(4);
    expect(d.trace.find((t) => t.rule === "statute.art33.1.latter")).toMatchObject({ result: "held", applied: false });
  });

  it("舟山's rule: no list item applies, but the statutory 不予处罚 conditions hold → still 不予处罚", () => {
    const d = evaluateDecision(
      input({ matter: matter097_04, subject: { kind: "enterprise", industryCategory: "construction" } }, { ...item4Facts, minorViolation: true }),
      context,
    );
    expect(d.outcome).toBe("no_penalty");
    expect(d.listItem).toBeNull();
    expect(d.policyBasis.map((p) => p.document)).toContain("舟山市人民政府办公室关于全面推行柔性执法工作的指导意见（舟政办发〔2023〕47号）");
    expect(d.trace.at(-1)).toMatchObject({ rule: "policy.zhoushan", applied: true });
  });

  it("the 从重 list applies only when nothing lenient does", () => {
    const heavier: ListRecord = {
      list: { id: "jj-heavier", type: "heavier", organisationId: SM, title: "从重处罚事项清单", notes: "", status: "in_force" },
      versions: [
        {
          version: 1,
          status: "published",
          effectiveFrom: "2022-01-01",
          reviews: [],
          evaluations: [],
          items: [
            {
              seq: 1,
              matterName: "未如实记录安全生产教育和培训情况",
              matterCode: "YJ-AQSCF-097-04",
              circumstances: "拒不改正的",
              basis: [{ law: "中华人民共和国行政处罚法", article: 5, paragraph: 2 }],
              basisText: "《中华人民共和国行政处罚法》第五条第二款",
              measures: [],
              otherMeasures: [],
              conditions: [{ kind: "refusedCorrection" }],
            },
          ],
        },
      ],
    };
    const ctx = { index: buildDecisionIndex({ lists: [...sanming, heavier] }), lookup: fixtureLookup };
    const d = evaluateDecision(input({ matter: matter097_04 }, { correction: "not_corrected", harm: "none" }), ctx);
    expect(d.outcome).toBe("heavier");
    expect(d.listItem).toMatchObject({ listId: "jj-heavier", seq: 1 });
    expect(d.fine?.guidance).toContain("从重处罚");
    // with 第三十二条 (主动供述) the statute's mandatory leniency prevails, and the conflict is flagged
    const both = evaluateDecision(input({ matter: matter097_04 }, { correction: "not_corrected", confessedUnknownViolation: true }), ctx);
    expect(both.outcome).toBe("lighter");
    expect(both.warnings.join()).toContain("同时符合从重情形");
  });
});

describe("the 不予行政强制 list and emergency items of the 从重 list", () => {
  function list(type: "no_compulsion" | "heavier", conditions: Condition[]): ListRecord {
    return {
      list: { id: `t-${type}`, type, organisationId: SM, title: `测试${type}`, notes: "", status: "in_force" },
      versions: [
        {
          version: 1,
          status: "filed",
          effectiveFrom: "2022-01-01",
          reviews: [],
          evaluations: [],
          items: [
            {
              seq: 1,
              matterName: "测试事项",
              matterCode: "T-1",
              circumstances: "测试情形",
              basis: [
                type === "no_compulsion"
                  ? { law: "中华人民共和国行政强制法", article: 16, paragraph: 2 }
                  : { law: "中华人民共和国行政处罚法", article: 49 },
              ],
              basisText: "测试依据",
              measures: ["persuasion"],
              otherMeasures: ["体验式执法"],
              conditions,
            },
          ],
        },
      ],
    };
  }
  const m = { code: "T-1", name: "测试事项" };

  it("a 不予行政强制 item decides compulsion, not penalties", () => {
    const ctx = { index: buildDecisionIndex({ lists: [list("no_compulsion", [{ kind: "corrected", how: "on_spot" }])] }), lookup: fixtureLookup };
    const d = evaluateDecision(input({ kind: "compulsion", matter: m }, { correction: "on_spot" }), ctx);
    expect(d.outcome).toBe("no_compulsion");
    expect(d.listItem?.listType).toBe("no_compulsion");
    expect(d.otherMeasures).toEqual(["体验式执法"]);
    expect(evaluateDecision(input({ matter: m }, { correction: "on_spot" }), ctx).listItem).toBeNull();
  });

  it("an aggravated item for emergencies gives 从重 during an emergency", () => {
    const ctx = { index: buildDecisionIndex({ lists: [list("heavier", [{ kind: "duringEmergency" }])] }), lookup: fixtureLookup };
    const d = evaluateDecision(input({ matter: m, emergency: { violatesEmergencyMeasures: true } }), ctx);
    expect(d.outcome).toBe("heavier");
    expect(d.basis[0].text).toContain("依法快速、从重处罚");
    expect(d.policyBasis).toHaveLength(1);
    expect(evaluateDecision(input({ matter: m, emergency: { violatesEmergencyMeasures: false } }), ctx).outcome).toBe("ordinary");
  });
});

describe("version in force on the decision date, and claims", () => {
  function withVersion2(): ListRecord {
    const [np] = sanmingLists();
    let r = np;
    const step = (a: Parameters<typeof applyListTransition>[1], roles: Parameters<typeof applyListTransition>[2], today: string) => {
      const res = applyListTransition(r, a, roles, today);
      if (!res.ok) throw new Error(res.error);
      r = res.record;
    };
    step({ type: "revise", fromVersion: 1 }, ["listManager"], "2023-02-01");
    // version 2 drops item 4 (未如实记录)
    r = { ...r, versions: r.versions.map((v) => (v.version === 2 ? { ...v, items: v.items.filter((i) => i.seq !== 4) } : v)) };
    step({ type: "submit", version: 2 }, ["listManager"], "2023-02-02");
    step({ type: "approve", version: 2 }, ["legalReviewer"], "2023-02-03");
    step({ type: "publish", version: 2, effectiveFrom: "2023-03-01", checks: [] }, ["listManager"], "2023-02-10");
    return r;
  }

  it("a decision dated while version 1 was in force uses version 1; after version 2 took effect, version 2", () => {
    const ctx = { index: buildDecisionIndex({ lists: [withVersion2()] }), lookup: fixtureLookup };
    const before = evaluateDecision(input({ matter: matter097_04, decisionDate: "2023-02-28" }, item4Facts), ctx);
    expect(before.listItem).toMatchObject({ version: 1, seq: 4 });
    const after = evaluateDecision(input({ matter: matter097_04, decisionDate: "2023-03-01" }, item4Facts), ctx);
    expect(after.listItem).toBeNull();
    expect(after.outcome).toBe("ordinary");
  });

  it("before the lists took effect (2022-05-01) they do not apply", () => {
    const d = evaluateDecision(
      input({ matter: matter097_04, decisionDate: "2022-04-30", act: { date: "2022-04-01", discoveredOn: "2022-04-20" } }, item4Facts),
      context,
    );
    expect(d.listItem).toBeNull();
  });

  it("明溪县应急管理局 applies the city's list from the day it claimed it", () => {
    const claim: Claim = { listId: "sanming-yjj-no-penalty", version: 1, organisationId: "mingxi-yjj", claimedOn: "2022-09-01" };
    const ctx = { index: buildDecisionIndex({ lists: sanming, claims: [claim] }), lookup: fixtureLookup };
    const mx = (decisionDate: string) =>
      evaluateDecision(
        input(
          { organisationId: "mingxi-yjj", matter: matter097_04, decisionDate, act: { date: "2022-08-01", discoveredOn: "2022-08-20" } },
          item4Facts,
        ),
        ctx,
      );
    expect(mx("2022-08-31").listItem).toBeNull();
    expect(mx("2022-09-01").listItem).toMatchObject({ organisationId: SM, claimed: true, seq: 4 });
    // another organisation does not get the list
    const other = evaluateDecision(input({ organisationId: "other", matter: matter097_04 }, item4Facts), ctx);
    expect(other.listItem).toBeNull();
  });
});

/** Facts that make a condition hold, or fail. */
function satisfy(c: Condition): ConditionFacts {
  switch (c.kind) {
    case "firstTimeFound":
      return { firstTimeFound: true };
    case "corrected":
      return { correction: c.how === "on_spot" ? "on_spot" : "within_deadline" };
    case "harm":
      return { harm: c.atMost };
    case "proactiveElimination":
      return { proactiveElimination: true };
    case "subjectCategoryNotIn":
      return { industryCategory: "general" };
    case "noMajorHazard":
      return { majorHazard: false };
    case "question":
      return { answers: { [c.id]: c.expected } };
    default:
      throw new Error(`not used by 三明: ${c.kind}`);
  }
}
function violate(c: Condition): ConditionFacts {
  switch (c.kind) {
    case "firstTimeFound":
      return { firstTimeFound: false };
    case "corrected":
      return { correction: "not_corrected" };
    case "harm":
      return { harm: c.atMost === "none" ? "minor" : "serious" };
    case "proactiveElimination":
      return { proactiveElimination: false };
    case "subjectCategoryNotIn":
      return { industryCategory: c.categories[0] };
    case "noMajorHazard":
      return { majorHazard: true };
    case "question":
      return { answers: { [c.id]: !c.expected } };
    default:
      throw new Error(`not used by 三明: ${c.kind}`);
  }
}
function scenario(item: ListItem, facts: ConditionFacts): DecisionInput {
  const { industryCategory, answers, ...circumstances } = facts;
  return input(
    {
      matter: { code: item.matterCode as string, name: item.matterName, fineRange: { minYuan: 0, maxYuan: 100000 } },
      subject: { kind: "enterprise", industryCategory: industryCategory ?? "general" },
    },
    { ...circumstances, answers },
  );
}
function merge(list: ConditionFacts[]): ConditionFacts {
  return list.reduce((a, b) => ({ ...a, ...b, answers: { ...a.answers, ...b.answers } }), {});
}

describe("三明's list items as scenarios", () => {
  for (const record of sanming) {
    for (const item of record.versions[0].items) {
      const outcome = record.list.type;
      it(`${record.list.title} 第${item.seq}项 applies when every condition holds → ${outcome}`, () => {
        const d = evaluateDecision(scenario(item, merge(item.conditions.map(satisfy))), context);
        expect(d.outcome).toBe(outcome);
        expect(d.listItem).toMatchObject({ listId: record.list.id, version: 1, seq: item.seq });
        expect(d.measures).toEqual(
          expect.arrayContaining(["persuasion", "administrativeAdvice", "administrativeWarning", "administrativeInterview"]),
        );
        expect(d.basis.some((b) => b.cited === `《中华人民共和国行政处罚法》第${outcome === "no_penalty" ? "三十三" : "三十二"}条`)).toBe(true);
      });
      item.conditions.forEach((failing, i) => {
        it(`${record.list.title} 第${item.seq}项 does not apply when “${failing.kind === "question" ? failing.text : failing.kind}” fails`, () => {
          const facts = merge(item.conditions.map((c, j) => (j === i ? violate(c) : satisfy(c))));
          const d = evaluateDecision(scenario(item, facts), context);
          expect(d.listItem?.seq === item.seq && d.listItem.listId === record.list.id).toBe(false);
          const t = d.trace.find((x) => x.rule === `list:${record.list.id}:v1:${item.seq}`);
          expect(t?.result).toBe("failed");
          expect(t?.conditions[i].result).toBe("failed");
          expect(d.outcome).not.toBe(outcome);
        });
      });
    }
  }
});

describe("output", () => {
  it("lists the documents a 不予处罚 case needs, from the item's measures and the correction deadline", () => {
    const d = evaluateDecision(input({ matter: matter097_04 }, item4Facts), context);
    expect(d.documents).toEqual([
      "no_penalty_decision",
      "advice",
      "warning",
      "interview_notice",
      "correction_order",
      "commitment",
      "delivery_receipt",
      "follow_up_form",
    ]);
  });

  it("asks the questions that could still make the outcome more lenient", () => {
    const d = evaluateDecision(input({ matter: matter097_04 }, { firstTimeFound: true, correction: "within_deadline", harm: "none" }), context);
    expect(d.outcome).toBe("ordinary");
    expect(d.firm).toBe(false);
    expect(d.questions).toContainEqual({ key: "circumstances.answers.training_done_evidence", text: "有证据证明已按规定进行了安全生产教育和培训？" });
    expect(d.questions.map((q) => q.key)).toContain("circumstances.minorViolation");
  });

  it("a firm outcome has no open questions", () => {
    const d = evaluateDecision(input({}, { noSubjectiveFault: true }), emptyContext);
    expect(d.firm).toBe(true);
    expect(d.questions).toEqual([]);
  });

  it("never gives an outcome without a basis", () => {
    const scenarios: DecisionInput[] = [
      input(),
      input({}, { proactiveElimination: true }),
      input({ matter: matter097_04 }, item4Facts),
      input({ act: { date: "2015-01-01", discoveredOn: "2020-01-01" }, decisionDate: "2020-02-01" }),
      input({ emergency: { violatesEmergencyMeasures: true } }),
      input({ kind: "compulsion" }),
    ];
    for (const s of scenarios) {
      const d = evaluateDecision(s, context);
      expect(d.basis.length).toBeGreaterThan(0);
      for (const b of d.basis) expect(b.text.length).toBeGreaterThan(5);
    }
  });

  it("refuses to decide when the law library lacks a provision it must cite", () => {
    const lookup = (c: Parameters<typeof fixtureLookup>[0]) => (c.article === 36 ? undefined : fixtureLookup(c));
    const barred = input({ act: { date: "2014-01-01", discoveredOn: "2020-01-01" }, decisionDate: "2020-02-01" });
    expect(evaluateDecision(barred, context).outcome).toBe("time_barred");
    expect(() => evaluateDecision(barred, { index: context.index, lookup })).toThrow(
      "无法在法律法规库中找到决定所依据的条款：《中华人民共和国行政处罚法》第三十六条第一款",
    );
    expect(() => evaluateDecision(barred, { index: context.index, lookup })).toThrow(DecisionBasisError);
  });
});
