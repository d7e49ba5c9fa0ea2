import { isUnstorableText } from "@/lib/db/database-errors";
import { AppError, type TFieldError } from "@/lib/errors/app-error";

export const SUPPORTED_API_VERSIONS = ["2025-09"] as const;
export const CURRENT_API_VERSION = SUPPORTED_API_VERSIONS[0];

export type TRunEventBody = { event: string; userId: string; data: Record<string, unknown> };

const typeName = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "an array" : typeof v === "object" ? "an object" : `a ${typeof v}`);

/** Checks the envelope { event, userId, data }; every problem is named with its pointer. */
export function parseRunEventBody(body: unknown): TRunEventBody {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new AppError("invalid_request", {
      message: `The body must be a JSON object { "event", "userId", "data" }, not ${typeName(body)}.`,
      details: [{ path: "", message: "must be an object", keyword: "type" }],
    });
  }
  const record = body as Record<string, unknown>;
  const errors: TFieldError[] = [];
  for (const field of ["event", "userId"] as const) {
    const value = record[field];
    if (value === undefined) errors.push({ path: `/${field}`, message: `${field} is required`, keyword: "required" });
    else if (typeof value !== "string") errors.push({ path: `/${field}`, message: `${field} must be a string, not ${typeName(value)}`, keyword: "type" });
    else if (!value.trim()) errors.push({ path: `/${field}`, message: `${field} must not be empty`, keyword: "minLength" });
    else if (value.length > 255) errors.push({ path: `/${field}`, message: `${field} must be at most 255 characters`, keyword: "maxLength" });
    else if (isUnstorableText(value)) {
      errors.push({ path: `/${field}`, message: `${field} must not contain a NUL character or an unpaired surrogate`, keyword: "pattern" });
    }
  }
  const data = record.data;
  if (data === undefined) errors.push({ path: "/data", message: "data is required", keyword: "required" });
  else if (data === null || typeof data !== "object" || Array.isArray(data)) {
    errors.push({ path: "/data", message: `data must be an object, not ${typeName(data)}`, keyword: "type" });
  }
  if (errors.length) {
    throw new AppError("invalid_request", { message: `Fix the request body: ${errors.map((e) => e.message).join("; ")}.`, details: errors });
  }
  return { event: record.event as string, userId: record.userId as string, data: data as Record<string, unknown> };
}

export function checkApiVersion(header: string | null): string {
  if (header === null || header.trim() === "") return CURRENT_API_VERSION;
  const version = header.trim();
  if (!(SUPPORTED_API_VERSIONS as readonly string[]).includes(version)) {
    throw new AppError("unsupported_api_version", {
      message: `x-api-version "${version.slice(0, 50)}" is not supported. Supported versions: ${SUPPORTED_API_VERSIONS.join(", ")}.`,
    });
  }
  return version;
}

export function parseIdempotencyKey(header: string | null): string | undefined {
  if (header === null) return undefined;
  const key = header.trim();
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw new AppError("invalid_request", {
      message: "Idempotency-Key must be 1-255 visible ASCII characters, e.g. a UUID.",
      details: [{ path: "/headers/idempotency-key", message: "must be 1-255 visible ASCII characters", keyword: "pattern" }],
    });
  }
  return key;
}
