import type { TStepError } from "./types";

// What a connector throws from buildRequest when it cannot build a request (unusable input, a
// connection missing a field). It carries a TStepError, so the engine records it like any other
// failed attempt; being thrown, it is never retryable unless it says so.

export class StepError extends Error {
  readonly code: string;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
  readonly httpStatus?: number;
  readonly details?: unknown;

  constructor(code: string, message: string, options: Partial<Omit<TStepError, "code" | "message">> = {}) {
    super(message);
    this.name = "StepError";
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.retryAfterMs = options.retryAfterMs;
    this.httpStatus = options.httpStatus;
    this.details = options.details;
  }

  toStepError(): TStepError {
    const error: TStepError = { message: this.message, code: this.code, retryable: this.retryable };
    if (this.retryAfterMs !== undefined) error.retryAfterMs = this.retryAfterMs;
    if (this.httpStatus !== undefined) error.httpStatus = this.httpStatus;
    if (this.details !== undefined) error.details = this.details;
    return error;
  }
}

export function isStepError(error: unknown): error is StepError {
  return error instanceof StepError;
}
