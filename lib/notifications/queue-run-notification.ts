import "server-only";
import { cachedNotificationSettings, type TQueryable } from "@/lib/notifications/notification-settings-cache";
import type { TNotificationEventType } from "@/lib/notifications/schemas";

export const DELIVER_RUN_NOTIFICATION_TASK = "deliver_run_notification";
export const NOTIFICATION_MAX_ATTEMPTS = 25;

// One statement: the delivery row and its job, so both commit or roll back with the run's
// final status. graphile-worker retries a failed delivery with exponential backoff
// (exp(min(attempt, 10)) seconds apart), about four days over 25 attempts.
const QUEUE_SQL = `
  WITH notification AS (
    INSERT INTO run_notifications (id, "runId", type, url, status, attempts, "createdAt")
    VALUES (gen_random_uuid(), $1::uuid, $2, $3, 'PENDING', 0, now())
    RETURNING id
  )
  SELECT graphile_worker.add_job('${DELIVER_RUN_NOTIFICATION_TASK}', json_build_object('notificationId', notification.id),
    max_attempts => ${NOTIFICATION_MAX_ATTEMPTS}) FROM notification`;

/**
 * Called by the engine inside the transaction that finishes a run (client: that transaction's
 * pg client). Queues a run.succeeded / run.failed delivery when notifications are on for that
 * outcome; with them off it reads at most one cached settings row every few seconds.
 */
export async function queueRunNotification(client: TQueryable, { runId, status }: { runId: string; status: "SUCCEEDED" | "FAILED" }): Promise<void> {
  const target = await notificationTargetFor(client, status);
  if (target) await client.query(QUEUE_SQL, [runId, target.type, target.url]);
}

/** Where a run finishing with this status must be announced, or null (notifications off for it). */
export async function notificationTargetFor(
  client: TQueryable,
  status: "SUCCEEDED" | "FAILED",
): Promise<{ type: TNotificationEventType; url: string } | null> {
  const settings = await cachedNotificationSettings(client);
  const type: TNotificationEventType = status === "SUCCEEDED" ? "run.succeeded" : "run.failed";
  if (!settings?.enabled || !settings.url || !settings.events.includes(type)) return null;
  return { type, url: settings.url };
}
