import { describe, expect, it } from "vitest";
import { checkMapping } from "./check-mapping";
import { describeMappingSource } from "./describe-mapping-source";
import { listMappingRows } from "./list-mapping-rows";
import { pointerToJsonata } from "./pointer-to-jsonata";
import { summarizeMappingIssues } from "./summarize-mapping-issues";
import { NETSUITE_INVOICE_INPUT, ORDER_EVENT_SCHEMA } from "./test-schemas";
import { coerceToFieldType, isNumericText } from "./type-compatibility";

describe("describeMappingSource", () => {
  it.each([
    [{ source: "event", path: "/invoiceAmount" }, "event /invoiceAmount"],
    [{ source: "constant", value: 1 }, "constant 1"],
    [{ source: "constant", value: "EUR" }, 'constant "EUR"'],
    [{ source: "constant", value: { id: "1" } }, 'constant {"id":"1"}'],
    [{ source: "expression", expression: "data.a +\n  1" }, "expression data.a + 1"],
    [{ source: "expression", expression: "x".repeat(100) }, `expression ${"x".repeat(79)}…`],
    [undefined, "not mapped"],
  ] as const)("%j → %s", (source, text) => {
    expect(describeMappingSource(source)).toBe(text);
  });
});

describe("summarizeMappingIssues", () => {
  it("counts required fields, other errors and warnings", () => {
    expect(summarizeMappingIssues([])).toEqual([]);
    const issues = checkMapping({
      mapping: { "/memo": { source: "event", path: "/invoiceAmount" }, "/tranId": { source: "expression", expression: "(" } },
      targetSchema: NETSUITE_INVOICE_INPUT,
      eventSchema: ORDER_EVENT_SCHEMA,
    });
    expect(summarizeMappingIssues(issues)).toEqual(["4 required fields unmapped", "1 other error", "1 warning"]);
    expect(summarizeMappingIssues(issues.filter((i) => i.code !== "required_unmapped"))).toEqual(["1 error", "1 warning"]);
  });
});

describe("pointerToJsonata", () => {
  it.each([
    ["/invoiceAmount", "data.invoiceAmount"],
    ["/customer/name", "data.customer.name"],
    ["/lines/0/sku", "data.lines[0].sku"],
    ["/odd name/a~1b", "data.`odd name`.`a/b`"],
    ["", "data"],
    ["bad", undefined],
  ])("%s → %s", (pointer, path) => {
    expect(pointerToJsonata(pointer)).toBe(path);
  });
});

describe("listMappingRows", () => {
  const rows = (mapping = {}, options: { issueTargets?: string[]; itemCounts?: Record<string, number> } = {}) =>
    listMappingRows({ targetSchema: NETSUITE_INVOICE_INPUT, mapping, ...options }).map((r) => [r.pointer, r.label, r.depth, r.field ? "known" : "other"]);

  it("gives the schema's fields with the first list item", () => {
    expect(rows().map(([pointer]) => pointer)).toEqual([
      "/entity",
      "/entity/id",
      "/externalId",
      "/tranId",
      "/tranDate",
      "/memo",
      "/item",
      "/item/items",
      "/item/items/0",
      "/item/items/0/item",
      "/item/items/0/item/id",
      "/item/items/0/description",
      "/item/items/0/quantity",
      "/item/items/0/amount",
    ]);
  });

  it("repeats list items that are mapped, have issues or were added, and keeps unknown targets at the end", () => {
    const result = rows(
      { "/item/items/2/amount": { source: "constant", value: 1 }, "/currency": { source: "constant", value: "EUR" } },
      { issueTargets: ["/item/items/1/amount"], itemCounts: { "/item/items": 2 } },
    );
    expect(result.slice(8)).toEqual([
      ["/item/items/0", "items: item 1", 2, "known"],
      ["/item/items/0/item", "item", 3, "known"],
      ["/item/items/0/item/id", "id", 4, "known"],
      ["/item/items/0/description", "description", 3, "known"],
      ["/item/items/0/quantity", "quantity", 3, "known"],
      ["/item/items/0/amount", "Amount", 3, "known"],
      ["/item/items/1", "items: item 2", 2, "known"],
      ["/item/items/1/item", "item (item 2)", 3, "known"],
      ["/item/items/1/item/id", "id (item 2)", 4, "known"],
      ["/item/items/1/description", "description (item 2)", 3, "known"],
      ["/item/items/1/quantity", "quantity (item 2)", 3, "known"],
      ["/item/items/1/amount", "Amount (item 2)", 3, "known"],
      ["/item/items/2", "items: item 3", 2, "known"],
      ["/item/items/2/item", "item (item 3)", 3, "known"],
      ["/item/items/2/item/id", "id (item 3)", 4, "known"],
      ["/item/items/2/description", "description (item 3)", 3, "known"],
      ["/item/items/2/quantity", "quantity (item 3)", 3, "known"],
      ["/item/items/2/amount", "Amount (item 3)", 3, "known"],
      ["/currency", "/currency", 0, "other"],
    ]);
  });
});

describe("type conversion", () => {
  it.each([
    [{ type: "string", label: "x", pattern: "^\\d+(\\.\\d{1,2})?$" }, true],
    [{ type: "string", label: "x", pattern: "^[0-9]+$" }, true],
    [{ type: "string", label: "x", format: "decimal" }, true],
    [{ type: "string", label: "x", pattern: "^[A-Z]+$" }, false],
    [{ type: "string", label: "x", pattern: "^.*$" }, false],
    [{ type: "string", label: "x" }, false],
  ])("isNumericText(%j) = %s", (field, expected) => {
    expect(isNumericText(field)).toBe(expected);
  });

  it.each([
    [12.5, "string", "12.5"],
    [true, "string", "true"],
    [" 12.50 ", "number", 12.5],
    ["12.5", "integer", "12.5"],
    ["12", "integer", 12],
    ["abc", "number", "abc"],
    ["", "number", ""],
    ["true", "boolean", true],
    ["yes", "boolean", "yes"],
    [{ a: 1 }, "string", { a: 1 }],
  ])("coerceToFieldType(%j, %s) = %j", (value, type, expected) => {
    expect(coerceToFieldType(value, type)).toEqual(expected);
  });
});

describe("rankEventFields", () => {
  it("puts fields of a fitting type first", async () => {
    const { rankEventFields } = await import("./rank-event-fields");
    const { listSchemaFieldDetails, listSchemaFields } = await import("./schema-fields");
    const events = listSchemaFieldDetails(ORDER_EVENT_SCHEMA);
    const amount = listSchemaFields(NETSUITE_INVOICE_INPUT).find((f) => f.pointer === "/item/items/0/amount");
    const { matching, others } = rankEventFields(events, amount);
    expect(matching.map((f) => f.pointer)).toEqual(["/invoiceAmount", "/quantity", "/amountText", "/lines/0/amount"]);
    expect(others.map((f) => f.pointer)).toContain("/invoiceNumber");
  });
});
