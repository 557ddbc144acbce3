/**
 * Counting rules of the 柔性执法统计报表 (seed 000 annex 8, seed 001 annex 5).
 * The rules, with their reasons, are in docs/statistics.md; this file implements them.
 * Every counted number keeps the records behind it, so each cell links to its records.
 */
import { decisionColumns, statisticsColumns, columnUnit, type DecisionColumn, type SoftMethod, type StatisticsColumn } from "../measures/index";
import { inPeriod, type Period } from "./period";

/** The case's status as the counting rules need it. */
export type CaseStatus = "active" | "closed" | "cancelled" | "transferred_to_ordinary";

/**
 * The case's final confirmed outcome. The caller maps its decision outcomes onto these:
 * a granted 可以不予行政处罚 (`may_waive`) is `no_penalty`; `ordinary`, `heavier`, `time_barred`
 * and anything else are `other` (not counted on the form).
 */
export type DecisionOutcome = DecisionColumn | "other";

/** One case's decision, the input of the four decision columns. */
export interface DecisionRecord {
  caseId: string;
  /** The organisation that decided the case (its own agency; roll-up goes through the tree). */
  organisationId: string;
  outcome: DecisionOutcome;
  /** Date of this decision (ISO); null while the case is undecided. */
  decidedOn: string | null;
  caseStatus: CaseStatus;
  /** 0 for the first decision; +1 each time the case was reopened and decided again. */
  reopenCount: number;
  /** The decision document (决定书 / 不予处罚决定书 …) that proves it; null when none is on file. */
  writtenRecordId: string | null;
}

/** One carried-out soft measure, the input of the eleven method columns. */
export interface MeasureRecord {
  id: string;
  /** The case it belongs to; null for measures outside a case (e.g. 行政指导 to a trade meeting). */
  caseId: string | null;
  organisationId: string;
  method: SoftMethod;
  /** Date the measure was carried out (ISO). */
  carriedOutOn: string;
  /** Number of people reached (for the 人次 columns); ignored by the 件 columns. */
  persons: number;
  /** The written record (文书 / 笔录 / 记录) that proves it; null when none is on file. */
  writtenRecordId: string | null;
  cancelled: boolean;
}

export interface CountingRecords {
  decisions: readonly DecisionRecord[];
  measures: readonly MeasureRecord[];
}

/** Which organisations' records a form counts (one organisation, a subtree, a region …). */
export interface StatisticsScope {
  organisationIds: Iterable<string>;
}

/** One record counted in a cell, with its written record: what a number links to. */
export interface CountedEntry {
  kind: "decision" | "measure";
  /** The decision's caseId or the measure's id. */
  recordId: string;
  caseId: string | null;
  organisationId: string;
  /** The date that placed it in the period (decision date / carried-out date). */
  date: string;
  writtenRecordId: string;
  /** What it adds to the cell: 1 for a 件 column, the persons for a 人次 column. */
  amount: number;
}

export interface FormCell {
  value: number;
  /** Ids of the counted records (caseId for decisions, measure id for measures), in input order. */
  recordIds: string[];
  entries: CountedEntry[];
}

export type FormCells = Record<StatisticsColumn, FormCell>;

export type ExclusionReason =
  /** The measure was cancelled. */
  | "cancelled"
  /** The case was cancelled (void): neither its decision nor its measures count. */
  | "case_cancelled"
  /** The party chose the ordinary procedure: the decision column is not counted (measures are). */
  | "transferred_to_ordinary"
  /** An earlier decision of a reopened case: only the final decision counts. */
  | "superseded_decision"
  /** No written record on file (seed 001 填表说明 1): fix the record, then it counts. */
  | "no_written_record"
  /** The same written record was entered twice for the same method: counted once. */
  | "duplicate_written_record"
  /** A 人次 measure whose number of people is not a whole number ≥ 1: fix the record. */
  | "invalid_persons";

/** A record in the period and scope that was not counted, with the reason. */
export interface ExcludedRecord {
  kind: "decision" | "measure";
  recordId: string;
  caseId: string | null;
  organisationId: string;
  date: string;
  column: StatisticsColumn;
  reason: ExclusionReason;
}

export interface StatisticsForm {
  period: Period;
  cells: FormCells;
  /** Records of the period and scope that were not counted, each with its reason. */
  exceptions: ExcludedRecord[];
}

/** The reasons that ask someone to fix a record (the others are the rules working as meant). */
export const actionableReasons: readonly ExclusionReason[] = ["no_written_record", "invalid_persons"];

export function emptyCells(): FormCells {
  const cells = {} as FormCells;
  for (const column of statisticsColumns) cells[column] = { value: 0, recordIds: [], entries: [] };
  return cells;
}

function isDecisionColumn(outcome: DecisionOutcome): outcome is DecisionColumn {
  return (decisionColumns as readonly string[]).includes(outcome);
}

interface Classified {
  column: StatisticsColumn;
  organisationId: string;
  counted?: CountedEntry;
  excluded?: ExcludedRecord;
}

/**
 * The final decision of each case: highest reopenCount, then latest decidedOn, then the last given.
 * Returns the finals by caseId and the superseded records.
 */
function finalDecisions(decisions: readonly DecisionRecord[]): {
  finals: Map<string, DecisionRecord>;
  superseded: DecisionRecord[];
} {
  const finals = new Map<string, DecisionRecord>();
  const superseded: DecisionRecord[] = [];
  for (const d of decisions) {
    const current = finals.get(d.caseId);
    if (!current) {
      finals.set(d.caseId, d);
      continue;
    }
    const later = d.reopenCount > current.reopenCount || (d.reopenCount === current.reopenCount && (d.decidedOn ?? "") >= (current.decidedOn ?? ""));
    if (later) {
      superseded.push(current);
      finals.set(d.caseId, d);
    } else {
      superseded.push(d);
    }
  }
  return { finals, superseded };
}

/** The decisions dated inside the period: a case's final decision counts, unless the case was cancelled or transferred. */
function classifyDecisions(decisions: readonly DecisionRecord[], period: Period, out: Classified[]): Map<string, DecisionRecord> {
  const { finals, superseded } = finalDecisions(decisions);

  for (const d of superseded) {
    if (d.decidedOn === null || !inPeriod(d.decidedOn, period) || !isDecisionColumn(d.outcome)) continue;
    out.push({
      column: d.outcome,
      organisationId: d.organisationId,
      excluded: {
        kind: "decision",
        recordId: d.caseId,
        caseId: d.caseId,
        organisationId: d.organisationId,
        date: d.decidedOn,
        column: d.outcome,
        reason: "superseded_decision",
      },
    });
  }

  for (const d of finals.values()) {
    if (d.decidedOn === null || !inPeriod(d.decidedOn, period) || !isDecisionColumn(d.outcome)) continue;
    const base = {
      kind: "decision" as const,
      recordId: d.caseId,
      caseId: d.caseId,
      organisationId: d.organisationId,
      date: d.decidedOn,
    };
    const reason: ExclusionReason | undefined =
      d.caseStatus === "cancelled"
        ? "case_cancelled"
        : d.caseStatus === "transferred_to_ordinary"
          ? "transferred_to_ordinary"
          : d.writtenRecordId === null || d.writtenRecordId === ""
            ? "no_written_record"
            : undefined;
    out.push(
      reason
        ? { column: d.outcome, organisationId: d.organisationId, excluded: { ...base, column: d.outcome, reason } }
        : {
            column: d.outcome,
            organisationId: d.organisationId,
            counted: { ...base, writtenRecordId: d.writtenRecordId as string, amount: 1 },
          },
    );
  }
  return finals;
}

/** The measures dated inside the period (the cases' final decisions say which cases were cancelled). */
function classifyMeasures(measures: readonly MeasureRecord[], finals: ReadonlyMap<string, DecisionRecord>, period: Period, out: Classified[]): void {
  // The first countable entry of a written record for a method is the one that counts, whatever its
  // period: an earlier entry outside the period (passed in date order) keeps a later one from counting.
  const seenWritten = new Set<string>();
  for (const m of measures) {
    const inside = inPeriod(m.carriedOutOn, period);
    const base = {
      kind: "measure" as const,
      recordId: m.id,
      caseId: m.caseId,
      organisationId: m.organisationId,
      date: m.carriedOutOn,
    };
    const perPerson = columnUnit(m.method) === "人次";
    const caseStatus = m.caseId === null ? undefined : finals.get(m.caseId)?.caseStatus;
    const dedupKey = `${m.method}\u0000${m.writtenRecordId ?? ""}`;
    let reason: ExclusionReason | undefined;
    if (m.cancelled) reason = "cancelled";
    else if (caseStatus === "cancelled") reason = "case_cancelled";
    else if (m.writtenRecordId === null || m.writtenRecordId === "") reason = "no_written_record";
    else if (perPerson && !(Number.isInteger(m.persons) && m.persons >= 1)) reason = "invalid_persons";
    else if (seenWritten.has(dedupKey)) reason = "duplicate_written_record";
    if (!reason) seenWritten.add(dedupKey);
    if (!inside) continue;
    if (reason) {
      out.push({ column: m.method, organisationId: m.organisationId, excluded: { ...base, column: m.method, reason } });
      continue;
    }
    out.push({
      column: m.method,
      organisationId: m.organisationId,
      counted: { ...base, writtenRecordId: m.writtenRecordId as string, amount: perPerson ? m.persons : 1 },
    });
  }
}

/** Applies the counting rules to every record dated inside the period (any organisation). */
function classify(records: CountingRecords, period: Period): Classified[] {
  const out: Classified[] = [];
  const finals = classifyDecisions(records.decisions, period, out);
  classifyMeasures(records.measures, finals, period, out);
  return out;
}

function buildForm(classified: readonly Classified[], period: Period): StatisticsForm {
  const cells = emptyCells();
  const exceptions: ExcludedRecord[] = [];
  for (const c of classified) {
    if (c.counted) {
      const cell = cells[c.column];
      cell.value += c.counted.amount;
      cell.recordIds.push(c.counted.recordId);
      cell.entries.push(c.counted);
    } else if (c.excluded) {
      exceptions.push(c.excluded);
    }
  }
  return { period: { ...period }, cells, exceptions };
}

/**
 * The 15 numbers of the form for a period and scope, each with the records behind it.
 * Records are counted by their own organisation; a record whose organisation is not in the
 * scope is ignored. A reopened case is de-duplicated across the whole input, so pass the
 * decision history of the cases in scope, not a pre-filtered slice.
 */
export function computeForm(records: CountingRecords, period: Period, scope: StatisticsScope): StatisticsForm {
  const ids = new Set(scope.organisationIds);
  return buildForm(
    classify(records, period).filter((c) => ids.has(c.organisationId)),
    period,
  );
}

/** An organisation in the hierarchy (上级部门 via parentId). */
export interface OrganisationNode {
  id: string;
  parentId: string | null;
  name?: string;
}

export interface RollupNode {
  organisationId: string;
  name?: string;
  /** The organisation's own records only. */
  own: StatisticsForm;
  /** Own values plus the totals of all children: the organisation "with its subordinates". */
  total: Record<StatisticsColumn, number>;
  children: RollupNode[];
}

/** The ids of an organisation and all its subordinates (cycles in bad data are cut). */
export function subtreeOrganisationIds(tree: readonly OrganisationNode[], rootOrgId: string): string[] {
  const childrenOf = childrenIndex(tree);
  const seen = new Set<string>();
  const stack = [rootOrgId];
  const out: string[] = [];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(id);
    for (const child of childrenOf.get(id) ?? []) stack.push(child.id);
  }
  return out;
}

function childrenIndex(tree: readonly OrganisationNode[]): Map<string, OrganisationNode[]> {
  const index = new Map<string, OrganisationNode[]>();
  for (const node of tree) {
    if (node.parentId === null) continue;
    const list = index.get(node.parentId) ?? [];
    list.push(node);
    index.set(node.parentId, list);
  }
  return index;
}

/**
 * The form for an organisation and every subordinate, as a tree: each record counts once, at its
 * own organisation; a node's total is its own numbers plus its children's totals.
 */
export function computeRollup(
  records: CountingRecords,
  organisationTree: readonly OrganisationNode[],
  rootOrgId: string,
  period: Period,
): RollupNode {
  const byOrg = new Map<string, Classified[]>();
  for (const c of classify(records, period)) {
    const list = byOrg.get(c.organisationId) ?? [];
    list.push(c);
    byOrg.set(c.organisationId, list);
  }
  const childrenOf = childrenIndex(organisationTree);
  const names = new Map(organisationTree.map((n) => [n.id, n.name] as const));
  const visited = new Set<string>();

  const build = (id: string): RollupNode => {
    visited.add(id);
    const own = buildForm(byOrg.get(id) ?? [], period);
    const children = (childrenOf.get(id) ?? []).filter((c) => !visited.has(c.id)).map((c) => build(c.id));
    const total = {} as Record<StatisticsColumn, number>;
    for (const column of statisticsColumns) {
      total[column] = own.cells[column].value + children.reduce((sum, child) => sum + child.total[column], 0);
    }
    const node: RollupNode = { organisationId: id, own, total, children };
    const name = names.get(id);
    if (name !== undefined) node.name = name;
    return node;
  };
  return build(rootOrgId);
}

/** The plain numbers of a form, column → value. */
export function formValues(cells: FormCells): Record<StatisticsColumn, number> {
  const values = {} as Record<StatisticsColumn, number>;
  for (const column of statisticsColumns) values[column] = cells[column].value;
  return values;
}
