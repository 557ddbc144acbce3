import { FIELD_CATALOGUE } from "./fields";
import { formatChineseDate, formatChineseDateTime, isIsoDate, isIsoDateTime } from "../dates/index";
import { FOOTER_TEXT } from "./templates";
import { normaliseOfficerText, trimBeforeTemplateMark } from "./punctuation";
import {
  DOCUMENT_TYPES,
  FIELD_KINDS,
  FIELD_SOURCES,
  type DocumentTemplate,
  type FieldValues,
  type FilledBlock,
  type FilledDocument,
  type TemplateBlock,
  type TemplateField,
  type TextRun,
} from "./types";

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const FIELD_KEY = /^[A-Za-z][A-Za-z0-9_]*$/;

/** The placeholder names in a text, in order (repeats included). */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/** Every text of a template with a description of where it is (for error messages). */
function templateTexts(t: DocumentTemplate): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  t.blocks.forEach((b, i) => {
    const where = `第${i + 1}段`;
    switch (b.kind) {
      case "table":
        b.rows.forEach((r, ri) => r.cells.forEach((c, ci) => out.push({ where: `${where}表格第${ri + 1}行第${ci + 1}格`, text: c.text })));
        break;
      case "signature":
        out.push({ where, text: b.organisation }, { where, text: b.sealNote }, { where, text: `{{${b.dateField}}}` });
        break;
      case "footer":
        out.push({ where, text: `{{${b.delivererField}}}{{${b.recipientField}}}{{${b.deliveredAtField}}}` });
        break;
      default:
        out.push({ where, text: b.text });
        if (b.kind === "paragraph" && b.omitIfEmpty) out.push({ where, text: `{{${b.omitIfEmpty}}}` });
    }
  });
  return out;
}

/** Errors in the field definitions; fills `declared` with the well-named fields by key. */
function fieldErrors(fields: readonly TemplateField[], declared: Map<string, TemplateField>): string[] {
  const errors: string[] = [];
  for (const f of fields) {
    if (!FIELD_KEY.test(f.key)) {
      errors.push(`字段名“${f.key}”不合法（只能使用英文字母、数字和下划线，以字母开头）`);
      continue;
    }
    if (declared.has(f.key)) errors.push(`字段“${f.key}”重复定义`);
    declared.set(f.key, f);
    if (f.label.trim() === "") errors.push(`字段“${f.key}”缺少中文名称`);
    if (!FIELD_SOURCES.includes(f.source)) errors.push(`字段“${f.label}”的来源不合法：${f.source}`);
    if (!FIELD_KINDS.includes(f.kind)) errors.push(`字段“${f.label}”的类型不合法：${f.kind}`);
    if (f.source !== "officer" && !(f.key in FIELD_CATALOGUE)) {
      errors.push(`字段“${f.label}”（${f.key}）不是案件或系统能够提供的字段，只能设为执法人员填写`);
    }
    if (f.precision !== undefined && f.kind !== "datetime") errors.push(`字段“${f.label}”不是时间，不能设置精度`);
    if (f.notBeforeToday && f.kind !== "date" && f.kind !== "datetime") {
      errors.push(`字段“${f.label}”不是日期或时间，不能设置“不早于今天”`);
    }
  }
  return errors;
}

/** Malformed or undeclared placeholders in the template's texts. */
function placeholderErrors(t: DocumentTemplate, declared: ReadonlyMap<string, TemplateField>): string[] {
  const errors: string[] = [];
  const unknown = new Set<string>();
  for (const { where, text } of templateTexts(t)) {
    for (const name of placeholdersOf(text)) {
      if (!FIELD_KEY.test(name)) errors.push(`${where}的占位符“{{${name}}}”无法识别`);
      else if (!declared.has(name)) unknown.add(name);
    }
    const stripped = text.replace(PLACEHOLDER, "");
    if (stripped.includes("{{") || stripped.includes("}}")) errors.push(`${where}的占位符括号不成对`);
  }
  if (unknown.size > 0) errors.push(`模板使用了未定义的字段：${[...unknown].join("、")}`);
  return errors;
}

/** Errors in the blocks: the title and number lines, signature dates, omissible paragraphs, tables. */
function blockErrors(t: DocumentTemplate, declared: ReadonlyMap<string, TemplateField>): string[] {
  const errors: string[] = [];
  if (!t.blocks.some((b) => b.kind === "title")) errors.push("模板缺少文书标题");
  if (t.numbered && !t.blocks.some((b) => b.kind === "number" && placeholdersOf(b.text).includes("documentNumber"))) {
    errors.push("编号文书必须含有“编号：{{documentNumber}}”一行");
  }
  for (const b of t.blocks) {
    if (b.kind === "signature") {
      const f = declared.get(b.dateField);
      if (f && f.kind !== "date") errors.push(`落款日期字段“${f.label}”必须是日期类型`);
    }
    if (b.kind === "paragraph" && b.omitIfEmpty) {
      const f = declared.get(b.omitIfEmpty);
      if (f?.required) errors.push(`必填字段“${f.label}”不能作为可省略段落的条件`);
    }
    if (b.kind === "table") {
      if (!Number.isInteger(b.columns) || b.columns < 1 || b.columns > 8) errors.push("表格列数必须为1至8");
      if (b.widths && (b.widths.length !== b.columns || b.widths.some((w) => !(w > 0)))) {
        errors.push("表格列宽的个数必须与列数相同且均为正数");
      }
      b.rows.forEach((r, i) => {
        const span = r.cells.reduce((s, c) => s + (c.colSpan ?? 1), 0);
        if (span !== b.columns) errors.push(`表格第${i + 1}行的单元格数与列数（${b.columns}）不符`);
      });
    }
  }
  return errors;
}

/**
 * Checks a template before it is saved. Returns Chinese error messages (empty when valid): unknown
 * placeholders (a field used in the text but not declared), malformed placeholders, bad field
 * definitions, table rows that do not fill the columns, a numbered template without a number line.
 */
export function validateTemplate(t: DocumentTemplate): string[] {
  const errors: string[] = [];
  if (!DOCUMENT_TYPES.includes(t.type)) errors.push(`未知的文书种类：${t.type}`);
  if (!Number.isInteger(t.version) || t.version < 1) errors.push("模板版本号必须是正整数");
  if (t.title.trim() === "") errors.push("文书标题不能为空");
  if (t.typeShort.trim() === "") errors.push("文书种类简称不能为空");

  const declared = new Map<string, TemplateField>();
  errors.push(...fieldErrors(t.fields, declared));
  errors.push(...placeholderErrors(t, declared));
  errors.push(...blockErrors(t, declared));
  return errors;
}

export interface FillOptions {
  /** ISO date of today; when given, deadlines and appointments before it are rejected. */
  today?: string;
}

export type FillResult =
  { ok: true; document: FilledDocument } | { ok: false; errors: string[]; /** All errors in one Chinese sentence. */ message: string };

function formatValue(f: TemplateField, raw: string): string {
  switch (f.kind) {
    case "date":
      return formatChineseDate(raw);
    case "datetime":
      return formatChineseDateTime(raw, f.precision ?? "minute");
    case "text":
      return normaliseOfficerText(raw.replace(/\s*\r?\n\s*/g, " "));
    default:
      return raw.replace(/\r\n/g, "\n").split("\n").map(normaliseOfficerText).join("\n");
  }
}

function checkValue(f: TemplateField, raw: string, today: string | undefined): string | undefined {
  if (f.kind === "date" && !isIsoDate(raw)) return `${f.label}不是有效日期：${raw}`;
  if (f.kind === "datetime" && !isIsoDateTime(raw)) return `${f.label}不是有效时间：${raw}`;
  if (f.notBeforeToday && today !== undefined && raw.slice(0, 10) < today) {
    return `${f.label}（${formatValue(f, raw)}）不能早于今天（${formatChineseDate(today)}）`;
  }
  return undefined;
}

/**
 * Fills a template with the values of a case. Every placeholder is replaced: dates and times are
 * written 2026年11月25日 / 2026年12月1日9时30分, empty optional fields leave their place empty
 * (a paragraph with `omitIfEmpty` is dropped). Missing required fields, invalid dates and (with
 * `today`) deadlines or appointments in the past give Chinese errors and no document.
 */
export function fillTemplate(t: DocumentTemplate, values: FieldValues, options: FillOptions = {}): FillResult {
  const templateErrors = validateTemplate(t);
  if (templateErrors.length > 0) {
    return { ok: false, errors: templateErrors, message: `文书模板有误：${templateErrors.join("；")}` };
  }
  if (options.today !== undefined && !isIsoDate(options.today)) throw new RangeError(`today 不是有效日期：${options.today}`);

  const missing: string[] = [];
  const errors: string[] = [];
  const formatted: Record<string, string> = {};
  for (const f of t.fields) {
    const raw = values[f.key]?.trim() ?? "";
    if (raw === "") {
      if (f.required) missing.push(f.label);
      formatted[f.key] = "";
      continue;
    }
    const problem = checkValue(f, raw, options.today);
    if (problem) errors.push(problem);
    else formatted[f.key] = formatValue(f, raw);
  }
  if (missing.length > 0) errors.unshift(`以下必填项未填写：${missing.join("、")}`);
  if (errors.length > 0) return { ok: false, errors, message: errors.join("；") };

  return { ok: true, document: build(t, formatted, () => "") };
}

export type BlankStyle = "underline" | "label";

/**
 * The template as far as it can be filled — for the live preview in the template editor and for
 * the blank form. Never fails: an empty or invalid field shows its blank (the seed's wording
 * around the blank, "____") or, with blankStyle "label", its label in 〔〕.
 */
export function previewTemplate(t: DocumentTemplate, values: FieldValues = {}, options: { blankStyle?: BlankStyle } = {}): FilledDocument {
  const style = options.blankStyle ?? "underline";
  const formatted: Record<string, string> = {};
  const fieldByKey = new Map(t.fields.map((f) => [f.key, f]));
  for (const f of t.fields) {
    const raw = values[f.key]?.trim() ?? "";
    formatted[f.key] = raw !== "" && !checkValue(f, raw, undefined) ? formatValue(f, raw) : "";
  }
  const blankOf = (key: string): string => {
    const f = fieldByKey.get(key);
    if (style === "label") return `〔${f?.label ?? key}〕`;
    return f?.blank ?? "____";
  };
  return build(t, formatted, blankOf, true);
}

function build(t: DocumentTemplate, formatted: Record<string, string>, blankOf: (key: string) => string, preview = false): FilledDocument {
  const runsOf = (text: string): TextRun[] => {
    const runs: TextRun[] = [];
    let last = 0;
    for (const m of text.matchAll(PLACEHOLDER)) {
      if (m.index > last) runs.push({ text: text.slice(last, m.index) });
      const key = m[1];
      const value = formatted[key] ?? "";
      if (value !== "") runs.push({ text: value, field: key });
      else {
        // An empty run still marks where the field stands (a renderer draws a signature there).
        runs.push({ text: blankOf(key), field: key, blank: true });
      }
      last = m.index + m[0].length;
    }
    if (last < text.length) runs.push({ text: text.slice(last) });
    // "……违法行为。" + "，": where a value meets the template's own punctuation, the template's mark stands.
    runs.forEach((r, i) => {
      const next = runs[i + 1];
      if (r.field && !r.blank && next && !next.field) r.text = trimBeforeTemplateMark(r.text, next.text);
    });
    return runs;
  };
  const plain = (text: string): string =>
    runsOf(text)
      .map((r) => r.text)
      .join("");

  const blocks: FilledBlock[] = [];
  for (const b of t.blocks as TemplateBlock[]) {
    switch (b.kind) {
      case "organisationHeading":
      case "title":
      case "number":
        blocks.push({ kind: b.kind, runs: runsOf(b.text) });
        break;
      case "paragraph":
        if (!preview && b.omitIfEmpty && (formatted[b.omitIfEmpty] ?? "") === "") break;
        blocks.push({ kind: "paragraph", runs: runsOf(b.text), indent: b.indent ?? true, align: b.align ?? "justify" });
        break;
      case "table":
        blocks.push({
          kind: "table",
          columns: b.columns,
          widths: b.widths ?? Array.from({ length: b.columns }, () => 1),
          rows: b.rows.map((r) => ({
            cells: r.cells.map((c) => ({
              runs: runsOf(c.text),
              colSpan: c.colSpan ?? 1,
              role: c.role,
              minLines: c.minLines ?? 1,
            })),
          })),
        });
        break;
      case "signature": {
        const date = formatted[b.dateField] ?? "";
        blocks.push({
          kind: "signature",
          organisation: plain(b.organisation),
          sealNote: b.sealNote,
          date: date !== "" ? date : "　　年　　月　　日",
        });
        break;
      }
      case "footer":
        blocks.push({
          kind: "footer",
          ...FOOTER_TEXT,
          deliverer: formatted[b.delivererField] ?? "",
          recipient: formatted[b.recipientField] ?? "",
          deliveredAt: formatted[b.deliveredAtField] ?? "",
        });
        break;
    }
  }
  const documentNumber = t.numbered && formatted.documentNumber ? formatted.documentNumber : undefined;
  return { type: t.type, templateVersion: t.version, title: t.title, documentNumber, blocks, values: formatted };
}

/** The text of a filled document, block by block (table cells separated by tabs). */
export function documentPlainText(doc: FilledDocument): string {
  const text = (runs: TextRun[]) => runs.map((r) => r.text).join("");
  const lines: string[] = [];
  for (const b of doc.blocks) {
    switch (b.kind) {
      case "table":
        for (const r of b.rows) lines.push(r.cells.map((c) => text(c.runs)).join("\t"));
        break;
      case "signature":
        lines.push(b.organisation, b.sealNote, b.date);
        break;
      case "footer":
        lines.push(b.copiesNote, `${b.delivererLabel}${b.deliverer}　${b.recipientLabel}${b.recipient}`, `${b.deliveredAtLabel}${b.deliveredAt}`);
        break;
      default:
        lines.push(text(b.runs));
    }
  }
  return lines.join("\n");
}
