/**
 * Public verification (核验): anyone holding a document can look up its short code and see the
 * document type, number, issuing organisation, date and hash — never the party's personal data — and
 * upload the file to learn whether it is the file that was issued (SHA-256 comparison).
 */
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { DOCUMENT_TYPE_LABELS, type DocumentType } from "@kuanyan/domain/documents";
import { deliveries, documents, organisations } from "../db/schema";
import { AppError } from "../http/errors";
import type { AppContext } from "../http/context";
import { DOCUMENT_STATUS_LABELS, sha256Hex, type DocumentStatus } from "./shared";

import { ZCompareInput, ZCompareResult, ZVerification } from "@kuanyan/contract/documents";
export { ZCompareInput, ZCompareResult, ZVerification };
export type Verification = z.infer<typeof ZVerification>;

const CODE = /^[2-9A-HJ-NP-Z]{8}$/;

function unknownCode() {
  return new AppError("not_found", "核验码不存在：请核对文书上的核验码（8 位字母和数字）");
}

async function load(ctx: AppContext, shortCode: string) {
  const code = shortCode.trim().toUpperCase();
  if (!CODE.test(code)) throw unknownCode();
  const { db } = ctx.database;
  const [row] = await db
    .select({ d: documents, organisationName: organisations.name })
    .from(documents)
    .innerJoin(organisations, eq(organisations.id, documents.organisationId))
    .where(eq(documents.shortCode, code));
  if (!row) throw unknownCode();
  return row;
}

export async function verifyDocument(ctx: AppContext, shortCode: string): Promise<Verification> {
  const { d, organisationName } = await load(ctx, shortCode);
  const { db } = ctx.database;
  const [next] = await db.select({ number: documents.number }).from(documents).where(eq(documents.supersedesId, d.id));
  const delivered = await db.select({ id: deliveries.id }).from(deliveries).where(eq(deliveries.documentId, d.id));
  return {
    shortCode: d.shortCode,
    type: d.type,
    typeLabel: DOCUMENT_TYPE_LABELS[d.type as DocumentType] ?? d.type,
    number: d.number,
    organisationName,
    issuedOn: d.issuedOn,
    sha256: d.sha256,
    status: d.status,
    statusLabel: DOCUMENT_STATUS_LABELS[d.status as DocumentStatus] ?? d.status,
    supersededByNumber: next?.number ?? null,
    deliveredCount: delivered.length,
  };
}

/** Compares a presented file with the issued one (and its signed delivery copies). */
export async function compareDocument(ctx: AppContext, shortCode: string, contentBase64: string) {
  const { d } = await load(ctx, shortCode);
  const data = Buffer.from(contentBase64.replace(/^data:[^,]*,/, ""), "base64");
  if (data.length === 0) throw new AppError("validation_failed", "上传的文件为空");
  const presented = sha256Hex(data);
  const verification = await verifyDocument(ctx, shortCode);
  let matched: "original" | "signed" | null = presented === d.sha256 ? "original" : null;
  if (!matched) {
    const signed = await ctx.database.db.select({ pdf: deliveries.signedPdf }).from(deliveries).where(eq(deliveries.documentId, d.id));
    if (signed.some((s) => s.pdf && sha256Hex(s.pdf) === presented)) matched = "signed";
  }
  const status = d.status === "cancelled" ? "，但该文书已作废" : d.status === "superseded" ? "，但该文书已被更正文书取代" : "";
  const message = matched
    ? `未被篡改：与签发文件一致${matched === "signed" ? "（送达签收件）" : ""}${status}`
    : "与签发文件不一致：该文件不是签发的原件，或已被修改";
  return { unchanged: !!matched, matched, message, presentedSha256: presented, verification };
}
