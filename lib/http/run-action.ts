import "server-only";
import { unstable_rethrow } from "next/navigation";
import { ZodError } from "zod";
import { isAppError, type TAppErrorCode } from "@/lib/errors/app-error";
import { isUnstorableTextError, UNSTORABLE_TEXT_MESSAGE } from "@/lib/db/database-errors";
import { logger } from "@/lib/logger";

// Server actions return a result instead of throwing: production builds hide thrown messages,
// and forms need field-level errors to call form.setError(field, ...).

export type TActionError = { code: TAppErrorCode; message: string; fieldErrors?: Record<string, string> };
export type TActionResult<T> = { ok: true; data: T } | { ok: false; error: TActionError };

export async function runAction<T>(fn: () => Promise<T>): Promise<TActionResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (error) {
    unstable_rethrow(error); // redirect(), forbidden(), notFound() keep working
    if (isAppError(error)) {
      const fieldErrors = error.details?.length
        ? Object.fromEntries(error.details.map((d) => [d.path.replace(/^\//, ""), d.message]))
        : undefined;
      return { ok: false, error: { code: error.code, message: error.message, fieldErrors } };
    }
    if (error instanceof ZodError) {
      const fieldErrors = Object.fromEntries(error.issues.map((i) => [i.path.join("."), i.message]));
      return { ok: false, error: { code: "validation_failed", message: "Some fields need attention.", fieldErrors } };
    }
    if (isUnstorableTextError(error)) return { ok: false, error: { code: "invalid_request", message: UNSTORABLE_TEXT_MESSAGE } };
    const errorId = crypto.randomUUID();
    logger().error({ err: error, errorId }, "server action failed");
    return {
      ok: false,
      error: { code: "internal", message: `Something went wrong on our side (error id ${errorId}). Try again.` },
    };
  }
}
