/**
 * Demo inspections (issue 10) for 明溪县应急管理局: an object pool of fictional units, certificates for
 * the demo officers (晋江's expired), a copied and published checklist and an inspection matter, the
 * year's plan with a completed annual draw (its planned inspections), a completed quarterly draw that
 * assigned both officers to three of them, and an announced quarterly draw waiting for its public
 * value. The draws are computed by the domain exactly as the API does, dated in the past so that
 * their public values already exist; every record is marked as demo.
 */
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import {
  announceDraw,
  copyChecklist,
  deriveSeed,
  drawInspectorPool,
  freezeAnnualPool,
  freezePeriodicPool,
  plannedInspections,
  poolObjectOf,
  publishChecklist,
  quarterEnd,
  selectDraw,
  starterChecklists,
  validateUnit,
  type AnnualRules,
  type Industry,
  type InspectedUnit,
  type Inspector,
} from "@kuanyan/domain/inspections";
import type { Tx } from "../db/client";
import type { DemoIds } from "../demo";
import type { AppContext } from "../http/context";
import { lawLibrary } from "../laws/library";
import { encryptValue } from "../pii/keyring";
import {
  inspectionChecklists,
  inspectionDraws,
  inspectionMatters,
  inspectionPlans,
  inspectionUnits,
  inspections,
  inspectorCertificates,
} from "./schema";
import { today } from "./shared";
import { unitColumns } from "./units";

const USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** A valid 统一社会信用代码 (GB 32100-2015) "91" + region + serial + check character. */
export function demoCreditCode(regionCode: string, serial: number): string {
  const body = `91${regionCode}${String(serial).padStart(9, "0")}`;
  let sum = 0;
  let w = 1;
  for (let i = 0; i < 17; i++) {
    sum += USCC_CHARS.indexOf(body[i]) * w;
    w = (w * 3) % 31;
  }
  return body + USCC_CHARS[(31 - (sum % 31)) % 31];
}

const ALL_FIELDS: Industry[] = [
  "mining",
  "hazardous_chemicals",
  "metallurgy",
  "construction",
  "road_transport",
  "fireworks",
  "industry_trade",
  "confined_space",
  "dust_explosion",
  "ammonia_refrigeration",
  "other",
];

/** [name, industry, risk, key unit, town?] — fictional units of 明溪县. */
const demoUnits: [string, Industry, string, boolean, boolean][] = [
  ["明溪县城关化工有限公司", "hazardous_chemicals", "major", true, false],
  ["明溪县雪峰石料开采有限公司", "mining", "high", true, true],
  ["明溪县胡坊烟花爆竹批发部", "fireworks", "high", true, false],
  ["明溪县瀚仙竹木制品厂", "dust_explosion", "moderate", false, true],
  ["明溪县沙溪冷链物流有限公司", "ammonia_refrigeration", "high", false, false],
  ["明溪县夏阳污水处理有限公司", "confined_space", "moderate", false, false],
  ["明溪县盖洋机械加工厂", "industry_trade", "low", false, true],
  ["明溪县枫溪铸造有限公司", "metallurgy", "high", false, false],
  ["明溪县城南建筑工程有限公司", "construction", "moderate", false, false],
  ["明溪县客运有限公司", "road_transport", "moderate", true, false],
  ["明溪县紫云粮油加工厂", "dust_explosion", "low", false, false],
  ["明溪县御帘纸业有限公司", "industry_trade", "moderate", false, true],
  ["明溪县雪峰加油站", "hazardous_chemicals", "high", false, true],
  ["明溪县东方食品冷藏厂", "ammonia_refrigeration", "moderate", false, false],
  ["明溪县龙湖家具有限公司", "dust_explosion", "moderate", false, false],
  ["明溪县翠竹塑料制品厂", "industry_trade", "low", false, false],
  ["明溪县鸿达物流有限公司", "road_transport", "low", false, false],
  ["明溪县城东酿造厂", "confined_space", "low", false, true],
  ["明溪县宏发五金制品有限公司", "industry_trade", "low", false, false],
  ["明溪县溪源气体充装站", "hazardous_chemicals", "moderate", false, false],
  ["明溪县光明综合市场", "other", "low", false, false],
  ["明溪县金源铝业有限公司", "metallurgy", "moderate", false, false],
  ["明溪县顺通汽车维修厂", "other", "low", false, true],
  ["明溪县雪峰养殖饲料厂", "dust_explosion", "low", false, true],
];

const contacts = ["林建国", "陈玉兰", "黄德明", "吴秀珍", "罗志远", "邱海燕"];

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export async function seedDemo(ctx: AppContext, tx: Tx, ids: DemoIds): Promise<void> {
  const org = ids.orgs.get("明溪县应急管理局");
  const admin = ids.users.get("demo-orgadmin");
  const officer1 = ids.users.get("demo-officer");
  const officer2 = ids.users.get("demo-officer2");
  const officerJj = ids.users.get("demo-officer-jj");
  const jj = ids.orgs.get("晋江市应急管理局");
  if (!org || !admin || !officer1 || !officer2) return;
  const date = today(ctx);
  const year = Number(date.slice(0, 4));
  const orgName = "明溪县应急管理局";

  // 检查对象名录库
  const units: InspectedUnit[] = demoUnits.map(([name, industry, risk, key, town], i) => {
    const r = validateUnit({
      creditCode: demoCreditCode("350421", 700_100 + i),
      name,
      address: `${town ? "福建省三明市明溪县雪峰镇" : "福建省三明市明溪县城关乡"}${i + 1}号`,
      regionCode: "350421",
      industry,
      riskLevel: risk,
      keyUnit: key,
      contactName: contacts[i % contacts.length],
      contactPhone: `1380598${String(1000 + i * 37).padStart(4, "0")}`,
    });
    if (!r.ok) throw new Error(`demo unit ${name}: ${r.problems.map((p) => p.message).join("; ")}`);
    return r.unit;
  });
  const unitRows = await tx
    .insert(inspectionUnits)
    .values(units.map((u) => ({ organisationId: org.id, ...unitColumns(u), isDemo: true })))
    .returning();
  const unitOf = new Map(unitRows.map((u) => [u.creditCode, u]));

  // 执法检查人员名录库: 明溪's officers valid; 晋江's expired (it shows why he cannot be drawn).
  const certs = [
    { user: officer1, number: "35042120260001", validFrom: "2024-01-01", validTo: "2029-12-31" },
    { user: officer2, number: "35042120260002", validFrom: "2024-01-01", validTo: "2029-12-31" },
  ];
  for (const c of certs) {
    await tx.insert(inspectorCertificates).values({
      regionCode: org.regionCode,
      organisationId: org.id,
      userId: c.user.id,
      number: c.number,
      issuingBody: "三明市人民政府",
      validFrom: c.validFrom,
      validTo: c.validTo,
      fields: ALL_FIELDS,
      isDemo: true,
    });
  }
  if (officerJj && jj) {
    await tx.insert(inspectorCertificates).values({
      regionCode: jj.regionCode,
      organisationId: jj.id,
      userId: officerJj.id,
      number: "35058220260001",
      issuingBody: "泉州市人民政府",
      validFrom: "2020-07-01",
      validTo: "2025-06-30",
      fields: ["hazardous_chemicals", "industry_trade", "confined_space"],
      isDemo: true,
    });
  }

  // 检查表: the 工贸企业 starter copied and published; an inspection matter tied to it.
  const starter = starterChecklists().find((s) => s.industry === "industry_trade")!;
  const checklistId = crypto.randomUUID();
  const copied = copyChecklist(starter, 1, { id: checklistId, organisationId: org.id, title: "明溪县工贸企业安全生产检查表" });
  if (!copied.ok) throw new Error(copied.error);
  const published = publishChecklist(copied.record, 1, addDays(date, -60), (c) => {
    const r = lawLibrary().resolve(c);
    return r.ok ? { ok: true } : { ok: false, error: r.error };
  });
  const record = published.ok ? published.record : copied.record;
  await tx.insert(inspectionChecklists).values({
    id: checklistId,
    regionCode: org.regionCode,
    organisationId: org.id,
    industry: record.industry,
    title: record.title,
    copiedFrom: record.copiedFrom ?? null,
    versions: record.versions,
    createdBy: admin.id,
    isDemo: true,
  });
  await tx.insert(inspectionMatters).values({
    regionCode: org.regionCode,
    organisationId: org.id,
    name: "工贸企业安全生产检查",
    industry: "industry_trade",
    matterCodes: [...new Set(record.versions[0].items.map((i) => i.matterCode))].slice(0, 5),
    checklistId,
    inspectionMethod: "现场检查、查阅资料",
    published: published.ok,
    publishedOn: published.ok ? addDays(date, -60) : null,
    isDemo: true,
  });

  // 年度抽查计划 and its annual draw (drawn 38 days ago).
  const rules: AnnualRules = {
    defaultPercent: 30,
    ratios: [
      { riskLevel: "major", percent: 100 },
      { riskLevel: "high", percent: 50 },
    ],
  };
  const [plan] = await tx
    .insert(inspectionPlans)
    .values({
      regionCode: org.regionCode,
      organisationId: org.id,
      year,
      title: `${year}年度“双随机”抽查计划`,
      rules,
      notes: "重点单位全部列入；重大风险单位全部抽取，较大风险单位抽取50%，其余30%。",
      createdBy: admin.id,
      isDemo: true,
    })
    .returning();
  const objects = units.map(poolObjectOf);

  const drawRow = async (input: {
    drawNo: string;
    kind: "annual" | "periodic";
    title: string;
    text: string;
    sha256: string;
    objectCount: number;
    inspectorUsers: Record<string, string>;
    announcedOn: string;
    publicValueDate: string;
    publicSource: string;
    dueBy: string | null;
    drawn?: { publicValue: string; on: string; pool: Parameters<typeof selectDraw>[0] };
  }) => {
    const secret = crypto.randomBytes(32).toString("hex");
    const a = announceDraw({
      drawId: input.drawNo,
      poolSha256: input.sha256,
      secret,
      publicSource: input.publicSource,
      publicValueDate: input.publicValueDate,
      today: input.announcedOn,
    });
    if (!a.ok) throw new Error(a.error);
    let drawn: { publicValue: string; secret: string; seed: string; result: unknown; drawnOn: string; drawnAt: Date; drawnBy: string } | undefined;
    let selection: ReturnType<typeof selectDraw> | undefined;
    if (input.drawn) {
      const seed = deriveSeed({ poolSha256: input.sha256, commitment: a.announcement.commitment, publicValue: input.drawn.publicValue, secret });
      if (!seed.ok) throw new Error(seed.error);
      selection = selectDraw(input.drawn.pool, seed.seed);
      if (!selection.ok) throw new Error(selection.error);
      drawn = {
        publicValue: input.drawn.publicValue,
        secret,
        seed: seed.seed,
        result: selection.selection,
        drawnOn: input.drawn.on,
        drawnAt: new Date(`${input.drawn.on}T02:00:00Z`),
        drawnBy: admin.id,
      };
    }
    const [row] = await tx
      .insert(inspectionDraws)
      .values({
        regionCode: org.regionCode,
        organisationId: org.id,
        planId: plan.id,
        drawNo: input.drawNo,
        kind: input.kind,
        title: input.title,
        dueBy: input.dueBy,
        poolText: input.text,
        poolSha256: input.sha256,
        objectCount: input.objectCount,
        inspectorUsers: input.inspectorUsers,
        commitment: a.announcement.commitment,
        secretEnc: encryptValue(secret),
        publicSource: a.announcement.publicSource,
        publicValueDate: input.publicValueDate,
        announcedOn: input.announcedOn,
        announcedBy: admin.id,
        ...(drawn ?? {}),
        isDemo: true,
      })
      .returning();
    return { row, selection: selection?.ok ? selection.selection : undefined };
  };

  const annualNo = `MXYJ-${year}-ND01`;
  const annualPool = freezeAnnualPool({ drawId: annualNo, title: plan.title, organisation: orgName, objects, rules });
  if (!annualPool.ok) throw new Error(annualPool.error);
  const annualOn = addDays(date, -40);
  const annual = await drawRow({
    drawNo: annualNo,
    kind: "annual",
    title: plan.title,
    text: annualPool.frozen.text,
    sha256: annualPool.frozen.sha256,
    objectCount: objects.length,
    inspectorUsers: {},
    announcedOn: annualOn,
    publicValueDate: addDays(annualOn, 2),
    publicSource: `${addDays(annualOn, 2)}深证成指收盘点数`,
    dueBy: null,
    drawn: { publicValue: "10234.56", on: addDays(annualOn, 2), pool: annualPool.frozen.pool },
  });
  const annualSelection = annual.selection;
  if (!annualSelection || annualSelection.kind !== "annual") return;
  const planned = plannedInspections({ selection: annualSelection.annual, objects, organisationId: org.id, year, idFor: () => crypto.randomUUID() });
  const inserted = await tx
    .insert(inspections)
    .values(
      planned.map((p) => {
        const u = unitOf.get(p.creditCode)!;
        return {
          id: p.id,
          regionCode: u.regionCode,
          organisationId: org.id,
          unitId: u.id,
          unitName: p.unitName,
          creditCode: p.creditCode,
          year,
          planId: plan.id,
          planDrawId: annual.row.id,
          status: "planned",
          isDemo: true,
        };
      }),
    )
    .returning();

  // A quarterly draw (drawn 18 days ago): three planned units, two officers each.
  const pool: Inspector[] = certs.map((c) => ({
    userId: c.user.id,
    name: c.user.displayName,
    organisationId: org.id,
    regionCode: org.regionCode,
    certificate: { number: c.number, issuedBy: "三明市人民政府", validFrom: c.validFrom, validTo: c.validTo },
    fields: ALL_FIELDS,
  }));
  const quarterOn = addDays(date, -20);
  const [qy, qm] = quarterOn.split("-").map(Number);
  const quarter = (Math.floor((qm - 1) / 3) + 1) as 1 | 2 | 3 | 4;
  let dueBy = quarterEnd(qy, quarter);
  if (dueBy < date) dueBy = addDays(date, 30);
  const ip = drawInspectorPool(pool, [], quarterOn);
  const quarterNo = `MXYJ-${year}-JD${quarter}`;
  const quarterPool = freezePeriodicPool({
    drawId: quarterNo,
    title: `${qy}年第${quarter}季度双随机抽查`,
    organisation: orgName,
    objects: inserted.map((r) => objects.find((o) => o.creditCode === r.creditCode)!),
    inspectors: ip.inspectors,
    exclusions: ip.exclusions,
    rules: { objectCount: Math.min(3, inserted.length), inspectorsPerObject: 2 },
  });
  if (!quarterPool.ok) throw new Error(quarterPool.error);
  const quarterly = await drawRow({
    drawNo: quarterNo,
    kind: "periodic",
    title: `${qy}年第${quarter}季度双随机抽查`,
    text: quarterPool.frozen.text,
    sha256: quarterPool.frozen.sha256,
    objectCount: quarterPool.frozen.pool.objects.length,
    inspectorUsers: Object.fromEntries(ip.userIdOf),
    announcedOn: quarterOn,
    publicValueDate: addDays(quarterOn, 2),
    publicSource: `${addDays(quarterOn, 2)}中国福利彩票双色球开奖号码`,
    dueBy,
    drawn: { publicValue: "03 09 14 21 27 30 + 11", on: addDays(quarterOn, 2), pool: quarterPool.frozen.pool },
  });

  if (quarterly.selection?.kind === "periodic") {
    for (const a of quarterly.selection.periodic.assignments) {
      const target = inserted.find((r) => r.creditCode === a.creditCode)!;
      await tx
        .update(inspections)
        .set({ status: "drawn", inspectorIds: a.inspectors.map((c) => ip.userIdOf.get(c)!), drawId: quarterly.row.id, dueBy, checklistId: null })
        .where(eq(inspections.id, target.id));
    }
  }

  // An announced special draw, waiting for its public value (a week from today).
  const drawnIds = new Set(quarterly.selection?.kind === "periodic" ? quarterly.selection.periodic.assignments.map((a) => a.creditCode) : []);
  const remaining = inserted.filter((r) => !drawnIds.has(r.creditCode));
  if (remaining.length >= 2) {
    const nextNo = `MXYJ-${year}-JD${quarter}-02`;
    const ip2 = drawInspectorPool(pool, [], date);
    const nextPool = freezePeriodicPool({
      drawId: nextNo,
      title: `${qy}年第${quarter}季度双随机抽查（第二批）`,
      organisation: orgName,
      objects: remaining.map((r) => objects.find((o) => o.creditCode === r.creditCode)!),
      inspectors: ip2.inspectors,
      exclusions: ip2.exclusions,
      rules: { objectCount: 2, inspectorsPerObject: 2 },
    });
    if (!nextPool.ok) throw new Error(nextPool.error);
    await drawRow({
      drawNo: nextNo,
      kind: "periodic",
      title: `${qy}年第${quarter}季度双随机抽查（第二批）`,
      text: nextPool.frozen.text,
      sha256: nextPool.frozen.sha256,
      objectCount: nextPool.frozen.pool.objects.length,
      inspectorUsers: Object.fromEntries(ip2.userIdOf),
      announcedOn: date,
      publicValueDate: addDays(date, 7),
      publicSource: `${addDays(date, 7)}中国福利彩票双色球开奖号码`,
      dueBy: addDays(date, 60),
    });
  }
}
