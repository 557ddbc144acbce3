import { DomainError, type DomainErrorKind } from "@kuanyan/domain/errors";

/**
 * One error model: a stable English `code` for programs, a Chinese `message` for people,
 * mapped to an HTTP status in one table.
 */
export const errorStatus = {
  validation_failed: 400,
  invalid_json: 400,
  /** NUL bytes or unpaired surrogates in text (errors slice: src/http/input-guard.ts). */
  invalid_characters: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  version_conflict: 409,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  account_locked: 423,
  rule_violation: 422,
  busy: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface FieldError {
  field: string;
  message: string;
}

/** The status of each kind of domain error: the one place a domain failure becomes HTTP. */
export const domainKindStatus: Record<DomainErrorKind, number> = {
  invalid_input: 400,
  not_found: 404,
  conflict: 409,
  refused: 422,
};

const kindOfStatus = (status: number): DomainErrorKind =>
  status === 404 ? "not_found" : status === 409 ? "conflict" : status === 400 ? "invalid_input" : "refused";

/**
 * A domain error the server raises itself (authentication, CSRF, limits …) with a code from the
 * table above; the domain's own errors need no server counterpart.
 */
export class AppError extends DomainError {
  readonly statusCode: number;
  declare readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, fields?: FieldError[]) {
    super(code, message, fields);
    this.statusCode = errorStatus[code];
  }
  override get kind(): DomainErrorKind {
    return kindOfStatus(this.statusCode);
  }
  get fields(): FieldError[] | undefined {
    return this.details;
  }
}

/** The HTTP status of a domain error. */
export function statusOfDomainError(err: DomainError): number {
  return err instanceof AppError ? err.statusCode : domainKindStatus[err.kind];
}

export const notFound = (what: string) => new AppError("not_found", `${what}不存在或无权查看`);
export const forbidden = (message = "您没有执行此操作的权限") => new AppError("forbidden", message);
export const versionConflict = () => new AppError("version_conflict", "该记录已被他人修改，请刷新后重试（您的修改未保存）");
