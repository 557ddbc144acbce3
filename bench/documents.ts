/**
 * Document rendering benchmark: median DOCX and PDF render times of a 行政告诫书 for the demo case
 * over 50 runs each (after 5 warm-up runs). Targets: DOCX ≤ 50 ms, PDF ≤ 200 ms. Prints one JSON line.
 *
 *   npx tsx bench/documents.ts                      # the benchmark
 *   npx tsx bench/documents.ts --write-renderings   # also writes docs/rendering-warning.png and
 *                                                   # docs/rendering-interview.png (needs pdftoppm)
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { BUILT_IN_TEMPLATES, fillTemplate, sampleValues, type DocumentType } from "@kuanyan/domain/documents";
import { renderDocx } from "../packages/server/src/documents/render/docx";
import { renderPdf, type PdfRenderOptions } from "../packages/server/src/documents/render/pdf";
import { sampleSealPng, sampleSignaturePng } from "../packages/server/src/documents/render/sample-images";

const RUNS = 50;
const WARMUP = 5;
const TODAY = "2026-11-25";

function filled(type: DocumentType) {
  const result = fillTemplate(BUILT_IN_TEMPLATES[type], sampleValues(type, TODAY), { today: TODAY });
  if (!result.ok) throw new Error(result.message);
  return result.document;
}

async function median(run: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < WARMUP; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return Math.round(((times[(RUNS - 1) >> 1] + times[RUNS >> 1]) / 2) * 10) / 10;
}

async function writeRenderings(): Promise<void> {
  const docs = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../docs");
  const tmp = mkdtempSync(path.join(tmpdir(), "kuanyan-renderings-"));
  const jobs: [DocumentType, string, PdfRenderOptions][] = [
    [
      "warning",
      "rendering-warning.png",
      {
        sealImage: sampleSealPng(),
        signatureImage: sampleSignaturePng(),
        verification: { url: "https://kuanyan.example/verify/AB12CD34", code: "AB12-CD34" },
      },
    ],
    ["interview_notice", "rendering-interview.png", {}],
  ];
  for (const [type, name, options] of jobs) {
    const pdf = path.join(tmp, `${type}.pdf`);
    writeFileSync(pdf, await renderPdf(filled(type), options));
    execFileSync("pdftoppm", ["-r", "80", "-png", "-singlefile", pdf, path.join(tmp, type)]);
    renameSync(path.join(tmp, `${type}.png`), path.join(docs, name));
  }
  rmSync(tmp, { recursive: true, force: true });
}

const warning = filled("warning");
const pdfOptions: PdfRenderOptions = {
  creationDate: new Date("2026-11-25T10:00:00+08:00"),
  sealImage: sampleSealPng(),
  verification: { url: "https://kuanyan.example/verify/AB12CD34", code: "AB12-CD34" },
};
const docxMs = await median(() => renderDocx(warning));
const pdfMs = await median(() => renderPdf(warning, pdfOptions));
console.log(
  JSON.stringify({
    bench: "documents",
    document: "行政告诫书",
    runs: RUNS,
    docxMedianMs: docxMs,
    pdfMedianMs: pdfMs,
    docxTargetMs: 50,
    pdfTargetMs: 200,
    docxOk: docxMs <= 50,
    pdfOk: pdfMs <= 200,
  }),
);
if (process.argv.includes("--write-renderings")) await writeRenderings();
