/**
 * The decision engine (决策引擎): evaluateDecision(input, context) with the statute, the
 * organisation's lists in force on the decision date (own + claimed), 舟山's rule and the
 * aggravated list. Pure: no I/O, no clock. See docs/decisions.md for the order of precedence.
 */
export * from "./types";
export { buildDecisionIndex, itemsFor, indexKey, type CompiledItem, type DecisionIndex } from "./decisionIndex";
export { evaluateDecision, type DecisionContext } from "./evaluateDecision";
export { DecisionBasisError, emergencyPolicy, exploitEmergencyPolicy, zhoushanPolicy, provisions as decisionProvisions } from "./statutes";
