import type { TRetryPolicy } from "@/lib/mapping/types";

// When to try a failed step again. Exponential backoff with full jitter (a random delay between
// 0 and the exponential ceiling) spreads the retries of many runs that failed together, e.g.
// when NetSuite had a minute of 503s, instead of sending them all back at the same second.

export const DEFAULT_RETRY: TRetryPolicy = { maxAttempts: 5, initialDelaySeconds: 2, maxDelaySeconds: 300 };

/** A step's call gives up after this many seconds unless the step says otherwise. */
export const DEFAULT_STEP_TIMEOUT_SECONDS = 30;

/** A server's Retry-After is honoured up to this; beyond it the step waits an hour. */
export const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

/**
 * Milliseconds to wait before the next attempt.
 * `attempt` is the number of the attempt that just failed (1 = the first one).
 */
export function nextRetryDelayMs(options: {
  attempt: number;
  policy?: TRetryPolicy;
  /** From the failed response's Retry-After. */
  retryAfterMs?: number;
  /** [0, 1); Math.random when absent. */
  random?: () => number;
}): number {
  const policy = options.policy ?? DEFAULT_RETRY;
  const random = options.random ?? Math.random;
  const attempt = Math.max(1, Math.floor(options.attempt));
  const initialMs = Math.max(0, policy.initialDelaySeconds) * 1000;
  const maxMs = Math.max(0, policy.maxDelaySeconds) * 1000;
  // 2 ** 60 is already far past any cap; clamping the exponent keeps the arithmetic finite.
  const ceilingMs = Math.min(maxMs, initialMs * 2 ** Math.min(attempt - 1, 60));
  const jittered = Math.floor(Math.min(Math.max(random(), 0), 1) * ceilingMs);
  if (options.retryAfterMs === undefined || !Number.isFinite(options.retryAfterMs)) return jittered;
  const retryAfterMs = Math.min(Math.max(0, Math.ceil(options.retryAfterMs)), MAX_RETRY_AFTER_MS);
  return Math.max(jittered, retryAfterMs);
}

/** True when a failed attempt should be followed by another one. */
export function shouldRetry(options: { attempt: number; policy?: TRetryPolicy; retryable: boolean }): boolean {
  const policy = options.policy ?? DEFAULT_RETRY;
  return options.retryable && options.attempt < policy.maxAttempts;
}

/**
 * Retry-After (RFC 9110 10.2.3) in milliseconds from `now`: delay-seconds or an HTTP-date.
 * Undefined when absent or unreadable; 0 for a date in the past.
 */
export function parseRetryAfter(headerValue: string | null | undefined, now: Date | number = Date.now()): number | undefined {
  if (headerValue === null || headerValue === undefined) return undefined;
  const value = headerValue.trim();
  if (value === "") return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // Only dates that look like HTTP-dates; Date.parse alone would also read "5" or "2026".
  if (!/[a-z]/i.test(value)) return undefined;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  const nowMs = typeof now === "number" ? now : now.getTime();
  return Math.max(0, at - nowMs);
}
