import { displayPointer, pointerFromSegments } from "./json-pointer";
import { isJsonObject, JSON_SCHEMA_DRAFT_2020_12, type TJsonSchema } from "./types";

export type TInferredSchema = { schema: TJsonSchema; warnings: string[] };

// The short form of the product docs: {"id": "String", "invoiceAmount": 2}. A string that is
// exactly one of these names (any case) is read as a type, so a sample whose real value is the
// word "date" describes a date; anyone needing that literal can edit the schema afterwards.
const TYPE_NAMES: Record<string, TJsonSchema> = {
  string: { type: "string" },
  number: { type: "number" },
  integer: { type: "integer" },
  int: { type: "integer" },
  boolean: { type: "boolean" },
  bool: { type: "boolean" },
  date: { type: "string", format: "date" },
  datetime: { type: "string", format: "date-time" },
  "date-time": { type: "string", format: "date-time" },
  timestamp: { type: "string", format: "date-time" },
  email: { type: "string", format: "email" },
  object: { type: "object" },
  array: { type: "array" },
};

/** Builds an object schema from a sample payload of real values, type names, or both. */
export function inferSchema(sample: unknown): TInferredSchema {
  if (!isJsonObject(sample)) {
    throw new Error(`The sample must be a JSON object such as {"id": "String", "amount": 2}, not ${describeValue(sample)}.`);
  }
  const warnings: string[] = [];
  const body = inferValue(sample, [], warnings);
  return { schema: { $schema: JSON_SCHEMA_DRAFT_2020_12, ...body }, warnings };
}

function inferValue(value: unknown, segments: string[], warnings: string[]): TJsonSchema {
  const pointer = displayPointer(pointerFromSegments(segments));
  if (value === null) {
    warnings.push(`${pointer} is null in the sample, so any value will be accepted; give an example value or a type name such as "String"`);
    return {};
  }
  if (Array.isArray(value)) {
    if (value.length === 0) {
      warnings.push(`${pointer} is an empty list in the sample, so its items accept any value; add one example item`);
      return { type: "array", items: {} };
    }
    const itemSchemas = value.map((item) => inferValue(item, [...segments, "*"], warnings));
    return { type: "array", items: mergeSchemas(itemSchemas, [...segments, "*"], warnings) };
  }
  if (isJsonObject(value)) {
    const properties: Record<string, TJsonSchema> = {};
    for (const [key, child] of Object.entries(value)) properties[key] = inferValue(child, [...segments, key], warnings);
    const required = Object.keys(properties);
    return { type: "object", properties, ...(required.length ? { required } : {}) };
  }
  switch (typeof value) {
    case "string":
      return inferString(value);
    // A whole number such as 2 still means "number": the docs' example `"invoiceAmount": 2` is an
    // amount, and amounts carry decimals. "Integer" in the short form asks for integers explicitly.
    case "number":
      return { type: "number" };
    case "boolean":
      return { type: "boolean" };
    default:
      return {};
  }
}

function inferString(value: string): TJsonSchema {
  const named = TYPE_NAMES[value.trim().toLowerCase()];
  if (named) return { ...named };
  if (isDate(value)) return { type: "string", format: "date" };
  if (isDateTime(value)) return { type: "string", format: "date-time" };
  if (EMAIL.test(value)) return { type: "string", format: "email" };
  return { type: "string" };
}

// These mirror ajv-formats' full mode, so a schema inferred from a sample always accepts that sample.
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_WITH_ZONE = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/i;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isDate(value: string) {
  const match = DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

function isDateTime(value: string) {
  const parts = value.split(/t|\s/i);
  return parts.length === 2 && isDate(parts[0]!) && TIME_WITH_ZONE.test(parts[1]!);
}

/** One schema for every item of a sample array. */
function mergeSchemas(schemas: TJsonSchema[], segments: string[], warnings: string[]): TJsonSchema {
  const [first, ...others] = schemas;
  if (!first) return {};
  return others.reduce((merged, next) => mergeTwo(merged, next, segments, warnings), first);
}

function mergeTwo(a: TJsonSchema, b: TJsonSchema, segments: string[], warnings: string[]): TJsonSchema {
  // {} already accepts anything (a null or empty sample warned about it), so it absorbs the other side.
  if (Object.keys(a).length === 0 || Object.keys(b).length === 0) return {};
  if (a.type !== b.type) {
    warnings.push(
      `${displayPointer(pointerFromSegments(segments))} holds different types in the sample (${String(a.type)} and ${String(b.type)}), so any value will be accepted`,
    );
    return {};
  }
  // The short forms "Object" and "Array" say less than an example does; the example wins.
  if (a.type === "object" && !isJsonObject(a.properties)) return b;
  if (a.type === "object" && !isJsonObject(b.properties)) return a;
  if (a.type === "array" && !isJsonObject(a.items)) return b;
  if (a.type === "array" && !isJsonObject(b.items)) return a;
  if (a.type === "object" && isJsonObject(a.properties) && isJsonObject(b.properties)) {
    const properties: Record<string, TJsonSchema> = {};
    for (const key of new Set([...Object.keys(a.properties), ...Object.keys(b.properties)])) {
      const left = a.properties[key];
      const right = b.properties[key];
      properties[key] =
        isJsonObject(left) && isJsonObject(right)
          ? mergeTwo(left, right, [...segments, key], warnings)
          : ((isJsonObject(left) ? left : right) as TJsonSchema);
    }
    const requiredIn = (s: TJsonSchema) => new Set(Array.isArray(s.required) ? s.required : []);
    const requiredA = requiredIn(a);
    const requiredB = requiredIn(b);
    const required = Object.keys(properties).filter((key) => requiredA.has(key) && requiredB.has(key));
    return { type: "object", properties, ...(required.length ? { required } : {}) };
  }
  if (a.type === "array" && isJsonObject(a.items) && isJsonObject(b.items)) {
    // An empty sample array says nothing about its items, so the other array's items win.
    const itemsA = a.items;
    const itemsB = b.items;
    if (Object.keys(itemsA).length === 0) return b;
    if (Object.keys(itemsB).length === 0) return a;
    return { type: "array", items: mergeTwo(itemsA, itemsB, [...segments, "*"], warnings) };
  }
  // Same type, different formats ("2026-01-31" next to "soon"): keep the type, drop the format.
  if (a.format !== b.format) return { type: a.type };
  return a;
}

function describeValue(value: unknown) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return "a string";
  return `a ${typeof value}`;
}

const SAMPLE_FORMATS: Record<string, string> = {
  date: "2026-01-31",
  "date-time": "2026-01-31T12:00:00Z",
  time: "12:00:00Z",
  email: "person@example.com",
  uri: "https://example.com",
  url: "https://example.com",
  uuid: "123e4567-e89b-12d3-a456-426614174000",
  hostname: "example.com",
  ipv4: "192.0.2.1",
  ipv6: "2001:db8::1",
};

/** A plausible example payload for a schema, for snippets and the "fill with example" button. */
export function sampleFromSchema(schema: unknown): unknown {
  return sampleOf(schema, isJsonObject(schema) ? schema : {}, 0);
}

// Recursion through `$ref` could loop forever on self-referencing schemas ("a tree of nodes").
const MAX_SAMPLE_DEPTH = 12;

function sampleOf(schema: unknown, root: TJsonSchema, depth: number): unknown {
  if (!isJsonObject(schema) || depth > MAX_SAMPLE_DEPTH) return null;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if (typeof schema.$ref === "string") return sampleOf(resolveLocalRef(root, schema.$ref), root, depth + 1);
  for (const keyword of ["anyOf", "oneOf"]) {
    const branches = schema[keyword];
    if (Array.isArray(branches)) {
      const branch = branches.find((b) => !(isJsonObject(b) && b.type === "null")) ?? branches[0];
      return sampleOf(branch, root, depth + 1);
    }
  }
  if (Array.isArray(schema.allOf)) {
    const parts = schema.allOf.map((part) => sampleOf(part, root, depth + 1));
    return parts.every(isJsonObject) ? Object.assign({}, ...parts) : (parts[0] ?? null);
  }

  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const type =
    types.find((t) => t !== "null" && t !== undefined) ??
    (schema.properties ? "object" : schema.items ? "array" : types[0]);
  switch (type) {
    case "string":
      return sampleString(schema);
    case "number":
      return clamp(100.5, schema);
    case "integer":
      return Math.round(clamp(1, schema));
    case "boolean":
      return true;
    case "null":
      return null;
    case "array": {
      if (Array.isArray(schema.prefixItems)) return schema.prefixItems.map((item) => sampleOf(item, root, depth + 1));
      return isJsonObject(schema.items) ? [sampleOf(schema.items, root, depth + 1)] : [];
    }
    case "object": {
      const sample: Record<string, unknown> = {};
      const properties = isJsonObject(schema.properties) ? schema.properties : {};
      for (const [key, child] of Object.entries(properties)) sample[key] = sampleOf(child, root, depth + 1);
      return sample;
    }
    default:
      return null;
  }
}

function sampleString(schema: TJsonSchema) {
  const formatted = typeof schema.format === "string" ? SAMPLE_FORMATS[schema.format] : undefined;
  if (formatted) return formatted;
  let text = "example";
  if (typeof schema.minLength === "number") text = text.padEnd(schema.minLength, "x");
  if (typeof schema.maxLength === "number") text = text.slice(0, schema.maxLength);
  return text;
}

function clamp(value: number, schema: TJsonSchema) {
  if (typeof schema.minimum === "number" && value < schema.minimum) return schema.minimum;
  if (typeof schema.maximum === "number" && value > schema.maximum) return schema.maximum;
  return value;
}

function resolveLocalRef(root: TJsonSchema, ref: string): unknown {
  if (!ref.startsWith("#")) return undefined;
  let current: unknown = root;
  try {
    for (const segment of ref.slice(1).split("/").slice(1)) {
      const key = decodeURIComponent(segment).replace(/~1/g, "/").replace(/~0/g, "~");
      current = isJsonObject(current) ? current[key] : undefined;
    }
  } catch {
    return undefined;
  }
  return current;
}
