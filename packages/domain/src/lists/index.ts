/**
 * Lists (清单): types, structured conditions, lifecycle (审核、发布、备案、评估、修订、废止、认领),
 * quality checks, and 三明市应急管理局's four lists as seed data. Pure: no I/O, no clock.
 */
export * from "./types";
export * from "./conditions";
export * from "./lifecycle";
export * from "./quality";
export * from "./import";
export * from "./allowedActions";
export {
  SANMING_EFFECTIVE_FROM,
  SANMING_ORGANISATION_NAME,
  sanmingLists,
  sanmingLighterItems,
  sanmingMitigatedItems,
  sanmingNoPenaltyItems,
} from "./seed/sanming";
