import "server-only";
import { db } from "@/lib/db";

export const RECENT_DELIVERIES = 20;

/** The latest run notifications, newest first, for the settings page. */
export async function listNotificationDeliveries({ take = RECENT_DELIVERIES }: { take?: number } = {}) {
  return db().runNotification.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, runId: true, type: true, url: true, status: true, attempts: true, lastStatus: true, lastError: true, deliveredAt: true, createdAt: true },
  });
}
