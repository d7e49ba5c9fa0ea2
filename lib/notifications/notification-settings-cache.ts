import "server-only";
import { parseStoredNotificationSettings, RUN_NOTIFICATIONS_SETTING, type TStoredNotificationSettings } from "@/lib/notifications/get-notification-settings";

// Every finished run asks whether to notify, inside the transaction that finishes it; with
// notifications off that must cost nothing. The settings are kept for a few seconds per process
// (on globalThis, so the launcher's and Next's copies of lib/ share them); a save in this
// process clears them at once, other processes see it within the TTL.

export const SETTINGS_CACHE_TTL_MS = 5_000;

export type TQueryable = { query(text: string, values?: unknown[]): Promise<{ rows: any[] }> }; // eslint-disable-line @typescript-eslint/no-explicit-any

const globalForSettings = globalThis as unknown as {
  customEventsNotificationSettings?: { value: TStoredNotificationSettings | null; expiresAt: number };
};

export async function cachedNotificationSettings(client: TQueryable): Promise<TStoredNotificationSettings | null> {
  const cached = globalForSettings.customEventsNotificationSettings;
  if (cached && cached.expiresAt > Date.now()) return cached.value;
  const { rows } = await client.query(`SELECT value FROM app_settings WHERE key = $1`, [RUN_NOTIFICATIONS_SETTING]);
  const value = rows[0] ? parseStoredNotificationSettings(rows[0].value) : null;
  globalForSettings.customEventsNotificationSettings = { value, expiresAt: Date.now() + SETTINGS_CACHE_TTL_MS };
  return value;
}

export function invalidateNotificationSettingsCache() {
  globalForSettings.customEventsNotificationSettings = undefined;
}
