import "server-only";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { NOTIFICATION_EVENT_TYPES, type TNotificationEventType, type TNotificationSettingsView } from "@/lib/notifications/schemas";

// The workspace's run notification settings, one AppSetting row:
// { url, enabled, events: ["run.succeeded", "run.failed"], secret: <AES-256-GCM sealed whsec_...> }.

export const RUN_NOTIFICATIONS_SETTING = "run_notifications";

export type TStoredNotificationSettings = {
  url: string;
  enabled: boolean;
  events: TNotificationEventType[];
  /** Sealed with ENCRYPTION_KEY; null before the first save. */
  secret: string | null;
};

/** Reads a stored value defensively: a hand-edited row must not break run completion. */
export function parseStoredNotificationSettings(value: unknown): TStoredNotificationSettings | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  return {
    url: typeof v.url === "string" ? v.url : "",
    enabled: v.enabled === true,
    events: Array.isArray(v.events) ? NOTIFICATION_EVENT_TYPES.filter((t) => (v.events as unknown[]).includes(t)) : [],
    secret: typeof v.secret === "string" && v.secret !== "" ? v.secret : null,
  };
}

export async function readStoredNotificationSettings(): Promise<TStoredNotificationSettings | null> {
  const row = await db().appSetting.findUnique({ where: { key: RUN_NOTIFICATIONS_SETTING } });
  return row ? parseStoredNotificationSettings(row.value) : null;
}

/** The settings for the admin app: URL, switch, events, and whether a signing secret exists. */
export async function getNotificationSettings(): Promise<TNotificationSettingsView> {
  const stored = await readStoredNotificationSettings();
  return {
    url: stored?.url ?? "",
    enabled: stored?.enabled ?? false,
    events: stored?.events ?? [...NOTIFICATION_EVENT_TYPES],
    secretSet: Boolean(stored?.secret),
  };
}

/** The decrypted whsec_ signing secret, for delivery only; null when none is stored or it cannot be decrypted. */
export function openNotificationSecret(stored: TStoredNotificationSettings | null): string | null {
  const key = env().ENCRYPTION_KEY;
  if (!stored?.secret || !key) return null;
  try {
    return decryptSecret(stored.secret, key);
  } catch {
    return null;
  }
}
