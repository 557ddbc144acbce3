/**
 * 送达: records how a document reached the party (行政处罚法 第六十一条): 直接送达 (the recipient may
 * sign on screen), 留置送达 (the party refused: witnesses required), 邮寄送达, 电子送达 (only with the
 * party's recorded consent). The signed record is rendered onto the document's footer as a signed
 * variant (deliveries.signed_pdf); the issued document's frozen bytes and hash stay unchanged.
 */
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { documentActionProblem, documentLifecycle, type DocumentStatus } from "@kuanyan/domain/documents";
import { chinaInstant, chinaMinute, isIsoDateTime } from "@kuanyan/domain/dates";
import { deliveries, documents } from "../db/schema";
import { recordAudit } from "../audit/record";
import { requireAccess } from "../access";
import { AppError, notFound } from "../http/errors";
import type { AppContext, Auth } from "../http/context";
import { checkImage } from "./images";
import { DELIVERY_METHOD_LABELS, renderStoredPdf, type Actor, type DeliveryMethod, type DeliveryRow, type DocumentRow } from "./shared";
import type { Tx } from "../db/client";

export const MAX_SIGNATURE_BYTES = 300 * 1024;

import { ZRecordDelivery } from "@kuanyan/contract/documents";
export { ZRecordDelivery };
export type RecordDeliveryInput = z.infer<typeof ZRecordDelivery>;

function validate(input: RecordDeliveryInput, doc: DocumentRow, now: Date): string[] {
  const problems: string[] = [];
  if (!isIsoDateTime(input.deliveredAt)) problems.push("送达时间格式无效（应为 年-月-日T时:分）");
  else {
    if (input.deliveredAt.slice(0, 10) < doc.issuedOn) problems.push("送达时间不能早于文书签发日期");
    if (input.deliveredAt > chinaMinute(new Date(now.getTime() + 5 * 60_000))) problems.push("送达时间不能晚于现在");
  }
  switch (input.method) {
    case "direct":
      if (input.refused) problems.push("受送达人拒绝签收的，应当采用留置送达并由见证人在场");
      // A direct delivery is proven by the recipient's own signature: a typed name is not one.
      else if (!input.signatureBase64) {
        problems.push("直接送达须由受送达人当场手写签名，未签名不能保存；受送达人拒绝签收的，请改用留置送达并记录拒收事由和见证人");
      }
      break;
    case "lodged":
      if (!input.refused) problems.push("留置送达适用于受送达人拒绝签收的情形，请勾选“拒绝签收”");
      if (input.witnesses.length === 0) problems.push("留置送达应当邀请见证人到场，请填写见证人");
      if (!input.refusalReason) problems.push("留置送达请记录拒收事由（受送达人拒绝签收的情况）");
      if (!input.place) problems.push("留置送达请填写留置文书的地点（受送达人的住所或经营场所）");
      if (input.signatureBase64) problems.push("留置送达时受送达人拒绝签收，不应有受送达人签名");
      break;
    case "mail":
      if (input.signatureBase64) problems.push("邮寄送达以回执为准，不在此处签名");
      if (!input.place) problems.push("邮寄送达请填写邮寄地址（及邮件号）");
      break;
    case "electronic":
      // 行政处罚法 第六十一条第二款: 当事人同意并签订确认书的，可以采用电子送达。
      if (!input.consent || !input.consentRecord) {
        problems.push("电子送达须经当事人同意并签订确认书（行政处罚法第六十一条），请记录当事人同意电子送达的确认书");
      }
      if (!input.place) problems.push("电子送达请填写当事人确认的电子送达地址（传真、电子邮件等）");
      if (input.signatureBase64) problems.push("电子送达不需要受送达人当场签名");
      break;
  }
  if (input.method !== "lodged" && input.refused) {
    if (input.method !== "direct") problems.push("拒绝签收只适用于留置送达");
  }
  return problems;
}

/**
 * What goes on the 被送达人签名 line: never the recipient's typed name (only a signature is a
 * signature). A signed direct delivery leaves the text empty (the drawn signature is printed there);
 * a refusal says so with its witnesses; mail and electronic delivery say how the document went.
 */
export function recipientSignatureText(d: Pick<DeliveryRow, "method" | "refused" | "witnesses" | "place">): string {
  const witnesses = (d.witnesses as string[]) ?? [];
  if (d.refused || d.method === "lodged") return `拒绝签收（留置送达，见证人：${witnesses.join("、")}）`;
  if (d.method === "mail") return "（邮寄送达，以邮件回执为准）";
  if (d.method === "electronic") return "（电子送达，经当事人同意）";
  return "";
}

/** A 留置送达's remarks: the refusal reason first, then the officer's remarks. */
export function deliveryRemarks(input: Pick<RecordDeliveryInput, "method" | "refusalReason" | "remarks">): string | null {
  const parts = [input.method === "lodged" && input.refusalReason ? `拒收事由：${input.refusalReason}` : "", input.remarks ?? ""].filter(Boolean);
  return parts.length ? parts.join("；") : null;
}

/** What the delivery writes into the document's footer fields. */
export function deliveryFooterValues(
  d: Pick<DeliveryRow, "method" | "deliverer" | "recipient" | "deliveredAt" | "refused" | "witnesses" | "place" | "remarks">,
): Record<string, string> {
  const witnesses = (d.witnesses as string[]) ?? [];
  const method = DELIVERY_METHOD_LABELS[d.method as DeliveryMethod] ?? d.method;
  const recipientName = recipientSignatureText(d);
  return {
    delivererName: d.deliverer,
    recipientName,
    deliveredAt: chinaMinute(d.deliveredAt),
    deliveryMethod: method,
    deliveryPlace: d.place ?? "",
    witnesses: witnesses.join("、"),
    remarks: d.remarks ?? "",
  };
}

export async function recordDelivery(ctx: AppContext, auth: Auth, documentId: string, input: RecordDeliveryInput): Promise<DeliveryRow> {
  const { db } = ctx.database;
  const [doc] = await db.select().from(documents).where(eq(documents.id, documentId));
  if (!doc) throw notFound("文书");
  await requireAccess(db, auth, { mode: "read", organisationId: doc.organisationId }).catch(() => {
    throw notFound("文书");
  });
  const rule = documentLifecycle.deliver;
  await requireAccess(db, auth, { mode: "write", organisationId: doc.organisationId, roles: rule.roles, what: rule.label });
  const problem = documentActionProblem("deliver", doc.status as DocumentStatus, { roles: auth.roles, canWrite: true }, doc.number);
  if (problem) throw new AppError("rule_violation", problem);
  const problems = validate(input, doc, ctx.now());
  if (problems.length) throw new AppError("validation_failed", problems.join("；"));
  const signature = input.signatureBase64
    ? (await checkImage(ctx.config, input.signatureBase64, { what: "签名", maxBytes: MAX_SIGNATURE_BYTES, pngOnly: true, field: "signatureBase64" }))
        .data
    : null;

  const record: DeliveryRecord = {
    method: input.method,
    deliverer: input.deliverer,
    recipient: input.recipient,
    deliveredAt: chinaInstant(input.deliveredAt),
    signature,
    refused: input.refused,
    witnesses: input.witnesses,
    consent: input.method === "electronic" ? true : (input.consent ?? null),
    consentRecord: input.consentRecord ?? null,
    place: input.place ?? null,
    remarks: deliveryRemarks(input),
  };
  const signedPdf = await renderStoredPdf(db, doc, { delivery: { values: deliveryFooterValues(record), signature } });
  return db.transaction((tx) => writeDelivery(tx, auth, doc, record, signedPdf));
}

export type DeliveryRecord = Pick<
  DeliveryRow,
  "method" | "deliverer" | "recipient" | "deliveredAt" | "signature" | "refused" | "witnesses" | "consent" | "consentRecord" | "place" | "remarks"
>;

/** Inserts a checked delivery with its signed copy and the audit event (inside the caller's transaction). */
export async function writeDelivery(tx: Tx, actor: Actor, doc: DocumentRow, record: DeliveryRecord, signedPdf: Buffer): Promise<DeliveryRow> {
  const [row] = await tx
    .insert(deliveries)
    .values({
      ...record,
      regionCode: doc.regionCode,
      organisationId: doc.organisationId,
      documentId: doc.id,
      signedPdf,
      createdBy: actor?.userId ?? null,
    })
    .returning();
  await recordAudit(tx, actor, {
    action: "document.delivered",
    entityType: "document",
    entityId: doc.id,
    organisationId: doc.organisationId,
    regionCode: doc.regionCode,
    after: {
      deliveryId: row.id,
      method: row.method,
      deliverer: row.deliverer,
      recipient: row.recipient,
      deliveredAt: row.deliveredAt,
      refused: row.refused,
      witnesses: row.witnesses,
      signed: !!row.signature,
    },
  });
  return row;
}
