import { describe, expect, it } from "vitest";
import { MATTERS } from "@kuanyan/domain/matters";
import { suggestFrom } from "./catalogue";

const suggest = suggestFrom(MATTERS);

/** What an officer types in plain Chinese → the matter that must be among the first three. */
const cases: [string, string][] = [
  ["没有记录培训情况", "YJ-AQSCF-097-04"],
  ["员工没有参加安全培训", "YJ-AQSCF-097-03"],
  ["隐患排查情况没有告诉员工", "YJ-AQSCF-097-05"],
  ["没有安全员", "YJ-AQSCF-097-01"],
  ["电焊工没有证就上岗", "YJ-AQSCF-097-07"],
  ["应急预案一直没演练", "YJ-AQSCF-097-06"],
  ["没有设置安全警示标志", "YJ-AQSCF-099-01"],
  ["饭店用天然气没装报警器", "YJ-AQSCF-099-08"],
  ["没给工人发劳保用品", "YJ-AQSCF-099-05"],
  ["仓库和员工宿舍在同一栋楼", "YJ-AQSCF-105-01"],
  ["宿舍安全出口被锁住了", "YJ-AQSCF-105-02"],
  ["动火作业没有专人现场管理", "YJ-AQSCF-101-03"],
  ["应急预案没有评审", "YJ-YJYA-PS"],
  ["没有建立应急值班制度", "YJ-YJTL-032-02"],
];

describe("matter suggestions from plain descriptions", () => {
  it.each(cases)("“%s” finds %s in the top 3", (text, code) => {
    const top = suggest(text, 3).map((s) => s.code);
    expect(top).toContain(code);
  });

  it("returns the penalty text and fine range with each suggestion", () => {
    const [first] = suggest("没有记录培训情况", 1);
    expect(first.name).toBe("生产经营单位未如实记录安全生产教育和培训情况");
    expect(first.penaltyText).toContain("处十万元以下的罚款");
    expect(first.fineRange).toMatchObject({ minYuan: 0, maxYuan: 100000 });
  });

  it("a matter code finds exactly that matter; empty text finds nothing", () => {
    expect(suggest("yj-aqscf-099-05").map((s) => s.code)).toEqual(["YJ-AQSCF-099-05"]);
    expect(suggest("  ")).toEqual([]);
  });
});
