/**
 * The domain's errors: a stable English `code` for programs, a Chinese `message` for people and,
 * for input errors, the fields at fault. The domain says WHAT went wrong; the server maps each kind
 * to an HTTP status in one place (packages/server/src/http/errors.ts). Anything else thrown is a
 * bug: the server logs it and answers 500 with a generic message.
 */

/** One field at fault: where (a dotted path) and why (Chinese). */
export interface ErrorDetail {
  field: string;
  message: string;
}

/** The kinds of domain error; each maps to one HTTP status. */
export type DomainErrorKind = "not_found" | "invalid_input" | "refused" | "conflict";

export class DomainError extends Error {
  /** What kind of failure this is; subclasses say, the base is a refusal (a rule says no). */
  get kind(): DomainErrorKind {
    return "refused";
  }
  constructor(
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The record does not exist, or the user may not know that it does. */
export class NotFoundError extends DomainError {
  override get kind(): DomainErrorKind {
    return "not_found";
  }
  constructor(message: string, code = "not_found") {
    super(code, message);
  }
}

/** The input is malformed or out of range; `details` names the fields. */
export class InvalidInputError extends DomainError {
  override get kind(): DomainErrorKind {
    return "invalid_input";
  }
  constructor(message: string, details?: ErrorDetail[], code = "validation_failed") {
    super(code, message, details);
  }
}

/** The input is well-formed but a rule forbids the action (an archived case, a period not ended). */
export class RefusedError extends DomainError {
  override get kind(): DomainErrorKind {
    return "refused";
  }
  constructor(message: string, code = "rule_violation", details?: ErrorDetail[]) {
    super(code, message, details);
  }
}

/** The action conflicts with the current state (a duplicate, a record changed by someone else). */
export class ConflictError extends DomainError {
  override get kind(): DomainErrorKind {
    return "conflict";
  }
  constructor(message: string, code = "conflict") {
    super(code, message);
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
