import { describe, expect, it } from "vitest";
import { findSchemaField, listSchemaFieldDetails, listSchemaFields, toTemplatePointer } from "./schema-fields";
import { NETSUITE_INVOICE_INPUT, ORDER_EVENT_SCHEMA } from "./test-schemas";

const summary = (schema: unknown) => listSchemaFields(schema).map((f) => [f.pointer, f.type, f.required, f.depth, f.container]);

describe("listSchemaFields", () => {
  it("lists nested objects and array items depth first in property order", () => {
    expect(summary(NETSUITE_INVOICE_INPUT)).toEqual([
      ["/entity", "object", true, 0, true],
      ["/entity/id", "string", true, 1, false],
      ["/externalId", "string", true, 0, false],
      ["/tranId", "string", false, 0, false],
      ["/tranDate", "string", false, 0, false],
      ["/memo", "string", false, 0, false],
      ["/item", "object", true, 0, true],
      ["/item/items", "array", true, 1, true],
      ["/item/items/0", "object", true, 2, true],
      ["/item/items/0/item", "object", true, 3, true],
      ["/item/items/0/item/id", "string", true, 4, false],
      ["/item/items/0/description", "string", false, 3, false],
      ["/item/items/0/quantity", "number", false, 3, false],
      ["/item/items/0/amount", "number", true, 3, false],
    ]);
  });

  it("uses titles as labels, keeps formats and gives the contract's shape only", () => {
    const fields = listSchemaFields(NETSUITE_INVOICE_INPUT);
    expect(fields[0]).toEqual({ pointer: "/entity", label: "Customer", type: "object", required: true, depth: 0, container: true });
    expect(fields.find((f) => f.pointer === "/tranDate")).toMatchObject({ label: "tranDate", format: "date" });
    expect(fields.find((f) => f.pointer === "/item/items/0")?.label).toBe("items: item 1");
  });

  it("resolves local $ref, nullable anyOf and type lists", () => {
    const fields = listSchemaFieldDetails(ORDER_EVENT_SCHEMA);
    expect(fields.find((f) => f.pointer === "/customer")).toMatchObject({ label: "Customer", type: "object", container: true });
    expect(fields.find((f) => f.pointer === "/customer/name")).toMatchObject({ type: "string", required: true, depth: 1 });
    expect(fields.find((f) => f.pointer === "/note")).toMatchObject({ type: "string", nullable: true });
    expect(fields.find((f) => f.pointer === "/lines/0")).toMatchObject({ type: "object", required: false, depth: 1 });
    expect(fields.find((f) => f.pointer === "/lines/0/sku")).toMatchObject({ type: "string", depth: 2 });
    expect(listSchemaFieldDetails({ type: "object", properties: { a: { type: ["integer", "null"] } } })[0]).toMatchObject({ type: "integer", nullable: true });
  });

  it("gives 'any' when the type is absent and keeps enums, descriptions and const", () => {
    const fields = listSchemaFields({
      type: "object",
      properties: { free: {}, status: { enum: ["open", "paid"], description: "State" }, kind: { const: "invoice" } },
    });
    expect(fields).toEqual([
      { pointer: "/free", label: "free", type: "any", required: false, depth: 0, container: false },
      { pointer: "/status", label: "status", type: "any", required: false, depth: 0, container: false, enum: ["open", "paid"], description: "State" },
      { pointer: "/kind", label: "kind", type: "any", required: false, depth: 0, container: false, enum: ["invoice"] },
    ]);
  });

  it("stops recursive schemas at depth 8", () => {
    const tree = { $defs: { node: { type: "object", properties: { child: { $ref: "#/$defs/node" } } } }, $ref: "#/$defs/node" };
    const fields = listSchemaFields(tree);
    expect(fields).toHaveLength(8);
    expect(fields.at(-1)).toMatchObject({ depth: 7, pointer: "/child".repeat(8) });
  });

  it("survives a $ref cycle and refs it cannot resolve", () => {
    const schema = { type: "object", properties: { a: { $ref: "#/$defs/a" }, b: { $ref: "https://example.com/x" } }, $defs: { a: { $ref: "#/$defs/a" } } };
    expect(summary(schema)).toEqual([
      ["/a", "any", false, 0, false],
      ["/b", "any", false, 0, false],
    ]);
  });

  it("escapes property names and skips reserved ones", () => {
    const fields = listSchemaFields({ type: "object", properties: { "a/b": { type: "string" }, ["__proto__"]: { type: "string" } } });
    expect(fields.map((f) => f.pointer)).toEqual(["/a~1b"]);
  });

  it("gives nothing for a non-object schema", () => {
    expect(listSchemaFields(null)).toEqual([]);
    expect(listSchemaFields({ type: "string" })).toEqual([]);
  });
});

describe("findSchemaField", () => {
  const fields = listSchemaFields(NETSUITE_INVOICE_INPUT);
  it("reads any list position as item 0", () => {
    expect(toTemplatePointer(fields, "/item/items/3/amount")).toBe("/item/items/0/amount");
    expect(findSchemaField(fields, "/item/items/3/amount")?.label).toBe("Amount");
    expect(findSchemaField(fields, "/entity/3")).toBeUndefined();
    expect(findSchemaField(fields, "/nope")).toBeUndefined();
  });
});
