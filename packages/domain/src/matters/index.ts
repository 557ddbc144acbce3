/** Enforcement matter catalogue (执法事项库): types, seed catalogue, fine ranges and checks. */
export type { Matter, MatterKind, FineRange, ExternalBasis } from "./types";
export { MATTER_KIND_LABELS } from "./types";
export { MATTERS } from "./matters.seed";
export { parseYuan, parseFirstFine, parseFineRanges } from "./fines";
export { MATTER_CODE_RE, findMatter, searchMatters, checkMatter } from "./catalogue";
