import "server-only";
import { createHmac, randomBytes } from "node:crypto";

// Standard Webhooks signing (https://www.standardwebhooks.com): HMAC-SHA256 over
// "{id}.{timestamp}.{body}" keyed with the base64-decoded part of a "whsec_" secret, sent as
// "v1,<base64>". Used by webhook.send and by run notifications.

const SECRET_PREFIX = "whsec_";

export type TStandardWebhookHeaders = {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
};

/** A new secret: "whsec_" + 32 random bytes in base64. */
export function generateWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString("base64")}`;
}

/** The key bytes of a secret; throws when it is not "whsec_" (optional) followed by base64. */
export function webhookSecretKey(secret: string): Buffer {
  const encoded = secret.trim().startsWith(SECRET_PREFIX) ? secret.trim().slice(SECRET_PREFIX.length) : secret.trim();
  if (encoded === "" || !/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) {
    throw new Error('A webhook signing secret is "whsec_" followed by base64.');
  }
  return Buffer.from(encoded, "base64");
}

export function isValidWebhookSecret(secret: string): boolean {
  try {
    return webhookSecretKey(secret).length > 0;
  } catch {
    return false;
  }
}

/** The three headers of a signed message. `timestamp` is a Date or unix seconds; `body` the exact text sent. */
export function signStandardWebhook(options: { id: string; timestamp: Date | number; body: string; secret: string }): Record<string, string> {
  const seconds = options.timestamp instanceof Date ? Math.floor(options.timestamp.getTime() / 1000) : Math.floor(options.timestamp);
  const signature = createHmac("sha256", webhookSecretKey(options.secret))
    .update(`${options.id}.${seconds}.${options.body}`)
    .digest("base64");
  const headers: TStandardWebhookHeaders = {
    "webhook-id": options.id,
    "webhook-timestamp": String(seconds),
    "webhook-signature": `v1,${signature}`,
  };
  return headers;
}
