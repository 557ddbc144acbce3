/**
 * The inspection on site (issue 10 §6, §7): the inspector's day, 签到, results item by item, photos,
 * signatures, submission of the 现场检查记录, and a failed item → hazard or case. The domain decides
 * (applyInspectionAction, hazardFromFinding, registerHazard, prefillCase); the server loads, checks the
 * data scope, and saves the change with its audit event in one transaction.
 *
 * Idempotency (poor connectivity, docs/inspections/README.md): every write carries a key the client
 * generated once for it. A replayed key finds its row and changes nothing; results are keyed by item,
 * so a replay with a new key but the same content changes nothing either.
 */
import crypto from "node:crypto";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { registerHazard as registerHazardRule, type Hazard } from "@kuanyan/domain/hazards";
import {
  applyInspectionAction,
  correctInspection,
  hazardFromFinding,
  inspectionStatusLabels,
  prefillCase,
  type InspectionAction,
  type InspectionRecord,
  type ItemResult,
} from "@kuanyan/domain/inspections";
import { formatCitation } from "@kuanyan/domain/laws";
import { formatDocumentNumber } from "@kuanyan/domain/documents";
import type { Correction, FieldInspection, MyDay, RegisterHazard, SaveResult } from "@kuanyan/contract/hazards";
import type { DbOrTx, Tx } from "../../db/client";
import { cases, evidence, organisations } from "../../db/schema";
import { hazardEvents, hazards } from "../../hazards/schema";
import { inspectionCaseLinks, inspectionCheckIns, inspectionPhotos, inspectionRecords, inspectionResults, inspectionSignatures } from "./schema";
import { recordAudit } from "../../audit/record";
import { requireAccess, requireRole } from "../../access";
import { AppError, notFound } from "../../http/errors";
import type { AppContext, Auth } from "../../http/context";
import { checkEvidenceFile, checkImageFile, uploadLimits } from "../../uploads";
import { nextSequence, numberSettings } from "../../documents/numbering";
import { openCase } from "../../cases/openCase";
import { today } from "../../shared/clock";
import { roles } from "../../hazards/service";
import { assignedTo, loadSource, setStatus, type FieldSource } from "./source";
import { RECORD_COUNTER_TYPE, RECORD_TYPE_SHORT, recordPdf, recordDocx, type RecordContent } from "./recordDocument";

const rule = (message: string) => new AppError("rule_violation", message);
const sha256 = (b: Buffer) => crypto.createHash("sha256").update(b).digest("hex");

/** The source of an inspection the user may read (404 otherwise, never revealing another's). */
async function readable(db: DbOrTx, auth: Auth, id: string): Promise<FieldSource> {
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
async function domainRecord(db: DbOrTx, src: FieldSource): Promise<InspectionRecord> {
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
function act(src: FieldSource, record: InspectionRecord, action: InspectionAction, auth: Auth, now: Date): InspectionRecord {
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
async function writable(tx: Tx, auth: Auth, id: string, what: string): Promise<{ src: FieldSource; record: InspectionRecord }> {
  requireRole(auth, roles("inspection.conduct"), what);
  const src = await readable(tx, auth, id);
  await requireAccess(tx, auth, { mode: "write", organisationId: src.organisationId, roles: roles("inspection.conduct"), what });
  return { src, record: await domainRecord(tx, src) };
}

const audit = (tx: Tx, auth: Auth, src: FieldSource, action: string, after: unknown) =>
  recordAudit(tx, auth, {
    action,
    entityType: "inspection",
    entityId: src.id,
    organisationId: src.organisationId,
    regionCode: src.regionCode,
    after,
  });

// ---------------------------------------------------------------------------------------------
// Reading

export async function myDay(ctx: AppContext, auth: Auth): Promise<MyDay> {
  const day = today(ctx);
  const rows = await assignedTo(ctx.database.db, auth.userId);
  const items = rows
    .filter((r) => r.status === "drawn" || r.status === "started" || (r.status === "submitted" && r.submittedOn === day))
    .map((r) => ({
      id: r.id,
      organisationId: r.organisationId,
      unitName: r.unitName,
      creditCode: r.creditCode,
      address: r.address,
      status: r.status,
      statusLabel: inspectionStatusLabels[r.status],
      dueBy: r.dueBy,
      overdue: r.status !== "submitted" && r.dueBy !== null && r.dueBy < day,
      inspectorNames: r.inspectorNames,
    }))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.dueBy ?? "").localeCompare(b.dueBy ?? "") || a.unitName.localeCompare(b.unitName));
  return { today: day, items };
}

export async function fieldInspection(ctx: AppContext, auth: Auth, id: string): Promise<FieldInspection> {
  const { db } = ctx.database;
  const src = await readable(db, auth, id);
  const day = today(ctx);
  const [checkIn] = await db.select().from(inspectionCheckIns).where(eq(inspectionCheckIns.inspectionId, id));
  const results = await db.select().from(inspectionResults).where(eq(inspectionResults.inspectionId, id)).orderBy(asc(inspectionResults.itemId));
  const sigs = await db
    .select()
    .from(inspectionSignatures)
    .where(and(eq(inspectionSignatures.inspectionId, id), isNull(inspectionSignatures.voidedAt)))
    .orderBy(asc(inspectionSignatures.signedAt));
  const records = await db.select().from(inspectionRecords).where(eq(inspectionRecords.inspectionId, id)).orderBy(asc(inspectionRecords.submittedAt));
  const record = records.find((r) => !r.supersededById) ?? null;
  const hz = await db
    .select({ id: hazards.id, itemId: hazards.itemId, level: hazards.level, status: hazards.status })
    .from(hazards)
    .where(eq(hazards.inspectionId, id));
  const links = await db
    .select({ id: inspectionCaseLinks.caseId, itemId: inspectionCaseLinks.itemId, caseNo: cases.caseNo })
    .from(inspectionCaseLinks)
    .innerJoin(cases, eq(cases.id, inspectionCaseLinks.caseId))
    .where(eq(inspectionCaseLinks.inspectionId, id));
  return {
    id: src.id,
    organisationId: src.organisationId,
    unitName: src.unit.name,
    creditCode: src.unit.creditCode,
    address: src.unit.address,
    status: src.status,
    statusLabel: inspectionStatusLabels[src.status],
    dueBy: src.dueBy,
    overdue: (src.status === "drawn" || src.status === "started") && src.dueBy !== null && src.dueBy < day,
    inspectorNames: src.inspectorIds.map((u) => src.inspectors.find((i) => i.userId === u)?.name ?? ""),
    inspectors: src.inspectorIds.map((u) => {
      const i = src.inspectors.find((x) => x.userId === u);
      return { userId: u, name: i?.name ?? "", certificateNo: i?.certificate?.number ?? null };
    }),
    checkIn: checkIn ? { at: checkIn.at.toISOString(), latitude: checkIn.latitude, longitude: checkIn.longitude } : null,
    checklistTitle: src.checklist?.title ?? null,
    items: (src.checklist?.items ?? []).map((i) => ({
      id: i.id,
      area: i.area,
      text: i.text,
      basis: i.basis.map((c) => formatCitation(c)).join("；"),
      matterCode: i.matterCode,
    })),
    results: results.map((r) => ({
      itemId: r.itemId,
      outcome: r.outcome as "pass" | "fail" | "not_applicable",
      note: r.note,
      photos: r.photos,
      finding: (r.finding as FieldInspection["results"][number]["finding"]) ?? null,
      recordedAt: r.recordedAt.toISOString(),
    })),
    signatures: sigs.map((s) => ({
      id: s.id,
      signerKind: s.signerKind as "inspector" | "representative",
      userId: s.userId,
      name: s.name,
      refused: s.refused,
      note: s.note,
      hasImage: s.image !== null,
      signedAt: s.signedAt.toISOString(),
    })),
    record: record ? { id: record.id, recordNo: record.recordNo, submittedAt: record.submittedAt.toISOString(), sha256: record.sha256 } : null,
    hazards: hz,
    cases: links,
    supersededRecords: records
      .filter((r) => r.supersededById)
      .map((r) => ({
        id: r.id,
        recordNo: r.recordNo,
        submittedAt: r.submittedAt.toISOString(),
        correctionReason: records.find((n) => n.id === r.supersededById)?.correctionReason ?? null,
      })),
    allowedActions: (await mayCorrect(db, auth, src)) ? ["inspection.correct"] : [],
  };
}

/** 更正 is offered on a submitted inspection to an assigned inspector with the permission and write scope. */
async function mayCorrect(db: DbOrTx, auth: Auth, src: FieldSource): Promise<boolean> {
  if (src.status !== "submitted" || !src.inspectorIds.includes(auth.userId)) return false;
  if (!roles("inspection.correct").some((r) => auth.roles.includes(r))) return false;
  try {
    await requireAccess(db, auth, { mode: "write", organisationId: src.organisationId, roles: roles("inspection.correct"), what: "更正检查记录" });
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// 签到, results, photos, signatures

export async function checkIn(
  ctx: AppContext,
  auth: Auth,
  id: string,
  input: { idempotencyKey: string; location?: { latitude: number; longitude: number; accuracyMetres?: number } },
): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    const { src, record } = await writable(tx, auth, id, "开始检查（签到）");
    const [existing] = await tx.select().from(inspectionCheckIns).where(eq(inspectionCheckIns.inspectionId, id));
    if (existing && src.status !== "drawn") return; // already started (a replay, or the other inspector checked in)
    if (!src.checklist) throw rule("本单位没有适用于该行业的已发布检查表，不能开始检查（请先发布检查表）");
    const now = ctx.now();
    act(
      src,
      record,
      {
        type: "start",
        checklist: { checklistId: src.checklist.id, version: src.checklist.version },
        ...(input.location ? { location: input.location } : {}),
      },
      auth,
      now,
    );
    await tx.insert(inspectionCheckIns).values({
      regionCode: src.regionCode,
      organisationId: src.organisationId,
      inspectionId: id,
      userId: auth.userId,
      at: now,
      latitude: input.location?.latitude ?? null,
      longitude: input.location?.longitude ?? null,
      accuracyMetres: input.location?.accuracyMetres ?? null,
      idempotencyKey: input.idempotencyKey,
    });
    await setStatus(tx, id, "started", { id: src.checklist.id, version: src.checklist.version });
    await audit(tx, auth, src, "inspection.started", { at: now.toISOString(), located: Boolean(input.location) });
  });
}

export async function uploadPhoto(ctx: AppContext, auth: Auth, id: string, input: { contentBase64: string }) {
  const data = Buffer.from(input.contentBase64, "base64");
  if (data.length === 0) throw new AppError("validation_failed", "照片内容为空", [{ field: "contentBase64", message: "照片内容为空" }]);
  if (data.length > Math.min(10 * 1024 * 1024, uploadLimits(ctx.config).maxBytes))
    throw new AppError("payload_too_large", "照片过大，不得超过 10 MB");
  const type = await checkEvidenceFile(ctx.config, data, "现场照片");
  if (!type.mime.startsWith("image/")) throw new AppError("unsupported_media_type", "现场照片须为图片（JPEG、PNG）");
  const hash = sha256(data);
  return ctx.database.db.transaction(async (tx) => {
    const { src } = await writable(tx, auth, id, "上传现场照片");
    if (src.status !== "started") throw rule(`检查当前状态为“${inspectionStatusLabels[src.status]}”，不能上传照片`);
    const [existing] = await tx
      .select({ id: inspectionPhotos.id })
      .from(inspectionPhotos)
      .where(and(eq(inspectionPhotos.inspectionId, id), eq(inspectionPhotos.sha256, hash)));
    if (!existing) {
      await tx.insert(inspectionPhotos).values({
        regionCode: src.regionCode,
        organisationId: src.organisationId,
        inspectionId: id,
        mime: type.mime,
        size: data.length,
        sha256: hash,
        data,
        uploadedBy: auth.userId,
      });
      await audit(tx, auth, src, "inspection.photo_uploaded", { sha256: hash, size: data.length, mime: type.mime });
    }
    return { sha256: hash, size: data.length, mime: type.mime };
  });
}

export async function photoFile(ctx: AppContext, auth: Auth, id: string, hash: string) {
  await readable(ctx.database.db, auth, id);
  const [row] = await ctx.database.db
    .select()
    .from(inspectionPhotos)
    .where(and(eq(inspectionPhotos.inspectionId, id), eq(inspectionPhotos.sha256, hash)));
  return row ?? null;
}

/** Saves one item's result. Returns whether anything changed (a replay changes nothing). */
export async function saveResult(ctx: AppContext, auth: Auth, id: string, itemId: string, input: SaveResult): Promise<{ changed: boolean }> {
  return ctx.database.db.transaction(async (tx) => {
    const { src, record } = await writable(tx, auth, id, "填写检查项");
    const [replay] = await tx
      .select({ id: inspectionResults.id })
      .from(inspectionResults)
      .where(and(eq(inspectionResults.inspectionId, id), eq(inspectionResults.idempotencyKey, input.idempotencyKey)));
    if (replay) return { changed: false };
    const result: ItemResult = {
      itemId,
      outcome: input.outcome,
      ...(input.note?.trim() ? { note: input.note.trim() } : {}),
      photos: [...new Set(input.photos)],
      ...(input.finding ? { finding: input.finding } : {}),
    };
    const next = act(src, record, { type: "recordResult", result }, auth, ctx.now());
    if (next === record) return { changed: false }; // the same content again
    if (result.photos.length) {
      const stored = await tx
        .select({ sha256: inspectionPhotos.sha256 })
        .from(inspectionPhotos)
        .where(and(eq(inspectionPhotos.inspectionId, id), inArray(inspectionPhotos.sha256, result.photos)));
      if (stored.length !== result.photos.length) throw rule("有照片尚未上传，请先上传照片再保存检查结果");
    }
    if (await hasFollowUp(tx, id, itemId)) throw rule(`检查项${itemId}已登记隐患或立案，不能再修改结果`);
    const values = {
      outcome: result.outcome,
      note: result.note ?? null,
      photos: result.photos,
      finding: (result.finding ?? null) as Record<string, unknown> | null,
      idempotencyKey: input.idempotencyKey,
      recordedBy: auth.userId,
      recordedAt: ctx.now(),
    };
    const before = record.results.find((r) => r.itemId === itemId);
    if (before)
      await tx
        .update(inspectionResults)
        .set(values)
        .where(and(eq(inspectionResults.inspectionId, id), eq(inspectionResults.itemId, itemId)));
    else
      await tx
        .insert(inspectionResults)
        .values({ regionCode: src.regionCode, organisationId: src.organisationId, inspectionId: id, itemId, ...values });
    // A changed result voids the signatures given (they signed other content): never shown as signed.
    const voided = await tx
      .update(inspectionSignatures)
      .set({ voidedAt: ctx.now() })
      .where(and(eq(inspectionSignatures.inspectionId, id), isNull(inspectionSignatures.voidedAt)))
      .returning({ id: inspectionSignatures.id });
    await audit(tx, auth, src, "inspection.result_recorded", {
      itemId,
      outcome: result.outcome,
      finding: result.finding?.kind ?? null,
      photos: result.photos.length,
      signaturesVoided: voided.length,
    });
    return { changed: true };
  });
}

async function hasFollowUp(tx: DbOrTx, id: string, itemId: string): Promise<boolean> {
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

export async function sign(
  ctx: AppContext,
  auth: Auth,
  id: string,
  input: { idempotencyKey: string; signer: "inspector" | "representative"; name?: string; refused?: boolean; note?: string; imageBase64?: string },
): Promise<void> {
  const image = input.imageBase64 ? Buffer.from(input.imageBase64, "base64") : null;
  if (image) await checkImageFile(ctx.config, image, { what: "签名", maxBytes: 1024 * 1024, pngOnly: true, field: "imageBase64" });
  await ctx.database.db.transaction(async (tx) => {
    const { src, record } = await writable(tx, auth, id, "签名");
    const [replay] = await tx
      .select({ id: inspectionSignatures.id })
      .from(inspectionSignatures)
      .where(and(eq(inspectionSignatures.inspectionId, id), eq(inspectionSignatures.idempotencyKey, input.idempotencyKey)));
    if (replay) return;
    const now = ctx.now();
    if (input.signer === "inspector") {
      if (!image) throw rule("请在签名框内手写签名");
      const next = act(src, record, { type: "sign" }, auth, now);
      if (next === record) return; // already signed
      const name = src.inspectors.find((i) => i.userId === auth.userId)?.name ?? auth.displayName;
      await tx.insert(inspectionSignatures).values({
        regionCode: src.regionCode,
        organisationId: src.organisationId,
        inspectionId: id,
        signerKind: "inspector",
        userId: auth.userId,
        name,
        image,
        imageSha256: sha256(image),
        idempotencyKey: input.idempotencyKey,
        signedAt: now,
      });
      await audit(tx, auth, src, "inspection.signed", { signer: "inspector", userId: auth.userId });
      return;
    }
    if (!input.refused && !image) throw rule("请被检查单位签名人在签名框内手写签名；拒绝签名的，请注明情况");
    act(src, record, { type: "signRepresentative", name: input.name, refused: input.refused, note: input.note }, auth, now);
    await tx
      .update(inspectionSignatures)
      .set({ voidedAt: now })
      .where(
        and(eq(inspectionSignatures.inspectionId, id), eq(inspectionSignatures.signerKind, "representative"), isNull(inspectionSignatures.voidedAt)),
      );
    await tx.insert(inspectionSignatures).values({
      regionCode: src.regionCode,
      organisationId: src.organisationId,
      inspectionId: id,
      signerKind: "representative",
      name: input.refused ? "" : (input.name ?? "").trim(),
      refused: input.refused === true,
      note: input.refused ? (input.note ?? "").trim() : null,
      image: input.refused ? null : image,
      imageSha256: input.refused || !image ? null : sha256(image),
      idempotencyKey: input.idempotencyKey,
      signedAt: now,
    });
    await audit(tx, auth, src, "inspection.signed", { signer: "representative", refused: input.refused === true });
  });
}

// ---------------------------------------------------------------------------------------------
// Submission and the record

export async function submit(ctx: AppContext, auth: Auth, id: string): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    const { src, record } = await writable(tx, auth, id, "提交检查记录");
    if (src.status === "submitted") {
      const [done] = await tx.select({ id: inspectionRecords.id }).from(inspectionRecords).where(eq(inspectionRecords.inspectionId, id));
      if (done) return; // a replayed submit
    }
    const now = ctx.now();
    const submitted = act(src, record, { type: "submit" }, auth, now);
    const [org] = await tx.select().from(organisations).where(eq(organisations.id, src.organisationId));
    if (!org) throw notFound("执法主体");
    // A correction in progress already has its numbered record (superseding the old): it is completed.
    const [pending] = await tx
      .select()
      .from(inspectionRecords)
      .where(and(eq(inspectionRecords.inspectionId, id), isNull(inspectionRecords.supersededById)));
    if (pending) {
      const old = pending.supersedesId
        ? (await tx.select().from(inspectionRecords).where(eq(inspectionRecords.id, pending.supersedesId)))[0]
        : undefined;
      const content = recordContent(src, submitted, { recordNo: pending.recordNo, organisationName: org.name, submittedAt: now.toISOString() });
      content.corrects = old ? { recordNo: old.recordNo, reason: pending.correctionReason ?? "" } : null;
      const pdf = await recordPdf(content);
      await tx
        .update(inspectionRecords)
        .set({ content: content as unknown as Record<string, unknown>, sha256: sha256(pdf), pdf, submittedBy: auth.userId, submittedAt: now })
        .where(eq(inspectionRecords.id, pending.id));
      await setStatus(tx, id, "submitted");
      await audit(tx, auth, src, "inspection.submitted", { recordId: pending.id, recordNo: pending.recordNo, sha256: sha256(pdf) });
      return;
    }
    const year = Number(today(ctx).slice(0, 4));
    const seq = await nextSequence(tx, src.organisationId, src.regionCode, RECORD_COUNTER_TYPE, year);
    const { numberPattern } = await numberSettings(tx, src.organisationId);
    const recordNo = formatDocumentNumber(numberPattern, { orgShort: org.shortName, typeShort: RECORD_TYPE_SHORT, year, seq });
    const content = recordContent(src, submitted, { recordNo, organisationName: org.name, submittedAt: now.toISOString() });
    const pdf = await recordPdf(content);
    const [row] = await tx
      .insert(inspectionRecords)
      .values({
        regionCode: src.regionCode,
        organisationId: src.organisationId,
        inspectionId: id,
        recordNo,
        content: content as unknown as Record<string, unknown>,
        sha256: sha256(pdf),
        pdf,
        submittedBy: auth.userId,
        submittedAt: now,
      })
      .returning({ id: inspectionRecords.id });
    await setStatus(tx, id, "submitted");
    await audit(tx, auth, src, "inspection.submitted", { recordId: row.id, recordNo, sha256: sha256(pdf) });
  });
}

/**
 * 更正 (issue 10 §6): a submitted record is never edited. The correction is a new numbered record
 * that supersedes the old one (both kept, the old one still downloadable); the corrected results
 * replace the item results, the signatures are voided and the inspection is started again, to be
 * signed and submitted anew. One transaction with its audit event.
 */
export async function correct(ctx: AppContext, auth: Auth, id: string, input: Correction): Promise<void> {
  requireRole(auth, roles("inspection.correct"), "更正检查记录");
  await ctx.database.db.transaction(async (tx) => {
    const src = await readable(tx, auth, id);
    await requireAccess(tx, auth, { mode: "write", organisationId: src.organisationId, roles: roles("inspection.correct"), what: "更正检查记录" });
    const record = await domainRecord(tx, src);
    const [old] = await tx
      .select()
      .from(inspectionRecords)
      .where(and(eq(inspectionRecords.inspectionId, id), isNull(inspectionRecords.supersededById)));
    if (!old || src.status !== "submitted") throw rule(`检查当前状态为“${inspectionStatusLabels[src.status]}”，不能更正`);
    const newId = crypto.randomUUID();
    const corrected = correctInspection(record, { newId, reason: input.reason }, { userId: auth.userId, roles: auth.roles });
    if (!corrected.ok) throw rule(corrected.error);
    const items = src.checklist?.items ?? [];
    const seen = new Set<string>();
    for (const r of input.results) {
      if (!items.some((i) => i.id === r.itemId)) throw rule(`检查表中没有检查项${r.itemId}`);
      if (seen.has(r.itemId)) throw rule(`检查项${r.itemId}重复填写`);
      seen.add(r.itemId);
      const before = record.results.find((x) => x.itemId === r.itemId);
      if (before && before.outcome !== r.outcome && (await hasFollowUp(tx, id, r.itemId)))
        throw rule(`检查项${r.itemId}已登记隐患或立案，不能更正其结果`);
    }
    const now = ctx.now();
    for (const r of input.results) {
      const before = record.results.find((x) => x.itemId === r.itemId);
      const values = {
        outcome: r.outcome,
        note: r.note?.trim() ? r.note.trim() : null,
        photos: before?.photos ?? [],
        finding: (r.finding ?? null) as Record<string, unknown> | null,
        idempotencyKey: `${input.idempotencyKey}:${r.itemId}`,
        recordedBy: auth.userId,
        recordedAt: now,
      };
      if (before)
        await tx
          .update(inspectionResults)
          .set(values)
          .where(and(eq(inspectionResults.inspectionId, id), eq(inspectionResults.itemId, r.itemId)));
      else
        await tx
          .insert(inspectionResults)
          .values({ regionCode: src.regionCode, organisationId: src.organisationId, inspectionId: id, itemId: r.itemId, ...values });
    }
    await tx
      .update(inspectionSignatures)
      .set({ voidedAt: now })
      .where(and(eq(inspectionSignatures.inspectionId, id), isNull(inspectionSignatures.voidedAt)));
    const [org] = await tx.select().from(organisations).where(eq(organisations.id, src.organisationId));
    if (!org) throw notFound("执法主体");
    const year = Number(today(ctx).slice(0, 4));
    const seq = await nextSequence(tx, src.organisationId, src.regionCode, RECORD_COUNTER_TYPE, year);
    const { numberPattern } = await numberSettings(tx, src.organisationId);
    const recordNo = formatDocumentNumber(numberPattern, { orgShort: org.shortName, typeShort: RECORD_TYPE_SHORT, year, seq });
    const draft = { ...corrected.correction, results: (await domainRecord(tx, src)).results, signatures: [] };
    delete draft.representative;
    const content = recordContent(src, draft, { recordNo, organisationName: org.name, submittedAt: now.toISOString() });
    content.corrects = { recordNo: old.recordNo, reason: input.reason };
    const pdf = await recordPdf(content);
    await tx.insert(inspectionRecords).values({
      id: newId,
      regionCode: src.regionCode,
      organisationId: src.organisationId,
      inspectionId: id,
      recordNo,
      content: content as unknown as Record<string, unknown>,
      sha256: sha256(pdf),
      pdf,
      submittedBy: auth.userId,
      submittedAt: now,
      supersedesId: old.id,
      correctionReason: input.reason,
    });
    await tx.update(inspectionRecords).set({ supersededById: newId }).where(eq(inspectionRecords.id, old.id));
    await setStatus(tx, id, "started");
    await audit(tx, auth, src, "inspection.corrected", {
      supersededRecordId: old.id,
      supersededRecordNo: old.recordNo,
      recordId: newId,
      recordNo,
      reason: input.reason,
      items: input.results.map((r) => r.itemId),
    });
  });
}

function recordContent(
  src: FieldSource,
  r: InspectionRecord,
  extra: { recordNo: string; organisationName: string; submittedAt: string },
): RecordContent {
  const items = src.checklist?.items ?? [];
  return {
    recordNo: extra.recordNo,
    organisationName: extra.organisationName,
    unitName: src.unit.name,
    creditCode: src.unit.creditCode,
    address: src.unit.address,
    checkInAt: r.checkIn?.at ?? extra.submittedAt,
    location: r.checkIn?.location ? { latitude: r.checkIn.location.latitude, longitude: r.checkIn.location.longitude } : null,
    inspectors: r.inspectorIds.map((u) => {
      const i = src.inspectors.find((x) => x.userId === u);
      return { name: i?.name ?? "", certificateNo: i?.certificate?.number ?? null };
    }),
    checklistTitle: src.checklist ? `${src.checklist.title}（第${src.checklist.version}版）` : "",
    items: items.map((item) => {
      const res = r.results.find((x) => x.itemId === item.id)!;
      const f = res.finding;
      const finding = !f
        ? null
        : f.kind === "hazard"
          ? `登记为${f.level === "major" ? "重大事故隐患" : "一般隐患"}${f.criterion ? `（判定依据：${f.criterion}）` : ""}`
          : `立案查处${f.majorHazard ? "（属于重大事故隐患）" : ""}`;
      return { id: item.id, area: item.area, text: item.text, outcome: res.outcome, note: res.note ?? null, photos: res.photos, finding };
    }),
    inspectorSignatures: r.signatures.map((s) => ({ name: src.inspectors.find((i) => i.userId === s.inspectorId)?.name ?? "", at: s.at })),
    representative: r.representative ?? null,
    submittedAt: extra.submittedAt,
    corrects: null,
  };
}

/** The current record, or (recordId) an earlier one a correction superseded: both are kept. */
export async function recordFile(ctx: AppContext, auth: Auth, id: string, format: "pdf" | "docx", recordId?: string) {
  await readable(ctx.database.db, auth, id);
  const [row] = await ctx.database.db
    .select()
    .from(inspectionRecords)
    .where(and(eq(inspectionRecords.inspectionId, id), recordId ? eq(inspectionRecords.id, recordId) : isNull(inspectionRecords.supersededById)));
  if (!row) throw notFound("现场检查记录");
  const data = format === "pdf" ? row.pdf : await recordDocx(row.content as unknown as RecordContent);
  return { recordNo: row.recordNo, data, sha256: format === "pdf" ? row.sha256 : sha256(data) };
}

// ---------------------------------------------------------------------------------------------
// A failed item → hazard or case

export async function registerHazardFromItem(ctx: AppContext, auth: Auth, input: RegisterHazard): Promise<{ id: string; created: boolean }> {
  requireRole(auth, roles("hazard.manage"), "登记隐患");
  return ctx.database.db.transaction(async (tx) => {
    const src = await readable(tx, auth, input.inspectionId);
    await requireAccess(tx, auth, { mode: "write", organisationId: src.organisationId, roles: roles("hazard.manage"), what: "登记隐患" });
    const [existing] = await tx
      .select({ id: hazards.id })
      .from(hazards)
      .where(and(eq(hazards.inspectionId, src.id), eq(hazards.itemId, input.itemId)));
    if (existing) return { id: existing.id, created: false }; // a replay: one hazard per item
    if (src.status !== "started" && src.status !== "submitted") throw rule(`检查当前状态为“${inspectionStatusLabels[src.status]}”，不能登记隐患`);
    const record = await domainRecord(tx, src);
    const item = src.checklist?.items.find((i) => i.id === input.itemId);
    if (!item) throw rule(`检查表中没有检查项${input.itemId}`);
    const result = record.results.find((r) => r.itemId === input.itemId);
    if (!result) throw rule(`检查项${input.itemId}尚未填写`);
    const [link] = await tx
      .select({ id: inspectionCaseLinks.id })
      .from(inspectionCaseLinks)
      .where(and(eq(inspectionCaseLinks.inspectionId, src.id), eq(inspectionCaseLinks.itemId, input.itemId)));
    if (link) throw rule(`检查项${input.itemId}已立案，不能再登记为隐患`);
    const id = crypto.randomUUID();
    const draft = hazardFromFinding({ inspection: record, item, result, id, deadline: input.deadline, responsiblePerson: input.responsiblePerson });
    if (!draft.ok) throw rule(draft.error);
    const reg = registerHazardRule(draft.hazard, auth.roles);
    if (!reg.ok) throw rule(reg.error);
    const h: Hazard = reg.hazard;
    await tx.insert(hazards).values({
      id,
      regionCode: h.regionCode,
      organisationId: h.organisationId,
      inspectionId: src.id,
      itemId: item.id,
      creditCode: h.creditCode,
      unitName: h.unitName,
      level: h.level,
      criterion: h.criterion ?? null,
      description: h.description,
      responsiblePerson: h.responsiblePerson,
      foundOn: h.foundOn,
      deadline: h.deadline,
      status: h.status,
      idempotencyKey: input.idempotencyKey ?? null,
      createdBy: auth.userId,
    });
    await tx.insert(hazardEvents).values({
      regionCode: h.regionCode,
      organisationId: h.organisationId,
      hazardId: id,
      kind: "registered",
      detail: { level: h.level, deadline: h.deadline },
      actorId: auth.userId,
      at: ctx.now(),
    });
    await recordAudit(tx, auth, {
      action: "hazard.registered",
      entityType: "hazard",
      entityId: id,
      organisationId: h.organisationId,
      regionCode: h.regionCode,
      after: { inspectionId: src.id, itemId: item.id, level: h.level, deadline: h.deadline },
    });
    return { id, created: true };
  });
}

export async function openCaseFromItem(ctx: AppContext, auth: Auth, id: string, itemId: string): Promise<{ caseId: string; caseNo: string }> {
  const { db } = ctx.database;
  requireRole(auth, roles("inspection.conduct"), "由检查项立案");
  const src = await readable(db, auth, id);
  const existing = await linkedCase(db, id, itemId);
  if (existing) return existing; // a replay: one case per item
  if (src.status !== "started" && src.status !== "submitted") throw rule(`检查当前状态为“${inspectionStatusLabels[src.status]}”，不能立案`);
  const record = await domainRecord(db, src);
  const item = src.checklist?.items.find((i) => i.id === itemId);
  if (!item) throw rule(`检查表中没有检查项${itemId}`);
  const result = record.results.find((r) => r.itemId === itemId);
  if (!result) throw rule(`检查项${itemId}尚未填写`);
  if (result.finding && result.finding.kind !== "case") throw rule(`检查项${itemId}已确定为隐患，不能立案`);
  const p = prefillCase({ inspection: record, unit: src.unit, item, result, inspectors: src.inspectors });
  if (!p.ok) throw rule(p.error);
  const pre = p.prefill;
  try {
    const row = await openCase(
      ctx,
      auth,
      {
        organisationId: src.organisationId,
        party: { ...pre.party, address: pre.party.address || src.unit.name },
        matterCode: pre.matterCode,
        facts: pre.facts,
        actDate: pre.actDate,
        discoveredOn: pre.discoveredOn,
        inspection: pre.inspection,
      },
      {
        within: async (tx, c) => {
          // The 重大事故隐患 flag goes into the case's circumstances: the decision engine then excludes
          // every lenient list outcome (the lists' 重大事故隐患除外).
          if (pre.circumstances.majorHazard) {
            await tx
              .update(cases)
              .set({ circumstances: { ...(c.circumstances as Record<string, unknown>), majorHazard: true } })
              .where(eq(cases.id, c.id));
          }
          await tx
            .insert(inspectionCaseLinks)
            .values({ regionCode: src.regionCode, organisationId: src.organisationId, inspectionId: id, itemId, caseId: c.id });
          // The item's photos become the case's evidence (same bytes, same hash).
          for (const hash of result.photos) {
            const [photo] = await tx
              .select()
              .from(inspectionPhotos)
              .where(and(eq(inspectionPhotos.inspectionId, id), eq(inspectionPhotos.sha256, hash)));
            if (!photo) continue;
            await tx.insert(evidence).values({
              regionCode: c.regionCode,
              organisationId: c.organisationId,
              caseId: c.id,
              fileName: `现场检查照片-${item.id}-${hash.slice(0, 8)}.${photo.mime === "image/png" ? "png" : "jpg"}`,
              mime: photo.mime,
              size: photo.size,
              sha256: hash,
              data: photo.data,
              description: `现场检查（检查项${item.id}）拍摄`,
              uploadedBy: auth.userId,
            });
          }
          await audit(tx, auth, src, "inspection.case_opened", {
            itemId,
            caseId: c.id,
            caseNo: c.caseNo,
            majorHazard: pre.circumstances.majorHazard,
          });
        },
      },
    );
    return { caseId: row.id, caseNo: row.caseNo };
  } catch (err) {
    // Two devices racing on the same item: the unique link refuses the second; answer with the first.
    const again = await linkedCase(db, id, itemId);
    if (again) return again;
    throw err;
  }
}

async function linkedCase(db: DbOrTx, id: string, itemId: string) {
  const [row] = await db
    .select({ caseId: inspectionCaseLinks.caseId, caseNo: cases.caseNo })
    .from(inspectionCaseLinks)
    .innerJoin(cases, eq(cases.id, inspectionCaseLinks.caseId))
    .where(and(eq(inspectionCaseLinks.inspectionId, id), eq(inspectionCaseLinks.itemId, itemId)));
  return row ?? null;
}
