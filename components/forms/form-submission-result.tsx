"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { forwardRef } from "react";
import type { TFormSubmission } from "@/lib/forms/schemas";
import { runKeys } from "@/lib/runs/run-keys";
import { isActiveRunStatus, type TRunDetail } from "@/lib/runs/schemas";
import { fetchJson } from "@/components/runs/fetch-json";
import { RunStatusBadge } from "@/components/runs/run-status-badge";
import { Button } from "@/components/ui/button";

// What a form submission started: the stored event and each run, its status refreshed every
// second while it is queued or running.

const REFRESH_MS = 1_000;

function FiredRun({ run }: { run: TFormSubmission["runs"][number] }) {
  const { data, error } = useQuery({
    queryKey: runKeys.detail(run.runId),
    queryFn: () => fetchJson<TRunDetail>(`/api/internal/runs/${run.runId}`),
    refetchInterval: (query) => (!query.state.data || isActiveRunStatus(query.state.data.status) ? REFRESH_MS : false),
  });
  const status = data?.status ?? "QUEUED";
  return (
    <li className="flex flex-wrap items-center gap-x-3 gap-y-1 px-5 py-3" data-testid={`fired-run-${run.runId}`}>
      <span className="font-medium text-slate-900">{run.workflowName}</span>
      <span aria-live="polite">
        <RunStatusBadge status={status} />
      </span>
      <Link href={`/runs/${run.runId}`} className="text-sm text-brand-700 hover:underline">
        Open run<span className="sr-only"> of {run.workflowName}</span>
      </Link>
      {data?.error ? <p className="w-full text-sm text-red-700">{data.error.message}</p> : null}
      {error ? <p className="w-full text-sm text-amber-700">Could not refresh the status: {error.message}</p> : null}
    </li>
  );
}

export const FormSubmissionResult = forwardRef<
  HTMLHeadingElement,
  { submission: TFormSubmission; eventName: string; userId: string; onFireAnother: () => void }
>(function FormSubmissionResult({ submission, eventName, userId, onFireAnother }, headingRef) {
  return (
    <section aria-labelledby="form-result-heading" className="rounded-lg border border-green-200 bg-white" data-testid="form-result">
      <div className="rounded-t-lg bg-green-50 px-5 py-4">
        <h2 id="form-result-heading" ref={headingRef} tabIndex={-1} className="text-base font-semibold text-green-900 focus:outline-none">
          {eventName} fired for {userId}
        </h2>
        <p className="mt-1 text-sm text-green-900">
          {submission.replayed ? "This submission had already been received; here is its result. " : ""}
          Event{" "}
          <Link href={`/event-log/${submission.eventId}`} className="font-mono font-medium underline">
            {submission.eventId}
          </Link>
        </p>
      </div>
      {submission.runs.length === 0 ? (
        <p className="px-5 py-4 text-sm text-slate-700">No active workflow matched, so no run was started.</p>
      ) : (
        <>
          <h3 className="px-5 pt-4 text-sm font-semibold text-slate-900">{submission.runs.length === 1 ? "Run started" : `${submission.runs.length} runs started`}</h3>
          <ul className="divide-y divide-slate-100">{submission.runs.map((run) => <FiredRun key={run.runId} run={run} />)}</ul>
        </>
      )}
      <div className="border-t border-slate-100 px-5 py-4">
        <Button type="button" onClick={onFireAnother}>
          Fire another
        </Button>
      </div>
    </section>
  );
});
