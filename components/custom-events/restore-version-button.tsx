"use client";

import { useRouter } from "next/navigation";
import { restoreCustomEventVersionAction } from "@/lib/custom-events/actions";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";

export function RestoreVersionButton({ name, version }: { name: string; version: number }) {
  const router = useRouter();
  const { pending, error, run } = useAction();
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() => {
          if (!window.confirm(`Restore version ${version}? It is saved as a new version; history is kept.`)) return;
          run(() => restoreCustomEventVersionAction(name, version), () => router.push(`/events/${encodeURIComponent(name)}`));
        }}
      >
        Restore version {version}
      </Button>
      {error ? <p role="alert" className="text-xs text-red-700">{error}</p> : null}
    </div>
  );
}
