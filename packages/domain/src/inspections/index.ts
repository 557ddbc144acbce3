/**
 * Inspections (执法检查, issue 10): the object pool (检查对象名录库), the inspector pool
 * (执法检查人员名录库), publicly verifiable 双随机 draws, checklists (检查表), the inspection's
 * lifecycle, the finding that opens a case, and the figures. Pure: no I/O.
 */
export * from "./units";
export * from "./import";
export * from "./inspectors";
export * from "./pool";
export * from "./draw";
export { sha256Hex, sha256Bytes, toHex, utf8 } from "./sha256";
export * from "./checklists";
export { starterChecklists } from "./checklists.seed";
export * from "./lifecycle";
export * from "./findings";
export * from "./figures";
export * from "./plan";
export * from "./publication";
