import { parseRetryAfter } from "./retry";
import { StepError } from "./step-error";
import type { TIncomingResponse, TStepError } from "./types";

// Reading HTTP answers the same way in every connector: which statuses are worth another
// attempt, how Retry-After is read, and how an error body becomes one readable sentence.

const STATUS_TEXT: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  408: "Request Timeout",
  409: "Conflict",
  410: "Gone",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** "HTTP 503 Service Unavailable" */
export function describeStatus(status: number): string {
  const text = STATUS_TEXT[status];
  return text ? `HTTP ${status} ${text}` : `HTTP ${status}`;
}

/** 408, 429 and 5xx: the server may well answer differently later. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

export function isSuccessStatus(status: number): boolean {
  return status >= 200 && status < 300;
}

export function header(response: Pick<TIncomingResponse, "headers">, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(response.headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

export function retryAfterMsOf(response: TIncomingResponse, now: Date = new Date()): number | undefined {
  return parseRetryAfter(header(response, "retry-after"), now);
}

export function parseJson(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The start of a body for an error message: one line, no HTML pages. */
export function bodySnippet(body: string, maxLength = 300): string {
  const text = body.trim();
  if (text === "") return "";
  if (/^<(!doctype|html|\?xml)/i.test(text)) return "";
  const line = text.replace(/\s+/g, " ");
  return line.length > maxLength ? `${line.slice(0, maxLength)}…` : line;
}

/** A failed answer of a plain HTTP endpoint as a step error ("The server answered HTTP 404 Not Found: ..."). */
export function httpStatusError(options: { response: TIncomingResponse; subject: string; now?: Date }): TStepError {
  const { response, subject } = options;
  const snippet = bodySnippet(response.body);
  const error: TStepError = {
    message: `${subject} answered ${describeStatus(response.status)}${snippet ? `: ${snippet}` : "."}`,
    code: "http_error",
    retryable: isRetryableStatus(response.status),
    httpStatus: response.status,
    details: { status: response.status, body: response.body.slice(0, 4096) },
  };
  const retryAfterMs = retryAfterMsOf(response, options.now);
  if (retryAfterMs !== undefined) error.retryAfterMs = retryAfterMs;
  return error;
}

/** The URL of an http(s) request, normalised; a StepError for anything else. */
export function checkHttpUrl(url: unknown): string {
  if (typeof url !== "string" || url.trim() === "") throw new StepError("validation_failed", "url is required.");
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new StepError("validation_failed", `"${url}" is not a URL.`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new StepError("validation_failed", `"${url}" is not an http:// or https:// URL.`);
  }
  return parsed.toString();
}
