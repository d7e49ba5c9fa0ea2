"use client";

import { useState, useTransition } from "react";

type TResult = { ok: boolean; error?: { message: string } };
/** A server action call, as `run` takes it. */
export type TActionCall = () => Promise<TResult>;

/**
 * Runs a server action from a button: pending while it runs, and its error message kept for
 * display. `onSuccess` runs only when the action succeeded.
 */
export function useAction() {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const run = (action: TActionCall, onSuccess?: () => void) =>
    startTransition(async () => {
      setError(undefined);
      const result = await action();
      if (result.ok) onSuccess?.();
      else setError(result.error?.message);
    });
  return { pending, error, run };
}
