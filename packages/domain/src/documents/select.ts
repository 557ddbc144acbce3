import type { DocumentTemplate, DocumentType } from "./types";

/** A stored template version and its owner; organisationId null is a built-in template. */
export interface OwnedTemplate {
  organisationId: string | null;
  template: DocumentTemplate;
}

/**
 * The template an organisation uses for a document type: the newest version of its own, else of its
 * nearest superior (seed 001: 上级部门已制发相关文书范本的，可以直接适用), else the built-in one.
 * `organisationChain` is the organisation's id first, then its parents up to the top.
 */
export function selectTemplate(
  type: DocumentType,
  candidates: readonly OwnedTemplate[],
  organisationChain: readonly string[],
): DocumentTemplate | undefined {
  const newest = (owner: string | null) =>
    candidates
      .filter((c) => c.organisationId === owner && c.template.type === type)
      .reduce<DocumentTemplate | undefined>((best, c) => (!best || c.template.version > best.version ? c.template : best), undefined);
  for (const org of organisationChain) {
    const found = newest(org);
    if (found) return found;
  }
  return newest(null);
}
