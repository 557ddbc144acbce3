/**
 * Demo data of the inspection on site and the hazards (issue 10 §8): two inspections of 明溪县应急管理局
 * drawn to 李明 and 王芳 with the organisation's published 工贸企业 checklist (ready for 签到 on a
 * phone), and hazards in every state (整改中, 逾期, 已报整改待复查, 复查合格待销号, 已销号, a 重大事故隐患).
 * Runs after the inspections module's demo (demo/index.ts: demoOrder), whose pool and checklist it uses.
 */
import { and, asc, eq, ne } from "drizzle-orm";
import type { ChecklistVersion } from "@kuanyan/domain/inspections";
import type { Tx } from "../db/client";
import type { AppContext } from "../http/context";
import type { DemoIds } from "../demo";
import { today } from "../shared/clock";
import { inspectionChecklists, inspections, inspectionUnits } from "../inspections/schema";
import { demoCreditCode } from "../inspections/demo";
import { hazardEvents, hazards } from "./schema";

const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export async function seedDemo(ctx: AppContext, tx: Tx, ids: DemoIds): Promise<void> {
  const org = ids.orgs.get("明溪县应急管理局");
  const li = ids.users.get("demo-officer");
  const wang = ids.users.get("demo-officer2");
  if (!org || !li || !wang) return;
  const day = today(ctx);
  const year = Number(day.slice(0, 4));
  const [checklist] = (
    await tx
      .select()
      .from(inspectionChecklists)
      .where(and(eq(inspectionChecklists.organisationId, org.id), eq(inspectionChecklists.industry, "industry_trade")))
  ).filter((c) => (c.versions as ChecklistVersion[]).some((v) => v.status === "published"));
  const version = checklist
    ? Math.max(...(checklist.versions as ChecklistVersion[]).filter((v) => v.status === "published").map((v) => v.version))
    : null;

  // Two 工贸企业 of the pool not drawn otherwise get an inspection drawn to 李明 and 王芳 (the pool itself
  // is the inspections module's: no unit is added here).
  const poolUnits = await tx
    .select()
    .from(inspectionUnits)
    .where(and(eq(inspectionUnits.organisationId, org.id), eq(inspectionUnits.industry, "industry_trade")))
    .orderBy(asc(inspectionUnits.name));
  const busy = new Set(
    (
      await tx
        .select({ unitId: inspections.unitId })
        .from(inspections)
        .where(and(eq(inspections.organisationId, org.id), ne(inspections.status, "planned")))
    ).map((r) => r.unitId),
  );
  for (const [n, unit] of poolUnits
    .filter((u) => !busy.has(u.id))
    .slice(0, 2)
    .entries()) {
    await tx.insert(inspections).values({
      regionCode: org.regionCode,
      organisationId: org.id,
      unitId: unit.id,
      unitName: unit.name,
      creditCode: unit.creditCode,
      year,
      inspectorIds: [li.id, wang.id],
      dueBy: addDays(day, 10 + n * 20),
      status: "drawn",
      ...(checklist && version ? { checklistId: checklist.id, checklistVersion: version } : {}),
      isDemo: true,
    });
  }
  const creditCodeOf = new Map(poolUnits.map((u) => [u.name, u.creditCode]));

  // 隐患台账: one of each state, found by earlier inspections of the pool's units.
  const ledger: {
    unit: string;
    level: "general" | "major";
    criterion?: string;
    description: string;
    person: string;
    found: number;
    deadline: number;
    status: string;
    evidence?: boolean;
    review?: boolean;
  }[] = [
    {
      unit: "明溪县御帘纸业有限公司",
      level: "general",
      description: "配电箱前堆放纸卷，未保持操作通道畅通",
      person: "黄志强",
      found: -12,
      deadline: 10,
      status: "open",
    },
    { unit: "明溪县盖洋机械加工厂", level: "general", description: "砂轮机防护罩缺失", person: "罗永福", found: -40, deadline: -9, status: "open" },
    {
      unit: "明溪县宏发五金制品有限公司",
      level: "major",
      criterion: "《工贸企业重大事故隐患判定标准》第四条第（一）项",
      description: "粉尘涉爆除尘系统未按规定设置泄爆装置",
      person: "邓丽华",
      found: -25,
      deadline: -2,
      status: "open",
    },
    {
      unit: "明溪县翠竹塑料制品厂",
      level: "general",
      description: "安全出口指示标志损坏",
      person: "吴春燕",
      found: -20,
      deadline: -5,
      status: "rectification_reported",
      evidence: true,
    },
    {
      unit: "明溪县御帘纸业有限公司",
      level: "general",
      description: "特种作业人员证书过期",
      person: "黄志强",
      found: -60,
      deadline: -30,
      status: "review_passed",
      evidence: true,
      review: true,
    },
    {
      unit: "明溪县盖洋机械加工厂",
      level: "general",
      description: "未如实记录隐患排查治理情况",
      person: "罗永福",
      found: -90,
      deadline: -60,
      status: "closed",
      evidence: true,
      review: true,
    },
  ];
  const evidence = "3f1e7b8c0d2a4e6f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7";
  for (const [n, h] of ledger.entries()) {
    const foundOn = addDays(day, h.found);
    const rectifiedOn = h.evidence ? addDays(foundOn, 7) : null;
    const [row] = await tx
      .insert(hazards)
      .values({
        regionCode: org.regionCode,
        organisationId: org.id,
        creditCode: creditCodeOf.get(h.unit) ?? demoCreditCode("350421", 700_950 + n),
        unitName: h.unit,
        level: h.level,
        criterion: h.criterion ?? null,
        description: h.description,
        responsiblePerson: h.person,
        foundOn,
        deadline: addDays(day, h.deadline),
        status: h.status,
        rectificationEvidence: h.evidence ? [evidence] : [],
        reviews: h.review ? [{ on: addDays(foundOn, 9), passed: true, note: "现场复查，已整改到位", reviewerId: li.id }] : [],
        rectifiedOn,
        closedOn: h.status === "closed" ? addDays(foundOn, 10) : null,
        createdBy: li.id,
      })
      .returning({ id: hazards.id });
    await tx.insert(hazardEvents).values({
      regionCode: org.regionCode,
      organisationId: org.id,
      hazardId: row.id,
      kind: "registered",
      detail: { level: h.level },
      actorId: li.id,
      at: new Date(`${foundOn}T02:00:00Z`),
    });
  }
}
