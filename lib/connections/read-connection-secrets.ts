import "server-only";
import { decryptJson, encryptJson } from "@/lib/crypto/secret-box";
import { env } from "@/lib/env";

// Sealing and opening a connection's `secrets` column (AES-256-GCM under ENCRYPTION_KEY).

function encryptionKey(): string {
  const key = env().ENCRYPTION_KEY;
  if (!key) throw new Error("ENCRYPTION_KEY is not set; start the app with `npm start`, which generates one.");
  return key;
}

export function sealConnectionSecrets(secrets: Record<string, string>): string {
  return encryptJson(secrets, encryptionKey());
}

/** The decrypted secrets of a stored connection, or null when they cannot be decrypted (the key changed). */
export function readConnectionSecrets(sealed: string): Record<string, string> | null {
  const key = encryptionKey();
  try {
    const value = decryptJson<unknown>(sealed, key);
    if (!value || typeof value !== "object" || Array.isArray(value)) return null;
    return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"));
  } catch {
    return null;
  }
}
