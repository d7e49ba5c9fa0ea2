// Schemas shared by the mapping tests: the NetSuite invoice input of the product brief and an
// event with nested objects and lists.

export const NETSUITE_INVOICE_INPUT = {
  type: "object",
  required: ["entity", "externalId", "item"],
  properties: {
    entity: { type: "object", title: "Customer", required: ["id"], properties: { id: { type: "string", title: "Customer id" } } },
    externalId: { type: "string", title: "External id" },
    tranId: { type: "string" },
    tranDate: { type: "string", format: "date" },
    memo: { type: "string" },
    item: {
      type: "object",
      required: ["items"],
      properties: {
        items: {
          type: "array",
          minItems: 1,
          items: {
            type: "object",
            required: ["item", "amount"],
            properties: {
              item: { type: "object", required: ["id"], properties: { id: { type: "string" } } },
              description: { type: "string" },
              quantity: { type: "number" },
              amount: { type: "number", title: "Amount" },
            },
          },
        },
      },
    },
  },
} as const;

export const ORDER_EVENT_SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  type: "object",
  required: ["id", "invoiceNumber", "invoiceAmount"],
  properties: {
    id: { type: "string" },
    invoiceNumber: { type: "string", title: "Invoice number" },
    invoiceAmount: { type: "number", title: "Amount" },
    quantity: { type: "integer" },
    amountText: { type: "string", pattern: "^\\d+(\\.\\d{1,2})?$" },
    paid: { type: "boolean" },
    customer: { $ref: "#/$defs/customer" },
    lines: { type: "array", items: { type: "object", properties: { sku: { type: "string" }, amount: { type: "number" } } } },
    note: { anyOf: [{ type: "string" }, { type: "null" }] },
  },
  $defs: {
    customer: { type: "object", title: "Customer", required: ["name"], properties: { name: { type: "string" }, netsuiteId: { type: "string" } } },
  },
} as const;
