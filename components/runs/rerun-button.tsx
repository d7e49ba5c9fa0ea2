"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useRef } from "react";
import { replayRunAction, retryRunAction } from "@/lib/runs/actions";
import { runKeys } from "@/lib/runs/run-keys";
import type { TRunVersionChoice } from "@/lib/runs/schemas";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";

type TKind = "retry" | "replay";

const TEXT: Record<TKind, { button: string; heading: string; verb: string; explain: string }> = {
  retry: {
    button: "Retry",
    heading: "Retry this run from the failed step?",
    verb: "Retry",
    explain:
      "A new run starts for the same event. The steps this run completed are reused, not repeated, as long as the chosen version begins with the same steps; it continues from the first step that did not succeed.",
  },
  replay: {
    button: "Replay",
    heading: "Replay this run?",
    verb: "Replay",
    explain: "A new run starts for the same event and runs every step again, from the first. This run is kept as it is.",
  },
};

/**
 * Retry or Replay with a confirmation that names the versions: the one this run used and the
 * workflow's current one. On success it opens the new run.
 */
export function RerunButton({ kind, runId, usedVersion, currentVersion }: { kind: TKind; runId: string; usedVersion: number; currentVersion: number | null }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const text = TEXT[kind];
  const rerun = useMutation({
    mutationFn: async (version: TRunVersionChoice) => {
      const action = kind === "retry" ? retryRunAction : replayRunAction;
      const result = await action({ runId, version });
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    onSuccess: ({ runId: newRunId }) => {
      dialogRef.current?.close();
      void queryClient.invalidateQueries({ queryKey: runKeys.all });
      router.push(`/runs/${newRunId}`);
    },
  });
  const sameVersion = currentVersion === usedVersion;
  return (
    <>
      <Button
        type="button"
        variant={kind === "retry" ? "primary" : "secondary"}
        onClick={() => {
          rerun.reset();
          dialogRef.current?.showModal();
        }}
      >
        {text.button}
      </Button>
      <dialog ref={dialogRef} aria-labelledby={headingId} className="m-auto w-full max-w-lg rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
        <div className="space-y-4 p-6">
          <h2 id={headingId} className="text-lg font-semibold text-slate-900">{text.heading}</h2>
          <p className="text-sm text-slate-700">{text.explain}</p>
          {currentVersion === null ? (
            <p className="text-sm text-slate-600">The workflow has no current version, so only the version this run used is offered.</p>
          ) : null}
          <FormError message={rerun.error?.message} />
          <div className="flex flex-col gap-2">
            <Button type="button" disabled={rerun.isPending} onClick={() => rerun.mutate("original")}>
              {text.verb} with version {usedVersion} (the one this run used{sameVersion ? ", still current" : ""})
            </Button>
            {currentVersion !== null && !sameVersion ? (
              <Button type="button" variant="secondary" disabled={rerun.isPending} onClick={() => rerun.mutate("current")}>
                {text.verb} with version {currentVersion} (current)
              </Button>
            ) : null}
            <Button type="button" variant="ghost" onClick={() => dialogRef.current?.close()}>Cancel</Button>
          </div>
          {rerun.isPending ? <p role="status" className="text-sm text-slate-600">Starting the new run…</p> : null}
        </div>
      </dialog>
    </>
  );
}
