"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { setFormEnabledAction } from "@/lib/forms/actions";
import { FormError } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";

// An event's staff form: on or off (admins), and a link to it. Its labels, order and widgets
// are the UI schema, edited in the schema editor's "Form layout" tab beside the live preview.

export function FormSettings({
  eventName,
  formEnabled,
  archived,
  canConfigure,
}: {
  eventName: string;
  formEnabled: boolean;
  archived: boolean;
  canConfigure: boolean;
}) {
  const router = useRouter();
  const { pending, error, run } = useAction();
  const formHref = `/forms/${encodeURIComponent(eventName)}`;
  const usable = formEnabled && !archived;
  // The switch moves at once; it follows the server's value again when that changes.
  const [checked, setChecked] = useState(formEnabled);
  const [serverValue, setServerValue] = useState(formEnabled);
  if (serverValue !== formEnabled) {
    setServerValue(formEnabled);
    setChecked(formEnabled);
  }

  return (
    <section id="form-settings" aria-labelledby="form-settings-heading" className="rounded-lg border border-slate-200 bg-white p-5">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h2 id="form-settings-heading" className="text-base font-semibold">
            Staff form
          </h2>
          <p className="mt-1 text-sm text-slate-600" data-testid="form-status">
            {archived
              ? "Archived events have no form."
              : formEnabled
                ? "On: operators and admins can fire this event from a form generated from its schema."
                : "Off: turn it on to let operators and admins fire this event from a form generated from its schema."}
          </p>
          {canConfigure ? (
            <p className="mt-1 text-xs text-slate-500">Labels, field order, help text and widgets come from the Form layout (UI schema) tab below.</p>
          ) : null}
        </div>
        <div className="flex items-center gap-4">
          {usable ? (
            <Link href={formHref} className="text-sm font-medium text-brand-700 hover:underline">
              Open the form
            </Link>
          ) : null}
          {canConfigure ? (
            <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
              <input
                type="checkbox"
                role="switch"
                checked={checked}
                disabled={archived && !formEnabled}
                onChange={(event) => {
                  if (pending) return;
                  const enabled = event.target.checked;
                  setChecked(enabled);
                  run(async () => {
                    const result = await setFormEnabledAction({ eventName, enabled });
                    if (!result.ok) setChecked(!enabled);
                    return result;
                  }, () => router.refresh());
                }}
                className="h-4 w-4 rounded border-slate-300 accent-brand-600"
              />
              Form enabled
            </label>
          ) : null}
        </div>
      </div>
      <div className="mt-3">
        <FormError message={error} />
      </div>
    </section>
  );
}
