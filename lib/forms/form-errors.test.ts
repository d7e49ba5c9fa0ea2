import type { RJSFSchema } from "@rjsf/utils";
import { describe, expect, it } from "vitest";
import { rjsfValidator } from "@/components/custom-events/rjsf-validator";
import { DEMO_INVOICE_EVENT } from "@/lib/seed/demo-invoice-event";
import { validateData } from "@/lib/schemas/validator";
import {
  errorSchemaToSummary,
  fieldLabel,
  formErrorTransformer,
  serverErrorsToErrorSchema,
  summarizeErrors,
} from "@/lib/forms/form-errors";

const schema = structuredClone(DEMO_INVOICE_EVENT.schema) as unknown as Record<string, unknown>;
const uiSchema = structuredClone(DEMO_INVOICE_EVENT.uiSchema) as unknown as Record<string, unknown>;

function browserErrors(data: unknown, onSchema = schema, onUi = uiSchema) {
  const { errors, errorSchema } = rjsfValidator.validateFormData(data, onSchema as RJSFSchema, undefined, formErrorTransformer(onSchema), onUi);
  return { summary: summarizeErrors(errors), errorSchema };
}

describe("generated form errors", () => {
  it("names each failing field by its label, in the summary and inline, pointing at its input", () => {
    const { summary, errorSchema } = browserErrors({ id: "inv_1", invoiceAmount: "abc" });
    expect(summary).toEqual([
      { fieldId: "data_invoiceNumber", message: "Invoice number is required" },
      { fieldId: "data_invoiceAmount", message: "Amount must be a number, e.g. 1250.00" },
    ]);
    expect(errorSchema).toEqual({
      invoiceNumber: { __errors: ["Invoice number is required"] },
      invoiceAmount: { __errors: ["Amount must be a number, e.g. 1250.00"] },
    });
  });

  it("fails in the browser exactly where the server's validator fails", () => {
    const cases: unknown[] = [
      {},
      { id: "1", invoiceNumber: "N", invoiceAmount: -1 },
      { id: "1", invoiceNumber: "N", invoiceAmount: 5 },
      { id: 1, invoiceNumber: "N", invoiceAmount: "5" },
    ];
    for (const data of cases) {
      const server = validateData(schema, data);
      const paths = server.valid ? [] : [...new Set(server.errors.map((e) => e.path))].sort();
      const browser = [...new Set(browserErrors(data).summary.map((item) => `/${item.fieldId.replace(/^data_?/, "")}`))].sort();
      expect(browser, JSON.stringify(data)).toEqual(paths);
    }
  });

  it("checks formats like the server (date, email)", () => {
    const withFormats = {
      type: "object",
      properties: { due: { type: "string", format: "date", title: "Due date" }, contact: { type: "string", format: "email" } },
    };
    expect(browserErrors({ due: "31/01/2026", contact: "nobody" }, withFormats, {}).summary).toEqual([
      { fieldId: "data_due", message: "Due date must be a date (YYYY-MM-DD)" },
      { fieldId: "data_contact", message: "contact must be an email address, e.g. name@example.com" },
    ]);
    expect(browserErrors({ due: "2026-01-31", contact: "a@example.com" }, withFormats, {}).summary).toEqual([]);
  });

  it("labels nested and array fields", () => {
    const nested = {
      type: "object",
      properties: { lines: { type: "array", title: "Line", items: { type: "object", properties: { amount: { type: "number" } }, required: ["amount"] } } },
    };
    expect(fieldLabel(nested, { lines: { items: { amount: { "ui:title": "Line amount" } } } }, ["lines", "0", "amount"])).toBe("Line amount");
    expect(fieldLabel(nested, {}, ["lines", "1"])).toBe("Line 2");
    expect(browserErrors({ lines: [{}] }, nested, {}).summary).toEqual([{ fieldId: "data_lines_0_amount", message: "amount is required" }]);
  });

  it("puts the server's field errors (pointer → message) back on the fields, said the same way", () => {
    const server = validateData(schema, { id: "1", invoiceAmount: "abc" });
    expect(server.valid).toBe(false);
    // runAction's fieldErrors: the pointer without its leading slash.
    const fieldErrors = Object.fromEntries((server.valid ? [] : server.errors).map((e) => [e.path.replace(/^\//, ""), e.message]));
    const errorSchema = serverErrorsToErrorSchema(fieldErrors, schema, uiSchema);
    expect(errorSchema).toEqual({
      invoiceAmount: { __errors: ["Amount must be a number"] },
      invoiceNumber: { __errors: ["Invoice number is required"] },
    });
    expect(errorSchemaToSummary(errorSchema)).toEqual([
      { fieldId: "data_invoiceAmount", message: "Amount must be a number" },
      { fieldId: "data_invoiceNumber", message: "Invoice number is required" },
    ]);
    expect(serverErrorsToErrorSchema({ "lines/0/amount": "/lines/0/amount must be a number" }, {}, {})).toEqual({
      lines: { 0: { amount: { __errors: ["amount must be a number"] } } },
    });
  });
});
