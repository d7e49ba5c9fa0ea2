"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { restoreCustomEventVersionAction } from "@/lib/custom-events/actions";
import { Button } from "@/components/ui/button";

export function RestoreVersionButton({ name, version }: { name: string; version: number }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() => {
          if (!window.confirm(`Restore version ${version}? It is saved as a new version; history is kept.`)) return;
          startTransition(async () => {
            const result = await restoreCustomEventVersionAction(name, version);
            if (result.ok) router.push(`/events/${encodeURIComponent(name)}`);
            else setError(result.error.message);
          });
        }}
      >
        Restore version {version}
      </Button>
      {error ? <p role="alert" className="text-xs text-red-700">{error}</p> : null}
    </div>
  );
}
