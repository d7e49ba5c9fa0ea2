import type { TOutgoingRequest } from "./types";

// Secrets never reach the run page, the database or the logs: requests and step inputs/outputs
// pass through here before they are stored or shown. Client-safe (no node modules), so the
// preview and the run page can use the same rule.

export const REDACTED = "[redacted]";

const SENSITIVE_NAME = /secret|token|password|passwd|authorization|signature|api[-_]?key|cookie|credential|private[-_]?key/i;

/** Values that are secrets whatever their field is called (webhook secrets, this product's API keys). */
const SENSITIVE_VALUE = /^(whsec_|ce_live_)/;

export function isSensitiveName(name: string): boolean {
  return SENSITIVE_NAME.test(name);
}

/** A deep copy with every object key that names a secret replaced by "[redacted]". */
export function redactSecrets<T>(value: T): T {
  return redactValue(value, 0) as T;
}

function redactValue(value: unknown, depth: number): unknown {
  if (typeof value === "string") return SENSITIVE_VALUE.test(value) ? REDACTED : value;
  if (value === null || typeof value !== "object" || depth > 64) return value;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = isSensitiveName(key) && item !== null && item !== undefined && item !== "" ? REDACTED : redactValue(item, depth + 1);
  }
  return copy;
}

/** A copy of the request safe to store and show: secret headers, query parameters and body fields redacted. */
export function redactRequest(request: TOutgoingRequest): TOutgoingRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    headers[name] = isSensitiveName(name) ? redactHeaderValue(name, value) : SENSITIVE_VALUE.test(value) ? REDACTED : value;
  }
  const redacted: TOutgoingRequest = { method: request.method, url: redactUrl(request.url), headers };
  if (request.body !== undefined) redacted.body = redactBody(request.body);
  return redacted;
}

function redactHeaderValue(name: string, value: string): string {
  if (name.toLowerCase() !== "authorization") return REDACTED;
  const scheme = /^(\S+)\s/.exec(value)?.[1];
  if (scheme?.toLowerCase() === "oauth") return redactOAuthHeader(value);
  return scheme ? `${scheme} ${REDACTED}` : REDACTED;
}

// The non-secret OAuth parameters (realm, nonce, timestamp, method) help to debug a refused
// signature; keys, token and signature do not belong on a screen.
const OAUTH_PUBLIC_PARAMS = new Set(["realm", "oauth_nonce", "oauth_timestamp", "oauth_signature_method", "oauth_version"]);

function redactOAuthHeader(value: string): string {
  const params = [...value.matchAll(/([A-Za-z0-9_]+)="([^"]*)"/g)];
  if (params.length === 0) return `OAuth ${REDACTED}`;
  return `OAuth ${params.map(([, name, v]) => `${name}="${OAUTH_PUBLIC_PARAMS.has(name!) ? v : REDACTED}"`).join(", ")}`;
}

function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  let changed = false;
  if (parsed.password) {
    parsed.password = "redacted";
    changed = true;
  }
  for (const name of new Set(parsed.searchParams.keys())) {
    if (!isSensitiveName(name)) continue;
    parsed.searchParams.set(name, REDACTED);
    changed = true;
  }
  return changed ? parsed.toString() : url;
}

function redactBody(body: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return body;
  }
  const redacted = redactSecrets(parsed);
  const text = JSON.stringify(redacted);
  // Keep the exact text sent unless something had to go.
  return text === JSON.stringify(parsed) ? body : text;
}
