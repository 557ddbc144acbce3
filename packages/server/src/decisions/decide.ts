/**
 * One decision, the same for the API, the CLI and cases: validate the input, load the
 * organisation's lists in force on the decision date, complete the matter from the catalogue and
 * run the engine.
 */
import {
  DecisionBasisError,
  evaluateDecision,
  InvalidDecisionInputError,
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
  try {
    return evaluateDecision(input, context);
  } catch (err) {
    if (err instanceof InvalidDecisionInputError) {
      throw new AppError("validation_failed", `输入有误：${err.message}`, err.errors);
    }
    if (err instanceof DecisionBasisError) throw new AppError("rule_violation", err.message);
    throw err;
  }
}
