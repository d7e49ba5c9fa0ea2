import { pointerFromSegments } from "./json-pointer";
import { isJsonObject, type TJsonSchema } from "./types";

export type TSchemaChangeKind =
  | "added"
  | "removed"
  | "renamed"
  | "type_changed"
  | "narrowed"
  | "widened"
  | "newly_required"
  | "no_longer_required"
  | "enum_value_removed"
  | "enum_value_added"
  | "description_changed";

export type TSchemaChange = {
  /** Data pointer of the field, e.g. /customer/name; the items of an array are the segment "*". */
  path: string;
  kind: TSchemaChangeKind;
  /** True when data that callers send today could be refused, or a workflow could lose a field it reads. */
  breaking: boolean;
  message: string;
};

const ARRAY_ITEMS = "*";

/** What changes between two versions of an event schema, field by field, in the previous version's order. */
export function diffSchemas(previous: TJsonSchema, next: TJsonSchema): TSchemaChange[] {
  const changes: TSchemaChange[] = [];
  compareSchemas([], previous, next, changes);
  return changes;
}

export function hasBreakingChanges(changes: TSchemaChange[]): boolean {
  return changes.some((c) => c.breaking);
}

/** Every data pointer a schema describes, e.g. /id, /customer, /customer/name, /lines and the amount of each line. */
export function fieldPaths(schema: TJsonSchema): string[] {
  const paths = new Set<string>();
  const visit = (node: unknown, segments: string[]) => {
    if (!isJsonObject(node)) return;
    if (isJsonObject(node.properties)) {
      for (const [name, child] of Object.entries(node.properties)) {
        const childSegments = [...segments, name];
        paths.add(pointerFromSegments(childSegments));
        visit(child, childSegments);
      }
    }
    if (isJsonObject(node.items)) visit(node.items, [...segments, ARRAY_ITEMS]);
    for (const keyword of ["allOf", "anyOf", "oneOf"]) {
      const branches = node[keyword];
      if (Array.isArray(branches)) for (const branch of branches) visit(branch, segments);
    }
  };
  visit(schema, []);
  return [...paths];
}

function compareSchemas(segments: string[], previous: unknown, next: unknown, changes: TSchemaChange[]) {
  const a = isJsonObject(previous) ? previous : {};
  const b = isJsonObject(next) ? next : {};
  const name = displayName(segments);
  const add = (kind: TSchemaChangeKind, breaking: boolean, message: string) =>
    changes.push({ path: pointerFromSegments(segments), kind, breaking, message });

  const typesA = typeSet(a);
  const typesB = typeSet(b);
  const aFitsB = fitsWithin(typesA, typesB);
  const bFitsA = fitsWithin(typesB, typesA);
  if (!aFitsB || !bFitsA) {
    const message = `${name} changed type from ${describeTypes(typesA)} to ${describeTypes(typesB)}`;
    if (aFitsB) add("widened", false, message);
    else if (bFitsA) add("narrowed", true, message);
    else {
      // A string field that is now a number shares no values worth comparing constraints on.
      add("type_changed", true, message);
      return;
    }
  }

  if (a.format !== b.format) {
    if (b.format === undefined) add("widened", false, `${name} no longer requires the ${String(a.format)} format`);
    else if (a.format === undefined) add("narrowed", true, `${name} now requires the ${String(b.format)} format`);
    else add("narrowed", true, `${name} changed format from ${String(a.format)} to ${String(b.format)}`);
  }

  for (const [keyword, label] of LOWER_BOUNDS) compareBound(a[keyword], b[keyword], label, "lower", name, add);
  for (const [keyword, label] of UPPER_BOUNDS) compareBound(a[keyword], b[keyword], label, "upper", name, add);

  if (a.pattern !== b.pattern) {
    if (b.pattern === undefined) add("widened", false, `${name} no longer has to match ${String(a.pattern)}`);
    else if (a.pattern === undefined) add("narrowed", true, `${name} must now match ${String(b.pattern)}`);
    else add("narrowed", true, `${name} pattern changed from ${String(a.pattern)} to ${String(b.pattern)}`);
  }
  if (a.multipleOf !== b.multipleOf) {
    if (b.multipleOf === undefined) add("widened", false, `${name} no longer has to be a multiple of ${String(a.multipleOf)}`);
    else add("narrowed", true, `${name} must now be a multiple of ${String(b.multipleOf)}`);
  }
  if (Boolean(a.uniqueItems) !== Boolean(b.uniqueItems)) {
    if (b.uniqueItems) add("narrowed", true, `${name} must now have unique items`);
    else add("widened", false, `${name} may now have duplicate items`);
  }

  compareAllowedValues(allowedValues(a), allowedValues(b), name, add);

  if (a.description !== b.description) add("description_changed", false, `${name} description changed`);

  if (a.properties !== undefined || b.properties !== undefined || typesA?.has("object") || typesB?.has("object")) {
    compareProperties(segments, a, b, changes);
    const closedBefore = a.additionalProperties === false;
    const closedAfter = b.additionalProperties === false;
    if (!closedBefore && closedAfter) add("narrowed", true, `${name} no longer accepts unknown fields`);
    if (closedBefore && !closedAfter && !isJsonObject(b.additionalProperties)) add("widened", false, `${name} now accepts unknown fields`);
  }
  if (isJsonObject(a.items) || isJsonObject(b.items)) compareSchemas([...segments, ARRAY_ITEMS], a.items ?? {}, b.items ?? {}, changes);

  const otherKeywords = OTHER_VALIDATION_KEYWORDS.filter((keyword) => {
    // Boolean additionalProperties and schema-valued items are compared above.
    if (keyword === "additionalProperties" && !isJsonObject(a[keyword]) && !isJsonObject(b[keyword])) return false;
    if (keyword === "items" && (isJsonObject(a.items) || isJsonObject(b.items))) return false;
    return canonicalJson(a[keyword]) !== canonicalJson(b[keyword]);
  });
  if (otherKeywords.length > 0) {
    // Changes to combinators or references cannot be sorted into wider or narrower without
    // evaluating them, so they are reported as possibly breaking.
    add("narrowed", true, `${name} changed its ${otherKeywords.join(", ")} rules, which may refuse data accepted before`);
  }
}

function compareProperties(segments: string[], a: TJsonSchema, b: TJsonSchema, changes: TSchemaChange[]) {
  const propsA = isJsonObject(a.properties) ? a.properties : {};
  const propsB = isJsonObject(b.properties) ? b.properties : {};
  const requiredA = requiredSet(a);
  const requiredB = requiredSet(b);
  const removed = Object.keys(propsA).filter((key) => !Object.hasOwn(propsB, key));
  const added = Object.keys(propsB).filter((key) => !Object.hasOwn(propsA, key));

  // A field that disappears while one with the same definition appears beside it is most likely a
  // rename; saying so helps the admin more than a separate "removed" and "added".
  const renamedTo = new Map<string, string>();
  for (const oldName of removed) {
    const definition = definitionKey(propsA[oldName]);
    const newName = added.find((candidate) => ![...renamedTo.values()].includes(candidate) && definitionKey(propsB[candidate]) === definition);
    if (newName !== undefined) renamedTo.set(oldName, newName);
  }

  for (const [key, previous] of Object.entries(propsA)) {
    const childSegments = [...segments, key];
    const path = pointerFromSegments(childSegments);
    const name = displayName(childSegments);
    if (Object.hasOwn(propsB, key)) {
      if (requiredA.has(key) && !requiredB.has(key)) {
        changes.push({ path, kind: "no_longer_required", breaking: false, message: `${name} is no longer required` });
      }
      if (!requiredA.has(key) && requiredB.has(key)) {
        changes.push({ path, kind: "newly_required", breaking: true, message: `${name} is now required` });
      }
      compareSchemas(childSegments, previous, propsB[key], changes);
      continue;
    }
    const newName = renamedTo.get(key);
    if (newName !== undefined) {
      changes.push({ path, kind: "renamed", breaking: true, message: `${name} seems renamed to ${newName}` });
    } else {
      changes.push({ path, kind: "removed", breaking: true, message: `${name} was removed` });
    }
  }
  const renameTargets = new Set(renamedTo.values());
  for (const key of added) {
    if (renameTargets.has(key)) continue;
    const childSegments = [...segments, key];
    const path = pointerFromSegments(childSegments);
    const name = displayName(childSegments);
    if (requiredB.has(key)) {
      changes.push({ path, kind: "added", breaking: true, message: `${name} was added and is required, so callers that do not send it will be refused` });
    } else {
      changes.push({ path, kind: "added", breaking: false, message: `${name} was added (optional)` });
    }
  }
}

const LOWER_BOUNDS: [string, string][] = [
  ["minimum", "minimum"],
  ["exclusiveMinimum", "exclusive minimum"],
  ["minLength", "minimum length"],
  ["minItems", "minimum number of items"],
  ["minProperties", "minimum number of fields"],
];
const UPPER_BOUNDS: [string, string][] = [
  ["maximum", "maximum"],
  ["exclusiveMaximum", "exclusive maximum"],
  ["maxLength", "maximum length"],
  ["maxItems", "maximum number of items"],
  ["maxProperties", "maximum number of fields"],
];

// Validation keywords this diff does not interpret; any change to them is reported as possibly breaking.
const OTHER_VALIDATION_KEYWORDS = [
  "$ref",
  "$defs",
  "definitions",
  "allOf",
  "anyOf",
  "oneOf",
  "not",
  "if",
  "then",
  "else",
  "patternProperties",
  "additionalProperties",
  "propertyNames",
  "dependentRequired",
  "dependentSchemas",
  "items",
  "prefixItems",
  "contains",
  "minContains",
  "maxContains",
  "unevaluatedItems",
  "unevaluatedProperties",
];

// Keywords that describe a field without changing which values it accepts.
const ANNOTATIONS = new Set(["description", "title", "examples", "default", "$comment", "deprecated", "readOnly", "writeOnly"]);

function compareBound(
  before: unknown,
  after: unknown,
  label: string,
  side: "lower" | "upper",
  name: string,
  add: (kind: TSchemaChangeKind, breaking: boolean, message: string) => void,
) {
  if (before === after) return;
  if (typeof after !== "number") {
    if (typeof before === "number") add("widened", false, `${name} no longer has a ${label} (was ${before})`);
    return;
  }
  if (typeof before !== "number") {
    add("narrowed", true, `${name} now has a ${label} of ${after}`);
    return;
  }
  const raised = after > before;
  const narrower = side === "lower" ? raised : !raised;
  add(narrower ? "narrowed" : "widened", narrower, `${name} ${label} ${raised ? "raised" : "lowered"} from ${before} to ${after}`);
}

function compareAllowedValues(
  before: unknown[] | undefined,
  after: unknown[] | undefined,
  name: string,
  add: (kind: TSchemaChangeKind, breaking: boolean, message: string) => void,
) {
  if (before === undefined && after === undefined) return;
  if (before === undefined) {
    add("narrowed", true, `${name} now accepts only: ${after!.map(formatValue).join(", ")}`);
    return;
  }
  if (after === undefined) {
    add("widened", false, `${name} no longer limits its values to: ${before.map(formatValue).join(", ")}`);
    return;
  }
  const afterKeys = new Set(after.map(canonicalJson));
  const beforeKeys = new Set(before.map(canonicalJson));
  for (const value of before) {
    if (!afterKeys.has(canonicalJson(value))) add("enum_value_removed", true, `${name} no longer accepts ${formatValue(value)}`);
  }
  for (const value of after) {
    if (!beforeKeys.has(canonicalJson(value))) add("enum_value_added", false, `${name} now accepts ${formatValue(value)}`);
  }
}

function allowedValues(schema: TJsonSchema): unknown[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum;
  if (schema.const !== undefined) return [schema.const];
  return undefined;
}

/** Undefined means any type. */
function typeSet(schema: TJsonSchema): Set<string> | undefined {
  if (typeof schema.type === "string") return new Set([schema.type]);
  if (Array.isArray(schema.type)) return new Set(schema.type.map(String));
  return undefined;
}

function fitsWithin(inner: Set<string> | undefined, outer: Set<string> | undefined) {
  if (outer === undefined) return true;
  if (inner === undefined) return false;
  return [...inner].every((t) => outer.has(t) || (t === "integer" && outer.has("number")));
}

function describeTypes(types: Set<string> | undefined) {
  return types === undefined ? "any" : [...types].join(" or ");
}

function requiredSet(schema: TJsonSchema) {
  return new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
}

function definitionKey(schema: unknown) {
  if (!isJsonObject(schema)) return canonicalJson(schema);
  return canonicalJson(Object.fromEntries(Object.entries(schema).filter(([key]) => !ANNOTATIONS.has(key))));
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (isJsonObject(value)) {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}

function formatValue(value: unknown) {
  return JSON.stringify(value);
}

/** customer.name, lines[].amount; the root is "The event data". */
function displayName(segments: string[]) {
  if (segments.length === 0) return "The event data";
  return segments.reduce((name, segment, index) => {
    if (segment === ARRAY_ITEMS) return `${name}[]`;
    return index === 0 ? segment : `${name}.${segment}`;
  }, "");
}
