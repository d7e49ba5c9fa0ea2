"use client";

import { useRouter } from "next/navigation";
import { restoreCustomEventVersionAction } from "@/lib/custom-events/actions";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";

export function RestoreVersionButton({ name, version }: { name: string; version: number }) {
  const router = useRouter();
  return (
    <ConfirmActionButton
      variant="secondary"
      confirm={`Restore version ${version}? It is saved as a new version; history is kept.`}
      action={() => restoreCustomEventVersionAction(name, version)}
      onSuccess={() => router.push(`/events/${encodeURIComponent(name)}`)}
    >
      Restore version {version}
    </ConfirmActionButton>
  );
}
