// The OpenAPI 3.1 document of the public API. It is hand-written rather than generated from the
// route handlers so that it reads as a contract; the contract test
// (app/api/openapi-contract.integration.test.ts) checks real responses against it so the two
// cannot drift apart.

import { DEMO_INVOICE_EVENT } from "@/lib/seed/demo-invoice-event";

export type TSchema = { [keyword: string]: unknown };
export type TRef = { $ref: string };
export type TExample = { summary?: string; value: unknown };
export type TMediaType = { schema: TSchema; example?: unknown; examples?: Record<string, TExample> };
export type THeader = { description: string; required?: boolean; schema: TSchema; example?: unknown };
export type TParameter = {
  name: string;
  in: "path" | "query" | "header";
  description: string;
  required?: boolean;
  schema: TSchema;
  example?: unknown;
};
export type TResponse = { description: string; headers?: Record<string, THeader | TRef>; content?: Record<string, TMediaType> };
export type TRequestBody = { description?: string; required: boolean; content: Record<string, TMediaType> };
export type TOperation = {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  security?: Record<string, string[]>[];
  parameters?: (TParameter | TRef)[];
  requestBody?: TRequestBody;
  responses: Record<string, TResponse | TRef>;
  /** Set on the unversioned aliases (/users...): the operationId they repeat. */
  "x-alias-of"?: string;
};
export const HTTP_METHODS = ["get", "post", "put", "patch", "delete"] as const;
export type THttpMethod = (typeof HTTP_METHODS)[number];
export type TPathItem = Partial<Record<THttpMethod, TOperation>>;
export type TOpenApiDocument = {
  openapi: "3.1.0";
  jsonSchemaDialect: string;
  info: { title: string; version: string; description: string; license: { name: string; identifier: string } };
  servers: { url: string; description: string }[];
  security: Record<string, string[]>[];
  tags: { name: string; description: string }[];
  paths: Record<string, TPathItem>;
  components: {
    schemas: Record<string, TSchema>;
    securitySchemes: { bearerAuth: { type: "http"; scheme: "bearer"; bearerFormat: string; description: string } };
    parameters: Record<string, TParameter>;
    headers: Record<string, THeader>;
    responses: Record<string, TResponse>;
  };
};

export const API_VERSION = "2025-09";
const JSON_TYPE = "application/json";
const schemaRef = (name: string): TRef => ({ $ref: `#/components/schemas/${name}` });
const headerRef = (name: string): TRef => ({ $ref: `#/components/headers/${name}` });
const parameterRef = (name: string): TRef => ({ $ref: `#/components/parameters/${name}` });
const responseRef = (name: string): TRef => ({ $ref: `#/components/responses/${name}` });

/** Follows a local `$ref` (`#/components/...`); anything else is returned as is. */
export function resolveRef<T>(document: TOpenApiDocument, value: T | TRef): T {
  if (!value || typeof value !== "object" || !("$ref" in value) || typeof value.$ref !== "string") return value as T;
  const target = resolvePointer(document, value.$ref);
  if (target === undefined) throw new Error(`Unresolvable $ref ${value.$ref}`);
  return resolveRef(document, target as T | TRef);
}

/** The value at a `#/...` JSON pointer in the document, or undefined. */
export function resolvePointer(document: TOpenApiDocument, ref: string): unknown {
  if (!ref.startsWith("#")) return undefined;
  const segments = ref.slice(1).split("/").slice(1).map((s) => decodeURIComponent(s).replace(/~1/g, "/").replace(/~0/g, "~"));
  let node: unknown = document;
  for (const segment of segments) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

// The product documentation's running example, as seeded.
const INVOICE_DATA = DEMO_INVOICE_EVENT.sample;
const INVOICE_SCHEMA = DEMO_INVOICE_EVENT.schema;
const EXAMPLE_EVENT_ID = "5b0f6c7e-2d4a-4f1b-9c3e-8a7d6e5f4c3b";
const EXAMPLE_RUN = {
  runId: "9e2d4c1a-7b3f-4e8d-a6c5-1f0e9d8c7b6a",
  workflowId: "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f",
  workflowName: "Create NetSuite invoice",
};
const EXAMPLE_RUN_DETAIL = {
  runId: EXAMPLE_RUN.runId,
  status: "failed",
  workflowId: EXAMPLE_RUN.workflowId,
  workflowVersion: 3,
  eventId: EXAMPLE_EVENT_ID,
  trigger: "event",
  steps: [
    {
      stepId: "find-customer",
      name: "Find customer",
      status: "succeeded",
      input: { email: "billing@example.com" },
      output: { customerId: "4021" },
      error: null,
      attempts: 1,
      httpStatus: 200,
      durationMs: 182,
    },
    {
      stepId: "create-invoice",
      name: "Create invoice",
      status: "failed",
      input: { customerId: "4021", tranId: "INV-2026-0001", amount: 1250 },
      output: null,
      error: { message: "NetSuite answered 500 Internal Server Error.", code: "http_error", retryable: true, httpStatus: 500 },
      attempts: 3,
      httpStatus: 500,
      durationMs: 1204,
    },
    { stepId: "notify", name: "Notify billing", status: "pending", input: null, output: null, error: null, attempts: 0, httpStatus: null, durationMs: null },
  ],
  error: { message: 'Step "Create invoice" failed after 3 attempts: NetSuite answered 500 Internal Server Error.', code: "step_failed", stepId: "create-invoice" },
  startedAt: "2026-01-15T10:00:00.120Z",
  finishedAt: "2026-01-15T10:00:31.870Z",
  createdAt: "2026-01-15T10:00:00.050Z",
};
const EXAMPLE_END_USER = { userId: "demo-user", username: "demo", fullName: "Demo User", createdAt: "2026-01-15T09:30:00.000Z" };
const EXAMPLE_CUSTOM_EVENT = {
  name: "create_invoice",
  description: "An invoice to create in the ERP (NetSuite).",
  version: 1,
  schema: INVOICE_SCHEMA,
  archived: false,
  updatedAt: "2026-01-15T09:00:00.000Z",
};
const INVALID_KEY_MESSAGE =
  "Missing, unknown or revoked API key. Send it as `Authorization: bearer <key>`; create keys under API keys in the admin app.";

type TErrorExample = { summary: string; message: string; code: string; errors?: { path: string; message: string; keyword?: string }[] };

/** A JSON error response whose `code` is one of the codes documented for that status. */
function errorResponse(description: string, examples: TErrorExample[], headers: Record<string, TRef> = {}): TResponse {
  const codes = [...new Set(examples.map((e) => e.code))];
  return {
    description,
    headers: { "x-request-id": headerRef("RequestId"), ...headers },
    content: {
      [JSON_TYPE]: {
        schema: { allOf: [schemaRef("Error"), { type: "object", properties: { code: { enum: codes } } }] },
        examples: Object.fromEntries(examples.map(({ summary, ...value }) => [summary.replace(/\W+/g, "_").toLowerCase(), { summary, value }])),
      },
    },
  };
}

function jsonResponse(description: string, schema: TSchema, example: unknown, headers: Record<string, TRef> = {}): TResponse {
  return {
    description,
    headers: { "x-request-id": headerRef("RequestId"), ...headers },
    content: { [JSON_TYPE]: { schema, example } },
  };
}

const paginated = (item: string, description: string): TSchema => ({
  type: "object",
  description,
  additionalProperties: false,
  required: ["data", "page", "pageSize", "total", "pageCount"],
  properties: {
    data: { type: "array", items: schemaRef(item) },
    page: { type: "integer", minimum: 1, description: "The page returned, from 1." },
    pageSize: { type: "integer", minimum: 1, maximum: 100, description: "Items per page." },
    total: { type: "integer", minimum: 0, description: "Items on all pages." },
    pageCount: { type: "integer", minimum: 1, description: "Number of pages (1 when there are no items)." },
  },
});

const badPageResponse = errorResponse("`page` or `pageSize` is not a whole number in range.", [
  { summary: "Page size out of range", message: "pageSize must be a whole number from 1 to 100.", code: "bad_request" },
]);

// The shared components. Schemas are JSON Schema 2020-12, as OpenAPI 3.1 specifies.
function components(): TOpenApiDocument["components"] {
  return {
    schemas: {
      Error: {
        type: "object",
        description:
          "Every error of the API. `message` says what to fix, in a sentence; `code` is stable and meant for programs; `errors` lists each problem with a JSON pointer to it.",
        additionalProperties: false,
        required: ["message", "code"],
        properties: {
          message: { type: "string", description: "What went wrong and how to fix it." },
          code: { type: "string", description: "A stable machine-readable code such as `data_invalid`." },
          errors: {
            type: "array",
            description: "The individual problems, when there are several to fix.",
            items: {
              type: "object",
              additionalProperties: false,
              required: ["path", "message"],
              properties: {
                path: { type: "string", description: "JSON pointer to the offending value, e.g. `/invoiceAmount`; empty for the whole body." },
                message: { type: "string", description: "The problem, in a sentence." },
                keyword: { type: "string", description: "The JSON Schema keyword that failed, e.g. `type` or `required`." },
              },
            },
          },
        },
      },
      FireEventRequest: {
        type: "object",
        description: "The envelope of a fired event.",
        required: ["event", "userId", "data"],
        properties: {
          event: { type: "string", minLength: 1, maxLength: 255, description: "The name of a Custom Event defined in the admin app.", examples: ["create_invoice"] },
          userId: { type: "string", minLength: 1, maxLength: 255, description: "The `userId` of an existing end user.", examples: ["demo-user"] },
          data: {
            type: "object",
            additionalProperties: true,
            description: "The event's data. It must match the current JSON Schema of the event, and nest at most 32 levels deep.",
            examples: [INVOICE_DATA],
          },
        },
      },
      FireEventResponse: {
        type: "object",
        additionalProperties: false,
        required: ["message", "eventId", "runs"],
        properties: {
          message: { const: "Event successfully triggered" },
          eventId: { type: "string", format: "uuid", description: "The stored event; look it up with `GET /api/v1/events/{eventId}`." },
          runs: {
            type: "array",
            description: "One queued run per active workflow of this event and end user; empty when none applies.",
            items: {
              type: "object",
              additionalProperties: false,
              required: ["runId", "workflowId", "workflowName"],
              properties: {
                runId: { type: "string", format: "uuid" },
                workflowId: { type: "string", format: "uuid" },
                workflowName: { type: "string" },
              },
            },
          },
        },
      },
      CreateEndUserRequest: {
        type: "object",
        description: "All fields are optional; without a `userId` one is generated (`usr_` and 20 hex characters).",
        properties: {
          userId: {
            type: "string",
            pattern: "^[A-Za-z0-9][A-Za-z0-9._:@|+-]{0,254}$",
            description: "Your application's id for the user: 1-255 letters, digits and `. _ : @ | + -`, starting with a letter or digit.",
          },
          username: { type: "string", maxLength: 255 },
          fullName: { type: "string", maxLength: 255 },
        },
      },
      EndUser: {
        type: "object",
        description: "An end user of your product: the `userId` events are fired for.",
        additionalProperties: false,
        required: ["userId", "username", "fullName", "createdAt"],
        properties: {
          userId: { type: "string" },
          username: { type: ["string", "null"] },
          fullName: { type: ["string", "null"] },
          createdAt: { type: "string", format: "date-time" },
        },
      },
      EndUserList: paginated("EndUser", "A page of end users, newest first."),
      CustomEvent: {
        type: "object",
        description: "A Custom Event with its current schema.",
        additionalProperties: false,
        required: ["name", "description", "version", "schema", "archived", "updatedAt"],
        properties: {
          name: { type: "string" },
          description: { type: "string" },
          version: { type: "integer", minimum: 0, description: "The current schema version, from 1." },
          schema: { type: "object", description: "The current JSON Schema (2020-12) of the event's `data`." },
          archived: { type: "boolean", description: "Archived events cannot be fired (409 `event_archived`)." },
          updatedAt: { type: ["string", "null"], format: "date-time", description: "When the current version was saved." },
        },
      },
      CustomEventList: paginated("CustomEvent", "A page of Custom Events, by name."),
      FiredEvent: {
        type: "object",
        description: "A fired event with the data it carried and its runs.",
        additionalProperties: false,
        required: ["eventId", "event", "version", "userId", "source", "data", "createdAt", "runs"],
        properties: {
          eventId: { type: "string", format: "uuid" },
          event: { type: "string", description: "The Custom Event's name." },
          version: { type: "integer", minimum: 1, description: "The schema version the data was validated against." },
          userId: { type: "string" },
          source: { enum: ["api", "form", "test"], description: "`api` for POST /run/event, `form` and `test` for the admin app." },
          data: { type: "object" },
          createdAt: { type: "string", format: "date-time" },
          runs: {
            type: "array",
            items: {
              type: "object",
              additionalProperties: false,
              required: ["runId", "workflowId", "workflowName", "status"],
              properties: {
                runId: { type: "string", format: "uuid" },
                workflowId: { type: "string", format: "uuid" },
                workflowName: { type: "string" },
                status: { enum: ["queued", "running", "succeeded", "failed", "cancelled"] },
              },
            },
          },
        },
      },
      Run: {
        type: "object",
        description: "One run of a workflow for one event: its status, the workflow version it used, and every step of that version in order.",
        additionalProperties: false,
        required: ["runId", "status", "workflowId", "workflowVersion", "eventId", "trigger", "steps", "error", "startedAt", "finishedAt", "createdAt"],
        properties: {
          runId: { type: "string", format: "uuid" },
          status: {
            enum: ["queued", "running", "succeeded", "failed", "cancelled"],
            description: "`queued` until a worker picks it up; `succeeded`, `failed` and `cancelled` are final.",
          },
          workflowId: { type: "string", format: "uuid" },
          workflowVersion: { type: "integer", minimum: 1, description: "The version of the workflow this run executes." },
          eventId: { type: "string", format: "uuid", description: "The fired event; look it up with `GET /api/v1/events/{eventId}`." },
          trigger: {
            enum: ["event", "retry", "replay"],
            description: "`event` for a fired event; `retry` and `replay` for runs started again from the admin app.",
          },
          steps: { type: "array", items: schemaRef("RunStep"), description: "Every step of the workflow version, in order." },
          error: {
            type: ["object", "null"],
            description: "Why the run failed or was cancelled; null otherwise.",
            required: ["message", "code"],
            properties: {
              message: { type: "string" },
              code: { type: "string" },
              stepId: { type: "string", description: "The step that failed, when one did." },
            },
          },
          startedAt: { type: ["string", "null"], format: "date-time" },
          finishedAt: { type: ["string", "null"], format: "date-time" },
          createdAt: { type: "string", format: "date-time" },
        },
      },
      RunStep: {
        type: "object",
        description: "One step of a run. Steps the run has not reached (or never will, because it stopped) are `pending`, with null details.",
        additionalProperties: false,
        required: ["stepId", "name", "status", "input", "output", "error", "attempts", "httpStatus", "durationMs"],
        properties: {
          stepId: { type: "string" },
          name: { type: "string" },
          status: {
            enum: ["pending", "running", "retrying", "succeeded", "failed"],
            description: "`retrying` while the step waits for its next attempt after a retryable failure.",
          },
          input: { description: "The step's input, resolved from the event by its field mapping (secrets redacted); null until it runs." },
          output: { description: "What the connector returned; null unless the step succeeded." },
          error: {
            type: ["object", "null"],
            description: "The last attempt's error; null unless it failed.",
            required: ["message", "code"],
            properties: {
              message: { type: "string" },
              code: { type: "string" },
              retryable: { type: "boolean", description: "Whether the step is retried after this error." },
              httpStatus: { type: "integer" },
            },
          },
          attempts: { type: "integer", minimum: 0 },
          httpStatus: { type: ["integer", "null"], description: "The HTTP status of the last attempt's request, when it made one." },
          durationMs: { type: ["integer", "null"], minimum: 0, description: "How long the step took, over all its attempts." },
        },
      },
      Health: {
        type: "object",
        additionalProperties: false,
        required: ["status"],
        properties: { status: { const: "ok" } },
      },
      Readiness: {
        type: "object",
        additionalProperties: false,
        required: ["status", "ready", "checks"],
        properties: {
          status: { enum: ["ready", "not_ready"] },
          ready: { type: "boolean" },
          checks: {
            type: "object",
            additionalProperties: false,
            required: ["database", "migrations", "worker"],
            properties: {
              database: { type: "boolean", description: "The database answers." },
              migrations: { type: "boolean", description: "Every migration is applied." },
              worker: { type: "boolean", description: "A job worker reported within WORKER_LOST_AFTER_SECONDS (30 s by default)." },
            },
          },
          message: { type: "string", description: "Why the service is not ready." },
        },
      },
    },
    securitySchemes: {
      bearerAuth: {
        type: "http",
        scheme: "bearer",
        bearerFormat: "ce_live_<43 base64url characters>",
        description:
          "An API key created under API keys in the admin app, shown once: `ce_live_` followed by 43 base64url characters. Send it as `Authorization: Bearer ce_live_...`; the scheme word is case-insensitive (`bearer`, `Bearer`, `BEARER`). A missing, unknown or revoked key is answered with 401 `unauthenticated` and a `WWW-Authenticate` header.",
      },
    },
    parameters: {
      ApiVersion: {
        name: "x-api-version",
        in: "header",
        required: false,
        description: "The API version to use. Without it, the current version (`2025-09`) applies; an unknown version is refused with 400 `unsupported_api_version`.",
        schema: { type: "string", enum: [API_VERSION], default: API_VERSION },
        example: API_VERSION,
      },
      IdempotencyKey: {
        name: "Idempotency-Key",
        in: "header",
        required: false,
        description:
          "Makes retries safe: 1-255 visible ASCII characters, e.g. a UUID. Within 24 hours, the same key with the same body replays the first response with the header `Idempotent-Replayed: true` and stores nothing new; the same key with a different body is refused with 409 `idempotency_key_reused`.",
        schema: { type: "string", minLength: 1, maxLength: 255, pattern: "^[\\x21-\\x7E]{1,255}$" },
        example: "inv_0001-create",
      },
      Page: {
        name: "page",
        in: "query",
        required: false,
        description: "The page to return, from 1.",
        schema: { type: "integer", minimum: 1, default: 1 },
        example: 1,
      },
      PageSize: {
        name: "pageSize",
        in: "query",
        required: false,
        description: "Items per page, 1-100.",
        schema: { type: "integer", minimum: 1, maximum: 100, default: 50 },
        example: 50,
      },
      IncludeArchived: {
        name: "includeArchived",
        in: "query",
        required: false,
        description: "`true` lists archived events too.",
        schema: { type: "boolean", default: false },
        example: false,
      },
      UserId: {
        name: "userId",
        in: "path",
        required: true,
        description: "The end user's `userId`.",
        schema: { type: "string" },
        example: "demo-user",
      },
      EventId: {
        name: "eventId",
        in: "path",
        required: true,
        description: "The `eventId` returned by `POST /run/event`.",
        schema: { type: "string", format: "uuid" },
        example: EXAMPLE_EVENT_ID,
      },
      RunId: {
        name: "runId",
        in: "path",
        required: true,
        description: "A `runId` from `POST /run/event` or `GET /api/v1/events/{eventId}`.",
        schema: { type: "string", format: "uuid" },
        example: EXAMPLE_RUN.runId,
      },
      CustomEventName: {
        name: "name",
        in: "path",
        required: true,
        description: "The Custom Event's name.",
        schema: { type: "string" },
        example: "create_invoice",
      },
    },
    headers: {
      RequestId: {
        description: "The id of this request in the server's logs; quote it to support.",
        required: true,
        schema: { type: "string" },
        example: "0f1e2d3c-4b5a-4968-8776-655443322110",
      },
      RetryAfter: {
        description: "Seconds to wait before retrying.",
        required: true,
        schema: { type: "string", pattern: "^[0-9]+$" },
        example: "5",
      },
      WwwAuthenticate: {
        description: "The authentication scheme to use.",
        required: true,
        schema: { type: "string" },
        example: 'Bearer realm="custom-events"',
      },
      ApiVersion: {
        description: "The API version that answered.",
        required: true,
        schema: { type: "string", enum: [API_VERSION] },
        example: API_VERSION,
      },
      IdempotentReplayed: {
        description: "`true` when this is the stored response of an earlier request with the same Idempotency-Key; nothing new was stored.",
        required: false,
        schema: { const: "true" },
        example: "true",
      },
    },
    responses: {
      Unauthenticated: errorResponse(
        "The API key is missing, unknown or revoked.",
        [{ summary: "No valid key", message: INVALID_KEY_MESSAGE, code: "unauthenticated" }],
        { "WWW-Authenticate": headerRef("WwwAuthenticate") },
      ),
      Internal: errorResponse("An unexpected error. Nothing was stored; the message carries the request id.", [
        { summary: "Internal error", message: "Internal error. Nothing was stored. Quote request id 0f1e2d3c-4b5a-4968-8776-655443322110 to support.", code: "internal" },
      ]),
      Unavailable: errorResponse(
        "The database is unreachable or not keeping up for a moment (or the event's definition changed while the request was handled). Nothing was stored; retry after `Retry-After` seconds.",
        [{ summary: "Database unavailable", message: "The service is temporarily unavailable. Nothing was stored; retry after a few seconds.", code: "unavailable" }],
        { "Retry-After": headerRef("RetryAfter") },
      ),
    },
  };
}

function fireEventOperation(): TOperation {
  return {
    operationId: "fireEvent",
    summary: "Fire a Custom Event",
    description:
      "Validates `data` against the current schema of the named event, stores the event and queues one run per active workflow that applies to the end user, atomically. Runs execute in the background; follow them with `GET /api/v1/events/{eventId}`. Send `Idempotency-Key` to make retries safe.",
    tags: ["Events"],
    parameters: [parameterRef("ApiVersion"), parameterRef("IdempotencyKey")],
    requestBody: {
      required: true,
      description: "A JSON object of at most `MAX_BODY_BYTES` (1 MiB by default), sent with `Content-Type: application/json`.",
      content: {
        [JSON_TYPE]: {
          schema: schemaRef("FireEventRequest"),
          example: { event: "create_invoice", userId: "demo-user", data: INVOICE_DATA },
        },
      },
    },
    responses: {
      "200": {
        description: "The event was stored and its runs queued (or, with a reused Idempotency-Key, the first response is replayed).",
        headers: {
          "x-request-id": headerRef("RequestId"),
          "x-api-version": headerRef("ApiVersion"),
          "Idempotent-Replayed": headerRef("IdempotentReplayed"),
        },
        content: {
          [JSON_TYPE]: {
            schema: schemaRef("FireEventResponse"),
            examples: {
              with_run: {
                summary: "One workflow ran",
                value: { message: "Event successfully triggered", eventId: EXAMPLE_EVENT_ID, runs: [EXAMPLE_RUN] },
              },
              no_workflows: {
                summary: "No active workflow applies",
                value: { message: "Event successfully triggered", eventId: EXAMPLE_EVENT_ID, runs: [] },
              },
            },
          },
        },
      },
      "400": errorResponse("The body is not valid JSON, the envelope is wrong, `data` is nested more than 32 levels or holds text that cannot be stored (a NUL character or an unpaired surrogate), or the API version is unknown.", [
        { summary: "Invalid JSON", message: "The body is not valid JSON: Unexpected end of JSON input.", code: "invalid_json" },
        {
          summary: "Invalid request",
          message: "Fix the request body: userId is required; data must be an object, not a string.",
          code: "invalid_request",
          errors: [
            { path: "/userId", message: "userId is required", keyword: "required" },
            { path: "/data", message: "data must be an object, not a string", keyword: "type" },
          ],
        },
        {
          summary: "Unsupported API version",
          message: 'x-api-version "2024-01" is not supported. Supported versions: 2025-09.',
          code: "unsupported_api_version",
        },
      ]),
      "401": responseRef("Unauthenticated"),
      "404": errorResponse("There is no Custom Event with that name, or no end user with that userId.", [
        {
          summary: "Unknown event",
          message: 'There is no Custom Event named "create_invoise". Check the name, or define it under Events.',
          code: "event_not_found",
        },
        {
          summary: "Unknown end user",
          message: 'There is no end user with userId "demo-user". Create it with POST /api/v1/users first.',
          code: "end_user_not_found",
        },
      ]),
      "409": errorResponse("The event is archived, or the Idempotency-Key was used with a different body.", [
        {
          summary: "Event archived",
          message: 'The Custom Event "create_invoice" is archived. Unarchive it in the admin app to fire it again.',
          code: "event_archived",
        },
        {
          summary: "Idempotency key reused",
          message: 'Idempotency-Key "inv_0001-create" was already used with a different request body. Use a new key for a new event.',
          code: "idempotency_key_reused",
        },
      ]),
      "413": errorResponse("The body is larger than `MAX_BODY_BYTES` (1 MiB by default).", [
        { summary: "Body too large", message: "The body is larger than the 1048576 byte limit. Send less data per event.", code: "payload_too_large" },
      ]),
      "415": errorResponse("The body was not sent as JSON.", [
        {
          summary: "Not JSON",
          message: 'Send the body as JSON with Content-Type: application/json (got "text/plain").',
          code: "unsupported_media_type",
        },
      ]),
      "422": errorResponse("`data` does not match the event's current schema; `errors` lists every failing field.", [
        {
          summary: "Data invalid",
          message:
            'data does not match the schema of "create_invoice" (version 1): /invoiceAmount must be a number; invoiceNumber is required.',
          code: "data_invalid",
          errors: [
            { path: "/invoiceAmount", message: "/invoiceAmount must be a number", keyword: "type" },
            { path: "/invoiceNumber", message: "invoiceNumber is required", keyword: "required" },
          ],
        },
      ]),
      "429": errorResponse(
        "This API key is over its per-minute limit (`RATE_LIMIT_PER_MINUTE`). Nothing was stored.",
        [{ summary: "Rate limited", message: "This API key is over its limit of 600 requests per minute. Retry after 1 s.", code: "rate_limited" }],
        { "Retry-After": headerRef("RetryAfter") },
      ),
      "500": responseRef("Internal"),
      "503": responseRef("Unavailable"),
    },
  };
}

function createEndUserOperation(operationId: string, aliasOf?: string): TOperation {
  return {
    operationId,
    summary: "Create an end user",
    description:
      "Creates an end user, the `userId` that events are fired for. Create each user once, before firing events for them; a second create with the same `userId` is refused with 409.",
    tags: ["End users"],
    ...(aliasOf ? { "x-alias-of": aliasOf } : {}),
    requestBody: {
      required: true,
      content: {
        [JSON_TYPE]: {
          schema: schemaRef("CreateEndUserRequest"),
          example: { userId: "demo-user", username: "demo", fullName: "Demo User" },
        },
      },
    },
    responses: {
      "201": jsonResponse("The end user was created.", schemaRef("EndUser"), EXAMPLE_END_USER),
      "400": errorResponse("The body is not valid JSON, or a field is wrong.", [
        { summary: "Invalid JSON", message: "The body is not valid JSON: Unexpected end of JSON input.", code: "invalid_json" },
        {
          summary: "Invalid request",
          message: "Fix the request body: userId must be 1-255 characters: letters, digits and . _ : @ | + -, starting with a letter or digit.",
          code: "invalid_request",
          errors: [
            {
              path: "/userId",
              message: "userId must be 1-255 characters: letters, digits and . _ : @ | + -, starting with a letter or digit",
            },
          ],
        },
      ]),
      "401": responseRef("Unauthenticated"),
      "409": errorResponse("An end user with this `userId` already exists.", [
        { summary: "Duplicate userId", message: 'An end user with userId "demo-user" already exists.', code: "conflict" },
      ]),
      "413": errorResponse("The body is larger than `MAX_BODY_BYTES` (1 MiB by default).", [
        { summary: "Body too large", message: "The body is larger than the 1048576 byte limit. Send less data per event.", code: "payload_too_large" },
      ]),
      "415": errorResponse("The body was not sent as JSON.", [
        {
          summary: "Not JSON",
          message: 'Send the body as JSON with Content-Type: application/json (got "text/plain").',
          code: "unsupported_media_type",
        },
      ]),
      "500": responseRef("Internal"),
      "503": responseRef("Unavailable"),
    },
  };
}

function listEndUsersOperation(operationId: string, aliasOf?: string): TOperation {
  return {
    operationId,
    summary: "List end users",
    description: "Lists end users, newest first, a page at a time.",
    tags: ["End users"],
    ...(aliasOf ? { "x-alias-of": aliasOf } : {}),
    parameters: [parameterRef("Page"), parameterRef("PageSize")],
    responses: {
      "200": jsonResponse("A page of end users.", schemaRef("EndUserList"), { data: [EXAMPLE_END_USER], page: 1, pageSize: 50, total: 1, pageCount: 1 }),
      "400": badPageResponse,
      "401": responseRef("Unauthenticated"),
      "500": responseRef("Internal"),
      "503": responseRef("Unavailable"),
    },
  };
}

function getEndUserOperation(operationId: string, aliasOf?: string): TOperation {
  return {
    operationId,
    summary: "Get an end user",
    description: "Returns one end user by `userId`.",
    tags: ["End users"],
    ...(aliasOf ? { "x-alias-of": aliasOf } : {}),
    parameters: [parameterRef("UserId")],
    responses: {
      "200": jsonResponse("The end user.", schemaRef("EndUser"), EXAMPLE_END_USER),
      "401": responseRef("Unauthenticated"),
      "404": errorResponse("There is no end user with this `userId`.", [
        {
          summary: "Unknown end user",
          message: 'There is no end user with userId "demo-user". Create it with POST /api/v1/users first.',
          code: "end_user_not_found",
        },
      ]),
      "500": responseRef("Internal"),
      "503": responseRef("Unavailable"),
    },
  };
}

function paths(): Record<string, TPathItem> {
  return {
    "/run/event": { post: fireEventOperation() },
    "/api/v1/events/{eventId}": {
      get: {
        operationId: "getEvent",
        summary: "Get a fired event",
        description: "Returns a fired event with the data it carried, the schema version it was validated against, and the status of each of its runs.",
        tags: ["Events"],
        parameters: [parameterRef("EventId")],
        responses: {
          "200": jsonResponse("The event and its runs.", schemaRef("FiredEvent"), {
            eventId: EXAMPLE_EVENT_ID,
            event: "create_invoice",
            version: 1,
            userId: "demo-user",
            source: "api",
            data: INVOICE_DATA,
            createdAt: "2026-01-15T10:00:00.000Z",
            runs: [{ ...EXAMPLE_RUN, status: "succeeded" }],
          }),
          "401": responseRef("Unauthenticated"),
          "404": errorResponse("There is no event with this id.", [
            { summary: "Unknown event", message: `There is no event with id "${EXAMPLE_EVENT_ID}".`, code: "not_found" },
          ]),
          "500": responseRef("Internal"),
          "503": responseRef("Unavailable"),
        },
      },
    },
    "/api/v1/runs/{runId}": {
      get: {
        operationId: "getRun",
        summary: "Get a run",
        description:
          "Returns one run: its status, the workflow version it executes and each step of that version in order, with the step's resolved input, output, error, attempts and HTTP status. Poll it to follow a run to the end.",
        tags: ["Runs"],
        parameters: [parameterRef("RunId")],
        responses: {
          "200": jsonResponse("The run and its steps.", schemaRef("Run"), EXAMPLE_RUN_DETAIL),
          "401": responseRef("Unauthenticated"),
          "404": errorResponse("There is no run with this id.", [
            { summary: "Unknown run", message: `There is no run with id "${EXAMPLE_RUN.runId}".`, code: "run_not_found" },
          ]),
          "500": responseRef("Internal"),
          "503": responseRef("Unavailable"),
        },
      },
    },
    "/api/v1/users": { get: listEndUsersOperation("listEndUsers"), post: createEndUserOperation("createEndUser") },
    "/api/v1/users/{userId}": { get: getEndUserOperation("getEndUser") },
    "/api/v1/custom-events": {
      get: {
        operationId: "listCustomEvents",
        summary: "List Custom Events",
        description: "Lists Custom Events by name with their current schema; archived events only with `includeArchived=true`.",
        tags: ["Custom Events"],
        parameters: [parameterRef("Page"), parameterRef("PageSize"), parameterRef("IncludeArchived")],
        responses: {
          "200": jsonResponse("A page of Custom Events.", schemaRef("CustomEventList"), {
            data: [EXAMPLE_CUSTOM_EVENT],
            page: 1,
            pageSize: 50,
            total: 1,
            pageCount: 1,
          }),
          "400": badPageResponse,
          "401": responseRef("Unauthenticated"),
          "500": responseRef("Internal"),
          "503": responseRef("Unavailable"),
        },
      },
    },
    "/api/v1/custom-events/{name}": {
      get: {
        operationId: "getCustomEvent",
        summary: "Get a Custom Event",
        description: "Returns one Custom Event with its current schema: what `data` must look like when you fire it.",
        tags: ["Custom Events"],
        parameters: [parameterRef("CustomEventName")],
        responses: {
          "200": jsonResponse("The Custom Event.", schemaRef("CustomEvent"), EXAMPLE_CUSTOM_EVENT),
          "401": responseRef("Unauthenticated"),
          "404": errorResponse("There is no Custom Event with this name.", [
            { summary: "Unknown event", message: 'There is no Custom Event named "create_invoise".', code: "not_found" },
          ]),
          "500": responseRef("Internal"),
          "503": responseRef("Unavailable"),
        },
      },
    },
    "/users": { get: listEndUsersOperation("listEndUsersAlias", "listEndUsers"), post: createEndUserOperation("createEndUserAlias", "createEndUser") },
    "/users/{userId}": { get: getEndUserOperation("getEndUserAlias", "getEndUser") },
    "/api/health": {
      get: {
        operationId: "getHealth",
        summary: "Liveness",
        description: "Answers 200 while the process is up and serving requests. It checks nothing else; use `/api/ready` for that.",
        tags: ["Health"],
        security: [],
        responses: { "200": { description: "The process is up.", content: { [JSON_TYPE]: { schema: schemaRef("Health"), example: { status: "ok" } } } } },
      },
    },
    "/api/ready": {
      get: {
        operationId: "getReadiness",
        summary: "Readiness",
        description: "Answers 200 when the database is reachable, every migration is applied and a job worker is alive; 503 otherwise, naming what is missing.",
        tags: ["Health"],
        security: [],
        responses: {
          "200": {
            description: "Ready to take traffic.",
            content: {
              [JSON_TYPE]: {
                schema: schemaRef("Readiness"),
                example: { status: "ready", ready: true, checks: { database: true, migrations: true, worker: true } },
              },
            },
          },
          "503": {
            description: "Not ready yet; retry after `Retry-After` seconds.",
            headers: { "Retry-After": headerRef("RetryAfter") },
            content: {
              [JSON_TYPE]: {
                schema: schemaRef("Readiness"),
                example: {
                  status: "not_ready",
                  ready: false,
                  checks: { database: true, migrations: true, worker: false },
                  message: "No job worker has reported in the last 30 seconds.",
                },
              },
            },
          },
        },
      },
    },
    "/api/openapi.json": {
      get: {
        operationId: "getOpenApiDocument",
        summary: "This document",
        description: "The OpenAPI 3.1 document of the public API, with this server as its base URL.",
        tags: ["Health"],
        security: [],
        responses: {
          "200": {
            description: "The OpenAPI document.",
            content: { [JSON_TYPE]: { schema: { type: "object", required: ["openapi", "info", "paths"] } } },
          },
        },
      },
    },
  };
}

/** The OpenAPI 3.1 document, with `serverUrl` (this server's origin) as its base URL. */
export function openApiDocument(serverUrl = "http://localhost:3000"): TOpenApiDocument {
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://spec.openapis.org/oas/3.1/dialect/base",
    info: {
      title: "Custom Events API",
      version: API_VERSION,
      description:
        "Fire Custom Events from your application and look up what they did. Define events and their JSON Schemas in the admin app; fire them with `POST /run/event`. Errors are JSON: `{ message, code, errors? }`, with JSON pointers in `errors[].path`.",
      license: { name: "Apache-2.0", identifier: "Apache-2.0" },
    },
    servers: [{ url: serverUrl.replace(/\/$/, ""), description: "This Custom Events server" }],
    security: [{ bearerAuth: [] }],
    tags: [
      { name: "Events", description: "Fire Custom Events and follow their runs." },
      { name: "Runs", description: "Follow the workflow runs your events started, step by step." },
      { name: "End users", description: "The users of your product that events are fired for." },
      { name: "Custom Events", description: "The events you defined, with their current schemas." },
      { name: "Health", description: "Probes for load balancers and orchestrators, and this document. No API key needed." },
    ],
    paths: paths(),
    components: components(),
  };
}
