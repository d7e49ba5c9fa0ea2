// POST /run/event - fire a Custom Event for an end user
import { fireEvent, hashRequest } from "@/lib/events/fire-event";
import { checkApiVersion, parseIdempotencyKey, parseRunEventBody } from "@/lib/events/parse-run-event-body";
import { env } from "@/lib/env";
import { readJsonBody } from "@/lib/http/read-json-body";
import { takeRateLimitToken } from "@/lib/http/rate-limit";
import { withApi } from "@/lib/http/with-api";

export const dynamic = "force-dynamic";

export const POST = withApi(async ({ request, apiKey }) => {
  takeRateLimitToken(apiKey.id, env().RATE_LIMIT_PER_MINUTE);
  const apiVersion = checkApiVersion(request.headers.get("x-api-version"));
  const idempotencyKey = parseIdempotencyKey(request.headers.get("idempotency-key"));
  const body = parseRunEventBody(await readJsonBody(request, env().MAX_BODY_BYTES));
  const { result, replayed } = await fireEvent({
    actor: { type: "apiKey", id: apiKey.id, name: apiKey.name },
    source: "API",
    ...body,
    idempotency: idempotencyKey ? { scope: `apiKey:${apiKey.id}`, key: idempotencyKey, requestHash: hashRequest(body) } : undefined,
  });
  return Response.json(result, {
    headers: { "x-api-version": apiVersion, ...(replayed ? { "Idempotent-Replayed": "true" } : {}) },
  });
});
