/** Audit (审计): Chinese labels of event types and record kinds. */
export * from "./labels";
