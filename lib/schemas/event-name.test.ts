import { describe, expect, it } from "vitest";
import { checkEventName, ZEventName } from "./event-name";

const BAD_FORMAT =
  "Use lowercase letters, digits, and _ or . between words, starting with a letter (e.g. invoice_created or order.completed).";

describe("checkEventName", () => {
  it.each(["create_invoice", "order.completed", "a", "v2", "invoice_2026.paid", "a".repeat(64)])("accepts %s", (name) => {
    expect(checkEventName(name)).toBeNull();
  });

  it.each([
    ["", "Enter an event name."],
    ["a".repeat(65), "Event names are at most 64 characters."],
    ["CreateInvoice", BAD_FORMAT],
    ["create-invoice", BAD_FORMAT],
    ["2fa_enabled", BAD_FORMAT],
    ["_private", BAD_FORMAT],
    ["invoice__created", BAD_FORMAT],
    ["invoice_", BAD_FORMAT],
    ["order..completed", BAD_FORMAT],
    ["order completed", BAD_FORMAT],
    [" create_invoice", BAD_FORMAT],
  ])("refuses %j with %j", (name, message) => {
    expect(checkEventName(name)).toBe(message);
  });
});

describe("ZEventName", () => {
  it("parses a good name unchanged", () => {
    expect(ZEventName.parse("order.completed")).toBe("order.completed");
  });

  it("reports exactly one issue with the checkEventName message", () => {
    const result = ZEventName.safeParse("Bad Name");
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([BAD_FORMAT]);
  });

  it("refuses non-strings", () => {
    expect(ZEventName.safeParse(42).success).toBe(false);
  });
});
