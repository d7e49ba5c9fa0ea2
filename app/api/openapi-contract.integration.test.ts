import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { setCustomEventArchived } from "@/lib/custom-events/set-custom-event-archived";
import { createEndUser } from "@/lib/end-users/create-end-user";
import { env, setDerivedEnv } from "@/lib/env";
import { openApiDocument, resolveRef, type THeader, type THttpMethod, type TResponse } from "@/lib/openapi/openapi-document";
import { db } from "@/lib/db";
import { makeApiKey, makeCustomEvent, makeWorkflow, unique } from "@/lib/testing/factories";
import { makeRun, makeRunSetup } from "@/lib/runs/testing";
import { GET as getHealth } from "./health/route";
import { GET as getOpenApi } from "./openapi.json/route";
import { GET as getReady } from "./ready/route";
import { GET as getCustomEvent } from "./v1/custom-events/[name]/route";
import { GET as listCustomEvents } from "./v1/custom-events/route";
import { GET as getEvent } from "./v1/events/[eventId]/route";
import { GET as getRun } from "./v1/runs/[runId]/route";
import { GET as getEndUser } from "./v1/users/[userId]/route";
import { GET as listEndUsers, POST as createEndUserRoute } from "./v1/users/route";
import { POST as fireEvent } from "@/app/run/event/route";
import { GET as getEndUserAlias } from "@/app/users/[userId]/route";
import { GET as listEndUsersAlias, POST as createEndUserAlias } from "@/app/users/route";

// Calls the real route handlers and checks every response against what the OpenAPI document
// declares for that path, method and status: the status must be documented, the required
// headers present, and the body valid against the declared schema. Change a response or the
// document alone and this fails.

const ORIGIN = "http://localhost";
const DOC_ID = "openapi.json";
const document = openApiDocument(ORIGIN);
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(structuredClone(document) as object, DOC_ID);
const validators = new Map<string, ValidateFunction>();
const exercised = new Set<string>();

const INVOICE = { id: "inv_0001", invoiceNumber: "INV-2026-0001", invoiceAmount: 1250 };
const noParams = { params: Promise.resolve({}) };

type TCall = { method?: "GET" | "POST"; key?: string; json?: unknown; body?: string; headers?: Record<string, string> };

function request(path: string, { method = "GET", key, json, body, headers = {} }: TCall = {}) {
  const all: Record<string, string> = { ...headers };
  if (key) all.authorization = `Bearer ${key}`;
  if (json !== undefined) all["content-type"] ??= "application/json";
  return new NextRequest(`${ORIGIN}${path}`, { method, headers: all, body: json !== undefined ? JSON.stringify(json) : body });
}

function validatorFor(pointer: string) {
  let validate = validators.get(pointer);
  if (!validate) {
    validate = ajv.compile({ $ref: `${DOC_ID}#${pointer}` });
    validators.set(pointer, validate);
  }
  return validate;
}

const escapePointer = (segment: string) => segment.replace(/~/g, "~0").replace(/\//g, "~1");

/** Asserts the response is what the document declares for path + method + status, and returns its body. */
async function conforms<T = Record<string, unknown>>(path: string, method: THttpMethod, response: Response, expectedStatus: number): Promise<T> {
  const label = `${method.toUpperCase()} ${path} ${response.status}`;
  const text = await response.text();
  expect(response.status, `${label}: ${text}`).toBe(expectedStatus);
  const operation = document.paths[path]?.[method];
  expect(operation, `${method.toUpperCase()} ${path} is not in the document`).toBeDefined();
  const declared = operation!.responses[String(response.status)];
  expect(declared, `${label} is not a documented status`).toBeDefined();
  exercised.add(label);

  const pointer = "$ref" in declared! ? declared.$ref.slice(1) : `/paths/${escapePointer(path)}/${method}/responses/${response.status}`;
  const documented = resolveRef<TResponse>(document, declared!);
  for (const [name, ref] of Object.entries(documented.headers ?? {})) {
    const header = resolveRef<THeader>(document, ref);
    const value = response.headers.get(name);
    if (header.required) expect(value, `${label}: header ${name}`).toBeTruthy();
    if (value !== null) {
      const headerPointer = "$ref" in ref ? `${ref.$ref.slice(1)}/schema` : `${pointer}/headers/${escapePointer(name)}/schema`;
      expect(validatorFor(headerPointer)(value), `${label}: header ${name}=${value}`).toBe(true);
    }
  }

  expect(response.headers.get("content-type"), label).toMatch(/^application\/json/);
  const body = JSON.parse(text) as T;
  const validate = validatorFor(`${pointer}/content/application~1json/schema`);
  expect(validate(body), `${label}: ${ajv.errorsText(validate.errors)}\n${text}`).toBe(true);
  return body;
}

async function setup() {
  const { secret } = await makeApiKey();
  const event = await makeCustomEvent({ name: unique("create_invoice_") });
  const user = await createEndUser({ userId: unique("demo-user-") });
  return { key: secret, event, userId: user.userId };
}

describe("POST /run/event", () => {
  const fire = (call: TCall) => fireEvent(request("/run/event", { method: "POST", ...call }), noParams);

  it("200: fires an event with no workflow, answering runs: []", async () => {
    const { key, event, userId } = await setup();
    const response = await fire({ key, json: { event: event.name, userId, data: INVOICE } });
    expect(response.headers.get("x-api-version")).toBe("2025-09");
    expect(response.headers.get("Idempotent-Replayed")).toBeNull();
    const body = await conforms("/run/event", "post", response, 200);
    expect(body).toEqual({ message: "Event successfully triggered", eventId: expect.any(String), runs: [] });
  });

  it("200: queues a run for an active workflow, which GET /api/v1/events/{eventId} then shows", async () => {
    const { key, event, userId } = await setup();
    const workflow = await makeWorkflow({ customEventId: event.id, name: unique("Create NetSuite invoice ") });
    await db().workflow.update({ where: { id: workflow.id }, data: { status: "ACTIVE" } });

    const response = await fire({ key, json: { event: event.name, userId, data: INVOICE }, headers: { "x-api-version": "2025-09" } });
    const body = await conforms<{ eventId: string; runs: { runId: string }[] }>("/run/event", "post", response, 200);
    expect(body.runs).toEqual([{ runId: expect.any(String), workflowId: workflow.id, workflowName: workflow.name }]);

    const fired = await conforms("/api/v1/events/{eventId}", "get", await getEvent(request(`/api/v1/events/${body.eventId}`, { key }), {
      params: Promise.resolve({ eventId: body.eventId }),
    }), 200);
    expect(fired).toMatchObject({
      eventId: body.eventId,
      event: event.name,
      version: 1,
      userId,
      source: "api",
      data: INVOICE,
      runs: [{ runId: body.runs[0]!.runId, workflowId: workflow.id, workflowName: workflow.name }],
    });
  });

  it("200 replayed, then 409: an Idempotency-Key replays the same body and refuses a different one", async () => {
    const { key, event, userId } = await setup();
    const idempotencyKey = unique("idem-");
    const json = { event: event.name, userId, data: INVOICE };
    const first = await conforms<{ eventId: string }>("/run/event", "post", await fire({ key, json, headers: { "Idempotency-Key": idempotencyKey } }), 200);

    const again = await fire({ key, json, headers: { "Idempotency-Key": idempotencyKey } });
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await conforms("/run/event", "post", again, 200)).toEqual(first);
    expect(await db().event.count({ where: { idempotencyKey } })).toBe(1);

    const reused = await fire({ key, json: { ...json, data: { ...INVOICE, invoiceAmount: 99 } }, headers: { "Idempotency-Key": idempotencyKey } });
    expect(await conforms("/run/event", "post", reused, 409)).toMatchObject({ code: "idempotency_key_reused" });
  });

  it("400: names each missing field with its pointer", async () => {
    const { key } = await setup();
    const body = await conforms("/run/event", "post", await fire({ key, json: {} }), 400);
    expect(body).toEqual({
      message: "Fix the request body: event is required; userId is required; data is required.",
      code: "invalid_request",
      errors: [
        { path: "/event", message: "event is required", keyword: "required" },
        { path: "/userId", message: "userId is required", keyword: "required" },
        { path: "/data", message: "data is required", keyword: "required" },
      ],
    });
  });

  it.each([
    ["invalid JSON", { body: "{", headers: { "content-type": "application/json" } }, "invalid_json"],
    ["an unknown API version", { json: {}, headers: { "x-api-version": "2024-01" } }, "unsupported_api_version"],
  ] satisfies [string, TCall, string][])("400: refuses %s", async (_label, call, code) => {
    const { key } = await setup();
    expect(await conforms("/run/event", "post", await fire({ key, ...call }), 400)).toMatchObject({ code });
  });

  it.each([
    ["no header", undefined],
    ["an unknown key", `ce_live_${"x".repeat(43)}`],
  ])("401: refuses %s", async (_label, key) => {
    const response = await fire({ key, json: { event: "create_invoice", userId: "demo-user", data: INVOICE } });
    expect(await conforms("/run/event", "post", response, 401)).toMatchObject({ code: "unauthenticated" });
  });

  it("404: names an unknown event, then an unknown end user", async () => {
    const { key, event, userId } = await setup();
    const noEvent = await fire({ key, json: { event: "no_such_event", userId, data: INVOICE } });
    expect(await conforms("/run/event", "post", noEvent, 404)).toMatchObject({ code: "event_not_found" });
    const noUser = await fire({ key, json: { event: event.name, userId: "no-such-user", data: INVOICE } });
    expect(await conforms("/run/event", "post", noUser, 404)).toMatchObject({ code: "end_user_not_found" });
  });

  it("409: refuses an archived event", async () => {
    const { key, event, userId } = await setup();
    await setCustomEventArchived({ name: event.name, archived: true });
    const response = await fire({ key, json: { event: event.name, userId, data: INVOICE } });
    expect(await conforms("/run/event", "post", response, 409)).toMatchObject({ code: "event_archived" });
  });

  it("413: refuses a body over MAX_BODY_BYTES", async () => {
    const { key, event, userId } = await setup();
    const json = { event: event.name, userId, data: { ...INVOICE, note: "x".repeat(env().MAX_BODY_BYTES) } };
    expect(await conforms("/run/event", "post", await fire({ key, json }), 413)).toMatchObject({ code: "payload_too_large" });
  });

  it("415: refuses a body that is not JSON", async () => {
    const { key } = await setup();
    const response = await fire({ key, body: "event=create_invoice", headers: { "content-type": "text/plain" } });
    expect(await conforms("/run/event", "post", response, 415)).toMatchObject({ code: "unsupported_media_type" });
  });

  it("422: lists every field that does not match the event's schema", async () => {
    const { key, event, userId } = await setup();
    const response = await fire({ key, json: { event: event.name, userId, data: { id: "inv_0001", invoiceAmount: "1250" } } });
    const body = await conforms<{ code: string; errors: unknown[] }>("/run/event", "post", response, 422);
    expect(body.code).toBe("data_invalid");
    expect(body.errors).toHaveLength(2);
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { path: "/invoiceAmount", message: "/invoiceAmount must be a number", keyword: "type" },
        { path: "/invoiceNumber", message: "invoiceNumber is required", keyword: "required" },
      ]),
    );
  });

  it("429: refuses a key over its per-minute limit, with Retry-After", async () => {
    const { key, event, userId } = await setup();
    setDerivedEnv({ RATE_LIMIT_PER_MINUTE: "1" });
    try {
      const json = { event: event.name, userId, data: INVOICE };
      await conforms("/run/event", "post", await fire({ key, json }), 200);
      expect(await conforms("/run/event", "post", await fire({ key, json }), 429)).toMatchObject({ code: "rate_limited" });
    } finally {
      setDerivedEnv({ RATE_LIMIT_PER_MINUTE: "0" });
    }
  });
});

describe("end users", () => {
  const create = (path: "/api/v1/users" | "/users", call: TCall) =>
    (path === "/users" ? createEndUserAlias : createEndUserRoute)(request(path, { method: "POST", ...call }), noParams);

  it("201, then 409 for the same userId; the list and the lookup show it", async () => {
    const { key } = await setup();
    const userId = unique("demo-user-");
    const created = await conforms("/api/v1/users", "post", await create("/api/v1/users", { key, json: { userId, username: "demo", fullName: "Demo User" } }), 201);
    expect(created).toEqual({ userId, username: "demo", fullName: "Demo User", createdAt: expect.any(String) });
    const duplicate = await create("/api/v1/users", { key, json: { userId } });
    expect(await conforms("/api/v1/users", "post", duplicate, 409)).toMatchObject({ code: "conflict" });

    const list = await conforms<{ data: unknown[] }>("/api/v1/users", "get", await listEndUsers(request("/api/v1/users?page=1&pageSize=50", { key }), noParams), 200);
    expect(list.data).toContainEqual(created);

    const one = await getEndUser(request(`/api/v1/users/${userId}`, { key }), { params: Promise.resolve({ userId }) });
    expect(await conforms("/api/v1/users/{userId}", "get", one, 200)).toEqual(created);
  });

  it("201 with a generated userId when the body is empty", async () => {
    const { key } = await setup();
    const created = await conforms("/api/v1/users", "post", await create("/api/v1/users", { key, json: {} }), 201);
    expect(created).toMatchObject({ userId: expect.stringMatching(/^usr_[0-9a-f]{20}$/), username: null, fullName: null });
  });

  it.each([
    ["a malformed userId", { json: { userId: " bad id" } }, 400, "invalid_request"],
    ["a NUL character in fullName", { json: { fullName: "Ada\u0000" } }, 400, "invalid_request"],
    ["invalid JSON", { body: "{", headers: { "content-type": "application/json" } }, 400, "invalid_json"],
    ["a body that is not JSON", { body: "userId=x", headers: { "content-type": "text/plain" } }, 415, "unsupported_media_type"],
  ] satisfies [string, TCall, number, string][])("refuses %s", async (_label, call, status, code) => {
    const { key } = await setup();
    expect(await conforms("/api/v1/users", "post", await create("/api/v1/users", { key, ...call }), status)).toMatchObject({ code });
  });

  it("400: refuses a bad page size; 401 without a key", async () => {
    const { key } = await setup();
    const badPage = await listEndUsers(request("/api/v1/users?pageSize=1000", { key }), noParams);
    expect(await conforms("/api/v1/users", "get", badPage, 400)).toMatchObject({ code: "bad_request" });
    expect(await conforms("/api/v1/users", "get", await listEndUsers(request("/api/v1/users"), noParams), 401)).toMatchObject({ code: "unauthenticated" });
  });

  it("404: names an unknown userId", async () => {
    const { key } = await setup();
    const response = await getEndUser(request("/api/v1/users/nobody", { key }), { params: Promise.resolve({ userId: "nobody" }) });
    expect(await conforms("/api/v1/users/{userId}", "get", response, 404)).toMatchObject({ code: "end_user_not_found" });
  });

  it("answers the same at the /users aliases", async () => {
    const { key } = await setup();
    const userId = unique("alias-user-");
    const created = await conforms("/users", "post", await create("/users", { key, json: { userId } }), 201);
    expect(await conforms("/users", "get", await listEndUsersAlias(request("/users", { key }), noParams), 200)).toMatchObject({ total: expect.any(Number) });
    const one = await getEndUserAlias(request(`/users/${userId}`, { key }), { params: Promise.resolve({ userId }) });
    expect(await conforms("/users/{userId}", "get", one, 200)).toEqual(created);
    const missing = await getEndUserAlias(request("/users/nobody", { key }), { params: Promise.resolve({ userId: "nobody" }) });
    await conforms("/users/{userId}", "get", missing, 404);
  });
});

describe("GET /api/v1/events/{eventId}", () => {
  it.each([["an unknown uuid", "5b0f6c7e-2d4a-4f1b-9c3e-8a7d6e5f4c3b"], ["a malformed id", "not-a-uuid"]])("404: %s", async (_label, eventId) => {
    const { key } = await setup();
    const response = await getEvent(request(`/api/v1/events/${eventId}`, { key }), { params: Promise.resolve({ eventId }) });
    expect(await conforms("/api/v1/events/{eventId}", "get", response, 404)).toMatchObject({ code: "not_found" });
  });

  it("401 without a key", async () => {
    const eventId = "5b0f6c7e-2d4a-4f1b-9c3e-8a7d6e5f4c3b";
    const response = await getEvent(request(`/api/v1/events/${eventId}`), { params: Promise.resolve({ eventId }) });
    await conforms("/api/v1/events/{eventId}", "get", response, 401);
  });
});

describe("GET /api/v1/runs/{runId}", () => {
  const get = (runId: string, key?: string) => getRun(request(`/api/v1/runs/${runId}`, { key }), { params: Promise.resolve({ runId }) });

  it("200: a run queued by POST /run/event, then one with recorded steps", async () => {
    const { key, event, userId } = await setup();
    const workflow = await makeWorkflow({ customEventId: event.id, name: unique("Create NetSuite invoice ") });
    await db().workflow.update({ where: { id: workflow.id }, data: { status: "ACTIVE" } });
    const fired = await conforms<{ eventId: string; runs: { runId: string }[] }>(
      "/run/event",
      "post",
      await fireEvent(request("/run/event", { method: "POST", key, json: { event: event.name, userId, data: INVOICE } }), noParams),
      200,
    );
    const queued = await conforms("/api/v1/runs/{runId}", "get", await get(fired.runs[0]!.runId, key), 200);
    expect(queued).toMatchObject({ runId: fired.runs[0]!.runId, status: "queued", workflowId: workflow.id, workflowVersion: 1, eventId: fired.eventId, trigger: "event" });

    const runSetup = await makeRunSetup();
    const failed = await makeRun(runSetup, {
      status: "FAILED",
      error: { message: "Create invoice failed", code: "step_failed", stepId: "create-invoice" },
      steps: [
        { stepId: "find-customer", status: "SUCCEEDED", output: { customerId: "4021" }, httpStatus: 200 },
        { stepId: "create-invoice", status: "FAILED", error: { message: "NetSuite answered 500", code: "http_error", retryable: true }, httpStatus: 500, attempts: 3 },
      ],
    });
    const body = await conforms<{ steps: { status: string }[] }>("/api/v1/runs/{runId}", "get", await get(failed.id, key), 200);
    expect(body.steps.map((s) => s.status)).toEqual(["succeeded", "failed", "pending"]);
  });

  it.each([["an unknown uuid", "9e2d4c1a-7b3f-4e8d-a6c5-1f0e9d8c7b6a"], ["a malformed id", "not-a-uuid"]])("404: %s", async (_label, runId) => {
    const { key } = await setup();
    expect(await conforms("/api/v1/runs/{runId}", "get", await get(runId, key), 404)).toMatchObject({ code: "run_not_found" });
  });

  it("401 without a key", async () => {
    await conforms("/api/v1/runs/{runId}", "get", await get("9e2d4c1a-7b3f-4e8d-a6c5-1f0e9d8c7b6a"), 401);
  });
});

describe("Custom Events", () => {
  it("200: lists events and returns one; 404 for an unknown name", async () => {
    const { key, event } = await setup();
    const list = await conforms<{ data: { name: string }[] }>(
      "/api/v1/custom-events",
      "get",
      await listCustomEvents(request("/api/v1/custom-events?page=1&pageSize=100&includeArchived=true", { key }), noParams),
      200,
    );
    expect(list.data.map((e) => e.name)).toContain(event.name);

    const one = await getCustomEvent(request(`/api/v1/custom-events/${event.name}`, { key }), { params: Promise.resolve({ name: event.name }) });
    expect(await conforms("/api/v1/custom-events/{name}", "get", one, 200)).toMatchObject({ name: event.name, version: 1, archived: false });

    const missing = await getCustomEvent(request("/api/v1/custom-events/nope", { key }), { params: Promise.resolve({ name: "no_such_event" }) });
    expect(await conforms("/api/v1/custom-events/{name}", "get", missing, 404)).toMatchObject({ code: "not_found" });
  });

  it("400: refuses a bad page; 401 without a key", async () => {
    const { key } = await setup();
    const badPage = await listCustomEvents(request("/api/v1/custom-events?page=0", { key }), noParams);
    expect(await conforms("/api/v1/custom-events", "get", badPage, 400)).toMatchObject({ code: "bad_request" });
    await conforms("/api/v1/custom-events", "get", await listCustomEvents(request("/api/v1/custom-events"), noParams), 401);
    const one = await getCustomEvent(request("/api/v1/custom-events/x"), { params: Promise.resolve({ name: "x" }) });
    await conforms("/api/v1/custom-events/{name}", "get", one, 401);
  });
});

describe("public endpoints", () => {
  it("GET /api/health answers 200 { status: ok }", async () => {
    expect(await conforms("/api/health", "get", getHealth(), 200)).toEqual({ status: "ok" });
  });

  it("GET /api/ready answers with a documented status and body", async () => {
    const response = await getReady();
    // No job worker runs in integration tests, so this is normally 503; either is documented.
    await conforms("/api/ready", "get", response, response.status === 200 ? 200 : 503);
  });

  it("GET /api/openapi.json serves this document with the request's origin", async () => {
    const body = await conforms("/api/openapi.json", "get", getOpenApi(new Request(`${ORIGIN}/api/openapi.json`)), 200);
    expect(body).toEqual(JSON.parse(JSON.stringify(document)));
  });
});

// Runs last (tests in a file run in order): a declared response that no test reaches could drift
// unnoticed.
it("exercised the documented responses", () => {
  const required = [
    "POST /run/event 200",
    "POST /run/event 400",
    "POST /run/event 401",
    "POST /run/event 404",
    "POST /run/event 409",
    "POST /run/event 413",
    "POST /run/event 415",
    "POST /run/event 422",
    "POST /run/event 429",
    "POST /api/v1/users 201",
    "POST /api/v1/users 409",
    "GET /api/v1/users 200",
    "GET /api/v1/users/{userId} 200",
    "GET /api/v1/users/{userId} 404",
    "GET /api/v1/events/{eventId} 200",
    "GET /api/v1/events/{eventId} 404",
    "GET /api/v1/runs/{runId} 200",
    "GET /api/v1/runs/{runId} 401",
    "GET /api/v1/runs/{runId} 404",
    "GET /api/v1/custom-events 200",
    "GET /api/v1/custom-events/{name} 200",
    "GET /api/v1/custom-events/{name} 404",
    "GET /api/health 200",
  ];
  expect(required.filter((r) => !exercised.has(r))).toEqual([]);
});
