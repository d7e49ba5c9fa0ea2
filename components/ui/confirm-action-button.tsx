"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/field";
import { useAction, type TActionCall } from "@/components/ui/use-action";

/** A button that asks `confirm` first, then runs a server action; its error is shown beneath. */
export function ConfirmActionButton({
  children,
  confirm,
  action,
  onSuccess,
  variant = "danger",
  ariaLabel,
}: {
  children: ReactNode;
  confirm: string;
  action: TActionCall;
  onSuccess?: () => void;
  variant?: "danger" | "secondary";
  ariaLabel?: string;
}) {
  const { pending, error, run } = useAction();
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        variant={variant}
        disabled={pending}
        aria-label={ariaLabel}
        onClick={() => {
          if (!window.confirm(confirm)) return;
          run(action, onSuccess);
        }}
      >
        {children}
      </Button>
      <InlineError message={error} />
    </div>
  );
}
