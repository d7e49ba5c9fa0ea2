import type { TAttemptLogEntry, TRunTimelineStep, TStepError, TTimelineStepStatus } from "@/lib/runs/schemas";

// How a run's recorded steps line up with the steps of the workflow version it ran. Pure, so the
// page, the public API and retries agree on it, and unit tests cover it without a database.

/** The part of a WorkflowVersion step these functions need. */
export type TVersionStep = { id: string; name: string; action: string };

/** A RunStep row as Prisma returns it. */
export type TRecordedStep = {
  stepId: string;
  position: number;
  name: string;
  action: string;
  status: "RUNNING" | "RETRYING" | "SUCCEEDED" | "FAILED";
  input: unknown;
  output: unknown;
  error: unknown;
  httpStatus: number | null;
  attempts: number;
  attemptLog: unknown;
  startedAt: Date | null;
  finishedAt: Date | null;
  durationMs: number | null;
  nextAttemptAt: Date | null;
};

/** WorkflowVersion.steps (JSON) as a list of steps; entries without an id are skipped. */
export function parseVersionSteps(steps: unknown): TVersionStep[] {
  if (!Array.isArray(steps)) return [];
  return steps.flatMap((step) => {
    if (!step || typeof step !== "object") return [];
    const { id, name, action } = step as Record<string, unknown>;
    if (typeof id !== "string" || !id) return [];
    return [{ id, name: typeof name === "string" && name ? name : id, action: typeof action === "string" ? action : "" }];
  });
}

const STATUS: Record<TRecordedStep["status"], TTimelineStepStatus> = {
  RUNNING: "running",
  RETRYING: "retrying",
  SUCCEEDED: "succeeded",
  FAILED: "failed",
};

const iso = (value: Date | null) => (value ? value.toISOString() : null);

function timelineStep(step: TRecordedStep): TRunTimelineStep {
  return {
    stepId: step.stepId,
    name: step.name,
    action: step.action,
    status: STATUS[step.status],
    input: step.input ?? null,
    output: step.output ?? null,
    error: step.error && typeof step.error === "object" ? (step.error as TStepError) : null,
    httpStatus: step.httpStatus,
    attempts: step.attempts,
    attemptLog: Array.isArray(step.attemptLog) ? (step.attemptLog as TAttemptLogEntry[]) : [],
    startedAt: iso(step.startedAt),
    finishedAt: iso(step.finishedAt),
    durationMs: step.durationMs,
    nextAttemptAt: iso(step.nextAttemptAt),
  };
}

/**
 * Every step of the version, in order: the recorded ones as recorded, the others pending (not
 * reached yet, or never because the run stopped). A recorded step the version does not have
 * (it cannot happen through the engine) is kept at the end rather than hidden.
 */
export function buildRunTimeline(versionSteps: TVersionStep[], recorded: TRecordedStep[]): TRunTimelineStep[] {
  const byId = new Map(recorded.map((step) => [step.stepId, step]));
  const timeline = versionSteps.map((step): TRunTimelineStep => {
    const found = byId.get(step.id);
    if (found) return timelineStep(found);
    return {
      stepId: step.id,
      name: step.name,
      action: step.action,
      status: "pending",
      input: null,
      output: null,
      error: null,
      httpStatus: null,
      attempts: 0,
      attemptLog: [],
      startedAt: null,
      finishedAt: null,
      durationMs: null,
      nextAttemptAt: null,
    };
  });
  const known = new Set(versionSteps.map((step) => step.id));
  const extra = recorded.filter((step) => !known.has(step.stepId)).sort((a, b) => a.position - b.position);
  return [...timeline, ...extra.map(timelineStep)];
}

/**
 * The recorded steps a retry can reuse with the chosen version: walking its steps in order, each
 * one the original run completed with the same step id and action, up to the first it did not.
 * The engine skips those, so the retry starts at the step that failed (or at the first step
 * the chosen version changed).
 */
export function succeededPrefix(versionSteps: TVersionStep[], recorded: TRecordedStep[]): TRecordedStep[] {
  const byId = new Map(recorded.map((step) => [step.stepId, step]));
  const prefix: TRecordedStep[] = [];
  for (const step of versionSteps) {
    const found = byId.get(step.id);
    if (!found || found.status !== "SUCCEEDED" || found.action !== step.action) break;
    prefix.push(found);
  }
  return prefix;
}
