/**
 * A random key for one submission of a form. crypto.randomUUID exists only in secure contexts
 * (https, localhost); an admin app reached over plain http on a LAN still needs a key.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
