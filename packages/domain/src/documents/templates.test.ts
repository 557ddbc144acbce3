import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  BUILT_IN_TEMPLATES,
  DOCUMENT_TYPES,
  documentPlainText,
  fillTemplate,
  placeholdersOf,
  previewTemplate,
  sampleValues,
  validateTemplate,
  type DocumentTemplate,
} from "./index";
import { SEED_TEMPLATE_TEXTS } from "./seed-texts.fixture";

/**
 * Normalises text for word-for-word comparison: the seed PDFs' extraction broke lines and dropped
 * or kept blanks at random, and printed a few ASCII parentheses/colons/commas in tables. Whitespace
 * and blanks (underscores) are removed, ASCII ( ) : , are read as their full-width forms.
 */
function normalise(text: string): string {
  return text
    .replace(/\s+/g, "")
    .replace(/[_＿]+/g, "")
    .replace(/\(/g, "（")
    .replace(/\)/g, "）")
    .replace(/:/g, "：")
    .replace(/,/g, "，");
}

const GENERIC_ORG = "（行政机关名称）";

/** The seed text with 明溪's generic organisation wording read as the organisation field. */
function seedWithOrganisation(text: string): string {
  return normalise(text)
    .replace(/（行政执法机关印章）/g, `${GENERIC_ORG}（印章）`)
    .replace(/行政执法机关（印章）/g, `${GENERIC_ORG}（印章）`);
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

/**
 * The seed files (../shared/seeds next to the checkout). In a git worktree, also next to the main
 * checkout the worktree belongs to. Absent on a machine without them: the committed excerpt is then
 * the reference, and the extra check against the seed files does not run.
 */
function findSeedsDir(): string | null {
  const candidates = [path.resolve(repoRoot, "../shared/seeds")];
  const dotGit = path.join(repoRoot, ".git");
  if (existsSync(dotGit) && statSync(dotGit).isFile()) {
    const gitdir = /^gitdir:\s*(.+)$/m.exec(readFileSync(dotGit, "utf8"))?.[1]?.trim();
    // <main checkout>/.git/worktrees/<name>
    if (gitdir) candidates.push(path.resolve(gitdir, "../../..", "../shared/seeds"));
  }
  return candidates.find((d) => existsSync(d)) ?? null;
}
const seedsDir = findSeedsDir();

interface SeedExcerpt {
  seedFile: string;
  firstLine: number;
  lastLine: number;
  lines: string[];
}

/** Reads seed-excerpts.txt: sections "## <seed file> <first>-<last> <source>" of verbatim lines. */
function readSeedExcerpts(): SeedExcerpt[] {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), "seed-excerpts.txt");
  const lines = readFileSync(file, "utf8").replace(/\n$/, "").split("\n");
  const excerpts: SeedExcerpt[] = [];
  for (const line of lines) {
    const header = /^## (\S+) (\d+)-(\d+) /.exec(line);
    if (header) {
      excerpts.push({ seedFile: header[1]!, firstLine: Number(header[2]), lastLine: Number(header[3]), lines: [] });
    } else if (excerpts.length > 0) {
      excerpts.at(-1)!.lines.push(line);
    } else if (!line.startsWith("# ")) {
      throw new Error(`seed-excerpts.txt: text before the first section: ${line}`);
    }
  }
  return excerpts;
}
const seedExcerpts = readSeedExcerpts();

describe("seed templates are kept word for word", () => {
  it("the committed seed excerpt holds exactly the line ranges its sections name", () => {
    expect(seedExcerpts.map((e) => e.seedFile)).toEqual(["000_1ee33c836aa3ced7.txt", "001_a8634103a028f009.txt"]);
    for (const e of seedExcerpts) expect(e.lines.length, e.seedFile).toBe(e.lastLine - e.firstLine + 1);
  });

  it("each seed text the comparisons use is verbatim lines of the committed seed excerpt", () => {
    for (const s of SEED_TEMPLATE_TEXTS) {
      const e = seedExcerpts.find((x) => x.seedFile === s.seedFile && x.firstLine <= s.firstLine && s.lastLine <= x.lastLine);
      expect(e, `${s.id}: lines ${s.firstLine}-${s.lastLine} of ${s.seedFile} are in the excerpt`).toBeDefined();
      const lines = e!.lines.slice(s.firstLine - e!.firstLine, s.lastLine - e!.firstLine + 1);
      expect(lines.join("\n"), s.id).toBe(s.text);
    }
  });

  // An extra check of the copy where the seed files are present (they are not part of the repository).
  it.skipIf(seedsDir === null)("the committed seed excerpt is verbatim lines of the seed files (../shared/seeds)", () => {
    for (const e of seedExcerpts) {
      const lines = readFileSync(path.join(seedsDir!, e.seedFile), "utf8").split("\n");
      expect(lines.slice(e.firstLine - 1, e.lastLine).join("\n"), e.seedFile).toBe(e.lines.join("\n"));
    }
  });

  for (const s of SEED_TEMPLATE_TEXTS) {
    it(`${s.id}: the blank ${s.type} template reads exactly as the seed (ignoring line breaks and blanks)`, () => {
      const template = BUILT_IN_TEMPLATES[s.type];
      const blank = previewTemplate(template, { organisationName: s.organisationName ?? GENERIC_ORG });
      let ours = documentPlainText(blank).replace(/\s+/g, "");
      if (s.lostBlankPunctuation) ours = ours.replace(/_+。/g, "");
      expect(normalise(ours)).toBe(seedWithOrganisation(s.text));
    });
  }

  it("every seed document type (三明 附件5–7, 明溪 附件7 一至六) has a seed comparison", () => {
    const covered = new Set(SEED_TEMPLATE_TEXTS.map((s) => s.type));
    expect([...covered].sort()).toEqual(["advice", "follow_up_form", "guidance", "interview_notice", "reminder", "warning"].sort());
  });

  it("a changed word in our template is caught by the comparison", () => {
    const s = SEED_TEMPLATE_TEXTS.find((x) => x.id === "mingxi-warning")!;
    const altered: DocumentTemplate = structuredClone(BUILT_IN_TEMPLATES.warning);
    const p = altered.blocks.find((b) => b.kind === "paragraph" && b.text.startsWith("逾期"));
    if (p?.kind === "paragraph") p.text = "逾期不予纠正，本机关将依法进行查处。";
    const ours = documentPlainText(previewTemplate(altered, { organisationName: GENERIC_ORG }));
    expect(normalise(ours)).not.toBe(seedWithOrganisation(s.text));
  });
});

describe("built-in templates", () => {
  it("there is a valid template for every document type", () => {
    for (const type of DOCUMENT_TYPES) {
      const t = BUILT_IN_TEMPLATES[type];
      expect(t.type).toBe(type);
      expect(validateTemplate(t), type).toEqual([]);
    }
  });

  for (const type of DOCUMENT_TYPES) {
    it(`${type}: fills for the demo case with every placeholder replaced and every field's value present`, () => {
      const values = sampleValues(type, "2026-11-25");
      const result = fillTemplate(BUILT_IN_TEMPLATES[type], values, { today: "2026-11-25" });
      if (!result.ok) throw new Error(result.message);
      const text = documentPlainText(result.document);
      expect(text).not.toMatch(/\{\{|\}\}|____/);
      for (const f of BUILT_IN_TEMPLATES[type].fields) {
        const formatted = result.document.values[f.key];
        if ((values[f.key] ?? "") !== "") {
          expect(formatted, f.key).not.toBe("");
          expect(text, f.key).toContain(formatted.split("\n")[0]);
        }
      }
      expect(text).toContain(BUILT_IN_TEMPLATES[type].title);
      expect(text).toContain("明溪县应急管理局");
    });
  }

  it("the footer lines of the seed are on every document that is delivered", () => {
    for (const type of DOCUMENT_TYPES.filter((t) => t !== "follow_up_form" && t !== "delivery_receipt")) {
      const text = documentPlainText(previewTemplate(BUILT_IN_TEMPLATES[type])).replace(/\s+/g, "");
      expect(text, type).toContain("本文书一式二份，一份送达，一份归档。送达人签名：被送达人签名：送达时间：");
    }
  });

  it("a 行政告诫书 for the demo case reads as an official would write it", () => {
    const result = fillTemplate(BUILT_IN_TEMPLATES.warning, sampleValues("warning", "2026-11-25"), { today: "2026-11-25" });
    if (!result.ok) throw new Error(result.message);
    const text = documentPlainText(result.document);
    expect(text).toContain("编号：明应急告〔2026〕3号");
    expect(text).toContain("明溪县宏达木业有限公司：");
    expect(text).toContain("根据《中华人民共和国安全生产法》第四十一条第二款规定，现要求你（单位）在2026年12月10日前，主动纠正违法违规行为。");
    expect(text).toContain("明溪县应急管理局\n（印章）\n2026年11月25日");
  });

  it("a 行政约谈通知书 prints the appointment to the minute and the reschedule deadline to the hour", () => {
    const result = fillTemplate(BUILT_IN_TEMPLATES.interview_notice, sampleValues("interview_notice", "2026-11-25"));
    if (!result.ok) throw new Error(result.message);
    const text = documentPlainText(result.document);
    expect(text).toContain(
      "于2026年12月1日9时30分，至明溪县应急管理局三楼会议室当面交流沟通有关情况。如有不便，请于2026年11月30日17时前与本机关联系。",
    );
  });
});

describe("fillTemplate refuses bad input with Chinese errors", () => {
  it("lists the labels of all missing required fields", () => {
    const values = { ...sampleValues("warning"), partyName: " ", facts: "" };
    const result = fillTemplate(BUILT_IN_TEMPLATES.warning, values);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain("以下必填项未填写：当事人名称（姓名）、违法事实");
  });

  it("an empty optional field is not an error and its paragraph is dropped", () => {
    const values = { ...sampleValues("advice"), additionalAdvice: "" };
    const result = fillTemplate(BUILT_IN_TEMPLATES.advice, values);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.document.blocks.filter((b) => b.kind === "paragraph")).toHaveLength(3);
      expect(documentPlainText(result.document)).not.toMatch(/^。$/m);
    }
  });

  it("rejects a deadline before today", () => {
    const values = { ...sampleValues("warning", "2026-11-25"), dueDate: "2026-11-24" };
    const result = fillTemplate(BUILT_IN_TEMPLATES.warning, values, { today: "2026-11-25" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toBe("改正期限（2026年11月24日）不能早于今天（2026年11月25日）");
  });

  it("accepts a deadline of today", () => {
    const values = { ...sampleValues("warning", "2026-11-25"), dueDate: "2026-11-25" };
    expect(fillTemplate(BUILT_IN_TEMPLATES.warning, values, { today: "2026-11-25" }).ok).toBe(true);
  });

  it("rejects an appointment in the past", () => {
    const values = { ...sampleValues("interview_notice", "2026-11-25"), appointmentTime: "2026-11-20T09:00" };
    const result = fillTemplate(BUILT_IN_TEMPLATES.interview_notice, values, { today: "2026-11-25" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain("约谈时间（2026年11月20日9时00分）不能早于今天");
  });

  it("rejects an impossible date", () => {
    const values = { ...sampleValues("warning"), dueDate: "2026-02-30" };
    const result = fillTemplate(BUILT_IN_TEMPLATES.warning, values);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain("改正期限不是有效日期：2026-02-30");
  });
});

describe("validateTemplate", () => {
  it("a template with an unknown placeholder cannot be saved", () => {
    const t: DocumentTemplate = structuredClone(BUILT_IN_TEMPLATES.warning);
    t.blocks.push({ kind: "paragraph", text: "请于{{replyDate}}前回复{{foo}}。" });
    expect(validateTemplate(t)).toContain("模板使用了未定义的字段：replyDate、foo");
  });

  it("an organisation may add its own officer field and use it", () => {
    const t: DocumentTemplate = structuredClone(BUILT_IN_TEMPLATES.warning);
    t.version = 2;
    t.fields.push({ key: "replyDate", label: "回复日期", source: "officer", required: false, kind: "date" });
    t.blocks.push({ kind: "paragraph", text: "请于{{replyDate}}前书面回复。" });
    expect(validateTemplate(t)).toEqual([]);
  });

  it("a custom field cannot claim to come from the case", () => {
    const t: DocumentTemplate = structuredClone(BUILT_IN_TEMPLATES.warning);
    t.fields.push({ key: "shoeSize", label: "鞋码", source: "case", required: false, kind: "text" });
    expect(validateTemplate(t).join()).toContain("不是案件或系统能够提供的字段");
  });

  it("malformed placeholders and table rows that do not fill the columns are errors", () => {
    const t: DocumentTemplate = structuredClone(BUILT_IN_TEMPLATES.follow_up_form);
    t.blocks.push({ kind: "paragraph", text: "{{当事人}}和{{partyName" });
    const table = t.blocks.find((b) => b.kind === "table");
    if (table?.kind === "table") table.rows[0].cells.pop();
    const errors = validateTemplate(t).join("\n");
    expect(errors).toContain("占位符“{{当事人}}”无法识别");
    expect(errors).toContain("占位符括号不成对");
    expect(errors).toContain("表格第1行的单元格数与列数（4）不符");
  });

  it("a numbered template needs its number line", () => {
    const t: DocumentTemplate = structuredClone(BUILT_IN_TEMPLATES.warning);
    t.blocks = t.blocks.filter((b) => b.kind !== "number");
    expect(validateTemplate(t)).toContain("编号文书必须含有“编号：{{documentNumber}}”一行");
  });

  it("placeholdersOf finds the names in order", () => {
    expect(placeholdersOf("于{{ a }}至{{b}}，{{a}}")).toEqual(["a", "b", "a"]);
  });
});

describe("previewTemplate (live preview)", () => {
  it("shows the labels of empty fields when asked, the seed's blanks otherwise", () => {
    const t = BUILT_IN_TEMPLATES.interview_notice;
    const labelled = documentPlainText(previewTemplate(t, { partyName: "甲公司" }, { blankStyle: "label" }));
    expect(labelled).toContain("甲公司：");
    expect(labelled).toContain("于〔约谈时间〕，至〔约谈地点〕当面");
    const blank = documentPlainText(previewTemplate(t, {}));
    expect(blank).toContain("于____年__月__日__时__分，至____当面");
  });
});
