import { describe, expect, it } from "vitest";
import { DEMO_INVOICE_EVENT } from "@/lib/seed/demo-invoice-event";
import { checkSchemaDefinition, compileSchema, MAX_SCHEMA_BYTES, validateData, type TValidationError } from "./validator";

const invoiceSchema = {
  type: "object",
  properties: {
    invoiceNumber: { type: "string", minLength: 3 },
    invoiceAmount: { type: "number", minimum: 0 },
    quantity: { type: "integer", exclusiveMinimum: 0, maximum: 100 },
    paid: { type: "boolean" },
    email: { type: "string", format: "email" },
    dueDate: { type: "string", format: "date" },
    at: { type: "string", format: "date-time" },
    status: { enum: ["draft", "sent", "paid"] },
    kind: { const: "invoice" },
    code: { type: "string", pattern: "^[A-Z]+$", maxLength: 4 },
    notes: { type: ["string", "null"] },
    tags: { type: "array", items: { type: "string" }, minItems: 1, maxItems: 2, uniqueItems: true },
    customer: {
      type: "object",
      properties: { name: { type: "string" } },
      required: ["name"],
      additionalProperties: false,
    },
  },
  required: ["invoiceNumber", "invoiceAmount"],
};

const valid = { invoiceNumber: "INV-1", invoiceAmount: 10.5 };

function errorsFor(data: unknown, schema: object = invoiceSchema): TValidationError[] {
  const result = validateData(schema, data);
  if (result.valid) throw new Error("expected the data to be refused");
  return result.errors;
}

describe("validateData", () => {
  it("accepts valid data, including the demo invoice sample", () => {
    expect(validateData(invoiceSchema, valid)).toEqual({ valid: true });
    expect(validateData(DEMO_INVOICE_EVENT.schema, DEMO_INVOICE_EVENT.sample)).toEqual({ valid: true });
  });

  it.each<[string, Record<string, unknown>, TValidationError]>([
    ["number", { invoiceAmount: "12" }, { path: "/invoiceAmount", keyword: "type", message: "/invoiceAmount must be a number" }],
    ["integer", { quantity: 1.5 }, { path: "/quantity", keyword: "type", message: "/quantity must be an integer" }],
    ["string", { invoiceNumber: 12 }, { path: "/invoiceNumber", keyword: "type", message: "/invoiceNumber must be a string" }],
    ["boolean", { paid: "yes" }, { path: "/paid", keyword: "type", message: "/paid must be true or false" }],
    ["object", { customer: [] }, { path: "/customer", keyword: "type", message: "/customer must be an object" }],
    ["array", { tags: "a" }, { path: "/tags", keyword: "type", message: "/tags must be an array" }],
    ["type list", { notes: 3 }, { path: "/notes", keyword: "type", message: "/notes must be a string or null" }],
    ["email", { email: "nope" }, { path: "/email", keyword: "format", message: "/email must be a valid email address" }],
    ["date", { dueDate: "31/01/2026" }, { path: "/dueDate", keyword: "format", message: "/dueDate must be a date (YYYY-MM-DD)" }],
    [
      "date-time",
      { at: "2026-01-31 12:00" },
      { path: "/at", keyword: "format", message: "/at must be a date-time (RFC 3339, e.g. 2026-01-31T12:00:00Z)" },
    ],
    ["enum", { status: "void" }, { path: "/status", keyword: "enum", message: "/status must be one of: draft, sent, paid" }],
    ["const", { kind: "order" }, { path: "/kind", keyword: "const", message: '/kind must be exactly "invoice"' }],
    ["minimum", { invoiceAmount: -1 }, { path: "/invoiceAmount", keyword: "minimum", message: "/invoiceAmount must be at least 0" }],
    ["maximum", { quantity: 101 }, { path: "/quantity", keyword: "maximum", message: "/quantity must be at most 100" }],
    ["exclusiveMinimum", { quantity: 0 }, { path: "/quantity", keyword: "exclusiveMinimum", message: "/quantity must be greater than 0" }],
    ["minLength", { invoiceNumber: "IN" }, { path: "/invoiceNumber", keyword: "minLength", message: "/invoiceNumber must be at least 3 characters" }],
    ["maxLength", { code: "ABCDE" }, { path: "/code", keyword: "maxLength", message: "/code must be at most 4 characters" }],
    ["pattern", { code: "ab" }, { path: "/code", keyword: "pattern", message: "/code must match the pattern ^[A-Z]+$" }],
    ["minItems", { tags: [] }, { path: "/tags", keyword: "minItems", message: "/tags must have at least 1 item" }],
    ["maxItems", { tags: ["a", "b", "c"] }, { path: "/tags", keyword: "maxItems", message: "/tags must have at most 2 items" }],
    [
      "uniqueItems",
      { tags: ["a", "a"] },
      { path: "/tags", keyword: "uniqueItems", message: "/tags must not contain duplicate items (items 0 and 1 are the same)" },
    ],
    ["array item", { tags: [1] }, { path: "/tags/0", keyword: "type", message: "/tags/0 must be a string" }],
    ["nested required", { customer: {} }, { path: "/customer/name", keyword: "required", message: "customer.name is required" }],
    [
      "unknown field",
      { customer: { name: "Ada", extra: 1 } },
      { path: "/customer/extra", keyword: "additionalProperties", message: "/customer/extra is not allowed (unknown field)" },
    ],
  ])("reports %s at the field's pointer", (_, patch, expected) => {
    expect(errorsFor({ ...valid, ...patch })).toEqual([expected]);
  });

  it("reports a missing required field at its own pointer, named without the slash", () => {
    expect(errorsFor({ invoiceAmount: 1 })).toEqual([{ path: "/invoiceNumber", keyword: "required", message: "invoiceNumber is required" }]);
  });

  it("reports multipleOf", () => {
    expect(errorsFor({ n: 0.3 }, { type: "object", properties: { n: { multipleOf: 0.25 } } })).toEqual([
      { path: "/n", keyword: "multipleOf", message: "/n must be a multiple of 0.25" },
    ]);
  });

  it("shows the root as / in the message but keeps an empty path", () => {
    expect(errorsFor([1])).toEqual([{ path: "", keyword: "type", message: "/ must be an object" }]);
  });

  it("lists every failing field, sorted by path then keyword", () => {
    expect(errorsFor({ invoiceAmount: "x", code: "abcde" })).toEqual([
      { path: "/code", keyword: "maxLength", message: "/code must be at most 4 characters" },
      { path: "/code", keyword: "pattern", message: "/code must match the pattern ^[A-Z]+$" },
      { path: "/invoiceAmount", keyword: "type", message: "/invoiceAmount must be a number" },
      { path: "/invoiceNumber", keyword: "required", message: "invoiceNumber is required" },
    ]);
  });

  it("escapes pointer segments of missing and unknown fields", () => {
    const schema = { type: "object", properties: {}, required: ["a/b"], additionalProperties: false };
    expect(errorsFor({ "c~d": 1 }, schema)).toEqual([
      { path: "/a~1b", keyword: "required", message: "a/b is required" },
      { path: "/c~0d", keyword: "additionalProperties", message: "/c~0d is not allowed (unknown field)" },
    ]);
  });

  it("merges anyOf type alternatives into one sentence", () => {
    const schema = { type: "object", properties: { ref: { anyOf: [{ type: "string" }, { type: "null" }] } } };
    expect(errorsFor({ ref: 1 }, schema)).toEqual([{ path: "/ref", keyword: "type", message: "/ref must be a string or null" }]);
  });

  it("drops the if/then wrapper when the then-branch says what is wrong", () => {
    const schema = {
      type: "object",
      properties: { country: { type: "string" }, postcode: { type: "string" } },
      if: { properties: { country: { const: "NL" } }, required: ["country"] },
      then: { required: ["postcode"] },
    };
    expect(errorsFor({ country: "NL" }, schema)).toEqual([{ path: "/postcode", keyword: "required", message: "postcode is required" }]);
  });
});

describe("compileSchema", () => {
  it("returns the cached validator for the same schema or cache key", () => {
    const schema = { type: "object", properties: { a: { type: "string" } } };
    expect(compileSchema(schema)).toBe(compileSchema({ ...schema }));
    expect(compileSchema(schema, "version-1")).toBe(compileSchema({ type: "object" }, "version-1"));
  });

  it("is not affected when the caller mutates the schema afterwards", () => {
    const schema: { type: string; properties: Record<string, unknown> } = { type: "object", properties: { a: { type: "string" } } };
    const validate = compileSchema(schema, "mutation-test");
    schema.properties.a = { type: "number" };
    expect(validate({ a: "text" })).toBe(true);
  });

  it("compiles two schemas with the same $id side by side", () => {
    const v1 = { $id: "https://example.com/invoice", type: "object", properties: { a: { type: "string" } } };
    const v2 = { ...v1, properties: { a: { type: "number" } } };
    expect(validateData(v1, { a: "x" }, "id-v1")).toEqual({ valid: true });
    expect(validateData(v2, { a: 1 }, "id-v2")).toEqual({ valid: true });
    expect(validateData(v1, { a: "x" }, "id-v1-again")).toEqual({ valid: true });
  });

  it("keeps working after evicting old validators", () => {
    for (let i = 0; i < 520; i++) compileSchema({ type: "object", properties: { [`f${i}`]: { type: "string" } } });
    expect(validateData({ type: "object", properties: { f0: { type: "string" } } }, { f0: 1 })).toEqual({
      valid: false,
      errors: [{ path: "/f0", keyword: "type", message: "/f0 must be a string" }],
    });
  });
});

describe("checkSchemaDefinition", () => {
  it("accepts the demo invoice schema without warnings", () => {
    expect(checkSchemaDefinition(DEMO_INVOICE_EVENT.schema)).toEqual({ ok: true, warnings: [] });
  });

  it.each<[string, unknown, TValidationError[]]>([
    ["not an object", [], [{ path: "", keyword: "type", message: "The schema must be a JSON object" }]],
    [
      "no root type",
      { properties: {} },
      [{ path: "", keyword: "type", message: 'The schema needs "type": "object" at the root: event data is always a JSON object' }],
    ],
    ["array root", { type: "array" }, [{ path: "/type", keyword: "type", message: '/type: the root type must be "object", not "array"' }]],
    [
      "other draft",
      { $schema: "http://json-schema.org/draft-07/schema#", type: "object" },
      [
        {
          path: "/$schema",
          keyword: "$schema",
          message: '/$schema: only JSON Schema draft 2020-12 is supported; use "https://json-schema.org/draft/2020-12/schema" or leave it out',
        },
      ],
    ],
    [
      "unknown type name",
      { type: "object", properties: { a: { type: "strin" } } },
      [
        {
          path: "/properties/a/type",
          keyword: "type",
          message: '/properties/a/type: "strin" is not a JSON Schema type; use string, number, integer, boolean, object, array or null',
        },
      ],
    ],
    [
      "meta-schema violation",
      { type: "object", properties: { a: { type: "string", minLength: -1 } }, required: "a" },
      [
        { path: "/properties/a/minLength", keyword: "minimum", message: "/properties/a/minLength: must be at least 0" },
        { path: "/required", keyword: "type", message: "/required: must be an array" },
      ],
    ],
    [
      "remote $ref",
      { type: "object", properties: { x: { $ref: "https://example.com/x.json" } } },
      [
        {
          path: "/properties/x/$ref",
          keyword: "$ref",
          message: '/properties/x/$ref: remote references are not allowed; use a local "#/$defs/..." reference',
        },
      ],
    ],
    [
      "dangling local $ref",
      { type: "object", properties: { x: { $ref: "#/$defs/money" } } },
      [{ path: "/properties/x/$ref", keyword: "$ref", message: '/properties/x/$ref: "#/$defs/money" does not point to anything in this schema' }],
    ],
    [
      "unknown format",
      { type: "object", properties: { x: { type: "string", format: "phone" } } },
      [
        {
          path: "/properties/x/format",
          keyword: "format",
          message: '/properties/x/format: unknown format "phone"; use one of date, date-time, time, email, uri, uuid, hostname, ipv4, ipv6',
        },
      ],
    ],
    [
      "invalid pattern",
      { type: "object", properties: { x: { type: "string", pattern: "([" } } },
      [{ path: "/properties/x/pattern", keyword: "pattern", message: '/properties/x/pattern: "([" is not a valid regular expression' }],
    ],
  ])("refuses %s", (_, schema, errors) => {
    expect(checkSchemaDefinition(schema)).toEqual({ ok: false, errors, warnings: [] });
  });

  it("accepts local references and known formats", () => {
    const schema = {
      type: "object",
      $defs: { money: { type: "number", minimum: 0 } },
      properties: { amount: { $ref: "#/$defs/money" }, id: { type: "string", format: "uuid" }, site: { type: "string", format: "uri" } },
    };
    expect(checkSchemaDefinition(schema)).toEqual({ ok: true, warnings: [] });
  });

  it("refuses a schema larger than 64 KB before anything else", () => {
    const schema = { type: "array", description: "x".repeat(MAX_SCHEMA_BYTES) };
    const result = checkSchemaDefinition(schema);
    expect(result).toEqual({
      ok: false,
      errors: [{ path: "", keyword: "maxSize", message: "The schema is 64.0 KB; the limit is 64 KB" }],
      warnings: [],
    });
  });

  it("refuses fields nested more than 8 levels deep, at the first level too deep", () => {
    let schema: Record<string, unknown> = { type: "string" };
    for (let i = 0; i < 9; i++) schema = { type: "object", properties: { a: schema } };
    const result = checkSchemaDefinition(schema);
    const tooDeep = "/properties/a".repeat(9);
    expect(result).toEqual({
      ok: false,
      errors: [{ path: tooDeep, keyword: "maxDepth", message: `${tooDeep}: fields are nested more than 8 levels deep` }],
      warnings: [],
    });
  });

  it("accepts exactly 8 levels, counting array items as a level", () => {
    let schema: Record<string, unknown> = { type: "string" };
    for (let i = 0; i < 4; i++) schema = { type: "object", properties: { a: { type: "array", items: schema } } };
    expect(checkSchemaDefinition(schema)).toEqual({ ok: true, warnings: [] });
  });

  it("refuses more than 500 fields", () => {
    const properties = Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`f${i}`, { type: "string" }]));
    expect(checkSchemaDefinition({ type: "object", properties })).toEqual({
      ok: false,
      errors: [{ path: "", keyword: "maxProperties", message: "The schema defines 501 fields; the limit is 500" }],
      warnings: [],
    });
  });

  it("warns about field names that are not camelCase, suggesting one", () => {
    const schema = {
      type: "object",
      properties: {
        invoice_number: { type: "string" },
        InvoiceDate: { type: "string" },
        customer: { type: "object", properties: { "first-name": { type: "string" } } },
        "~": { type: "string" },
      },
    };
    expect(checkSchemaDefinition(schema)).toEqual({
      ok: true,
      warnings: [
        { path: "/properties/invoice_number", message: "/properties/invoice_number: field names are usually camelCase, e.g. invoiceNumber" },
        { path: "/properties/InvoiceDate", message: "/properties/InvoiceDate: field names are usually camelCase, e.g. invoiceDate" },
        {
          path: "/properties/customer/properties/first-name",
          message: "/properties/customer/properties/first-name: field names are usually camelCase, e.g. firstName",
        },
        { path: "/properties/~0", message: "/properties/~0: field names are usually camelCase" },
      ],
    });
  });

  it("keeps warnings when the schema is refused", () => {
    const result = checkSchemaDefinition({ type: "array", properties: { due_date: { type: "string" } } });
    expect(result.ok).toBe(false);
    expect(result.warnings).toEqual([
      { path: "/properties/due_date", message: "/properties/due_date: field names are usually camelCase, e.g. dueDate" },
    ]);
  });
});
