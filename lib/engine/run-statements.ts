import "server-only";
import type { PoolClient } from "pg";
import { sql, STATEMENT_TIMEOUT_MS } from "@/lib/db";
import { createStatementBatcher } from "@/lib/db/statement-batcher";
import type { TWorkflowStep } from "@/lib/mapping/types";

// The engine's three statements per run (claim, step started, run finished), each shared by the
// runs a worker executes at the same moment (group commit, lib/db/statement-batcher.ts): with 20
// runs in flight, a worker sends a few statements where it sent 60, and the socket writes and
// commits they cost were most of its time (docs/benchmarks.md). Every caller still waits for the
// statement that holds its row to commit before it goes on, so the engine's order of effects
// (step marked RUNNING before its call, run finished before the job completes) is unchanged.

export type TStoredStep = {
  stepId: string;
  status: "RUNNING" | "RETRYING" | "SUCCEEDED" | "FAILED";
  output: unknown;
  attempts: number;
};

export type TClaimedRun = {
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

export type TStepStart = {
  runId: string;
  stepId: string;
  position: number;
  name: string;
  action: string;
  attempt: number;
  inputJson: string | null;
  /** The log entry of an attempt a lost worker left unfinished, appended before this one. */
  interruptedJson: string | null;
};

export type TRunFinish = {
  runId: string;
  status: "SUCCEEDED" | "FAILED";
  errorJson: string | null;
  /** The last step's record, written with the run's status. */
  step: {
    stepId: string;
    status: "SUCCEEDED" | "FAILED";
    outputJson: string | null;
    errorJson: string | null;
    httpStatus: number | null;
    entryJson: string;
    durationMs: number;
  } | null;
};


// QUEUED or RUNNING (a run a lost worker left behind) runs are claimed; finished ones are not.
const CLAIM_SQL = `
  WITH claimed AS (
    UPDATE runs r SET status = 'RUNNING', "startedAt" = COALESCE(r."startedAt", now()),
      "deadlineAt" = COALESCE(r."deadlineAt", now() + make_interval(secs => w."runTimeoutSeconds"))
    FROM workflows w
    WHERE r.id = ANY($1::uuid[]) AND w.id = r."workflowId" AND r.status IN ('QUEUED', 'RUNNING')
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

// A step is RUNNING before its call; a second attempt updates the row and appends to its log.
const START_STEPS_SQL = `
  INSERT INTO run_steps AS s (id, "runId", "stepId", position, name, action, status, input, attempts, "attemptLog", "startedAt")
  SELECT gen_random_uuid(), u.run_id, u.step_id, u.position, u.name, u.action, 'RUNNING', u.input::jsonb, u.attempt,
    CASE WHEN u.interrupted IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(u.interrupted::jsonb) END, now()
  FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[])
    AS u(run_id, step_id, position, name, action, attempt, input, interrupted)
  ON CONFLICT ("runId", "stepId") DO UPDATE SET status = 'RUNNING', input = EXCLUDED.input, attempts = EXCLUDED.attempts,
    "attemptLog" = s."attemptLog" || EXCLUDED."attemptLog", "nextAttemptAt" = NULL, error = NULL`;

// The last step's record and the run's status in one statement (data-modifying CTEs all run to
// completion); `finished` says whether this statement moved the run out of RUNNING.
const FINISH_RUNS_SQL = `
  WITH u AS MATERIALIZED (
    SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::text[], $10::int[])
      AS u(run_id, status, run_error, step_id, step_status, output, step_error, http_status, entry, duration_ms)
  ),
  step AS (
    UPDATE run_steps s SET status = u.step_status::"RunStepStatus", output = u.output::jsonb, error = u.step_error::jsonb,
      "httpStatus" = u.http_status, "attemptLog" = s."attemptLog" || jsonb_build_array(u.entry::jsonb), "durationMs" = u.duration_ms,
      "finishedAt" = now(), "nextAttemptAt" = NULL
    FROM u WHERE u.step_id IS NOT NULL AND s."runId" = u.run_id AND s."stepId" = u.step_id
  ),
  run AS (
    UPDATE runs r SET status = u.status::"RunStatus", "finishedAt" = now(), error = u.run_error::jsonb
    FROM u WHERE r.id = u.run_id AND r.status = 'RUNNING'
    RETURNING r.id
  )
  SELECT u.run_id AS "runId", EXISTS (SELECT 1 FROM run WHERE run.id = u.run_id) AS finished FROM u`;

function batcher<TEntry, TResult>(run: (entries: TEntry[]) => Promise<TResult[]>, options: { key: (entry: TEntry) => string; sizeOf?: (entry: TEntry) => number }) {
  return createStatementBatcher(run, {
    maxEntries: 50,
    maxBytes: 4 * 1024 * 1024,
    maxInFlight: 4,
    sizeOf: options.sizeOf ?? (() => 1),
    exclusiveKey: options.key,
    // A statement PostgreSQL cancelled at STATEMENT_TIMEOUT_MS did not commit, and one that waited
    // too long was never sent: the job fails, graphile-worker retries it, the engine picks up
    // where the run stopped.
    maxWaitMs: STATEMENT_TIMEOUT_MS,
    waitedTooLong: () => new Error("the database did not accept the engine's statement in time"),
  });
}

const claims = batcher<string, TClaimedRun | null>(
  async (runIds) => {
    const rows = await sql<TClaimedRun>(CLAIM_SQL, [runIds], "engine_claim_runs");
    const claimed = new Map(rows.map((row) => [row.id, row]));
    return runIds.map((id) => claimed.get(id) ?? null);
  },
  { key: (runId) => runId },
);

const starts = batcher<TStepStart, void>(
  async (entries) => {
    const column = <T>(pick: (entry: TStepStart) => T) => entries.map(pick);
    await sql(START_STEPS_SQL, [
      column((e) => e.runId),
      column((e) => e.stepId),
      column((e) => e.position),
      column((e) => e.name),
      column((e) => e.action),
      column((e) => e.attempt),
      column((e) => e.inputJson),
      column((e) => e.interruptedJson),
    ], "engine_start_steps");
    return entries.map(() => undefined);
  },
  { key: (e) => e.runId, sizeOf: (e) => e.inputJson?.length ?? 1 },
);

function finishValues(entries: TRunFinish[]) {
  const column = <T>(pick: (entry: TRunFinish) => T) => entries.map(pick);
  return [
    column((e) => e.runId),
    column((e) => e.status),
    column((e) => e.errorJson),
    column((e) => e.step?.stepId ?? null),
    column((e) => e.step?.status ?? null),
    column((e) => e.step?.outputJson ?? null),
    column((e) => e.step?.errorJson ?? null),
    column((e) => e.step?.httpStatus ?? null),
    column((e) => e.step?.entryJson ?? null),
    column((e) => e.step?.durationMs ?? null),
  ];
}

const finishes = batcher<TRunFinish, boolean>(
  async (entries) => {
    const rows = await sql<{ runId: string; finished: boolean }>(FINISH_RUNS_SQL, finishValues(entries), "engine_finish_runs");
    const finished = new Map(rows.map((row) => [row.runId, row.finished]));
    return entries.map((e) => finished.get(e.runId) ?? false);
  },
  { key: (e) => e.runId, sizeOf: (e) => e.step?.outputJson?.length ?? 1 },
);

/** Statements sent and entries they carried, per kind, since the process started. */
export function engineStatementStats() {
  return { claims: claims.stats(), starts: starts.stats(), finishes: finishes.stats() };
}

/** Claims a run for execution with everything needed to run it; null when it is finished. */
export function claimRun(runId: string): Promise<TClaimedRun | null> {
  return claims.submit(runId);
}

/** Marks a step RUNNING (with its resolved input) before its call. */
export function startStep(start: TStepStart): Promise<void> {
  return starts.submit(start);
}

/** Writes the last step's record and the run's final status; true when this call finished it. */
export function finishRunAndStep(finish: TRunFinish): Promise<boolean> {
  return finishes.submit(finish);
}

/** The same write inside a caller's transaction (when the run's notification shares it). */
export async function finishRunAndStepIn(client: PoolClient, finish: TRunFinish): Promise<boolean> {
  const { rows } = await client.query<{ finished: boolean }>({ name: "engine_finish_runs", text: FINISH_RUNS_SQL, values: finishValues([finish]) });
  return rows[0]?.finished ?? false;
}
