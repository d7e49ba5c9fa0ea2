import { displayPointer, pointerFromSegments } from "./json-pointer";
import { isJsonObject, JSON_SCHEMA_DRAFT_2020_12, type TJsonSchema } from "./types";
import { isValidPattern } from "./validator";

export type TFieldType = "string" | "number" | "integer" | "boolean" | "date" | "date-time" | "email" | "enum" | "object" | "array";

export type TField = {
  name: string;
  type: TFieldType;
  required: boolean;
  description?: string;
  // Constraints, all optional. On an array field they describe its items.
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  enumValues?: string[];
  default?: string | number | boolean;
  // object: nested fields; array: itemType, and itemFields when itemType is "object".
  fields?: TField[];
  itemType?: Exclude<TFieldType, "array">;
  itemFields?: TField[];
};

export type TSchemaMeta = { title?: string; description?: string };
export type TFieldProblem = { path: string; message: string };

const FORMAT_TYPES = { date: "date", "date-time": "date-time", email: "email" } as const;

/** The draft 2020-12 object schema the visual editor's fields describe. */
export function fieldsToSchema(fields: TField[], meta: TSchemaMeta = {}): TJsonSchema {
  return {
    $schema: JSON_SCHEMA_DRAFT_2020_12,
    ...(meta.title ? { title: meta.title } : {}),
    ...(meta.description ? { description: meta.description } : {}),
    ...objectSchema(fields),
  };
}

function objectSchema(fields: TField[]): TJsonSchema {
  const properties: Record<string, TJsonSchema> = {};
  for (const field of fields) properties[field.name] = fieldSchema(field);
  const required = fields.filter((f) => f.required).map((f) => f.name);
  return { type: "object", properties, ...(required.length ? { required } : {}) };
}

function fieldSchema(field: TField): TJsonSchema {
  const base =
    field.type === "array"
      ? { type: "array", ...(field.itemType ? { items: valueSchema(field.itemType, field, field.itemFields) } : {}) }
      : valueSchema(field.type, field, field.fields);
  return {
    ...base,
    ...(field.description ? { description: field.description } : {}),
    ...(field.default !== undefined ? { default: field.default } : {}),
  };
}

function valueSchema(type: Exclude<TFieldType, "array">, constraints: TField, nested: TField[] | undefined): TJsonSchema {
  switch (type) {
    case "string":
      return { type: "string", ...stringConstraints(constraints) };
    case "date":
    case "date-time":
    case "email":
      return { type: "string", format: type, ...stringConstraints(constraints) };
    case "number":
    case "integer":
      return { type, ...numberConstraints(constraints) };
    case "boolean":
      return { type: "boolean" };
    case "enum":
      return { type: "string", enum: [...(constraints.enumValues ?? [])] };
    case "object":
      return objectSchema(nested ?? []);
  }
}

function stringConstraints(field: TField): TJsonSchema {
  return definedOnly({ minLength: field.minLength, maxLength: field.maxLength, pattern: field.pattern });
}

function numberConstraints(field: TField): TJsonSchema {
  return definedOnly({ minimum: field.minimum, maximum: field.maximum });
}

function definedOnly(values: Record<string, unknown>): TJsonSchema {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}

export type TSchemaFields = { fields: TField[]; unsupported: string[]; meta: TSchemaMeta };

// Keywords each kind of field can carry; anything else cannot be shown, and would be lost on save.
const STRING_KEYS = ["type", "format", "description", "default", "minLength", "maxLength", "pattern"];
const ALLOWED_KEYS: Record<TFieldType, string[]> = {
  string: STRING_KEYS,
  date: STRING_KEYS,
  "date-time": STRING_KEYS,
  email: STRING_KEYS,
  number: ["type", "description", "default", "minimum", "maximum"],
  integer: ["type", "description", "default", "minimum", "maximum"],
  boolean: ["type", "description", "default"],
  enum: ["type", "enum", "description", "default"],
  object: ["type", "description", "properties", "required"],
  array: ["type", "description", "items"],
};
const ROOT_KEYS = ["$schema", "title", "description", "type", "properties", "required"];

/**
 * The visual editor's fields for a schema. Whatever they cannot represent is listed in
 * `unsupported` (one sentence per place), and the editor then sends the user to the JSON tab.
 */
export function schemaToFields(schema: unknown): TSchemaFields {
  const unsupported: string[] = [];
  if (!isJsonObject(schema)) return { fields: [], unsupported: ["/ is not a JSON object"], meta: {} };
  if (schema.type !== "object") unsupported.push(`/ must have "type": "object"`);
  reportUnknownKeys(schema, ROOT_KEYS, [], unsupported);
  const meta: TSchemaMeta = {
    ...(typeof schema.title === "string" ? { title: schema.title } : {}),
    ...(typeof schema.description === "string" ? { description: schema.description } : {}),
  };
  return { fields: objectFields(schema, [], unsupported), unsupported, meta };
}

function objectFields(schema: TJsonSchema, segments: string[], unsupported: string[]): TField[] {
  const properties = isJsonObject(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required : [];
  for (const name of required) {
    if (typeof name !== "string" || !Object.hasOwn(properties, name)) {
      unsupported.push(`${pointer([...segments, "required"])} lists ${JSON.stringify(name)}, which is not one of its fields`);
    }
  }
  return Object.entries(properties).map(([name, child]) =>
    toField(name, child, required.includes(name), [...segments, "properties", name], unsupported),
  );
}

function toField(name: string, schema: unknown, required: boolean, segments: string[], unsupported: string[]): TField {
  if (!isJsonObject(schema)) {
    unsupported.push(`${pointer(segments)} is ${JSON.stringify(schema)} instead of a field definition`);
    return { name, type: "string", required };
  }
  const type = fieldTypeOf(schema, segments, unsupported);
  const field: TField = { name, type, required };
  if (typeof schema.description === "string") field.description = schema.description;
  if (schema.default !== undefined && ALLOWED_KEYS[type].includes("default")) {
    if (isPrimitive(schema.default)) field.default = schema.default;
    else unsupported.push(`${pointer([...segments, "default"])} is not a text, number or true/false value`);
  }
  reportUnknownKeys(schema, ALLOWED_KEYS[type], segments, unsupported);

  if (type === "array") {
    const items = schema.items;
    if (items === undefined || (isJsonObject(items) && Object.keys(items).length === 0)) return field;
    const itemSegments = [...segments, "items"];
    if (!isJsonObject(items)) {
      unsupported.push(`${pointer(itemSegments)} is not a single item definition`);
      return field;
    }
    const itemType = fieldTypeOf(items, itemSegments, unsupported);
    reportUnknownKeys(items, ALLOWED_KEYS[itemType].filter((key) => key !== "description" && key !== "default"), itemSegments, unsupported);
    if (itemType === "array") {
      unsupported.push(`${pointer(itemSegments)} is a list of lists`);
      return field;
    }
    field.itemType = itemType;
    copyConstraints(items, field, ALLOWED_KEYS[itemType], itemSegments, unsupported);
    if (itemType === "object") field.itemFields = objectFields(items, itemSegments, unsupported);
    return field;
  }
  copyConstraints(schema, field, ALLOWED_KEYS[type], segments, unsupported);
  if (type === "object") field.fields = objectFields(schema, segments, unsupported);
  return field;
}

function fieldTypeOf(schema: TJsonSchema, segments: string[], unsupported: string[]): TFieldType {
  const at = pointer(segments);
  if (schema.enum !== undefined) {
    const values = schema.enum;
    if ((schema.type === "string" || schema.type === undefined) && Array.isArray(values) && values.every((v) => typeof v === "string")) {
      return "enum";
    }
    unsupported.push(`${at} has allowed values that are not all text`);
  }
  const type = schema.type;
  if (Array.isArray(type)) {
    unsupported.push(`${at} allows several types (${type.map(String).join(", ")})`);
    const first = type.find((t) => t !== "null");
    return isFieldType(first) ? first : "string";
  }
  if (type === undefined) {
    unsupported.push(`${at} has no "type"`);
    return schema.properties ? "object" : schema.items ? "array" : "string";
  }
  if (type === "string" && schema.format !== undefined) {
    if (typeof schema.format === "string" && Object.hasOwn(FORMAT_TYPES, schema.format)) {
      return FORMAT_TYPES[schema.format as keyof typeof FORMAT_TYPES];
    }
    unsupported.push(`${at} uses the format ${JSON.stringify(schema.format)}`);
    return "string";
  }
  if (isFieldType(type) && type !== "date" && type !== "date-time" && type !== "email" && type !== "enum") return type;
  unsupported.push(`${at} has the type ${JSON.stringify(type)}`);
  return "string";
}

function isFieldType(value: unknown): value is TFieldType {
  return typeof value === "string" && Object.hasOwn(ALLOWED_KEYS, value);
}

function copyConstraints(schema: TJsonSchema, field: TField, allowed: string[], segments: string[], unsupported: string[]) {
  for (const key of ["minimum", "maximum", "minLength", "maxLength"] as const) {
    const value = schema[key];
    if (value === undefined || !allowed.includes(key)) continue;
    if (typeof value === "number") field[key] = value;
    else unsupported.push(`${pointer([...segments, key])} is not a number`);
  }
  if (typeof schema.pattern === "string" && allowed.includes("pattern")) field.pattern = schema.pattern;
  if (allowed.includes("enum") && Array.isArray(schema.enum) && schema.enum.every((v) => typeof v === "string")) {
    field.enumValues = [...schema.enum];
  }
}

function reportUnknownKeys(schema: TJsonSchema, allowed: string[], segments: string[], unsupported: string[]) {
  for (const key of Object.keys(schema)) {
    if (!allowed.includes(key)) unsupported.push(`${pointer(segments)} uses "${key}", which the visual editor does not support`);
  }
}

function isPrimitive(value: unknown): value is string | number | boolean {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

function pointer(segments: string[]) {
  return displayPointer(pointerFromSegments(segments));
}

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Problems in the editor's fields, at react-hook-form paths such as `fields.1.fields.0.name`. */
export function validateFields(fields: TField[], basePath = "fields"): TFieldProblem[] {
  const problems: TFieldProblem[] = [];
  const seen = new Set<string>();
  fields.forEach((field, index) => {
    const at = (key: string) => `${basePath}.${index}.${key}`;
    if (field.name.trim() === "") {
      problems.push({ path: at("name"), message: "Enter a field name." });
    } else if (!FIELD_NAME.test(field.name)) {
      problems.push({ path: at("name"), message: "Use letters, digits and _ only, starting with a letter or _ (e.g. invoiceNumber)." });
    } else if (seen.has(field.name)) {
      problems.push({ path: at("name"), message: `Another field at this level is already named "${field.name}".` });
    }
    seen.add(field.name);

    const valueType = field.type === "array" ? field.itemType : field.type;
    if (valueType === "enum") {
      const values = field.enumValues ?? [];
      if (values.length === 0) problems.push({ path: at("enumValues"), message: "Add at least one allowed value." });
      const duplicate = values.find((v, i) => values.indexOf(v) !== i);
      if (duplicate !== undefined) problems.push({ path: at("enumValues"), message: `"${duplicate}" is listed more than once.` });
    }
    if (field.minimum !== undefined && field.maximum !== undefined && field.minimum > field.maximum) {
      problems.push({ path: at("minimum"), message: `The minimum (${field.minimum}) is more than the maximum (${field.maximum}).` });
    }
    for (const key of ["minLength", "maxLength"] as const) {
      const value = field[key];
      if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
        problems.push({ path: at(key), message: "Enter a whole number, 0 or more." });
      }
    }
    if (field.minLength !== undefined && field.maxLength !== undefined && field.minLength > field.maxLength) {
      problems.push({
        path: at("minLength"),
        message: `The minimum length (${field.minLength}) is more than the maximum length (${field.maxLength}).`,
      });
    }
    if (field.pattern !== undefined && !isValidPattern(field.pattern)) {
      problems.push({ path: at("pattern"), message: "This is not a valid regular expression." });
    }
    const defaultProblem = field.default === undefined ? null : checkDefault(field, field.default);
    if (defaultProblem) problems.push({ path: at("default"), message: defaultProblem });

    if (field.type === "object") problems.push(...validateFields(field.fields ?? [], at("fields")));
    if (field.type === "array" && field.itemType === "object") problems.push(...validateFields(field.itemFields ?? [], at("itemFields")));
  });
  return problems;
}

function checkDefault(field: TField, value: string | number | boolean): string | null {
  switch (field.type) {
    case "string":
    case "date":
    case "date-time":
    case "email":
      return typeof value === "string" ? null : "The default must be text.";
    case "number":
      return typeof value === "number" ? null : "The default must be a number.";
    case "integer":
      return Number.isInteger(value) ? null : "The default must be a whole number.";
    case "boolean":
      return typeof value === "boolean" ? null : "The default must be true or false.";
    case "enum":
      return typeof value === "string" && (field.enumValues ?? []).includes(value) ? null : "The default must be one of the allowed values.";
    case "object":
    case "array":
      return "Objects and lists cannot have a default here; edit the JSON schema instead.";
  }
}

