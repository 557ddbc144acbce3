/**
 * Document templates (文书模板) and filled documents (文书).
 *
 * A template is data: title lines, paragraphs with `{{field}}` placeholders, tables, the signature
 * and seal block and the seed's footer lines. Filling a template with the values of a case gives a
 * `FilledDocument`, a layout-free model the DOCX and PDF renderers and the console preview draw.
 */

/** The document types Kuanyan issues. */
export type DocumentType =
  | "guidance" // 行政指导意见书
  | "advice" // 行政执法建议书
  | "reminder" // 行政(执法)提示书
  | "warning" // 行政告诫书
  | "interview_notice" // 行政约谈通知书
  | "follow_up_form" // 行政执法案件回访登记表
  | "no_penalty_decision" // 不予行政处罚决定书
  | "commitment" // 轻微违法行为告知承诺书
  | "correction_order" // 责令限期改正通知书
  | "delivery_receipt"; // 送达回证

export const DOCUMENT_TYPES: readonly DocumentType[] = [
  "guidance",
  "advice",
  "reminder",
  "warning",
  "interview_notice",
  "follow_up_form",
  "no_penalty_decision",
  "commitment",
  "correction_order",
  "delivery_receipt",
];

/**
 * Where a field's value comes from:
 * - `case`: the case record (party, facts, provisions, deadline, appointment, contact);
 * - `officer`: typed by the officer, what the case cannot know;
 * - `system`: set when the document is issued (organisation name, number, date of issue);
 * - `delivery`: the delivery record (送达), empty until the document is delivered.
 */
export type FieldSource = "case" | "officer" | "system" | "delivery";

export const FIELD_SOURCES: readonly FieldSource[] = ["case", "officer", "system", "delivery"];

/** text: one line; multiline: may hold line breaks; date: ISO YYYY-MM-DD; datetime: ISO YYYY-MM-DDTHH:mm. */
export type FieldKind = "text" | "multiline" | "date" | "datetime";

export const FIELD_KINDS: readonly FieldKind[] = ["text", "multiline", "date", "datetime"];

export interface TemplateField {
  /** Placeholder name: `{{key}}` in block texts. ASCII letters, digits, underscore; starts with a letter. */
  key: string;
  /** Chinese label shown in forms and error messages. */
  label: string;
  source: FieldSource;
  required: boolean;
  kind: FieldKind;
  /** datetime only: "hour" prints 2026年12月1日9时, "minute" (default) 2026年12月1日9时30分. */
  precision?: "hour" | "minute";
  /** date/datetime only: the value may not lie before `today` (a deadline, an appointment). */
  notBeforeToday?: boolean;
  /**
   * What the blank form of the template shows for this field (the seed's wording around a blank),
   * e.g. "____年__月__日__时__分" or "____（法律法规名称、条款）". Defaults to a plain blank.
   */
  blank?: string;
}

export type Align = "left" | "center" | "right" | "justify";

/** A block of a template; every `text` may hold `{{field}}` placeholders. */
export type TemplateBlock =
  /** The issuing organisation's line above the title (the seed: 三明市应急管理局 / (行政机关名称)). */
  | { kind: "organisationHeading"; text: string }
  /** The document's title (2号 小标宋-style, centred). */
  | { kind: "title"; text: string }
  /** The number line "编号：…". */
  | { kind: "number"; text: string }
  /** A body paragraph. `indent` (default true) is the 2-character first-line indent. */
  | {
      kind: "paragraph";
      text: string;
      indent?: boolean;
      align?: Align;
      /** Drop the paragraph from the filled document when this (optional) field is empty. */
      omitIfEmpty?: string;
    }
  /** A form table (回访登记表, 送达回证): rows of label cells and value cells. */
  | {
      kind: "table";
      columns: number;
      /** Relative column widths (one per column); equal widths when absent. */
      widths?: number[];
      rows: TemplateTableRow[];
    }
  /** Organisation name, seal area "（印章）" and date of issue, bottom right. */
  | { kind: "signature"; organisation: string; sealNote: string; dateField: string }
  /** The seed's footer: 本文书一式二份，一份送达，一份归档。送达人签名： 被送达人签名： 送达时间： */
  | { kind: "footer"; delivererField: string; recipientField: string; deliveredAtField: string };

export interface TemplateTableCell {
  /** Fixed label text, or a `{{field}}` placeholder for a value cell. */
  text: string;
  colSpan?: number;
  /** Label cells are printed centred; value cells left-aligned. */
  role: "label" | "value";
  /** Minimum height in body lines (room for handwriting). Default 1. */
  minLines?: number;
}

export interface TemplateTableRow {
  cells: TemplateTableCell[];
}

export interface DocumentTemplate {
  type: DocumentType;
  /** Positive integer; an issued document records the version it used. */
  version: number;
  /** The document's title, e.g. 行政告诫书. */
  title: string;
  /** Whether the document carries a number (编号). */
  numbered: boolean;
  /** The default type abbreviation in the document number, e.g. 告 in 明应急告〔2026〕3号. */
  typeShort: string;
  /** Where the wording comes from (seed reference), shown in the template editor. */
  basis: string;
  blocks: TemplateBlock[];
  fields: TemplateField[];
}

/** Values for filling: strings; dates as ISO YYYY-MM-DD, datetimes as YYYY-MM-DDTHH:mm. */
export type FieldValues = Readonly<Record<string, string | undefined>>;

/** A piece of filled text; `field` is set when the text came from a field (or is its blank). */
export interface TextRun {
  text: string;
  field?: string;
  /** True when the field was empty and the run holds its blank. */
  blank?: boolean;
}

export type FilledBlock =
  | { kind: "organisationHeading"; runs: TextRun[] }
  | { kind: "title"; runs: TextRun[] }
  | { kind: "number"; runs: TextRun[] }
  | { kind: "paragraph"; runs: TextRun[]; indent: boolean; align: Align }
  | { kind: "table"; columns: number; /** Relative widths, one per column. */ widths: number[]; rows: FilledTableRow[] }
  | { kind: "signature"; organisation: string; sealNote: string; date: string }
  | {
      kind: "footer";
      copiesNote: string;
      delivererLabel: string;
      deliverer: string;
      recipientLabel: string;
      recipient: string;
      deliveredAtLabel: string;
      deliveredAt: string;
    };

export interface FilledTableCell {
  runs: TextRun[];
  colSpan: number;
  role: "label" | "value";
  minLines: number;
}

export interface FilledTableRow {
  cells: FilledTableCell[];
}

export interface FilledDocument {
  type: DocumentType;
  templateVersion: number;
  title: string;
  /** The document number when the template is numbered and a number was given. */
  documentNumber?: string;
  blocks: FilledBlock[];
  /** The formatted value of every field (empty string for empty optional fields). */
  values: Record<string, string>;
}
