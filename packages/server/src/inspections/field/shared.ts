/**
 * What the inspection-on-site use cases share (issue 10 §6, §7): loading an inspection the user may
 * read or change, the domain record built from this part's rows, running a domain action, the audit
 * event, and the 现场检查记录's number. The domain decides (applyInspectionAction); these load and check.
 *
 * Idempotency (poor connectivity, docs/inspections/README.md): every write carries a key the client
 * generated once for it. A replayed key finds its row and changes nothing; results are keyed by item,
 * so a replay with a new key but the same content changes nothing either.
 */
import crypto from "node:crypto";
import { and, asc, eq, isNull } from "drizzle-orm";
import { applyInspectionAction, type InspectionAction, type InspectionRecord, type ItemResult } from "@kuanyan/domain/inspections";
import { formatDocumentNumber } from "@kuanyan/domain/documents";
import type { DbOrTx, Tx } from "../../db/client";
import { organisations } from "../../db/schema";
import { hazards } from "../../hazards/schema";
import { inspectionCaseLinks, inspectionCheckIns, inspectionRecords, inspectionResults, inspectionSignatures } from "./schema";
import { recordAudit } from "../../audit/record";
import { requireAccess, requireRole } from "../../access";
import { AppError, notFound } from "../../http/errors";
import type { AppContext, Auth } from "../../http/context";
import { nextSequence, numberSettings } from "../../documents/numbering";
import { today } from "../../shared/clock";
import { roles } from "../../hazards/service";
import { loadSource, type FieldSource } from "./source";
import { RECORD_COUNTER_TYPE, RECORD_TYPE_SHORT } from "./recordDocument";

export const rule = (message: string) => new AppError("rule_violation", message);
export const sha256 = (b: Buffer) => crypto.createHash("sha256").update(b).digest("hex");

/** The source of an inspection the user may read (404 otherwise, never revealing another's). */
export async function readable(db: DbOrTx, auth: Auth, id: string): Promise<FieldSource> {
  requireRole(auth, roles("inspection.read"), "查看检查");
  const src = await loadSource(db, id);
  if (!src) throw notFound("检查");
  try {
    await requireAccess(db, auth, { mode: "read", organisationId: src.organisationId, roles: roles("inspection.read"), what: "查看检查" });
  } catch {
    throw notFound("检查");
  }
  return src;
}

/** The domain record: the other part's row with this part's check-in, results and signatures. */
export async function domainRecord(db: DbOrTx, src: FieldSource): Promise<InspectionRecord> {
  const [checkIn] = await db.select().from(inspectionCheckIns).where(eq(inspectionCheckIns.inspectionId, src.id));
  const results = await db
    .select()
    .from(inspectionResults)
    .where(eq(inspectionResults.inspectionId, src.id))
    .orderBy(asc(inspectionResults.recordedAt));
  const sigs = await db
    .select()
    .from(inspectionSignatures)
    .where(and(eq(inspectionSignatures.inspectionId, src.id), isNull(inspectionSignatures.voidedAt)))
    .orderBy(asc(inspectionSignatures.signedAt));
  const rep = sigs.filter((s) => s.signerKind === "representative").at(-1);
  const [record] = await db
    .select()
    .from(inspectionRecords)
    .where(eq(inspectionRecords.inspectionId, src.id))
    .orderBy(asc(inspectionRecords.submittedAt));
  return {
    id: src.id,
    organisationId: src.organisationId,
    regionCode: src.regionCode,
    creditCode: src.unit.creditCode,
    unitName: src.unit.name,
    status: src.status,
    year: src.year,
    ...(src.drawId ? { drawId: src.drawId } : {}),
    ...(src.dueBy ? { dueBy: src.dueBy } : {}),
    inspectorIds: src.inspectorIds,
    ...(src.checklist ? { checklist: { checklistId: src.checklist.id, version: src.checklist.version } } : {}),
    ...(checkIn
      ? {
          checkIn: {
            at: checkIn.at.toISOString(),
            ...(checkIn.latitude !== null && checkIn.longitude !== null
              ? { location: { latitude: checkIn.latitude, longitude: checkIn.longitude } }
              : {}),
          },
        }
      : {}),
    results: results.map(resultOf),
    signatures: sigs.filter((s) => s.signerKind === "inspector" && s.userId).map((s) => ({ inspectorId: s.userId!, at: s.signedAt.toISOString() })),
    ...(rep
      ? {
          representative: rep.refused
            ? { refused: true as const, note: rep.note ?? "", at: rep.signedAt.toISOString() }
            : { name: rep.name, at: rep.signedAt.toISOString() },
        }
      : {}),
    ...(record ? { submittedAt: record.submittedAt.toISOString() } : {}),
  };
}

function resultOf(r: typeof inspectionResults.$inferSelect): ItemResult {
  return {
    itemId: r.itemId,
    outcome: r.outcome as ItemResult["outcome"],
    ...(r.note ? { note: r.note } : {}),
    photos: r.photos,
    ...(r.finding ? { finding: r.finding as unknown as NonNullable<ItemResult["finding"]> } : {}),
  };
}

/** Runs one domain action (422 with the domain's Chinese error when refused). */
export function act(src: FieldSource, record: InspectionRecord, action: InspectionAction, auth: Auth, now: Date): InspectionRecord {
  const r = applyInspectionAction(
    record,
    action,
    { userId: auth.userId, roles: auth.roles },
    {
      now: now.toISOString(),
      inspectors: src.inspectors,
      items: src.checklist?.items ?? [],
    },
  );
  if (!r.ok) throw rule(r.error);
  return r.record;
}

/** Loads the inspection for a change, inside the transaction (write scope, conduct permission). */
export async function writable(tx: Tx, auth: Auth, id: string, what: string): Promise<{ src: FieldSource; record: InspectionRecord }> {
  requireRole(auth, roles("inspection.conduct"), what);
  const src = await readable(tx, auth, id);
  await requireAccess(tx, auth, { mode: "write", organisationId: src.organisationId, roles: roles("inspection.conduct"), what });
  return { src, record: await domainRecord(tx, src) };
}

export const audit = (tx: Tx, auth: Auth, src: FieldSource, action: string, after: unknown) =>
  recordAudit(tx, auth, {
    action,
    entityType: "inspection",
    entityId: src.id,
    organisationId: src.organisationId,
    regionCode: src.regionCode,
    after,
  });

/** Whether the item already has its hazard or its case (its result can then no longer change). */
export async function hasFollowUp(tx: DbOrTx, id: string, itemId: string): Promise<boolean> {
  const [h] = await tx
    .select({ id: hazards.id })
    .from(hazards)
    .where(and(eq(hazards.inspectionId, id), eq(hazards.itemId, itemId)));
  const [c] = await tx
    .select({ id: inspectionCaseLinks.id })
    .from(inspectionCaseLinks)
    .where(and(eq(inspectionCaseLinks.inspectionId, id), eq(inspectionCaseLinks.itemId, itemId)));
  return Boolean(h || c);
}

/** The organisation whose record it is (its name and short name head the 现场检查记录). */
export async function recordOrganisation(tx: Tx, src: FieldSource) {
  const [org] = await tx.select().from(organisations).where(eq(organisations.id, src.organisationId));
  if (!org) throw notFound("执法主体");
  return org;
}

/** The next 现场检查记录 number of the organisation ({org}检〔{year}〕{seq}号, one sequence a year). */
export async function nextRecordNo(ctx: AppContext, tx: Tx, src: FieldSource, orgShort: string): Promise<string> {
  const year = Number(today(ctx).slice(0, 4));
  const seq = await nextSequence(tx, src.organisationId, src.regionCode, RECORD_COUNTER_TYPE, year);
  const { numberPattern } = await numberSettings(tx, src.organisationId);
  return formatDocumentNumber(numberPattern, { orgShort, typeShort: RECORD_TYPE_SHORT, year, seq });
}
