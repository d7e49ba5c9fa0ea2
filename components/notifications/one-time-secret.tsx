"use client";

import { CopyButton } from "@/components/ui/copy-button";

/** A freshly generated signing secret: shown once, with a copy button. */
export function OneTimeSecret({ secret, onDismiss }: { secret: string; onDismiss: () => void }) {
  return (
    <div role="status" className="space-y-2 rounded-md bg-amber-50 p-4 ring-1 ring-amber-200">
      <p className="text-sm font-medium text-amber-900">
        Copy the signing secret now and give it to the receiver. It is shown only once; it is stored encrypted and never shown again.
      </p>
      <div className="flex items-center gap-2">
        <code data-testid="notification-secret" className="min-w-0 flex-1 truncate rounded bg-white px-2 py-1.5 font-mono text-xs ring-1 ring-amber-200">
          {secret}
        </code>
        <CopyButton value={secret} />
      </div>
      <button type="button" onClick={onDismiss} className="text-xs text-amber-900 underline">
        I have stored it
      </button>
    </div>
  );
}
