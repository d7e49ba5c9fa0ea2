import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";

// Zod's issue codes, said in JSON Schema's words, like the rest of the API's errors.
const KEYWORD: Record<string, string> = {
  invalid_type: "type",
  too_small: "minLength",
  too_big: "maxLength",
  invalid_format: "pattern",
  unrecognized_keys: "additionalProperties",
  invalid_value: "enum",
};

/** Parses an API body with a Zod schema; every problem becomes { path, message, keyword }. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    throw new AppError("invalid_request", { message: "The body must be a JSON object.", details: [{ path: "", message: "must be an object", keyword: "type" }] });
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({
    path: "/" + issue.path.map(String).join("/"),
    message: issue.message,
    keyword: KEYWORD[issue.code] ?? issue.code,
  }));
  throw new AppError("invalid_request", { message: `Fix the request body: ${details.map((d) => d.message).join("; ")}.`, details });
}

/** page / pageSize query parameters, validated. */
export function parsePagination(params: URLSearchParams, defaultSize = 50) {
  const page = Number(params.get("page") ?? 1);
  const pageSize = Number(params.get("pageSize") ?? defaultSize);
  if (!Number.isInteger(page) || page < 1) throw new AppError("bad_request", { message: "page must be a whole number of 1 or more." });
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) {
    throw new AppError("bad_request", { message: "pageSize must be a whole number from 1 to 100." });
  }
  return { page, pageSize };
}
