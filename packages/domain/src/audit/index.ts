/** Audit (审计): Chinese labels of event types and record kinds; the chain verification contract. */
export * from "./labels";
export * from "./verification";
