"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { startBulkReplayAction } from "@/lib/runs/actions";
import { runKeys } from "@/lib/runs/run-keys";
import type { TBulkOperation, TRunVersionChoice } from "@/lib/runs/schemas";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { fetchJson } from "@/components/runs/fetch-json";

/**
 * "Replay these runs": replays every finished run the current filter selects, in the background.
 * The dialog shows how many that is before anything starts; the page then shows the progress.
 */
export function BulkReplayButton({ filter, description }: { filter: Record<string, string>; description: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const [open, setOpen] = useState(false);
  const [version, setVersion] = useState<TRunVersionChoice>("original");
  const search = new URLSearchParams(filter).toString();

  const count = useQuery({
    queryKey: runKeys.replayCount(search),
    queryFn: () => fetchJson<{ count: number }>(`/api/internal/runs/replay-count?${search}`),
    enabled: open,
    staleTime: 0,
  });
  const start = useMutation({
    mutationFn: async () => {
      const result = await startBulkReplayAction({ filter, version });
      if (!result.ok) throw new Error(result.error.message);
      return result.data as TBulkOperation;
    },
    onSuccess: (operation) => {
      dialogRef.current?.close();
      queryClient.setQueryData(runKeys.bulkOperation(operation.id), operation);
      router.push(`/runs?${new URLSearchParams({ ...filter, operation: operation.id })}`);
    },
  });

  const total = count.data?.count;
  return (
    <>
      <Button
        type="button"
        variant="secondary"
        onClick={() => {
          start.reset();
          setOpen(true);
          dialogRef.current?.showModal();
        }}
      >
        Replay these runs
      </Button>
      <dialog
        ref={dialogRef}
        aria-labelledby={headingId}
        onClose={() => setOpen(false)}
        className="m-auto w-full max-w-lg rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <form
          method="dialog"
          className="space-y-4 p-6"
          onSubmit={(e) => {
            e.preventDefault();
            start.mutate();
          }}
        >
          <h2 id={headingId} className="text-lg font-semibold text-slate-900">Replay these runs?</h2>
          <p className="text-sm text-slate-700" aria-live="polite">
            {count.isPending ? (
              "Counting the runs…"
            ) : count.error ? (
              <span className="text-red-700">Could not count the runs: {count.error.message}</span>
            ) : total === 0 ? (
              <>No finished run matches {description}, so there is nothing to replay.</>
            ) : (
              <>
                This replays the <strong>{total}</strong> finished run{total === 1 ? "" : "s"} matching {description} from their first step, each
                for its own event, in the background. Runs still queued or running are left out; the original runs are kept as they are.
              </>
            )}
          </p>
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-700">Workflow version</legend>
            <label className="flex items-start gap-2 text-sm text-slate-700">
              <input type="radio" name="version" value="original" checked={version === "original"} onChange={() => setVersion("original")} className="mt-1" />
              <span>The version each run used</span>
            </label>
            <label className="flex items-start gap-2 text-sm text-slate-700">
              <input type="radio" name="version" value="current" checked={version === "current"} onChange={() => setVersion("current")} className="mt-1" />
              <span>
                Each workflow&apos;s current version{" "}
                <span className="text-slate-500">(runs of a workflow without one are skipped and counted as failed)</span>
              </span>
            </label>
          </fieldset>
          <FormError message={start.error?.message} />
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => dialogRef.current?.close()}>Cancel</Button>
            <Button type="submit" disabled={!total || start.isPending}>
              {start.isPending ? "Starting…" : total ? `Replay ${total} run${total === 1 ? "" : "s"}` : "Replay"}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
