/**
 * Hostile and ordinary upload files built in code for the upload tests: an .xlsx with A1 and XFD1,
 * zip-bomb .docx files, a 1 MB sheet, GIF/HTML polyglots, a small GIF. Written with JSZip / ExcelJS
 * / zlib (the libraries the project uses), nothing read from disk.
 */
import zlib from "node:zlib";
import crypto from "node:crypto";
import { once } from "node:events";
import JSZip from "jszip";
import ExcelJS from "exceljs";

const CT_XLSX = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

/** A minimal hand-written .xlsx whose one sheet has the given sheetData XML. */
export async function minimalXlsx(sheetData: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", CT_XLSX);
  zip.file("_rels/.rels", RELS);
  zip.file("xl/workbook.xml", WORKBOOK);
  zip.file("xl/_rels/workbook.xml.rels", WORKBOOK_RELS);
  zip.file(
    "xl/worksheets/sheet1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData></worksheet>`,
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/**
 * The "Freeze" file of issue 15: cells A1 and XFD1, and one more far below (so the old grid reader
 * recomputed the 16,384-column count for every cell of every empty row in between). About 1.6 kB.
 */
export function a1xfd1Xlsx(lastRow = 2000): Promise<Buffer> {
  return minimalXlsx(
    `<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c><c r="XFD1" t="inlineStr"><is><t>y</t></is></c></row>` +
      `<row r="${lastRow}"><c r="A${lastRow}" t="inlineStr"><is><t>z</t></is></c></row>`,
  );
}

/** A zip of deflated entries written by hand (so that its headers can lie about the inflated size). */
function zipWith(entries: { name: string; data: Buffer; size: number; crc: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

/** Deflates head + chunk × times + tail as one raw deflate stream, without holding the whole. */
async function deflateRepeated(head: Buffer, chunk: Buffer, times: number, tail: Buffer): Promise<{ data: Buffer; crc: number; size: number }> {
  const z = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  z.on("data", (d: Buffer) => out.push(d));
  const ended = once(z, "end");
  let crc = zlib.crc32(head);
  z.write(head);
  for (let i = 0; i < times; i++) {
    crc = zlib.crc32(chunk, crc);
    if (!z.write(chunk)) await once(z, "drain");
  }
  crc = zlib.crc32(tail, crc);
  z.end(tail);
  await ended;
  return { data: Buffer.concat(out), crc, size: head.length + chunk.length * times + tail.length };
}

/**
 * A zip-bomb .docx: word/document.xml is `mb` MB of paragraphs, deflated (about 1,000 : 1, so
 * 300 MB fit in some 300 kB). `declaredSize` makes the headers lie about the inflated size.
 */
export async function bombDocx(mb: number, options: { declaredSize?: number } = {}): Promise<Buffer> {
  const para = Buffer.from(`<w:p><w:r><w:t>${"宽严相济".repeat(10)}</w:t></w:r></w:p>`);
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  for (let i = 0; i + para.length <= chunk.length; i += para.length) para.copy(chunk, i);
  const head = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>',
  );
  const tail = Buffer.from("</w:body></w:document>");
  const doc = await deflateRepeated(head, chunk, mb, tail);
  const contentTypes = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
  );
  return zipWith([
    { name: "[Content_Types].xml", data: zlib.deflateRawSync(contentTypes), size: contentTypes.length, crc: zlib.crc32(contentTypes) },
    { name: "word/document.xml", data: doc.data, size: options.declaredSize ?? doc.size, crc: doc.crc },
  ]);
}

/** A 1 MB annex-layout .xlsx within the limits: `rows` rows of varied text (it compresses little). */
export async function bigSheetXlsx(rows = 4500): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("附件1");
  ws.addRow(["明溪县应急管理局不予行政处罚事项清单"]);
  ws.addRow(["序号", "处罚事项名称", "不予处罚的情形", "不予处罚的依据", "配套监管措施", "备注"]);
  const rnd = (n: number) => crypto.randomBytes(n).toString("base64");
  for (let i = 1; i <= rows; i++) {
    ws.addRow([String(i), `事项${i}${rnd(80)}`, `情形${rnd(80)}`, "《中华人民共和国行政处罚法》第三十三条第一款", "说服教育", rnd(30)]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A valid 1 × 1 GIF (43 bytes), optionally with a comment extension carrying `comment`. */
export function smallGif(comment?: string): Buffer {
  const head = Buffer.from("474946383961010001008000000000 00ffffff".replace(/ /g, ""), "hex");
  const gce = Buffer.from("21f90401000000 00".replace(/ /g, ""), "hex");
  const image = Buffer.from("2c000000000100010000020244 0100".replace(/ /g, ""), "hex");
  const parts: Buffer[] = [head];
  if (comment !== undefined) {
    const text = Buffer.from(comment, "latin1");
    const blocks: Buffer[] = [Buffer.from([0x21, 0xfe])];
    for (let i = 0; i < text.length; i += 255) {
      const piece = text.subarray(i, i + 255);
      blocks.push(Buffer.from([piece.length]), piece);
    }
    blocks.push(Buffer.from([0]));
    parts.push(...blocks);
  }
  parts.push(gce, image, Buffer.from([0x3b]));
  return Buffer.concat(parts);
}

/** The "Browser" finding's polyglot: a valid GIF header followed by a web page. */
export function gifHtmlPolyglot(): Buffer {
  return Buffer.concat([Buffer.from("GIF89a"), Buffer.from("<html><script>alert(document.cookie)</script></html>")]);
}
