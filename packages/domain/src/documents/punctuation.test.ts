import { describe, expect, it } from "vitest";
import { BUILT_IN_TEMPLATES } from "./templates";
import { documentPlainText, fillTemplate } from "./fill";
import { mergeLawCitations, normaliseOfficerText, trimBeforeTemplateMark } from "./punctuation";
import { sampleValues } from "./samples";

const LAW = "《中华人民共和国行政处罚法》";

describe("执法人员填写的文字在文书边缘规范标点", () => {
  it("重复的句号“。。”合并为一个", () => {
    expect(normaliseOfficerText("未将隐患排查情况向从业人员通报。。")).toBe("未将隐患排查情况向从业人员通报。");
    expect(normaliseOfficerText("已整改，，并提交报告")).toBe("已整改，并提交报告");
  });

  it("“。，”这类叠用的点号只保留后一个", () => {
    expect(normaliseOfficerText("未如实记录。，已当场改正")).toBe("未如实记录，已当场改正");
    expect(normaliseOfficerText("未如实记录；。")).toBe("未如实记录。");
  });

  it("中文之间的半角逗号、分号、括号改为全角，数字和邮箱中的半角符号不变", () => {
    expect(normaliseOfficerText("未通报,已改正;(见笔录)")).toBe("未通报，已改正；（见笔录）");
    expect(normaliseOfficerText("罚款1,000元，地址hd@example.com")).toBe("罚款1,000元，地址hd@example.com");
  });

  it("值的末尾标点遇到模板紧接的标点时，以模板的标点为准", () => {
    expect(trimBeforeTemplateMark("系轻微违法行为。", "，系轻微违法行为。")).toBe("系轻微违法行为");
    expect(trimBeforeTemplateMark("系轻微违法行为。", "规定")).toBe("系轻微违法行为。");
  });
});

describe("同一部法律在一条依据中只写一次名称", () => {
  it("《…行政处罚法》第三十三条第一款、《…行政处罚法》第三十三条第三款 → 《…行政处罚法》第三十三条第一款、第三款", () => {
    expect(mergeLawCitations(`${LAW}第三十三条第一款、${LAW}第三十三条第三款`)).toBe(`${LAW}第三十三条第一款、第三款`);
  });

  it("不同条文保留条号，不同法律保留各自名称", () => {
    expect(mergeLawCitations(`${LAW}第三十三条第一款、${LAW}第五十七条第一款第（二）项`)).toBe(`${LAW}第三十三条第一款、第五十七条第一款第（二）项`);
    const other = "《中华人民共和国安全生产法》第四十一条第二款";
    expect(mergeLawCitations(`${LAW}第三十三条第一款、${other}`)).toBe(`${LAW}第三十三条第一款、${other}`);
    expect(mergeLawCitations(`${LAW}第三十三条第一款、${LAW}第三十三条第二款、${LAW}第三十三条第三款`)).toBe(
      `${LAW}第三十三条第一款、第二款、第三款`,
    );
  });

  it("填写不予行政处罚决定书时，依据和事实中的叠用标点与重复法名不再原样印出", () => {
    const values = {
      ...sampleValues("no_penalty_decision", "2026-11-25"),
      noPenaltyBasis: `${LAW}第三十三条第一款、${LAW}第三十三条第三款`,
      facts: "未将事故隐患排查治理情况如实记录。。",
    };
    const result = fillTemplate(BUILT_IN_TEMPLATES.no_penalty_decision, values, { today: "2026-11-25" });
    if (!result.ok) throw new Error(result.message);
    const text = documentPlainText(result.document);
    expect(text).toContain(`${LAW}第三十三条第一款、第三款`);
    expect(text).not.toMatch(/。。|。，|；，|，，/);
  });
});
