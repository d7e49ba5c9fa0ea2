"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { rotateNotificationSecretAction, saveNotificationSettingsAction, sendTestNotificationAction } from "@/lib/notifications/actions";
import {
  NOTIFICATION_EVENT_LABELS,
  NOTIFICATION_EVENT_TYPES,
  ZNotificationSettingsInput,
  type TNotificationSettingsInput,
  type TNotificationSettingsView,
  type TTestNotificationResult,
} from "@/lib/notifications/schemas";
import { Button } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { OneTimeSecret } from "@/components/notifications/one-time-secret";

/** The settings form, the signing secret (shown once when generated) and the test send. */
export function NotificationSettings({ settings }: { settings: TNotificationSettingsView }) {
  const router = useRouter();
  const [secret, setSecret] = useState<string>();
  const [saved, setSaved] = useState(false);
  const form = useForm<TNotificationSettingsInput>({
    resolver: zodResolver(ZNotificationSettingsInput),
    defaultValues: { url: settings.url, enabled: settings.enabled, events: settings.events },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setSaved(false);
    const result = await saveNotificationSettingsAction(values);
    if (!result.ok) {
      const fieldErrors = Object.entries(result.error.fieldErrors ?? {});
      for (const [field, message] of fieldErrors) form.setError(field as keyof TNotificationSettingsInput, { message });
      if (fieldErrors.length === 0) form.setError("root", { message: result.error.message });
      return;
    }
    if (result.data.secret) setSecret(result.data.secret);
    setSaved(true);
    form.reset(values);
    router.refresh();
  });

  return (
    <div className="space-y-6">
      {secret ? <OneTimeSecret secret={secret} onDismiss={() => setSecret(undefined)} /> : null}
      <form onSubmit={onSubmit} className="space-y-4" noValidate aria-label="Run notification settings">
        <TextField
          label="Notification URL"
          type="url"
          placeholder="https://example.com/webhooks/custom-events"
          hint="Receives a signed POST (Standard Webhooks) for each finished run."
          error={errors.url?.message}
          {...form.register("url")}
        />
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-700">Notify when</legend>
          {NOTIFICATION_EVENT_TYPES.map((type) => (
            <label key={type} className="flex items-center gap-2 text-sm text-slate-800">
              <input type="checkbox" value={type} className="size-4 rounded border-slate-300" {...form.register("events")} />
              {NOTIFICATION_EVENT_LABELS[type]} <code className="text-xs text-slate-500">{type}</code>
            </label>
          ))}
          {errors.events?.message ? (
            <p role="alert" className="text-sm text-red-700">
              {errors.events.message}
            </p>
          ) : null}
        </fieldset>
        <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
          <input type="checkbox" className="size-4 rounded border-slate-300" {...form.register("enabled")} />
          Send notifications
        </label>
        <FormError message={errors.root?.message} />
        {saved && !form.formState.isDirty ? (
          <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
            Saved.
          </p>
        ) : null}
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save"}
        </Button>
      </form>
      <SigningSecret secretSet={settings.secretSet} onRotated={setSecret} />
      <SendTestNotification urlSaved={Boolean(settings.url) && settings.secretSet} />
    </div>
  );
}

function SigningSecret({ secretSet, onRotated }: { secretSet: boolean; onRotated: (secret: string) => void }) {
  const router = useRouter();
  const { pending, error, run } = useAction();
  return (
    <section aria-labelledby="signing-secret" className="border-t border-slate-200 pt-5">
      <h3 id="signing-secret" className="text-sm font-semibold text-slate-900">
        Signing secret
      </h3>
      <p className="mt-1 text-sm text-slate-600">
        {secretSet
          ? "Set. Receivers verify the webhook-signature header with it. Rotating makes a new one at once; the old one stops working."
          : "Generated when you first save, and shown once."}
      </p>
      {secretSet ? (
        <div className="mt-3">
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() => {
              if (!window.confirm("Rotate the signing secret? Receivers must switch to the new secret, or they will reject notifications.")) return;
              run(async () => {
                const result = await rotateNotificationSecretAction();
                if (result.ok) {
                  onRotated(result.data.secret);
                  router.refresh();
                }
                return result;
              });
            }}
          >
            {pending ? "Rotating…" : "Rotate secret"}
          </Button>
          {error ? (
            <p role="alert" className="mt-2 text-sm text-red-700">
              {error}
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function SendTestNotification({ urlSaved }: { urlSaved: boolean }) {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<TTestNotificationResult | { ok: false; status: null; message: string }>();
  return (
    <section aria-labelledby="test-notification" className="border-t border-slate-200 pt-5">
      <h3 id="test-notification" className="text-sm font-semibold text-slate-900">
        Test
      </h3>
      <p className="mt-1 text-sm text-slate-600">Sends a signed run.test notification to the saved URL now, even while notifications are off.</p>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <Button
          variant="secondary"
          disabled={pending || !urlSaved}
          onClick={() =>
            startTransition(async () => {
              setResult(undefined);
              const answer = await sendTestNotificationAction();
              setResult(answer.ok ? answer.data : { ok: false, status: null, message: answer.error.message });
            })
          }
        >
          {pending ? "Sending…" : "Send test notification"}
        </Button>
        {!urlSaved ? <span className="text-xs text-slate-500">Save a URL first.</span> : null}
      </div>
      {result ? (
        <p
          role={result.ok ? "status" : "alert"}
          className={`mt-3 rounded-md px-3 py-2 text-sm ${result.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-800 ring-1 ring-red-200"}`}
        >
          {result.status !== null ? <span className="font-semibold">HTTP {result.status} · </span> : null}
          {result.message}
        </p>
      ) : null}
    </section>
  );
}
