import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY, MAX_RETRY_AFTER_MS, nextRetryDelayMs, parseRetryAfter, shouldRetry } from "@/lib/connectors/retry";

const policy = { maxAttempts: 5, initialDelaySeconds: 2, maxDelaySeconds: 300 };

describe("nextRetryDelayMs", () => {
  it("defaults to 5 attempts, 2 s doubling, at most 5 minutes", () => {
    expect(DEFAULT_RETRY).toEqual({ maxAttempts: 5, initialDelaySeconds: 2, maxDelaySeconds: 300 });
  });

  it.each([
    [1, 2_000],
    [2, 4_000],
    [3, 8_000],
    [8, 256_000],
    [9, 300_000],
    [40, 300_000],
    [5000, 300_000],
  ])("after attempt %i waits at most %i ms (the exponential ceiling, capped)", (attempt, ceiling) => {
    expect(nextRetryDelayMs({ attempt, policy, random: () => 0.999999999 })).toBe(ceiling - 1);
    expect(nextRetryDelayMs({ attempt, policy, random: () => 0 })).toBe(0);
    expect(nextRetryDelayMs({ attempt, policy, random: () => 0.5 })).toBe(ceiling / 2);
  });

  it("spreads delays over the whole range (full jitter)", () => {
    const delays = Array.from({ length: 2_000 }, () => nextRetryDelayMs({ attempt: 3, policy }));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...delays)).toBeLessThanOrEqual(8_000);
    // With 2,000 uniform samples, both quarters of the range are hit.
    expect(delays.some((d) => d < 2_000)).toBe(true);
    expect(delays.some((d) => d > 6_000)).toBe(true);
  });

  it("never waits less than Retry-After", () => {
    expect(nextRetryDelayMs({ attempt: 1, policy, retryAfterMs: 30_000, random: () => 0.5 })).toBe(30_000);
    // The jittered backoff wins when it is longer.
    expect(nextRetryDelayMs({ attempt: 9, policy, retryAfterMs: 1_000, random: () => 0.5 })).toBe(150_000);
  });

  it("lets Retry-After exceed the policy's maximum, up to one hour", () => {
    expect(nextRetryDelayMs({ attempt: 1, policy, retryAfterMs: 900_000, random: () => 0.5 })).toBe(900_000);
    expect(nextRetryDelayMs({ attempt: 1, policy, retryAfterMs: 86_400_000, random: () => 0.5 })).toBe(MAX_RETRY_AFTER_MS);
  });

  it("uses the default policy when none is given", () => {
    expect(nextRetryDelayMs({ attempt: 2, random: () => 0.5 })).toBe(2_000);
  });
});

describe("shouldRetry", () => {
  it("retries retryable failures while attempts are left", () => {
    expect(shouldRetry({ attempt: 1, policy, retryable: true })).toBe(true);
    expect(shouldRetry({ attempt: 4, policy, retryable: true })).toBe(true);
    expect(shouldRetry({ attempt: 5, policy, retryable: true })).toBe(false);
    expect(shouldRetry({ attempt: 1, policy, retryable: false })).toBe(false);
    expect(shouldRetry({ attempt: 1, policy: { ...policy, maxAttempts: 1 }, retryable: true })).toBe(false);
  });
});

describe("parseRetryAfter", () => {
  const now = new Date("2026-01-01T00:00:00Z");

  it.each([
    ["120", 120_000],
    [" 0 ", 0],
    ["Thu, 01 Jan 2026 00:01:30 GMT", 90_000],
    ["Wed, 31 Dec 2025 23:00:00 GMT", 0],
  ])("reads %j as %i ms", (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });

  it.each([[undefined], [null], [""], ["soon"], ["-5"], ["1.5"], ["2026-01-01"], ["12 apples"]])("ignores %j", (value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});
