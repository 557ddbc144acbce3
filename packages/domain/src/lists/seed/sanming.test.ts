import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixtureLookup } from "../../decisions/provisions.test-support";
import { softMethodLabels } from "../../measures";
import { describeCondition, validateConditions } from "../conditions";
import { versionInForce } from "../lifecycle";
import { checkListVersion } from "../quality";
import { sanmingLists, sanmingMitigatedItems, sanmingNoPenaltyItems, sanmingLighterItems } from "./sanming";

// The seed document as extracted from the PDF: cells are broken into short lines, and a cell that
// runs over a page break is interleaved with its neighbours.
const source = readFileSync(new URL("./sanming-000.source.txt", import.meta.url), "utf8");
const strip = (s: string) => s.replace(/\s+/g, "");

function annex(n: number): string[] {
  const start = source.indexOf(` 附件 ${n}\n`);
  const end = source.indexOf(` 附件 ${n + 1}\n`);
  expect(start).toBeGreaterThan(0);
  return source
    .slice(start, end)
    .split("\n")
    .map(strip)
    .filter((l) => l !== "");
}

/**
 * True when `text` is made of whole lines of the annex, in order (other cells' lines may come in
 * between): that is how a cell of the PDF table reads once its lines are rejoined.
 */
function readsFromLines(lines: readonly string[], text: string): boolean {
  let rest = strip(text);
  for (const line of lines) {
    if (rest === "") break;
    if (rest.startsWith(line)) rest = rest.slice(line.length);
  }
  return rest === "";
}

const [noPenalty, mitigated, lighter, noCompulsion] = sanmingLists();

describe("三明市应急管理局's lists (seed 000 annexes 1–4)", () => {
  it("has the four lists with 7, 2, 1 and 0 items", () => {
    expect([noPenalty, mitigated, lighter, noCompulsion].map((r) => [r.list.type, r.versions[0].items.length])).toEqual([
      ["no_penalty", 7],
      ["mitigated", 2],
      ["lighter", 1],
      ["no_compulsion", 0],
    ]);
    // the item numbers printed in the annexes
    expect(annex(1).filter((l) => /^\d$/.test(l))).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
    expect(annex(2).filter((l) => /^\d$/.test(l))).toEqual(["1", "2"]);
    expect(annex(3).filter((l) => /^\d$/.test(l))).toEqual(["1"]);
    expect(annex(4).filter((l) => /^\d$/.test(l))).toEqual([]);
  });

  it("titles are the annexes' titles", () => {
    [noPenalty, mitigated, lighter, noCompulsion].forEach((r, i) => expect(annex(i + 1)).toContain(r.list.title));
  });

  it("the 说明 are verbatim, incl. 本系统不存在不予行政强制事项", () => {
    expect(readsFromLines(annex(1), `说明：${noPenalty.list.notes}`)).toBe(true);
    expect(noPenalty.list.notes).toContain("除矿山、危化品、金属冶炼、建筑施工、道路运输以外的生产经营单位");
    expect(noCompulsion.list.notes).toBe("本系统不存在不予行政强制事项。");
    expect(readsFromLines(annex(4), `说明：${noCompulsion.list.notes}`)).toBe(true);
  });

  const cases = [
    { n: 1, items: sanmingNoPenaltyItems },
    { n: 2, items: sanmingMitigatedItems },
    { n: 3, items: sanmingLighterItems },
  ];
  for (const { n, items } of cases) {
    for (const item of items) {
      it(`annex ${n} item ${item.seq}: 事项名称, 情形, 依据 and 配套监管措施 read as in the seed`, () => {
        const lines = annex(n);
        expect(readsFromLines(lines, item.matterName)).toBe(true);
        expect(readsFromLines(lines, item.circumstances)).toBe(true);
        expect(readsFromLines(lines, item.basisText)).toBe(true);
        expect(readsFromLines(lines, item.measures.map((m) => softMethodLabels[m]).join(""))).toBe(true);
      });
    }
  }

  it("the comparison is strict: a changed character does not read from the seed", () => {
    const lines = annex(1);
    expect(readsFromLines(lines, sanmingNoPenaltyItems[0].circumstances.replace("首次", "初次"))).toBe(false);
    expect(readsFromLines(annex(2), sanmingMitigatedItems[0].circumstances.replace("编织", "编制"))).toBe(false);
  });

  it("measures are 说服教育、行政建议、行政告诫、行政约谈 on every item", () => {
    for (const item of [...sanmingNoPenaltyItems, ...sanmingMitigatedItems, ...sanmingLighterItems]) {
      expect(item.measures.map((m) => softMethodLabels[m])).toEqual(["说服教育", "行政建议", "行政告诫", "行政约谈"]);
    }
  });

  it("依据 cite 行政处罚法 第三十三条 (不予) and 第三十二条 (减轻, 从轻), and resolve", () => {
    for (const item of sanmingNoPenaltyItems) expect(item.basis).toEqual([{ law: "中华人民共和国行政处罚法", article: 33 }]);
    for (const item of [...sanmingMitigatedItems, ...sanmingLighterItems]) {
      expect(item.basis).toEqual([{ law: "中华人民共和国行政处罚法", article: 32 }]);
    }
    for (const item of [...sanmingNoPenaltyItems, ...sanmingMitigatedItems, ...sanmingLighterItems]) {
      expect(fixtureLookup(item.basis[0])).toBeDefined();
    }
  });

  it("structured conditions are valid and follow the 情形 text", () => {
    for (const record of [noPenalty, mitigated, lighter]) {
      for (const item of record.versions[0].items) {
        expect(validateConditions(item.conditions, { listType: record.list.type })).toEqual([]);
        const kinds = item.conditions.map((c) => c.kind);
        const text = item.circumstances;
        expect(kinds.includes("firstTimeFound")).toBe(text.includes("首次被发现"));
        expect(kinds.includes("subjectCategoryNotIn")).toBe(text.includes("一般生产经营单位") || text.includes("一般行业生产经营单位"));
        expect(kinds.includes("noMajorHazard")).toBe(text.includes("重大事故隐患除外"));
        expect(kinds.includes("proactiveElimination")).toBe(text.includes("主动消除危害后果"));
        expect(kinds.includes("corrected")).toBe(/及时纠正|及时改正|立即组织实施/.test(text));
        const harm = item.conditions.find((c) => c.kind === "harm");
        if (text.includes("没有造成危害后果")) expect(harm).toEqual({ kind: "harm", atMost: "none" });
        if (text.includes("严重后果")) expect(harm).toEqual({ kind: "harm", atMost: "minor" });
        if (text.includes("责令限期")) expect(item.conditions).toContainEqual({ kind: "corrected", how: "within_deadline" });
      }
    }
  });

  it("item 1 encodes: not high-risk, 隐患排查 evidence, no major hazard, first found, corrected, no harm", () => {
    expect(sanmingNoPenaltyItems[0].conditions.map(describeCondition)).toEqual([
      "当事人不属于矿山、危化品、金属冶炼、建筑施工、道路运输行业",
      "有证据证明开展了隐患排查治理工作",
      "不属于重大事故隐患",
      "属于首次被发现",
      "及时改正（当场改正或者在责令改正期限内改正）",
      "没有造成危害后果",
    ]);
  });

  it("is in force from 2022-05-01 (组织实施 step) and passes the quality checks without errors", () => {
    for (const record of [noPenalty, mitigated, lighter, noCompulsion]) {
      expect(versionInForce(record.versions, "2022-04-30")).toBeUndefined();
      expect(versionInForce(record.versions, "2022-05-01")?.version).toBe(1);
      const findings = checkListVersion({ list: record.list, version: record.versions[0] }, { lookup: fixtureLookup });
      expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    }
  });

  it("uses the matter codes of the catalogue, incl. 安全生产法 第一百零一条第（五）项 for 事故隐患排查治理制度", () => {
    expect(sanmingNoPenaltyItems.map((i) => i.matterCode)).toEqual([
      "YJ-AQSCF-097-05",
      "YJ-AQSCF-097-01",
      "YJ-AQSCF-097-03",
      "YJ-AQSCF-097-04",
      "YJ-AQSCF-099-05",
      "YJ-AQSCF-101-05",
      "YJ-AQSCF-105-02",
    ]);
    expect(fixtureLookup({ law: "中华人民共和国安全生产法", article: 101, item: 5 })).toContain("未建立事故隐患排查治理制度");
  });
});
