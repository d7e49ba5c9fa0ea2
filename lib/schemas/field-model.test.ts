import { describe, expect, it } from "vitest";
import { DEMO_INVOICE_EVENT } from "@/lib/seed/demo-invoice-event";
import { fieldsToSchema, schemaToFields, validateFields, type TField } from "./field-model";
import { checkSchemaDefinition } from "./validator";

const DRAFT = "https://json-schema.org/draft/2020-12/schema";

const invoiceFields: TField[] = [
  { name: "id", type: "string", required: true, description: "Invoice id in your system", minLength: 1, maxLength: 40, pattern: "^inv_" },
  { name: "amount", type: "number", required: true, minimum: 0, maximum: 1000000 },
  { name: "quantity", type: "integer", required: false, default: 1 },
  { name: "paid", type: "boolean", required: false, default: false },
  { name: "dueDate", type: "date", required: false },
  { name: "sentAt", type: "date-time", required: false },
  { name: "contact", type: "email", required: false },
  { name: "status", type: "enum", required: true, enumValues: ["draft", "sent", "paid"], default: "draft" },
  {
    name: "customer",
    type: "object",
    required: true,
    description: "Who pays",
    fields: [
      { name: "name", type: "string", required: true },
      { name: "address", type: "object", required: false, fields: [{ name: "city", type: "string", required: true }] },
    ],
  },
  {
    name: "lines",
    type: "array",
    required: false,
    itemType: "object",
    itemFields: [
      { name: "sku", type: "string", required: true },
      { name: "amount", type: "number", required: false, minimum: 0 },
    ],
  },
  { name: "tags", type: "array", required: false, itemType: "enum", enumValues: ["urgent", "vip"] },
  { name: "codes", type: "array", required: false, itemType: "string", maxLength: 8 },
  { name: "anything", type: "array", required: false },
];

describe("fieldsToSchema", () => {
  it("writes a draft 2020-12 object schema with properties in field order", () => {
    const schema = fieldsToSchema(invoiceFields.slice(0, 3), { title: "Create invoice", description: "An invoice to create" });
    expect(schema).toEqual({
      $schema: DRAFT,
      title: "Create invoice",
      description: "An invoice to create",
      type: "object",
      properties: {
        id: { type: "string", minLength: 1, maxLength: 40, pattern: "^inv_", description: "Invoice id in your system" },
        amount: { type: "number", minimum: 0, maximum: 1000000 },
        quantity: { type: "integer", default: 1 },
      },
      required: ["id", "amount"],
    });
    expect(Object.keys(schema.properties as object)).toEqual(["id", "amount", "quantity"]);
  });

  it("maps formats, enums, nested objects and arrays", () => {
    const properties = fieldsToSchema(invoiceFields).properties as Record<string, unknown>;
    expect(properties.dueDate).toEqual({ type: "string", format: "date" });
    expect(properties.sentAt).toEqual({ type: "string", format: "date-time" });
    expect(properties.contact).toEqual({ type: "string", format: "email" });
    expect(properties.status).toEqual({ type: "string", enum: ["draft", "sent", "paid"], default: "draft" });
    expect(properties.customer).toEqual({
      type: "object",
      description: "Who pays",
      properties: {
        name: { type: "string" },
        address: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
      },
      required: ["name"],
    });
    expect(properties.lines).toEqual({
      type: "array",
      items: { type: "object", properties: { sku: { type: "string" }, amount: { type: "number", minimum: 0 } }, required: ["sku"] },
    });
    expect(properties.tags).toEqual({ type: "array", items: { type: "string", enum: ["urgent", "vip"] } });
    expect(properties.codes).toEqual({ type: "array", items: { type: "string", maxLength: 8 } });
    expect(properties.anything).toEqual({ type: "array" });
  });

  it("leaves out required when no field is required, and writes a schema the validator accepts", () => {
    const schema = fieldsToSchema([{ name: "note", type: "string", required: false }]);
    expect(schema).toEqual({ $schema: DRAFT, type: "object", properties: { note: { type: "string" } } });
    expect(checkSchemaDefinition(fieldsToSchema(invoiceFields))).toEqual({ ok: true, warnings: [] });
  });
});

describe("schemaToFields", () => {
  it("round-trips nested fields exactly", () => {
    const schema = fieldsToSchema(invoiceFields, { title: "Invoice" });
    expect(schemaToFields(schema)).toEqual({ fields: invoiceFields, unsupported: [], meta: { title: "Invoice" } });
  });

  it("reads the demo invoice schema", () => {
    expect(schemaToFields(DEMO_INVOICE_EVENT.schema)).toEqual({
      fields: [
        { name: "id", type: "string", required: true, description: "The invoice's id in your application" },
        { name: "invoiceNumber", type: "string", required: true, description: "The number printed on the invoice" },
        { name: "invoiceAmount", type: "number", required: true, description: "Total amount", minimum: 0 },
      ],
      unsupported: [],
      meta: {},
    });
  });

  it.each<[string, unknown, string[]]>([
    ["a non-object", [], ["/ is not a JSON object"]],
    ["a non-object root type", { type: "array" }, ['/ must have "type": "object"']],
    [
      "combinators",
      { type: "object", properties: { a: { oneOf: [{ type: "string" }, { type: "number" }] } } },
      ['/properties/a has no "type"', '/properties/a uses "oneOf", which the visual editor does not support'],
    ],
    [
      "$ref and $defs",
      { type: "object", $defs: { m: { type: "number" } }, properties: { a: { $ref: "#/$defs/m" } } },
      [
        '/ uses "$defs", which the visual editor does not support',
        '/properties/a has no "type"',
        '/properties/a uses "$ref", which the visual editor does not support',
      ],
    ],
    [
      "patternProperties",
      { type: "object", properties: {}, patternProperties: { "^x-": { type: "string" } } },
      ['/ uses "patternProperties", which the visual editor does not support'],
    ],
    [
      "tuple items",
      { type: "object", properties: { pair: { type: "array", prefixItems: [{ type: "number" }, { type: "number" }] } } },
      ['/properties/pair uses "prefixItems", which the visual editor does not support'],
    ],
    [
      "non-string enums",
      { type: "object", properties: { level: { type: "integer", enum: [1, 2, 3] } } },
      ["/properties/level has allowed values that are not all text", '/properties/level uses "enum", which the visual editor does not support'],
    ],
    [
      "a type list",
      { type: "object", properties: { note: { type: ["string", "null"] } } },
      ["/properties/note allows several types (string, null)"],
    ],
    [
      "an unsupported format",
      { type: "object", properties: { site: { type: "string", format: "uri" } } },
      ['/properties/site uses the format "uri"'],
    ],
    [
      "lists of lists",
      { type: "object", properties: { grid: { type: "array", items: { type: "array" } } } },
      ["/properties/grid/items is a list of lists"],
    ],
    [
      "keywords the field type cannot carry",
      { type: "object", properties: { n: { type: "number", multipleOf: 5, title: "N" } } },
      [
        '/properties/n uses "multipleOf", which the visual editor does not support',
        '/properties/n uses "title", which the visual editor does not support',
      ],
    ],
    [
      "required names that are not fields",
      { type: "object", properties: {}, required: ["ghost"] },
      ['/required lists "ghost", which is not one of its fields'],
    ],
  ])("lists %s as unsupported", (_, schema, unsupported) => {
    expect(schemaToFields(schema).unsupported).toEqual(unsupported);
  });
});

describe("validateFields", () => {
  it("accepts the example fields", () => {
    expect(validateFields(invoiceFields)).toEqual([]);
  });

  it.each<[string, TField[], { path: string; message: string }[]]>([
    ["an empty name", [{ name: " ", type: "string", required: false }], [{ path: "fields.0.name", message: "Enter a field name." }]],
    [
      "a name with a space",
      [{ name: "invoice number", type: "string", required: false }],
      [{ path: "fields.0.name", message: "Use letters, digits and _ only, starting with a letter or _ (e.g. invoiceNumber)." }],
    ],
    [
      "a name starting with a digit",
      [{ name: "2nd", type: "string", required: false }],
      [{ path: "fields.0.name", message: "Use letters, digits and _ only, starting with a letter or _ (e.g. invoiceNumber)." }],
    ],
    [
      "a duplicate name, on the later field",
      [
        { name: "id", type: "string", required: false },
        { name: "amount", type: "number", required: false },
        { name: "id", type: "number", required: false },
      ],
      [{ path: "fields.2.name", message: 'Another field at this level is already named "id".' }],
    ],
    [
      "an enum without values",
      [{ name: "status", type: "enum", required: false, enumValues: [] }],
      [{ path: "fields.0.enumValues", message: "Add at least one allowed value." }],
    ],
    [
      "an array of enums without values",
      [{ name: "tags", type: "array", itemType: "enum", required: false }],
      [{ path: "fields.0.enumValues", message: "Add at least one allowed value." }],
    ],
    [
      "a repeated enum value",
      [{ name: "status", type: "enum", required: false, enumValues: ["a", "b", "a"] }],
      [{ path: "fields.0.enumValues", message: '"a" is listed more than once.' }],
    ],
    [
      "minimum above maximum",
      [{ name: "n", type: "number", required: false, minimum: 10, maximum: 5 }],
      [{ path: "fields.0.minimum", message: "The minimum (10) is more than the maximum (5)." }],
    ],
    [
      "minLength above maxLength",
      [{ name: "s", type: "string", required: false, minLength: 10, maxLength: 5 }],
      [{ path: "fields.0.minLength", message: "The minimum length (10) is more than the maximum length (5)." }],
    ],
    [
      "a negative length",
      [{ name: "s", type: "string", required: false, maxLength: -1 }],
      [{ path: "fields.0.maxLength", message: "Enter a whole number, 0 or more." }],
    ],
    [
      "an invalid pattern",
      [{ name: "s", type: "string", required: false, pattern: "([" }],
      [{ path: "fields.0.pattern", message: "This is not a valid regular expression." }],
    ],
    [
      "a default of the wrong type",
      [
        { name: "n", type: "integer", required: false, default: 1.5 },
        { name: "e", type: "enum", required: false, enumValues: ["a"], default: "b" },
      ],
      [
        { path: "fields.0.default", message: "The default must be a whole number." },
        { path: "fields.1.default", message: "The default must be one of the allowed values." },
      ],
    ],
    [
      "problems inside nested objects and array items",
      [
        { name: "id", type: "string", required: true },
        { name: "customer", type: "object", required: true, fields: [{ name: "", type: "string", required: true }] },
        {
          name: "lines",
          type: "array",
          required: false,
          itemType: "object",
          itemFields: [
            { name: "sku", type: "string", required: true },
            { name: "sku", type: "string", required: false },
          ],
        },
      ],
      [
        { path: "fields.1.fields.0.name", message: "Enter a field name." },
        { path: "fields.2.itemFields.1.name", message: 'Another field at this level is already named "sku".' },
      ],
    ],
  ])("reports %s", (_, fields, problems) => {
    expect(validateFields(fields)).toEqual(problems);
  });

  it("allows the same name at different levels", () => {
    const fields: TField[] = [
      { name: "name", type: "string", required: true },
      { name: "customer", type: "object", required: true, fields: [{ name: "name", type: "string", required: true }] },
    ];
    expect(validateFields(fields)).toEqual([]);
  });
});
