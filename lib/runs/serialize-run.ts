import "server-only";
import type { TRunWithSteps } from "@/lib/runs/get-run";
import { buildRunTimeline, parseVersionSteps } from "@/lib/runs/run-timeline";
import type { TRunDetail, TRunError } from "@/lib/runs/schemas";

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/** The run page's view of a run (also what its live refresh fetches). */
export function serializeRunDetail(run: TRunWithSteps): TRunDetail {
  return {
    id: run.id,
    status: run.status,
    trigger: run.trigger,
    sourceRunId: run.sourceRunId,
    workflow: { id: run.workflow.id, name: run.workflow.name, currentVersion: run.workflow.currentVersion?.version ?? null },
    workflowVersion: { id: run.workflowVersion.id, version: run.workflowVersion.version },
    event: { id: run.event.id, name: run.event.customEvent.name, createdAt: run.event.createdAt.toISOString() },
    userId: run.endUser.userId,
    error: (run.error as TRunError | null) ?? null,
    createdAt: run.createdAt.toISOString(),
    startedAt: iso(run.startedAt),
    finishedAt: iso(run.finishedAt),
    deadlineAt: iso(run.deadlineAt),
    steps: buildRunTimeline(parseVersionSteps(run.workflowVersion.steps), run.steps),
  };
}

/** GET /api/v1/runs/{runId}: the public contract (see the Run schema in lib/openapi). */
export function serializeRunForApi(run: TRunWithSteps) {
  const detail = serializeRunDetail(run);
  return {
    runId: detail.id,
    status: run.status.toLowerCase() as "queued" | "running" | "succeeded" | "failed" | "cancelled",
    workflowId: detail.workflow.id,
    workflowVersion: detail.workflowVersion.version,
    eventId: detail.event.id,
    trigger: run.trigger.toLowerCase() as "event" | "retry" | "replay",
    steps: detail.steps.map((step) => ({
      stepId: step.stepId,
      name: step.name,
      status: step.status,
      input: step.input,
      output: step.output,
      error: step.error,
      attempts: step.attempts,
      httpStatus: step.httpStatus,
      durationMs: step.durationMs,
    })),
    error: detail.error,
    startedAt: detail.startedAt,
    finishedAt: detail.finishedAt,
    createdAt: detail.createdAt,
  };
}
