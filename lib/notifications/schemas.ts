import { z } from "zod";
import { isHttpUrl } from "@/lib/http/is-http-url";

// Run notification settings, shared by the settings form and saveNotificationSettings
// (house style 12). Client-safe.

export const NOTIFICATION_EVENT_TYPES = ["run.succeeded", "run.failed"] as const;
export type TNotificationEventType = (typeof NOTIFICATION_EVENT_TYPES)[number];

export const NOTIFICATION_EVENT_LABELS: Record<TNotificationEventType, string> = {
  "run.succeeded": "A run succeeded",
  "run.failed": "A run failed",
};

export const ZNotificationSettingsInput = z
  .object({
    url: z
      .string({ error: "Enter the URL that receives notifications." })
      .trim()
      .max(2048, { error: "Use a URL of at most 2048 characters." })
      .refine((v) => v === "" || isHttpUrl(v), { error: "Enter an http(s) URL, like https://example.com/webhooks/custom-events." }),
    enabled: z.boolean({ error: "enabled must be true or false." }),
    events: z.array(z.enum(NOTIFICATION_EVENT_TYPES, { error: "Pick run.succeeded or run.failed." }), {
      error: "Pick the run outcomes to notify about.",
    }),
  })
  .superRefine((value, ctx) => {
    if (!value.enabled) return;
    if (value.url === "") ctx.addIssue({ code: "custom", path: ["url"], message: "Enter the URL that receives notifications." });
    if (value.events.length === 0) ctx.addIssue({ code: "custom", path: ["events"], message: "Pick at least one run outcome to notify about." });
  });
export type TNotificationSettingsInput = z.input<typeof ZNotificationSettingsInput>;

/** What the admin app sees of the settings: never the secret, only whether one exists. */
export type TNotificationSettingsView = {
  url: string;
  enabled: boolean;
  events: TNotificationEventType[];
  secretSet: boolean;
};

/** The outcome of "Send test notification". */
export type TTestNotificationResult = { ok: boolean; status: number | null; message: string; durationMs: number };
