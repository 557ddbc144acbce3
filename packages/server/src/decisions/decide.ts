/**
 * One decision, the same for the API, the CLI and cases: validate the input, load the
 * organisation's lists in force on the decision date, complete the matter from the catalogue and
 * run the engine.
 */
import {
  evaluateDecision,
  validateDecisionInput,
  type Decision,
  type DecisionInput,
} from "@kuanyan/domain/decisions";
import type { DbOrTx } from "../db/client";
import { AppError } from "../http/errors";
import { completeInput, loadDecisionContext, loadMatterCatalogue } from "./loadDecisionContext";

/** Throws AppError(validation_failed) with the engine's Chinese messages, field by field. */
export function assertValidInput(raw: unknown): asserts raw is DecisionInput {
  const errors = validateDecisionInput(raw);
  if (errors.length) {
    throw new AppError(
      "validation_failed",
      `输入有误：${errors.map((e) => e.message).join("；")}`,
      errors.map((e) => ({ field: e.field, message: e.message })),
    );
  }
}

export async function decide(db: DbOrTx, raw: unknown): Promise<Decision> {
  let input = raw as DecisionInput;
  if (input && typeof input === "object" && input.matter && typeof input.matter === "object" && typeof input.matter.code === "string") {
    input = completeInput(input, await loadMatterCatalogue(db));
  }
  assertValidInput(input);
  const context = await loadDecisionContext(db, input.organisationId, input.decisionDate);
  // The engine's own errors (invalid input, a missing statutory basis) are domain errors.
  return evaluateDecision(input, context);
}
