import "server-only";
import { AppError } from "@/lib/errors/app-error";

// A token bucket per API key, per process: with N app processes a key may get up to N times
// the limit. Good enough to stop a runaway client; a shared limit would need the database on
// every request, which the hot path avoids.

type TBucket = { tokens: number; updated: number };
const buckets = new Map<string, TBucket>();

export function takeRateLimitToken(keyId: string, perMinute: number, now = Date.now()) {
  if (perMinute <= 0) return;
  const refillPerMs = perMinute / 60_000;
  const bucket = buckets.get(keyId) ?? { tokens: perMinute, updated: now };
  bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.updated) * refillPerMs);
  bucket.updated = now;
  buckets.set(keyId, bucket);
  if (bucket.tokens < 1) {
    const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000));
    throw new AppError("rate_limited", { message: `This API key is over its limit of ${perMinute} requests per minute. Retry after ${retryAfter} s.`, retryAfter });
  }
  bucket.tokens -= 1;
}
