/**
 * 隐患 (hazards) found by inspections (issue 10 §7): 一般隐患 or 重大事故隐患, each with a 整改期限 and a
 * responsible person; 整改 reported with evidence → 复查 (passed, or failed with a new deadline) →
 * 销号 (only after a passed review and with rectification evidence). Overdue is not a stored state:
 * it follows from the deadline and the date (isOverdue, overdueEscalation).
 *
 * Pure: the caller passes the date and the actor, persists the result and its audit event together.
 */
import { roleLabels, type Role } from "../organisations/index";
import { permissionTable, rolesAllowed, type AdminAction } from "../organisations/permissions";

export const hazardLevels = ["general", "major"] as const;
export type HazardLevel = (typeof hazardLevels)[number];
export const hazardLevelLabels: Record<HazardLevel, string> = { general: "一般隐患", major: "重大事故隐患" };

export const hazardStatuses = ["open", "rectification_reported", "review_passed", "closed"] as const;
export type HazardStatus = (typeof hazardStatuses)[number];
export const hazardStatusLabels: Record<HazardStatus, string> = {
  open: "整改中",
  rectification_reported: "已报整改待复查",
  review_passed: "复查合格待销号",
  closed: "已销号",
};

export interface Hazard {
  id: string;
  organisationId: string;
  regionCode: string;
  creditCode: string;
  unitName: string;
  /** The inspection and item that found it. */
  inspectionId: string;
  itemId: string;
  level: HazardLevel;
  /** 判定依据: the 判定标准 provision the agency records (required for 重大事故隐患). */
  criterion?: string;
  description: string;
  /** The unit's person responsible for 整改 (personal data: masked in lists). */
  responsiblePerson: string;
  foundOn: string;
  /** 整改期限 (inclusive). */
  deadline: string;
  status: HazardStatus;
  /** Hashes (SHA-256) of the rectification evidence. */
  rectificationEvidence: string[];
  reviews: { on: string; passed: boolean; note: string; reviewerId: string }[];
  /** Deadlines set earlier (a failed review sets a new one). */
  previousDeadlines: string[];
  rectifiedOn?: string;
  closedOn?: string;
}

export type HazardAction =
  | { type: "reportRectification"; on: string; evidence: string[]; note?: string }
  | { type: "review"; passed: boolean; note: string; newDeadline?: string }
  | { type: "close" };

export interface HazardRule {
  label: string;
  from: readonly HazardStatus[];
  to: HazardStatus;
  permission: AdminAction;
}

export const hazardTransitions: Record<HazardAction["type"] | "register", HazardRule> = {
  register: { label: "登记隐患", from: [], to: "open", permission: "hazard.manage" },
  reportRectification: { label: "登记整改情况", from: ["open"], to: "rectification_reported", permission: "hazard.manage" },
  review: { label: "复查", from: ["rectification_reported"], to: "review_passed", permission: "hazard.manage" },
  close: { label: "销号", from: ["review_passed"], to: "closed", permission: "hazard.close" },
};

export type HazardResult = { ok: true; hazard: Hazard } | { ok: false; error: string };

const fail = (error: string): HazardResult => ({ ok: false, error });
const HASH_RE = /^[0-9a-f]{64}$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function denied(rule: HazardRule, roles: readonly string[]): string | null {
  const allowed = rolesAllowed(rule.permission);
  if (roles.some((r) => allowed.includes(r as Role))) return null;
  return `无权${rule.label}：需要${allowed.map((r) => roleLabels[r]).join("或")}角色（${permissionTable[rule.permission].label}）`;
}

/** Registers a hazard from a failed item. */
export function registerHazard(
  input: Omit<Hazard, "status" | "rectificationEvidence" | "reviews" | "previousDeadlines" | "rectifiedOn" | "closedOn">,
  actorRoles: readonly string[],
): HazardResult {
  const no = denied(hazardTransitions.register, actorRoles);
  if (no) return fail(no);
  if (!(hazardLevels as readonly string[]).includes(input.level)) return fail("请选择隐患等级（一般隐患或重大事故隐患）");
  if (input.level === "major" && !input.criterion?.trim()) return fail("重大事故隐患须写明判定依据（判定标准的条款）");
  if (!input.description?.trim()) return fail("请描述隐患情况");
  if (!input.responsiblePerson?.trim()) return fail("请填写整改责任人");
  if (!DATE_RE.test(input.deadline ?? "")) return fail("请填写整改期限（年-月-日）");
  if (input.deadline < input.foundOn) return fail("整改期限不能早于发现日期");
  return {
    ok: true,
    hazard: { ...input, description: input.description.trim(), status: "open", rectificationEvidence: [], reviews: [], previousDeadlines: [] },
  };
}

/** Applies one action (today: the date of the action). */
export function applyHazardAction(
  hazard: Hazard,
  action: HazardAction,
  actor: { userId: string; roles: readonly string[] },
  today: string,
): HazardResult {
  const rule = hazardTransitions[action.type];
  if (!rule) return fail("未知的操作");
  const no = denied(rule, actor.roles);
  if (no) return fail(no);
  if (!rule.from.includes(hazard.status)) return fail(`隐患当前状态为“${hazardStatusLabels[hazard.status]}”，不能${rule.label}`);
  switch (action.type) {
    case "reportRectification": {
      if (!action.evidence || action.evidence.length === 0) return fail("登记整改情况须附整改证据（照片或材料）");
      if (action.evidence.some((h) => !HASH_RE.test(h))) return fail("整改证据须以SHA-256摘要登记");
      if (!DATE_RE.test(action.on) || action.on > today) return fail("整改完成日期无效或晚于今天");
      const evidence = [...new Set([...hazard.rectificationEvidence, ...action.evidence])];
      return { ok: true, hazard: { ...hazard, status: "rectification_reported", rectificationEvidence: evidence, rectifiedOn: action.on } };
    }
    case "review": {
      const note = action.note?.trim() ?? "";
      if (note === "") return fail("请填写复查意见");
      const reviews = [...hazard.reviews, { on: today, passed: action.passed, note, reviewerId: actor.userId }];
      if (action.passed) return { ok: true, hazard: { ...hazard, status: "review_passed", reviews } };
      if (!action.newDeadline || !DATE_RE.test(action.newDeadline) || action.newDeadline < today)
        return fail("复查不合格的，须重新确定不早于今天的整改期限");
      return {
        ok: true,
        hazard: {
          ...hazard,
          status: "open",
          reviews,
          previousDeadlines: [...hazard.previousDeadlines, hazard.deadline],
          deadline: action.newDeadline,
        },
      };
    }
    case "close": {
      if (hazard.rectificationEvidence.length === 0) return fail("隐患没有整改证据，不能销号");
      if (!hazard.reviews.at(-1)?.passed) return fail("隐患未经复查合格，不能销号");
      return { ok: true, hazard: { ...hazard, status: "closed", closedOn: today } };
    }
  }
}

/**
 * Whether the hazard is past its 整改期限 and still open (整改中). Once rectification is reported it
 * waits for 复查 and is not overdue; a failed review reopens it with a new deadline.
 */
export function isOverdue(hazard: Pick<Hazard, "status" | "deadline" | "rectifiedOn">, today: string): boolean {
  return hazard.status === "open" && today > hazard.deadline;
}

export type Escalation = "none" | "reminder" | "supervision";

export const escalationLabels: Record<Escalation, string> = {
  none: "无",
  reminder: "逾期提醒（提醒整改责任人和承办执法人员）",
  supervision: "挂牌督办（报单位负责人，依法责令停产停业整顿或者立案）",
};

/**
 * Overdue escalation: an overdue hazard is reminded; an overdue 重大事故隐患, or any hazard more than
 * 30 days overdue, goes to 督办 (《安全生产法》第四十一条第三款: 重大事故隐患治理督办制度). The 30 days
 * are this project's choice (the law sets no number).
 */
export function overdueEscalation(
  hazard: Pick<Hazard, "status" | "deadline" | "rectifiedOn" | "level">,
  today: string,
): { overdue: boolean; daysOverdue: number; escalation: Escalation } {
  if (!isOverdue(hazard, today)) return { overdue: false, daysOverdue: 0, escalation: "none" };
  const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${hazard.deadline}T00:00:00Z`)) / 86_400_000);
  const escalation: Escalation = hazard.level === "major" || days > 30 ? "supervision" : "reminder";
  return { overdue: true, daysOverdue: days, escalation };
}
