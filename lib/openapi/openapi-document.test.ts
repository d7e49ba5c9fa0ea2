import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import {
  HTTP_METHODS,
  openApiDocument,
  resolvePointer,
  resolveRef,
  type TMediaType,
  type TOperation,
  type TParameter,
  type TResponse,
} from "./openapi-document";

const document = openApiDocument("https://events.example.com/");
const DOC_ID = "openapi.json";

function operations() {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    HTTP_METHODS.flatMap((method) => (item[method] ? [{ path, method, operation: item[method] as TOperation }] : [])),
  );
}

function collectRefs(node: unknown, at = "#"): { at: string; ref: string }[] {
  if (node === null || typeof node !== "object") return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === "$ref" && typeof value === "string" ? [{ at, ref: value }] : collectRefs(value, `${at}/${key}`),
  );
}

function newAjv() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  // Schemas refer to each other as #/components/schemas/X, so they compile inside the document.
  ajv.addSchema(structuredClone(document) as object, DOC_ID);
  return ajv;
}

const isAuthenticated = (operation: TOperation) => (operation.security ?? document.security).length > 0;

describe("openApiDocument", () => {
  it("is an OpenAPI 3.1 document with this server as its base URL", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.info.title).toBeTruthy();
    expect(document.info.version).toBe("2025-09");
    expect(document.servers).toEqual([{ url: "https://events.example.com", description: expect.any(String) }]);
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(document.components.securitySchemes.bearerAuth.description).toMatch(/ce_live_.*case-insensitive/);
    expect(openApiDocument().servers[0]!.url).toBe("http://localhost:3000");
  });

  it("is plain JSON", () => {
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });

  it("resolves every $ref inside the document", () => {
    const refs = collectRefs(document);
    expect(refs.length).toBeGreaterThan(20);
    for (const { at, ref } of refs) {
      expect(ref, `${at}`).toMatch(/^#\/components\//);
      expect(resolvePointer(document, ref), `${at} -> ${ref}`).toBeDefined();
    }
  });

  it("documents every route of the public API", () => {
    const found = operations().map(({ path, method }) => `${method.toUpperCase()} ${path}`);
    expect(found.sort()).toEqual(
      [
        "POST /run/event",
        "GET /api/v1/users",
        "POST /api/v1/users",
        "GET /api/v1/users/{userId}",
        "GET /users",
        "POST /users",
        "GET /users/{userId}",
        "GET /api/v1/events/{eventId}",
        "GET /api/v1/runs/{runId}",
        "GET /api/v1/custom-events",
        "GET /api/v1/custom-events/{name}",
        "GET /api/health",
        "GET /api/ready",
        "GET /api/openapi.json",
      ].sort(),
    );
  });

  it("gives every operation a unique operationId, a summary, a description, a 2xx and (when authenticated) a 401", () => {
    const ids = operations().map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, method, operation } of operations()) {
      const label = `${method} ${path}`;
      expect(operation.operationId, label).toMatch(/^[a-zA-Z]+$/);
      expect(operation.summary, label).toBeTruthy();
      expect(operation.description, label).toBeTruthy();
      expect(operation.tags.every((tag) => document.tags.some((t) => t.name === tag)), label).toBe(true);
      const statuses = Object.keys(operation.responses);
      expect(statuses.some((s) => /^2\d\d$/.test(s)), label).toBe(true);
      expect(statuses.includes("401"), label).toBe(isAuthenticated(operation));
      if (method === "post") expect(operation.requestBody?.content["application/json"]?.schema, label).toBeDefined();
      for (const status of statuses) {
        const response = resolveRef<TResponse>(document, operation.responses[status]!);
        expect(response.description, `${label} ${status}`).toBeTruthy();
        expect(response.content?.["application/json"]?.schema, `${label} ${status}`).toBeDefined();
        if (isAuthenticated(operation)) expect(response.headers?.["x-request-id"], `${label} ${status}`).toBeDefined();
        if (status === "429" || status === "503") expect(response.headers?.["Retry-After"], `${label} ${status}`).toBeDefined();
        if (status === "401") expect(response.headers?.["WWW-Authenticate"], `${label} ${status}`).toBeDefined();
      }
    }
  });

  it("declares each path parameter exactly where the path has it", () => {
    for (const { path, operation } of operations()) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const declared = (operation.parameters ?? [])
        .map((p) => resolveRef<TParameter>(document, p))
        .filter((p) => p.in === "path")
        .map((p) => p.name);
      expect(declared, path).toEqual(inPath);
    }
  });

  it("documents the request headers of POST /run/event", () => {
    const parameters = (document.paths["/run/event"]!.post!.parameters ?? []).map((p) => resolveRef<TParameter>(document, p));
    expect(parameters.find((p) => p.name === "x-api-version")).toMatchObject({ in: "header", required: false, schema: { enum: ["2025-09"] } });
    expect(parameters.find((p) => p.name === "Idempotency-Key")).toMatchObject({ in: "header", required: false, schema: { maxLength: 255 } });
    const ok = resolveRef<TResponse>(document, document.paths["/run/event"]!.post!.responses["200"]!);
    expect(Object.keys(ok.headers ?? {})).toEqual(expect.arrayContaining(["x-request-id", "x-api-version", "Idempotent-Replayed"]));
  });

  it.each(Object.keys(document.components.schemas))("compiles components.schemas.%s with Ajv 2020", (name) => {
    expect(() => newAjv().compile({ $ref: `${DOC_ID}#/components/schemas/${name}` })).not.toThrow();
  });

  it("compiles the standalone shared schemas without the document too", () => {
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    for (const name of ["Error", "FireEventRequest", "FireEventResponse", "EndUser", "CustomEvent", "FiredEvent", "Health", "Readiness"]) {
      expect(() => ajv.compile(structuredClone(document.components.schemas[name]!)), name).not.toThrow();
    }
  });

  it("gives examples that match their own schemas", () => {
    const ajv = newAjv();
    const check = (label: string, pointer: string, value: unknown) => {
      const validate = ajv.compile({ $ref: `${DOC_ID}#${pointer}` });
      expect(validate(value), `${label}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    };
    const escape = (segment: string) => segment.replace(/~/g, "~0").replace(/\//g, "~1");
    let checked = 0;
    const checkMedia = (label: string, pointer: string, media: TMediaType | undefined) => {
      if (!media) return;
      if (media.example !== undefined) {
        check(label, `${pointer}/schema`, media.example);
        checked++;
      }
      for (const [name, example] of Object.entries(media.examples ?? {})) {
        check(`${label} (${name})`, `${pointer}/schema`, example.value);
        checked++;
      }
    };
    for (const { path, method, operation } of operations()) {
      const base = `/paths/${escape(path)}/${method}`;
      checkMedia(`${method} ${path} body`, `${base}/requestBody/content/application~1json`, operation.requestBody?.content["application/json"]);
      for (const [status, response] of Object.entries(operation.responses)) {
        const pointer = "$ref" in response ? response.$ref.slice(1) : `${base}/responses/${status}`;
        checkMedia(`${method} ${path} ${status}`, `${pointer}/content/application~1json`, resolveRef<TResponse>(document, response).content?.["application/json"]);
      }
    }
    for (const [name, parameter] of Object.entries(document.components.parameters)) {
      check(`parameter ${name}`, `/components/parameters/${name}/schema`, parameter.example);
    }
    for (const [name, header] of Object.entries(document.components.headers)) {
      check(`header ${name}`, `/components/headers/${name}/schema`, header.example);
    }
    expect(checked).toBeGreaterThan(30);
  });

  it("uses the product documentation's invoice example", () => {
    const body = document.paths["/run/event"]!.post!.requestBody!.content["application/json"]!.example;
    expect(body).toEqual({
      event: "create_invoice",
      userId: "demo-user",
      data: { id: "inv_0001", invoiceNumber: "INV-2026-0001", invoiceAmount: 1250 },
    });
    const invalid = resolveRef<TResponse>(document, document.paths["/run/event"]!.post!.responses["422"]!);
    expect(invalid.content!["application/json"]!.examples!.data_invalid!.value).toMatchObject({
      code: "data_invalid",
      errors: [
        { path: "/invoiceAmount", message: "/invoiceAmount must be a number", keyword: "type" },
        { path: "/invoiceNumber", message: "invoiceNumber is required", keyword: "required" },
      ],
    });
  });
});
