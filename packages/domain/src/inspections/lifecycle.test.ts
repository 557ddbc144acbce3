import { describe, expect, it } from "vitest";
import { starterChecklists } from "./checklists.seed";
import { makeCreditCode } from "./fixtures.test-support";
import { certificateStatus, eligibleInspectors, lastTimeExclusions, makeExclusion, maySign, validateCertificate, type Inspector } from "./inspectors";
import {
  applyInspectionAction,
  correctInspection,
  inspectionTransitions,
  isLocked,
  type InspectionAction,
  type InspectionContext,
  type InspectionRecord,
} from "./lifecycle";
import { sha256Hex } from "./sha256";

const cert = (number: string, validTo = "2028-12-31") => ({ number, issuedBy: "福建省人民政府", validFrom: "2024-01-01", validTo });
const inspectors: Inspector[] = [
  { userId: "u-zhang", name: "张明", organisationId: "jj", regionCode: "350582", certificate: cert("35058220001"), fields: ["industry_trade"] },
  { userId: "u-li", name: "李华", organisationId: "jj", regionCode: "350582", certificate: cert("35058220002"), fields: ["industry_trade"] },
  {
    userId: "u-wang",
    name: "王强",
    organisationId: "jj",
    regionCode: "350582",
    certificate: cert("35058220003", "2026-06-30"),
    fields: ["industry_trade"],
  },
  { userId: "u-zhao", name: "赵六", organisationId: "jj", regionCode: "350582", fields: ["industry_trade"] },
];
const items = starterChecklists()[0].versions[0].items;
const ctx: InspectionContext = { now: "2027-03-10T09:30:00+08:00", inspectors, items };
const officer = (userId: string) => ({ userId, roles: ["officer"] });
const admin = { userId: "u-admin", roles: ["orgAdmin"] };

const planned: InspectionRecord = {
  id: "i1",
  organisationId: "jj",
  regionCode: "350582",
  creditCode: makeCreditCode("350582", 1),
  unitName: "晋江市青阳鞋业有限公司",
  status: "planned",
  year: 2027,
  inspectorIds: [],
  results: [],
  signatures: [],
};

function run(record: InspectionRecord, steps: [InspectionAction, { userId: string; roles: string[] }][]): InspectionRecord {
  let r = record;
  for (const [action, actor] of steps) {
    const out = applyInspectionAction(r, action, actor, ctx);
    if (!out.ok) throw new Error(`${action.type}: ${out.error}`);
    r = out.record;
  }
  return r;
}

const photo = sha256Hex("photo 1");
const allPass = items.map((i): [InspectionAction, { userId: string; roles: string[] }] => [
  {
    type: "recordResult",
    result: {
      itemId: i.id,
      outcome: i.id === "GM-07" ? "fail" : "pass",
      photos: i.id === "GM-07" ? [photo] : [],
      ...(i.id === "GM-07" ? { note: "二楼疏散通道堆放纸箱", finding: { kind: "hazard", level: "general" } } : {}),
    },
  },
  officer("u-zhang"),
]);

describe("执法证: expired or missing cannot be drawn or sign", () => {
  it("status on a date", () => {
    expect(certificateStatus(inspectors[0].certificate, "2027-03-10")).toBe("valid");
    expect(certificateStatus(inspectors[2].certificate, "2027-03-10")).toBe("expired");
    expect(certificateStatus(undefined, "2027-03-10")).toBe("missing");
    expect(certificateStatus(inspectors[0].certificate, "2023-12-31")).toBe("not_yet_valid");
  });

  it("the pool for a draw leaves out the expired and the missing, with the reason", () => {
    const { eligible, ineligible } = eligibleInspectors(inspectors, "2027-03-10");
    expect(eligible.map((i) => i.userId)).toEqual(["u-zhang", "u-li"]);
    expect(ineligible.map((i) => i.reason)).toEqual([
      "王强的行政执法证（35058220003）已于2026-06-30过期，不能参加抽取或在检查记录上签名",
      "赵六没有登记行政执法证，不能参加抽取或在检查记录上签名",
    ]);
    expect(maySign(inspectors[2], "2027-03-10")).toMatchObject({ ok: false });
  });

  it("a certificate needs number, issuing body and validity dates in order", () => {
    expect(validateCertificate({ number: "1", issuedBy: "x", validFrom: "2025-01-01", validTo: "2024-01-01" })).toEqual([
      "执法证有效期截止日期不能早于起始日期",
    ]);
    expect(validateCertificate({})).toHaveLength(4);
  });

  it("回避: the reason is recorded; last time's inspectors are excluded", () => {
    expect(makeExclusion({ userId: "u", creditCode: "c", reason: "other" })).toMatchObject({ ok: false });
    expect(makeExclusion({ userId: "u", creditCode: "c", reason: "linked", note: "其配偶为该单位股东" })).toMatchObject({
      ok: true,
      exclusion: { reason: "linked", note: "其配偶为该单位股东" },
    });
    expect(lastTimeExclusions([{ creditCode: "c", inspectorIds: ["a", "b"] }])).toEqual([
      { userId: "a", creditCode: "c", reason: "inspected_last_time" },
      { userId: "b", creditCode: "c", reason: "inspected_last_time" },
    ]);
  });
});

describe("the inspection lifecycle", () => {
  const assign: InspectionAction = { type: "assign", drawId: "JJYJ-2027-Q1", inspectorIds: ["u-zhang", "u-li"], dueBy: "2027-03-31" };
  const start: InspectionAction = {
    type: "start",
    checklist: { checklistId: "starter-industry-trade", version: 1 },
    location: { latitude: 24.78, longitude: 118.55 },
  };

  it("planned → drawn → started → submitted, by the assigned inspectors, signed by both and the unit", () => {
    const done = run(planned, [
      [assign, admin],
      [start, officer("u-zhang")],
      ...allPass,
      [{ type: "sign" }, officer("u-zhang")],
      [{ type: "sign" }, officer("u-li")],
      [{ type: "signRepresentative", name: "陈经理" }, officer("u-li")],
      [{ type: "submit" }, officer("u-li")],
    ]);
    expect(done.status).toBe("submitted");
    expect(done.checkIn).toEqual({ at: ctx.now, location: { latitude: 24.78, longitude: 118.55 } });
    expect(isLocked(done)).toBe(true);
    expect(applyInspectionAction(done, allPass[0][0], officer("u-zhang"), ctx)).toMatchObject({
      ok: false,
      error: expect.stringContaining("已提交"),
    });
  });

  it("fewer than two inspectors, or one with an expired certificate, cannot be assigned", () => {
    expect(applyInspectionAction(planned, { ...assign, inspectorIds: ["u-zhang"] } as InspectionAction, admin, ctx)).toMatchObject({
      ok: false,
      error: expect.stringContaining("第四十二条"),
    });
    expect(applyInspectionAction(planned, { ...assign, inspectorIds: ["u-zhang", "u-wang"] } as InspectionAction, admin, ctx)).toMatchObject({
      ok: false,
      error: expect.stringContaining("过期"),
    });
  });

  it("only an assigned officer conducts it; an 单位管理员 draws but does not inspect", () => {
    const drawn = run(planned, [[assign, admin]]);
    expect(applyInspectionAction(drawn, start, officer("u-wang"), ctx)).toMatchObject({
      ok: false,
      error: "只有抽取到本次检查的执法人员才能开始检查（签到）",
    });
    expect(applyInspectionAction(drawn, start, admin, ctx)).toMatchObject({ ok: false, error: expect.stringContaining("需要执法人员角色") });
    expect(applyInspectionAction(planned, assign, officer("u-zhang"), ctx)).toMatchObject({ ok: false });
  });

  it("submitting needs every item answered, a finding for each failure, two inspector signatures and the unit's", () => {
    const started = run(planned, [
      [assign, admin],
      [start, officer("u-zhang")],
    ]);
    const submit = (r: InspectionRecord) => applyInspectionAction(r, { type: "submit" }, officer("u-zhang"), ctx);
    expect(submit(started)).toMatchObject({ ok: false, error: expect.stringContaining("个检查项未填写") });
    const answered = run(started, allPass);
    expect(submit(answered)).toMatchObject({ ok: false, error: expect.stringContaining("两名执法人员签名") });
    const signed = run(answered, [
      [{ type: "sign" }, officer("u-zhang")],
      [{ type: "sign" }, officer("u-li")],
    ]);
    expect(submit(signed)).toMatchObject({ ok: false, error: expect.stringContaining("被检查单位签名") });
    expect(applyInspectionAction(signed, { type: "signRepresentative", refused: true }, officer("u-li"), ctx)).toMatchObject({ ok: false });
    const refused = run(signed, [[{ type: "signRepresentative", refused: true, note: "负责人拒绝签名，由执法人员注明" }, officer("u-li")]]);
    expect(submit(refused)).toMatchObject({ ok: true });
    // A failure without a finding blocks submission.
    const noFinding = applyInspectionAction(
      started,
      { type: "recordResult", result: { itemId: "GM-01", outcome: "fail", note: "未配备", photos: [] } },
      officer("u-zhang"),
      ctx,
    );
    if (!noFinding.ok) throw new Error(noFinding.error);
    const rest = run(
      noFinding.record,
      allPass.filter(([a]) => a.type === "recordResult" && a.result.itemId !== "GM-01"),
    );
    const signed2 = run(rest, [
      [{ type: "sign" }, officer("u-zhang")],
      [{ type: "sign" }, officer("u-li")],
      [{ type: "signRepresentative", name: "陈经理" }, officer("u-li")],
    ]);
    expect(submit(signed2)).toMatchObject({ ok: false, error: "不符合的检查项GM-01须登记为隐患或立案" });
  });

  it("a replayed offline result changes nothing (no duplicate); a changed result voids the signatures", () => {
    const started = run(planned, [
      [assign, admin],
      [start, officer("u-zhang")],
    ]);
    const once = run(started, [allPass[0], [{ type: "sign" }, officer("u-zhang")]]);
    const twice = run(once, [allPass[0]]);
    expect(twice.results).toHaveLength(1);
    expect(twice.signatures).toHaveLength(1);
    const changed = run(twice, [
      [{ type: "recordResult", result: { itemId: items[0].id, outcome: "not_applicable", photos: [] } }, officer("u-zhang")],
    ]);
    expect(changed.results).toHaveLength(1);
    expect(changed.signatures).toEqual([]);
  });

  it("a 重大事故隐患 needs its 判定依据; a failure needs a note", () => {
    const started = run(planned, [
      [assign, admin],
      [start, officer("u-zhang")],
    ]);
    const r = (result: object) =>
      applyInspectionAction(
        started,
        { type: "recordResult", result: { itemId: "GM-07", photos: [], ...result } } as unknown as InspectionAction,
        officer("u-zhang"),
        ctx,
      );
    expect(r({ outcome: "fail", note: "锁闭", finding: { kind: "hazard", level: "major" } })).toMatchObject({
      ok: false,
      error: expect.stringContaining("判定依据"),
    });
    expect(r({ outcome: "fail", finding: { kind: "hazard", level: "general" } })).toMatchObject({
      ok: false,
      error: expect.stringContaining("写明发现的问题"),
    });
  });

  it("a submitted record is corrected by a new record; both are kept", () => {
    const done = run(planned, [
      [assign, admin],
      [start, officer("u-zhang")],
      ...allPass,
      [{ type: "sign" }, officer("u-zhang")],
      [{ type: "sign" }, officer("u-li")],
      [{ type: "signRepresentative", name: "陈经理" }, officer("u-li")],
      [{ type: "submit" }, officer("u-li")],
    ]);
    expect(correctInspection(done, { newId: "i1-c1", reason: " " }, officer("u-zhang"))).toMatchObject({ ok: false });
    expect(correctInspection(done, { newId: "i1-c1", reason: "笔误" }, officer("u-wang"))).toMatchObject({ ok: false });
    const c = correctInspection(done, { newId: "i1-c1", reason: "GM-07检查结果笔误" }, officer("u-zhang"));
    if (!c.ok) throw new Error(c.error);
    expect(c.superseded).toMatchObject({ id: "i1", status: "superseded", supersededBy: "i1-c1", submittedAt: done.submittedAt });
    expect(c.correction).toMatchObject({ id: "i1-c1", status: "started", corrects: { id: "i1", reason: "GM-07检查结果笔误" }, signatures: [] });
    expect(c.correction.representative).toBeUndefined();
    expect(c.correction.results).toEqual(done.results);
  });

  it("cancelling needs a reason; the transition table names a permission for every action", () => {
    expect(applyInspectionAction(planned, { type: "cancel", reason: "" }, admin, ctx)).toMatchObject({ ok: false });
    expect(applyInspectionAction(planned, { type: "cancel", reason: "该单位已注销" }, admin, ctx)).toMatchObject({
      ok: true,
      record: { status: "cancelled" },
    });
    for (const rule of Object.values(inspectionTransitions)) expect(rule.permission).toMatch(/^inspection\./);
  });
});

describe("the inspector pool of a draw", () => {
  it("an expired or missing certificate is never drawn; exclusions go by 执法证号; the draw maps back to users", async () => {
    const { drawInspectorPool } = await import("./inspectors");
    const { freezePeriodicPool } = await import("./pool");
    const { selectPeriodic, deriveSeed, commitmentOf } = await import("./draw");
    const { generatedObjects } = await import("./fixtures.test-support");
    const objects = generatedObjects(12).map((o) => ({ ...o, industry: "industry_trade" as const }));
    const extra: Inspector = {
      userId: "u-sun",
      name: "孙七",
      organisationId: "jj",
      regionCode: "350582",
      certificate: cert("35058220005"),
      fields: ["industry_trade"],
    };
    const p = drawInspectorPool(
      [...inspectors, extra],
      [
        { userId: "u-zhang", creditCode: objects[0].creditCode, reason: "linked" },
        { userId: "u-wang", creditCode: objects[1].creditCode, reason: "linked" },
      ],
      "2027-03-10",
    );
    expect(p.inspectors.map((i) => i.code)).toEqual(["35058220001", "35058220002", "35058220005"]);
    expect(p.exclusions).toEqual([{ inspector: "35058220001", object: objects[0].creditCode, reason: "linked" }]);
    expect(p.ineligible.map((i) => i.userId)).toEqual(["u-wang", "u-zhao"]);
    const f = freezePeriodicPool({
      drawId: "Q",
      title: "季度",
      organisation: "晋江市应急管理局",
      objects,
      inspectors: p.inspectors,
      exclusions: p.exclusions,
      rules: { objectCount: 12, inspectorsPerObject: 2 },
    });
    if (!f.ok) throw new Error(f.error);
    const secret = sha256Hex("s");
    const seed = deriveSeed({ poolSha256: f.frozen.sha256, commitment: commitmentOf(secret), publicValue: "1", secret });
    if (!seed.ok) throw new Error(seed.error);
    const r = selectPeriodic(f.frozen.pool, seed.seed);
    if (!r.ok) throw new Error(r.error);
    const users = r.selection.assignments.flatMap((a) => a.inspectors.map((c) => p.userIdOf.get(c)));
    expect(users).not.toContain("u-wang");
    expect(users).not.toContain("u-zhao");
    expect(r.selection.assignments.find((a) => a.creditCode === objects[0].creditCode)!.inspectors.sort()).toEqual(["35058220002", "35058220005"]);
  });
});
