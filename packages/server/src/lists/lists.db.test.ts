import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testApp, type Session, type TestApp } from "../testing/app";

let t: TestApp;
/** The test clock (China time 10:00 on the date). */
let clock = new Date("2026-03-02T02:00:00Z");
const setToday = (d: string) => (clock = new Date(`${d}T02:00:00Z`));

beforeEach(async () => {
  setToday("2026-03-02");
  t = await testApp({ now: () => clock });
});
afterEach(async () => {
  await t?.close();
});

const goodItem = (over: Record<string, unknown> = {}) => ({
  seq: 1,
  matterName: "生产经营单位未如实记录安全生产教育和培训情况的。",
  matterCode: "YJ-AQSCF-097-04",
  circumstances: "一般生产经营单位首次被发现，及时改正，没有造成危害后果的。",
  basisText: "《中华人民共和国行政处罚法》第三十三条第一款",
  measures: ["persuasion", "administrativeAdvice"],
  otherMeasures: [],
  conditions: [{ kind: "firstTimeFound" }, { kind: "corrected", how: "any" }, { kind: "harm", atMost: "none" }],
  ...over,
});

async function createDraft(s: Session, type = "no_penalty", items = [goodItem()]) {
  const created = await t.post("/api/v1/lists", { type }, s);
  expect(created.statusCode).toBe(201);
  const { listId, lockVersion } = created.json();
  const saved = await t.patch(`/api/v1/lists/${listId}/versions/1`, { lockVersion, items }, s);
  expect(saved.statusCode, saved.body).toBe(200);
  return { listId, lockVersion: saved.json().lockVersion as number, quality: saved.json().quality as { code: string; severity: string }[] };
}

async function publishFlow(manager: Session, reviewer: Session, listId: string, no = 1, body: Record<string, unknown> = {}) {
  expect((await t.post(`/api/v1/lists/${listId}/versions/${no}/submit`, {}, manager)).statusCode).toBe(200);
  expect((await t.post(`/api/v1/lists/${listId}/versions/${no}/approve`, { comments: "同意" }, reviewer)).statusCode).toBe(200);
  return t.post(`/api/v1/lists/${listId}/versions/${no}/publish`, body, manager);
}

async function version(s: Session, listId: string, no: number) {
  const res = await t.get(`/api/v1/lists/${listId}/versions/${no}`, s);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe("demo: 三明市应急管理局's four lists, filed and claimed", () => {
  it("the public API without login lists 三明's 不予处罚 list with its 7 items", async () => {
    const res = await t.get("/api/v1/public/lists");
    expect(res.statusCode).toBe(200);
    const sm = res.json().items.filter((l: { organisationName: string }) => l.organisationName === "三明市应急管理局");
    expect(sm.map((l: { type: string }) => l.type).sort()).toEqual(["lighter", "mitigated", "no_compulsion", "no_penalty"]);
    const noPenalty = sm.find((l: { type: string }) => l.type === "no_penalty");
    expect(noPenalty.items).toHaveLength(7);
    expect(noPenalty.items[0].matterName).toBe("生产经营单位未向从业人员通报事故隐患排查治理情况的。");
    expect(sm.find((l: { type: string }) => l.type === "no_compulsion").notes).toBe("本系统不存在不予行政强制事项。");
  });

  it("public search by matter name finds only lists with a matching item", async () => {
    const res = await t.get(`/api/v1/public/lists?q=${encodeURIComponent("应急预案评审")}`);
    const lists = res.json().items;
    expect(lists).toHaveLength(1);
    expect(lists[0].type).toBe("mitigated");
    expect(lists[0].items.map((i: { matterName: string }) => i.matterName)).toEqual(["生产经营单位未按照规定开展应急预案评审的。"]);
  });

  it("明溪县应急管理局 has claimed version 1 of all four lists; the 三明 司法局 board shows them filed on time", async () => {
    const mx = await t.login("demo-listmanager-mx");
    const mine = (await t.get("/api/v1/lists", mx)).json();
    expect(mine.claimed).toHaveLength(4);
    expect(mine.claimed.every((c: { version: { versionNo: number } }) => c.version.versionNo === 1)).toBe(true);
    const board = (await t.get("/api/v1/lists/filings", await t.login("demo-justice-city"))).json();
    const sm = board.items.filter((i: { organisationName: string }) => i.organisationName === "三明市应急管理局");
    expect(sm).toHaveLength(4);
    expect(
      sm.every((i: { filingStatus: string; filedWithName: string }) => i.filingStatus === "filed_on_time" && i.filedWithName === "三明市司法局"),
    ).toBe(true);
  });

  it("a version shows its citations resolved to the provision text", async () => {
    const mx = await t.login("demo-listmanager-mx");
    const mine = (await t.get("/api/v1/lists", mx)).json();
    const c = mine.claimed.find((x: { type: string }) => x.type === "no_penalty");
    const v = await version(mx, c.listId, 1);
    expect(v.version.items[0].citations[0]).toMatchObject({ ok: true, label: "《中华人民共和国行政处罚法》第三十三条" });
    expect(v.version.items[0].citations[0].text).toContain("违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚");
    expect(v.version.items[0].conditionTexts).toContain("不属于重大事故隐患");
  });
});

describe("lifecycle: 草稿 → 合法性审核 → 发布 → 备案, and who may do what", () => {
  it("an officer cannot create, approve or publish; the reviewer returns with comments and approves; the manager publishes and files", async () => {
    let manager = await t.login("demo-listmanager-mx");
    const reviewer = await t.login("demo-reviewer");
    const officer = await t.login("demo-officer");
    expect((await t.post("/api/v1/lists", { type: "no_penalty" }, officer)).statusCode).toBe(403);
    const { listId } = await createDraft(manager);

    expect((await t.post(`/api/v1/lists/${listId}/versions/1/approve`, {}, reviewer)).json().message).toMatch(/不能合法性审核通过/);
    expect((await t.post(`/api/v1/lists/${listId}/versions/1/submit`, {}, manager)).statusCode).toBe(200);
    // The manager cannot approve their own list; an officer cannot either.
    expect((await t.post(`/api/v1/lists/${listId}/versions/1/approve`, {}, manager)).statusCode).toBe(403);
    expect((await t.post(`/api/v1/lists/${listId}/versions/1/approve`, {}, officer)).statusCode).toBe(403);
    // Returning needs comments.
    const noComment = await t.post(`/api/v1/lists/${listId}/versions/1/return`, { comments: " " }, reviewer);
    expect(noComment.statusCode).toBe(422);
    expect(noComment.json().message).toBe("退回修改必须填写审核意见");
    expect((await t.post(`/api/v1/lists/${listId}/versions/1/return`, { comments: "情形表述请与第三十三条一致" }, reviewer)).statusCode).toBe(200);
    let v = await version(manager, listId, 1);
    expect(v.version.status).toBe("draft");
    expect(v.version.reviews).toEqual([{ decision: "returned", comments: "情形表述请与第三十三条一致", on: "2026-03-02" }]);

    expect((await t.post(`/api/v1/lists/${listId}/versions/1/submit`, {}, manager)).statusCode).toBe(200);
    expect((await t.post(`/api/v1/lists/${listId}/versions/1/approve`, { comments: "同意" }, reviewer)).statusCode).toBe(200);
    expect((await t.post(`/api/v1/lists/${listId}/versions/1/publish`, {}, officer)).statusCode).toBe(403);
    const published = await t.post(`/api/v1/lists/${listId}/versions/1/publish`, {}, manager);
    expect(published.statusCode, published.body).toBe(200);
    v = await version(manager, listId, 1);
    expect(v.version).toMatchObject({
      status: "published",
      publishedOn: "2026-03-02",
      effectiveFrom: "2026-03-02",
      filingDeadline: "2026-03-17",
      filingStatus: "pending",
    });

    setToday("2026-03-10");
    manager = await t.login("demo-listmanager-mx"); // sessions end when the clock moves on
    expect((await t.post(`/api/v1/lists/${listId}/versions/1/file`, {}, manager)).statusCode).toBe(200);
    v = await version(manager, listId, 1);
    expect(v.version).toMatchObject({ status: "filed", filedOn: "2026-03-10", filingStatus: "filed_on_time", filedWithName: "明溪县司法局" });
    // Every step left an audit event.
    // Every step left an audit event; refused attempts left none.
    const events = await t.database.query<{ action: string }>(
      "SELECT action FROM audit_events WHERE action LIKE 'list.%' AND action <> 'list.demo_created' ORDER BY id",
    );
    expect(events.map((e) => e.action)).toEqual([
      "list.created",
      "list.draft_saved",
      "list.submit",
      "list.return",
      "list.submit",
      "list.approve",
      "list.publish",
      "list.file",
    ]);
  });

  it("备案 is due 15 days after publication: on day 15 it is pending, on day 16 the 司法局 board shows it overdue", async () => {
    const manager = await t.login("demo-listmanager-mx");
    const { listId } = await createDraft(manager);
    expect((await publishFlow(manager, await t.login("demo-reviewer"), listId)).statusCode).toBe(200);
    const statusOn = async (d: string) => {
      setToday(d);
      const justice = await t.login("demo-justice");
      const board = (await t.get("/api/v1/lists/filings", justice)).json();
      return board.items.find((i: { listId: string }) => i.listId === listId);
    };
    expect((await statusOn("2026-03-17")).filingStatus).toBe("pending");
    const late = await statusOn("2026-03-18");
    expect(late).toMatchObject({ filingStatus: "overdue", filingStatusLabel: "逾期未备案", filingDeadline: "2026-03-17" });
    expect((await t.post(`/api/v1/lists/${listId}/versions/1/file`, {}, await t.login("demo-listmanager-mx"))).statusCode).toBe(200);
    expect((await statusOn("2026-03-18")).filingStatus).toBe("filed_late");
  });

  it("publication needs a reason when the checks give warnings, and is blocked by errors", async () => {
    const manager = await t.login("demo-listmanager-mx");
    const reviewer = await t.login("demo-reviewer");
    const { listId, quality } = await createDraft(manager, "no_penalty", [goodItem({ matterCode: null })]);
    expect(quality.map((q) => q.code)).toContain("item_missing_matter_code");
    const noReason = await publishFlow(manager, reviewer, listId);
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().message).toMatch(/须填写仍予发布的理由/);
    const withReason = await t.post(`/api/v1/lists/${listId}/versions/1/publish`, { warningReason: "事项编码待省级目录公布后补充" }, manager);
    expect(withReason.statusCode).toBe(200);

    const bad = await createDraft(manager, "lighter", [
      goodItem({ basisText: "《中华人民共和国行政处罚法》第九百条", matterCode: "YJ-AQSCF-099-01" }),
    ]);
    expect(bad.quality.map((q) => q.code)).toContain("citation_unresolved");
    const blocked = await publishFlow(manager, reviewer, bad.listId, 1, { warningReason: "无" });
    expect(blocked.statusCode).toBe(422);
    expect(blocked.json().message).toMatch(/质量检查发现1个错误/);
  });

  it("a heavier item for a matter in the claimed 不予处罚 list with overlapping conditions is a conflict that blocks publication", async () => {
    const manager = await t.login("demo-listmanager-mx");
    const { listId, quality } = await createDraft(manager, "heavier", [
      goodItem({
        matterName: "生产经营单位未向从业人员通报事故隐患排查治理情况的。",
        matterCode: "YJ-AQSCF-097-05",
        circumstances: "经责令改正拒不改正的",
        basisText: "《中华人民共和国安全生产法》第九十七条第（五）项",
        conditions: [{ kind: "obstructedInspection" }],
      }),
    ]);
    const conflict = quality.find((q) => q.code === "conflict_lenient_heavier");
    expect(conflict?.severity).toBe("error");
    const res = await publishFlow(manager, await t.login("demo-reviewer"), listId, 1, { warningReason: "已知" });
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toMatch(/从宽与从重冲突/);
  });

  it("a stale draft save gets 409 and changes nothing; invalid conditions are refused in Chinese", async () => {
    const manager = await t.login("demo-listmanager-mx");
    const { listId, lockVersion } = await createDraft(manager);
    // A list manager of another organisation (三明) may not edit 明溪's draft.
    const other = await t.patch(`/api/v1/lists/${listId}/versions/1`, { lockVersion, items: [] }, await t.login("demo-listmanager"));
    expect(other.statusCode).toBe(403);
    const stale = await t.patch(`/api/v1/lists/${listId}/versions/1`, { lockVersion: lockVersion - 1, items: [] }, manager);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe("version_conflict");
    expect((await version(manager, listId, 1)).version.items).toHaveLength(1);
    const invalid = await t.patch(
      `/api/v1/lists/${listId}/versions/1`,
      { lockVersion, items: [goodItem({ conditions: [{ kind: "corrected" }, { kind: "seriousHarm" }] })] },
      manager,
    );
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().message).toMatch(/请选择改正方式/);
    expect(invalid.json().message).toMatch(/从重情形不能用于从宽清单/);
  });
});

describe("revision and claims: old versions stay as they were", () => {
  it("revising creates version 2; version 1's items are unchanged and readable; publishing v2 ends v1 the day before", async () => {
    let manager = await t.login("demo-listmanager-mx");
    let reviewer = await t.login("demo-reviewer");
    const { listId } = await createDraft(manager);
    expect((await publishFlow(manager, reviewer, listId)).statusCode).toBe(200);
    expect((await t.patch(`/api/v1/lists/${listId}/versions/1`, { lockVersion: 99, items: [] }, manager)).json().message).toMatch(/不是草稿/);
    const revised = await t.post(`/api/v1/lists/${listId}/versions/1/revise`, {}, manager);
    expect(revised.json().versionNo).toBe(2);
    const v2 = await version(manager, listId, 2);
    expect(v2.version.items[0].matterName).toBe(goodItem().matterName);
    const changed = await t.patch(
      `/api/v1/lists/${listId}/versions/2`,
      {
        lockVersion: v2.version.lockVersion,
        items: [goodItem({ circumstances: "修订后的情形" }), goodItem({ seq: 2, matterCode: "YJ-AQSCF-099-01", matterName: "未设置安全警示标志的" })],
      },
      manager,
    );
    expect(changed.statusCode, changed.body).toBe(200);
    setToday("2026-04-01");
    manager = await t.login("demo-listmanager-mx");
    reviewer = await t.login("demo-reviewer");
    expect((await publishFlow(manager, reviewer, listId, 2)).statusCode).toBe(200);
    const v1 = await version(manager, listId, 1);
    expect(v1.version).toMatchObject({ status: "superseded", effectiveTo: "2026-03-31" });
    expect(v1.version.items).toHaveLength(1);
    expect(v1.version.items[0].circumstances).toBe(goodItem().circumstances);
    expect((await version(manager, listId, 2)).version.items).toHaveLength(2);
  });

  it("a claim records the version; a newer superior version does not move the claim until it is claimed again", async () => {
    // 三明's own 法制审核人员 (demo-reviewer-city) reviews the city's list.
    let city = await t.login("demo-listmanager");
    let cityReviewer = await t.login("demo-reviewer-city");
    let mx = await t.login("demo-listmanager-mx");
    const { listId } = await createDraft(city, "heavier", [
      goodItem({
        matterCode: "YJ-AQSCF-099-05",
        matterName: "未提供劳动防护用品",
        circumstances: "拒不改正的",
        basisText: "《中华人民共和国安全生产法》第九十九条第（五）项",
        conditions: [{ kind: "refusedCorrection" }],
      }),
    ]);
    expect((await publishFlow(city, cityReviewer, listId)).statusCode).toBe(200);
    // The county's officer may not claim; its list manager may; claiming twice is refused.
    expect((await t.post(`/api/v1/lists/${listId}/versions/1/claim`, {}, await t.login("demo-officer"))).statusCode).toBe(403);
    const claim = await t.post(`/api/v1/lists/${listId}/versions/1/claim`, {}, mx);
    expect(claim.statusCode, claim.body).toBe(200);
    expect((await t.post(`/api/v1/lists/${listId}/versions/1/claim`, {}, mx)).json().message).toBe("已认领第1版");
    // The city cannot claim its own list; 晋江 is not below 三明.
    expect((await t.post(`/api/v1/lists/${listId}/versions/1/claim`, {}, city)).json().message).toBe("不能认领本单位的清单");

    expect((await t.post(`/api/v1/lists/${listId}/versions/1/revise`, {}, city)).statusCode).toBe(200);
    setToday("2026-04-01");
    [city, cityReviewer, mx] = [await t.login("demo-listmanager"), await t.login("demo-reviewer-city"), await t.login("demo-listmanager-mx")];
    expect((await publishFlow(city, cityReviewer, listId, 2)).statusCode).toBe(200);
    let mine = (await t.get("/api/v1/lists", mx)).json();
    let c = mine.claimed.find((x: { listId: string }) => x.listId === listId);
    expect(c.version.versionNo).toBe(1);
    expect(c.newerVersionNo).toBe(2);
    const rows = await t.database.query<{ n: number }>("SELECT count(*)::int AS n FROM list_claims WHERE list_id = $1 AND active", [listId]);
    expect(rows[0].n).toBe(1);
    expect((await t.post(`/api/v1/lists/${listId}/versions/2/claim`, {}, mx)).statusCode).toBe(200);
    mine = (await t.get("/api/v1/lists", mx)).json();
    c = mine.claimed.find((x: { listId: string }) => x.listId === listId);
    expect(c.version.versionNo).toBe(2);
    const all = await t.database.query<{ active: boolean }>("SELECT active FROM list_claims WHERE list_id = $1 ORDER BY claimed_on, active", [
      listId,
    ]);
    expect(all.map((r) => r.active).sort()).toEqual([false, true]);
  });

  it("demo: 三明市应急管理局 has a 法制审核人员, so demo-listmanager's list passes 合法性审核 and is published", async () => {
    const city = await t.login("demo-listmanager");
    const { listId } = await createDraft(city);
    // The county's reviewer may not review the city's list; the city's own may.
    expect((await t.post(`/api/v1/lists/${listId}/versions/1/submit`, {}, city)).statusCode).toBe(200);
    expect((await t.post(`/api/v1/lists/${listId}/versions/1/approve`, {}, await t.login("demo-reviewer"))).statusCode).toBe(403);
    const queue = (await t.get("/api/v1/lists/review-queue", await t.login("demo-reviewer-city"))).json().items;
    expect(queue.map((q: { listId: string }) => q.listId)).toContain(listId);
    expect((await t.post(`/api/v1/lists/${listId}/versions/1/approve`, { comments: "同意" }, await t.login("demo-reviewer-city"))).statusCode).toBe(
      200,
    );
    expect((await t.post(`/api/v1/lists/${listId}/versions/1/publish`, {}, city)).statusCode).toBe(200);
    expect((await version(city, listId, 1)).version.status).toBe("published");
  });

  it("each list comes with the actions the user may take (allowedActions), and the web shows exactly these", async () => {
    const manager = await t.login("demo-listmanager-mx");
    const reviewer = await t.login("demo-reviewer");
    const mine = (await t.get("/api/v1/lists", manager)).json();
    expect(mine.allowedActions).toEqual(["create", "import"]);
    // 三明's lists are claimed already (version 1): nothing to claim there.
    expect(mine.claimed.every((c: { allowedActions: string[] }) => c.allowedActions.length === 0)).toBe(true);
    const { listId } = await createDraft(manager);
    expect((await version(manager, listId, 1)).allowedActions).toEqual(["edit", "import", "submit"]);
    expect((await version(reviewer, listId, 1)).allowedActions).toEqual([]);
    expect((await t.get("/api/v1/lists", manager)).json().own.find((l: { id: string }) => l.id === listId).allowedActions).toEqual([
      "edit",
      "import",
      "submit",
    ]);
    await t.post(`/api/v1/lists/${listId}/versions/1/submit`, {}, manager);
    expect((await version(manager, listId, 1)).allowedActions).toEqual([]);
    expect((await version(reviewer, listId, 1)).allowedActions).toEqual(["approve", "return"]);
    const queue = (await t.get("/api/v1/lists/review-queue", reviewer)).json().items;
    expect(queue.find((q: { listId: string }) => q.listId === listId).allowedActions).toEqual(["approve", "return"]);
    // A county list manager sees the city's list in force with 认领 offered only until claimed.
    const city = await t.login("demo-listmanager");
    const { listId: cityList } = await createDraft(city);
    await t.post(`/api/v1/lists/${cityList}/versions/1/submit`, {}, city);
    await t.post(`/api/v1/lists/${cityList}/versions/1/approve`, {}, await t.login("demo-reviewer-city"));
    await t.post(`/api/v1/lists/${cityList}/versions/1/publish`, {}, city);
    expect((await version(manager, cityList, 1)).allowedActions).toEqual(["claim"]);
    expect((await t.get("/api/v1/lists", manager)).json().claimable.find((c: { listId: string }) => c.listId === cityList).allowedActions).toEqual([
      "claim",
    ]);
    await t.post(`/api/v1/lists/${cityList}/versions/1/claim`, {}, manager);
    expect((await version(manager, cityList, 1)).allowedActions).toEqual([]);
    expect((await version(city, cityList, 1)).allowedActions).toEqual(["file", "recordEvaluation", "revise"]);
  });

  it("a list of another organisation opened by URL: its draft is 403 in Chinese (the web shows the 403 page), an unknown list 404", async () => {
    const city = await t.login("demo-listmanager");
    const { listId } = await createDraft(city);
    const res = await t.get(`/api/v1/lists/${listId}`, await t.login("demo-listmanager-mx"));
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toBe("您无权查看该单位的记录");
    const missing = await t.get("/api/v1/lists/00000000-0000-4000-8000-000000000000", city);
    expect(missing.statusCode).toBe(404);
  });

  it("repeal needs the 单位管理员 and a reason; the version in force ends today", async () => {
    const manager = await t.login("demo-listmanager-mx");
    const { listId } = await createDraft(manager);
    expect((await publishFlow(manager, await t.login("demo-reviewer"), listId)).statusCode).toBe(200);
    // 定期评估 is recorded on the version in force.
    const evaluation = await t.post(
      `/api/v1/lists/${listId}/versions/1/evaluations`,
      { findings: "运行半年，适用12件，未发现问题" },
      await t.login("demo-reviewer"),
    );
    expect(evaluation.statusCode, evaluation.body).toBe(200);
    expect((await version(manager, listId, 1)).version.evaluations).toEqual([{ on: "2026-03-02", findings: "运行半年，适用12件，未发现问题" }]);
    expect((await t.post(`/api/v1/lists/${listId}/repeal`, { reason: "职能调整" }, manager)).statusCode).toBe(403);
    const orgAdmin = await t.login("demo-orgadmin");
    expect((await t.post(`/api/v1/lists/${listId}/repeal`, { reason: "" }, orgAdmin)).json().message).toBe("废止清单必须说明理由");
    expect((await t.post(`/api/v1/lists/${listId}/repeal`, { reason: "职能调整" }, orgAdmin)).statusCode).toBe(200);
    const v = await version(manager, listId, 1);
    expect(v.version).toMatchObject({ status: "repealed", effectiveTo: "2026-03-02", repealReason: "职能调整" });
  });
});
