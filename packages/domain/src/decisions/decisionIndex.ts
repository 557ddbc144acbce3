/**
 * Precompiled list items per (organisation, matter code): evaluation is a map lookup plus a date
 * filter and a few condition checks. Build once when lists or claims change.
 */
import { describeCondition, type Condition } from "../lists/conditions";
import { addDays } from "../dates/index";
import type { Claim, ListItem, ListRecord, ListType, ListVersionStatus } from "../lists/types";

export interface CompiledItem {
  listId: string;
  listType: ListType;
  listTitle: string;
  ownerOrganisationId: string;
  version: number;
  /** First and last day the item applies to the indexed organisation. */
  from: string;
  to?: string;
  claimed: boolean;
  item: ListItem;
  conditions: readonly Condition[];
  /** describeCondition of each condition, computed once. */
  descriptions: readonly string[];
  /** Precomputed texts for the trace: rule id, label, reason. */
  rule: string;
  label: string;
  reason: string;
}

export interface DecisionIndex {
  /** key: organisationId + "\u0001" + matterCode */
  readonly byOrgAndMatter: ReadonlyMap<string, readonly CompiledItem[]>;
  /** Number of compiled entries (items × organisations applying them). */
  readonly size: number;
}

const published: ReadonlySet<ListVersionStatus> = new Set<ListVersionStatus>(["published", "filed", "superseded", "repealed"]);

export function indexKey(organisationId: string, matterCode: string): string {
  return `${organisationId}\u0001${matterCode}`;
}

/**
 * Indexes every published version's items (past versions too, so that a decision date in the
 * past finds the version then in force) for the owner, and the claimed versions for the claimants.
 * Items without a matter code cannot be matched and are left out.
 */
export function buildDecisionIndex(args: { lists: readonly ListRecord[]; claims?: readonly Claim[] }): DecisionIndex {
  const map = new Map<string, CompiledItem[]>();
  let size = 0;
  const add = (organisationId: string, entry: CompiledItem) => {
    const code = entry.item.matterCode?.trim();
    if (!code) return;
    const key = indexKey(organisationId, code);
    const bucket = map.get(key);
    if (bucket) bucket.push(entry);
    else map.set(key, [entry]);
    size += 1;
  };
  const byId = new Map(args.lists.map((r) => [r.list.id, r]));
  const compile = (record: ListRecord, versionNo: number, from: string, to: string | undefined, claimed: boolean): CompiledItem[] => {
    const version = record.versions.find((v) => v.version === versionNo);
    if (!version) return [];
    return version.items.map((item) => {
      const where = `《${record.list.title}》${claimed ? "（认领）" : ""}第${version.version}版第${item.seq}项`;
      return {
        listId: record.list.id,
        listType: record.list.type,
        listTitle: record.list.title,
        ownerOrganisationId: record.list.organisationId,
        version: version.version,
        from,
        to,
        claimed,
        item,
        conditions: item.conditions,
        descriptions: item.conditions.map(describeCondition),
        rule: `list:${record.list.id}:v${version.version}:${item.seq}`,
        label: `${where}：${item.matterName}`,
        reason: `符合${where}规定的情形：${item.circumstances}`,
      };
    });
  };

  for (const record of args.lists) {
    for (const version of record.versions) {
      if (!published.has(version.status) || !version.effectiveFrom) continue;
      if (version.effectiveTo !== undefined && version.effectiveTo < version.effectiveFrom) continue;
      for (const entry of compile(record, version.version, version.effectiveFrom, version.effectiveTo, false)) {
        add(record.list.organisationId, entry);
      }
    }
  }
  for (const claim of args.claims ?? []) {
    const record = byId.get(claim.listId);
    const version = record?.versions.find((v) => v.version === claim.version);
    if (!record || !version || !published.has(version.status) || !version.effectiveFrom) continue;
    const from = claim.claimedOn > version.effectiveFrom ? claim.claimedOn : version.effectiveFrom;
    let to = version.effectiveTo;
    if (claim.withdrawnOn !== undefined) {
      const lastDay = addDays(claim.withdrawnOn, -1);
      if (to === undefined || lastDay < to) to = lastDay;
    }
    if (to !== undefined && to < from) continue;
    for (const entry of compile(record, version.version, from, to, true)) add(claim.organisationId, entry);
  }
  for (const bucket of map.values()) bucket.sort((a, b) => a.item.seq - b.item.seq);
  return { byOrgAndMatter: map, size };
}

/** The compiled items that apply to an organisation's matter on a date. */
export function itemsFor(index: DecisionIndex, organisationId: string, matterCode: string, date: string): CompiledItem[] {
  const bucket = index.byOrgAndMatter.get(indexKey(organisationId, matterCode));
  if (!bucket) return [];
  const out: CompiledItem[] = [];
  for (const e of bucket) if (e.from <= date && (e.to === undefined || date <= e.to)) out.push(e);
  return out;
}
