import { describe, expect, it } from "vitest";
import { fixtureLibrary } from "../laws/fixtures.test-support";
import { noConditionsWarning, parseGrid, parseMeasures, typeFromText, type Grid } from "./import";

const library = fixtureLibrary();
const header = ["序号", "违法行为", "不予处罚的情形", "不予处罚的依据", "配套监管措施", "备注"];
const row = (seq: string, matter = "未如实记录安全生产教育和培训情况的") => [
  seq,
  matter,
  "首次被发现，及时改正，没有造成危害后果的。",
  "《中华人民共和国安全生产法》第二条第（二）项",
  "说服教育、行政指导",
  "",
];
const grid = (rows: string[][], extra: Partial<Grid> = {}): Grid => ({ before: ["不予行政处罚事项清单"], rows, after: [], ...extra });

describe("list import: reading the annex table (pure)", () => {
  it("maps the annex columns of a row to a list item with structured citations and soft measures", () => {
    const p = parseGrid(grid([header, row("1")]), { library });
    expect(p.errors).toEqual([]);
    expect(p.ok).toBe(true);
    expect(p.type).toBe("no_penalty");
    expect(p.items[0]).toMatchObject({
      seq: 1,
      matterName: "未如实记录安全生产教育和培训情况的",
      basis: [{ law: "中华人民共和国安全生产法", article: 2, item: 2 }],
      measures: ["persuasion", "administrativeGuidance"],
      conditions: [],
    });
  });

  it("a .docx 不予处罚 import without conditions warns, before importing, that every item would apply to every situation", () => {
    const p = parseGrid(grid([header, row("1"), row("2", "未向从业人员通报事故隐患排查治理情况的")]), { library });
    expect(p.ok).toBe(true); // a warning, not an error: the manager may still import and set the conditions
    expect(p.rows.map((r) => r.warnings)).toEqual([[noConditionsWarning], [noConditionsWarning]]);
    expect(p.warnings).toHaveLength(1);
    expect(p.warnings[0]).toMatch(/^2个不予处罚事项没有适用条件（第1、2行）：导入后这些事项将适用于所有情形/);
  });

  it("items whose conditions come with the file (the xlsx 适用条件 sheet) are not warned about; other list types are not either", () => {
    const conditions = new Map<number, unknown>([[1, [{ kind: "firstTimeFound" }]]]);
    const withConditions = parseGrid(grid([header, row("1")], { conditions }), { library });
    expect(withConditions.items[0].conditions).toEqual([{ kind: "firstTimeFound" }]);
    expect(withConditions.warnings).toEqual([]);
    expect(withConditions.rows[0].warnings).toEqual([]);
    const lighter = parseGrid(grid([header, row("1")], { before: ["从轻行政处罚事项清单"] }), { library });
    expect(lighter.type).toBe("lighter");
    expect(lighter.warnings).toEqual([]);
  });

  it("a header error names the missing columns and the headings it cannot read, exactly", () => {
    const p = parseGrid(grid([["序号", "违法行为", "具体表现", "法条", "配套监管措施"], row("1")]), { library });
    expect(p.ok).toBe(false);
    expect(p.errors).toEqual([
      "表头缺少“情形”列",
      "表头缺少“依据”列",
      "表头中的“具体表现”“法条”列无法识别（应为“序号”“事项名称”“事项编码”“情形”“依据”“配套监管措施”“备注”等列）",
    ]);
  });

  it("a table whose header names no 事项名称 column gets the same exact header error instead of “未找到清单表格”", () => {
    const p = parseGrid(
      grid([
        ["序号", "名称", "情形", "依据"],
        ["1", "某事项", "某情形", "《中华人民共和国安全生产法》第二条"],
      ]),
      { library },
    );
    expect(p.errors).toEqual([
      "表头缺少“事项名称”列",
      "表头中的“名称”列无法识别（应为“序号”“事项名称”“事项编码”“情形”“依据”“配套监管措施”“备注”等列）",
    ]);
    expect(parseGrid(grid([]), { library }).errors[0]).toMatch(/^未找到清单表格/);
  });

  it("splits a 配套监管措施 cell into soft methods and 其他 measures; an unknown word is an error", () => {
    expect(parseMeasures("1.说服教育；2.其他：上门回访")).toEqual({ measures: ["persuasion"], otherMeasures: ["上门回访"], errors: [] });
    expect(parseMeasures("罚款").errors).toHaveLength(1);
  });

  it("reads the list type from a title", () => {
    expect(typeFromText("三明市应急管理局减轻行政处罚事项清单")).toBe("mitigated");
    expect(typeFromText("不予行政强制措施清单")).toBe("no_compulsion");
    expect(typeFromText("会议纪要")).toBeUndefined();
  });
});
