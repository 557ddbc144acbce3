/**
 * The bounded parser without a database: the zip reader's limits, the sheet scan, the grid reader's
 * column count (linear now), the worker pool's time, heap and concurrency limits, and the content
 * walks of evidence and seals.
 */
import { afterEach, describe, expect, it } from "vitest";
import { xlsxGrid } from "../lists/importFile";
import { sampleSealPng } from "../documents/render/sample-images";
import { AppError } from "../http/errors";
import { checkEvidenceContent } from "./content";
import { defaultUploadLimits, type UploadLimits } from "./limits";
import { runParse, stopParseWorkers } from "./pool";
import { scanSheet } from "./sheetScan";
import { a1xfd1Xlsx, bombDocx, gifHtmlPolyglot, minimalXlsx, smallGif } from "./testFiles";
import { readZip } from "./zip";

const limits = (over: Partial<UploadLimits> = {}): UploadLimits => ({ ...defaultUploadLimits, ...over });

async function refusal(p: Promise<unknown> | (() => unknown)): Promise<AppError> {
  try {
    await (typeof p === "function" ? p() : p);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error("expected a refusal");
}

describe("the zip reader stops at the limits", () => {
  it("声明解压后 300 MB 的压缩炸弹在解压前即被拒绝（解压后大小上限）", async () => {
    const e = await refusal(async () => readZip(await bombDocx(300), limits()));
    expect(e.statusCode).toBe(413);
    expect(e.message).toMatch(/超过解压后大小上限 50 MB/);
  });

  it("谎报大小的条目在解压过程中超出声明即停止", async () => {
    const e = await refusal(async () => readZip(await bombDocx(100, { declaredSize: 1000 }), limits()));
    expect(e.statusCode).toBe(400);
    expect(e.message).toMatch(/解压后大于其声明的大小/);
  });

  it("压缩比超过上限被拒绝；同一文件在较高的压缩比上限下可以读取", async () => {
    const file = await bombDocx(5);
    const e = await refusal(() => readZip(file, limits({ maxRatio: 10 })));
    expect(e.message).toMatch(/超过压缩比上限 10 倍/);
    expect(readZip(file, limits({ maxRatio: 1000 })).get("word/document.xml")!.length).toBeGreaterThan(5 * 1024 * 1024);
  });
});

describe("the sheet scan and the grid reader", () => {
  it("A1 + XFD1 超过列数上限；放宽上限后网格读取为线性（不再逐格重算列数）", async () => {
    const file = await a1xfd1Xlsx(300);
    const e = await refusal(() => xlsxGrid(file));
    expect(e.message).toMatch(/列数过多：用到第 16384 列（XFD 列）/);
    const start = performance.now();
    const grid = await xlsxGrid(file, limits({ maxColumns: 16384, maxCells: 10_000_000 }));
    // 300 rows × 16,384 columns: the old reader recomputed the column count over every row for
    // each of these 4.9 million cells (≈ 1.5 × 10⁹ row visits); linear, it takes seconds at most.
    expect(performance.now() - start).toBeLessThan(20_000);
    expect(grid.rows).toHaveLength(300);
    expect(grid.rows[0][16383]).toBe("y");
  });

  it("行数、单元格数、合并区域按上限检查", () => {
    expect(() => scanSheet(`<row r="6000"><c r="A6000"/></row>`, limits())).toThrow(/行数过多：用到第 6000 行，超过上限 5000 行/);
    const many = Array.from(
      { length: 30 },
      (_, r) => `<row r="${r + 1}">${Array.from({ length: 10 }, (_, c) => `<c r="${String.fromCharCode(65 + c)}${r + 1}"/>`).join("")}</row>`,
    ).join("");
    expect(() => scanSheet(many, limits({ maxCells: 250 }))).toThrow(/单元格过多：共 251 个，超过上限 250 个/);
    expect(() => scanSheet(`<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>`, limits())).toThrow(/列数过多/);
    expect(scanSheet(many, limits())).toEqual({ rows: 30, columns: 10, cells: 300 });
  });

  it("a minimal hand-written xlsx is read", async () => {
    const grid = await xlsxGrid(
      await minimalXlsx(`<row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c><c r="C1" t="inlineStr"><is><t>情形</t></is></c></row>`),
    );
    expect(grid.rows).toEqual([["序号", "", "情形"]]);
  });
});

describe("the worker pool", () => {
  afterEach(async () => stopParseWorkers());

  it("超过时间上限的解析被终止，返回 422 并说明上限；之后的解析照常进行", async () => {
    const e = await refusal(runParse({ kind: "spin", ms: 60_000 }, limits({ timeoutMs: 1500 })));
    expect(e.statusCode).toBe(422);
    expect(e.message).toMatch(/文件解析超时：超过 2 秒仍未完成，已停止解析/);
    expect(await runParse({ kind: "spin", ms: 1 }, limits())).toEqual({ spun: 1 });
  }, 120_000);

  it("超过内存上限的解析被终止，返回 413 并说明上限", async () => {
    const e = await refusal(runParse({ kind: "allocate", mb: 2000 }, limits({ heapMb: 64, timeoutMs: 120_000 })));
    expect(e.statusCode).toBe(413);
    expect(e.message).toMatch(/解析所需内存超过上限 64 MB/);
  }, 180_000);

  it("同时解析的数量已满且队列已满时返回 429 busy（中文说明）", async () => {
    const l = limits({ concurrency: 1, queueLength: 1, queueWaitMs: 60_000, timeoutMs: 120_000 });
    const first = runParse({ kind: "spin", ms: 3000 }, l);
    const second = runParse({ kind: "spin", ms: 1 }, l);
    const third = await refusal(runParse({ kind: "spin", ms: 1 }, l));
    expect(third.statusCode).toBe(429);
    expect(third.code).toBe("busy");
    expect(third.message).toMatch(/请稍后再试/);
    expect(await first).toEqual({ spun: 3000 });
    expect(await second).toEqual({ spun: 1 });
  }, 180_000);
});

describe("evidence walked by its content", () => {
  it("accepts a whole GIF and PNG; refuses the GIF/HTML polyglot, markup hidden in a GIF comment, and data after IEND", () => {
    expect(checkEvidenceContent(smallGif(), "a.gif").mime).toBe("image/gif");
    expect(checkEvidenceContent(sampleSealPng(16), "a.png").mime).toBe("image/png");
    expect(() => checkEvidenceContent(gifHtmlPolyglot(), "a.gif")).toThrow(/不是完整有效的GIF 图片/);
    expect(() => checkEvidenceContent(smallGif("<script>alert(1)</script>"), "a.gif")).toThrow(/含有网页代码/);
    expect(() => checkEvidenceContent(Buffer.concat([sampleSealPng(16), Buffer.from("<html>")]), "a.png")).toThrow(/IEND）之后还有其他数据/);
    const badCrc = sampleSealPng(16);
    badCrc[30] ^= 0xff;
    expect(() => checkEvidenceContent(badCrc, "a.png")).toThrow(/校验失败/);
  });

  it("a whole JPEG is accepted, a truncated one refused", () => {
    // SOI, APP0 (JFIF), SOF0 1×1, SOS, one byte of data, EOI.
    const jpeg = Buffer.from(
      "ffd8ffe000104a46494600010100000100010000" + "ffc0000b080001000101011100" + "ffda0008010100003f00" + "d2" + "ffd9",
      "hex",
    );
    expect(checkEvidenceContent(jpeg, "a.jpg").mime).toBe("image/jpeg");
    expect(() => checkEvidenceContent(jpeg.subarray(0, jpeg.length - 2), "a.jpg")).toThrow(/JPEG 图片/);
  });
});
