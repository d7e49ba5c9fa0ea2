import "server-only";
import { isAppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/logger";

// The public API's error contract: { message, code, errors?: [{ path, message, keyword }] }.
// AppErrors say what to fix; anything else is logged with the request id and answered
// generically, never with its text or stack.

const DATABASE_DOWN = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|Connection terminated|connect_timeout|terminating connection|the database system is (starting up|shutting down)|Can't reach database|timeout exceeded when trying to connect|Query read timeout/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: string; message?: string; cause?: unknown } | null;
  if (!e) return false;
  if (e.code && ["P1001", "P1002", "P1017", "57P01", "57P03", "57014", "08006", "08001", "08003", "ECONNREFUSED"].includes(e.code)) return true;
  if (typeof e.message === "string" && DATABASE_DOWN.test(e.message)) return true;
  return e.cause ? isDatabaseUnavailable(e.cause) : false;
}

/** PostgreSQL refused text it cannot store (NUL, an unpaired surrogate), through pg or Prisma. */
export function isUnstorableTextError(error: unknown): boolean {
  const e = error as { code?: unknown; cause?: { code?: unknown; originalCode?: unknown } } | null;
  return [e?.code, e?.cause?.code, e?.cause?.originalCode].some((code) => code === "22021" || code === "22P05");
}

export const UNSTORABLE_TEXT_MESSAGE =
  "The request contains text that cannot be stored: a NUL character (\\u0000) or an unpaired surrogate. Remove it and try again.";

export function errorResponse(error: unknown, requestId: string, headers: Record<string, string> = {}): Response {
  if (isAppError(error)) {
    const body = { message: error.message, code: error.code, ...(error.details?.length ? { errors: error.details } : {}) };
    const extra: Record<string, string> = error.status === 401 ? { "WWW-Authenticate": 'Bearer realm="custom-events"' } : {};
    const retryAfter = (error as { retryAfter?: number }).retryAfter;
    if (retryAfter) extra["Retry-After"] = String(retryAfter);
    return Response.json(body, { status: error.status, headers: { ...headers, ...extra, "x-request-id": requestId } });
  }
  if (isUnstorableTextError(error)) {
    return Response.json({ message: UNSTORABLE_TEXT_MESSAGE, code: "invalid_request" }, { status: 400, headers: { ...headers, "x-request-id": requestId } });
  }
  if (isDatabaseUnavailable(error)) {
    logger().warn({ reqId: requestId, err: error }, "database unavailable");
    return Response.json(
      { message: "The service is temporarily unavailable. Nothing was stored; retry after a few seconds.", code: "unavailable" },
      { status: 503, headers: { ...headers, "Retry-After": "5", "x-request-id": requestId } },
    );
  }
  logger().error({ reqId: requestId, err: error }, "unhandled API error");
  return Response.json(
    { message: `Internal error. Nothing was stored. Quote request id ${requestId} to support.`, code: "internal" },
    { status: 500, headers: { ...headers, "x-request-id": requestId } },
  );
}
