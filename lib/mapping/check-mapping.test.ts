import { describe, expect, it } from "vitest";
import { checkMapping, hasBlockingIssues } from "./check-mapping";
import { NETSUITE_INVOICE_INPUT, ORDER_EVENT_SCHEMA } from "./test-schemas";
import type { TMapping } from "./types";

const check = (mapping: TMapping, earlierStepIds: string[] = []) =>
  checkMapping({ mapping, targetSchema: NETSUITE_INVOICE_INPUT, eventSchema: ORDER_EVENT_SCHEMA, earlierStepIds });
const codes = (mapping: TMapping) => check(mapping).map((i) => [i.target, i.code, i.severity]);

const COMPLETE: TMapping = {
  "/entity/id": { source: "event", path: "/customer/netsuiteId" },
  "/externalId": { source: "event", path: "/id" },
  "/item/items/0/item/id": { source: "constant", value: "1001" },
  "/item/items/0/amount": { source: "event", path: "/invoiceAmount" },
};

describe("checkMapping: required_unmapped", () => {
  it("accepts a complete mapping", () => {
    expect(check(COMPLETE)).toEqual([]);
  });

  it("names the innermost required fields of an empty mapping, in field order", () => {
    expect(check({})).toEqual([
      { target: "/entity/id", severity: "error", code: "required_unmapped", message: '"Customer id" is required. Map it to an event field, a constant or an expression.' },
      { target: "/externalId", severity: "error", code: "required_unmapped", message: '"External id" is required. Map it to an event field, a constant or an expression.' },
      { target: "/item/items/0/item/id", severity: "error", code: "required_unmapped", message: '"id" is required. Map it to an event field, a constant or an expression.' },
      { target: "/item/items/0/amount", severity: "error", code: "required_unmapped", message: '"Amount" is required. Map it to an event field, a constant or an expression.' },
    ]);
  });

  it("does not ask for required fields inside an optional object nobody maps", () => {
    const schema = {
      type: "object",
      properties: { shipTo: { type: "object", required: ["city"], properties: { city: { type: "string" }, zip: { type: "string" } } } },
    };
    expect(checkMapping({ mapping: {}, targetSchema: schema, eventSchema: ORDER_EVENT_SCHEMA })).toEqual([]);
    // Mapping something inside makes the object exist, so its required fields count.
    expect(
      checkMapping({ mapping: { "/shipTo/zip": { source: "constant", value: "1000" } }, targetSchema: schema, eventSchema: ORDER_EVENT_SCHEMA }).map((i) => [i.target, i.code]),
    ).toEqual([["/shipTo/city", "required_unmapped"]]);
  });

  it("counts required fields inside every list item that is mapped", () => {
    expect(codes({ ...COMPLETE, "/item/items/1/description": { source: "constant", value: "Shipping" } })).toEqual([
      ["/item/items/1/item/id", "required_unmapped", "error"],
      ["/item/items/1/amount", "required_unmapped", "error"],
    ]);
    expect(check({ ...COMPLETE, "/item/items/1/description": { source: "constant", value: "x" } })[1]?.message).toBe(
      '"Amount" (item 2) is required. Map it to an event field, a constant or an expression.',
    );
  });

  it("counts a mapped parent as covering its children", () => {
    expect(
      codes({
        "/entity": { source: "expression", expression: '{"id": steps.step_1.id}' },
        "/externalId": { source: "event", path: "/id" },
        "/item/items": { source: "expression", expression: 'data.lines.{"item": {"id": sku}, "amount": amount}' },
      }).filter(([, code]) => code === "required_unmapped"),
    ).toEqual([]);
    const withoutEntityId = { ...COMPLETE };
    delete withoutEntityId["/entity/id"];
    expect(check({ ...withoutEntityId, "/entity": { source: "constant", value: { id: "c1" } } })).toEqual([]);
  });

  it("looks inside a constant parent for the required fields", () => {
    const rest = { ...COMPLETE };
    delete rest["/entity/id"];
    expect(check({ ...rest, "/entity": { source: "constant", value: {} } })).toEqual([
      {
        target: "/entity/id",
        severity: "error",
        code: "required_unmapped",
        message: '"Customer id" is required, but the constant for "Customer" does not include it. Add it to that constant or map it here.',
      },
    ]);
    // ...or mapped beside it.
    expect(check({ ...COMPLETE, "/entity": { source: "constant", value: {} } })).toEqual([]);
    // A constant list's items are checked too, beside what is mapped into them.
    expect(check({ ...COMPLETE, "/item/items": { source: "constant", value: [{ description: "first" }, { amount: 2 }] } })).toEqual([
      {
        target: "/item/items/1/item/id",
        severity: "error",
        code: "required_unmapped",
        message: '"id" (item 2) is required, but the constant for "items" does not include it. Add it to that constant or map it here.',
      },
    ]);
  });
});

describe("checkMapping: type_mismatch", () => {
  it.each([
    ["/item/items/0/amount", "/quantity", null],
    ["/item/items/0/amount", "/amountText", null],
    ["/memo", "/invoiceAmount", ["warning", '"Amount" is a number but "memo" expects text; the value will be sent as text.']],
    [
      "/item/items/0/quantity",
      "/invoiceNumber",
      ["warning", '"Invoice number" is text but "quantity" expects a number; text holding a number (like "12.50") is converted, any other text fails the step.'],
    ],
    ["/memo", "/customer", ["error", '"Customer" is an object but "memo" expects text; these never convert. Pick a field of the same kind or use an expression.']],
    ["/item/items/0/amount", "/paid", ["error", '"paid" is a yes/no value but "Amount" expects a number; these never convert. Pick a field of the same kind or use an expression.']],
    ["/entity", "/lines", ["error", '"lines" is a list but "Customer" expects an object; these never convert. Pick a field of the same kind or use an expression.']],
  ] as const)("maps %s from %s", (target, path, expected) => {
    const issues = check({ ...COMPLETE, [target]: { source: "event", path } }).filter((i) => i.code === "type_mismatch");
    expect(issues).toEqual(expected ? [{ target, severity: expected[0], code: "type_mismatch", message: expected[1] }] : []);
  });

  it("reads a nested list item field of the event", () => {
    expect(check({ ...COMPLETE, "/item/items/0/amount": { source: "event", path: "/lines/1/amount" } })).toEqual([]);
  });
});

describe("checkMapping: unknown_source_field and unknown_target", () => {
  it("reports an event field the event does not have", () => {
    expect(check({ ...COMPLETE, "/memo": { source: "event", path: "/invoiceMemo" } })).toEqual([
      {
        target: "/memo",
        severity: "error",
        code: "unknown_source_field",
        message: '"memo" is mapped to the event field "/invoiceMemo", which the event does not have (it may have been renamed or removed). Pick another event field.',
      },
    ]);
  });

  it("reports a target the action does not have", () => {
    expect(codes({ ...COMPLETE, "/entity/name": { source: "constant", value: "x" }, bad: { source: "constant", value: 1 }, "/currency": { source: "constant", value: "EUR" } })).toEqual([
      ["bad", "unknown_target", "error"],
      ["/currency", "unknown_target", "error"],
      ["/entity/name", "unknown_target", "error"],
    ]);
    expect(check({ ...COMPLETE, "/currency": { source: "constant", value: "EUR" } })[0]?.message).toBe(
      'This action has no input field "/currency" (the action may have changed). Remove this mapping or map another field.',
    );
  });

  it("accepts any key inside an object that takes any key", () => {
    const target = { type: "object", properties: { headers: { type: "object", additionalProperties: { type: "string" } }, body: {} } };
    const issues = checkMapping({
      mapping: { "/headers/X-Tenant": { source: "constant", value: "a" }, "/body/anything/deep": { source: "event", path: "/customer" } },
      targetSchema: target,
      eventSchema: ORDER_EVENT_SCHEMA,
    });
    expect(issues).toEqual([]);
  });
});

describe("checkMapping: invalid_expression", () => {
  it("reports a syntax error with its position", () => {
    expect(check({ ...COMPLETE, "/memo": { source: "expression", expression: "data.invoiceNumber &" } })).toEqual([
      { target: "/memo", severity: "error", code: "invalid_expression", message: 'The expression for "memo" has an error at position 20: Unexpected end of expression.' },
    ]);
  });

  it("reports an empty expression", () => {
    expect(codes({ ...COMPLETE, "/memo": { source: "expression", expression: "  " } })).toEqual([["/memo", "invalid_expression", "error"]]);
  });

  it("accepts earlier steps and refuses others, wherever they are read", () => {
    const mapping: TMapping = {
      ...COMPLETE,
      "/memo": { source: "expression", expression: 'steps.step_1.id & $.steps.step_2.id & $string(data.lines.{"x": steps.later.id}) & "steps.inString"' },
    };
    expect(checkMapping({ mapping, targetSchema: NETSUITE_INVOICE_INPUT, eventSchema: ORDER_EVENT_SCHEMA, earlierStepIds: ["step_1"] })).toEqual([
      {
        target: "/memo",
        severity: "error",
        code: "invalid_expression",
        message: 'The expression for "memo" reads steps.step_2, but "step_2" is not an earlier step of this workflow. Only the outputs of earlier steps can be used.',
      },
      expect.objectContaining({ code: "invalid_expression", message: expect.stringContaining("steps.later") }),
    ]);
  });
});

describe("checkMapping: invalid_constant", () => {
  it.each([
    ["/memo", "text", null],
    ["/memo", 12, 'The constant for "memo" does not fit: it must be text, not a whole number (12).'],
    ["/item/items/0/amount", "12", 'The constant for "Amount" does not fit: it must be a number, not text ("12").'],
    ["/item/items/0/amount", 12.5, null],
    ["/entity", { id: 5 }, 'The constant for "Customer" does not fit: "id" must be text, not a whole number (5).'],
    ["/item/items", [{ item: { id: "1" }, amount: "x" }], 'The constant for "items" does not fit: "item[0].amount" must be a number, not text ("x").'],
    ["/memo", null, 'The constant for "memo" does not fit: it must not be empty (null); expected text.'],
    ["/item", [], 'The constant for "item" does not fit: it must be an object, not a list.'],
  ] as const)("%s = %j", (target, value, message) => {
    const issues = check({ ...COMPLETE, [target]: { source: "constant", value } }).filter((i) => i.code === "invalid_constant");
    expect(issues).toEqual(message ? [{ target, severity: "error", code: "invalid_constant", message }] : []);
  });

  it("checks enums", () => {
    const schema = { type: "object", properties: { status: { type: "string", title: "Status", enum: ["open", "paid"] } } };
    expect(checkMapping({ mapping: { "/status": { source: "constant", value: "late" } }, targetSchema: schema, eventSchema: {} })).toEqual([
      { target: "/status", severity: "error", code: "invalid_constant", message: 'The constant for "Status" does not fit: it must be one of "open", "paid".' },
    ]);
  });
});

describe("hasBlockingIssues", () => {
  it("blocks on errors, not on warnings", () => {
    expect(hasBlockingIssues([])).toBe(false);
    expect(hasBlockingIssues(check({ ...COMPLETE, "/memo": { source: "event", path: "/invoiceAmount" } }))).toBe(false);
    expect(hasBlockingIssues(check({}))).toBe(true);
  });
});
