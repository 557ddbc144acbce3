/**
 * A filled document (文书) as PDF in the GB/T 9704-2012 layout, with the shipped Noto Serif SC fonts
 * embedded (subset), so it prints the same on a machine without Chinese fonts. Noto Serif SC Bold
 * stands in for 小标宋 and Noto Serif SC Regular for 仿宋: no open-licensed 仿宋-style font ships
 * with the product, so the body is a Song (宋体-style) face, not a 仿宋 one.
 *
 * The page is laid out line by line on the 22 × 28 grid (our own line breaking with the 禁则 of
 * Chinese typesetting), so the output is deterministic: the same input and `creationDate` give the
 * same bytes, and a hash of them can be stored for verification.
 */
import { readFileSync } from "node:fs";
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import type { FilledBlock, FilledDocument, TextRun } from "@kuanyan/domain/documents";
import { fonts } from "../../shared/fonts";
import { NO_LINE_END, NO_LINE_START, charPitchPt, columnWidths, linePitchPt, mmToPt, officialLayout } from "./layout";
import { trimSignature } from "./signature";

export interface PdfRenderOptions {
  /**
   * Written as the PDF's CreationDate and ModDate and the source of its file ID. Pass the time of
   * issue; the default is a fixed date (2000-01-01T00:00:00Z), never the clock.
   */
  creationDate?: Date;
  /** The organisation's seal (electronic seal, PNG with transparency), drawn over its name and the date. */
  sealImage?: Buffer;
  /** Diameter of the seal in mm. Default 42. */
  sealSizeMm?: number;
  /** A QR code with the verification URL and the short code printed at the bottom of every page. */
  verification?: { url: string; code: string };
  /** The recipient's signature (PNG), drawn on the 被送达人签名 line (or the receipt's signature cell). */
  signatureImage?: Buffer;
  /** Marks every page 作废 (a cancelled document keeps its number). */
  cancelled?: boolean;
}

const L = officialLayout;
const page = { width: mmToPt(L.pageMm.width), height: mmToPt(L.pageMm.height) };
const left = mmToPt(L.marginMm.left);
const top = mmToPt(L.marginMm.top);
const typeWidth = mmToPt(L.typeAreaMm.width);
const typeBottom = top + mmToPt(L.typeAreaMm.height);
const right = left + typeWidth;
/** Body glyphs are 1 em (16 pt); −0.21 pt tracking gives the 15.79 pt pitch of 28 a line. */
const bodyTracking = charPitchPt - L.bodyPt;
const tableLinePt = L.tablePt * 1.5;
const tablePad = 5;
/** The footer's 小四 lines at 1.2 pitch: with half a line above them they fit the type area (no spill below it). */
const footerLinePt = L.footerPt * 1.2;
/** Height of the recipient's drawn signature on the 被送达人签名 line (handwriting size). */
const signatureHeightMm = 12;
/** The footer lines (本文书一式二份…) may reach this far into the bottom margin, above the QR code. */
const footerToleranceMm = 0;

/** Geometry of the printed page in PDF points (origin top-left), for readers and tests. */
export const pdfPageLayout = { page, left, top, right, typeBottom, typeWidth, linePitchPt, charPitchPt } as const;

let fontCache: { regular: Buffer; bold: Buffer } | undefined;
function loadFonts(): { regular: Buffer; bold: Buffer } {
  fontCache ??= { regular: readFileSync(fonts.serifRegular), bold: readFileSync(fonts.serifBold) };
  return fontCache;
}

type Doc = PDFKit.PDFDocument;

/** Units that are never split across lines: a CJK character, or a run of ASCII letters and digits. */
function units(text: string): string[] {
  return text.match(/[A-Za-z0-9.\-_/:@]+|[\s\S]/gu) ?? [];
}

interface Line {
  text: string;
  width: number;
  /** The last line of a paragraph (or before a forced break) is not justified. */
  last: boolean;
}

/**
 * Breaks text into lines of at most `maxWidth` (the first `firstIndent` narrower) with the 禁则:
 * no closing punctuation at the start of a line, no opening one at its end.
 */
function breakLines(doc: Doc, text: string, maxWidth: number, tracking: number, firstIndent = 0): Line[] {
  const lines: Line[] = [];
  const widthOf = (s: string) => doc.widthOfString(s) + tracking * [...s].length;
  for (const [pi, part] of text.split("\n").entries()) {
    let current: string[] = [];
    let width = 0;
    const limit = () => maxWidth - (pi === 0 && lines.length === 0 ? firstIndent : 0) + 0.01;
    for (const u of units(part)) {
      const w = widthOf(u);
      if (width + w > limit() && current.length > 0) {
        const carried: string[] = [];
        // A closing mark may not start the next line, an opening mark may not end this one.
        if (NO_LINE_START.has(u) && current.length > 1) carried.unshift(current.pop()!);
        while (current.length > 1 && NO_LINE_END.has(current[current.length - 1])) carried.unshift(current.pop()!);
        lines.push({ text: current.join(""), width: widthOf(current.join("")), last: false });
        current = carried;
        width = widthOf(carried.join(""));
      }
      current.push(u);
      width += w;
    }
    lines.push({ text: current.join(""), width: widthOf(current.join("")), last: true });
  }
  return lines;
}

const runsText = (runs: TextRun[]) => runs.map((r) => r.text).join("");

class PageWriter {
  y = top;
  constructor(
    readonly doc: Doc,
    readonly ascent: { body: number; title: number },
  ) {}

  /** Starts a new page when fewer than `height` points (+ `tolerance` below the type area) are left. */
  ensure(height: number, tolerance = 0): void {
    if (this.y + height > typeBottom + tolerance + 0.5) {
      this.doc.addPage();
      this.y = top;
    }
  }

  /** y for pdfkit's text() so that a glyph of `size` sits centred in a line box of `pitch`. */
  textY(size: number, pitch: number, fontName: "body" | "title"): number {
    const baseline = this.y + pitch / 2 + size * 0.38; // ideographic em box: −0.12…0.88 em
    return baseline - (fontName === "title" ? this.ascent.title : this.ascent.body) * size;
  }

  /** Draws one line at x, optionally justified to width; advances by pitch. */
  line(
    text: string,
    x: number,
    opts: { size: number; font: "body" | "title"; tracking: number; pitch: number; justifyTo?: number; tolerance?: number },
  ) {
    this.ensure(opts.pitch, opts.tolerance);
    const { doc } = this;
    doc.font(opts.font).fontSize(opts.size);
    let tracking = opts.tracking;
    const n = [...text].length;
    if (opts.justifyTo !== undefined && n > 1) {
      const w = doc.widthOfString(text) + opts.tracking * n;
      tracking += (opts.justifyTo - w) / (n - 1);
    }
    doc.text(text, x, this.textY(opts.size, opts.pitch, opts.font), { lineBreak: false, characterSpacing: tracking });
    this.y += opts.pitch;
  }

  blank(rows = 1): void {
    this.y += rows * linePitchPt;
  }
}

function bodyWidth(doc: Doc, text: string): number {
  doc.font("body").fontSize(L.bodyPt);
  return doc.widthOfString(text) + bodyTracking * [...text].length;
}

/**
 * Draws a paragraph. `keepWithNext` is the height of what must follow it on the same page (the
 * signature block after the last paragraph): when the paragraph fits but that does not, its last
 * two lines (or all of a short one) move to the next page, so the last page never holds only the
 * organisation, seal and date (GB/T 9704-2012 7.3.5.4).
 */
function drawParagraph(w: PageWriter, b: Extract<FilledBlock, { kind: "paragraph" }>, keepWithNext = 0): void {
  const { doc } = w;
  doc.font("body").fontSize(L.bodyPt);
  const indent = b.indent ? 2 * charPitchPt : 0;
  const lines = breakLines(doc, runsText(b.runs), typeWidth, bodyTracking, indent);
  const limit = typeBottom + 0.5;
  const fits = (h: number) => w.y + h <= limit;
  const breakBefore =
    keepWithNext > 0 && fits(lines.length * linePitchPt) && !fits(lines.length * linePitchPt + keepWithNext) ? Math.max(0, lines.length - 2) : -1;
  lines.forEach((ln, i) => {
    if (i === breakBefore) {
      doc.addPage();
      w.y = top;
    }
    const x = left + (i === 0 ? indent : 0);
    const avail = right - x;
    // Justify, unless a long unbreakable run (a credit code, a URL) left a wide gap: then ragged.
    const justify = b.align === "justify" && !ln.last && avail - ln.width < 2 * charPitchPt;
    const alignedX = b.align === "center" ? left + (typeWidth - ln.width) / 2 : b.align === "right" ? right - ln.width : x;
    w.line(ln.text, alignedX, {
      size: L.bodyPt,
      font: "body",
      tracking: bodyTracking,
      pitch: linePitchPt,
      justifyTo: justify ? avail : undefined,
    });
  });
}

function drawTable(w: PageWriter, b: Extract<FilledBlock, { kind: "table" }>, signatureImage: Buffer | undefined): void {
  const { doc } = w;
  const colWs = columnWidths(b.widths, typeWidth);
  const xAt = (col: number) => left + colWs.slice(0, col).reduce((a, v) => a + v, 0);
  doc.font("body").fontSize(L.tablePt);
  for (const row of b.rows) {
    let col = 0;
    const cells = row.cells.map((c) => {
      const x = xAt(col);
      const width = xAt(col + c.colSpan) - x;
      col += c.colSpan;
      const lines = breakLines(doc, runsText(c.runs), width - 2 * tablePad, 0);
      return { c, x, width, lines };
    });
    const height = Math.max(...cells.map(({ c, lines }) => Math.max(c.minLines, lines.length))) * tableLinePt + 2 * tablePad;
    w.ensure(height);
    for (const { c, x, width, lines } of cells) {
      doc.lineWidth(0.75).rect(x, w.y, width, height).stroke();
      const textH = lines.length * tableLinePt;
      const centred = c.role === "label" || c.minLines === 1;
      const y0 = centred ? w.y + (height - textH) / 2 : w.y + tablePad;
      lines.forEach((ln, i) => {
        const tx = c.role === "label" ? x + (width - ln.width) / 2 : x + tablePad;
        const baseline = y0 + i * tableLinePt + tableLinePt / 2 + L.tablePt * 0.38;
        doc
          .font("body")
          .fontSize(L.tablePt)
          .text(ln.text, tx, baseline - w.ascent.body * L.tablePt, { lineBreak: false });
      });
      if (signatureImage && c.runs.some((r) => r.field === "recipientName")) {
        const imgH = Math.min(height - 2 * tablePad, mmToPt(signatureHeightMm + 3));
        const textW = lines.length > 0 ? Math.max(...lines.map((l) => l.width)) : 0;
        const ix = x + tablePad + textW + (textW > 0 ? 6 : 0);
        doc.image(signatureImage, ix, w.y + (height - imgH) / 2, { fit: [Math.min(x + width - tablePad - ix, mmToPt(60)), imgH], valign: "center" });
      }
    }
    w.y += height;
  }
  w.blank();
}

function drawSignature(w: PageWriter, b: Extract<FilledBlock, { kind: "signature" }>, options: PdfRenderOptions): void {
  const { doc } = w;
  // 正文下空一行 (GB/T 9704-2012 7.3.5.1).
  w.blank(1);
  w.ensure(3 * linePitchPt);
  // Measured widths: the date right-aligned 4 characters from the edge, the others centred over it.
  const dateW = bodyWidth(doc, b.date);
  const dateX = right - 4 * charPitchPt - dateW;
  const centre = dateX + dateW / 2;
  const centredX = (text: string) => Math.min(centre - bodyWidth(doc, text) / 2, right - bodyWidth(doc, text));
  const orgY = w.y;
  const body = { size: L.bodyPt, font: "body" as const, tracking: bodyTracking, pitch: linePitchPt };
  w.line(b.organisation, centredX(b.organisation), body);
  if (options.sealImage) w.blank();
  else w.line(b.sealNote, centredX(b.sealNote), body);
  w.line(b.date, dateX, body);
  if (options.sealImage) {
    // 印章端正、居中下压发文机关署名和成文日期 (GB/T 9704-2012 7.3.5.1).
    const size = mmToPt(options.sealSizeMm ?? 42);
    const cx = centre;
    const cy = orgY + (w.y - orgY) / 2;
    doc.image(options.sealImage, cx - size / 2, cy - size / 2, { fit: [size, size], align: "center", valign: "center" });
  }
}

function drawFooter(w: PageWriter, b: Extract<FilledBlock, { kind: "footer" }>, signatureImage: Buffer | undefined): void {
  const { doc } = w;
  w.blank(0.5);
  const tolerance = mmToPt(footerToleranceMm);
  w.ensure(3 * footerLinePt, tolerance);
  const opts = { size: L.footerPt, font: "body" as const, tracking: 0, pitch: footerLinePt, tolerance };
  w.line(b.copiesNote, left, opts);
  let lineY = w.y;
  w.line(`${b.delivererLabel}${b.deliverer}`, left, opts);
  let recipientX = left + typeWidth / 2;
  const recipientText = `${b.recipientLabel}${b.recipient}`;
  doc.font("body").fontSize(L.footerPt);
  if (doc.widthOfString(recipientText) <= right - recipientX) {
    w.y = lineY;
    w.line(recipientText, recipientX, opts);
  } else {
    // A refusal with its witnesses does not fit beside the deliverer: its own line(s), full width.
    recipientX = left;
    lineY = w.y;
    for (const ln of breakLines(doc, recipientText, typeWidth, 0)) w.line(ln.text, left, opts);
  }
  if (signatureImage) {
    // On the label's own line, at handwriting size: 12 mm high (up to 60 mm wide), centred on the line.
    doc.font("body").fontSize(L.footerPt);
    const x = recipientX + doc.widthOfString(recipientText) + 2;
    const h = mmToPt(signatureHeightMm);
    doc.image(signatureImage, x, lineY + footerLinePt / 2 - h / 2, { fit: [Math.min(right - x, mmToPt(60)), h], valign: "center" });
  }
  w.line(`${b.deliveredAtLabel}${b.deliveredAt}`, left, opts);
}

/** The QR code as vector squares (crisp at any zoom, and deterministic). */
function drawQr(doc: Doc, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const n = qr.modules.size;
  const cell = size / n;
  doc.save().fillColor("black");
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) if (qr.modules.get(r, c)) doc.rect(x + c * cell, y + r * cell, cell, cell);
  }
  doc.fill().restore();
}

function decoratePages(doc: Doc, options: PdfRenderOptions): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    if (options.verification) {
      const size = mmToPt(16);
      const y = page.height - mmToPt(6) - size;
      drawQr(doc, options.verification.url, left, y, size);
      doc.font("body").fontSize(9).fillColor("black");
      doc.text(`文书核验码：${options.verification.code}`, left + size + 8, y + size / 2 - 12, { lineBreak: false });
      doc.text("扫描二维码或访问核验页面，输入核验码核验文书真伪", left + size + 8, y + size / 2 + 2, { lineBreak: false });
    }
    if (range.count > 1) {
      // Page numbers — 1 — in 4号, 7 mm below the type area; odd pages right, even pages left,
      // one character in from the edge (GB/T 9704-2012 7.5).
      const pageNo = i - range.start + 1;
      const label = `— ${pageNo} —`;
      doc.font("body").fontSize(14);
      const x = pageNo % 2 === 0 ? left + charPitchPt : right - doc.widthOfString(label) - charPitchPt;
      doc.text(label, x, typeBottom + mmToPt(7), { lineBreak: false });
    }
    if (options.cancelled) {
      doc.save();
      doc.rotate(-30, { origin: [page.width / 2, page.height / 2] });
      doc.font("title").fontSize(110).fillColor("#c00000").fillOpacity(0.35);
      const label = "作废";
      doc.text(label, page.width / 2 - doc.widthOfString(label) / 2, page.height / 2 - 70, { lineBreak: false });
      doc.restore();
    }
  }
}

/** Renders a filled document to PDF bytes: A4, GB/T 9704-2012 margins, embedded subset fonts. */
export async function renderPdf(filled: FilledDocument, options: PdfRenderOptions = {}): Promise<Buffer> {
  const { regular, bold } = loadFonts();
  const created = options.creationDate ?? new Date(Date.UTC(2000, 0, 1));
  const title = [filled.title, filled.documentNumber].filter(Boolean).join(" ");
  const doc = new PDFDocument({
    size: "A4",
    margin: 0,
    autoFirstPage: true,
    bufferPages: true,
    info: { Title: title, Creator: "宽严 Kuanyan", Producer: "宽严 Kuanyan", CreationDate: created, ModDate: created },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  doc.registerFont("body", regular);
  doc.registerFont("title", bold);
  const ascentOf = (name: string) => {
    doc.font(name);
    return (doc as unknown as { _font: { ascender: number } })._font.ascender / 1000;
  };
  const w = new PageWriter(doc, { body: ascentOf("body"), title: ascentOf("title") });
  // The pad's empty margins cut away, so the strokes are printed at the size of their line.
  const signatureImage = options.signatureImage && trimSignature(options.signatureImage);

  for (const [bi, b] of filled.blocks.entries()) {
    switch (b.kind) {
      case "organisationHeading":
      case "title": {
        doc.font("title").fontSize(L.titlePt);
        for (const ln of breakLines(doc, runsText(b.runs), typeWidth, 0)) {
          w.line(ln.text, left + (typeWidth - ln.width) / 2, { size: L.titlePt, font: "title", tracking: 0, pitch: linePitchPt });
        }
        break;
      }
      case "number": {
        const text = runsText(b.runs);
        w.line(text, right - bodyWidth(doc, text), { size: L.bodyPt, font: "body", tracking: bodyTracking, pitch: linePitchPt });
        break;
      }
      case "paragraph":
        // Before the signature: a blank line and its three lines (and the delivery lines after them) follow on the same page.
        drawParagraph(
          w,
          b,
          filled.blocks[bi + 1]?.kind === "signature"
            ? 4 * linePitchPt + (filled.blocks[bi + 2]?.kind === "footer" ? 0.5 * linePitchPt + 3 * footerLinePt : 0)
            : 0,
        );
        break;
      case "table":
        drawTable(w, b, signatureImage);
        break;
      case "signature":
        drawSignature(w, b, options);
        break;
      case "footer":
        drawFooter(w, b, signatureImage);
        break;
    }
  }
  decoratePages(doc, options);
  doc.end();
  return done;
}
