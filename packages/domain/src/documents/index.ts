export * from "./types";
export { FIELD_CATALOGUE, field, type CatalogueFieldKey } from "./fields";
export { BUILT_IN_TEMPLATES, DOCUMENT_TYPE_LABELS, FOOTER_TEXT } from "./templates";
export {
  validateTemplate,
  fillTemplate,
  previewTemplate,
  documentPlainText,
  placeholdersOf,
  type FillOptions,
  type FillResult,
  type BlankStyle,
} from "./fill";
export { DEFAULT_NUMBER_PATTERN, formatDocumentNumber, validateNumberPattern, type DocumentNumberParts } from "./numbering";
export { selectTemplate, type OwnedTemplate } from "./select";
export { sampleValues } from "./samples";
export { normaliseOfficerText, mergeLawCitations, trimBeforeTemplateMark, FACTS_WRITING_HINT } from "./punctuation";
export {
  DELIVERY_METHODS,
  DELIVERY_METHOD_LABELS,
  DOCUMENT_STATUS_LABELS,
  allowedDocumentActions,
  allowedDocumentPageActions,
  documentActionProblem,
  documentActions,
  documentIssuerRoles,
  documentLifecycle,
  documentPageActions,
  documentPageRules,
  documentStatuses,
  type DeliveryMethod,
  type DocumentAction,
  type DocumentActionRule,
  type DocumentActor,
  type DocumentPageAction,
  type DocumentStatus,
} from "./lifecycle";
