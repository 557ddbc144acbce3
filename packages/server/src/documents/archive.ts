/**
 * 案卷: every document of a case in order of issue with its delivery records, as one PDF: a cover
 * page, a table of contents, then each document (its signed delivery copy when there is one, else the
 * frozen issued file; a cancelled one with its 作废 marking) followed by a page of its delivery records.
 *
 * pdfkit cannot merge PDFs, so the cover, contents and delivery pages are drawn with pdfkit and the
 * frozen documents are concatenated unchanged with pdf-lib.
 */
import { asc, eq, inArray } from "drizzle-orm";
import PDFDocument from "pdfkit";
import { PDFDocument as LibDocument } from "pdf-lib";
import { DOCUMENT_TYPE_LABELS, type DocumentType } from "@kuanyan/domain/documents";
import { chinaMinute, formatChineseDate, formatChineseDateTime } from "@kuanyan/domain/dates";
import { cases, deliveries, documents, organisations } from "../db/schema";
import { requireAccess } from "../access";
import { notFound } from "../http/errors";
import type { AppContext, Auth } from "../http/context";
import { fonts } from "../shared/fonts";
import {
  DELIVERY_METHOD_LABELS,
  DOCUMENT_STATUS_LABELS,
  renderStoredPdf,
  type DeliveryMethod,
  type DeliveryRow,
  type DocumentRow,
  type DocumentStatus,
} from "./shared";

const MM = 72 / 25.4;

function pdfkitToBuffer(draw: (doc: PDFKit.PDFDocument) => void, created: Date): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 0,
    info: { Creator: "宽严 Kuanyan", Producer: "宽严 Kuanyan", CreationDate: created, ModDate: created },
  });
  doc.registerFont("body", fonts.serifRegular);
  doc.registerFont("title", fonts.serifBold);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  draw(doc);
  doc.end();
  return done;
}

const left = 28 * MM;
const width = 156 * MM;
const top = 37 * MM;

interface Entry {
  title: string;
  page: number;
}

function drawDeliveries(doc: PDFKit.PDFDocument, d: DocumentRow, title: string, list: DeliveryRow[]) {
  doc.font("title").fontSize(18).text("送达记录", left, top, { width, align: "center" });
  doc
    .moveDown(0.5)
    .font("body")
    .fontSize(12)
    .text(`${title}（${d.number || d.shortCode}）`, { width, align: "center" });
  doc.moveDown(1);
  if (!list.length) doc.text("尚无送达记录。", left, undefined, { width });
  list.forEach((r, i) => {
    const witnesses = (r.witnesses as string[]) ?? [];
    const lines = [
      `${i + 1}. 送达方式：${DELIVERY_METHOD_LABELS[r.method as DeliveryMethod] ?? r.method}`,
      `送达时间：${formatChineseDateTime(chinaMinute(r.deliveredAt))}`,
      `送达人：${r.deliverer}　　受送达人：${r.recipient}`,
      r.place ? `送达地点（地址）：${r.place}` : "",
      r.refused ? `受送达人拒绝签收，留置送达。见证人：${witnesses.join("、")}` : "",
      r.consentRecord ? `电子送达确认：${r.consentRecord}` : "",
      r.signature ? "受送达人已在屏幕上签名（见送达签收件）。" : "",
      r.remarks ? `备注：${r.remarks}` : "",
    ].filter(Boolean);
    doc.text(lines.join("\n"), left, undefined, { width, lineGap: 4 });
    doc.moveDown(0.8);
  });
}

export async function caseArchivePdf(ctx: AppContext, auth: Auth, caseId: string): Promise<{ pdf: Buffer; fileName: string }> {
  const { db } = ctx.database;
  const [c] = await db.select().from(cases).where(eq(cases.id, caseId));
  if (!c) throw notFound("案件");
  await requireAccess(db, auth, { mode: "read", organisationId: c.organisationId }).catch(() => {
    throw notFound("案件");
  });
  const [org] = await db.select().from(organisations).where(eq(organisations.id, c.organisationId));
  const docs = await db.select().from(documents).where(eq(documents.caseId, caseId)).orderBy(asc(documents.issuedAt), asc(documents.seq));
  const dels = docs.length
    ? await db
        .select()
        .from(deliveries)
        .where(
          inArray(
            deliveries.documentId,
            docs.map((d) => d.id),
          ),
        )
        .orderBy(asc(deliveries.deliveredAt))
    : [];
  const created = docs.at(-1)?.issuedAt ?? c.createdAt;

  const parts: { title: string; pdf: Buffer; pages: number; deliveryPdf: Buffer; deliveryPages: number }[] = [];
  for (const d of docs) {
    const title = DOCUMENT_TYPE_LABELS[d.type as DocumentType] ?? d.type;
    const mine = dels.filter((x) => x.documentId === d.id);
    const signed = [...mine].reverse().find((x) => x.signedPdf)?.signedPdf;
    const pdf = d.status === "cancelled" ? await renderStoredPdf(db, d, { cancelled: true }) : (signed ?? d.pdf);
    const deliveryPdf = await pdfkitToBuffer((doc) => drawDeliveries(doc, d, title, mine), created);
    parts.push({
      title: `${title}　${d.number || ""}${d.status !== "issued" ? `（${DOCUMENT_STATUS_LABELS[d.status as DocumentStatus]}）` : ""}`,
      pdf,
      pages: (await LibDocument.load(pdf)).getPageCount(),
      deliveryPdf,
      deliveryPages: (await LibDocument.load(deliveryPdf)).getPageCount(),
    });
  }
  const perTocPage = 24;
  const tocPages = Math.max(1, Math.ceil((parts.length * 2) / perTocPage));
  const entries: Entry[] = [];
  let page = 1 + tocPages + 1;
  for (const p of parts) {
    entries.push({ title: p.title, page });
    page += p.pages;
    entries.push({ title: "　　送达记录", page });
    page += p.deliveryPages;
  }

  const front = await pdfkitToBuffer((doc) => {
    doc
      .font("title")
      .fontSize(26)
      .text("行政执法案卷", left, 80 * MM, { width, align: "center" });
    doc.moveDown(2).font("body").fontSize(16);
    const rows = [
      ["案件编号", c.caseNo],
      ["执法机关", org?.name ?? ""],
      ["当事人", c.partyName],
      ["执法事项", c.matterName],
      ["立案日期", formatChineseDate(c.discoveredOn)],
      ["文书数量", `${docs.length} 件`],
    ];
    for (const [k, v] of rows) doc.text(`${k}：${v}`, left + 20 * MM, undefined, { width: width - 20 * MM, lineGap: 8 });
    for (let t = 0; t < tocPages; t++) {
      doc.addPage();
      doc
        .font("title")
        .fontSize(20)
        .text(t === 0 ? "目　录" : "目　录（续）", left, top, { width, align: "center" });
      doc.moveDown(1).font("body").fontSize(14);
      for (const e of entries.slice(t * perTocPage, (t + 1) * perTocPage)) {
        const y = doc.y;
        doc.text(e.title, left, y, { width: width - 20 * MM, lineBreak: false });
        doc.text(String(e.page), left, y, { width, align: "right" });
        doc.moveDown(0.6);
      }
      if (!entries.length) doc.text("本案件尚未签发文书。", left, undefined, { width });
    }
  }, created);

  const out = await LibDocument.create();
  out.setTitle(`案卷 ${c.caseNo}`);
  out.setCreator("宽严 Kuanyan");
  out.setProducer("宽严 Kuanyan");
  out.setCreationDate(created);
  out.setModificationDate(created);
  for (const bytes of [front, ...parts.flatMap((p) => [p.pdf, p.deliveryPdf])]) {
    const src = await LibDocument.load(bytes);
    const pages = await out.copyPages(src, src.getPageIndices());
    pages.forEach((p) => out.addPage(p));
  }
  const pdf = Buffer.from(await out.save({ useObjectStreams: false }));
  return { pdf, fileName: `案卷-${c.caseNo}.pdf` };
}
