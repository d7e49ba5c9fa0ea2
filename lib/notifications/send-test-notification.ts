import "server-only";
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors/app-error";
import { openNotificationSecret, readStoredNotificationSettings } from "@/lib/notifications/get-notification-settings";
import { postNotification } from "@/lib/notifications/post-notification";
import type { TTestNotificationResult } from "@/lib/notifications/schemas";

/**
 * Sends a signed `run.test` notification to the saved URL right away (enabled or not) and
 * reports the answer. Nothing is stored and nothing is retried.
 */
export async function sendTestNotification(): Promise<TTestNotificationResult> {
  const stored = await readStoredNotificationSettings();
  if (!stored?.url) throw new AppError("bad_request", { message: "Save a notification URL first." });
  const secret = openNotificationSecret(stored);
  if (!secret) throw new AppError("conflict", { message: "The signing secret cannot be decrypted with the current ENCRYPTION_KEY. Rotate the secret first." });
  const now = new Date().toISOString();
  const body = JSON.stringify({
    type: "run.test",
    timestamp: now,
    data: {
      runId: null,
      status: "SUCCEEDED",
      workflow: { id: null, name: "Test notification" },
      event: { id: null, name: "test" },
      endUserId: null,
      error: null,
      finishedAt: now,
    },
  });
  const result = await postNotification({ url: stored.url, id: `test_${randomUUID()}`, body, secret });
  return {
    ok: result.ok,
    status: result.status,
    durationMs: result.durationMs,
    message: result.ok ? `${stored.url} answered HTTP ${result.status} in ${result.durationMs} ms.` : (result.error ?? "Delivery failed."),
  };
}
