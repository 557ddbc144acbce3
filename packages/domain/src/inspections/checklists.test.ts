import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatCitation } from "../laws/citations";
import { lawLibraryFromSeed } from "../laws/seed";
import { findMatter } from "../matters/catalogue";
import {
  checkChecklistItems,
  copyChecklist,
  editChecklistDraft,
  itemsByArea,
  publishChecklist,
  reviseChecklist,
  type CitationResolver,
} from "./checklists";
import { starterChecklists } from "./checklists.seed";

// The laws the server ships (packages/server/seed/laws.json, a parse of the reference texts).
const library = lawLibraryFromSeed(JSON.parse(readFileSync(new URL("../../../server/seed/laws.json", import.meta.url), "utf8")));
const resolve: CitationResolver = (c) => library.resolve(c);
const starters = starterChecklists();

describe("the starter checklists (对表检查, seed 003)", () => {
  it("cover every 对表检查 field of seed 003: 危化品、烟花爆竹、工贸企业、有限空间、粉尘涉爆、涉氨制冷", () => {
    expect(starters.map((c) => c.title)).toEqual([
      "工贸企业安全生产检查表",
      "有限空间作业安全检查表",
      "粉尘涉爆企业安全检查表",
      "危险化学品使用单位安全检查表",
      "烟花爆竹经营（储存）单位安全检查表",
      "涉氨制冷企业安全检查表",
    ]);
    expect(new Set(starters.map((c) => c.industry))).toEqual(
      new Set(["industry_trade", "confined_space", "dust_explosion", "hazardous_chemicals", "fireworks", "ammonia_refrigeration"]),
    );
    expect(new Set(starters.map((c) => c.id)).size).toBe(starters.length);
  });

  for (const checklist of starters) {
    const items = checklist.versions[0].items;
    it(`${checklist.title}: every item's basis resolves in the shipped law library, and its matter is in the catalogue`, () => {
      expect(checkChecklistItems(items, resolve)).toEqual([]);
      for (const item of items) {
        for (const c of item.basis) expect(library.lookup(c), formatCitation(c)).toBeTruthy();
        expect(item.source, item.id).toMatch(/《安全生产法》第/);
      }
    });

    it(`${checklist.title}: each item's matter sanctions a duty of the item's basis (same article)`, () => {
      for (const item of items) {
        const matter = findMatter(item.matterCode)!;
        const articles = new Set(matter.violated.map((c) => c.article));
        expect(
          item.basis.some((c) => articles.has(c.article)),
          `${item.id} → ${item.matterCode}`,
        ).toBe(true);
      }
    });

    it(`${checklist.title}: items grouped by area, ids unique`, () => {
      expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
      expect(itemsByArea(items).flatMap((g) => g.items)).toHaveLength(items.length);
    });
  }
});

describe("checklist versions (like lists)", () => {
  const source = starters[0];

  it("an organisation copies a published version and adapts its draft; a published version cannot be edited", () => {
    const copy = copyChecklist(source, 1, { id: "jj-gm", organisationId: "jj-yj" });
    if (!copy.ok) throw new Error(copy.error);
    expect(copy.record.copiedFrom).toEqual({ checklistId: source.id, version: 1 });
    const items = copy.record.versions[0].items.filter((i) => i.id !== "GM-14");
    const edited = editChecklistDraft(copy.record, 1, items);
    if (!edited.ok) throw new Error(edited.error);
    const published = publishChecklist(edited.record, 1, "2026-12-01", resolve);
    if (!published.ok) throw new Error(published.error);
    expect(published.record.versions[0]).toMatchObject({ status: "published", publishedOn: "2026-12-01" });
    expect(editChecklistDraft(published.record, 1, [])).toMatchObject({ ok: false, error: expect.stringContaining("不能修改") });
    // The shipped source is untouched.
    expect(source.versions[0].items.some((i) => i.id === "GM-14")).toBe(true);
  });

  it("an item without a basis, with a basis the library lacks, or with an unknown matter cannot be published (中文错误)", () => {
    const copy = copyChecklist(source, 1, { id: "x", organisationId: "o" });
    if (!copy.ok) throw new Error(copy.error);
    const [first, second, third] = copy.record.versions[0].items;
    const bad = [
      { ...first, basis: [] },
      { ...second, basis: [{ law: "中华人民共和国安全生产法", article: 300 }] },
      { ...third, matterCode: "YJ-NOPE-001-01" },
    ];
    const edited = editChecklistDraft(copy.record, 1, bad);
    if (!edited.ok) throw new Error(edited.error);
    const r = publishChecklist(edited.record, 1, "2026-12-01", resolve);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toContain(`检查项${first.id}缺少检查依据`);
      expect(r.error).toContain("没有第三百条");
      expect(r.error).toContain("不在事项库中");
    }
  });

  it("revising makes a new draft (with a note); publishing it supersedes the old version, which is kept", () => {
    expect(reviseChecklist(source, " ")).toMatchObject({ ok: false });
    const revised = reviseChecklist(source, "增加涉氨制冷检查项");
    if (!revised.ok) throw new Error(revised.error);
    expect(revised.version).toBe(2);
    expect(reviseChecklist(revised.record, "again")).toMatchObject({ ok: false });
    const published = publishChecklist(revised.record, 2, "2027-01-01", resolve);
    if (!published.ok) throw new Error(published.error);
    expect(published.record.versions.map((v) => v.status)).toEqual(["superseded", "published"]);
  });
});
