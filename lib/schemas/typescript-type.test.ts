import { describe, expect, it } from "vitest";
import { schemaToTypeScript, typeNameForEvent } from "./typescript-type";

describe("schemaToTypeScript", () => {
  it("writes the create_invoice type with JSDoc and optional fields", () => {
    const schema = {
      type: "object",
      properties: {
        id: { type: "string", description: "Invoice id in your system" },
        invoiceNumber: { type: "string" },
        invoiceAmount: { type: "number" },
        notes: { type: "string" },
      },
      required: ["id", "invoiceNumber", "invoiceAmount"],
    };
    expect(schemaToTypeScript(schema, "CreateInvoiceEvent")).toBe(
      [
        "export type CreateInvoiceEvent = {",
        "  /** Invoice id in your system */",
        "  id: string;",
        "  invoiceNumber: string;",
        "  invoiceAmount: number;",
        "  notes?: string;",
        "};",
      ].join("\n"),
    );
  });

  it("writes enums, arrays, nested objects, integers, unknowns and quoted keys", () => {
    const schema = {
      type: "object",
      description: "An order",
      properties: {
        status: { type: "string", enum: ["draft", "sent"] },
        count: { type: "integer" },
        tags: { type: "array", items: { type: "string" } },
        notes: { type: ["string", "null"] },
        history: { type: "array", items: { type: ["string", "null"] } },
        customer: {
          type: "object",
          properties: { name: { type: "string", description: "Full name\nas printed" } },
          required: ["name"],
        },
        meta: {},
        extra: { type: "object" },
        "first-name": { type: "string" },
      },
      required: ["status"],
    };
    expect(schemaToTypeScript(schema, "OrderEvent")).toBe(
      [
        "/** An order */",
        "export type OrderEvent = {",
        '  status: "draft" | "sent";',
        "  count?: number;",
        "  tags?: string[];",
        "  notes?: string | null;",
        "  history?: (string | null)[];",
        "  customer?: {",
        "    /**",
        "     * Full name",
        "     * as printed",
        "     */",
        "    name: string;",
        "  };",
        "  meta?: unknown;",
        "  extra?: Record<string, unknown>;",
        '  "first-name"?: string;',
        "};",
      ].join("\n"),
    );
  });

  it("keeps a description from closing the comment early", () => {
    const schema = { type: "object", properties: { a: { type: "string", description: "ends */ here" } } };
    expect(schemaToTypeScript(schema, "T")).toContain("/** ends *\\/ here */");
  });
});

describe("typeNameForEvent", () => {
  it.each([
    ["create_invoice", "CreateInvoiceEvent"],
    ["order.completed", "OrderCompletedEvent"],
    ["invoice", "InvoiceEvent"],
    ["invoice_v2.paid", "InvoiceV2PaidEvent"],
  ])("names %s %s", (eventName, typeName) => {
    expect(typeNameForEvent(eventName)).toBe(typeName);
  });
});
