import "server-only";
import { timingSafeEqual } from "node:crypto";
import { db } from "@/lib/db";
import { hashApiKey } from "@/lib/api-keys/api-key-format";
import { throttledWrite } from "@/lib/db/throttled-write";
import { AppError } from "@/lib/errors/app-error";

// Every public API request authenticates a key, so lookups are cached briefly in memory
// (revocation in this process clears the entry at once; other processes see it within
// CACHE_TTL_MS) and lastUsedAt is written at most once a minute per key.

const CACHE_TTL_MS = 10_000;

export type TAuthenticatedKey = { id: string; name: string };
type TCached = { key: (TAuthenticatedKey & { keyHash: string }) | null; expires: number };

const globalForKeys = globalThis as unknown as { apiKeyCache?: Map<string, TCached> };
const cache = (globalForKeys.apiKeyCache ??= new Map());
const noteUsed = throttledWrite("apiKeyLastUsed", 60_000);

export const INVALID_KEY_MESSAGE =
  "Missing, unknown or revoked API key. Send it as `Authorization: bearer <key>`; create keys under API keys in the admin app.";

function unauthenticated(): never {
  throw new AppError("unauthenticated", { message: INVALID_KEY_MESSAGE });
}

/** Parses `Authorization: Bearer <key>` (scheme in any case). */
export function bearerToken(header: string | null): string | null {
  const match = header?.match(/^\s*bearer\s+(\S+)\s*$/i);
  return match ? match[1]! : null;
}

export async function authenticateApiKey(authorization: string | null): Promise<TAuthenticatedKey> {
  const secret = bearerToken(authorization);
  if (!secret || secret.length > 200) unauthenticated();
  const keyHash = hashApiKey(secret);
  const now = Date.now();
  let entry = cache.get(keyHash);
  if (!entry || entry.expires < now) {
    const row = await db().apiKey.findUnique({ where: { keyHash }, select: { id: true, name: true, keyHash: true, revokedAt: true } });
    entry = { key: row && !row.revokedAt ? { id: row.id, name: row.name, keyHash: row.keyHash } : null, expires: now + CACHE_TTL_MS };
    if (cache.size > 10_000) cache.clear();
    cache.set(keyHash, entry);
  }
  const key = entry.key;
  // The lookup is by hash already; comparing the hashes in constant time keeps it that way.
  if (!key || !timingSafeEqual(Buffer.from(key.keyHash), Buffer.from(keyHash))) unauthenticated();

  noteUsed(key.id, (at) => db().apiKey.update({ where: { id: key.id }, data: { lastUsedAt: at } }));
  return { id: key.id, name: key.name };
}

export function forgetApiKey(keyHash: string) {
  cache.delete(keyHash);
}
