/**
 * 现场检查记录 (issue 10 §6): the submitted record as an official document, in the documents
 * module's layout (GB/T 9704-2012, src/documents/render) and numbering ({org}{type}〔{year}〕{seq}号,
 * type abbreviation 检, one sequence per organisation and year). The content is the snapshot stored
 * with the record; the document shows only signatures that were given (or the refusal noted).
 */
import type { FilledBlock, FilledDocument, FilledTableRow, TextRun } from "@kuanyan/domain/documents";
import { itemOutcomeLabels, type ItemOutcome } from "@kuanyan/domain/inspections";
import { chinaDay, chinaMinute, formatChineseDate, formatChineseDateTime } from "@kuanyan/domain/dates";
import type { InspectionRecord } from "@kuanyan/domain/inspections";
import { renderPdf } from "../../documents/render/pdf";
import { renderDocx } from "../../documents/render/docx";
import type { FieldSource } from "./source";

export const RECORD_TYPE_SHORT = "检";
export const RECORD_COUNTER_TYPE = "inspection_record";

export interface RecordContent {
  recordNo: string;
  organisationName: string;
  unitName: string;
  creditCode: string;
  address: string;
  checkInAt: string;
  location: { latitude: number; longitude: number } | null;
  inspectors: { name: string; certificateNo: string | null }[];
  checklistTitle: string;
  items: { id: string; area: string; text: string; outcome: ItemOutcome; note: string | null; photos: string[]; finding: string | null }[];
  inspectorSignatures: { name: string; at: string }[];
  representative: { name: string; at: string } | { refused: true; note: string; at: string } | null;
  submittedAt: string;
  corrects: { recordNo: string; reason: string } | null;
}

const run = (text: string): TextRun[] => [{ text }];
const cell = (text: string, role: "label" | "value", colSpan = 1) => ({ runs: run(text), colSpan, role, minLines: 1 });
/** An instant as a document writes it, in China's time: "2026年12月1日17时30分". */
export function chinaTime(iso: string): string {
  return formatChineseDateTime(chinaMinute(iso));
}
const chinaDate = (iso: string) => formatChineseDate(chinaDay(iso));

export function recordDocument(c: RecordContent): FilledDocument {
  const counts = { pass: 0, fail: 0, not_applicable: 0 };
  for (const i of c.items) counts[i.outcome]++;
  const head: FilledTableRow[] = [
    { cells: [cell("被检查单位", "label"), cell(c.unitName, "value", 3)] },
    { cells: [cell("统一社会信用代码", "label"), cell(c.creditCode, "value", 3)] },
    { cells: [cell("地址", "label"), cell(c.address, "value", 3)] },
    { cells: [cell("检查时间", "label"), cell(chinaTime(c.checkInAt), "value", 3)] },
    {
      cells: [
        cell("签到位置", "label"),
        cell(
          c.location ? `北纬${c.location.latitude.toFixed(5)}° 东经${c.location.longitude.toFixed(5)}°` : "未取得（浏览器未提供位置）",
          "value",
          3,
        ),
      ],
    },
    { cells: [cell("执法人员", "label"), cell(c.inspectors.map((i) => `${i.name}（执法证号${i.certificateNo ?? "无"}）`).join("、"), "value", 3)] },
    { cells: [cell("检查表", "label"), cell(c.checklistTitle, "value", 3)] },
  ];
  const items: FilledTableRow[] = [
    { cells: [cell("编号", "label"), cell("检查内容", "label"), cell("结果", "label"), cell("发现的问题及处理", "label")] },
    ...c.items.map((i) => ({
      cells: [
        cell(i.id, "value"),
        cell(i.text, "value"),
        cell(itemOutcomeLabels[i.outcome], "value"),
        cell([i.note ?? "", i.finding ?? "", i.photos.length ? `照片${i.photos.length}张` : ""].filter(Boolean).join("；"), "value"),
      ],
    })),
  ];
  const para = (text: string, indent = true): FilledBlock => ({ kind: "paragraph", runs: run(text), indent, align: "left" }) as FilledBlock;
  const rep = c.representative;
  const blocks: FilledBlock[] = [
    { kind: "organisationHeading", runs: run(c.organisationName) },
    { kind: "title", runs: run("现场检查记录") },
    { kind: "number", runs: run(c.recordNo) },
    { kind: "table", columns: 4, widths: [2, 5, 1.4, 4], rows: head },
    para(`检查情况：共检查${c.items.length}项，其中符合${counts.pass}项、不符合${counts.fail}项、不适用${counts.not_applicable}项。`),
    { kind: "table", columns: 4, widths: [1.4, 5, 1.4, 4.6], rows: items },
    ...(c.corrects ? [para(`本记录更正${c.corrects.recordNo}，更正理由：${c.corrects.reason}。原记录同时保留。`)] : []),
    para(`执法人员签名：${c.inspectorSignatures.map((s) => `${s.name}（${chinaTime(s.at)}）`).join("、")}`, false),
    para(
      rep === null
        ? "被检查单位签名：（未签名）"
        : "refused" in rep
          ? `被检查单位签名：拒绝签名（${rep.note}，${chinaTime(rep.at)}）`
          : `被检查单位签名：${rep.name}（${chinaTime(rep.at)}）`,
      false,
    ),
    { kind: "signature", organisation: c.organisationName, sealNote: "", date: chinaDate(c.submittedAt) },
  ];
  return {
    type: "inspection_record" as FilledDocument["type"],
    templateVersion: 1,
    title: "现场检查记录",
    documentNumber: c.recordNo,
    blocks,
    values: {},
  };
}

export const recordPdf = (c: RecordContent) => renderPdf(recordDocument(c), { creationDate: new Date(c.submittedAt) });
export const recordDocx = (c: RecordContent) => renderDocx(recordDocument(c));

/** The content of the record: the unit, the inspectors, every item's result and the signatures given. */
export function recordContent(
  src: FieldSource,
  r: InspectionRecord,
  extra: { recordNo: string; organisationName: string; submittedAt: string },
): RecordContent {
  const items = src.checklist?.items ?? [];
  return {
    recordNo: extra.recordNo,
    organisationName: extra.organisationName,
    unitName: src.unit.name,
    creditCode: src.unit.creditCode,
    address: src.unit.address,
    checkInAt: r.checkIn?.at ?? extra.submittedAt,
    location: r.checkIn?.location ? { latitude: r.checkIn.location.latitude, longitude: r.checkIn.location.longitude } : null,
    inspectors: r.inspectorIds.map((u) => {
      const i = src.inspectors.find((x) => x.userId === u);
      return { name: i?.name ?? "", certificateNo: i?.certificate?.number ?? null };
    }),
    checklistTitle: src.checklist ? `${src.checklist.title}（第${src.checklist.version}版）` : "",
    items: items.map((item) => {
      const res = r.results.find((x) => x.itemId === item.id)!;
      const f = res.finding;
      const finding = !f
        ? null
        : f.kind === "hazard"
          ? `登记为${f.level === "major" ? "重大事故隐患" : "一般隐患"}${f.criterion ? `（判定依据：${f.criterion}）` : ""}`
          : `立案查处${f.majorHazard ? "（属于重大事故隐患）" : ""}`;
      return { id: item.id, area: item.area, text: item.text, outcome: res.outcome, note: res.note ?? null, photos: res.photos, finding };
    }),
    inspectorSignatures: r.signatures.map((s) => ({ name: src.inspectors.find((i) => i.userId === s.inspectorId)?.name ?? "", at: s.at })),
    representative: r.representative ?? null,
    submittedAt: extra.submittedAt,
    corrects: null,
  };
}
