import "server-only";
import type { PoolClient } from "pg";
import { pool } from "@/lib/db";
import { executeAction, validateActionInput } from "@/lib/connectors/execute-action";
import { getActionOrThrow } from "@/lib/connectors/registry";
import { DEFAULT_RETRY, DEFAULT_STEP_TIMEOUT_SECONDS, nextRetryDelayMs } from "@/lib/connectors/retry";
import { redactSecrets } from "@/lib/connectors/redact";
import type { TStepError } from "@/lib/connectors/types";
import { loadConnectionForRun } from "@/lib/connections/load-connection-secrets";
import { evaluateMapping } from "@/lib/mapping/evaluate-mapping";
import type { TWorkflowStep } from "@/lib/mapping/types";
import { notificationTargetFor, queueRunNotification } from "@/lib/notifications/queue-run-notification";
import { claimRun, finishRunAndStep, finishRunAndStepIn, startStep, type TClaimedRun, type TRunFinish } from "@/lib/engine/run-statements";

// Executes one run: the steps of the workflow version it recorded, in order. Called by the
// `run_workflow` job; safe to call again for the same run at any time (after a crash, a retry
// delay, or a duplicate job), because:
// - a step that SUCCEEDED is never executed again (its stored output feeds later steps);
// - a step is marked RUNNING before its call, so a run found RUNNING after a crash re-executes
//   only that step, and connectors make the repeated call idempotent (NetSuite externalId,
//   webhook-id stable per run and step);
// - finished runs (SUCCEEDED/FAILED/CANCELLED) are left alone.
// Waiting for a retry does not hold a worker: the step is marked RETRYING and the job is
// re-added with run_at in the future, in the same statement.
// The claim, step-started and run-finished writes are shared with the runs this worker executes
// at the same moment (lib/engine/run-statements.ts); each still commits before the run goes on.

export type TAttemptLogEntry = {
  attempt: number;
  startedAt: string;
  durationMs: number;
  httpStatus?: number;
  error?: string;
  retryInMs?: number;
};

export type TExecuteRunResult = "succeeded" | "failed" | "retry_scheduled" | "skipped";

// $1 run, $2 step id, $3 status, $4 output, $5 error, $6 http status, $7 log entry, $8 duration ms, $9 next attempt at
const FINISH_STEP_SQL = `
  UPDATE run_steps SET status = $3::"RunStepStatus", output = $4::jsonb, error = $5::jsonb, "httpStatus" = $6,
    "attemptLog" = "attemptLog" || jsonb_build_array($7::jsonb), "durationMs" = $8,
    "finishedAt" = CASE WHEN $3 IN ('SUCCEEDED', 'FAILED') THEN now() ELSE NULL END,
    "nextAttemptAt" = $9
  WHERE "runId" = $1 AND "stepId" = $2`;

export async function executeRun({ runId, now = () => new Date() }: { runId: string; now?: () => Date }): Promise<TExecuteRunResult> {
  const claimed = await claimRun(runId);
  if (!claimed) return "skipped";

  const stored = new Map(claimed.storedSteps.map((s) => [s.stepId, s]));
  const outputs: Record<string, unknown> = {};
  const context = {
    data: claimed.data,
    event: { id: claimed.eventId, name: claimed.eventName },
    endUser: { userId: claimed.userId },
    steps: outputs,
  };

  for (const [position, step] of claimed.steps.entries()) {
    const previous = stored.get(step.id);
    if (previous?.status === "SUCCEEDED") {
      outputs[step.id] = previous.output;
      continue;
    }
    if (previous?.status === "FAILED") {
      // A failed step only runs again through "Retry", which creates a new run.
      return finishRun(claimed, "FAILED", { message: `Step "${step.name}" failed.`, code: "step_failed", stepId: step.id });
    }

    const attempt = (previous?.attempts ?? 0) + 1;
    const interrupted: TAttemptLogEntry | null =
      previous?.status === "RUNNING"
        ? { attempt: previous.attempts, startedAt: now().toISOString(), durationMs: 0, error: "The worker stopped during this attempt; it was run again." }
        : null;
    const startedAt = now();
    const result = await runStep({ claimed, step, position, attempt, interrupted, context });
    const durationMs = Date.now() - startedAt.getTime();
    const entry: TAttemptLogEntry = {
      attempt,
      startedAt: startedAt.toISOString(),
      durationMs,
      ...(result.httpStatus ? { httpStatus: result.httpStatus } : {}),
    };

    if (result.ok) {
      outputs[step.id] = result.output;
      if (position === claimed.steps.length - 1) {
        return finishRun(claimed, "SUCCEEDED", null, { stepId: step.id, status: "SUCCEEDED", output: result.output, httpStatus: result.httpStatus, entry, durationMs });
      }
      await pool().query({
        name: "engine_finish_step",
        text: FINISH_STEP_SQL,
        values: [claimed.id, step.id, "SUCCEEDED", json(redactSecrets(result.output)), null, result.httpStatus ?? null, JSON.stringify(entry), durationMs, null],
      });
      continue;
    }

    const error = result.error;
    entry.error = error.message;
    const policy = step.retry ?? DEFAULT_RETRY;
    const deadline = new Date(claimed.deadlineAt).getTime();
    if (error.retryable && attempt < policy.maxAttempts) {
      const delay = nextRetryDelayMs({ attempt, policy, retryAfterMs: error.retryAfterMs });
      if (Date.now() + delay < deadline) {
        entry.retryInMs = delay;
        await scheduleRetry({ claimed, stepId: step.id, error, entry, durationMs, runAt: new Date(Date.now() + delay) });
        return "retry_scheduled";
      }
    }
    const timedOut = error.retryable && Date.now() >= deadline;
    return finishRun(
      claimed,
      "FAILED",
      {
        message: timedOut ? `The run timed out during step "${step.name}": ${error.message}` : `Step "${step.name}" failed: ${error.message}`,
        code: timedOut ? "run_timed_out" : error.code,
        stepId: step.id,
      },
      { stepId: step.id, status: "FAILED", error, httpStatus: error.httpStatus, entry, durationMs },
    );
  }
  return finishRun(claimed, "SUCCEEDED", null);
}

type TStepOutcome = { ok: true; output: unknown; httpStatus?: number } | { ok: false; error: TStepError; httpStatus?: number };

async function runStep({
  claimed,
  step,
  position,
  attempt,
  interrupted,
  context,
}: {
  claimed: TClaimedRun;
  step: TWorkflowStep;
  position: number;
  attempt: number;
  interrupted: TAttemptLogEntry | null;
  context: Parameters<typeof evaluateMapping>[0]["context"];
}): Promise<TStepOutcome> {
  const record = (input: unknown) =>
    startStep({
      runId: claimed.id,
      stepId: step.id,
      position,
      name: step.name,
      action: step.action,
      attempt,
      inputJson: json(redactSecrets(input)),
      interruptedJson: interrupted ? JSON.stringify(interrupted) : null,
    });

  let action;
  try {
    action = getActionOrThrow(step.action);
  } catch {
    await record(null);
    return fail(`The action "${step.action}" does not exist in this version of Custom Events.`, "unknown_action");
  }

  const mapped = await evaluateMapping({ mapping: step.mapping ?? {}, context, targetSchema: action.inputSchema });
  if (mapped.errors.length > 0) {
    await record(mapped.input);
    return fail(`The field mapping failed: ${mapped.errors.map((e) => `${e.target}: ${e.message}`).join("; ")}.`, "mapping_failed");
  }
  const validation = validateActionInput(action, mapped.input);
  if (!validation.valid) {
    await record(mapped.input);
    return fail(`The mapped input is not valid for ${action.name}: ${validation.errors.map((e) => e.message).join("; ")}.`, "input_invalid", validation.errors);
  }

  let connection: Record<string, string> | undefined;
  if (action.requiresConnection) {
    let loaded: Record<string, string> | null;
    try {
      loaded = await loadConnectionForRun({ endUserId: claimed.endUserId, connector: action.connector });
    } catch {
      await record(mapped.input);
      return fail(
        `The ${action.connector} connection of end user "${claimed.userId}" cannot be decrypted (was ENCRYPTION_KEY changed?). Re-enter its secrets on the end user's page, then retry the run.`,
        "connection_unreadable",
      );
    }
    if (!loaded) {
      await record(mapped.input);
      return fail(
        `End user "${claimed.userId}" has no ${action.connector} connection. Add one on the end user's page, then retry the run.`,
        "connection_missing",
      );
    }
    connection = loaded;
  }

  await record(mapped.input);
  const remainingMs = new Date(claimed.deadlineAt).getTime() - Date.now();
  if (remainingMs <= 0) return fail("The run's time limit was reached before this step started.", "run_timed_out");
  const timeoutMs = Math.min((step.timeoutSeconds ?? DEFAULT_STEP_TIMEOUT_SECONDS) * 1000, remainingMs);
  const result = await executeAction({
    action,
    input: mapped.input,
    context: { runId: claimed.id, stepId: step.id, attempt, connection },
    timeoutMs,
  });
  if (result.ok) return { ok: true, output: result.output, httpStatus: result.httpStatus };
  return { ok: false, error: result.error, httpStatus: result.httpStatus ?? result.error.httpStatus };
}

function fail(message: string, code: string, details?: unknown): TStepOutcome {
  return { ok: false, error: { message, code, retryable: false, ...(details ? { details } : {}) } };
}

async function scheduleRetry({
  claimed,
  stepId,
  error,
  entry,
  durationMs,
  runAt,
}: {
  claimed: TClaimedRun;
  stepId: string;
  error: TStepError;
  entry: TAttemptLogEntry;
  durationMs: number;
  runAt: Date;
}) {
  await withTransaction(async (client) => {
    await client.query(FINISH_STEP_SQL, [claimed.id, stepId, "RETRYING", null, json(error), error.httpStatus ?? null, JSON.stringify(entry), durationMs, runAt]);
    // Same job key: replaces any queued duplicate; the running job's key is released by graphile.
    await client.query(`SELECT graphile_worker.add_job('run_workflow', json_build_object('runId', $1::text), run_at => $2, job_key => 'run:' || $1)`, [
      claimed.id,
      runAt,
    ]);
  });
}

type TStepRecord = { stepId: string; status: "SUCCEEDED" | "FAILED"; output?: unknown; error?: TStepError; httpStatus?: number; entry: TAttemptLogEntry; durationMs: number };

async function finishRun(
  claimed: TClaimedRun,
  status: "SUCCEEDED" | "FAILED",
  runError: { message: string; code: string; stepId: string } | null,
  step?: TStepRecord,
): Promise<TExecuteRunResult> {
  const finish: TRunFinish = {
    runId: claimed.id,
    status,
    errorJson: runError ? JSON.stringify(runError) : null,
    step: step
      ? {
          stepId: step.stepId,
          status: step.status,
          outputJson: step.output === undefined ? null : json(redactSecrets(step.output)),
          errorJson: step.error ? json(step.error) : null,
          httpStatus: step.httpStatus ?? null,
          entryJson: JSON.stringify(step.entry),
          durationMs: step.durationMs,
        }
      : null,
  };
  // The last step's record and the run's status in one statement; when the workspace wants a
  // notification, that statement and the notification's row and job share a transaction.
  if (await notificationTargetFor(pool(), status)) {
    await withTransaction(async (client) => {
      if (await finishRunAndStepIn(client, finish)) await queueRunNotification(client, { runId: claimed.id, status });
    });
  } else {
    await finishRunAndStep(finish);
  }
  return status === "SUCCEEDED" ? "succeeded" : "failed";
}

async function withTransaction<T>(fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool().connect();
  try {
    await client.query("BEGIN");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

function json(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

/** Marks a run FAILED when its job gave up on an unexpected error (database gone for a long time, a bug). */
export async function failRunAfterJobGaveUp({ runId, message }: { runId: string; message: string }) {
  await withTransaction(async (client) => {
    const updated = await client.query(
      `UPDATE runs SET status = 'FAILED', "finishedAt" = now(), error = $2::jsonb WHERE id = $1 AND status IN ('QUEUED', 'RUNNING')`,
      [runId, JSON.stringify({ message, code: "internal" })],
    );
    if (updated.rowCount) await queueRunNotification(client, { runId, status: "FAILED" });
  });
}
