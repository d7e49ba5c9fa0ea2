// The demo event of the product documentation: an accounting clerk logs an invoice that a
// workflow creates in NetSuite.
export const DEMO_INVOICE_EVENT = {
  name: "create_invoice",
  description: "An invoice to create in the ERP (NetSuite).",
  schema: {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    type: "object",
    properties: {
      id: { type: "string", description: "The invoice's id in your application" },
      invoiceNumber: { type: "string", description: "The number printed on the invoice" },
      invoiceAmount: { type: "number", description: "Total amount", minimum: 0 },
    },
    required: ["id", "invoiceNumber", "invoiceAmount"],
  },
  uiSchema: {
    "ui:order": ["invoiceNumber", "invoiceAmount", "id"],
    id: { "ui:title": "Invoice id", "ui:placeholder": "inv_0001", "ui:help": "The invoice's id in your application." },
    invoiceNumber: { "ui:title": "Invoice number", "ui:placeholder": "INV-2026-0001" },
    invoiceAmount: { "ui:title": "Amount", "ui:placeholder": "1250.00", "ui:help": "Total, in the invoice's currency." },
  },
  sample: { id: "inv_0001", invoiceNumber: "INV-2026-0001", invoiceAmount: 1250 },
} as const;
