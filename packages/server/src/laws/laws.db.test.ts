import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, type TestApp } from "../testing/app";

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t?.close();
});

describe("law library API (public, no login)", () => {
  it("lists the laws with version date and status, and gives a law's chapters and articles", async () => {
    const laws = (await t.get("/api/v1/laws")).json().items;
    const xzcf = laws.find((l: { title: string; status: string }) => l.title === "中华人民共和国行政处罚法" && l.status === "现行有效");
    expect(xzcf).toMatchObject({ articles: 86, versionDate: "2021-01-22" });
    const law = (await t.get(`/api/v1/laws/${encodeURIComponent(xzcf.id)}`)).json();
    expect(law.chapters[0].title).toBe("总则");
    expect(law.articles).toHaveLength(86);
    expect(law.articles[32].text).toMatch(/^违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。/);
    expect((await t.get("/api/v1/laws/nope@2020-01-01")).statusCode).toBe(404);
  });

  it("parses a citation into the provision text, and reports an unknown article in Chinese", async () => {
    const ok = (await t.get(`/api/v1/citations/parse?text=${encodeURIComponent("《安全生产法》第九十七条第（四）项")}`)).json();
    expect(ok.ok).toBe(true);
    expect(ok.items[0].formatted).toBe("《中华人民共和国安全生产法》第九十七条第（四）项");
    expect(ok.items[0].text).toBe("未如实记录安全生产教育和培训情况的；");
    const bad = (await t.get(`/api/v1/citations/parse?text=${encodeURIComponent("《中华人民共和国行政处罚法》第九十九条")}`)).json();
    expect(bad.ok).toBe(false);
    expect(bad.items[0].error).toMatch(/没有第九十九条（共八十六条）/);
    const garbage = (await t.get(`/api/v1/citations/parse?text=${encodeURIComponent("有关规定")}`)).json();
    expect(garbage.errors[0]).toMatch(/无法识别的依据/);
  });

  it("searches provisions by text and shows which published list items cite an article", async () => {
    const hits = (await t.get(`/api/v1/provisions/search?q=${encodeURIComponent("初次违法")}`)).json().items;
    expect(hits.length).toBeGreaterThan(0);
    const laws = (await t.get("/api/v1/laws")).json().items;
    const id = laws.find((l: { title: string; status: string }) => l.title === "中华人民共和国行政处罚法" && l.status === "现行有效").id;
    const citing = (await t.get(`/api/v1/laws/${encodeURIComponent(id)}/citing?article=33`)).json();
    expect(citing.provision).toBe("《中华人民共和国行政处罚法》第三十三条");
    expect(citing.items).toHaveLength(7);
    expect(citing.items.every((i: { listTitle: string }) => i.listTitle === "三明市应急管理局不予处罚事项清单")).toBe(true);
    const art32 = (await t.get(`/api/v1/laws/${encodeURIComponent(id)}/citing?article=32`)).json();
    expect(art32.items).toHaveLength(3);
  });
});

describe("matter catalogue API", () => {
  it("suggests the matter for a plain description, with penalty text and fine range", async () => {
    const res = await t.get(`/api/v1/matters?q=${encodeURIComponent("没有记录培训情况")}`);
    expect(res.statusCode).toBe(200);
    const [first] = res.json().items;
    expect(first).toMatchObject({
      code: "YJ-AQSCF-097-04",
      name: "生产经营单位未如实记录安全生产教育和培训情况",
      fineRange: { minYuan: 0, maxYuan: 100000 },
    });
    expect(first.penalty).toEqual(["《中华人民共和国安全生产法》第九十七条第（四）项"]);
    expect(await t.count("matters")).toBeGreaterThanOrEqual(20);
    expect((await t.get("/api/v1/matters/YJ-YJYA-PS")).json().externalBasis.length).toBeGreaterThan(0);
  });
});
