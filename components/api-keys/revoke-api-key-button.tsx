"use client";

import { revokeApiKeyAction } from "@/lib/api-keys/actions";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";

export function RevokeApiKeyButton({ id, name }: { id: string; name: string }) {
  const { pending, error, run } = useAction();
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        variant="danger"
        disabled={pending}
        aria-label={`Revoke ${name}`}
        onClick={() => {
          if (!window.confirm(`Revoke “${name}”? Applications using it will get 401 responses at once.`)) return;
          run(() => revokeApiKeyAction(id));
        }}
      >
        Revoke
      </Button>
      {error ? <p role="alert" className="text-xs text-red-700">{error}</p> : null}
    </div>
  );
}
