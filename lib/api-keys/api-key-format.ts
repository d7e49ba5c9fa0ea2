import { createHash, randomBytes } from "node:crypto";

// Keys look like ce_live_<43 base64url chars>: recognisable in logs and secret scanners, 256
// bits of entropy. Only the SHA-256 hash is stored: a fast hash is right for a high-entropy
// random secret (nothing to brute-force), and it lets a request find its key in one lookup.

export const API_KEY_PREFIX = "ce_live_";
const KEY_PATTERN = /^ce_live_[A-Za-z0-9_-]{43}$/;

export function generateApiKeySecret(): string {
  return API_KEY_PREFIX + randomBytes(32).toString("base64url");
}

export function hashApiKey(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** The part shown in lists to tell keys apart: ce_live_ plus four characters. */
export function displayPrefix(secret: string): string {
  return secret.slice(0, API_KEY_PREFIX.length + 4);
}

export function looksLikeApiKey(secret: string): boolean {
  return KEY_PATTERN.test(secret);
}
