"use client";

import { useRouter } from "next/navigation";
import { deleteConnectionAction } from "@/lib/connections/actions";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";

export function DeleteConnectionButton({ id, label }: { id: string; label: string }) {
  const router = useRouter();
  return (
    <ConfirmActionButton
      ariaLabel={`Delete ${label}`}
      confirm={`Delete the ${label}? Workflow steps that need it will fail until a new one is added.`}
      action={() => deleteConnectionAction(id)}
      onSuccess={() => router.refresh()}
    >
      Delete
    </ConfirmActionButton>
  );
}
