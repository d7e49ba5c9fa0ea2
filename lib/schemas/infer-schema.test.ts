import { describe, expect, it } from "vitest";
import { DEMO_INVOICE_EVENT } from "@/lib/seed/demo-invoice-event";
import { inferSchema, sampleFromSchema } from "./infer-schema";
import { validateData } from "./validator";

const DRAFT = "https://json-schema.org/draft/2020-12/schema";

describe("inferSchema", () => {
  it("reads the product docs' short-form example", () => {
    expect(inferSchema({ id: "String", invoiceNumber: "String", invoiceAmount: 2 })).toEqual({
      schema: {
        $schema: DRAFT,
        type: "object",
        properties: { id: { type: "string" }, invoiceNumber: { type: "string" }, invoiceAmount: { type: "number" } },
        required: ["id", "invoiceNumber", "invoiceAmount"],
      },
      warnings: [],
    });
  });

  it.each([
    ["String", { type: "string" }],
    ["string", { type: "string" }],
    ["Number", { type: "number" }],
    ["Integer", { type: "integer" }],
    ["INT", { type: "integer" }],
    ["Boolean", { type: "boolean" }],
    ["bool", { type: "boolean" }],
    ["Date", { type: "string", format: "date" }],
    ["DateTime", { type: "string", format: "date-time" }],
    ["Date-Time", { type: "string", format: "date-time" }],
    ["Timestamp", { type: "string", format: "date-time" }],
    ["Email", { type: "string", format: "email" }],
    ["Object", { type: "object" }],
    ["Array", { type: "array" }],
  ])("reads the type name %j", (name, expected) => {
    expect(inferSchema({ field: name }).schema.properties).toEqual({ field: expected });
  });

  it.each<[unknown, Record<string, unknown>]>([
    ["hello", { type: "string" }],
    ["2026-01-31", { type: "string", format: "date" }],
    ["2026-02-30", { type: "string" }],
    ["2026-01-31T12:00:00Z", { type: "string", format: "date-time" }],
    ["2026-01-31T12:00:00.250+01:00", { type: "string", format: "date-time" }],
    ["2026-01-31T12:00:00", { type: "string" }],
    ["ada@example.com", { type: "string", format: "email" }],
    ["not an@email", { type: "string" }],
    [2, { type: "number" }],
    [12.75, { type: "number" }],
    [false, { type: "boolean" }],
  ])("infers %j from a real value", (value, expected) => {
    expect(inferSchema({ field: value }).schema.properties).toEqual({ field: expected });
  });

  it("mixes short form and real values, recursing into objects and arrays", () => {
    const { schema, warnings } = inferSchema({
      id: "String",
      issuedOn: "2026-01-31",
      customer: { name: "Ada", email: "Email" },
      lines: [
        { sku: "A-1", amount: 10, note: "rush" },
        { sku: "B-2", amount: 5.5 },
      ],
      tags: ["String"],
    });
    expect(warnings).toEqual([]);
    expect(schema).toEqual({
      $schema: DRAFT,
      type: "object",
      properties: {
        id: { type: "string" },
        issuedOn: { type: "string", format: "date" },
        customer: {
          type: "object",
          properties: { name: { type: "string" }, email: { type: "string", format: "email" } },
          required: ["name", "email"],
        },
        lines: {
          type: "array",
          items: {
            type: "object",
            properties: { sku: { type: "string" }, amount: { type: "number" }, note: { type: "string" } },
            required: ["sku", "amount"],
          },
        },
        tags: { type: "array", items: { type: "string" } },
      },
      required: ["id", "issuedOn", "customer", "lines", "tags"],
    });
  });

  it("warns where the sample cannot say what a field holds", () => {
    const { schema, warnings } = inferSchema({ notes: null, tags: [], mixed: [1, "a"] });
    expect(schema.properties).toEqual({ notes: {}, tags: { type: "array", items: {} }, mixed: { type: "array", items: {} } });
    expect(warnings).toEqual([
      '/notes is null in the sample, so any value will be accepted; give an example value or a type name such as "String"',
      "/tags is an empty list in the sample, so its items accept any value; add one example item",
      "/mixed/* holds different types in the sample (number and string), so any value will be accepted",
    ]);
  });

  it("drops a format that only some array items have", () => {
    expect(inferSchema({ dates: ["2026-01-31", "soon"] }).schema.properties).toEqual({
      dates: { type: "array", items: { type: "string" } },
    });
  });

  it.each([
    [[1, 2], "The sample must be a JSON object such as {\"id\": \"String\", \"amount\": 2}, not a list."],
    [null, "The sample must be a JSON object such as {\"id\": \"String\", \"amount\": 2}, not null."],
    ["String", "The sample must be a JSON object such as {\"id\": \"String\", \"amount\": 2}, not a string."],
  ])("refuses %j", (sample, message) => {
    expect(() => inferSchema(sample)).toThrow(new Error(message));
  });

  it("produces a schema that accepts the sample it came from", () => {
    const sample = { id: "inv_1", at: "2026-01-31T12:00:00Z", lines: [{ amount: 2 }], ok: true };
    expect(validateData(inferSchema(sample).schema, sample)).toEqual({ valid: true });
  });
});

describe("sampleFromSchema", () => {
  it("builds a payload for the demo invoice schema that the schema accepts", () => {
    const sample = sampleFromSchema(DEMO_INVOICE_EVENT.schema);
    expect(sample).toEqual({ id: "example", invoiceNumber: "example", invoiceAmount: 100.5 });
    expect(validateData(DEMO_INVOICE_EVENT.schema, sample)).toEqual({ valid: true });
  });

  it("prefers examples, then default, then the first enum value", () => {
    const schema = {
      type: "object",
      properties: {
        a: { type: "string", examples: ["from examples"], default: "from default" },
        b: { type: "string", default: "from default", enum: ["x"] },
        c: { type: "string", enum: ["draft", "sent"] },
      },
    };
    expect(sampleFromSchema(schema)).toEqual({ a: "from examples", b: "from default", c: "draft" });
  });

  it("uses a value per type and format, arrays with one item, and nested objects", () => {
    const schema = {
      type: "object",
      properties: {
        date: { type: "string", format: "date" },
        at: { type: "string", format: "date-time" },
        email: { type: "string", format: "email" },
        amount: { type: "number" },
        count: { type: "integer" },
        paid: { type: "boolean" },
        note: { type: ["string", "null"] },
        lines: { type: "array", items: { type: "object", properties: { sku: { type: "string" } } } },
        customer: { type: "object", properties: { name: { type: "string" } } },
        money: { $ref: "#/$defs/money" },
      },
      $defs: { money: { type: "number", minimum: 1000 } },
    };
    expect(sampleFromSchema(schema)).toEqual({
      date: "2026-01-31",
      at: "2026-01-31T12:00:00Z",
      email: "person@example.com",
      amount: 100.5,
      count: 1,
      paid: true,
      note: "example",
      lines: [{ sku: "example" }],
      customer: { name: "example" },
      money: 1000,
    });
  });

  it("stops on a schema that refers to itself", () => {
    const schema = { type: "object", properties: { child: { $ref: "#" } } };
    expect(() => sampleFromSchema(schema)).not.toThrow();
  });
});
