/**
 * Cases (柔性执法案件): the vocabulary with its Chinese labels, and the lifecycle table (status ×
 * action → permission, preconditions) that every case action runs through. Pure: no I/O.
 */
export * from "./types";
export * from "./errors";
export * from "./lifecycle";
