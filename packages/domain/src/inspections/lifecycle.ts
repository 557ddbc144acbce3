/**
 * The inspection's lifecycle (issue 10 §6): status × action → who may, and the preconditions.
 *
 *   planned (in the annual plan) → drawn (assigned by a periodic draw, ≥ 2 inspectors)
 *   → started (check-in on site) → submitted (locked) ; planned/drawn → cancelled (with a reason)
 *   submitted → superseded, when a correction is submitted: the correction is a new record that
 *   names the one it corrects; both are kept (corrections supersede, nothing is overwritten).
 *
 * Pure: the caller passes the clock, the actor and the inspectors' certificates, and persists the
 * returned record (with its audit event, in one transaction). Results are keyed by item id, so
 * replaying an action queued offline (a lost connection, a page reload) sets the same value again
 * instead of adding a second one.
 */
import { roleLabels, type Role } from "../organisations/index";
import { permissionTable, rolesAllowed, type AdminAction } from "../organisations/permissions";
import type { ChecklistItem } from "./checklists";
import { certificateProblem, type Inspector } from "./inspectors";
import { canonicalJson } from "./pool";

export const inspectionStatuses = ["planned", "drawn", "started", "submitted", "superseded", "cancelled"] as const;
export type InspectionStatus = (typeof inspectionStatuses)[number];

export const inspectionStatusLabels: Record<InspectionStatus, string> = {
  planned: "已列入计划",
  drawn: "已抽取",
  started: "检查中",
  submitted: "已提交",
  superseded: "已被更正",
  cancelled: "已取消",
};

export type ItemOutcome = "pass" | "fail" | "not_applicable";

export const itemOutcomeLabels: Record<ItemOutcome, string> = { pass: "符合", fail: "不符合", not_applicable: "不适用" };

/** What a failed item leads to: a hazard (一般隐患 / 重大事故隐患) or a case. */
export type Finding =
  | { kind: "hazard"; level: "general" | "major"; /** 判定标准 basis the agency records (required for major). */ criterion?: string }
  | { kind: "case"; /** The failure is also a 重大事故隐患 (the prefilled case carries the flag). */ majorHazard?: boolean; criterion?: string };

export interface ItemResult {
  itemId: string;
  outcome: ItemOutcome;
  note?: string;
  /** SHA-256 of each photo, as evidence is hashed. */
  photos: string[];
  finding?: Finding;
}

/** Where the inspector checked in, when the browser gives it. */
export interface GeoLocation {
  latitude: number;
  longitude: number;
  accuracyMetres?: number;
}

export interface InspectionRecord {
  id: string;
  organisationId: string;
  regionCode: string;
  creditCode: string;
  unitName: string;
  status: InspectionStatus;
  /** The plan year. */
  year: number;
  drawId?: string;
  /** To be done by (the quarter's last day). */
  dueBy?: string;
  inspectorIds: string[];
  checklist?: { checklistId: string; version: number };
  checkIn?: { at: string; location?: GeoLocation };
  results: ItemResult[];
  signatures: { inspectorId: string; at: string }[];
  /** The unit's representative signed, or refused (拒绝签名, with the note of the refusal). */
  representative?: { name: string; at: string } | { refused: true; note: string; at: string };
  submittedAt?: string;
  /** The record this one corrects, and why. */
  corrects?: { id: string; reason: string };
  supersededBy?: string;
  cancelReason?: string;
}

export type InspectionAction =
  | { type: "assign"; drawId: string; inspectorIds: string[]; dueBy: string }
  | { type: "start"; checklist: { checklistId: string; version: number }; location?: GeoLocation }
  | { type: "recordResult"; result: ItemResult }
  | { type: "sign" }
  | { type: "signRepresentative"; name?: string; refused?: boolean; note?: string }
  | { type: "submit" }
  | { type: "cancel"; reason: string };

export type InspectionActionType = InspectionAction["type"] | "correct";

export interface InspectionRule {
  label: string;
  from: readonly InspectionStatus[];
  to: InspectionStatus | "unchanged";
  /** The permission (organisations/permissions.ts) the actor needs. */
  permission: AdminAction;
  /** Only an inspector assigned to this inspection. */
  assignedOnly: boolean;
}

/** The transition table (docs/inspections/README.md §四 describes it). */
export const inspectionTransitions: Record<InspectionActionType, InspectionRule> = {
  assign: { label: "抽取执法人员", from: ["planned"], to: "drawn", permission: "inspection.draw", assignedOnly: false },
  start: { label: "开始检查（签到）", from: ["drawn"], to: "started", permission: "inspection.conduct", assignedOnly: true },
  recordResult: { label: "填写检查项", from: ["started"], to: "unchanged", permission: "inspection.conduct", assignedOnly: true },
  sign: { label: "执法人员签名", from: ["started"], to: "unchanged", permission: "inspection.conduct", assignedOnly: true },
  signRepresentative: { label: "被检查单位签名", from: ["started"], to: "unchanged", permission: "inspection.conduct", assignedOnly: true },
  submit: { label: "提交检查记录", from: ["started"], to: "submitted", permission: "inspection.conduct", assignedOnly: true },
  cancel: { label: "取消检查", from: ["planned", "drawn"], to: "cancelled", permission: "inspection.draw", assignedOnly: false },
  correct: { label: "更正检查记录", from: ["submitted"], to: "superseded", permission: "inspection.correct", assignedOnly: true },
};

export interface InspectionActor {
  userId: string;
  roles: readonly string[];
}

export interface InspectionContext {
  /** ISO timestamp of the action. */
  now: string;
  /** The inspectors (for their certificates), by user id. */
  inspectors: readonly Inspector[];
  /** The items of the checklist version in use. */
  items?: readonly ChecklistItem[];
}

export type InspectionResult = { ok: true; record: InspectionRecord } | { ok: false; error: string };

const fail = (error: string): InspectionResult => ({ ok: false, error });
const HASH_RE = /^[0-9a-f]{64}$/;

function permitted(rule: InspectionRule, actor: InspectionActor, record: InspectionRecord): string | null {
  const allowed = rolesAllowed(rule.permission);
  if (!actor.roles.some((r) => allowed.includes(r as Role))) {
    return `无权${rule.label}：需要${allowed.map((r) => roleLabels[r]).join("或")}角色（${permissionTable[rule.permission].label}）`;
  }
  if (rule.assignedOnly && !record.inspectorIds.includes(actor.userId)) return `只有抽取到本次检查的执法人员才能${rule.label}`;
  return null;
}

function certificateOf(ctx: InspectionContext, userId: string): string | null {
  const inspector = ctx.inspectors.find((i) => i.userId === userId);
  if (!inspector) return "执法人员不在执法检查人员名录库中";
  return certificateProblem(inspector, ctx.now.slice(0, 10));
}

type ActionOf<T extends InspectionAction["type"]> = Extract<InspectionAction, { type: T }>;

/** 抽取: at least two inspectors, each with a valid certificate. */
function assign(record: InspectionRecord, action: ActionOf<"assign">, ctx: InspectionContext): InspectionResult {
  const ids = [...new Set(action.inspectorIds)];
  if (ids.length < 2) return fail("每次检查的执法人员不得少于两人（《中华人民共和国行政处罚法》第四十二条）");
  for (const id of ids) {
    const problem = certificateOf(ctx, id);
    if (problem) return fail(problem);
  }
  return { ok: true, record: { ...record, status: "drawn", drawId: action.drawId, inspectorIds: ids, dueBy: action.dueBy } };
}

/** One checklist item's result; a changed result voids the signatures given. */
function recordResult(record: InspectionRecord, r: ActionOf<"recordResult">["result"], ctx: InspectionContext): InspectionResult {
  const item = ctx.items?.find((i) => i.id === r.itemId);
  if (!item) return fail(`检查表中没有检查项${r.itemId}`);
  if (!["pass", "fail", "not_applicable"].includes(r.outcome)) return fail("检查结果须为符合、不符合或不适用");
  if (r.photos.some((h) => !HASH_RE.test(h))) return fail("照片须以SHA-256摘要登记");
  if (r.outcome === "fail" && !r.note?.trim()) return fail(`检查项${r.itemId}不符合，请写明发现的问题`);
  if (r.outcome !== "fail" && r.finding) return fail("只有不符合的检查项才能登记为隐患或立案");
  if (
    ((r.finding?.kind === "hazard" && r.finding.level === "major") || (r.finding?.kind === "case" && r.finding.majorHazard)) &&
    !r.finding.criterion?.trim()
  )
    return fail("重大事故隐患须写明判定依据（判定标准的条款）");
  // Keyed by item: a replayed offline action finds the same value and changes nothing; a changed
  // result voids the signatures already given (they signed other content).
  const before = record.results.find((x) => x.itemId === r.itemId);
  if (before && canonicalJson(before) === canonicalJson(r)) return { ok: true, record };
  const results = [...record.results.filter((x) => x.itemId !== r.itemId), structuredClone(r)];
  return { ok: true, record: { ...record, results, signatures: [] } };
}

/** The inspected unit's signature, or its refusal with a note. */
function signRepresentative(record: InspectionRecord, action: ActionOf<"signRepresentative">, ctx: InspectionContext): InspectionResult {
  if (action.refused) {
    const note = action.note?.trim() ?? "";
    if (note === "") return fail("被检查单位拒绝签名的，须注明情况");
    return { ok: true, record: { ...record, representative: { refused: true, note, at: ctx.now } } };
  }
  const name = action.name?.trim() ?? "";
  if (name === "") return fail("请填写被检查单位签名人姓名");
  return { ok: true, record: { ...record, representative: { name, at: ctx.now } } };
}

/** Applies one action; returns the new record (nothing mutated) or a Chinese error. */
export function applyInspectionAction(
  record: InspectionRecord,
  action: InspectionAction,
  actor: InspectionActor,
  ctx: InspectionContext,
): InspectionResult {
  const rule = inspectionTransitions[action.type];
  if (!rule) return fail("未知的操作");
  const denied = permitted(rule, actor, record);
  if (denied) return fail(denied);
  if (!rule.from.includes(record.status)) return fail(`检查当前状态为“${inspectionStatusLabels[record.status]}”，不能${rule.label}`);

  switch (action.type) {
    case "assign":
      return assign(record, action, ctx);
    case "start": {
      const problem = certificateOf(ctx, actor.userId);
      if (problem) return fail(problem);
      const checkIn = { at: ctx.now, ...(action.location ? { location: action.location } : {}) };
      return { ok: true, record: { ...record, status: "started", checklist: action.checklist, checkIn } };
    }
    case "recordResult":
      return recordResult(record, action.result, ctx);
    case "sign": {
      const problem = certificateOf(ctx, actor.userId);
      if (problem) return fail(problem);
      if (record.signatures.some((s) => s.inspectorId === actor.userId)) return { ok: true, record };
      return { ok: true, record: { ...record, signatures: [...record.signatures, { inspectorId: actor.userId, at: ctx.now }] } };
    }
    case "signRepresentative":
      return signRepresentative(record, action, ctx);
    case "submit": {
      const problem = submitProblem(record, ctx);
      if (problem) return fail(problem);
      return { ok: true, record: { ...record, status: "submitted", submittedAt: ctx.now } };
    }
    case "cancel": {
      const reason = action.reason?.trim() ?? "";
      if (reason === "") return fail("取消检查须写明理由（例如单位已注销）");
      return { ok: true, record: { ...record, status: "cancelled", cancelReason: reason } };
    }
  }
}

function submitProblem(record: InspectionRecord, ctx: InspectionContext): string | null {
  const items = ctx.items ?? [];
  const missing = items.filter((i) => !record.results.some((r) => r.itemId === i.id));
  if (missing.length > 0)
    return `还有${missing.length}个检查项未填写（${missing
      .slice(0, 5)
      .map((i) => i.id)
      .join("、")}${missing.length > 5 ? "等" : ""}）`;
  const undecided = record.results.filter((r) => r.outcome === "fail" && !r.finding);
  if (undecided.length > 0) return `不符合的检查项${undecided.map((r) => r.itemId).join("、")}须登记为隐患或立案`;
  const signed = record.signatures.filter((s) => record.inspectorIds.includes(s.inspectorId));
  if (signed.length < 2) return "检查记录须由两名执法人员签名（《中华人民共和国行政处罚法》第四十二条）";
  for (const s of signed) {
    const problem = certificateOf(ctx, s.inspectorId);
    if (problem) return problem;
  }
  if (!record.representative) return "检查记录须由被检查单位签名，拒绝签名的须注明";
  return null;
}

/**
 * 更正: a submitted record is never edited. The correction is a new record (started again, with the
 * old results) that names the one it corrects; submitting it is the caller's next step. The old
 * record is marked superseded — both are kept.
 */
export function correctInspection(
  record: InspectionRecord,
  input: { newId: string; reason: string },
  actor: InspectionActor,
): { ok: true; superseded: InspectionRecord; correction: InspectionRecord } | { ok: false; error: string } {
  const rule = inspectionTransitions.correct;
  const denied = permitted(rule, actor, record);
  if (denied) return { ok: false, error: denied };
  if (record.status !== "submitted") return { ok: false, error: `检查当前状态为“${inspectionStatusLabels[record.status]}”，不能更正` };
  const reason = input.reason?.trim() ?? "";
  if (reason === "") return { ok: false, error: "更正检查记录须写明理由" };
  const correction: InspectionRecord = {
    ...structuredClone(record),
    id: input.newId,
    status: "started",
    signatures: [],
    submittedAt: undefined,
    corrects: { id: record.id, reason },
  };
  delete correction.representative;
  delete correction.submittedAt;
  return { ok: true, superseded: { ...record, status: "superseded", supersededBy: input.newId }, correction };
}

/** Whether a submitted record can still be changed (never: it is locked). */
export function isLocked(record: Pick<InspectionRecord, "status">): boolean {
  return record.status === "submitted" || record.status === "superseded" || record.status === "cancelled";
}
