import { describe, expect, it } from "vitest";
import { diffSchemas, fieldPaths, hasBreakingChanges, type TSchemaChange } from "./schema-diff";
import type { TJsonSchema } from "./types";

function objectSchema(properties: Record<string, TJsonSchema>, required: string[] = []): TJsonSchema {
  return { type: "object", properties, required };
}

/** The diff of one field `x` between two definitions, both optional unless said otherwise. */
function diffField(before: TJsonSchema, after: TJsonSchema) {
  return diffSchemas(objectSchema({ x: before }), objectSchema({ x: after }));
}

describe("diffSchemas", () => {
  it("finds nothing between identical schemas", () => {
    const schema = objectSchema({ id: { type: "string" }, amount: { type: "number", minimum: 0 } }, ["id"]);
    expect(diffSchemas(schema, structuredClone(schema))).toEqual([]);
  });

  it.each<[string, TJsonSchema, TJsonSchema, Omit<TSchemaChange, "path">]>([
    ["type change", { type: "number" }, { type: "string" }, { kind: "type_changed", breaking: true, message: "x changed type from number to string" }],
    ["number to integer", { type: "number" }, { type: "integer" }, { kind: "narrowed", breaking: true, message: "x changed type from number to integer" }],
    ["integer to number", { type: "integer" }, { type: "number" }, { kind: "widened", breaking: false, message: "x changed type from integer to number" }],
    [
      "nullable",
      { type: "string" },
      { type: ["string", "null"] },
      { kind: "widened", breaking: false, message: "x changed type from string to string or null" },
    ],
    ["added minimum", { type: "number" }, { type: "number", minimum: 0 }, { kind: "narrowed", breaking: true, message: "x now has a minimum of 0" }],
    [
      "raised minimum",
      { type: "number", minimum: 0 },
      { type: "number", minimum: 10 },
      { kind: "narrowed", breaking: true, message: "x minimum raised from 0 to 10" },
    ],
    [
      "lowered minimum",
      { type: "number", minimum: 10 },
      { type: "number", minimum: 0 },
      { kind: "widened", breaking: false, message: "x minimum lowered from 10 to 0" },
    ],
    [
      "lowered maxLength",
      { type: "string", maxLength: 10 },
      { type: "string", maxLength: 5 },
      { kind: "narrowed", breaking: true, message: "x maximum length lowered from 10 to 5" },
    ],
    [
      "raised minLength",
      { type: "string", minLength: 1 },
      { type: "string", minLength: 3 },
      { kind: "narrowed", breaking: true, message: "x minimum length raised from 1 to 3" },
    ],
    [
      "removed maximum",
      { type: "number", maximum: 5 },
      { type: "number" },
      { kind: "widened", breaking: false, message: "x no longer has a maximum (was 5)" },
    ],
    ["added pattern", { type: "string" }, { type: "string", pattern: "^[A-Z]+$" }, { kind: "narrowed", breaking: true, message: "x must now match ^[A-Z]+$" }],
    ["added format", { type: "string" }, { type: "string", format: "email" }, { kind: "narrowed", breaking: true, message: "x now requires the email format" }],
    [
      "removed format",
      { type: "string", format: "date" },
      { type: "string" },
      { kind: "widened", breaking: false, message: "x no longer requires the date format" },
    ],
    [
      "added enum restriction",
      { type: "string" },
      { type: "string", enum: ["a", "b"] },
      { kind: "narrowed", breaking: true, message: 'x now accepts only: "a", "b"' },
    ],
    [
      "removed enum value",
      { enum: ["draft", "void"] },
      { enum: ["draft"] },
      { kind: "enum_value_removed", breaking: true, message: 'x no longer accepts "void"' },
    ],
    [
      "added enum value",
      { enum: ["draft"] },
      { enum: ["draft", "paid"] },
      { kind: "enum_value_added", breaking: false, message: 'x now accepts "paid"' },
    ],
    [
      "description change",
      { type: "string", description: "old" },
      { type: "string", description: "new" },
      { kind: "description_changed", breaking: false, message: "x description changed" },
    ],
    [
      "closed object",
      { type: "object", properties: {} },
      { type: "object", properties: {}, additionalProperties: false },
      { kind: "narrowed", breaking: true, message: "x no longer accepts unknown fields" },
    ],
    [
      "combinator change",
      { anyOf: [{ type: "string" }, { type: "number" }] },
      { anyOf: [{ type: "string" }] },
      { kind: "narrowed", breaking: true, message: "x changed its anyOf rules, which may refuse data accepted before" },
    ],
  ])("reports a %s", (_, before, after, change) => {
    expect(diffField(before, after)).toEqual([{ path: "/x", ...change }]);
  });

  it("reports removed, added, newly required and no longer required fields", () => {
    const before = objectSchema({ id: { type: "string" }, note: { type: "string" }, ref: { type: "string" }, legacy: { type: "boolean" } }, [
      "id",
    ]);
    const after = objectSchema(
      { id: { type: "string" }, note: { type: "string" }, ref: { type: "string" }, due: { type: "integer" }, memo: { type: "number" } },
      ["note", "due"],
    );
    expect(diffSchemas(before, after)).toEqual([
      { path: "/id", kind: "no_longer_required", breaking: false, message: "id is no longer required" },
      { path: "/note", kind: "newly_required", breaking: true, message: "note is now required" },
      { path: "/legacy", kind: "removed", breaking: true, message: "legacy was removed" },
      {
        path: "/due",
        kind: "added",
        breaking: true,
        message: "due was added and is required, so callers that do not send it will be refused",
      },
      { path: "/memo", kind: "added", breaking: false, message: "memo was added (optional)" },
    ]);
  });

  it("reports a field replaced by one with the same definition as one rename", () => {
    const before = objectSchema({ id: { type: "string" }, invoiceNo: { type: "string", minLength: 3, description: "old" } }, ["id", "invoiceNo"]);
    const after = objectSchema({ id: { type: "string" }, invoiceNumber: { type: "string", minLength: 3 } }, ["id", "invoiceNumber"]);
    expect(diffSchemas(before, after)).toEqual([
      { path: "/invoiceNo", kind: "renamed", breaking: true, message: "invoiceNo seems renamed to invoiceNumber" },
    ]);
  });

  it("does not call it a rename when the definitions differ", () => {
    const before = objectSchema({ invoiceNo: { type: "string" } });
    const after = objectSchema({ invoiceNumber: { type: "number" } });
    expect(diffSchemas(before, after).map((c) => c.kind)).toEqual(["removed", "added"]);
  });

  it("walks nested objects and array items, naming fields by their path", () => {
    const before = objectSchema({
      customer: objectSchema({ name: { type: "string" } }, ["name"]),
      lines: { type: "array", items: objectSchema({ amount: { type: "number" } }) },
    });
    const after = objectSchema({
      customer: objectSchema({ name: { type: "number" } }, ["name"]),
      lines: { type: "array", items: objectSchema({ amount: { type: "string" } }) },
    });
    expect(diffSchemas(before, after)).toEqual([
      { path: "/customer/name", kind: "type_changed", breaking: true, message: "customer.name changed type from string to number" },
      { path: "/lines/*/amount", kind: "type_changed", breaking: true, message: "lines[].amount changed type from number to string" },
    ]);
  });

  it("does not compare constraints after a type change", () => {
    expect(diffField({ type: "string", minLength: 1 }, { type: "number", minimum: 0 })).toEqual([
      { path: "/x", kind: "type_changed", breaking: true, message: "x changed type from string to number" },
    ]);
  });
});

describe("hasBreakingChanges", () => {
  it("is true only when some change breaks callers", () => {
    expect(hasBreakingChanges(diffField({ type: "string" }, { type: "string", description: "d" }))).toBe(false);
    expect(hasBreakingChanges(diffField({ type: "string" }, { type: "number" }))).toBe(true);
    expect(hasBreakingChanges([])).toBe(false);
  });
});

describe("fieldPaths", () => {
  it("lists every data pointer, with * for array items", () => {
    const schema = objectSchema({
      id: { type: "string" },
      customer: objectSchema({ name: { type: "string" } }),
      lines: { type: "array", items: objectSchema({ amount: { type: "number" } }) },
      tags: { type: "array", items: { type: "string" } },
      "a/b": { type: "string" },
    });
    expect(fieldPaths(schema)).toEqual(["/id", "/customer", "/customer/name", "/lines", "/lines/*/amount", "/tags", "/a~1b"]);
  });
});
