"use client";

import { useRouter } from "next/navigation";
import { deleteCustomEventAction, setCustomEventArchivedAction } from "@/lib/custom-events/actions";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";

export function EventLifecycleActions({ name, archived }: { name: string; archived: boolean }) {
  const router = useRouter();
  const { pending, error, run } = useAction();

  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex gap-2">
        <Button
          variant="secondary"
          disabled={pending}
          onClick={() => run(() => setCustomEventArchivedAction(name, !archived), () => router.refresh())}
        >
          {archived ? "Unarchive" : "Archive"}
        </Button>
        <Button
          variant="danger"
          disabled={pending}
          onClick={() => {
            if (!window.confirm(`Delete “${name}” and all its versions? This cannot be undone.`)) return;
            run(() => deleteCustomEventAction(name), () => router.push("/events"));
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
