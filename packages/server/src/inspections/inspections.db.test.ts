import crypto from "node:crypto";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deriveSeed, parsePoolFile, selectDraw, unitImportHeaders } from "@kuanyan/domain/inspections";
import { testApp, type Session, type TestApp } from "../testing/app";
import { demoCreditCode } from "./demo";

let t: TestApp;
let clock: Date;
let admin: Session;
let officer: Session;
beforeEach(async () => {
  clock = new Date();
  t = await testApp({ now: () => clock });
  admin = await t.login("demo-orgadmin");
  officer = await t.login("demo-officer");
});
afterEach(async () => {
  await t?.close();
});

const day = (offset: number) => {
  const d = new Date(clock.getTime() + offset * 86_400_000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(d);
};
/** Moves the clock on (the sessions expire meanwhile: log in again). */
const advance = async (days: number) => {
  clock = new Date(clock.getTime() + days * 86_400_000);
  admin = await t.login("demo-orgadmin");
  officer = await t.login("demo-officer");
};

async function snapshot(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of [
    "inspection_units",
    "inspection_draws",
    "inspections",
    "inspector_certificates",
    "inspection_plans",
    "inspection_checklists",
    "audit_events",
  ])
    out[table] = await t.count(table);
  return out;
}

async function unitsXlsx(rows: unknown[][], header: string[] = [...unitImportHeaders]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("检查对象");
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString("base64");
}

describe("检查对象名录库", () => {
  it("登记一家单位：列表中联系人和电话遮蔽；无效的统一社会信用代码和重复登记报中文错误，不改动任何数据", async () => {
    const code = demoCreditCode("350421", 990_001);
    const created = await t.post(
      "/api/v1/inspections/units",
      {
        creditCode: code.toLowerCase(),
        name: "明溪县测试化工有限公司",
        regionCode: "350421",
        industry: "危化品",
        riskLevel: "较大",
        keyUnit: true,
        contactName: "张三丰",
        contactPhone: "13805981111",
      },
      officer,
    );
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      creditCode: code,
      industry: "hazardous_chemicals",
      riskLevel: "high",
      keyUnit: true,
      contactName: "张**",
      contactPhone: "138****1111",
    });

    const list = await t.get(`/api/v1/inspections/units?q=${encodeURIComponent("测试化工")}`, officer);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(1);
    expect(list.body).not.toContain("13805981111");
    expect(list.body).not.toContain("张三丰");
    expect(list.json().allowedActions).toContain("inspection.pool.manage");

    const before = await snapshot();
    const bad = await t.post(
      "/api/v1/inspections/units",
      { creditCode: "91350421MA00000000", name: "无效代码公司", regionCode: "350421", industry: "工贸企业", riskLevel: "低" },
      officer,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/统一社会信用代码/);
    const dup = await t.post(
      "/api/v1/inspections/units",
      { creditCode: code, name: "重复登记的公司", regionCode: "350421", industry: "工贸企业", riskLevel: "低" },
      officer,
    );
    expect(dup.statusCode).toBe(409);
    expect(dup.json().message).toContain("已在名录库中");
    expect(await snapshot()).toEqual(before);

    // Editing keeps the credit code; a stale version is refused.
    const id = created.json().id;
    const edited = await t.patch(
      `/api/v1/inspections/units/${id}`,
      { name: "明溪县测试化工股份有限公司", regionCode: "350421", industry: "hazardous_chemicals", riskLevel: "major", keyUnit: true, version: 1 },
      officer,
    );
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ name: "明溪县测试化工股份有限公司", riskLevel: "major", version: 2, contactPhone: null });
    const stale = await t.patch(
      `/api/v1/inspections/units/${id}`,
      { name: "x公司", regionCode: "350421", industry: "other", riskLevel: "low", version: 1 },
      officer,
    );
    expect(stale.statusCode).toBe(409);
  });

  it("另一县的执法人员不能在本县名录库登记单位，也看不到本县的名录库", async () => {
    const jjOfficer = await t.login("demo-officer-jj");
    const mx = (await t.database.query<{ id: string }>("SELECT id FROM organisations WHERE name = '明溪县应急管理局'"))[0].id;
    const res = await t.post(
      "/api/v1/inspections/units",
      {
        organisationId: mx,
        creditCode: demoCreditCode("350421", 990_002),
        name: "越权登记公司",
        regionCode: "350421",
        industry: "other",
        riskLevel: "low",
      },
      jjOfficer,
    );
    expect(res.statusCode).toBe(403);
    expect((await t.get(`/api/v1/inspections/units?organisationId=${mx}`, jjOfficer)).statusCode).toBe(403);
  });

  it("导入 .xlsx：预览列出行错误（无效代码、表内重复），有错误的文件不导入；10000行的导入在5秒内预览并提交", async () => {
    const good = demoCreditCode("350421", 980_001);
    const errorsFile = await unitsXlsx([
      [good, "导入测试一公司", "明溪县", "350421", "工贸", "一般", "否", "", ""],
      ["91350421XXXXXXXXXX", "代码无效公司", "", "350421", "工贸", "一般", "否", "", ""],
      [good, "表内重复公司", "", "350421", "工贸", "一般", "否", "", ""],
    ]);
    const preview = await t.post("/api/v1/inspections/units/import/preview", { fileName: "名录.xlsx", contentBase64: errorsFile }, officer);
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json();
    expect(p.creates).toBe(1);
    expect(p.errors.map((e: { row: number }) => e.row)).toEqual([3, 4]);
    expect(p.errors[1].message).toContain("与第2行重复");
    const before = await snapshot();
    const refused = await t.post(
      "/api/v1/inspections/units/import",
      { fileName: "名录.xlsx", contentBase64: errorsFile, fileSha256: p.fileSha256 },
      officer,
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json().message).toContain("有错误");
    expect(await snapshot()).toEqual(before);

    // 10,000 rows (one of them a unit already in the pool: an update).
    const existing = (await t.database.query<{ credit_code: string }>("SELECT credit_code FROM inspection_units ORDER BY credit_code LIMIT 1"))[0]
      .credit_code;
    const rows: unknown[][] = Array.from({ length: 10_000 }, (_, i) => [
      i === 0 ? existing : demoCreditCode("350421", 800_000 + i),
      `明溪县批量导入企业${i + 1}有限公司`,
      "明溪县城关乡",
      "350421",
      ["工贸企业", "危化品", "有限空间", "粉尘涉爆", "其他"][i % 5],
      ["重大", "较大", "一般", "低"][i % 4],
      i % 50 === 0 ? "是" : "否",
      i % 3 === 0 ? "李四" : "",
      i % 3 === 0 ? `1390598${String(i % 10000).padStart(4, "0")}` : "",
    ]);
    const big = await unitsXlsx(rows);
    const started = performance.now();
    const bigPreview = await t.post("/api/v1/inspections/units/import/preview", { fileName: "万行.xlsx", contentBase64: big }, officer);
    expect(bigPreview.statusCode, bigPreview.body.slice(0, 500)).toBe(200);
    expect(bigPreview.json()).toMatchObject({ creates: 9_999, updates: 1, errors: [] });
    const committed = await t.post(
      "/api/v1/inspections/units/import",
      { fileName: "万行.xlsx", contentBase64: big, fileSha256: bigPreview.json().fileSha256 },
      officer,
    );
    const ms = Math.round(performance.now() - started);
    expect(committed.statusCode, committed.body).toBe(200);
    expect(committed.json()).toEqual({ created: 9_999, updated: 1 });
    console.log(`object-pool import of 10,000 rows: preview + commit ${ms} ms (preview parse ${bigPreview.json().parseMs} ms)`);
    // The target is 5 s per import (docs/performance.md); the bound is generous: both steps parse the
    // file, and the test machine's 2 cores are shared by parallel runs.
    expect(ms).toBeLessThan(20_000);
    const [{ n }] = await t.database.query<{ n: number }>("SELECT count(*)::int AS n FROM inspection_units WHERE name LIKE '明溪县批量导入企业%'");
    expect(n).toBe(10_000); // 9,999 created, and the existing unit renamed by its row
    // The phones were stored encrypted, never in clear.
    const [{ clear }] = await t.database.query<{ clear: number }>(
      "SELECT count(*)::int AS clear FROM inspection_units WHERE contact_phone_enc LIKE '1390598%'",
    );
    expect(clear).toBe(0);

    const exported = await t.get("/api/v1/inspections/units/export?q=%E6%89%B9%E9%87%8F%E5%AF%BC%E5%85%A5%E4%BC%81%E4%B8%9A1%E6%9C%89", officer);
    expect(exported.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0].getRow(1).values).toEqual([undefined, ...unitImportHeaders]);
    expect(wb.worksheets[0].getRow(2).getCell(2).value).toBe("明溪县批量导入企业1有限公司");
  }, 120_000);
});

describe("执法检查人员名录库", () => {
  it("执法证过期的执法人员显示不能参加抽取的原因；单位管理员登记执法证，日期不合法时报错", async () => {
    const jj = await t.login("demo-officer-jj");
    const list = await t.get("/api/v1/inspections/inspectors", jj);
    expect(list.statusCode).toBe(200);
    const me = list.json().items.find((i: { displayName: string }) => i.displayName.startsWith("施晓峰"));
    expect(me.status).toBe("expired");
    expect(me.problem).toContain("已于2025-06-30过期");

    const officer2 = (await t.database.query<{ id: string }>("SELECT id FROM users WHERE username = 'demo-officer2'"))[0].id;
    const bad = await t.post(
      `/api/v1/inspections/inspectors/${officer2}/certificate`,
      { number: "35042120260002", issuingBody: "三明市人民政府", validFrom: "2026-01-01", validTo: "2025-01-01", fields: ["other"] },
      admin,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain("截止日期不能早于起始日期");
    const byOfficer = await t.post(
      `/api/v1/inspections/inspectors/${officer2}/certificate`,
      { number: "1", issuingBody: "x", validFrom: "2026-01-01", validTo: "2027-01-01", fields: ["other"] },
      officer,
    );
    expect(byOfficer.statusCode).toBe(403);
  });
});

async function mxOrg(): Promise<string> {
  return (await t.database.query<{ id: string }>("SELECT id FROM organisations WHERE name = '明溪县应急管理局'"))[0].id;
}

describe("双随机抽取", () => {
  it("专项抽取：公告冻结底库，公开随机数产生前不能抽取；抽取后生成检查任务，结果可由底库文件和种子重算，不能重做或修改；重新抽取须写明理由", async () => {
    const before = await snapshot();
    const announced = await t.post(
      "/api/v1/inspections/draws",
      {
        kind: "periodic",
        drawNo: "MXYJ-TEST-ZX01",
        title: "有限空间专项抽查",
        publicSource: "次日深证成指收盘点数",
        publicValueDate: day(1),
        objectCount: 2,
        inspectorsPerObject: 2,
      },
      admin,
    );
    expect(announced.statusCode, announced.body).toBe(201);
    const a = announced.json();
    expect(a).toMatchObject({ status: "announced", secret: null, seed: null, selection: null });
    expect(a.poolSha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await snapshot()).inspection_draws).toBe(before.inspection_draws + 1);

    const early = await t.post(`/api/v1/inspections/draws/${a.id}/draw`, { publicValue: "10234.56" }, admin);
    expect(early.statusCode).toBe(422);
    expect(early.json().message).toContain("不能提前抽取");

    await advance(2);
    const byOfficer = await t.post(`/api/v1/inspections/draws/${a.id}/draw`, { publicValue: "10234.56" }, officer);
    expect(byOfficer.statusCode).toBe(403);
    const drawn = await t.post(`/api/v1/inspections/draws/${a.id}/draw`, { publicValue: " 10234.56 " }, admin);
    expect(drawn.statusCode, drawn.body).toBe(200);
    const d = drawn.json();
    expect(d.status).toBe("drawn");
    expect(d.selection.objects).toHaveLength(2);
    expect(d.inspections).toHaveLength(2);
    for (const i of d.inspections) {
      expect(i.status).toBe("drawn");
      expect(i.inspectors).toHaveLength(2);
    }

    // Anyone recomputes the selection from the published pool file and seed inputs.
    const pub = await t.get(`/api/v1/public/inspections/draws/${a.id}`);
    expect(pub.statusCode).toBe(200);
    const poolFile = await t.get(`/api/v1/public/inspections/draws/${a.id}/pool.json`);
    expect(crypto.createHash("sha256").update(poolFile.rawPayload).digest("hex")).toBe(pub.json().poolSha256);
    const parsed = parsePoolFile(poolFile.body);
    expect(parsed.ok).toBe(true);
    const seed = deriveSeed({
      poolSha256: pub.json().poolSha256,
      commitment: pub.json().commitment,
      publicValue: pub.json().publicValue,
      secret: pub.json().secret,
    });
    expect(seed.ok && seed.seed).toBe(pub.json().seed);
    const again = selectDraw((parsed as { ok: true; pool: Parameters<typeof selectDraw>[0] }).pool, pub.json().seed);
    expect(again.ok && again.selection.kind === "periodic" && again.selection.periodic.assignments.map((x) => x.creditCode)).toEqual(
      pub.json().selection.objects.map((o: { creditCode: string }) => o.creditCode),
    );
    // No personal data on the public page.
    for (const secret of ["13805981234", "李明", "王芳", "林建国"]) expect(pub.body + poolFile.body).not.toContain(secret);

    // A draw is done once and never edited.
    const twice = await t.post(`/api/v1/inspections/draws/${a.id}/draw`, { publicValue: "99999" }, admin);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toContain("不能重做或修改");
    await expect(t.database.query("UPDATE inspection_draws SET seed = 'x' WHERE id = $1", [a.id])).rejects.toThrow(/抽取已经完成/);
    await expect(t.database.query("DELETE FROM inspection_draws WHERE id = $1", [a.id])).rejects.toThrow(/不能删除/);

    // A redraw is a new draw with a reason.
    const noReason = await t.post(
      "/api/v1/inspections/draws",
      {
        kind: "periodic",
        drawNo: "MXYJ-TEST-ZX01-R",
        title: "有限空间专项抽查（重新抽取）",
        publicSource: "次日深证成指收盘点数",
        publicValueDate: day(1),
        objectCount: 2,
        redrawOf: a.id,
        redrawReason: "  ",
      },
      admin,
    );
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().message).toContain("重新抽取必须写明理由");
    const redraw = await t.post(
      "/api/v1/inspections/draws",
      {
        kind: "periodic",
        drawNo: "MXYJ-TEST-ZX01-R",
        title: "有限空间专项抽查（重新抽取）",
        publicSource: "次日深证成指收盘点数",
        publicValueDate: day(1),
        objectCount: 2,
        redrawOf: a.id,
        redrawReason: "抽中的单位已停产",
      },
      admin,
    );
    expect(redraw.statusCode, redraw.body).toBe(201);
    expect(redraw.json()).toMatchObject({ redrawOf: a.id, redrawReason: "抽中的单位已停产" });
    expect((await t.get(`/api/v1/inspections/draws/${a.id}`, admin)).json().replacedBy).toBe(redraw.json().id);
  });

  it("执法人员少于两名、底库为空时不能公告抽取，说明原因，不改动任何数据", async () => {
    const officer2 = (await t.database.query<{ id: string }>("SELECT id FROM users WHERE username = 'demo-officer2'"))[0].id;
    const expired = await t.post(
      `/api/v1/inspections/inspectors/${officer2}/certificate`,
      { number: "35042120260002", issuingBody: "三明市人民政府", validFrom: "2020-01-01", validTo: "2021-01-01", fields: ["industry_trade"] },
      admin,
    );
    expect(expired.statusCode, expired.body).toBe(200);
    expect(expired.json().status).toBe("expired");
    const before = await snapshot();
    const few = await t.post(
      "/api/v1/inspections/draws",
      {
        kind: "periodic",
        drawNo: "MXYJ-TEST-ZX02",
        title: "专项抽查",
        publicSource: "次日深证成指收盘点数",
        publicValueDate: day(1),
        objectCount: 1,
      },
      admin,
    );
    expect(few.statusCode).toBe(422);
    expect(few.json().message).toContain("少于两名");
    expect(few.json().message).toContain("已于2021-01-01过期");

    const plan = await t.post("/api/v1/inspections/plans", { year: 2099, title: "2099年度计划", rules: { defaultPercent: 10, ratios: [] } }, admin);
    expect(plan.statusCode, plan.body).toBe(201);
    const afterPlan = await snapshot();
    const empty = await t.post(
      "/api/v1/inspections/draws",
      {
        kind: "periodic",
        planId: plan.json().id,
        drawNo: "MXYJ-TEST-ZX03",
        title: "季度抽查",
        publicSource: "次日深证成指收盘点数",
        publicValueDate: day(1),
        objectCount: 1,
      },
      admin,
    );
    expect(empty.statusCode).toBe(422);
    expect(empty.json().message).toContain("名录库为空");
    expect(await snapshot()).toEqual(afterPlan);
    expect(afterPlan.inspection_draws).toBe(before.inspection_draws);
  });

  it("年度抽取：重点单位全部列入计划，其余按比例抽取，生成已列入计划的检查；同一计划不能再次年度抽取", async () => {
    const plan = await t.post(
      "/api/v1/inspections/plans",
      { year: 2098, title: "2098年度双随机抽查计划", rules: { defaultPercent: 20, ratios: [{ riskLevel: "major", percent: 100 }] } },
      admin,
    );
    expect(plan.statusCode).toBe(201);
    const dupPlan = await t.post("/api/v1/inspections/plans", { year: 2098, title: "重复", rules: { defaultPercent: 20, ratios: [] } }, admin);
    expect(dupPlan.statusCode).toBe(409);
    const body = {
      kind: "annual",
      planId: plan.json().id,
      drawNo: "MXYJ-2098-ND01",
      title: "2098年度抽取",
      publicSource: "次日深证成指收盘点数",
      publicValueDate: day(1),
    };
    const a = await t.post("/api/v1/inspections/draws", body, admin);
    expect(a.statusCode, a.body).toBe(201);
    const again = await t.post("/api/v1/inspections/draws", { ...body, drawNo: "MXYJ-2098-ND02" }, admin);
    expect(again.statusCode).toBe(409);
    await advance(1);
    const d = await t.post(`/api/v1/inspections/draws/${a.json().id}/draw`, { publicValue: "03 09 14 21 27 30 + 11" }, admin);
    expect(d.statusCode, d.body).toBe(200);
    const keyUnits = (
      await t.database.query<{ credit_code: string }>("SELECT credit_code FROM inspection_units WHERE key_unit AND organisation_id = $1", [
        await mxOrg(),
      ])
    ).map((r) => r.credit_code);
    const objects = d.json().selection.objects as { creditCode: string; reason: string }[];
    expect(
      objects
        .filter((o) => o.reason === "key")
        .map((o) => o.creditCode)
        .sort(),
    ).toEqual(keyUnits.sort());
    expect(d.json().inspections.length).toBe(objects.length);
    expect(d.json().inspections.every((i: { status: string }) => i.status === "planned")).toBe(true);
  });
});

describe("检查表与抽查事项", () => {
  it("复制起步检查表、发布后不能修改、修订产生新草稿；缺少依据的检查项不能发布；抽查事项在检查表发布后发布", async () => {
    const list = await t.get("/api/v1/inspections/checklists", admin);
    expect(list.statusCode).toBe(200);
    expect(list.json().starters.map((s: { id: string }) => s.id)).toContain("starter-dust-explosion");
    const copy = await t.post("/api/v1/inspections/checklists", { sourceId: "starter-dust-explosion" }, admin);
    expect(copy.statusCode, copy.body).toBe(201);
    const c = copy.json();
    const items = c.versions[0].items;
    const noBasis = await t.patch(
      `/api/v1/inspections/checklists/${c.id}/versions/1`,
      { items: [{ ...items[0], basis: [] }, ...items.slice(1)], lockVersion: c.lockVersion },
      admin,
    );
    expect(noBasis.statusCode).toBe(200);
    const refused = await t.post(`/api/v1/inspections/checklists/${c.id}/publish`, { version: 1, lockVersion: noBasis.json().lockVersion }, admin);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().message).toContain("缺少检查依据");
    const fixed = await t.patch(`/api/v1/inspections/checklists/${c.id}/versions/1`, { items, lockVersion: noBasis.json().lockVersion }, admin);
    const published = await t.post(`/api/v1/inspections/checklists/${c.id}/publish`, { version: 1, lockVersion: fixed.json().lockVersion }, admin);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().versions[0].status).toBe("published");
    const edit = await t.patch(`/api/v1/inspections/checklists/${c.id}/versions/1`, { items, lockVersion: published.json().lockVersion }, admin);
    expect(edit.statusCode).toBe(422);
    const revised = await t.post(
      `/api/v1/inspections/checklists/${c.id}/revise`,
      { changeNote: "增加除尘系统检查项", lockVersion: published.json().lockVersion },
      admin,
    );
    expect(revised.statusCode).toBe(200);
    expect(revised.json().versions.map((v: { status: string }) => v.status)).toEqual(["published", "draft"]);

    const matter = await t.post(
      "/api/v1/inspections/matters",
      { name: "粉尘涉爆企业检查", industry: "dust_explosion", matterCodes: [items[0].matterCode], checklistId: c.id },
      admin,
    );
    expect(matter.statusCode, matter.body).toBe(201);
    const pub = await t.post(`/api/v1/inspections/matters/${matter.json().id}/publish`, { version: 1 }, admin);
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json().published).toBe(true);
    const unknown = await t.post("/api/v1/inspections/matters", { name: "未知事项", matterCodes: ["NOPE-1"] }, admin);
    expect(unknown.statusCode).toBe(400);
  });
});

describe("演示数据", () => {
  it("演示单位有名录库、年度计划、已完成的年度和季度抽取（检查已分配两名执法人员）和一次已公告待抽取的抽取", async () => {
    const plans = await t.get("/api/v1/inspections/plans", admin);
    expect(plans.statusCode, plans.body).toBe(200);
    const [plan] = plans.json().items;
    expect(plan.draws.map((d: { status: string }) => d.status).sort()).toEqual(["announced", "drawn", "drawn"]);
    expect(plan.inspections.drawn).toBeGreaterThanOrEqual(2);
    const units = await t.get("/api/v1/inspections/units", officer);
    expect(units.json().total).toBe(24);
    const publicList = await t.get("/api/v1/public/inspections/draws");
    expect(publicList.statusCode).toBe(200);
    expect(publicList.json().items.length).toBe(3);
  });
});
