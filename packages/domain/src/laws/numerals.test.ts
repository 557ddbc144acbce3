import { describe, expect, it } from "vitest";
import { chineseToNumber, numberToChinese } from "./numerals";

describe("chineseToNumber", () => {
  it.each([
    ["一", 1],
    ["九", 9],
    ["十", 10],
    ["十二", 12],
    ["二十", 20],
    ["三十三", 33],
    ["九十七", 97],
    ["九十九", 99],
    ["一百", 100],
    ["一百零一", 101],
    ["一百零五", 105],
    ["一百一十", 110],
    ["一百一十六", 116],
    ["一百五十四", 154],
    ["两", 2],
    ["两百", 200],
    ["〇", 0],
    ["零", 0],
    ["一千零二十", 1020],
    ["二千", 2000],
    ["十万", 100000],
    ["二十万", 200000],
    ["一百万", 1000000],
    ["二〇二一", 2021],
    ["33", 33],
    ["３３", 33],
  ])("%s → %i", (text, value) => {
    expect(chineseToNumber(text)).toBe(value);
  });

  it.each(["", "条", "十十", "百", "一二三四五六七八九十", "五十百", "第三"])("rejects %j", (text) => {
    expect(chineseToNumber(text)).toBeUndefined();
  });
});

describe("numberToChinese", () => {
  it.each([
    [0, "零"],
    [1, "一"],
    [10, "十"],
    [11, "十一"],
    [20, "二十"],
    [33, "三十三"],
    [97, "九十七"],
    [100, "一百"],
    [101, "一百零一"],
    [105, "一百零五"],
    [110, "一百一十"],
    [119, "一百一十九"],
    [1001, "一千零一"],
    [1010, "一千零一十"],
    [100000, "十万"],
    [200000, "二十万"],
    [105000, "十万五千"],
    [100500, "十万零五百"],
  ])("%i → %s", (value, text) => {
    expect(numberToChinese(value)).toBe(text);
  });

  it("round-trips every number from 0 to 2000 and some large ones", () => {
    const samples = [...Array.from({ length: 2001 }, (_, i) => i), 10010, 99999, 123456, 20000000];
    for (const n of samples) expect(chineseToNumber(numberToChinese(n))).toBe(n);
  });

  it("refuses negative and fractional numbers", () => {
    expect(() => numberToChinese(-1)).toThrow(RangeError);
    expect(() => numberToChinese(1.5)).toThrow(RangeError);
  });
});
