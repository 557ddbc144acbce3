import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BUILT_IN_TEMPLATES,
  DOCUMENT_TYPES,
  documentPlainText,
  fillTemplate,
  sampleValues,
  type DocumentType,
  type FilledDocument,
} from "@kuanyan/domain/documents";
import { renderDocx } from "./docx";
import { mmToPt } from "./layout";
import { pdfPageLayout, renderPdf } from "./pdf";
import { encodePng, sampleSealPng, sampleSignaturePng } from "./sample-images";
import { decodeRgbaPng } from "./signature";

const TODAY = "2026-11-25";
// The read-back tests need poppler-utils and LibreOffice; .ci/run installs both, so in CI they always
// run. A developer machine without them skips those tests with the warning below, not silently.
const hasTool = (tool: string) => spawnSync("sh", ["-c", `command -v ${tool}`]).status === 0;
const hasPoppler = hasTool("pdftotext") && hasTool("pdfinfo") && hasTool("pdftoppm");
const hasSoffice = hasTool("soffice");
if (!hasPoppler) console.warn("SKIP PDF read-back tests: poppler-utils (pdftotext, pdfinfo, pdftoppm) is not installed");
if (!hasSoffice) console.warn("SKIP LibreOffice DOCX test: soffice (Debian libreoffice-writer-nogui) is not installed");

function filled(type: DocumentType): FilledDocument {
  const result = fillTemplate(BUILT_IN_TEMPLATES[type], sampleValues(type, TODAY), { today: TODAY });
  if (!result.ok) throw new Error(result.message);
  return result.document;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "kuanyan-render-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, bytes: Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** Text without whitespace and without the page numbers "— 1 —". */
const squash = (text: string) => text.replace(/—\s*\d+\s*—/g, "").replace(/\s+/g, "");

interface Word {
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

function words(file: string): { pages: { width: number; height: number }[]; words: Word[] } {
  const html = execFileSync("pdftotext", ["-bbox", file, "-"], { encoding: "utf8" });
  const pages: { width: number; height: number }[] = [];
  const out: Word[] = [];
  for (const m of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    pages.push({ width: Number(m[1]), height: Number(m[2]) });
    for (const w of m[3].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      out.push({ page: pages.length, xMin: +w[1], yMin: +w[2], xMax: +w[3], yMax: +w[4], text: w[5] });
    }
  }
  return { pages, words: out };
}

describe("every template renders to DOCX and PDF for the demo case", () => {
  for (const type of DOCUMENT_TYPES) {
    it(`${type}: the PDF reads back (pdftotext) with every line of the document's text`, async () => {
      const doc = filled(type);
      const docx = await renderDocx(doc);
      expect(docx.subarray(0, 2).toString("latin1")).toBe("PK");
      const pdf = await renderPdf(doc);
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      if (!hasPoppler) return;
      const file = write(`${type}.pdf`, pdf);
      const text = squash(execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }));
      for (const line of documentPlainText(doc).split("\n")) {
        for (const cell of line.split("\t")) expect(text, `${type}: ${cell}`).toContain(squash(cell));
      }
      expect(text).not.toContain("{{");
    });
  }
});

describe.skipIf(!hasPoppler)("the PDF page is A4 in the GB/T 9704-2012 layout", () => {
  it("page size is A4 (210 × 297 mm) on every page", async () => {
    const file = write("size.pdf", await renderPdf(filled("no_penalty_decision")));
    const info = execFileSync("pdfinfo", ["-f", "1", "-l", "9", file], { encoding: "utf8" });
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)];
    expect(sizes.length).toBeGreaterThanOrEqual(2);
    for (const s of sizes) {
      expect(Number(s[1])).toBeCloseTo(mmToPt(210), 0);
      expect(Number(s[2])).toBeCloseTo(mmToPt(297), 0);
    }
  });

  it("body text starts at the 28 mm binding margin, ends at 26 mm from the right and stays in the 37 mm / 35 mm margins", async () => {
    const file = write("margins.pdf", await renderPdf(filled("warning")));
    const { words: ws } = words(file);
    const minX = Math.min(...ws.map((w) => w.xMin));
    const maxX = Math.max(...ws.map((w) => w.xMax));
    expect(minX).toBeCloseTo(mmToPt(28), 0);
    // Justified full lines reach the right edge of the 156 mm type area.
    expect(maxX).toBeGreaterThan(mmToPt(210 - 26) - 1.5);
    expect(maxX).toBeLessThan(mmToPt(210 - 26) + 1.5);
    // The first line (the organisation) sits in the first 28.9 pt line of the type area below 37 mm.
    const first = ws.reduce((a, b) => (b.yMin < a.yMin ? b : a));
    expect(first.text).toBe("明溪县应急管理局");
    expect(first.yMin).toBeGreaterThan(mmToPt(37) - 4);
    expect(first.yMin).toBeLessThan(mmToPt(37) + 4);
    expect(Math.max(...ws.map((w) => w.yMax))).toBeLessThan(mmToPt(297 - 35));
  });

  it("body lines hold 28 characters on a 28.9 pt line pitch (22 lines in 225 mm)", async () => {
    const file = write("grid.pdf", await renderPdf(filled("warning")));
    const { words: ws } = words(file);
    const body = ws.filter((w) => w.text.startsWith("了事故隐患") || w.text.startsWith("故隐患排查"));
    expect(body).toHaveLength(2);
    expect([...body[0].text]).toHaveLength(28);
    expect(body[1].yMin - body[0].yMin).toBeCloseTo(mmToPt(225) / 22, 1);
    // The first line of a paragraph is indented two characters.
    const indented = ws.find((w) => w.text.startsWith("本机关在日常监管"))!;
    expect(indented.xMin - mmToPt(28)).toBeCloseTo((2 * mmToPt(156)) / 28, 0);
  });

  it("the date of issue is right-aligned 4 characters from the right edge, the organisation centred over it", async () => {
    const file = write("signature.pdf", await renderPdf(filled("warning")));
    const { words: ws } = words(file);
    const date = ws.find((w) => w.text === "2026年11月25日")!;
    const orgs = ws.filter((w) => w.text === "明溪县应急管理局");
    const org = orgs[orgs.length - 1];
    expect(pdfPageLayout.right - date.xMax).toBeCloseTo(4 * pdfPageLayout.charPitchPt, 0);
    expect((org.xMin + org.xMax) / 2).toBeCloseTo((date.xMin + date.xMax) / 2, 0);
    expect(org.yMin).toBeLessThan(date.yMin);
  });

  it("fonts are embedded as subsets", async () => {
    const file = write("fonts.pdf", await renderPdf(filled("interview_notice")));
    const out = execFileSync("pdffonts", [file], { encoding: "utf8" }).trim().split("\n").slice(2);
    expect(out.length).toBeGreaterThanOrEqual(2);
    for (const line of out) {
      expect(line).toMatch(/\+NotoSerifSC/);
      expect(line).toMatch(/\byes\s+yes\s+yes\b/);
    }
  });

  it("pages render to PNG with pdftoppm", async () => {
    const file = write("png.pdf", await renderPdf(filled("follow_up_form")));
    execFileSync("pdftoppm", ["-r", "40", "-png", file, path.join(dir, "png-page")]);
    const pngs = readdirSync(dir).filter((f) => f.startsWith("png-page") && f.endsWith(".png"));
    expect(pngs.length).toBe(1);
    expect(statSync(path.join(dir, pngs[0])).size).toBeGreaterThan(5000);
  });
});

describe("PDF options", () => {
  it("the same input and creation date give the same bytes; another date gives other bytes", async () => {
    const doc = filled("warning");
    const opts = { creationDate: new Date("2026-11-25T10:00:00+08:00"), sealImage: sampleSealPng() };
    const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
    const a = await renderPdf(doc, opts);
    const b = await renderPdf(doc, opts);
    expect(sha(a)).toBe(sha(b));
    const c = await renderPdf(doc, { ...opts, creationDate: new Date("2026-11-26T10:00:00+08:00") });
    expect(sha(c)).not.toBe(sha(a));
  });

  it.skipIf(!hasPoppler)("draws the seal and the signature, prints the QR code's short code and marks 作废", async () => {
    const doc = filled("warning");
    const plainFile = write("plain.pdf", await renderPdf(doc));
    const file = write(
      "options.pdf",
      await renderPdf(doc, {
        sealImage: sampleSealPng(),
        signatureImage: sampleSignaturePng(),
        verification: { url: "https://kuanyan.example/verify/AB12CD34", code: "AB12-CD34" },
        cancelled: true,
      }),
    );
    const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
    expect(text).toContain("文书核验码：AB12-CD34");
    // 作废 is drawn rotated, so pdftotext reads its two characters on separate lines.
    expect(text).toMatch(/废/);
    // With an electronic seal the "（印章）" placeholder gives way to the seal.
    expect(text).not.toContain("（印章）");
    expect(execFileSync("pdftotext", [plainFile, "-"], { encoding: "utf8" })).not.toMatch(/废/);
    const images = execFileSync("pdfimages", ["-list", file], { encoding: "utf8" }).trim().split("\n").slice(2);
    // Seal 240×240 and the signature cut to its strokes (from the 300×100 pad), each with its transparency mask.
    const kinds = images.map((l) => l.trim().split(/\s+/).slice(2, 5).join(" "));
    const pictures = kinds.filter((k) => k.startsWith("image")).sort();
    expect(pictures[0]).toBe("image 240 240");
    expect(pictures[1]).toMatch(/^image (2[5-9]\d) ([6-9]\d)$/);
    expect(kinds.filter((k) => k.startsWith("smask"))).toHaveLength(2);
    // The QR code is vector squares in the bottom margin: the page there is no longer blank.
    execFileSync("pdftoppm", ["-r", "30", "-png", "-gray", "-y", "780", "-H", "60", "-x", "0", "-W", "200", file, path.join(dir, "qr")]);
    expect(readdirSync(dir).some((f) => f.startsWith("qr"))).toBe(true);
  });
});

/** Dark pixels of page 1 rendered at 72 dpi (1 px = 1 pt), as a grey map. */
function greyPage(file: string): { width: number; height: number; at: (x: number, y: number) => number } {
  const base = path.join(dir, `grey-${path.basename(file, ".pdf")}`);
  execFileSync("pdftoppm", ["-r", "72", "-gray", "-f", "1", "-l", "1", "-singlefile", file, base]);
  const pgm = readFileSync(`${base}.pgm`);
  const header = pgm.toString("latin1", 0, 50).match(/^P5\s+(\d+)\s+(\d+)\s+255\s/)!;
  const [width, height, offset] = [Number(header[1]), Number(header[2]), header[0].length];
  return { width, height, at: (x, y) => pgm[offset + y * width + x] };
}

describe.skipIf(!hasPoppler)("被送达人签名", () => {
  it("签名图印在“被送达人签名：”所在行、标签之后，高度约12毫米，便于辨认", async () => {
    const result = fillTemplate(
      BUILT_IN_TEMPLATES.warning,
      { ...sampleValues("warning", TODAY), delivererName: "李明", deliveredAt: `${TODAY}T09:40` },
      { today: TODAY },
    );
    if (!result.ok) throw new Error(result.message);
    // As it comes from the on-screen pad: a wide transparent canvas with the strokes in its top right.
    const strokes = decodeRgbaPng(sampleSignaturePng())!;
    const pad = { width: 900, height: 360 };
    const canvas = new Uint8Array(pad.width * pad.height * 4);
    for (let y = 0; y < strokes.height; y++) {
      canvas.set(
        strokes.rgba.subarray(y * strokes.width * 4, (y + 1) * strokes.width * 4),
        ((y + 10) * pad.width + pad.width - strokes.width - 10) * 4,
      );
    }
    const signatureImage = encodePng(pad.width, pad.height, canvas);
    const file = write("signed-line.pdf", await renderPdf(result.document, { signatureImage }));
    const label = words(file).words.find((w) => w.text.startsWith("被送达人签名"))!;
    expect(label).toBeDefined();
    const grey = greyPage(file);
    const ink = { x0: Infinity, x1: -1, y0: Infinity, y1: -1 };
    const centre = (label.yMin + label.yMax) / 2;
    for (let y = Math.max(0, Math.floor(centre - mmToPt(12))); y < Math.min(grey.height, centre + mmToPt(12)); y++) {
      for (let x = Math.ceil(label.xMax) + 1; x < grey.width; x++) {
        if (grey.at(x, y) > 200) continue;
        ink.x0 = Math.min(ink.x0, x);
        ink.x1 = Math.max(ink.x1, x);
        ink.y0 = Math.min(ink.y0, y);
        ink.y1 = Math.max(ink.y1, y);
      }
    }
    expect(ink.x1).toBeGreaterThan(0);
    // Right after its label, centred on the label's line, not shrunk: the strokes are at least 8 mm high.
    expect(ink.x0 - label.xMax).toBeLessThan(mmToPt(5));
    expect(Math.abs((ink.y0 + ink.y1) / 2 - centre)).toBeLessThan(mmToPt(2.5));
    expect(ink.y1 - ink.y0).toBeGreaterThan(mmToPt(8));
    expect(ink.x1).toBeLessThanOrEqual(pdfPageLayout.right + 1);
  });
});

/** The page-number digits "— n —" below the type area, per page. */
function pageNumbers(file: string): { page: number; n: string; xMid: number; yMin: number; width: number }[] {
  const { pages, words: ws } = words(file);
  return ws
    .filter((w) => /^\d+$/.test(w.text) && w.yMin > pdfPageLayout.typeBottom)
    .map((w) => ({ page: w.page, n: w.text, xMid: (w.xMin + w.xMax) / 2, yMin: w.yMin, width: pages[w.page - 1].width }));
}

describe.skipIf(!hasPoppler)("页码（GB/T 9704-2012 7.5）", () => {
  it("PDF 单页码居右、双页码居左，位于版心下边缘之下", async () => {
    const file = write("page-numbers.pdf", await renderPdf(filled("no_penalty_decision")));
    const numbers = pageNumbers(file);
    expect(numbers.map((n) => n.n)).toEqual(["1", "2"]);
    expect(numbers[0].xMid).toBeGreaterThan(numbers[0].width * 0.75);
    expect(numbers[1].xMid).toBeLessThan(numbers[1].width * 0.25);
  });

  it("DOCX 有页脚和页码“— 1 —”：奇偶页不同，单页码居右、双页码居左", async () => {
    const zip = await JSZip.loadAsync(await renderDocx(filled("no_penalty_decision")));
    const settings = await zip.file("word/settings.xml")!.async("string");
    expect(settings).toContain("<w:evenAndOddHeaders");
    const footers = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^word\/footer\d+\.xml$/.test(f))
        .map((f) => zip.file(f)!.async("string")),
    );
    expect(footers).toHaveLength(2);
    for (const xml of footers) {
      expect(xml).toMatch(/PAGE/);
      expect(xml).toContain("— ");
    }
    expect(footers.map((x) => x.match(/<w:jc w:val="(\w+)"/)?.[1]).sort()).toEqual(["left", "right"]);
  });

  it.skipIf(!hasSoffice)(
    "DOCX 经 LibreOffice 转成 PDF 后，第2页的页码在左、第1页的在右",
    async () => {
      const docx = write("lo-pages.docx", await renderDocx(filled("no_penalty_decision")));
      const outDir = path.join(dir, "lo-pages");
      execFileSync(
        "soffice",
        [`-env:UserInstallation=file://${path.join(dir, "lo-profile-pages")}`, "--headless", "--convert-to", "pdf", "--outdir", outDir, docx],
        { stdio: "pipe", timeout: 120_000 },
      );
      const numbers = pageNumbers(path.join(outDir, "lo-pages.pdf"));
      expect(numbers.map((n) => n.n)).toEqual(["1", "2"]);
      expect(numbers[0].xMid).toBeGreaterThan(numbers[0].width * 0.75);
      expect(numbers[1].xMid).toBeLessThan(numbers[1].width * 0.25);
    },
    150_000,
  );
});

describe.skipIf(!hasPoppler)("约谈通知书的送达栏", () => {
  it("PDF 的送达栏不超出版心下边缘（不侵入下白边）", async () => {
    const file = write("interview-bottom.pdf", await renderPdf(filled("interview_notice"), { sealImage: sampleSealPng() }));
    const { pages, words: ws } = words(file);
    expect(pages).toHaveLength(1);
    const lowest = Math.max(...ws.map((w) => w.yMax));
    expect(ws.find((w) => w.text.startsWith("送达时间"))).toBeDefined();
    expect(lowest).toBeLessThanOrEqual(pdfPageLayout.typeBottom + 1);
  });

  it.skipIf(!hasSoffice)(
    "DOCX 经 LibreOffice 转换后送达栏与正文同在一页，不另起一页",
    async () => {
      const docx = write("lo-interview.docx", await renderDocx(filled("interview_notice")));
      const outDir = path.join(dir, "lo-interview");
      execFileSync(
        "soffice",
        [`-env:UserInstallation=file://${path.join(dir, "lo-profile-interview")}`, "--headless", "--convert-to", "pdf", "--outdir", outDir, docx],
        { stdio: "pipe", timeout: 120_000 },
      );
      const { pages, words: ws } = words(path.join(outDir, "lo-interview.pdf"));
      expect(pages).toHaveLength(1);
      expect(ws.find((w) => w.text.startsWith("送达时间"))?.page).toBe(1);
    },
    150_000,
  );
});

describe.skipIf(!hasPoppler)("末页不能只有落款（GB/T 9704-2012 7.3.5.4）", () => {
  it("无论正文多长，PDF 末页除发文机关署名、印章和日期外还有正文", async () => {
    const signatureOnly = new Set(["明溪县应急管理局", "2026年11月25日", "（印章）"]);
    const offenders: number[] = [];
    // Grow the facts half a line at a time over more than a page, so the signature block meets every position.
    for (let k = 0; k <= 48; k++) {
      const values = { ...sampleValues("warning", TODAY), facts: `${sampleValues("warning", TODAY).facts}${"并未按规定开展隐患排查治理".repeat(k)}` };
      const result = fillTemplate(BUILT_IN_TEMPLATES.warning, values, { today: TODAY });
      if (!result.ok) throw new Error(result.message);
      const file = write(`last-page-${k}.pdf`, await renderPdf(result.document));
      const { pages, words: ws } = words(file);
      const last = ws.filter((w) => w.page === pages.length && w.yMax <= pdfPageLayout.typeBottom + 1);
      const body = last.filter((w) => !signatureOnly.has(w.text) && !/^(本文书|送达人|被送达人|送达时间)/.test(w.text));
      if (pages.length > 1 && body.length === 0) offenders.push(k);
    }
    expect(offenders).toEqual([]);
  }, 120_000);
});

describe("DOCX", () => {
  it("has A4 pages, the GB/T 9704-2012 margins and names 仿宋_GB2312 and 方正小标宋简体 with alternatives", async () => {
    const zip = await JSZip.loadAsync(await renderDocx(filled("warning")));
    const xml = await zip.file("word/document.xml")!.async("string");
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('<w:sz w:val="44"/>'); // 2号 title
    expect(xml).toContain('<w:sz w:val="32"/>'); // 3号 body
    expect(xml).toMatch(/w:firstLineChars="200"/);
    expect(xml).toContain("明应急告〔2026〕3号");
    const fontsXml = await zip.file("word/fontTable.xml")!.async("string");
    expect(fontsXml).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(fontsXml).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
  });

  it.skipIf(!hasSoffice)(
    "every DOCX opens and converts to PDF with LibreOffice headless, with the Chinese text intact",
    async () => {
      const files: string[] = [];
      for (const type of DOCUMENT_TYPES) files.push(write(`lo-${type}.docx`, await renderDocx(filled(type))));
      const outDir = path.join(dir, "lo");
      const profile = `file://${path.join(dir, "lo-profile")}`;
      execFileSync("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", outDir, ...files], {
        stdio: "pipe",
        timeout: 240_000,
      });
      for (const type of DOCUMENT_TYPES) {
        const pdf = path.join(outDir, `lo-${type}.pdf`);
        expect(existsSync(pdf), type).toBe(true);
        if (!hasPoppler) continue;
        const text = squash(execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }));
        expect(text, type).toContain(BUILT_IN_TEMPLATES[type].title);
        expect(text, type).toContain("明溪县宏达木业有限公司");
        const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
        expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
      }
    },
    300_000,
  );
});
