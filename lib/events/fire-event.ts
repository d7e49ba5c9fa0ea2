import "server-only";
import { createHash, randomUUID } from "node:crypto";
import type { TActor } from "@/lib/auth/actor";
import { db, sql } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { validateData } from "@/lib/schemas/validator";
import { formatPointer } from "@/lib/mapping/pointer";
import { getVersionSchema } from "@/lib/custom-events/get-version-schema";
import { isUnstorableText } from "@/lib/db/database-errors";
import { storeEvent } from "@/lib/events/store-events";
import { throttledWrite } from "@/lib/db/throttled-write";

// The one internal path that fires a Custom Event, for the public API, staff forms and test
// sends alike: validate against the event's current schema, then store the event, one queued
// run per active workflow of the end user, and their jobs, atomically (lib/events/store-events.ts).
//
// The happy path costs no database round trip of its own: which version is current comes from a
// small in-process cache, and the store statement (shared with concurrent requests) re-checks it
// and answers "stale" when the event moved on, in which case the lookup is refreshed and the data
// validated again. Data a cached version refuses is validated again after a fresh lookup before
// it is refused, so errors are always judged against the current contract.

export type TEventSource = "API" | "FORM" | "TEST";
export type TFiredRun = { runId: string; workflowId: string; workflowName: string };
export type TFireEventResult = { message: string; eventId: string; runs: TFiredRun[] };
export type TIdempotency = { scope: string; key: string; requestHash: string };

export const MAX_DATA_DEPTH = 32;
const TARGET_CACHE_TTL_MS = 60_000;
const MAX_STALE_RETRIES = 3;

type TTarget = { id: string; versionId: string; version: number };
type TTargetRow = { id: string; archivedAt: Date | null; versionId: string | null; version: number | null };

const globalForFire = globalThis as unknown as { fireEventTargets?: Map<string, { target: TTarget; expires: number }> };
const targets = (globalForFire.fireEventTargets ??= new Map());
// "When it last fired", at minute precision (decision 18).
const noteFired = throttledWrite("fireEventLastFired", 60_000);

export function hashRequest(body: { event: string; userId: string; data: unknown }): string {
  return createHash("sha256").update(JSON.stringify([body.event, body.userId, body.data])).digest("hex");
}

/** The first problem that would keep `data` from being stored, as a request error. */
function checkStorable(value: unknown, segments: string[] = []): AppError | undefined {
  if (segments.length > MAX_DATA_DEPTH) {
    return new AppError("invalid_request", {
      message: `data is nested more than ${MAX_DATA_DEPTH} levels deep.`,
      details: [{ path: "/data", message: `nested more than ${MAX_DATA_DEPTH} levels deep`, keyword: "maxDepth" }],
    });
  }
  if (typeof value === "string" && isUnstorableText(value)) {
    const path = formatPointer(segments);
    return new AppError("invalid_request", {
      message: `data${path} contains a NUL character (\\u0000) or an unpaired surrogate, which cannot be stored. Remove it, or encode the value (for example as base64).`,
      details: [{ path, message: "must not contain a NUL character or an unpaired surrogate", keyword: "pattern" }],
    });
  }
  if (value === null || typeof value !== "object") return undefined;
  for (const [key, child] of Object.entries(value)) {
    const childSegments = [...segments, key];
    if (isUnstorableText(key)) {
      const path = formatPointer(childSegments);
      return new AppError("invalid_request", {
        message: `A field name in data (${JSON.stringify(path)}) contains a NUL character (\\u0000) or an unpaired surrogate, which cannot be stored. Rename the field.`,
        details: [{ path, message: "field name must not contain a NUL character or an unpaired surrogate", keyword: "pattern" }],
      });
    }
    const problem = checkStorable(child, childSegments);
    if (problem) return problem;
  }
  return undefined;
}

/** The event's current version, from the cache unless `fresh`; 404/409 when it cannot fire. */
async function eventTarget(eventName: string, fresh: boolean): Promise<TTarget & { cached: boolean }> {
  const cached = targets.get(eventName);
  if (!fresh && cached && cached.expires > Date.now()) return { ...cached.target, cached: true };
  targets.delete(eventName);
  const [row] = await sql<TTargetRow>(
    `SELECT ce.id, ce."archivedAt", v.id AS "versionId", v.version
     FROM custom_events ce LEFT JOIN custom_event_versions v ON v.id = ce."currentVersionId"
     WHERE ce.name = $1`,
    [eventName],
    "fire_event_target",
  );
  if (!row || !row.versionId) {
    throw new AppError("event_not_found", { message: `There is no Custom Event named "${eventName}". Check the name, or define it under Events.` });
  }
  if (row.archivedAt) {
    throw new AppError("event_archived", { message: `The Custom Event "${eventName}" is archived. Unarchive it in the admin app to fire it again.` });
  }
  const target = { id: row.id, versionId: row.versionId, version: row.version! };
  if (targets.size > 1_000) targets.clear();
  targets.set(eventName, { target, expires: Date.now() + TARGET_CACHE_TTL_MS });
  return { ...target, cached: false };
}

function endUserNotFound(userId: string): AppError {
  return new AppError("end_user_not_found", { message: `There is no end user with userId "${userId}". Create it with POST /api/v1/users first.` });
}

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
  const unstorable = checkStorable(data);
  if (unstorable) throw unstorable;
  const dataJson = JSON.stringify(data);

  for (let attempt = 0; attempt < MAX_STALE_RETRIES; attempt++) {
    const target = await eventTarget(eventName, attempt > 0);
    const validation = validateData(await getVersionSchema(target.versionId), data, target.versionId);
    // Refused by a remembered version: the event may have a newer (or no longer any) contract,
    // so a refusal is only ever given on a fresh lookup.
    if (!validation.valid && target.cached) continue;
    if (!validation.valid) {
      // An unknown end user is reported before invalid data, as the lookup order has always been.
      const [endUser] = await sql(`SELECT 1 FROM end_users WHERE "userId" = $1`, [userId]);
      if (!endUser) throw endUserNotFound(userId);
      throw new AppError("data_invalid", {
        message: `data does not match the schema of "${eventName}" (version ${target.version}): ${validation.errors.map((e) => e.message).join("; ")}.`,
        details: validation.errors.map((e) => ({ ...e, path: e.path })),
      });
    }

    const outcome = await storeEvent({
      customEventId: target.id,
      eventName,
      versionId: target.versionId,
      userId,
      eventId: randomUUID(),
      dataJson,
      source,
      apiKeyId: actor.type === "apiKey" ? actor.id : null,
      staffId: actor.type === "staff" ? actor.id : null,
      idempotency,
    });
    switch (outcome.kind) {
      case "stored":
        noteFired(target.id, () =>
          sql(`UPDATE custom_events SET "lastFiredAt" = now() WHERE id = $1 AND ("lastFiredAt" IS NULL OR "lastFiredAt" < now() - interval '1 minute')`, [target.id]),
        );
        return { result: outcome.response, replayed: false };
      case "replay":
        return { result: await replayIdempotent(idempotency!), replayed: true };
      case "no_user":
        throw endUserNotFound(userId);
      case "stale":
        continue; // the event changed since it was cached: look it up again and revalidate
    }
  }
  throw new AppError("unavailable", {
    message: `The Custom Event "${eventName}" is being changed right now. Nothing was stored; retry in a moment.`,
    retryAfter: 1,
  });
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
