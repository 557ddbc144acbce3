/**
 * Hazards (隐患, issue 10 §7): 一般隐患 / 重大事故隐患, 整改期限, 复查, 销号 with evidence, overdue
 * escalation, and the figures (found / rectified / overdue / 整改率). Pure.
 */
export * from "./lifecycle";
export * from "./figures";
