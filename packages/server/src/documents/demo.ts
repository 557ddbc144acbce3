/**
 * Demo documents: every decided demo case gets the documents its decision names (行政告诫书, 不予行政处罚
 * 决定书, 责令限期改正通知书 …), issued on the decision date with the organisation's demo seal, delivered
 * directly with an on-screen signature; a closed case also gets its 回访登记表. Runs after the cases demo;
 * without demo cases it does nothing.
 */
import { addDays } from "@kuanyan/domain/dates";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Decision } from "@kuanyan/domain/decisions";
import { DOCUMENT_TYPES, type DocumentType } from "@kuanyan/domain/documents";
import type { Tx } from "../db/client";
import { caseTasks, cases, measures, seals } from "../db/schema";
import type { DemoIds } from "../demo";
import type { AppContext } from "../http/context";
import { issueDocumentInTx } from "./issueDocument";
import { deliveryFooterValues, writeDelivery, type DeliveryRecord } from "./recordDelivery";
import { sampleSealPng, sampleSignaturePng } from "./render/sample-images";
import { renderStoredPdf } from "./shared";

type CaseRow = typeof cases.$inferSelect;

/** What the officer would type, written for the case at hand. */
function officerValues(type: DocumentType, c: CaseRow, on: string, followUp: Record<string, string> | null): Record<string, string> {
  const matter = c.matterName;
  const common = { reconsiderationBody: "明溪县人民政府", court: "明溪县人民法院" };
  if (c.organisationId && c.regionCode.startsWith("350582"))
    Object.assign(common, { reconsiderationBody: "晋江市人民政府", court: "晋江市人民法院" });
  const values: Record<string, string> = {
    ...common,
    guidance: `针对“${matter}”的问题，建议对照有关规定建立健全管理制度，明确责任人员，定期自查并做好记录`,
    advice: `对照“${matter}”的问题立即整改，完善相关安全管理制度并落实到岗位`,
    riskBehaviour: matter,
    mitigatingCircumstances: "你（单位）系初次违法，危害后果轻微，并已及时改正",
    educationRequirements: "认真学习安全生产法律法规，落实安全生产主体责任，杜绝同类违法行为再次发生",
    correctionMeasures: "按照有关规定完成整改，并将整改情况书面报送本机关",
    correctionRequirements: "按照有关规定完成整改，并将整改情况书面报送本机关",
    orderBasis: "《中华人民共和国行政处罚法》第二十八条第一款",
    appointmentTime: `${addDays(on, 5)}T09:30`,
    appointmentPlace: "本机关三楼会议室",
    rescheduleDeadline: `${addDays(on, 4)}T17:00`,
    deliveredDocument: "行政告诫书",
    dueDate: addDays(on, 15),
    evidence: "现场检查笔录、现场照片、询问笔录",
    ...(followUp ?? {}),
  };
  if (!c.correctionDue && type !== "warning" && type !== "commitment" && type !== "correction_order") delete values.dueDate;
  return values;
}

export async function seedDemo(ctx: AppContext, tx: Tx, _ids: DemoIds): Promise<void> {
  const demoCases = await tx
    .select()
    .from(cases)
    .where(and(eq(cases.isDemo, true), inArray(cases.status, ["decided", "in_progress", "closed"])))
    .orderBy(asc(cases.decidedOn), asc(cases.caseNo));
  if (!demoCases.length) return;
  const baseUrl = ctx.config.publicUrl ?? `http://localhost:${ctx.config.port}`;
  const sealed = new Set<string>();
  for (const c of demoCases) {
    const decision = c.decision as Decision | null;
    if (!decision) continue;
    // The organisation's electronic seal (a drawn demo seal).
    if (!sealed.has(c.organisationId)) {
      sealed.add(c.organisationId);
      const [has] = await tx.select({ id: seals.organisationId }).from(seals).where(eq(seals.organisationId, c.organisationId));
      if (!has)
        await tx.insert(seals).values({ organisationId: c.organisationId, regionCode: c.regionCode, image: sampleSealPng(), mime: "image/png" });
    }
    const on = c.decidedOn ?? c.discoveredOn;
    const types = new Set<DocumentType>(
      decision.documents.filter(
        (t): t is DocumentType => (DOCUMENT_TYPES as readonly string[]).includes(t) && t !== "delivery_receipt" && t !== "follow_up_form",
      ),
    );
    const caseMeasures = await tx
      .select()
      .from(measures)
      .where(and(eq(measures.caseId, c.id), isNull(measures.documentId)));
    if (caseMeasures.some((m) => m.method === "administrativeWarning")) types.add("warning");
    const [visit] = await tx
      .select()
      .from(caseTasks)
      .where(and(eq(caseTasks.caseId, c.id), eq(caseTasks.kind, "follow_up")));
    const visitResult = (visit?.doneOn ? visit.result : null) as Record<string, string> | null;
    const followUp = visitResult
      ? {
          visitor: visitResult.visitor ?? "",
          executionStatus: visitResult.execution ?? "",
          procedureOpinion: visitResult.conductComment ?? "",
          partySuggestions: visitResult.suggestions ?? "",
          followUpMeasures: "无",
        }
      : null;
    if (followUp) types.add("follow_up_form");

    for (const type of DOCUMENT_TYPES.filter((t) => types.has(t))) {
      const issuedOn = type === "follow_up_form" && visit?.doneOn ? visit.doneOn : on;
      const measure = caseMeasures.find(
        (m) => (type === "warning" && m.method === "administrativeWarning") || (type === "follow_up_form" && m.method === "followUpVisit"),
      );
      const doc = await issueDocumentInTx(
        tx,
        c,
        { caseId: c.id, type, values: officerValues(type, c, issuedOn, followUp), measureId: measure?.id },
        { issuedAt: new Date(`${issuedOn}T10:00:00+08:00`), issuedOn, baseUrl, isDemo: true },
      );
      if (type === "follow_up_form") continue;
      const record: DeliveryRecord = {
        method: "direct",
        deliverer: "李明、王芳",
        recipient: c.partyContact ?? c.partyName,
        deliveredAt: new Date(`${issuedOn}T10:30:00+08:00`),
        signature: sampleSignaturePng(),
        refused: false,
        witnesses: [],
        consent: null,
        consentRecord: null,
        place: c.partyAddress,
        remarks: null,
      };
      const signedPdf = await renderStoredPdf(tx, doc, { delivery: { values: deliveryFooterValues(record), signature: record.signature } });
      await writeDelivery(tx, null, doc, record, signedPdf);
    }
  }
}
