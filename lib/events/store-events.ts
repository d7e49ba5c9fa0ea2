import "server-only";
import { sql } from "@/lib/db";
import { createStatementBatcher } from "@/lib/db/statement-batcher";
import { AppError } from "@/lib/errors/app-error";
import type { TEventSource, TFireEventResult } from "@/lib/events/fire-event";

// The write half of fireEvent: stores validated events, each with one queued run (and its
// graphile-worker job) per active workflow of its end user, in one statement per batch of
// concurrent requests (lib/db/statement-batcher.ts). The statement trusts nothing the caller
// looked up earlier: it re-checks that the schema version the data was validated against is
// still the event's current one and not archived, finds the end user and picks the workflows
// itself, so a cached lookup can never store an event against a stale contract.
//
// Per entry the statement answers:
// - stored:  the event, its runs and their jobs are written; `response` is the API's answer.
// - replay:  its Idempotency-Key is held by an earlier request (nothing written).
// - stale:   the event changed since validation (new version, archived, renamed): validate again.
// - no_user: no end user has this userId.
//
// Idempotency keys are inserted first, in key order (so concurrent batches cannot deadlock on
// each other's keys); a key held by an uncommitted request makes PostgreSQL wait for that
// request's outcome. The batcher never puts the same key twice in one batch.

export type TStoreEntry = {
  customEventId: string;
  eventName: string;
  versionId: string;
  userId: string;
  eventId: string;
  dataJson: string;
  source: TEventSource;
  apiKeyId: string | null;
  staffId: string | null;
  idempotency?: { scope: string; key: string; requestHash: string };
};

export type TStoreOutcome =
  | { kind: "stored"; response: TFireEventResult }
  | { kind: "replay" | "stale" | "no_user" };

export const IDEMPOTENCY_TTL_HOURS = 24;

const STORE_SQL = `
  WITH input AS MATERIALIZED (
    SELECT * FROM unnest($1::int[], $2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::uuid[], $7::text[],
      $8::"EventSource"[], $9::uuid[], $10::uuid[], $11::text[], $12::text[], $13::text[])
      AS i(ord, custom_event_id, event_name, version_id, user_id, event_id, data, source, api_key_id, staff_id,
        idem_scope, idem_key, idem_hash)
  ),
  target AS MATERIALIZED (
    SELECT i.*, ce.id IS NOT NULL AS current, eu.id AS end_user_id
    FROM input i
    LEFT JOIN custom_events ce ON ce.id = i.custom_event_id AND ce.name = i.event_name
      AND ce."currentVersionId" = i.version_id AND ce."archivedAt" IS NULL
    LEFT JOIN end_users eu ON eu."userId" = i.user_id
  ),
  planned AS MATERIALIZED (
    SELECT t.ord, gen_random_uuid() AS run_id, w.id AS workflow_id, w.name AS workflow_name,
      w."currentVersionId" AS workflow_version_id
    FROM target t
    JOIN workflows w ON w."customEventId" = t.custom_event_id AND w.status = 'ACTIVE' AND w."currentVersionId" IS NOT NULL
      AND (w."allEndUsers" OR EXISTS (
        SELECT 1 FROM workflow_end_users wu WHERE wu."workflowId" = w.id AND wu."endUserId" = t.end_user_id))
    WHERE t.current AND t.end_user_id IS NOT NULL
  ),
  responses AS MATERIALIZED (
    SELECT t.ord, json_build_object(
      'message', 'Event successfully triggered',
      'eventId', t.event_id,
      'runs', COALESCE((
        SELECT json_agg(json_build_object('runId', p.run_id, 'workflowId', p.workflow_id, 'workflowName', p.workflow_name)
          ORDER BY p.workflow_name, p.workflow_id)
        FROM planned p WHERE p.ord = t.ord), '[]'::json)) AS response
    FROM target t
    WHERE t.current AND t.end_user_id IS NOT NULL
  ),
  idem AS (
    INSERT INTO idempotency_records AS r (id, scope, key, "requestHash", response, "eventId", "expiresAt")
    SELECT gen_random_uuid(), t.idem_scope, t.idem_key, t.idem_hash, s.response::jsonb, t.event_id,
      now() + make_interval(hours => $14::int)
    FROM target t JOIN responses s ON s.ord = t.ord
    WHERE t.idem_key IS NOT NULL
    ORDER BY t.idem_scope, t.idem_key
    ON CONFLICT (scope, key) DO UPDATE SET "requestHash" = EXCLUDED."requestHash", response = EXCLUDED.response,
      "eventId" = EXCLUDED."eventId", "expiresAt" = EXCLUDED."expiresAt", "createdAt" = now()
      WHERE r."expiresAt" < now()  -- an expired key is free again
    RETURNING r.scope, r.key
  ),
  accepted AS (
    SELECT t.* FROM target t
    WHERE t.current AND t.end_user_id IS NOT NULL
      AND (t.idem_key IS NULL OR EXISTS (SELECT 1 FROM idem WHERE idem.scope = t.idem_scope AND idem.key = t.idem_key))
  ),
  ev AS (
    INSERT INTO events (id, "customEventId", "customEventVersionId", "endUserId", data, source, "apiKeyId", "staffUserId", "idempotencyKey", "createdAt")
    SELECT a.event_id, a.custom_event_id, a.version_id, a.end_user_id, a.data::jsonb, a.source, a.api_key_id, a.staff_id, a.idem_key, now()
    FROM accepted a
    RETURNING id
  ),
  run_rows AS (
    INSERT INTO runs (id, "workflowId", "workflowVersionId", "eventId", "endUserId", "customEventVersionId", status, "createdAt")
    SELECT p.run_id, p.workflow_id, p.workflow_version_id, a.event_id, a.end_user_id, a.version_id, 'QUEUED', now()
    FROM planned p JOIN accepted a ON a.ord = p.ord JOIN ev ON ev.id = a.event_id
    RETURNING id
  ),
  -- One add_jobs call (one NOTIFY) for the whole batch; skipped when no run was stored.
  jobs AS (
    SELECT count(*) AS n
    FROM (SELECT 1 WHERE EXISTS (SELECT 1 FROM run_rows)) AS any_runs,
      LATERAL graphile_worker.add_jobs(ARRAY(
        SELECT ROW('run_workflow', json_build_object('runId', run_rows.id), NULL, NULL, NULL, 'run:' || run_rows.id::text, NULL, NULL)::graphile_worker.job_spec
        FROM run_rows))
  )
  SELECT t.ord,
    CASE WHEN NOT t.current THEN 'stale'
      WHEN t.end_user_id IS NULL THEN 'no_user'
      WHEN EXISTS (SELECT 1 FROM ev WHERE ev.id = t.event_id) THEN 'stored'
      ELSE 'replay' END AS kind,
    s.response,
    (SELECT n FROM jobs) AS jobs  -- a plain SELECT CTE runs only when referenced: keep this
  FROM target t LEFT JOIN responses s ON s.ord = t.ord
  ORDER BY t.ord`;

async function storeBatch(entries: TStoreEntry[]): Promise<TStoreOutcome[]> {
  const column = <T>(pick: (entry: TStoreEntry) => T) => entries.map(pick);
  const rows = await sql<{ ord: number; kind: TStoreOutcome["kind"]; response: TFireEventResult | null }>(
    STORE_SQL,
    [
      entries.map((_, i) => i),
      column((e) => e.customEventId),
      column((e) => e.eventName),
      column((e) => e.versionId),
      column((e) => e.userId),
      column((e) => e.eventId),
      column((e) => e.dataJson),
      column((e) => e.source),
      column((e) => e.apiKeyId),
      column((e) => e.staffId),
      column((e) => e.idempotency?.scope ?? null),
      column((e) => e.idempotency?.key ?? null),
      column((e) => e.idempotency?.requestHash ?? null),
      IDEMPOTENCY_TTL_HOURS,
    ],
    "fire_event_store",
  );
  return rows.map((row) => (row.kind === "stored" ? { kind: "stored", response: row.response! } : { kind: row.kind }));
}

const globalForStore = globalThis as unknown as { eventStoreBatcher?: ReturnType<typeof createBatcher> };

function createBatcher() {
  // Measured on 2 cores (docs/benchmarks.md): 1 to 8 statements in flight made no difference
  // there; 4 leaves most of the default pool of 10 to everything else.
  return createStatementBatcher(storeBatch, {
    maxEntries: 64,
    maxBytes: 2 * 1024 * 1024,
    maxInFlight: 4,
    sizeOf: (entry) => entry.dataJson.length,
    exclusiveKey: (entry) => (entry.idempotency ? `${entry.idempotency.scope}\u0000${entry.idempotency.key}` : undefined),
    maxWaitMs: 10_000,
    waitedTooLong: () =>
      new AppError("unavailable", { message: "The database is not keeping up right now. Nothing was stored; retry after a few seconds.", retryAfter: 5 }),
  });
}

function batcher() {
  globalForStore.eventStoreBatcher ??= createBatcher();
  return globalForStore.eventStoreBatcher;
}

/** Stores one validated event; concurrent calls share statements. */
export function storeEvent(entry: TStoreEntry): Promise<TStoreOutcome> {
  return batcher().submit(entry);
}

/** Statements sent and entries they carried, since the process started. */
export function storeEventStats() {
  return batcher().stats();
}
