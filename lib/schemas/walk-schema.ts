import { isJsonObject, type TJsonSchema } from "./types";

// Where draft 2020-12 (and the older spellings people paste in) keeps subschemas. Only these are
// walked, so a property that happens to be called "format" or "$ref" is never mistaken for a keyword.
const SCHEMA_MAPS = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"];
const SINGLE_SCHEMAS = [
  "additionalProperties",
  "items",
  "additionalItems",
  "contains",
  "propertyNames",
  "not",
  "if",
  "then",
  "else",
  "unevaluatedItems",
  "unevaluatedProperties",
  "contentSchema",
];
const SCHEMA_LISTS = ["allOf", "anyOf", "oneOf", "prefixItems", "items"];
// Steps that go one level deeper into the data, as opposed to combinators on the same value.
export const DATA_NESTING_KEYWORDS = new Set(["properties", "patternProperties", "additionalProperties", "items", "prefixItems", "additionalItems"]);

export type TSchemaNode = {
  schema: TJsonSchema;
  /** Pointer segments from the root schema to this subschema. */
  segments: string[];
  /** How many properties/items levels deep the data described here sits. */
  depth: number;
  /** The keyword this subschema sits under, and its name when that keyword holds a map ("properties"). */
  keyword?: string;
  name?: string;
};

/** Calls `visit` for every subschema object, parents before children. */
export function walkSchema(root: TJsonSchema, visit: (node: TSchemaNode) => void) {
  const walk = (schema: TJsonSchema, segments: string[], depth: number, keyword?: string, name?: string) => {
    visit({ schema, segments, depth, keyword, name });
    for (const keyword of SCHEMA_MAPS) {
      const map = schema[keyword];
      if (!isJsonObject(map)) continue;
      const childDepth = DATA_NESTING_KEYWORDS.has(keyword) ? depth + 1 : depth;
      for (const [name, child] of Object.entries(map)) {
        if (isJsonObject(child)) walk(child, [...segments, keyword, name], childDepth, keyword, name);
      }
    }
    for (const keyword of SINGLE_SCHEMAS) {
      const child = schema[keyword];
      if (isJsonObject(child)) walk(child, [...segments, keyword], DATA_NESTING_KEYWORDS.has(keyword) ? depth + 1 : depth, keyword);
    }
    for (const keyword of SCHEMA_LISTS) {
      const list = schema[keyword];
      if (!Array.isArray(list)) continue;
      const childDepth = DATA_NESTING_KEYWORDS.has(keyword) ? depth + 1 : depth;
      list.forEach((child, index) => {
        if (isJsonObject(child)) walk(child, [...segments, keyword, String(index)], childDepth, keyword);
      });
    }
  };
  walk(root, [], 0);
}
