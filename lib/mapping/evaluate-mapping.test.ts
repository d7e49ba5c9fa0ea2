import { describe, expect, it } from "vitest";
import { evaluateMapping } from "./evaluate-mapping";
import { NETSUITE_INVOICE_INPUT } from "./test-schemas";
import type { TMapping, TMappingContext } from "./types";

const context = (): TMappingContext => ({
  data: {
    id: "inv_1",
    invoiceNumber: "INV-1",
    invoiceAmount: 1250.5,
    quantity: 3,
    customer: { name: "Acme", netsuiteId: "77" },
    lines: [
      { sku: "A", amount: 10 },
      { sku: "B", amount: 20 },
    ],
    note: null,
  },
  event: { id: "evt_1", name: "create_invoice" },
  endUser: { userId: "user_9" },
  steps: { step_1: { id: "cust_5", tags: ["x"] } },
});

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe("evaluateMapping", () => {
  it("builds the NetSuite invoice from event fields, constants and expressions", async () => {
    const mapping: TMapping = {
      "/entity/id": { source: "expression", expression: "steps.step_1.id" },
      "/externalId": { source: "event", path: "/id" },
      "/memo": { source: "expression", expression: '"Invoice " & data.invoiceNumber & " for " & endUser.userId & " (" & event.name & ")"' },
      "/item/items/0/item/id": { source: "constant", value: "1001" },
      "/item/items/0/amount": { source: "event", path: "/invoiceAmount" },
      "/item/items/1/amount": { source: "expression", expression: "$sum(data.lines.amount)" },
      "/item/items/1/item/id": { source: "event", path: "/lines/1/sku" },
    };
    const result = await evaluateMapping({ mapping, context: context() });
    expect(result).toEqual({
      input: {
        entity: { id: "cust_5" },
        externalId: "inv_1",
        memo: "Invoice INV-1 for user_9 (create_invoice)",
        item: {
          items: [
            { item: { id: "1001" }, amount: 1250.5 },
            { item: { id: "B" }, amount: 30 },
          ],
        },
      },
      errors: [],
    });
  });

  it("leaves out targets whose event field is missing, but keeps an explicit null", async () => {
    const result = await evaluateMapping({
      mapping: {
        "/memo": { source: "event", path: "/missing" },
        "/tranId": { source: "event", path: "/customer/missing/deeper" },
        "/note": { source: "event", path: "/note" },
        "/nothing": { source: "expression", expression: "data.nope" },
      },
      context: context(),
    });
    expect(result).toEqual({ input: { note: null }, errors: [] });
  });

  it("applies parents first, so a constant object and a deeper mapping combine", async () => {
    const result = await evaluateMapping({
      mapping: {
        "/item/items/0/amount": { source: "event", path: "/invoiceAmount" },
        "/item": { source: "constant", value: { items: [{ item: { id: "1001" } }] } },
        "/entity": { source: "constant", value: { id: "c1" } },
      },
      context: context(),
    });
    expect(result.input).toEqual({ entity: { id: "c1" }, item: { items: [{ item: { id: "1001" }, amount: 1250.5 }] } });
  });

  it("copies values: changing the input changes neither the mapping's constants nor the context", async () => {
    const ctx = context();
    const constant = { items: [{ amount: 1 }] };
    const mapping: TMapping = {
      "/item": { source: "constant", value: constant },
      "/customer": { source: "event", path: "/customer" },
      "/lines": { source: "expression", expression: "data.lines" },
    };
    const { input } = await evaluateMapping({ mapping, context: ctx });
    (input.item as { items: { amount: number }[] }).items[0]!.amount = 99;
    (input.customer as { name: string }).name = "changed";
    (input.lines as unknown[]).push("x");
    expect(constant.items[0]!.amount).toBe(1);
    expect(ctx).toEqual(context());
  });

  it("never mutates the context, even with transform expressions", async () => {
    const ctx = deepFreeze(context());
    const { input, errors } = await evaluateMapping({
      mapping: {
        "/customer": { source: "expression", expression: 'data.customer ~> |$|{"name": "Changed"}|' },
        "/sorted": { source: "expression", expression: "$reverse(data.lines.sku)" },
      },
      context: ctx,
    });
    expect(errors).toEqual([]);
    expect(input).toEqual({ customer: { name: "Changed", netsuiteId: "77" }, sorted: ["B", "A"] });
    expect(ctx).toEqual(context());
  });

  it("reports an expression error with the target, jsonata's message and the position, and fills the other targets", async () => {
    const result = await evaluateMapping({
      mapping: {
        "/memo": { source: "expression", expression: 'data.invoiceNumber + "x"' },
        "/tranId": { source: "expression", expression: "data.id &" },
        "/externalId": { source: "event", path: "/id" },
      },
      context: context(),
    });
    expect(result.input).toEqual({ externalId: "inv_1" });
    expect(result.errors).toEqual([
      {
        target: "/memo",
        message: 'Expression error at position 20: The left side of the "+" operator must evaluate to a number',
        position: 20,
      },
      { target: "/tranId", message: "Expression error at position 9: Unexpected end of expression", position: 9 },
    ]);
  });

  it("stops an endless expression after the time limit", async () => {
    const started = Date.now();
    const result = await evaluateMapping({
      mapping: { "/memo": { source: "expression", expression: "($loop := function($n) { $loop($n + 1) }; $loop(0))" } },
      context: context(),
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result.errors).toEqual([expect.objectContaining({ target: "/memo", message: expect.stringMatching(/timeout after 1000 milliseconds/) })]);
  });

  it("stops deep recursion", async () => {
    const result = await evaluateMapping({
      mapping: { "/memo": { source: "expression", expression: "($f := function($n) { $n = 0 ? 0 : 1 + $f($n - 1) }; $f(100000))" } },
      context: context(),
    });
    expect(result.errors[0]?.message).toMatch(/Stack overflow/);
  });

  it("refuses an expression that returns a function", async () => {
    const result = await evaluateMapping({ mapping: { "/memo": { source: "expression", expression: "function($x) { $x }" } }, context: context() });
    expect(result).toEqual({ input: {}, errors: [{ target: "/memo", message: "The expression returns a function, not a value. Call the function or return a value." }] });
  });

  it("gives a plain array for a sequence result", async () => {
    const { input } = await evaluateMapping({ mapping: { "/skus": { source: "expression", expression: "data.lines.sku" } }, context: context() });
    expect(input.skus).toEqual(["A", "B"]);
    expect(Object.keys(input.skus as object)).toEqual(["0", "1"]);
  });

  it("cannot pollute prototypes through the target or the event path", async () => {
    const result = await evaluateMapping({
      mapping: {
        "/__proto__/polluted": { source: "constant", value: "yes" },
        "/a/constructor/prototype/polluted": { source: "constant", value: "yes" },
        "/b": { source: "event", path: "/constructor" },
        "/c": { source: "constant", value: JSON.parse('{"__proto__": {"polluted": "yes"}}') },
      },
      context: context(),
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, "polluted")).toBe(false);
    expect(result.errors.map((e) => e.target)).toEqual(["/b", "/__proto__/polluted", "/a/constructor/prototype/polluted"]);
    expect(result.errors[1]?.message).toMatch(/reserved name "__proto__"/);
    // The constant keeps "__proto__" as a plain key of its own object.
    expect(Object.getPrototypeOf(result.input.c)).toBe(Object.prototype);
    expect(JSON.stringify(result.input)).toBe('{"c":{"__proto__":{"polluted":"yes"}}}');
  });

  it("reports a target that runs through a text value", async () => {
    const result = await evaluateMapping({
      mapping: { "/entity": { source: "constant", value: "c1" }, "/entity/id": { source: "constant", value: "c2" } },
      context: context(),
    });
    expect(result).toEqual({
      input: { entity: "c1" },
      errors: [{ target: "/entity/id", message: "Cannot set /entity/id: /entity is a text value, not an object or a list." }],
    });
  });

  it("converts to the target's types when given the target schema", async () => {
    const result = await evaluateMapping({
      mapping: {
        "/externalId": { source: "event", path: "/quantity" },
        "/item/items/0/amount": { source: "expression", expression: '"12.50"' },
        "/item/items/0/quantity": { source: "constant", value: "many" },
      },
      context: context(),
      targetSchema: NETSUITE_INVOICE_INPUT,
    });
    expect(result.input).toEqual({ externalId: "3", item: { items: [{ amount: 12.5, quantity: "many" }] } });
  });
});
