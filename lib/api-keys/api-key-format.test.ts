import { describe, expect, it } from "vitest";
import { displayPrefix, generateApiKeySecret, hashApiKey, looksLikeApiKey } from "./api-key-format";

describe("API key format", () => {
  it("generates distinct, recognisable keys", () => {
    const a = generateApiKeySecret();
    const b = generateApiKeySecret();
    expect(a).not.toBe(b);
    expect(looksLikeApiKey(a)).toBe(true);
    expect(a).toMatch(/^ce_live_[A-Za-z0-9_-]{43}$/);
    expect(displayPrefix(a)).toBe(a.slice(0, 12));
  });

  it("hashes deterministically without containing the secret", () => {
    const key = generateApiKeySecret();
    expect(hashApiKey(key)).toBe(hashApiKey(key));
    expect(hashApiKey(key)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiKey(key)).not.toContain(key.slice(8));
  });

  it.each(["", "ce_live_short", "sk_live_" + "a".repeat(43), "ce_live_" + "a".repeat(42) + "!"])("rejects %s", (value) => {
    expect(looksLikeApiKey(value)).toBe(false);
  });
});
