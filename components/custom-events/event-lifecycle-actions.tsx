"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteCustomEventAction, setCustomEventArchivedAction } from "@/lib/custom-events/actions";
import { Button } from "@/components/ui/button";

export function EventLifecycleActions({ name, archived }: { name: string; archived: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();

  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex gap-2">
        <Button
          variant="secondary"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await setCustomEventArchivedAction(name, !archived);
              setError(result.ok ? undefined : result.error.message);
              router.refresh();
            })
          }
        >
          {archived ? "Unarchive" : "Archive"}
        </Button>
        <Button
          variant="danger"
          disabled={pending}
          onClick={() => {
            if (!window.confirm(`Delete “${name}” and all its versions? This cannot be undone.`)) return;
            startTransition(async () => {
              const result = await deleteCustomEventAction(name);
              if (result.ok) router.push("/events");
              else setError(result.error.message);
            });
          }}
        >
          Delete
        </Button>
      </div>
      {error ? (
        <p role="alert" className="max-w-md text-right text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
