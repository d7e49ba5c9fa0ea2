"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect } from "react";
import { runKeys } from "@/lib/runs/run-keys";
import type { TBulkOperation } from "@/lib/runs/schemas";
import { fetchJson } from "@/components/runs/fetch-json";
import { formatTimestamp } from "@/components/runs/format";

const POLL_MS = 1_000;

/** Where the runs a bulk replay created are listed: replays of the same workflow/event/user since it started. */
export function replayedRunsHref(operation: TBulkOperation) {
  const params = new URLSearchParams({ trigger: "REPLAY", since: operation.createdAt });
  for (const key of ["workflowId", "event", "userId"] as const) {
    const value = operation.filter[key];
    if (value) params.set(key, value);
  }
  return `/runs?${params}`;
}

/** A bulk replay's progress, polled every second until it has finished. */
export function BulkOperationProgress({ operationId }: { operationId: string }) {
  const queryClient = useQueryClient();
  const { data: operation, error } = useQuery({
    queryKey: runKeys.bulkOperation(operationId),
    queryFn: () => fetchJson<TBulkOperation>(`/api/internal/runs/bulk-operations/${operationId}`),
    refetchInterval: (query) => (query.state.data && query.state.data.status !== "RUNNING" ? false : POLL_MS),
  });
  const finished = operation ? operation.status !== "RUNNING" : false;
  useEffect(() => {
    // The new runs belong in the list as soon as they exist.
    if (finished) void queryClient.invalidateQueries({ queryKey: runKeys.lists() });
  }, [finished, queryClient]);

  if (error) {
    return <p role="alert" className="mb-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">Bulk replay: {error.message}</p>;
  }
  if (!operation) return <p className="mb-4 text-sm text-slate-600">Loading the bulk replay…</p>;

  const processed = operation.done + operation.failed;
  const percent = operation.total > 0 ? Math.min(100, Math.round((processed / operation.total) * 100)) : 100;
  const label = `Bulk replay started ${formatTimestamp(operation.createdAt)}`;
  return (
    <section aria-label={label} className="mb-4 rounded-lg border border-slate-200 bg-white p-4" data-testid={`bulk-operation-${operation.id}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <p className="font-medium text-slate-900" role="status">
          {operation.status === "RUNNING"
            ? `Replaying runs: ${processed} of ${operation.total}`
            : operation.status === "SUCCEEDED"
              ? `Replayed ${operation.done} run${operation.done === 1 ? "" : "s"}${operation.failed ? `; ${operation.failed} not replayed` : ""}.`
              : `The bulk replay stopped after ${processed} of ${operation.total} runs.`}
        </p>
        <p className="text-xs text-slate-500">
          {operation.version === "current" ? "With each workflow's current version" : "With the version each run used"} · started {formatTimestamp(operation.createdAt)}
        </p>
      </div>
      <div
        role="progressbar"
        aria-label="Bulk replay progress"
        aria-valuemin={0}
        aria-valuemax={operation.total}
        aria-valuenow={processed}
        aria-valuetext={`${processed} of ${operation.total} runs`}
        className="mt-3 h-2 overflow-hidden rounded-full bg-slate-100"
      >
        <div
          className={`h-full rounded-full transition-[width] ${operation.status === "FAILED" ? "bg-red-500" : operation.status === "SUCCEEDED" ? "bg-green-600" : "bg-brand-600"}`}
          style={{ width: `${percent}%` }}
        />
      </div>
      {operation.error ? <p className="mt-2 text-sm text-red-800">{operation.error}</p> : null}
      <p className="mt-2 text-sm">
        <Link href={replayedRunsHref(operation)} className="text-brand-700 hover:underline">
          {finished ? "Show the replayed runs" : "Show the replays so far"}
        </Link>
      </p>
    </section>
  );
}
