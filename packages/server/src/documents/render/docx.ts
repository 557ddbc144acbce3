/**
 * A filled document (文书) as a Word file in the GB/T 9704-2012 layout. The DOCX names the fonts
 * officials' PCs have — 方正小标宋简体 for the title, 仿宋_GB2312 for the body — with alternative
 * names in the font table (仿宋, 宋体) for PCs that lack them, so it looks right when opened in Word
 * or WPS and is edited and printed there. (The PDF, not the DOCX, embeds fonts.)
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  PageNumber,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import JSZip from "jszip";
import type { FilledBlock, FilledDocument, TextRun as DocRun } from "@kuanyan/domain/documents";
import { charPitchPt, columnWidths, linePitchPt, mmToTwip, officialLayout, ptToTwip, signatureIndents } from "./layout";

/** Fonts named in the DOCX, each with the alternative Word uses when it is missing. */
export const docxFonts = {
  title: { name: "方正小标宋简体", altName: "宋体" },
  body: { name: "仿宋_GB2312", altName: "仿宋" },
} as const;

export interface DocxRenderOptions {
  /** Shown in the file's properties. Default: the document's title and number. */
  description?: string;
  /** Marks the document 作废 (cancelled) under the title. */
  cancelled?: boolean;
}

const L = officialLayout;
const bodyHalfPt = L.bodyPt * 2;
const line = ptToTwip(linePitchPt);
const exactLine = { line, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const charTwip = ptToTwip(charPitchPt);
/** Body characters condensed by 0.25 pt: 28 × 15.75 pt fits the 156 mm (442.2 pt) line. */
const bodyCharSpacing = -5;

function font(kind: "title" | "body") {
  const name = docxFonts[kind].name;
  return { ascii: name, eastAsia: name, hAnsi: name, cs: name, hint: "eastAsia" };
}

function runsOf(runs: DocRun[], size = bodyHalfPt, kind: "title" | "body" = "body"): TextRun[] {
  const out: TextRun[] = [];
  const characterSpacing = kind === "body" && size === bodyHalfPt ? bodyCharSpacing : undefined;
  for (const r of runs) {
    // Multiline values: a line break inside the paragraph.
    r.text
      .split("\n")
      .forEach((part, i) => out.push(new TextRun({ text: part, break: i > 0 ? 1 : undefined, font: font(kind), size, characterSpacing })));
  }
  return out;
}

function plain(text: string, size = bodyHalfPt, kind: "title" | "body" = "body"): TextRun {
  const characterSpacing = kind === "body" && size === bodyHalfPt ? bodyCharSpacing : undefined;
  return new TextRun({ text, font: font(kind), size, characterSpacing });
}

const emptyLine = () => new Paragraph({ spacing: exactLine, children: [plain("")] });

const alignments = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

function table(block: Extract<FilledBlock, { kind: "table" }>): Table {
  const colWidths = columnWidths(block.widths, mmToTwip(L.typeAreaMm.width)).map(Math.floor);
  const tableLine = ptToTwip(L.tablePt * 1.5);
  const border = { style: BorderStyle.SINGLE, size: 6, color: "000000" };
  const rows = block.rows.map((row) => {
    let col = 0;
    const cells = row.cells.map((cell) => {
      const width = colWidths.slice(col, col + cell.colSpan).reduce((a, v) => a + v, 0);
      col += cell.colSpan;
      return new TableCell({
        columnSpan: cell.colSpan,
        width: { size: width, type: WidthType.DXA },
        verticalAlign: cell.role === "label" || cell.minLines === 1 ? VerticalAlign.CENTER : VerticalAlign.TOP,
        margins: { top: 60, bottom: 60, left: 100, right: 100 },
        children: [
          new Paragraph({
            alignment: cell.role === "label" ? AlignmentType.CENTER : AlignmentType.LEFT,
            spacing: { line: tableLine, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
            children: runsOf(cell.runs, L.tablePt * 2),
          }),
        ],
      });
    });
    return new TableRow({
      height: { value: tableLine * Math.max(...row.cells.map((c) => c.minLines)) + 160, rule: "atLeast" },
      children: cells,
    });
  });
  return new Table({
    width: { size: colWidths.reduce((a, v) => a + v, 0), type: WidthType.DXA },
    columnWidths: colWidths,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows,
  });
}

function blocksToChildren(doc: FilledDocument, options: DocxRenderOptions): (Paragraph | Table)[] {
  const children: (Paragraph | Table)[] = [];
  for (const [bi, b] of doc.blocks.entries()) {
    // The last paragraph before the signature keeps its last line with it (GB/T 9704-2012 7.3.5.4).
    const beforeSignature = doc.blocks[bi + 1]?.kind === "signature";
    switch (b.kind) {
      case "organisationHeading":
      case "title":
        children.push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: exactLine,
            children: runsOf(b.runs, L.titlePt * 2, "title"),
          }),
        );
        if (b.kind === "title" && options.cancelled) {
          children.push(
            new Paragraph({
              alignment: AlignmentType.CENTER,
              spacing: exactLine,
              children: [new TextRun({ text: "（作废）", font: font("title"), size: L.titlePt * 2, color: "C00000" })],
            }),
          );
        }
        break;
      case "number":
        children.push(new Paragraph({ alignment: AlignmentType.RIGHT, spacing: exactLine, children: runsOf(b.runs) }));
        break;
      case "paragraph":
        children.push(
          new Paragraph({
            alignment: alignments[b.align],
            spacing: exactLine,
            indent: b.indent ? { firstLine: charTwip * 2, firstLineChars: 200 } : undefined,
            keepNext: beforeSignature || undefined,
            children: runsOf(b.runs),
          }),
        );
        break;
      case "table":
        children.push(table(b), emptyLine());
        break;
      case "signature": {
        const indents = signatureIndents(b.organisation, b.date);
        children.push(new Paragraph({ spacing: exactLine, keepNext: true, children: [plain("")] }));
        children.push(
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            spacing: exactLine,
            keepNext: true,
            indent: { right: Math.round(indents.organisation * charTwip) },
            children: [plain(b.organisation)],
          }),
        );
        const sealIndent = signatureIndents(b.sealNote, b.date).organisation;
        children.push(
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            spacing: exactLine,
            keepNext: true,
            indent: { right: Math.round(sealIndent * charTwip) },
            children: [plain(b.sealNote)],
          }),
        );
        children.push(
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            spacing: exactLine,
            indent: { right: Math.round(indents.date * charTwip) },
            children: [plain(b.date)],
          }),
        );
        break;
      }
      case "footer": {
        const size = L.footerPt * 2;
        // Half a body line above, 小四 lines at 1.2 pitch: the same as the PDF, so the delivery lines stay on the last page.
        const footerSpacing = { line: ptToTwip(L.footerPt * 1.2), lineRule: LineRuleType.EXACT, before: 0, after: 0 };
        children.push(new Paragraph({ spacing: { ...footerSpacing, before: ptToTwip(linePitchPt / 2) }, children: [plain(b.copiesNote, size)] }));
        children.push(
          new Paragraph({
            spacing: footerSpacing,
            children: [
              plain(`${b.delivererLabel}${b.deliverer || "　　　　　　　　"}`, size),
              plain("　　　　", size),
              plain(`${b.recipientLabel}${b.recipient}`, size),
            ],
          }),
        );
        children.push(new Paragraph({ spacing: footerSpacing, children: [plain(`${b.deliveredAtLabel}${b.deliveredAt}`, size)] }));
        break;
      }
    }
  }
  return children;
}

/** Adds alternative names (w:altName) and the GB2312 charset to the font table. */
async function addFontAlternatives(buffer: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  const path = "word/fontTable.xml";
  const file = zip.file(path);
  if (!file) return buffer;
  let xml = await file.async("string");
  const entries = Object.values(docxFonts)
    .map(
      (f) =>
        `<w:font w:name="${f.name}"><w:altName w:val="${f.altName}"/><w:charset w:val="86"/>` +
        `<w:family w:val="${f === docxFonts.title ? "script" : "modern"}"/><w:pitch w:val="${f === docxFonts.title ? "default" : "fixed"}"/></w:font>`,
    )
    .join("");
  xml = /<\/w:fonts>\s*$/.test(xml)
    ? xml.replace(/<\/w:fonts>\s*$/, `${entries}</w:fonts>`)
    : xml.replace(/(<w:fonts\b[^>]*?)\s*\/>\s*$/, `$1>${entries}</w:fonts>`);
  zip.file(path, xml);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/**
 * Page numbers — 1 — (GB/T 9704-2012 7.5): 4号 Arabic numerals with a dash each side, 7 mm below
 * the type area; odd pages right-aligned one character from the edge, even pages left-aligned one
 * character in. Word and WPS place them through the even/odd footers of the section.
 */
function pageNumberFooter(side: "odd" | "even"): Footer {
  const size = 14 * 2; // 4号
  const oneChar = ptToTwip(14);
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === "odd" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === "odd" ? { right: oneChar } : { left: oneChar },
        spacing: { line: ptToTwip(14 * 1.2), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], size, font: { ascii: "宋体", eastAsia: "宋体", hAnsi: "宋体" } })],
      }),
    ],
  });
}

/** Distance of the page number's baseline area from the page's bottom edge: 7 mm below the type area. */
const pageNumberFooterMm = L.marginMm.bottom - 7 - 14 * 1.2 * (25.4 / 72);

/** Renders a filled document to DOCX bytes (A4, GB/T 9704-2012 margins, fonts and grid). */
export async function renderDocx(doc: FilledDocument, options: DocxRenderOptions = {}): Promise<Buffer> {
  const word = new Document({
    title: doc.title,
    description: options.description ?? [doc.title, doc.documentNumber].filter(Boolean).join(" "),
    creator: "宽严 Kuanyan",
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: font("body"), size: bodyHalfPt },
          paragraph: { spacing: exactLine },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mmToTwip(L.pageMm.width), height: mmToTwip(L.pageMm.height) },
            margin: {
              top: mmToTwip(L.marginMm.top),
              bottom: mmToTwip(L.marginMm.bottom),
              left: mmToTwip(L.marginMm.left),
              right: mmToTwip(L.marginMm.right),
              header: mmToTwip(15),
              footer: mmToTwip(pageNumberFooterMm),
            },
          },
          // 22 lines × 28 characters. Not a Word document grid (LibreOffice and WPS lay out a
          // linesAndChars grid differently from Word): exact 28.94 pt line spacing and 3号 characters
          // condensed by 0.25 pt (15.75 pt pitch) give the same 22 × 28 in every word processor.
          grid: { type: DocumentGridType.DEFAULT, linePitch: line },
        },
        footers: { default: pageNumberFooter("odd"), even: pageNumberFooter("even") },
        children: blocksToChildren(doc, options),
      },
    ],
  });
  const raw = await Packer.toBuffer(word);
  return addFontAlternatives(Buffer.from(raw));
}
