"use client";

import { useState, useTransition } from "react";
import { revokeApiKeyAction } from "@/lib/api-keys/actions";
import { Button } from "@/components/ui/button";

export function RevokeApiKeyButton({ id, name }: { id: string; name: string }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        variant="danger"
        disabled={pending}
        aria-label={`Revoke ${name}`}
        onClick={() => {
          if (!window.confirm(`Revoke “${name}”? Applications using it will get 401 responses at once.`)) return;
          startTransition(async () => {
            const result = await revokeApiKeyAction(id);
            setError(result.ok ? undefined : result.error.message);
          });
        }}
      >
        Revoke
      </Button>
      {error ? <p role="alert" className="text-xs text-red-700">{error}</p> : null}
    </div>
  );
}
