/**
 * From a failed checklist item to a case (issue 10 §7): the pure function that prefills the case
 * intake — party from the pool entry, matter from the item, facts, evidence and inspectors from
 * the inspection — and the decision-engine input it leads to. A 重大事故隐患 is carried in the facts
 * and as `circumstances.majorHazard`, so the lists' exclusion (重大事故隐患除外) applies and no
 * lenient list outcome can follow.
 */
import type { DecisionInput } from "../decisions/types";
import { findMatter } from "../matters/catalogue";
import type { Matter } from "../matters/types";
import type { ChecklistItem } from "./checklists";
import { certificateProblem, type Inspector } from "./inspectors";
import type { InspectionRecord, ItemResult } from "./lifecycle";
import { listIndustryCategory, type InspectedUnit } from "./units";

export interface CasePrefill {
  /** Shaped like the case intake's party (server: cases/openCase.ts). */
  party: {
    type: "enterprise";
    name: string;
    creditCode: string;
    address: string;
    industryCategory: ReturnType<typeof listIndustryCategory>;
    contact?: string;
    phone?: string;
  };
  matterCode: string;
  matterName: string;
  facts: string;
  /** The act is known to exist on the inspection day at the latest; the officer may correct it. */
  actDate: string;
  discoveredOn: string;
  inspection: { date: string; place: string; officerIds: string[] };
  evidence: ({ kind: "photo"; sha256: string } | { kind: "inspection_record"; inspectionId: string; itemId: string })[];
  circumstances: { majorHazard: boolean };
  source: { inspectionId: string; itemId: string };
}

export type PrefillResult = { ok: true; prefill: CasePrefill } | { ok: false; error: string };

/** Whether the failed item's finding is a 重大事故隐患. */
export function isMajorHazardFinding(result: Pick<ItemResult, "finding">): boolean {
  const f = result.finding;
  return (f?.kind === "hazard" && f.level === "major") || (f?.kind === "case" && f.majorHazard === true);
}

function criterionOf(result: ItemResult): string | undefined {
  return result.finding?.criterion?.trim() || undefined;
}

export function prefillCase(input: {
  inspection: InspectionRecord;
  unit: InspectedUnit;
  item: ChecklistItem;
  result: ItemResult;
  inspectors: readonly Inspector[];
  matters?: readonly Matter[];
}): PrefillResult {
  const { inspection, unit, item, result } = input;
  if (result.itemId !== item.id) return { ok: false, error: "检查结果与检查项不对应" };
  if (result.outcome !== "fail") return { ok: false, error: `检查项${item.id}为“符合”或“不适用”，不能据此立案` };
  if (inspection.creditCode !== unit.creditCode) return { ok: false, error: "检查对象与名录库中的单位不一致" };
  if (!result.finding) return { ok: false, error: `检查项${item.id}尚未确定处理方式（隐患或立案）` };
  const matter = findMatter(item.matterCode, input.matters);
  if (!matter) return { ok: false, error: `检查项${item.id}对应的执法事项${item.matterCode}不在事项库中` };
  const date = (inspection.checkIn?.at ?? inspection.submittedAt ?? "").slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return { ok: false, error: "检查尚未开始，不能立案" };
  const officers = inspection.inspectorIds.map((id) => input.inspectors.find((i) => i.userId === id));
  if (officers.length < 2 || officers.some((o) => !o)) return { ok: false, error: "检查的执法人员不足两人或不在名录库中" };
  for (const o of officers) {
    const problem = certificateProblem(o!, date);
    if (problem) return { ok: false, error: problem };
  }
  const major = isMajorHazardFinding(result);
  const who = officers.map((o) => `${o!.name}（执法证号${o!.certificate!.number}）`).join("、");
  const note = result.note?.trim() ?? "";
  const criterion = criterionOf(result);
  const facts = [
    `${date}，执法人员${who}对${unit.name}进行现场检查，`,
    `对照检查表第${item.id}项“${item.text}”，发现：${note || "不符合"}。`,
    major ? `经判定，该问题属于重大事故隐患${criterion ? `（判定依据：${criterion}）` : ""}。` : "",
  ].join("");
  const prefill: CasePrefill = {
    party: {
      type: "enterprise",
      name: unit.name,
      creditCode: unit.creditCode,
      address: unit.address,
      industryCategory: listIndustryCategory(unit.industry),
      ...(unit.contactName ? { contact: unit.contactName } : {}),
      ...(unit.contactPhone ? { phone: unit.contactPhone } : {}),
    },
    matterCode: matter.code,
    matterName: matter.name,
    facts,
    actDate: date,
    discoveredOn: date,
    inspection: { date, place: unit.address || unit.name, officerIds: [...inspection.inspectorIds] },
    evidence: [
      { kind: "inspection_record", inspectionId: inspection.id, itemId: item.id },
      ...result.photos.map((sha256) => ({ kind: "photo" as const, sha256 })),
    ],
    circumstances: { majorHazard: major },
    source: { inspectionId: inspection.id, itemId: item.id },
  };
  return { ok: true, prefill };
}

/**
 * The decision engine's input for the prefilled case. The officer's further answers go in
 * `circumstances`; the 重大事故隐患 flag of the finding cannot be overridden by them.
 */
export function decisionInputFromPrefill(
  prefill: CasePrefill,
  args: { organisationId: string; decisionDate: string; circumstances?: DecisionInput["circumstances"]; matters?: readonly Matter[] },
): DecisionInput {
  const matter = findMatter(prefill.matterCode, args.matters);
  return {
    organisationId: args.organisationId,
    decisionDate: args.decisionDate,
    matter: {
      code: prefill.matterCode,
      name: prefill.matterName,
      ...(matter?.fineRange ? { fineRange: { minYuan: matter.fineRange.minYuan, maxYuan: matter.fineRange.maxYuan } } : {}),
      ...(matter?.penaltyText ? { penaltyText: matter.penaltyText } : {}),
      ...(matter?.penalty.length ? { penaltyBasis: matter.penalty } : {}),
    },
    subject: { kind: "enterprise", industryCategory: prefill.party.industryCategory },
    act: { date: prefill.actDate, discoveredOn: prefill.discoveredOn },
    circumstances: { ...args.circumstances, majorHazard: prefill.circumstances.majorHazard || args.circumstances?.majorHazard === true },
  };
}

/**
 * The registration of a hazard from a failed item whose finding is a hazard (the officer adds the
 * deadline and the responsible person; registerHazard in ../hazards checks them).
 */
export function hazardFromFinding(input: {
  inspection: InspectionRecord;
  item: ChecklistItem;
  result: ItemResult;
  id: string;
  deadline: string;
  responsiblePerson: string;
}):
  | {
      ok: true;
      hazard: {
        id: string;
        organisationId: string;
        regionCode: string;
        creditCode: string;
        unitName: string;
        inspectionId: string;
        itemId: string;
        level: "general" | "major";
        criterion?: string;
        description: string;
        responsiblePerson: string;
        foundOn: string;
        deadline: string;
      };
    }
  | { ok: false; error: string } {
  const { inspection, item, result } = input;
  if (result.itemId !== item.id || result.outcome !== "fail") return { ok: false, error: `检查项${item.id}不是不符合项，不能登记隐患` };
  if (result.finding?.kind !== "hazard") return { ok: false, error: `检查项${item.id}未确定为隐患` };
  const foundOn = (inspection.checkIn?.at ?? "").slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(foundOn)) return { ok: false, error: "检查尚未开始，不能登记隐患" };
  const criterion = result.finding.criterion?.trim();
  return {
    ok: true,
    hazard: {
      id: input.id,
      organisationId: inspection.organisationId,
      regionCode: inspection.regionCode,
      creditCode: inspection.creditCode,
      unitName: inspection.unitName,
      inspectionId: inspection.id,
      itemId: item.id,
      level: result.finding.level,
      ...(criterion ? { criterion } : {}),
      description: `${item.text}：${result.note?.trim() || "不符合"}`,
      responsiblePerson: input.responsiblePerson,
      foundOn,
      deadline: input.deadline,
    },
  };
}
