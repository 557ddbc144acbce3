/**
 * One decision, the same for the API, the CLI and cases: check the input with the contract's one
 * schema (ZDecisionInput), load the organisation's lists in force on the decision date, complete
 * the matter from the catalogue and run the engine.
 */
import { evaluateDecision, type Decision, type DecisionInput } from "@kuanyan/domain/decisions";
import { parseDecisionInput } from "@kuanyan/contract/decisions";
import type { DbOrTx } from "../db/client";
import { completeInput, loadDecisionContext, loadMatterCatalogue } from "./loadDecisionContext";

export async function decide(db: DbOrTx, raw: unknown): Promise<Decision> {
  let input = raw as DecisionInput;
  if (input && typeof input === "object" && input.matter && typeof input.matter === "object" && typeof input.matter.code === "string") {
    input = completeInput(input, await loadMatterCatalogue(db));
  }
  // Invalid input is an InvalidInputError (400, Chinese, field by field); the engine's own refusal
  // (a missing statutory basis) a DecisionBasisError (422).
  const valid = parseDecisionInput(input);
  const context = await loadDecisionContext(db, valid.organisationId, valid.decisionDate);
  return evaluateDecision(valid, context);
}
