import "server-only";
import { signStandardWebhook } from "@/lib/connectors/standard-webhooks";

export const NOTIFICATION_TIMEOUT_MS = 10_000;
const MAX_ERROR_LENGTH = 500;

export type TPostResult = { ok: boolean; status: number | null; error: string | null; durationMs: number };

function describeNetworkError(error: unknown, url: string): string {
  if (error instanceof DOMException && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return `No response within ${NOTIFICATION_TIMEOUT_MS / 1000} seconds.`;
  }
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  const host = (() => {
    try {
      return new URL(url).host;
    } catch {
      return url;
    }
  })();
  return `Could not reach ${host}: ${cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error))}.`;
}

/**
 * POSTs a signed JSON notification once. 2xx is delivered; anything else (including a redirect,
 * which is not followed) is a failure described in one line for the deliveries table.
 */
export async function postNotification({ url, id, body, secret }: { url: string; id: string; body: string; secret: string }): Promise<TPostResult> {
  const started = Date.now();
  const headers = {
    "content-type": "application/json",
    "user-agent": "CustomEvents-Notifications/1.0",
    ...signStandardWebhook({ id, timestamp: new Date(started), body, secret }),
  };
  try {
    const response = await fetch(url, { method: "POST", headers, body, redirect: "manual", signal: AbortSignal.timeout(NOTIFICATION_TIMEOUT_MS) });
    const text = await response.text().catch(() => "");
    const durationMs = Date.now() - started;
    if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status, error: null, durationMs };
    const snippet = text.replace(/\s+/g, " ").trim().slice(0, 200);
    const error = `HTTP ${response.status}${snippet ? `: ${snippet}` : ""}`.slice(0, MAX_ERROR_LENGTH);
    return { ok: false, status: response.status, error, durationMs };
  } catch (error) {
    return { ok: false, status: null, error: describeNetworkError(error, url).slice(0, MAX_ERROR_LENGTH), durationMs: Date.now() - started };
  }
}
