import "server-only";
import type { Task } from "graphile-worker";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { openNotificationSecret, readStoredNotificationSettings } from "@/lib/notifications/get-notification-settings";
import { postNotification } from "@/lib/notifications/post-notification";

// Delivers one run notification. Throwing hands the retry to graphile-worker (exponential
// backoff, max_attempts 25 set when queued); webhook-id is the notification id, the same on
// every attempt, so receivers can drop duplicates.

export class NotificationDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotificationDeliveryError";
  }
}

/** The JSON body of a run notification; `timestamp` is when the run finished and the notification was queued. */
export function runNotificationBody(notification: {
  type: string;
  createdAt: Date;
  run: {
    id: string;
    status: string;
    error: unknown;
    finishedAt: Date | null;
    workflow: { id: string; name: string };
    event: { id: string; customEvent: { name: string } };
    endUser: { userId: string };
  };
}): string {
  const { run } = notification;
  return JSON.stringify({
    type: notification.type,
    timestamp: notification.createdAt.toISOString(),
    data: {
      runId: run.id,
      status: run.status,
      workflow: { id: run.workflow.id, name: run.workflow.name },
      event: { id: run.event.id, name: run.event.customEvent.name },
      endUserId: run.endUser.userId,
      error: run.error ?? null,
      finishedAt: run.finishedAt?.toISOString() ?? null,
    },
  });
}

/** One delivery attempt: marks the notification DELIVERED, or FAILING and throws. */
export async function deliverRunNotification({ notificationId }: { notificationId: string }): Promise<void> {
  const notification = await db().runNotification.findUnique({
    where: { id: notificationId },
    include: {
      run: {
        select: {
          id: true,
          status: true,
          error: true,
          finishedAt: true,
          workflow: { select: { id: true, name: true } },
          event: { select: { id: true, customEvent: { select: { name: true } } } },
          endUser: { select: { userId: true } },
        },
      },
    },
  });
  // Deleted with its run: nothing left to say.
  if (!notification || notification.status === "DELIVERED") return;

  const fail = async (status: number | null, error: string) => {
    await db().runNotification.update({
      where: { id: notification.id },
      data: { status: "FAILING", attempts: { increment: 1 }, lastStatus: status, lastError: error },
    });
    throw new NotificationDeliveryError(`Run notification ${notification.id} to ${notification.url} failed: ${error}`);
  };

  const secret = openNotificationSecret(await readStoredNotificationSettings());
  if (!secret) {
    return fail(null, "No usable signing secret: rotate the secret under Settings > Run notifications.");
  }
  const result = await postNotification({ url: notification.url, id: notification.id, body: runNotificationBody(notification), secret });
  if (!result.ok) return fail(result.status, result.error ?? "Delivery failed.");
  await db().runNotification.update({
    where: { id: notification.id },
    data: { status: "DELIVERED", attempts: { increment: 1 }, lastStatus: result.status, lastError: null, deliveredAt: new Date() },
  });
  logger().debug({ notificationId: notification.id, status: result.status, durationMs: result.durationMs }, "run notification delivered");
}

/** graphile-worker task `deliver_run_notification`, payload { notificationId }. */
export const deliverRunNotificationTask: Task = async (payload) => {
  const notificationId = (payload as { notificationId?: unknown } | null)?.notificationId;
  if (typeof notificationId !== "string" || !/^[0-9a-f-]{36}$/i.test(notificationId)) {
    logger().warn({ payload }, "deliver_run_notification job without a notification id; dropped");
    return;
  }
  await deliverRunNotification({ notificationId });
};
