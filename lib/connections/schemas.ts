import { z } from "zod";
import { isHttpUrl } from "@/lib/http/is-http-url";
import type { TConnectorField } from "@/lib/connectors/types";
import { CONNECTION_KINDS, type TConnectableConnector } from "@/lib/connections/connection-fields";

// Input schemas for an end user's Connection, shared by saveConnection and the connection form
// (house style 12). Client-safe. The form holds { name, ...one string per connection field };
// on update a secret field may be left blank, which keeps the stored secret.

export type TConnectionMode = "create" | "update";

/** The form's values: the connection's name plus one string per connection field. */
export type TConnectionFormValues = { name: string } & Record<string, string>;

const MAX_VALUE_LENGTH = 4096;

export const ZConnectionName = z
  .string({ error: "Enter a name for this connection." })
  .trim()
  .min(1, { error: "Enter a name for this connection." })
  .max(100, { error: "Use at most 100 characters for the name." });

// NetSuite account ids: digits (or letters and digits, e.g. TSTDRV1234567 test drives), sandboxes
// and release previews with a suffix. The REST host spells it 1234567-sb1 and
// the OAuth realm 1234567_SB1; both are accepted and stored in the realm's spelling.
const NETSUITE_ACCOUNT_ID = /^[a-z0-9]+(?:[_-](?:sb|rp)\d*)?$/i;
const WEBHOOK_SECRET = /^whsec_([A-Za-z0-9+/]+={0,2})$/;

function base64ByteLength(text: string): number {
  const padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  return Math.floor((text.length * 3) / 4) - padding;
}

/** Format checks for non-empty values, by field key; the message names the expected shape. */
const FORMATS: Record<string, { check: (value: string) => boolean; message: (label: string) => string }> = {
  accountId: {
    check: (v) => NETSUITE_ACCOUNT_ID.test(v),
    message: (label) => `${label} looks like 1234567, TSTDRV1234567, or 1234567_SB1 for a sandbox account.`,
  },
  baseUrl: {
    check: isHttpUrl,
    message: (label) => `${label} must be an http(s) URL, like https://1234567.suitetalk.api.netsuite.com.`,
  },
  signingSecret: {
    check: (v) => {
      const match = WEBHOOK_SECRET.exec(v);
      if (!match || match[1]!.length % 4 !== 0) return false;
      const bytes = base64ByteLength(match[1]!);
      return bytes >= 24 && bytes <= 64;
    },
    message: (label) => `${label} must be whsec_ followed by 24-64 base64-encoded bytes, like whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw.`,
  },
};

function noun(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}

function fieldSchema(field: TConnectorField, mode: TConnectionMode) {
  const required = field.required && !(field.secret && mode === "update");
  const format = FORMATS[field.key];
  let schema = z
    .string({ error: required ? `Enter the ${noun(field.label)}.` : `${field.label} must be text.` })
    .trim()
    .max(MAX_VALUE_LENGTH, { error: `${field.label} is at most ${MAX_VALUE_LENGTH} characters.` });
  if (required) schema = schema.min(1, { error: `Enter the ${noun(field.label)}.` });
  if (format) schema = schema.refine((v) => v === "" || format.check(v), { error: format.message(field.label) });
  return required ? schema : schema.optional();
}

/** The schema of a connection form for one connector: create requires every required field; update lets secrets stay blank. */
export function connectionInputSchema(connector: TConnectableConnector, mode: TConnectionMode) {
  const shape: Record<string, z.ZodType<string | undefined>> = {};
  for (const field of CONNECTION_KINDS[connector].fields) shape[field.key] = fieldSchema(field, mode);
  return z.object({ name: ZConnectionName, ...shape });
}

/** Stored spellings: NetSuite account ids as the OAuth realm (1234567_SB1), URLs without a trailing slash. */
export function normalizeConnectionValue(key: string, value: string): string {
  if (key === "accountId") return value.toUpperCase().replace("-", "_");
  if (key === "baseUrl") return value.replace(/\/+$/, "");
  return value;
}

export const ZSaveConnectionInput = z.object({
  endUserId: z.uuid({ error: "endUserId must be an end user's id." }),
  connector: z.string({ error: "Pick a connector." }).min(1, { error: "Pick a connector." }),
  name: z.string({ error: "Enter a name for this connection." }),
  values: z.record(z.string(), z.string({ error: "Connection values must be text." })),
});
export type TSaveConnectionInput = z.input<typeof ZSaveConnectionInput>;
