/**
 * 研判 needs at least one answer: an evaluation with nothing answered would only restate the engine's
 * questions, and the officer would read it as a completed 研判 (issue 16).
 */
import { bad } from "./shared";

/** The answers of an evaluation request (POST /api/v1/cases/:id/evaluate). */
interface EvaluationAnswers {
  circumstances?: Record<string, unknown> & { answers?: Record<string, unknown> };
  emergency?: Record<string, unknown>;
  lifeHealthOrFinancialSafety?: boolean;
  mentalCapacity?: string;
}

// An empty list of earlier violations is an answer too ("none").
const given = (v: unknown) => v !== undefined && v !== null;

/** Whether the officer answered anything: a circumstance, a list item's question, the matter or the emergency. */
export function answeredAnything(body: EvaluationAnswers): boolean {
  const { answers, ...circumstances } = body.circumstances ?? {};
  return (
    Object.values(circumstances).some(given) ||
    Object.values(answers ?? {}).some(given) ||
    Object.values(body.emergency ?? {}).some(given) ||
    given(body.lifeHealthOrFinancialSafety) ||
    given(body.mentalCapacity)
  );
}

/** Refuses (400, nothing changed) an evaluation with no answer at all. */
export function assertAnsweredAnything(body: EvaluationAnswers): void {
  if (!answeredAnything(body)) throw bad("circumstances", "研判：请至少回答一个违法情节问题后再研判");
}
