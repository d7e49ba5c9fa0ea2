import "server-only";
import type { TActor } from "@/lib/auth/actor";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";
import {
  getNotificationSettings,
  parseStoredNotificationSettings,
  RUN_NOTIFICATIONS_SETTING,
  type TStoredNotificationSettings,
} from "@/lib/notifications/get-notification-settings";
import { invalidateNotificationSettingsCache } from "@/lib/notifications/notification-settings-cache";
import { ZNotificationSettingsInput, type TNotificationSettingsInput, type TNotificationSettingsView } from "@/lib/notifications/schemas";
import { generateWebhookSecret } from "@/lib/connectors/standard-webhooks";

export function sealNotificationSecret(secret: string): string {
  const key = env().ENCRYPTION_KEY;
  if (!key) throw new Error("ENCRYPTION_KEY is not set; start the app with `npm start`, which generates one.");
  return encryptSecret(secret, key);
}

/**
 * Reads, changes and writes the settings row under a lock, so two admins saving at once cannot
 * both generate a secret and show one that is then overwritten.
 */
export async function updateNotificationSettings(
  change: (stored: TStoredNotificationSettings | null) => TStoredNotificationSettings,
): Promise<TStoredNotificationSettings> {
  const next = await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(72707372)`;
    const row = await tx.appSetting.findUnique({ where: { key: RUN_NOTIFICATIONS_SETTING } });
    const value = change(row ? parseStoredNotificationSettings(row.value) : null);
    const json = value as unknown as Prisma.InputJsonObject;
    await tx.appSetting.upsert({ where: { key: RUN_NOTIFICATIONS_SETTING }, create: { key: RUN_NOTIFICATIONS_SETTING, value: json }, update: { value: json } });
    return value;
  });
  invalidateNotificationSettingsCache();
  return next;
}

/**
 * Saves the URL, the switch and the events. The first save generates the signing secret and
 * returns it: that is the only time it is shown (rotateNotificationSecret makes a new one).
 */
export async function saveNotificationSettings({
  actor,
  input,
}: {
  actor: TActor;
  input: TNotificationSettingsInput;
}): Promise<{ settings: TNotificationSettingsView; secret: string | null }> {
  const parsed = ZNotificationSettingsInput.safeParse(input);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ path: `/${i.path.map(String).join("/")}`, message: i.message, keyword: i.code }));
    throw new AppError("validation_failed", { message: details.map((d) => d.message).join(" "), details });
  }
  const { url, enabled, events } = parsed.data;
  let secret: string | null = null;
  await updateNotificationSettings((stored) => {
    secret = stored?.secret ? null : generateWebhookSecret();
    return { url, enabled, events: [...new Set(events)], secret: secret ? sealNotificationSecret(secret) : stored!.secret };
  });
  logger().info({ enabled, events, actor: actor.name }, "run notification settings saved");
  return { settings: await getNotificationSettings(), secret };
}
