import "server-only";
import { isDatabaseUnavailable, isUnstorableTextError, UNSTORABLE_TEXT_MESSAGE } from "@/lib/db/database-errors";
import { isAppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/logger";

// The public API's error contract: { message, code, errors?: [{ path, message, keyword }] }.
// AppErrors say what to fix; anything else is logged with the request id and answered
// generically, never with its text or stack.

export function errorResponse(error: unknown, requestId: string, headers: Record<string, string> = {}): Response {
  if (isAppError(error)) {
    const body = { message: error.message, code: error.code, ...(error.details?.length ? { errors: error.details } : {}) };
    const extra: Record<string, string> = error.status === 401 ? { "WWW-Authenticate": 'Bearer realm="custom-events"' } : {};
    if (error.retryAfter) extra["Retry-After"] = String(error.retryAfter);
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
