// One error type for everything the app refuses on purpose (house style 7). Routes and server
// actions turn it into a response; any other error is logged and answered generically.

export const APP_ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 400,
  invalid_json: 400,
  invalid_request: 400,
  unsupported_api_version: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  event_not_found: 404,
  end_user_not_found: 404,
  run_not_found: 404,
  conflict: 409,
  event_archived: 409,
  idempotency_key_reused: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  data_invalid: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type TAppErrorCode = keyof typeof APP_ERROR_STATUS;

export type TFieldError = { path: string; message: string; keyword?: string };

export class AppError extends Error {
  readonly code: TAppErrorCode;
  readonly status: number;
  readonly details?: TFieldError[];
  /** Seconds, sent as Retry-After (429, 503). */
  readonly retryAfter?: number;

  constructor(code: TAppErrorCode, options: { message: string; details?: TFieldError[]; retryAfter?: number }) {
    super(options.message);
    this.name = "AppError";
    this.code = code;
    this.status = APP_ERROR_STATUS[code];
    this.details = options.details;
    this.retryAfter = options.retryAfter;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Prisma's known request errors, translated in one place (house style 6). */
export function translatePrismaError(error: unknown, subject: string): never {
  const code = (error as { code?: string } | null)?.code;
  if (code === "P2002") throw new AppError("conflict", { message: `${subject} already exists.` });
  if (code === "P2025") throw new AppError("not_found", { message: `${subject} was not found.` });
  throw error;
}
