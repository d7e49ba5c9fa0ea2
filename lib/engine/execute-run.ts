import "server-only";
import type { PoolClient } from "pg";
import { pool } from "@/lib/db";
import { executeAction, validateActionInput } from "@/lib/connectors/execute-action";
import { getActionOrThrow } from "@/lib/connectors/registry";
import { DEFAULT_RETRY, nextRetryDelayMs } from "@/lib/connectors/retry";
import { redactSecrets } from "@/lib/connectors/redact";
import type { TStepError } from "@/lib/connectors/types";
import { loadConnectionForRun } from "@/lib/connections/load-connection-secrets";
import { evaluateMapping } from "@/lib/mapping/evaluate-mapping";
import type { TWorkflowStep } from "@/lib/mapping/types";
import { notificationTargetFor, queueRunNotification } from "@/lib/notifications/queue-run-notification";

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

export const DEFAULT_STEP_TIMEOUT_SECONDS = 30;

type TStoredStep = {
  stepId: string;
  status: "RUNNING" | "RETRYING" | "SUCCEEDED" | "FAILED";
  output: unknown;
  attempts: number;
};

type TClaimedRun = {
  id: string;
  workflowId: string;
  eventId: string;
  endUserId: string;
  deadlineAt: Date;
  steps: TWorkflowStep[];
  data: Record<string, unknown>;
  eventName: string;
  userId: string;
  storedSteps: TStoredStep[];
};

export type TAttemptLogEntry = {
  attempt: number;
  startedAt: string;
  durationMs: number;
  httpStatus?: number;
  error?: string;
  retryInMs?: number;
};

export type TExecuteRunResult = "succeeded" | "failed" | "retry_scheduled" | "skipped";

const CLAIM_SQL = `
  WITH claimed AS (
    UPDATE runs r SET status = 'RUNNING', "startedAt" = COALESCE(r."startedAt", now()),
      "deadlineAt" = COALESCE(r."deadlineAt", now() + make_interval(secs => w."runTimeoutSeconds"))
    FROM workflows w
    WHERE r.id = $1 AND w.id = r."workflowId" AND r.status IN ('QUEUED', 'RUNNING')
    RETURNING r.id, r."workflowId", r."workflowVersionId", r."eventId", r."endUserId", r."deadlineAt"
  )
  SELECT c.id, c."workflowId", c."eventId", c."endUserId", c."deadlineAt", wv.steps, e.data, ce.name AS "eventName", eu."userId",
    COALESCE((SELECT json_agg(json_build_object('stepId', s."stepId", 'status', s.status, 'output', s.output, 'attempts', s.attempts))
      FROM run_steps s WHERE s."runId" = c.id), '[]'::json) AS "storedSteps"
  FROM claimed c
  JOIN workflow_versions wv ON wv.id = c."workflowVersionId"
  JOIN events e ON e.id = c."eventId"
  JOIN custom_events ce ON ce.id = e."customEventId"
  JOIN end_users eu ON eu.id = c."endUserId"`;

// $1 run, $2 step id, $3 position, $4 name, $5 action, $6 attempt, $7 input, $8 log entry for an interrupted attempt (or null)
const START_STEP_SQL = `
  INSERT INTO run_steps (id, "runId", "stepId", position, name, action, status, input, attempts, "attemptLog", "startedAt")
  VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, 'RUNNING', $7::jsonb, $6, CASE WHEN $8::jsonb IS NULL THEN '[]'::jsonb ELSE jsonb_build_array($8::jsonb) END, now())
  ON CONFLICT ("runId", "stepId") DO UPDATE SET status = 'RUNNING', input = EXCLUDED.input, attempts = EXCLUDED.attempts,
    "attemptLog" = run_steps."attemptLog" || (CASE WHEN $8::jsonb IS NULL THEN '[]'::jsonb ELSE jsonb_build_array($8::jsonb) END),
    "nextAttemptAt" = NULL, error = NULL`;

// $1 run, $2 step id, $3 status, $4 output, $5 error, $6 http status, $7 log entry, $8 duration ms, $9 next attempt at
const FINISH_STEP_SQL = `
  UPDATE run_steps SET status = $3::"RunStepStatus", output = $4::jsonb, error = $5::jsonb, "httpStatus" = $6,
    "attemptLog" = "attemptLog" || jsonb_build_array($7::jsonb), "durationMs" = $8,
    "finishedAt" = CASE WHEN $3 IN ('SUCCEEDED', 'FAILED') THEN now() ELSE NULL END,
    "nextAttemptAt" = $9
  WHERE "runId" = $1 AND "stepId" = $2`;

export async function executeRun({ runId, now = () => new Date() }: { runId: string; now?: () => Date }): Promise<TExecuteRunResult> {
  const claimed = (await pool().query<TClaimedRun>({ name: "engine_claim_run", text: CLAIM_SQL, values: [runId] })).rows[0];
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
    pool().query({
      name: "engine_start_step",
      text: START_STEP_SQL,
      values: [claimed.id, step.id, position, step.name, step.action, attempt, json(redactSecrets(input)), interrupted ? JSON.stringify(interrupted) : null],
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

// One statement finishes the run: the last step's record and the run's status (data-modifying
// CTEs all run to completion, so it is atomic in one round trip). When the workspace wants a
// notification, the same statement and the notification's row and job share a transaction.
// $1 run, $2 status, $3 run error, $4 step id (or null), $5 step status, $6 output, $7 step error,
// $8 http status, $9 log entry, $10 duration ms
const FINISH_RUN_SQL = `
  WITH step AS (
    UPDATE run_steps SET status = $5::"RunStepStatus", output = $6::jsonb, error = $7::jsonb, "httpStatus" = $8,
      "attemptLog" = "attemptLog" || jsonb_build_array($9::jsonb), "durationMs" = $10, "finishedAt" = now(), "nextAttemptAt" = NULL
    WHERE $4::text IS NOT NULL AND "runId" = $1 AND "stepId" = $4
  ),
  run AS (
    UPDATE runs SET status = $2::"RunStatus", "finishedAt" = now(), error = $3::jsonb WHERE id = $1 AND status = 'RUNNING' RETURNING id
  )
  SELECT count(*)::int AS finished FROM run`;

type TStepRecord = { stepId: string; status: "SUCCEEDED" | "FAILED"; output?: unknown; error?: TStepError; httpStatus?: number; entry: TAttemptLogEntry; durationMs: number };

async function finishRun(
  claimed: TClaimedRun,
  status: "SUCCEEDED" | "FAILED",
  runError: { message: string; code: string; stepId: string } | null,
  step?: TStepRecord,
): Promise<TExecuteRunResult> {
  const statement = {
    name: "engine_finish_run",
    text: FINISH_RUN_SQL,
    values: [
      claimed.id,
      status,
      runError ? JSON.stringify(runError) : null,
      step?.stepId ?? null,
      step?.status ?? "SUCCEEDED",
      step?.output === undefined ? null : json(redactSecrets(step.output)),
      step?.error ? json(step.error) : null,
      step?.httpStatus ?? null,
      step ? JSON.stringify(step.entry) : null,
      step?.durationMs ?? null,
    ],
  };
  if (await notificationTargetFor(pool(), status)) {
    await withTransaction(async (client) => {
      const { rows } = await client.query<{ finished: number }>(statement);
      if (rows[0]?.finished) await queueRunNotification(client, { runId: claimed.id, status });
    });
  } else {
    await pool().query(statement);
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
