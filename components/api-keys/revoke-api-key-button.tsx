"use client";

import { revokeApiKeyAction } from "@/lib/api-keys/actions";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";

export function RevokeApiKeyButton({ id, name }: { id: string; name: string }) {
  return (
    <ConfirmActionButton
      ariaLabel={`Revoke ${name}`}
      confirm={`Revoke “${name}”? Applications using it will get 401 responses at once.`}
      action={() => revokeApiKeyAction(id)}
    >
      Revoke
    </ConfirmActionButton>
  );
}
