import { escapePointerSegment, getPointer, isArrayIndex, parsePointer } from "./pointer";
import type { TSchemaField } from "./types";

// Flattens a JSON Schema (2020-12) into the fields the mapping editor shows and the checks look
// up: objects' properties in their order, array items as index 0, local $ref resolved.

type TSchema = Record<string, unknown>;

/** Nesting depth listed: fields at depth 0..MAX_SCHEMA_DEPTH-1 (recursive $refs stop here). */
export const MAX_SCHEMA_DEPTH = 8;
const FORBIDDEN_PROPERTIES = new Set(["__proto__", "constructor", "prototype"]);

/** A field with what the checks need besides what the editor shows. */
export type TSchemaFieldDetail = TSchemaField & {
  /** The pointer of the field this one is nested in ("" for top-level fields). */
  parent: string;
  /** Objects without declared properties, or declaring additionalProperties: any key may be set. */
  open: boolean;
  /** Null is allowed too (`type: [x, "null"]`, `anyOf: [x, { type: "null" }]`). */
  nullable: boolean;
  pattern?: string;
  /** Arrays: the minimum number of items. */
  minItems?: number;
};

const isSchema = (value: unknown): value is TSchema => typeof value === "object" && value !== null && !Array.isArray(value);

/** Follows local $refs ("#/$defs/Address") and flattens nullable anyOf/oneOf and allOf into one schema. */
function resolveSchema(root: TSchema, schema: unknown, seen: Set<string> = new Set()): { schema: TSchema; nullable: boolean } {
  if (!isSchema(schema)) return { schema: {}, nullable: false };
  let current: TSchema = schema;
  let nullable = false;

  const ref = current.$ref;
  if (typeof ref === "string") {
    const siblings = { ...current };
    delete siblings.$ref;
    let target: unknown;
    if (ref.startsWith("#") && !seen.has(ref)) {
      try {
        target = getPointer(root, decodeURIComponent(ref.slice(1)));
      } catch {
        target = undefined;
      }
    }
    const resolved = resolveSchema(root, target, new Set([...seen, ref]));
    current = { ...resolved.schema, ...siblings };
    nullable ||= resolved.nullable;
  }

  for (const keyword of ["anyOf", "oneOf"] as const) {
    const options = current[keyword];
    if (!Array.isArray(options)) continue;
    const nonNull = options.filter((o) => !(isSchema(o) && o.type === "null"));
    if (nonNull.length < options.length) nullable = true;
    if (nonNull.length === 1) {
      const rest = { ...current };
      delete rest[keyword];
      const inner = resolveSchema(root, nonNull[0], seen);
      current = { ...inner.schema, ...rest };
      nullable ||= inner.nullable;
    }
  }

  if (Array.isArray(current.allOf)) {
    const { allOf, ...rest } = current;
    let merged: TSchema = {};
    for (const part of allOf) {
      const inner = resolveSchema(root, part, seen);
      merged = {
        ...merged,
        ...inner.schema,
        properties: { ...(isSchema(merged.properties) ? merged.properties : {}), ...(isSchema(inner.schema.properties) ? inner.schema.properties : {}) },
        required: [...(Array.isArray(merged.required) ? merged.required : []), ...(Array.isArray(inner.schema.required) ? inner.schema.required : [])],
      };
    }
    current = {
      ...merged,
      ...rest,
      properties: { ...(merged.properties as TSchema), ...(isSchema(rest.properties) ? rest.properties : {}) },
      required: [...(merged.required as unknown[]), ...(Array.isArray(rest.required) ? rest.required : [])],
    };
  }

  if (Array.isArray(current.type)) {
    const types = current.type.filter((t) => t !== "null");
    if (types.length < current.type.length) nullable = true;
    current = { ...current, type: types.length === 1 ? types[0] : undefined };
  }
  return { schema: current, nullable };
}

function typeOf(schema: TSchema): string {
  if (typeof schema.type === "string" && schema.type !== "null") return schema.type;
  if (isSchema(schema.properties)) return "object";
  if (schema.items !== undefined || schema.prefixItems !== undefined) return "array";
  return "any";
}

type TWalkOptions = { root: TSchema; out: TSchemaFieldDetail[] };

function addField(
  options: TWalkOptions,
  raw: unknown,
  at: { pointer: string; parent: string; name: string; required: boolean; depth: number },
) {
  if (at.depth >= MAX_SCHEMA_DEPTH) return;
  const { schema, nullable } = resolveSchema(options.root, raw);
  const type = typeOf(schema);
  const field: TSchemaFieldDetail = {
    pointer: at.pointer,
    label: typeof schema.title === "string" && schema.title.trim() ? schema.title : at.name,
    type,
    required: at.required,
    depth: at.depth,
    container: type === "object" || type === "array",
    parent: at.parent,
    open: false,
    nullable,
  };
  if (typeof schema.format === "string") field.format = schema.format;
  if (typeof schema.description === "string") field.description = schema.description;
  if (Array.isArray(schema.enum)) field.enum = schema.enum;
  else if (schema.const !== undefined) field.enum = [schema.const];
  if (typeof schema.pattern === "string") field.pattern = schema.pattern;
  options.out.push(field);

  if (type === "object") {
    field.open = !isSchema(schema.properties) || schema.additionalProperties === true || isSchema(schema.additionalProperties);
    addProperties(options, schema, at.pointer, at.depth + 1);
  } else if (type === "array") {
    const minItems = typeof schema.minItems === "number" ? schema.minItems : 0;
    field.minItems = minItems;
    const items = schema.items !== undefined ? schema.items : Array.isArray(schema.prefixItems) ? schema.prefixItems[0] : undefined;
    if (isSchema(items)) {
      addField(options, items, {
        pointer: `${at.pointer}/0`,
        parent: at.pointer,
        name: `${field.label}: item 1`,
        required: minItems >= 1,
        depth: at.depth + 1,
      });
    }
  }
}

function addProperties(options: TWalkOptions, schema: TSchema, pointer: string, depth: number) {
  if (!isSchema(schema.properties)) return;
  const required = new Set(Array.isArray(schema.required) ? schema.required.filter((r) => typeof r === "string") : []);
  for (const [name, property] of Object.entries(schema.properties)) {
    if (FORBIDDEN_PROPERTIES.has(name)) continue;
    addField(options, property, { pointer: `${pointer}/${escapePointerSegment(name)}`, parent: pointer, name, required: required.has(name), depth });
  }
}

/** The fields of an object schema with the details the checks use; see listSchemaFields. */
export function listSchemaFieldDetails(schema: unknown): TSchemaFieldDetail[] {
  if (!isSchema(schema)) return [];
  const out: TSchemaFieldDetail[] = [];
  const root = resolveSchema(schema, schema).schema;
  addProperties({ root: schema, out }, root, "", 0);
  return out;
}

/**
 * The fields of an object schema, depth first in property order: nested objects' properties and
 * arrays' items (as index 0, "/lines/0/sku") follow their parent with depth + 1.
 */
export function listSchemaFields(schema: unknown): TSchemaField[] {
  return listSchemaFieldDetails(schema).map(toSchemaField);
}

/** A detail reduced to the TSchemaField contract. */
export function toSchemaField(detail: TSchemaFieldDetail): TSchemaField {
  const field: TSchemaField = {
    pointer: detail.pointer,
    label: detail.label,
    type: detail.type,
    required: detail.required,
    depth: detail.depth,
    container: detail.container,
  };
  if (detail.format !== undefined) field.format = detail.format;
  if (detail.description !== undefined) field.description = detail.description;
  if (detail.enum !== undefined) field.enum = detail.enum;
  return field;
}

/**
 * The field a concrete pointer lands on, reading any list position as the listed index 0
 * ("/item/items/3/amount" → the "/item/items/0/amount" field). Undefined when not listed.
 */
export function findSchemaField<T extends TSchemaField>(fields: readonly T[], pointer: string): T | undefined {
  return fields.find((f) => f.pointer === toTemplatePointer(fields, pointer));
}

/** The pointer with list positions under array fields replaced by 0, as listed by listSchemaFields. */
export function toTemplatePointer(fields: readonly TSchemaField[], pointer: string): string {
  let segments: string[];
  try {
    segments = parsePointer(pointer);
  } catch {
    return pointer;
  }
  const byPointer = new Map(fields.map((f) => [f.pointer, f]));
  let template = "";
  for (const segment of segments) {
    const parent = byPointer.get(template);
    template += `/${escapePointerSegment(parent?.type === "array" && isArrayIndex(segment) ? "0" : segment)}`;
  }
  return template;
}
