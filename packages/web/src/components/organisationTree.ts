import { descendantsOf } from "@kuanyan/domain/organisations";
import type { Organisation } from "../services/types";

export interface OrganisationNode {
  key: string;
  value: string;
  title: string;
  organisation: Organisation;
  children: OrganisationNode[];
}

/**
 * Arrange organisations by parentId. An organisation whose parent is not in the list (outside the
 * reader's scope) becomes a root. Siblings are sorted by region code, then name.
 */
export function buildOrganisationTree(organisations: readonly Organisation[]): OrganisationNode[] {
  const nodes = new Map<string, OrganisationNode>();
  for (const o of organisations) {
    nodes.set(o.id, { key: o.id, value: o.id, title: o.name, organisation: o, children: [] });
  }
  const roots: OrganisationNode[] = [];
  for (const node of nodes.values()) {
    const parentId = node.organisation.parentId;
    const parent = parentId ? nodes.get(parentId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: OrganisationNode[]) => {
    list.sort(
      (a, b) => a.organisation.regionCode.localeCompare(b.organisation.regionCode) || a.organisation.name.localeCompare(b.organisation.name, "zh-CN"),
    );
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** The ids of an organisation and all organisations below it. */
export function descendantIds(organisations: readonly Organisation[], rootId: string): Set<string> {
  return descendantsOf(
    rootId,
    organisations.map((o) => ({ id: o.id, parentId: o.parentId ?? null, regionCode: o.regionCode, kind: o.kind })),
  );
}
