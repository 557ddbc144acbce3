/**
 * Statistics: counting rules of the 柔性执法统计报表, periods, the reporting calendar and snapshots,
 * and the dashboard indicators. Rules: docs/statistics.md.
 */
export * from "./period";
export * from "./counting";
export * from "./calendar";
export * from "./indicators";
