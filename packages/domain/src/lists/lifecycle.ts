/**
 * Lifecycle of a list (seeds 000–004, issue 3 §4):
 * 草稿 → 合法性审核 → 审核通过 (or 退回 with comments → 草稿) → 发布/公开 → 备案 (to the 司法局 of the
 * same level within 15 days of publication, seed 002) → 定期评估 (findings recorded) → 修订 (a new
 * version in draft; the old version stays and gets its effectiveTo when the new one is published)
 * → 废止. Plus 认领 (claim) of a superior's published version by a subordinate organisation.
 *
 * Everything here is pure: the caller passes `today` and persists the returned record.
 */
import { addDays } from "../dates/index";
import { canPublish, type QualityFinding } from "./quality";
import { listVersionStatusLabels, type Claim, type ListRecord, type ListVersion, type ListVersionStatus } from "./types";

export const listRoles = ["officer", "legalReviewer", "listManager", "orgAdmin", "justiceSupervisor", "sysAdmin"] as const;
export type ListRole = (typeof listRoles)[number];

export const listRoleLabels: Record<ListRole, string> = {
  officer: "执法人员",
  legalReviewer: "法制审核人员",
  listManager: "清单管理员",
  orgAdmin: "单位管理员",
  justiceSupervisor: "司法行政监督人员",
  sysAdmin: "系统管理员",
};

export type ListAction =
  /** 提交合法性审核 */
  | { type: "submit"; version: number }
  /** 审核通过 */
  | { type: "approve"; version: number; comments?: string }
  /** 退回修改 (comments required) */
  | { type: "return"; version: number; comments: string }
  /**
   * 发布 — the quality checks of the version must be passed in: errors block, warnings need a
   * reason. effectiveFrom defaults to today and may not lie in the past.
   */
  | { type: "publish"; version: number; effectiveFrom?: string; checks: readonly QualityFinding[]; warningReason?: string }
  /** 备案 with the 司法局 of the same level */
  | { type: "file"; version: number; filedWith: string; reference?: string }
  /** 记录定期评估结果 */
  | { type: "recordEvaluation"; version: number; findings: string }
  /** 修订: a new draft version copied from a published one */
  | { type: "revise"; fromVersion: number }
  /** 废止 the list (its version in force ends today) */
  | { type: "repeal"; reason: string };

export type ListActionType = ListAction["type"];

export interface ListTransitionRule {
  label: string;
  /** Statuses of the addressed version from which the action is allowed. */
  from: readonly ListVersionStatus[];
  /** Resulting status of the addressed version ("unchanged" for records and revisions). */
  to: ListVersionStatus | "unchanged";
  roles: readonly ListRole[];
}

/**
 * The transition table. sysAdmin runs the system but takes no part in a list's content or
 * approval (separation of duties); officers only read lists.
 */
export const listTransitions: Record<ListActionType, ListTransitionRule> = {
  submit: { label: "提交合法性审核", from: ["draft"], to: "legal_review", roles: ["listManager"] },
  approve: { label: "合法性审核通过", from: ["legal_review"], to: "approved", roles: ["legalReviewer"] },
  return: { label: "退回修改", from: ["legal_review"], to: "draft", roles: ["legalReviewer"] },
  publish: { label: "发布", from: ["approved"], to: "published", roles: ["listManager", "orgAdmin"] },
  file: { label: "报司法局备案", from: ["published"], to: "filed", roles: ["listManager", "orgAdmin"] },
  recordEvaluation: {
    label: "记录评估结果",
    from: ["published", "filed"],
    to: "unchanged",
    roles: ["listManager", "legalReviewer", "justiceSupervisor"],
  },
  revise: { label: "修订（新建版本）", from: ["published", "filed"], to: "unchanged", roles: ["listManager"] },
  repeal: { label: "废止", from: ["published", "filed"], to: "repealed", roles: ["orgAdmin"] },
};

export type ListTransitionResult = { ok: true; record: ListRecord; version: number } | { ok: false; error: string };

/** Statuses of versions that were published at some time (they have effective dates). */
const everPublished: ReadonlySet<ListVersionStatus> = new Set<ListVersionStatus>(["published", "filed", "superseded", "repealed"]);
const inForceStatuses: ReadonlySet<ListVersionStatus> = new Set<ListVersionStatus>(["published", "filed"]);
const openStatuses: ReadonlySet<ListVersionStatus> = new Set<ListVersionStatus>(["draft", "legal_review", "approved"]);

function fail(error: string): ListTransitionResult {
  return { ok: false, error };
}

/** Only a draft version's items and conditions may be edited. */
export function canEditVersion(version: ListVersion): boolean {
  return version.status === "draft";
}

/** The days a list version must be filed within: 15 days from publication (seed 002). */
export const filingPeriodDays = 15;

/**
 * Last day for 备案: 15 days after publication, the day of publication not counted
 * (期间开始的当日不计入). Public holidays are not taken into account.
 */
export function filingDeadline(publishedOn: string): string {
  return addDays(publishedOn, filingPeriodDays);
}

/** True when a published version is still not filed after the deadline. */
export function isFilingOverdue(version: Pick<ListVersion, "publishedOn" | "filing">, today: string): boolean {
  if (!version.publishedOn || version.filing) return false;
  return today > filingDeadline(version.publishedOn);
}

export type FilingStatus = "not_published" | "pending" | "overdue" | "filed_on_time" | "filed_late";

export const filingStatusLabels: Record<FilingStatus, string> = {
  not_published: "未发布",
  pending: "待备案",
  overdue: "逾期未备案",
  filed_on_time: "已按期备案",
  filed_late: "逾期备案",
};

/** For the 司法局's 备案 board. */
export function filingStatus(version: Pick<ListVersion, "publishedOn" | "filing">, today: string): FilingStatus {
  if (!version.publishedOn) return "not_published";
  const deadline = filingDeadline(version.publishedOn);
  if (version.filing) return version.filing.filedOn <= deadline ? "filed_on_time" : "filed_late";
  return today > deadline ? "overdue" : "pending";
}

/** The version in force on a date: published, with effectiveFrom ≤ date ≤ effectiveTo (if any). */
export function versionInForce<V extends Pick<ListVersion, "status" | "effectiveFrom" | "effectiveTo">>(
  versions: readonly V[],
  date: string,
): V | undefined {
  let found: V | undefined;
  for (const v of versions) {
    if (!everPublished.has(v.status) || !v.effectiveFrom) continue;
    if (v.effectiveFrom > date) continue;
    if (v.effectiveTo !== undefined && v.effectiveTo < date) continue;
    if (!found || (found.effectiveFrom as string) < v.effectiveFrom) found = v;
  }
  return found;
}

function replaceVersion(record: ListRecord, updated: ListVersion): ListRecord {
  return { list: record.list, versions: record.versions.map((v) => (v.version === updated.version ? updated : v)) };
}

/** The action on the version it names (authorised, and in a state the action starts from). */
function applyToVersion(
  record: ListRecord,
  version: ListVersion,
  action: Exclude<ListAction, { type: "repeal" }>,
  today: string,
): ListTransitionResult {
  const number = version.version;
  switch (action.type) {
    case "submit":
      if (version.items.length === 0 && record.list.type !== "no_compulsion") {
        // An empty 不予行政强制 list is legitimate (seed 000 annex 4: 本系统不存在不予行政强制事项).
        return fail("清单没有任何事项，不能提交审核");
      }
      return ok(replaceVersion(record, { ...version, status: "legal_review" }), number);
    case "approve":
      return ok(
        replaceVersion(record, {
          ...version,
          status: "approved",
          reviews: [...version.reviews, { decision: "approved", comments: action.comments?.trim() ?? "", on: today }],
        }),
        number,
      );
    case "return": {
      const comments = action.comments?.trim() ?? "";
      if (comments === "") return fail("退回修改必须填写审核意见");
      return ok(
        replaceVersion(record, {
          ...version,
          status: "draft",
          reviews: [...version.reviews, { decision: "returned", comments, on: today }],
        }),
        number,
      );
    }
    case "publish":
      return publish(record, version, action, today);
    case "file": {
      const filedWith = action.filedWith?.trim() ?? "";
      if (filedWith === "") return fail("请填写备案的司法行政部门");
      const filing = { filedOn: today, filedWith, ...(action.reference ? { reference: action.reference } : {}) };
      return ok(replaceVersion(record, { ...version, status: "filed", filing }), number);
    }
    case "recordEvaluation": {
      const findings = action.findings?.trim() ?? "";
      if (findings === "") return fail("请填写评估结果");
      return ok(replaceVersion(record, { ...version, evaluations: [...version.evaluations, { on: today, findings }] }), number);
    }
    case "revise": {
      const open = record.versions.find((v) => openStatuses.has(v.status));
      if (open) return fail(`第${open.version}版尚未发布（${statusLabel(open.status)}），请先完成或继续修订该版本`);
      const next = Math.max(...record.versions.map((v) => v.version)) + 1;
      const draft: ListVersion = {
        version: next,
        status: "draft",
        reviews: [],
        evaluations: [],
        items: structuredClone(version.items),
      };
      return ok({ list: record.list, versions: [...record.versions, draft] }, next);
    }
  }
}

/**
 * Applies one lifecycle action. Returns the new record (nothing is mutated) or a Chinese error.
 * `actorRoles` are the actor's roles in the owning organisation.
 */
export function applyListTransition(record: ListRecord, action: ListAction, actorRoles: readonly ListRole[], today: string): ListTransitionResult {
  const rule = listTransitions[action.type];
  if (!rule) return fail("未知的操作");
  if (!actorRoles.some((r) => rule.roles.includes(r))) {
    return fail(`无权执行“${rule.label}”：需要${rule.roles.map((r) => listRoleLabels[r]).join("或")}角色`);
  }
  if (record.list.status === "repealed") return fail("清单已废止，不能再执行任何操作");

  if (action.type === "repeal") return repeal(record, action.reason, today);

  const number = action.type === "revise" ? action.fromVersion : action.version;
  const version = record.versions.find((v) => v.version === number);
  if (!version) return fail(`清单第${number}版不存在`);
  if (!rule.from.includes(version.status)) {
    return fail(`第${number}版当前状态为“${statusLabel(version.status)}”，不能${rule.label}`);
  }

  return applyToVersion(record, version, action, today);
}

function ok(record: ListRecord, version: number): ListTransitionResult {
  return { ok: true, record, version };
}

function statusLabel(status: ListVersionStatus): string {
  return listVersionStatusLabels[status];
}

function publish(record: ListRecord, version: ListVersion, action: Extract<ListAction, { type: "publish" }>, today: string): ListTransitionResult {
  if (!Array.isArray(action.checks)) return fail("发布前须先运行质量检查");
  const gate = canPublish(action.checks, action.warningReason);
  if (!gate.ok) return fail(gate.reason);
  const effectiveFrom = action.effectiveFrom ?? today;
  if (effectiveFrom < today) return fail("施行日期不能早于发布日期");
  const dayBefore = addDays(effectiveFrom, -1);
  const versions: ListVersion[] = [];
  for (const v of record.versions) {
    if (v.version === version.version) continue;
    if (inForceStatuses.has(v.status) && (v.effectiveTo === undefined || v.effectiveTo >= effectiveFrom)) {
      if (v.effectiveFrom && v.effectiveFrom > dayBefore) {
        return fail(`第${v.version}版尚未施行（施行日期${v.effectiveFrom}），新版本的施行日期必须晚于该日期`);
      }
      versions.push({ ...v, status: "superseded", effectiveTo: dayBefore });
    } else {
      versions.push(v);
    }
  }
  const warningReason = action.warningReason?.trim();
  const published: ListVersion = {
    ...version,
    status: "published",
    publishedOn: today,
    effectiveFrom,
    ...(warningReason && action.checks.some((c) => c.severity === "warning") ? { warningReason } : {}),
  };
  versions.push(published);
  versions.sort((a, b) => a.version - b.version);
  return ok({ list: { ...record.list, status: "in_force" }, versions }, version.version);
}

function repeal(record: ListRecord, reason: string, today: string): ListTransitionResult {
  const why = reason?.trim() ?? "";
  if (why === "") return fail("废止清单必须说明理由");
  const current = record.versions.filter((v) => inForceStatuses.has(v.status));
  if (current.length === 0) return fail("清单没有已发布的版本，不能废止");
  const versions = record.versions.map((v) => {
    if (!inForceStatuses.has(v.status)) return v;
    // A version not yet in force ends before it starts; one in force ends today.
    const effectiveTo = v.effectiveFrom && v.effectiveFrom > today ? addDays(v.effectiveFrom, -1) : today;
    return { ...v, status: "repealed" as const, effectiveTo, repealReason: why };
  });
  const repealedVersion = current[current.length - 1].version;
  return ok({ list: { ...record.list, status: "repealed" }, versions }, repealedVersion);
}

// ---------------------------------------------------------------------------------------------
// 认领 (claim)

export type ClaimResult = { ok: true; claim: Claim; withdrawn?: Claim } | { ok: false; error: string };

/**
 * A subordinate organisation claims a superior's published list version. The claim records the
 * version; a running claim of the same list is withdrawn from today (re-claiming a newer version).
 */
export function claimListVersion(args: {
  record: ListRecord;
  version: number;
  claimantOrganisationId: string;
  /** Whether the list's owner is a superior (上级部门) of the claimant — the caller knows the tree. */
  ownerIsSuperior: boolean;
  actorRoles: readonly ListRole[];
  existingClaims: readonly Claim[];
  today: string;
}): ClaimResult {
  const { record, version: number, claimantOrganisationId, today } = args;
  if (!args.actorRoles.some((r) => r === "listManager" || r === "orgAdmin")) {
    return { ok: false, error: "无权认领清单：需要清单管理员或单位管理员角色" };
  }
  if (record.list.organisationId === claimantOrganisationId) return { ok: false, error: "不能认领本单位的清单" };
  if (!args.ownerIsSuperior) return { ok: false, error: "只能认领上级部门发布的清单" };
  if (record.list.status === "repealed") return { ok: false, error: "清单已废止，不能认领" };
  const version = record.versions.find((v) => v.version === number);
  if (!version) return { ok: false, error: `清单第${number}版不存在` };
  if (!inForceStatuses.has(version.status)) return { ok: false, error: `第${number}版不是现行版本，不能认领` };
  const running = args.existingClaims.find(
    (c) => c.listId === record.list.id && c.organisationId === claimantOrganisationId && c.withdrawnOn === undefined,
  );
  if (running && running.version === number) return { ok: false, error: `已认领第${number}版` };
  const claim: Claim = { listId: record.list.id, version: number, organisationId: claimantOrganisationId, claimedOn: today };
  return running ? { ok: true, claim, withdrawn: { ...running, withdrawnOn: today } } : { ok: true, claim };
}

/**
 * Whether a claim makes its version apply on a date: from the claim date (or the version's
 * effective date, if later) until the day before withdrawal and while the version is in force.
 * When the superior publishes a new version, the old one ends and the claim lapses until the
 * subordinate claims the new version (see claimNeedsRenewal).
 */
export function claimAppliesOn(claim: Claim, version: Pick<ListVersion, "status" | "effectiveFrom" | "effectiveTo">, date: string): boolean {
  if (date < claim.claimedOn) return false;
  if (claim.withdrawnOn !== undefined && date >= claim.withdrawnOn) return false;
  if (!everPublished.has(version.status) || !version.effectiveFrom) return false;
  if (date < version.effectiveFrom) return false;
  return version.effectiveTo === undefined || date <= version.effectiveTo;
}

/** True when the superior has published a newer version than the one claimed. */
export function claimNeedsRenewal(claim: Claim, record: ListRecord): boolean {
  if (claim.withdrawnOn !== undefined) return false;
  return record.versions.some((v) => v.version > claim.version && inForceStatuses.has(v.status));
}

export interface EffectiveListVersion {
  record: ListRecord;
  version: ListVersion;
  /** Set when the version applies through a claim. */
  claim?: Claim;
}

/**
 * The list versions an organisation applies on a date: its own lists' versions in force, plus
 * the versions it has claimed from superiors (seed 001), each with the claim.
 */
export function effectiveListVersions(args: {
  organisationId: string;
  records: readonly ListRecord[];
  claims: readonly Claim[];
  date: string;
}): EffectiveListVersion[] {
  const out: EffectiveListVersion[] = [];
  for (const record of args.records) {
    if (record.list.organisationId === args.organisationId) {
      const version = versionInForce(record.versions, args.date);
      if (version) out.push({ record, version });
    }
  }
  for (const claim of args.claims) {
    if (claim.organisationId !== args.organisationId) continue;
    const record = args.records.find((r) => r.list.id === claim.listId);
    const version = record?.versions.find((v) => v.version === claim.version);
    if (record && version && claimAppliesOn(claim, version, args.date)) out.push({ record, version, claim });
  }
  return out;
}
