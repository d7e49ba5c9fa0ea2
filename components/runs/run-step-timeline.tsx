"use client";

import { useId, useState } from "react";
import type { TAttemptLogEntry, TRunTimelineStep, TTimelineStepStatus } from "@/lib/runs/schemas";
import { elapsedMs, formatDuration, formatTimestamp } from "@/components/runs/format";
import { StepStatusBadge } from "@/components/runs/run-status-badge";

const DOT: Record<TTimelineStepStatus, string> = {
  pending: "border-slate-300 bg-white",
  running: "border-blue-600 bg-blue-600 animate-pulse",
  retrying: "border-amber-500 bg-amber-400",
  succeeded: "border-green-600 bg-green-600",
  failed: "border-red-600 bg-red-600",
};

/** Every step of the run's workflow version, in order; a step opens to show what it did. */
export function RunStepTimeline({
  steps,
  runFinished,
  carriedOverBefore,
  now,
}: {
  steps: TRunTimelineStep[];
  runFinished: boolean;
  /** For a retry: steps finished before this instant were carried over from the source run. */
  carriedOverBefore: string | null;
  now: number;
}) {
  if (steps.length === 0) {
    return <p className="text-sm text-slate-600">The workflow version this run used has no steps.</p>;
  }
  return (
    <ol className="space-y-3" aria-label="Steps">
      {steps.map((step, index) => (
        <StepItem
          key={step.stepId}
          step={step}
          index={index}
          last={index === steps.length - 1}
          runFinished={runFinished}
          carriedOver={Boolean(carriedOverBefore && step.status === "succeeded" && step.finishedAt && step.finishedAt < carriedOverBefore)}
          now={now}
        />
      ))}
    </ol>
  );
}

function StepItem({ step, index, last, runFinished, carriedOver, now }: { step: TRunTimelineStep; index: number; last: boolean; runFinished: boolean; carriedOver: boolean; now: number }) {
  const panelId = useId();
  const [expanded, setExpanded] = useState(step.status === "failed" || step.status === "retrying");
  const reached = step.status !== "pending";
  const duration = step.durationMs ?? elapsedMs(step.startedAt, step.finishedAt, now);
  return (
    <li id={`step-${step.stepId}`} className="relative flex gap-3" data-testid={`run-step-${step.stepId}`} data-status={step.status}>
      <div className="flex flex-col items-center pt-3" aria-hidden>
        <span className={`h-3 w-3 rounded-full border-2 ${DOT[step.status]}`} />
        {last ? null : <span className="mt-1 w-px flex-1 bg-slate-200" />}
      </div>
      <div className="min-w-0 flex-1 rounded-lg border border-slate-200 bg-white">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3">
          {reached ? (
            <button
              type="button"
              aria-expanded={expanded}
              aria-controls={panelId}
              onClick={() => setExpanded(!expanded)}
              className="flex min-w-0 items-center gap-2 text-left text-sm font-medium text-slate-900 hover:text-brand-700"
            >
              <span aria-hidden className="text-slate-400">{expanded ? "▾" : "▸"}</span>
              <span>{index + 1}. {step.name}</span>
            </button>
          ) : (
            <span className="pl-5 text-sm font-medium text-slate-500">{index + 1}. {step.name}</span>
          )}
          <span className="font-mono text-xs text-slate-500">{step.action}</span>
          <StepStatusBadge status={step.status} runFinished={runFinished} />
          {carriedOver ? <span className="text-xs text-slate-500">reused from the source run</span> : null}
          <span className="ml-auto flex gap-3 text-xs text-slate-600 tabular-nums">
            {step.httpStatus !== null ? <span>HTTP {step.httpStatus}</span> : null}
            {step.attempts > 1 ? <span>{step.attempts} attempts</span> : null}
            {reached ? <span suppressHydrationWarning>{formatDuration(duration)}</span> : null}
          </span>
        </div>
        {step.status === "retrying" && step.nextAttemptAt ? (
          <p className="border-t border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900" suppressHydrationWarning>
            Attempt {step.attempts} failed{step.error ? `: ${step.error.message}` : ""}. Next attempt at {formatTimestamp(step.nextAttemptAt)}
            {Date.parse(step.nextAttemptAt) > now ? ` (in ${Math.ceil((Date.parse(step.nextAttemptAt) - now) / 1000)} s)` : ""}.
          </p>
        ) : null}
        {reached && expanded ? (
          <div id={panelId} className="space-y-4 border-t border-slate-100 px-4 py-4">
            <StepFacts step={step} duration={duration} />
            {step.error ? (
              <div className="rounded-md bg-red-50 p-3 text-sm text-red-900 ring-1 ring-red-200">
                <p className="font-medium">{step.error.message}</p>
                <p className="mt-1 text-xs">
                  code <span className="font-mono">{step.error.code}</span>
                  {step.error.retryable !== undefined ? ` · ${step.error.retryable ? "retryable" : "not retryable"}` : ""}
                  {step.error.httpStatus ? ` · HTTP ${step.error.httpStatus}` : ""}
                </p>
              </div>
            ) : null}
            <div className="grid gap-4 lg:grid-cols-2">
              <JsonBlock title="Input" value={step.input} empty="No input recorded." />
              <JsonBlock title="Output" value={step.output} empty={step.status === "succeeded" ? "No output." : "No output: the step has not succeeded."} />
            </div>
            <AttemptLog attempts={step.attemptLog} />
          </div>
        ) : null}
      </div>
    </li>
  );
}

function StepFacts({ step, duration }: { step: TRunTimelineStep; duration: number | null }) {
  const facts: [string, string][] = [
    ["Started", formatTimestamp(step.startedAt)],
    ["Finished", formatTimestamp(step.finishedAt)],
    ["Duration", formatDuration(duration)],
    ["Attempts", String(step.attempts)],
    ["HTTP status", step.httpStatus === null ? "—" : String(step.httpStatus)],
  ];
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-5">
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt className="text-xs text-slate-500">{term}</dt>
          <dd className="tabular-nums text-slate-900" suppressHydrationWarning>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function JsonBlock({ title, value, empty }: { title: string; value: unknown; empty: string }) {
  return (
    <section>
      <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-600">{title}</h4>
      {value === null || value === undefined ? (
        <p className="text-sm text-slate-500">{empty}</p>
      ) : (
        <pre className="max-h-80 overflow-auto rounded bg-slate-50 p-3 text-xs">{JSON.stringify(value, null, 2)}</pre>
      )}
    </section>
  );
}

const attemptError = (error: TAttemptLogEntry["error"]) => (typeof error === "string" ? error : error?.message ?? "");

function AttemptLog({ attempts }: { attempts: TAttemptLogEntry[] }) {
  if (attempts.length === 0) return null;
  return (
    <section>
      <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-600">Attempts</h4>
      <div className="overflow-x-auto">
        <table className="min-w-full text-left text-sm">
          <thead className="text-xs text-slate-500">
            <tr>
              <th scope="col" className="py-1 pr-4 font-medium">#</th>
              <th scope="col" className="py-1 pr-4 font-medium">Time</th>
              <th scope="col" className="py-1 pr-4 font-medium">Duration</th>
              <th scope="col" className="py-1 pr-4 font-medium">HTTP status</th>
              <th scope="col" className="py-1 pr-4 font-medium">Error</th>
              <th scope="col" className="py-1 font-medium">Then</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {attempts.map((attempt) => (
              <tr key={attempt.attempt}>
                <td className="py-1 pr-4 tabular-nums">{attempt.attempt}</td>
                <td className="py-1 pr-4 whitespace-nowrap tabular-nums">{formatTimestamp(attempt.startedAt)}</td>
                <td className="py-1 pr-4 tabular-nums">{formatDuration(attempt.durationMs)}</td>
                <td className="py-1 pr-4 tabular-nums">{attempt.httpStatus ?? "—"}</td>
                <td className="py-1 pr-4 text-red-800">{attemptError(attempt.error) || <span className="text-slate-500">—</span>}</td>
                <td className="py-1 whitespace-nowrap text-slate-600">
                  {attempt.retryInMs !== undefined ? `retried in ${Math.round(attempt.retryInMs / 100) / 10} s` : "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
