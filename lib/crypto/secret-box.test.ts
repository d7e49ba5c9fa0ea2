import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptJson, decryptSecret, encryptJson, encryptSecret } from "@/lib/crypto/secret-box";

const key = randomBytes(32).toString("base64");

describe("secret box", () => {
  it("round-trips and never stores the plaintext", () => {
    const sealed = encryptSecret("token-secret-123", key);
    expect(sealed).not.toContain("token-secret-123");
    expect(decryptSecret(sealed, key)).toBe("token-secret-123");
    expect(decryptJson(encryptJson({ a: 1 }, key), key)).toEqual({ a: 1 });
  });

  it("uses a fresh IV, so equal secrets do not look equal", () => {
    expect(encryptSecret("same", key)).not.toBe(encryptSecret("same", key));
  });

  it("refuses a wrong key and a tampered value", () => {
    const sealed = encryptSecret("secret", key);
    expect(() => decryptSecret(sealed, randomBytes(32).toString("base64"))).toThrow();
    const parts = sealed.split(".");
    parts[3] = Buffer.from("tampered").toString("base64url");
    expect(() => decryptSecret(parts.join("."), key)).toThrow();
  });
});
