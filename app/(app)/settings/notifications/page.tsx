import { requirePageRole } from "@/lib/auth/require-role";
import { getNotificationSettings } from "@/lib/notifications/get-notification-settings";
import { listNotificationDeliveries, RECENT_DELIVERIES } from "@/lib/notifications/list-notification-deliveries";
import { PageHeader } from "@/components/shell/empty-state";
import { NotificationDeliveriesTable } from "@/components/notifications/notification-deliveries-table";
import { NotificationSettings } from "@/components/notifications/notification-settings";

export const metadata = { title: "Run notifications" };

const EXAMPLE = `{
  "type": "run.failed",
  "timestamp": "2026-01-01T12:00:00.000Z",
  "data": {
    "runId": "…", "status": "FAILED",
    "workflow": { "id": "…", "name": "Sync invoice" },
    "event": { "id": "…", "name": "invoice_created" },
    "endUserId": "usr_123",
    "error": { "message": "…", "code": "http_error", "stepId": "…" },
    "finishedAt": "2026-01-01T12:00:00.000Z"
  }
}`;

export default async function NotificationSettingsPage() {
  await requirePageRole("ADMIN");
  const [settings, deliveries] = await Promise.all([getNotificationSettings(), listNotificationDeliveries()]);
  return (
    <>
      <PageHeader title="Run notifications" description="Your application gets a signed POST when a run succeeds or fails, retried until it answers 2xx." />
      <div className="grid gap-8 lg:grid-cols-[1fr_24rem]">
        <section aria-labelledby="notification-settings" className="h-fit rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="notification-settings" className="mb-4 text-base font-semibold">
            Settings
          </h2>
          <NotificationSettings settings={settings} />
        </section>
        <section aria-labelledby="notification-format" className="h-fit space-y-3 text-sm text-slate-700">
          <h2 id="notification-format" className="text-base font-semibold text-slate-900">
            What your endpoint receives
          </h2>
          <p>
            A JSON POST signed with{" "}
            <a href="https://www.standardwebhooks.com" className="text-brand-700 hover:underline">
              Standard Webhooks
            </a>{" "}
            headers: <code>webhook-id</code> (the same on every retry; use it to drop duplicates), <code>webhook-timestamp</code> and{" "}
            <code>webhook-signature</code>. Verify them with the signing secret, e.g. the <code>standardwebhooks</code> library.
          </p>
          <pre className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-3 text-xs">{EXAMPLE}</pre>
          <p>Anything but a 2xx answer within 10 seconds is retried with exponential backoff, up to 25 attempts over about four days (at most six hours apart).</p>
        </section>
      </div>
      <section aria-labelledby="deliveries" className="mt-8">
        <h2 id="deliveries" className="mb-3 text-base font-semibold">
          Last {RECENT_DELIVERIES} deliveries
        </h2>
        <NotificationDeliveriesTable items={deliveries} />
      </section>
    </>
  );
}
