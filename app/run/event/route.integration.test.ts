import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { INVALID_KEY_MESSAGE } from "@/lib/api-keys/authenticate-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { setCustomEventArchived } from "@/lib/custom-events/set-custom-event-archived";
import { db } from "@/lib/db";
import { setDerivedEnv } from "@/lib/env";
import { activate, makeApiKey, makeCustomEvent, makeEndUser, makeWorkflow, unique } from "@/lib/testing/factories";
import { POST } from "./route";

let key: string;
let eventName: string;
let userId: string;
const goodData = { id: "inv_1", invoiceNumber: "INV-1", invoiceAmount: 12.5 };

beforeAll(async () => {
  key = (await makeApiKey()).secret;
  eventName = (await makeCustomEvent()).name;
  userId = (await makeEndUser()).userId;
});

function request(body: unknown, { headers = {}, raw }: { headers?: Record<string, string>; raw?: string } = {}) {
  return new NextRequest("http://localhost/run/event", {
    method: "POST",
    headers: { authorization: `bearer ${key}`, "content-type": "application/json", ...headers },
    body: raw ?? JSON.stringify(body),
  });
}

async function send(body: unknown, options?: Parameters<typeof request>[1]) {
  const response = await POST(request(body, options), { params: Promise.resolve({}) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, headers: response.headers };
}

const eventCount = () => db().event.count();

describe("POST /run/event", () => {
  it("stores the event and answers 200 with no runs when no workflow matches", async () => {
    const before = await eventCount();
    const { status, body } = await send({ event: eventName, userId, data: goodData });
    expect(status).toBe(200);
    expect(body).toEqual({ message: "Event successfully triggered", eventId: expect.any(String), runs: [] });
    const stored = await db().event.findUniqueOrThrow({ where: { id: body.eventId as string } });
    expect(stored).toMatchObject({ source: "API", data: goodData });
    expect(await eventCount()).toBe(before + 1);
  });

  it("queues one run and one job per active workflow of the end user, in the same write", async () => {
    const event = await makeCustomEvent();
    const user = await makeEndUser();
    const other = await makeEndUser();
    const all = await activate((await makeWorkflow({ customEventId: event.id, name: "A: all users" })).id);
    const mine = await makeWorkflow({ customEventId: event.id, name: "B: chosen users" });
    await db().workflow.update({ where: { id: mine.id }, data: { status: "ACTIVE", allEndUsers: false, endUsers: { create: { endUserId: user.id } } } });
    const notMine = await makeWorkflow({ customEventId: event.id, name: "C: someone else" });
    await db().workflow.update({ where: { id: notMine.id }, data: { status: "ACTIVE", allEndUsers: false, endUsers: { create: { endUserId: other.id } } } });
    await makeWorkflow({ customEventId: event.id, name: "D: draft" });

    const { status, body } = await send({ event: event.name, userId: user.userId, data: goodData });
    expect(status).toBe(200);
    const runs = body.runs as { runId: string; workflowId: string; workflowName: string }[];
    expect(runs.map((r) => r.workflowName)).toEqual(["A: all users", "B: chosen users"]);
    expect(runs[0]!.workflowId).toBe(all.id);

    const stored = await db().run.findMany({ where: { eventId: body.eventId as string } });
    expect(stored.map((r) => r.status)).toEqual(["QUEUED", "QUEUED"]);
    expect(Object.fromEntries(stored.map((r) => [r.workflowId, r.workflowVersionId]))).toEqual({
      [all.id]: all.currentVersionId,
      [mine.id]: mine.currentVersionId,
    });
    const jobs = await db().$queryRaw<{ key: string }[]>`SELECT key FROM graphile_worker.jobs WHERE task_identifier = 'run_workflow'`;
    for (const run of runs) expect(jobs.map((j) => j.key)).toContain(`run:${run.runId}`);
  });

  it("accepts the scheme word in any case and a supported x-api-version", async () => {
    const { status, headers } = await send(
      { event: eventName, userId, data: goodData },
      { headers: { authorization: `BeArEr ${key}`, "x-api-version": "2025-09" } },
    );
    expect(status).toBe(200);
    expect(headers.get("x-api-version")).toBe("2025-09");
  });

  it.each([
    ["malformed JSON", { raw: '{"event": ' }, 400, { code: "invalid_json", message: expect.stringMatching(/^The body is not valid JSON: /) }],
    ["an empty body", { raw: "" }, 400, { code: "invalid_json", message: "The body is empty. Send a JSON object: { event, userId, data }." }],
    ["an unknown API version", { headers: { "x-api-version": "2020-01" } }, 400, { code: "unsupported_api_version", message: 'x-api-version "2020-01" is not supported. Supported versions: 2025-09.' }],
    ["a form body", { headers: { "content-type": "application/x-www-form-urlencoded" }, raw: "event=x" }, 415, { code: "unsupported_media_type", message: 'Send the body as JSON with Content-Type: application/json (got "application/x-www-form-urlencoded").' }],
  ])("refuses %s", async (_label, options, status, expected) => {
    const before = await eventCount();
    const result = await send({ event: eventName, userId, data: goodData }, options as Parameters<typeof request>[1]);
    expect(result.status).toBe(status);
    expect(result.body).toEqual(expected);
    expect(await eventCount()).toBe(before);
  });

  it("names each missing or mistyped envelope field", async () => {
    const { status, body } = await send({ event: 42, data: "x" });
    expect(status).toBe(400);
    expect(body).toEqual({
      code: "invalid_request",
      message: "Fix the request body: event must be a string, not a number; userId is required; data must be an object, not a string.",
      errors: [
        { path: "/event", message: "event must be a string, not a number", keyword: "type" },
        { path: "/userId", message: "userId is required", keyword: "required" },
        { path: "/data", message: "data must be an object, not a string", keyword: "type" },
      ],
    });
  });

  it.each([
    ["no key", {}],
    ["an unknown key", { authorization: `bearer ce_live_${"A".repeat(43)}` }],
    ["a non-bearer scheme", { authorization: `Basic ${key}` }],
  ])("answers 401 for %s with one message", async (_label, headers) => {
    const req = request({ event: eventName, userId, data: goodData }, { headers: headers as Record<string, string> });
    if (!("authorization" in headers)) req.headers.delete("authorization");
    const response = await POST(req, { params: Promise.resolve({}) });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: INVALID_KEY_MESSAGE, code: "unauthenticated" });
  });

  it("answers 401 for a revoked key", async () => {
    const { apiKey, secret } = await makeApiKey();
    await revokeApiKey({ id: apiKey.id });
    const result = await send({ event: eventName, userId, data: goodData }, { headers: { authorization: `Bearer ${secret}` } });
    expect(result.status).toBe(401);
    expect(result.body).toEqual({ message: INVALID_KEY_MESSAGE, code: "unauthenticated" });
  });

  it("answers 404 naming the unknown event or end user", async () => {
    expect(await send({ event: "no_such_event", userId, data: goodData })).toMatchObject({
      status: 404,
      body: { code: "event_not_found", message: 'There is no Custom Event named "no_such_event". Check the name, or define it under Events.' },
    });
    expect(await send({ event: eventName, userId: "nobody-here", data: goodData })).toMatchObject({
      status: 404,
      body: { code: "end_user_not_found", message: 'There is no end user with userId "nobody-here". Create it with POST /api/v1/users first.' },
    });
  });

  it("answers 409 for an archived event", async () => {
    const event = await makeCustomEvent();
    await setCustomEventArchived({ name: event.name, archived: true });
    expect(await send({ event: event.name, userId, data: goodData })).toMatchObject({
      status: 409,
      body: { code: "event_archived", message: `The Custom Event "${event.name}" is archived. Unarchive it in the admin app to fire it again.` },
    });
  });

  it("answers 422 listing every failing field, a missing one under its own pointer", async () => {
    const before = await eventCount();
    const { status, body } = await send({ event: eventName, userId, data: { id: "1", invoiceAmount: "12" } });
    expect(status).toBe(422);
    expect(body).toEqual({
      code: "data_invalid",
      message: `data does not match the schema of "${eventName}" (version 1): /invoiceAmount must be a number; invoiceNumber is required.`,
      errors: [
        { path: "/invoiceAmount", message: "/invoiceAmount must be a number", keyword: "type" },
        { path: "/invoiceNumber", message: "invoiceNumber is required", keyword: "required" },
      ],
    });
    expect(await eventCount()).toBe(before);
  });

  it("answers 413 for a body over the limit, whatever Content-Length claims", async () => {
    const huge = JSON.stringify({ event: eventName, userId, data: { ...goodData, notes: "x".repeat(1024 * 1024) } });
    const result = await send(null, { raw: huge });
    expect(result.status).toBe(413);
    expect(result.body).toEqual({ code: "payload_too_large", message: "The body is larger than the 1048576 byte limit. Send less data per event." });
  });

  it("gets hostile input a 4xx and keeps serving", async () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    expect((await send(null, { raw: `{"event":"${eventName}","userId":"${userId}","data":{"a":${deep}}}` })).status).toBeGreaterThanOrEqual(400);
    const nested = JSON.parse(`{"a":`.repeat(40) + "1" + "}".repeat(40));
    expect(await send({ event: eventName, userId, data: { ...goodData, nested } })).toMatchObject({ status: 400, body: { code: "invalid_request" } });
    const proto = await send(null, { raw: `{"event":"${eventName}","userId":"${userId}","data":{"__proto__":{"admin":true},"id":"1","invoiceNumber":"2","invoiceAmount":3}}` });
    expect(proto.status).toBe(200);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    for (const data of [{ id: 1, invoiceNumber: [], invoiceAmount: {} }, { id: null, invoiceNumber: true, invoiceAmount: "NaN" }]) {
      expect((await send({ event: eventName, userId, data })).status).toBe(422);
    }
    expect((await send({ event: eventName, userId, data: goodData })).status).toBe(200);
  });

  it("refuses text PostgreSQL cannot store (NUL, lone surrogates) with a 400 naming the field", async () => {
    const before = await eventCount();
    const nul = await send({ event: eventName, userId, data: { ...goodData, notes: { text: "a\u0000b" } } });
    expect(nul).toMatchObject({ status: 400, body: { code: "invalid_request", errors: [{ path: "/notes/text", keyword: "pattern" }] } });
    const nulKey = await send({ event: eventName, userId, data: { ...goodData, ["bad\u0000key"]: 1 } });
    expect(nulKey).toMatchObject({ status: 400, body: { code: "invalid_request", errors: [{ path: "/bad\u0000key", keyword: "pattern" }] } });
    const surrogate = await send(null, { raw: `{"event":"${eventName}","userId":"${userId}","data":{"id":"1","invoiceNumber":"\\ud800","invoiceAmount":3}}` });
    expect(surrogate).toMatchObject({ status: 400, body: { code: "invalid_request", errors: [{ path: "/invoiceNumber", keyword: "pattern" }] } });
    const nulUser = await send({ event: eventName, userId: "user\u0000x", data: goodData });
    expect(nulUser).toMatchObject({ status: 400, body: { code: "invalid_request", errors: [{ path: "/userId", keyword: "pattern" }] } });
    const nulEvent = await send({ event: "create\u0000", userId, data: goodData });
    expect(nulEvent).toMatchObject({ status: 400, body: { code: "invalid_request", errors: [{ path: "/event", keyword: "pattern" }] } });
    expect(await eventCount()).toBe(before);
  });
});

describe("rate limit", () => {
  it("answers 429 with Retry-After once a key is over its per-minute limit", async () => {
    setDerivedEnv({ RATE_LIMIT_PER_MINUTE: "2" });
    try {
      const limited = await makeApiKey();
      const auth = { authorization: `bearer ${limited.secret}` };
      expect((await send({ event: eventName, userId, data: goodData }, { headers: auth })).status).toBe(200);
      expect((await send({ event: eventName, userId, data: goodData }, { headers: auth })).status).toBe(200);
      const third = await send({ event: eventName, userId, data: goodData }, { headers: auth });
      expect(third.status).toBe(429);
      expect(third.body).toEqual({ code: "rate_limited", message: "This API key is over its limit of 2 requests per minute. Retry after 30 s." });
      expect(third.headers.get("retry-after")).toBe("30");
      // Other keys are not affected.
      expect((await send({ event: eventName, userId, data: goodData })).status).toBe(200);
    } finally {
      setDerivedEnv({ RATE_LIMIT_PER_MINUTE: "0" });
    }
  });
});

describe("Idempotency-Key", () => {
  it("replays the first response for the same key and body, and stores nothing new", async () => {
    const idempotencyKey = unique("idem-");
    const first = await send({ event: eventName, userId, data: goodData }, { headers: { "idempotency-key": idempotencyKey } });
    const before = await eventCount();
    const second = await send({ event: eventName, userId, data: goodData }, { headers: { "idempotency-key": idempotencyKey } });
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await eventCount()).toBe(before);
  });

  it("answers 409 when the key is reused with a different body", async () => {
    const idempotencyKey = unique("idem-");
    await send({ event: eventName, userId, data: goodData }, { headers: { "idempotency-key": idempotencyKey } });
    const reused = await send({ event: eventName, userId, data: { ...goodData, invoiceAmount: 99 } }, { headers: { "idempotency-key": idempotencyKey } });
    expect(reused.status).toBe(409);
    expect(reused.body).toEqual({
      code: "idempotency_key_reused",
      message: `Idempotency-Key "${idempotencyKey}" was already used with a different request body. Use a new key for a new event.`,
    });
  });

  it("stores one event when 20 identical requests arrive at once", async () => {
    const idempotencyKey = unique("idem-");
    const event = await makeCustomEvent();
    await activate((await makeWorkflow({ customEventId: event.id })).id);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => send({ event: event.name, userId, data: goodData }, { headers: { "idempotency-key": idempotencyKey } })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(new Set(results.map((r) => r.body.eventId)).size).toBe(1);
    expect(await db().event.count({ where: { customEventId: event.id } })).toBe(1);
    expect(await db().run.count({ where: { event: { customEventId: event.id } } })).toBe(1);
  });

  it("scopes keys to the API key that used them", async () => {
    const idempotencyKey = unique("idem-");
    const other = await makeApiKey();
    const a = await send({ event: eventName, userId, data: goodData }, { headers: { "idempotency-key": idempotencyKey } });
    const b = await send({ event: eventName, userId, data: goodData }, { headers: { "idempotency-key": idempotencyKey, authorization: `bearer ${other.secret}` } });
    expect(a.body.eventId).not.toBe(b.body.eventId);
  });
});
