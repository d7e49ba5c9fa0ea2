import "server-only";
import { createHash, randomUUID } from "node:crypto";
import type { TActor } from "@/lib/auth/actor";
import { db, sql } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { validateData } from "@/lib/schemas/validator";
import { getVersionSchema } from "@/lib/custom-events/get-version-schema";

// The one internal path that fires a Custom Event, for the public API, staff forms and test
// sends alike: validate against the event's current schema, then store the event, one queued
// run per active workflow of the end user, and their jobs, atomically.
//
// The write is a single SQL statement (data-modifying CTEs), so it is atomic without an
// interactive transaction and costs one round trip; both statements go through plain pg. With an idempotency key, the statement
// first inserts the key; if another request holds it, PostgreSQL makes this one wait for that
// request's outcome, and nothing else is written: the caller then replays the stored response.

export type TEventSource = "API" | "FORM" | "TEST";
export type TFiredRun = { runId: string; workflowId: string; workflowName: string };
export type TFireEventResult = { message: string; eventId: string; runs: TFiredRun[] };
export type TIdempotency = { scope: string; key: string; requestHash: string };

export const IDEMPOTENCY_TTL_HOURS = 24;
export const MAX_DATA_DEPTH = 32;

type TLookup = {
  id: string;
  archivedAt: Date | null;
  currentVersionId: string;
  endUserId: string | null;
  workflows: { id: string; name: string; versionId: string }[];
};

export function hashRequest(body: { event: string; userId: string; data: unknown }): string {
  return createHash("sha256").update(JSON.stringify([body.event, body.userId, body.data])).digest("hex");
}

function depthOf(value: unknown, limit: number, depth = 0): number {
  if (depth > limit || value === null || typeof value !== "object") return depth;
  let max = depth;
  for (const child of Object.values(value as Record<string, unknown>)) {
    max = Math.max(max, depthOf(child, limit, depth + 1));
    if (max > limit) break;
  }
  return max;
}

const LOOKUP_SQL = `
  WITH eu AS (SELECT id FROM end_users WHERE "userId" = $2)
  SELECT ce.id, ce."archivedAt", ce."currentVersionId",
    (SELECT id FROM eu) AS "endUserId",
    COALESCE((
      SELECT json_agg(json_build_object('id', w.id, 'name', w.name, 'versionId', w."currentVersionId") ORDER BY w.name, w.id)
      FROM workflows w
      WHERE w."customEventId" = ce.id AND w.status = 'ACTIVE' AND w."currentVersionId" IS NOT NULL
        AND (w."allEndUsers" OR EXISTS (
          SELECT 1 FROM workflow_end_users wu WHERE wu."workflowId" = w.id AND wu."endUserId" = (SELECT id FROM eu)))
    ), '[]'::json) AS workflows
  FROM custom_events ce WHERE ce.name = $1`;

// $1 scope, $2 key, $3 request hash, $4 response, $5 event id, $6 ttl hours, $7 has key,
// $8 custom event id, $9 version id, $10 end user id, $11 data, $12 source, $13 api key id,
// $14 staff id, $15 run ids, $16 workflow ids, $17 workflow version ids
const WRITE_SQL = `
  WITH idem AS (
    INSERT INTO idempotency_records (id, scope, key, "requestHash", response, "eventId", "expiresAt")
    SELECT gen_random_uuid(), $1, $2, $3, $4::jsonb, $5::uuid, now() + make_interval(hours => $6::int)
    WHERE $7::boolean
    ON CONFLICT (scope, key) DO UPDATE SET "requestHash" = EXCLUDED."requestHash", response = EXCLUDED.response,
      "eventId" = EXCLUDED."eventId", "expiresAt" = EXCLUDED."expiresAt", "createdAt" = now()
      WHERE idempotency_records."expiresAt" < now()  -- an expired key is free again
    RETURNING 1
  ),
  go AS (SELECT 1 WHERE NOT $7::boolean OR EXISTS (SELECT 1 FROM idem)),
  ev AS (
    INSERT INTO events (id, "customEventId", "customEventVersionId", "endUserId", data, source, "apiKeyId", "staffUserId", "idempotencyKey", "createdAt")
    SELECT $5::uuid, $8::uuid, $9::uuid, $10::uuid, $11::jsonb, $12::"EventSource", $13::uuid, $14::uuid, NULLIF($2, ''), now()
    FROM go
    RETURNING id
  ),
  run_rows AS (
    INSERT INTO runs (id, "workflowId", "workflowVersionId", "eventId", "endUserId", "customEventVersionId", status, "createdAt")
    SELECT r.id, r."workflowId", r."versionId", ev.id, $10::uuid, $9::uuid, 'QUEUED', now()
    FROM ev, unnest($15::uuid[], $16::uuid[], $17::uuid[]) AS r(id, "workflowId", "versionId")
    RETURNING id
  ),
  jobs AS (
    SELECT graphile_worker.add_job('run_workflow', json_build_object('runId', run_rows.id), job_key => 'run:' || run_rows.id::text)
    FROM run_rows
  )
  SELECT (SELECT id FROM ev)::text AS "eventId", (SELECT count(*) FROM jobs) AS jobs`;

export async function fireEvent({
  actor,
  source,
  event: eventName,
  userId,
  data,
  idempotency,
}: {
  actor: TActor;
  source: TEventSource;
  event: string;
  userId: string;
  data: Record<string, unknown>;
  idempotency?: TIdempotency;
}): Promise<{ result: TFireEventResult; replayed: boolean }> {
  if (depthOf(data, MAX_DATA_DEPTH) > MAX_DATA_DEPTH) {
    throw new AppError("invalid_request", {
      message: `data is nested more than ${MAX_DATA_DEPTH} levels deep.`,
      details: [{ path: "/data", message: `nested more than ${MAX_DATA_DEPTH} levels deep`, keyword: "maxDepth" }],
    });
  }
  const [found] = await sql<TLookup>(LOOKUP_SQL, [eventName, userId], "fire_event_lookup");
  if (!found || !found.currentVersionId) {
    throw new AppError("event_not_found", { message: `There is no Custom Event named "${eventName}". Check the name, or define it under Events.` });
  }
  if (found.archivedAt) {
    throw new AppError("event_archived", { message: `The Custom Event "${eventName}" is archived. Unarchive it in the admin app to fire it again.` });
  }
  if (!found.endUserId) {
    throw new AppError("end_user_not_found", { message: `There is no end user with userId "${userId}". Create it with POST /api/v1/users first.` });
  }

  const schema = await getVersionSchema(found.currentVersionId);
  const validation = validateData(schema, data, found.currentVersionId);
  if (!validation.valid) {
    throw new AppError("data_invalid", {
      message: `data does not match the schema of "${eventName}" (version ${await versionNumber(found.currentVersionId)}): ${validation.errors.map((e) => e.message).join("; ")}.`,
      details: validation.errors.map((e) => ({ ...e, path: e.path })),
    });
  }

  const eventId = randomUUID();
  const runs: TFiredRun[] = found.workflows.map((w) => ({ runId: randomUUID(), workflowId: w.id, workflowName: w.name }));
  const result: TFireEventResult = { message: "Event successfully triggered", eventId, runs };
  const staffId = actor.type === "staff" ? actor.id : null;
  const apiKeyId = actor.type === "apiKey" ? actor.id : null;
  const dataJson = JSON.stringify(data);

  const rows = await sql<{ eventId: string | null }>(WRITE_SQL, [
    idempotency?.scope ?? "",
    idempotency?.key ?? "",
    idempotency?.requestHash ?? "",
    JSON.stringify(result),
    eventId,
    IDEMPOTENCY_TTL_HOURS,
    Boolean(idempotency),
    found.id,
    found.currentVersionId,
    found.endUserId,
    dataJson,
    source,
    apiKeyId,
    staffId,
    runs.map((r) => r.runId),
    runs.map((r) => r.workflowId),
    found.workflows.map((w) => w.versionId),
  ], "fire_event_write");

  if (rows[0]?.eventId) {
    // "When it last fired", at minute precision: skips the write when it would change little,
    // so a busy event does not turn one row into a hot spot.
    void sql(`UPDATE custom_events SET "lastFiredAt" = now() WHERE id = $1 AND ("lastFiredAt" IS NULL OR "lastFiredAt" < now() - interval '1 minute')`, [
      found.id,
    ]).catch(() => undefined);
    return { result, replayed: false };
  }
  return { result: await replayIdempotent(idempotency!), replayed: true };
}

async function replayIdempotent(idempotency: TIdempotency): Promise<TFireEventResult> {
  const record = await db().idempotencyRecord.findUnique({
    where: { scope_key: { scope: idempotency.scope, key: idempotency.key } },
  });
  if (!record) throw new Error("idempotency record vanished between insert and read");
  if (record.requestHash !== idempotency.requestHash) {
    throw new AppError("idempotency_key_reused", {
      message: `Idempotency-Key "${idempotency.key}" was already used with a different request body. Use a new key for a new event.`,
    });
  }
  return record.response as TFireEventResult;
}

async function versionNumber(versionId: string) {
  const version = await db().customEventVersion.findUnique({ where: { id: versionId }, select: { version: true } });
  return version?.version ?? "?";
}

