import ExcelJS from "exceljs";
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sanmingNoPenaltyItems } from "@kuanyan/domain/lists";
import { testApp, type Session, type TestApp } from "../testing/app";

let t: TestApp;
let manager: Session;
beforeEach(async () => {
  t = await testApp();
  manager = await t.login("demo-listmanager-mx");
});
afterEach(async () => {
  await t?.close();
});

const art33 = "《中华人民共和国行政处罚法》第三十三条第一款";

/** An annex-layout xlsx as the seeds print it: title, 单位 line, a header whose cells are stacked over lines, rows, 说明. */
async function annexXlsx(rows: string[][], options: { header?: string[]; title?: string } = {}): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("附件1");
  ws.addRow([options.title ?? "明溪县应急管理局不予行政处罚事项清单"]);
  ws.mergeCells(1, 1, 1, 6);
  ws.addRow(["单位：明溪县应急管理局    联系人：黄志强    联系电话：0598-2811234"]);
  ws.addRow(options.header ?? ["序\n号", "处罚事项\n名称", "不予处罚\n的情形", "不予处罚\n的依据", "配套监\n管措施", "备\n注"]);
  for (const r of rows) ws.addRow(r);
  ws.addRow(["说明：配套监管措施主要是说服教育、行政告诫等方式。"]);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString("base64");
}

async function annexDocx(header: string[], rows: string[][]): Promise<string> {
  const cell = (text: string) => new TableCell({ children: text.split("\n").map((l) => new Paragraph({ children: [new TextRun(l)] })) });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun("明溪县应急管理局减轻行政处罚事项清单")] }),
          new Paragraph({ children: [new TextRun("单位：明溪县应急管理局 联系人：黄志强 联系电话：0598-2811234")] }),
          new Table({ rows: [header, ...rows].map((r) => new TableRow({ children: r.map(cell) })) }),
          new Paragraph({ children: [new TextRun("说明：一般生产经营单位是指除矿山、危化品、金属冶炼、建筑施工、道路运输以外的生产经营单位。")] }),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc)).toString("base64");
}

const goodRows = [
  [
    "1",
    "生产经营单位未如实记录安全生产教育和培训情况的。",
    "首次被发现、及时改正、没有造成危害后果的。",
    `${art33}、第三十三条第二款`,
    "说服教育、行政告诫",
    "",
  ],
  [
    "2",
    "生产经营单位未设置安全警示标志的。",
    "一般生产经营单位首次被发现，当场改正的。",
    "《行政处罚法》第三十三条",
    "说服教育\n行政建议\n其他：信用承诺",
    "试行",
  ],
];

async function preview(fileName: string, contentBase64: string) {
  const res = await t.post("/api/v1/lists/import/preview", { fileName, contentBase64 }, manager);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe("import from the annex layout", () => {
  it("a good .xlsx (header stacked over lines, several citations and measures per cell) previews without saving, then imports on confirmation", async () => {
    const file = await annexXlsx(goodRows);
    const before = await t.count("lists");
    const p = await preview("清单.xlsx", file);
    expect(p.ok).toBe(true);
    expect(p.type).toBe("no_penalty");
    expect(p.title).toBe("明溪县应急管理局不予行政处罚事项清单");
    expect(p.notes).toBe("配套监管措施主要是说服教育、行政告诫等方式。");
    expect(p.items).toHaveLength(2);
    expect(p.items[0].basis).toEqual([
      { law: "中华人民共和国行政处罚法", article: 33, paragraph: 1 },
      { law: "中华人民共和国行政处罚法", article: 33, paragraph: 2 },
    ]);
    expect(p.items[1].measures).toEqual(["persuasion", "administrativeAdvice"]);
    expect(p.items[1].otherMeasures).toEqual(["信用承诺"]);
    expect(p.items[1].remarks).toBe("试行");
    expect(await t.count("lists")).toBe(before);

    const done = await t.post("/api/v1/lists/import", { fileName: "清单.xlsx", contentBase64: file }, manager);
    expect(done.statusCode, done.body).toBe(201);
    expect(done.json().imported).toBe(2);
    const v = (await t.get(`/api/v1/lists/${done.json().listId}/versions/1`, manager)).json();
    expect(v.version.status).toBe("draft");
    expect(v.version.items.map((i: { matterName: string }) => i.matterName)).toEqual(goodRows.map((r) => r[1]));
  });

  it("a malformed .xlsx shows row-level Chinese errors and a confirmed import saves nothing", async () => {
    const file = await annexXlsx([
      ["1", "", "首次被发现的", art33, "说服教育", ""],
      ["2", "未设置安全警示标志的", "首次被发现的", "按照有关规定", "说服教育", ""],
      ["3", "未提供劳动防护用品的", "首次被发现的", "《中华人民共和国行政处罚法》第九百条", "罚款教育", ""],
    ]);
    const p = await preview("bad.xlsx", file);
    expect(p.ok).toBe(false);
    expect(p.rows[0].errors).toEqual(["缺少事项名称"]);
    expect(p.rows[1].errors.join()).toMatch(/依据无法识别：未识别到法律依据/);
    expect(p.rows[2].errors.join()).toMatch(/没有第九百条/);
    expect(p.rows[2].errors.join()).toMatch(/未知的配套监管措施“罚款教育”/);
    const [lists, items, audit] = [await t.count("lists"), await t.count("list_items"), await t.count("audit_events")];
    const res = await t.post("/api/v1/lists/import", { fileName: "bad.xlsx", contentBase64: file }, manager);
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toMatch(/^导入失败，未保存任何内容：第1行：缺少事项名称/);
    expect([await t.count("lists"), await t.count("list_items"), await t.count("audit_events")]).toEqual([lists, items, audit]);
  });

  it("a .docx with a 事项编码 column and line-broken header cells imports; one without a 依据 column is refused", async () => {
    const header = ["序号", "处罚事项\n名称", "处罚事项\n编码", "减轻处罚的\n情形", "减轻处罚的\n依据", "配套监管\n措施", "备注"];
    const good = await annexDocx(header, [
      [
        "1",
        "生产经营单位未按照规定开展应急预案评审的。",
        "yj-yjya-ps",
        "首次被发现，及时纠正，主动消除危害后果的。",
        "《中华人民共和国行政处罚法》第三十二条第（一）项",
        "说服教育、行政约谈",
        "",
      ],
    ]);
    const p = await preview("附件2.docx", good);
    expect(p.ok, JSON.stringify(p.rows)).toBe(true);
    expect(p.type).toBe("mitigated");
    expect(p.items[0]).toMatchObject({
      matterCode: "YJ-YJYA-PS",
      basis: [{ law: "中华人民共和国行政处罚法", article: 32, item: 1 }],
      measures: ["persuasion", "administrativeInterview"],
    });
    expect(p.notes).toMatch(/^一般生产经营单位是指/);

    const bad = await annexDocx(["序号", "处罚事项名称", "减轻处罚的情形", "配套监管措施"], [["1", "某事项", "某情形", "说服教育"]]);
    const before = await t.count("lists");
    const pb = await preview("附件2.docx", bad);
    expect(pb.ok).toBe(false);
    expect(pb.errors).toContain("表头缺少“依据”列");
    expect((await t.post("/api/v1/lists/import", { fileName: "附件2.docx", contentBase64: bad }, manager)).statusCode).toBe(422);
    expect(await t.count("lists")).toBe(before);
  });

  it("a file that is not a spreadsheet or document is refused in Chinese", async () => {
    const res = await t.post(
      "/api/v1/lists/import/preview",
      { fileName: "x.xlsx", contentBase64: Buffer.from("not a zip").toString("base64") },
      manager,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/不是有效的 Excel/);
    const pdf = await t.post("/api/v1/lists/import/preview", { fileName: "x.pdf", contentBase64: "AAAA" }, manager);
    expect(pdf.statusCode).toBe(415);
  });
});

describe("export in the annex layout, and back", () => {
  async function sanmingNoPenalty(): Promise<string> {
    const mine = (await t.get("/api/v1/lists", manager)).json();
    return mine.claimed.find((c: { type: string }) => c.type === "no_penalty").listId;
  }

  it("export → import of the 三明 不予处罚 list as .xlsx gives the same items, conditions included", async () => {
    const listId = await sanmingNoPenalty();
    const res = await t.get(`/api/v1/lists/${listId}/versions/1/export?format=xlsx`, manager);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toContain(encodeURIComponent("三明市应急管理局不予处罚事项清单"));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell("A1").value).toBe("三明市应急管理局不予处罚事项清单");
    expect(String(ws.getCell("A2").value)).toBe("单位：三明市应急管理局　　联系人：林晓东　　联系电话：0598-8221234");
    expect(ws.getRow(3).values).toEqual([
      undefined,
      "序号",
      "处罚事项名称",
      "处罚事项编码",
      "不予处罚的情形",
      "不予处罚的依据",
      "配套监管措施",
      "备注",
    ]);
    const p = await preview("export.xlsx", res.rawPayload.toString("base64"));
    expect(p.ok, JSON.stringify(p.rows.filter((r: { errors: string[] }) => r.errors.length))).toBe(true);
    const strip = (i: Record<string, unknown>) => ({
      seq: i.seq,
      matterName: i.matterName,
      matterCode: i.matterCode,
      circumstances: i.circumstances,
      basis: i.basis,
      basisText: i.basisText,
      measures: i.measures,
      otherMeasures: i.otherMeasures,
      conditions: i.conditions,
    });
    expect(p.items.map(strip)).toEqual(sanmingNoPenaltyItems.map((i) => strip(i as unknown as Record<string, unknown>)));
    expect(p.notes).toMatch(/^1、一般生产经营单位是指除矿山、危化品、金属冶炼、建筑施工、道路运输以外的生产经营单位/);
  });

  it("export → import as .docx gives the same annex columns (the Word layout carries no structured conditions)", async () => {
    const listId = await sanmingNoPenalty();
    const res = await t.get(`/api/v1/lists/${listId}/versions/1/export?format=docx`, manager);
    expect(res.statusCode).toBe(200);
    const p = await preview("export.docx", res.rawPayload.toString("base64"));
    expect(p.ok).toBe(true);
    expect(p.type).toBe("no_penalty");
    const cols = (i: Record<string, unknown>) => [i.seq, i.matterName, i.matterCode, i.circumstances, i.basis, i.basisText, i.measures];
    expect(p.items.map(cols)).toEqual(sanmingNoPenaltyItems.map((i) => cols(i as unknown as Record<string, unknown>)));
  });

  it("a .docx list import that drops every item's conditions: the preview warns before a 不予处罚 item would apply to every situation", async () => {
    const listId = await sanmingNoPenalty();
    const res = await t.get(`/api/v1/lists/${listId}/versions/1/export?format=docx`, manager);
    const p = await preview("export.docx", res.rawPayload.toString("base64"));
    expect(p.items.every((i: { conditions: unknown[] }) => i.conditions.length === 0)).toBe(true);
    expect(p.rows.every((r: { warnings: string[] }) => r.warnings.some((w) => w.startsWith("未设置适用条件")))).toBe(true);
    expect(p.warnings).toEqual([expect.stringMatching(/^7个不予处罚事项没有适用条件（第1、2、3、4、5、6、7行）：导入后这些事项将适用于所有情形/)]);
    // The xlsx export carries the conditions: no such warning.
    const xlsx = await t.get(`/api/v1/lists/${listId}/versions/1/export?format=xlsx`, manager);
    expect((await preview("export.xlsx", xlsx.rawPayload.toString("base64"))).warnings).toEqual([]);
  });

  it("a .docx whose header names no 事项名称 column: the header error names the wrong and missing columns exactly", async () => {
    const bad = await annexDocx(
      ["序号", "名称", "减轻处罚的情形", "法律依据", "措施"],
      [["1", "某事项", "某情形", "《中华人民共和国行政处罚法》第三十二条", "说服教育"]],
    );
    const p = await preview("附件2.docx", bad);
    expect(p.ok).toBe(false);
    expect(p.errors).toEqual([
      "表头缺少“事项名称”列",
      "表头中的“名称”列无法识别（应为“序号”“事项名称”“事项编码”“情形”“依据”“配套监管措施”“备注”等列）",
    ]);
  });
});
