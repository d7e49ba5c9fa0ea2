"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { runKeys } from "@/lib/runs/run-keys";
import { isActiveRunStatus, isFinishedRunStatus, isRetryableRunStatus, type TRunDetail } from "@/lib/runs/schemas";
import { PageHeader } from "@/components/shell/empty-state";
import { fetchJson } from "@/components/runs/fetch-json";
import { elapsedMs, formatDuration, formatTimestamp, shortId } from "@/components/runs/format";
import { RerunButton } from "@/components/runs/rerun-button";
import { RunStatusBadge } from "@/components/runs/run-status-badge";
import { RunStepTimeline } from "@/components/runs/run-step-timeline";
import { useNow } from "@/components/runs/use-now";

const REFRESH_MS = 2_000;

/** A run's page: what ran, for whom, how it went step by step; refreshed live until it finishes. */
export function RunDetail({ initial }: { initial: TRunDetail }) {
  const { data: run, error } = useQuery({
    queryKey: runKeys.detail(initial.id),
    queryFn: () => fetchJson<TRunDetail>(`/api/internal/runs/${initial.id}`),
    initialData: initial,
    refetchInterval: (query) => (query.state.data && isActiveRunStatus(query.state.data.status) ? REFRESH_MS : false),
  });
  const active = isActiveRunStatus(run.status);
  const now = useNow(active);
  const failedStep = run.error?.stepId ? run.steps.find((step) => step.stepId === run.error?.stepId) : undefined;

  return (
    <>
      <PageHeader title={`${run.workflow.name} for ${run.userId}`} description={`Run ${run.id}`}>
        <div className="flex flex-wrap items-center gap-2">
          {isRetryableRunStatus(run.status) ? (
            <RerunButton kind="retry" runId={run.id} usedVersion={run.workflowVersion.version} currentVersion={run.workflow.currentVersion} />
          ) : null}
          {isFinishedRunStatus(run.status) ? (
            <RerunButton kind="replay" runId={run.id} usedVersion={run.workflowVersion.version} currentVersion={run.workflow.currentVersion} />
          ) : null}
          <Link href="/runs" className="px-2 text-sm text-brand-700 hover:underline">All runs</Link>
        </div>
      </PageHeader>

      <section aria-label="Run summary" className="mb-6 rounded-lg border border-slate-200 bg-white p-5">
        <dl className="grid gap-x-8 gap-y-4 text-sm sm:grid-cols-2 lg:grid-cols-4">
          <Fact term="Status">
            <span className="flex items-center gap-2" aria-live="polite">
              <RunStatusBadge status={run.status} />
              {active ? <span className="text-xs text-slate-500">refreshing every {REFRESH_MS / 1000} s</span> : null}
            </span>
          </Fact>
          <Fact term="Workflow">
            <Link href={`/workflows/${run.workflow.id}`} className="text-brand-700 hover:underline">{run.workflow.name}</Link>
            <span className="block text-xs text-slate-500">
              version {run.workflowVersion.version}
              {run.workflow.currentVersion === null
                ? " · the workflow has no current version"
                : run.workflow.currentVersion !== run.workflowVersion.version
                  ? ` · current is version ${run.workflow.currentVersion}`
                  : " · the current version"}
            </span>
          </Fact>
          <Fact term="Event">
            <Link href={`/event-log/${run.event.id}`} className="font-mono text-brand-700 hover:underline">{run.event.name}</Link>
            <span className="block text-xs text-slate-500">received {formatTimestamp(run.event.createdAt)}</span>
          </Fact>
          <Fact term="End user">
            <Link href={`/end-users/${encodeURIComponent(run.userId)}`} className="font-mono text-brand-700 hover:underline">{run.userId}</Link>
          </Fact>
          <Fact term="Trigger">
            {run.trigger === "EVENT" ? "The event" : run.trigger === "RETRY" ? "Retry" : "Replay"}
            {run.sourceRunId ? (
              <>
                {" of run "}
                <Link href={`/runs/${run.sourceRunId}`} className="font-mono text-brand-700 hover:underline">{shortId(run.sourceRunId)}</Link>
              </>
            ) : null}
          </Fact>
          <Fact term="Started">{run.startedAt ? formatTimestamp(run.startedAt) : `Queued since ${formatTimestamp(run.createdAt)}`}</Fact>
          <Fact term="Finished">{run.finishedAt ? formatTimestamp(run.finishedAt) : active && run.deadlineAt ? `Times out at ${formatTimestamp(run.deadlineAt)}` : "—"}</Fact>
          <Fact term="Duration">
            <span className="tabular-nums" suppressHydrationWarning>{formatDuration(elapsedMs(run.startedAt, run.finishedAt, now))}</span>
          </Fact>
        </dl>
        {run.error ? (
          <div role="alert" className="mt-4 rounded-md bg-red-50 p-3 text-sm text-red-900 ring-1 ring-red-200">
            <p className="font-medium">{run.error.message}</p>
            <p className="mt-1 text-xs">
              code <span className="font-mono">{run.error.code}</span>
              {failedStep ? (
                <>
                  {" · at step "}
                  <a href={`#step-${failedStep.stepId}`} className="underline">{failedStep.name}</a>
                </>
              ) : null}
            </p>
          </div>
        ) : null}
        {error ? <p role="alert" className="mt-3 text-xs text-red-700">Could not refresh: {error.message}</p> : null}
      </section>

      <section aria-labelledby="steps-heading">
        <h2 id="steps-heading" className="mb-3 text-base font-semibold">Steps</h2>
        <RunStepTimeline steps={run.steps} runFinished={!active} carriedOverBefore={run.trigger === "RETRY" ? run.createdAt : null} now={now} />
      </section>
    </>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{term}</dt>
      <dd className="mt-1 text-slate-900">{children}</dd>
    </div>
  );
}
