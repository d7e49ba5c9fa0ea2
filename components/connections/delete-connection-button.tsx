"use client";

import { useRouter } from "next/navigation";
import { deleteConnectionAction } from "@/lib/connections/actions";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";

export function DeleteConnectionButton({ id, label }: { id: string; label: string }) {
  const router = useRouter();
  const { pending, error, run } = useAction();
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        variant="danger"
        disabled={pending}
        aria-label={`Delete ${label}`}
        onClick={() => {
          if (!window.confirm(`Delete the ${label}? Workflow steps that need it will fail until a new one is added.`)) return;
          run(() => deleteConnectionAction(id), () => router.refresh());
        }}
      >
        Delete
      </Button>
      {error ? (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
