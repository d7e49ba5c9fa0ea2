import "server-only";
import { HTTP_METHODS, HTTP_REQUEST } from "./catalog";
import { checkHttpUrl, header, httpStatusError, isSuccessStatus, parseJson } from "./http-response";
import { StepError } from "./step-error";
import type { TActionResult, TCallContext, TConnectorAction, TIncomingResponse, TOutgoingRequest } from "./types";

// http.request: one request with the method, URL, headers, query and JSON body the mapping gives.

export const MAX_OUTPUT_TEXT_BYTES = 64 * 1024;

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// The HTTP client sets these itself; a mapped value would be wrong or refused.
const MANAGED_HEADERS = new Set(["host", "content-length", "connection", "transfer-encoding", "keep-alive", "upgrade", "expect"]);

type THttpMethod = (typeof HTTP_METHODS)[number];

function readStringMap(value: unknown, name: "headers" | "query"): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (typeof value !== "object" || Array.isArray(value)) throw new StepError("validation_failed", `${name} must be an object of strings.`);
  const result: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined || item === null) continue;
    if (typeof item === "object") throw new StepError("validation_failed", `${name}.${key} must be a string.`);
    result[key] = String(item);
  }
  return result;
}

function buildRequest(input: unknown, context: TCallContext): TOutgoingRequest {
  void context;
  if (typeof input !== "object" || input === null || Array.isArray(input)) throw new StepError("validation_failed", "The request must be a JSON object.");
  const fields = input as { method?: unknown; url?: unknown; headers?: unknown; query?: unknown; body?: unknown };
  const method = (typeof fields.method === "string" && fields.method.trim() !== "" ? fields.method.trim().toUpperCase() : "POST") as THttpMethod;
  if (!HTTP_METHODS.includes(method)) throw new StepError("validation_failed", `method must be one of ${HTTP_METHODS.join(", ")}.`);
  const url = new URL(checkHttpUrl(fields.url));
  for (const [name, value] of Object.entries(readStringMap(fields.query, "query"))) url.searchParams.append(name, value);

  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(readStringMap(fields.headers, "headers"))) {
    if (!HEADER_NAME.test(name)) throw new StepError("validation_failed", `"${name}" is not a valid header name.`);
    if (/[\r\n\0]/.test(value)) throw new StepError("validation_failed", `The ${name} header's value has a line break.`);
    if (MANAGED_HEADERS.has(name.toLowerCase())) continue;
    headers[name] = value;
  }

  const request: TOutgoingRequest = { method, url: url.toString(), headers };
  if (fields.body === undefined) return request;
  if (method === "GET") throw new StepError("validation_failed", "A GET request has no body; remove the body mapping or use another method.");
  const contentType = header({ headers }, "content-type");
  if (typeof fields.body === "string" && contentType && !/json/i.test(contentType)) {
    request.body = fields.body;
  } else {
    request.body = JSON.stringify(fields.body);
    if (!contentType) headers["Content-Type"] = "application/json";
  }
  return request;
}

function truncateText(text: string): string {
  const bytes = Buffer.from(text, "utf8");
  return bytes.length <= MAX_OUTPUT_TEXT_BYTES ? text : bytes.subarray(0, MAX_OUTPUT_TEXT_BYTES).toString("utf8");
}

function readBody(response: TIncomingResponse): unknown {
  const contentType = header(response, "content-type") ?? "";
  if (response.body === "") return null;
  if (/[/+]json\b/i.test(contentType)) {
    const parsed = parseJson(response.body);
    if (parsed !== undefined) return parsed;
  }
  return truncateText(response.body);
}

function parseResponse(response: TIncomingResponse, request: TOutgoingRequest, context: TCallContext): TActionResult {
  if (!isSuccessStatus(response.status)) {
    const host = new URL(request.url).host;
    return { ok: false, error: httpStatusError({ response, subject: host, now: context.now?.() }) };
  }
  const headers: Record<string, string> = {};
  for (const name of ["content-type", "location"]) {
    const value = header(response, name);
    if (value !== undefined) headers[name] = value;
  }
  return { ok: true, httpStatus: response.status, output: { status: response.status, headers, body: readBody(response) } };
}

export const httpRequest: TConnectorAction = { ...HTTP_REQUEST, buildRequest, parseResponse };
