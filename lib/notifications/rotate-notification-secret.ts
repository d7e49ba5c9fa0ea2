import "server-only";
import type { TActor } from "@/lib/auth/actor";
import { logger } from "@/lib/logger";
import { sealNotificationSecret, updateNotificationSettings } from "@/lib/notifications/save-notification-settings";
import { NOTIFICATION_EVENT_TYPES } from "@/lib/notifications/schemas";
import { generateWebhookSecret } from "@/lib/connectors/standard-webhooks";

/**
 * Replaces the signing secret and returns the new one, shown once. Deliveries still being
 * retried are signed with the new secret from their next attempt on.
 */
export async function rotateNotificationSecret({ actor }: { actor: TActor }): Promise<{ secret: string }> {
  const secret = generateWebhookSecret();
  await updateNotificationSettings((stored) => ({
    url: stored?.url ?? "",
    enabled: stored?.enabled ?? false,
    events: stored?.events ?? [...NOTIFICATION_EVENT_TYPES],
    secret: sealNotificationSecret(secret),
  }));
  logger().info({ actor: actor.name }, "run notification secret rotated");
  return { secret };
}
