import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { displayPointer, escapePointerSegment, pointerFromSegments, segmentsFromPointer } from "./json-pointer";
import { isJsonObject, JSON_SCHEMA_DRAFT_2020_12, type TJsonSchema } from "./types";
import { DATA_NESTING_KEYWORDS, walkSchema } from "./walk-schema";

export const MAX_SCHEMA_BYTES = 64 * 1024;
export const MAX_SCHEMA_DEPTH = 8;
export const MAX_SCHEMA_PROPERTIES = 500;
const MAX_CACHED_VALIDATORS = 500;

export type TValidationError = { path: string; message: string; keyword: string };
export type TSchemaWarning = { path: string; message: string };
export type TDataValidation = { valid: true } | { valid: false; errors: TValidationError[] };
export type TSchemaDefinitionCheck =
  | { ok: true; warnings: TSchemaWarning[] }
  | { ok: false; errors: TValidationError[]; warnings: TSchemaWarning[] };

// addUsedSchema: false keeps compiled schemas out of Ajv's registry, so two versions of a schema
// that share an `$id` compile side by side instead of throwing "already exists". logger: false
// because strict: false would otherwise print to the console for every unknown keyword.
const ajv = new Ajv2020({ allErrors: true, strict: false, loadSchema: undefined, addUsedSchema: false, logger: false });
addFormats(ajv);

const validators = new Map<string, { validate: ValidateFunction; schema: object }>();

/** Compiles (or returns the cached) validator for a schema; throws when the schema cannot be compiled. */
export function compileSchema(schema: object, cacheKey?: string): ValidateFunction {
  const json = cacheKey === undefined ? JSON.stringify(schema) : undefined;
  const key = cacheKey === undefined ? `json:${json}` : `key:${cacheKey}`;
  const cached = validators.get(key);
  if (cached) {
    // Re-inserting moves the entry to the end, so eviction drops the least recently used.
    validators.delete(key);
    validators.set(key, cached);
    return cached.validate;
  }
  // A private copy: the caller may mutate its object later, which must not change a cached validator.
  const copy = JSON.parse(json ?? JSON.stringify(schema)) as object;
  const validate = ajv.compile(copy);
  validators.set(key, { validate, schema: copy });
  if (validators.size > MAX_CACHED_VALIDATORS) {
    const [oldestKey, oldest] = validators.entries().next().value!;
    validators.delete(oldestKey);
    // Ajv keeps its own cache keyed by the schema object; without this it would grow forever.
    ajv.removeSchema(oldest.schema);
  }
  return validate;
}

/** Checks event data against a schema, listing every failing field with a JSON pointer and a sentence. */
export function validateData(schema: object, data: unknown, cacheKey?: string): TDataValidation {
  const validate = compileSchema(schema, cacheKey);
  if (validate(data)) return { valid: true };
  return { valid: false, errors: translateAjvErrors(validate.errors ?? [], " ") };
}

/** Checks a schema an admin wants to save: errors block saving, warnings are advice. */
export function checkSchemaDefinition(schema: unknown): TSchemaDefinitionCheck {
  if (!isJsonObject(schema)) {
    return { ok: false, errors: [{ path: "", keyword: "type", message: "The schema must be a JSON object" }], warnings: [] };
  }
  const bytes = new TextEncoder().encode(JSON.stringify(schema)).length;
  if (bytes > MAX_SCHEMA_BYTES) {
    // Stop here: walking and compiling an oversized schema is the cost the limit exists to avoid.
    const size = `${(bytes / 1024).toFixed(1)} KB`;
    return {
      ok: false,
      errors: [{ path: "", keyword: "maxSize", message: `The schema is ${size}; the limit is ${MAX_SCHEMA_BYTES / 1024} KB` }],
      warnings: [],
    };
  }

  const errors: TValidationError[] = [];
  const warnings: TSchemaWarning[] = [];

  if (schema.type === undefined) {
    errors.push({ path: "", keyword: "type", message: 'The schema needs "type": "object" at the root: event data is always a JSON object' });
  } else if (schema.type !== "object") {
    errors.push({ path: "/type", keyword: "type", message: `/type: the root type must be "object", not ${JSON.stringify(schema.type)}` });
  }

  const metaSubject = { ...schema };
  if (schema.$schema !== undefined && !isDraft2020(schema.$schema)) {
    errors.push({
      path: "/$schema",
      keyword: "$schema",
      message: `/$schema: only JSON Schema draft 2020-12 is supported; use "${JSON_SCHEMA_DRAFT_2020_12}" or leave it out`,
    });
    delete metaSubject.$schema;
  }
  if (!ajv.validateSchema(metaSubject)) errors.push(...translateMetaSchemaErrors(ajv.errors ?? [], schema));

  const knownFormats = new Set(Object.keys(ajv.formats));
  let propertyCount = 0;
  walkSchema(schema, ({ schema: node, segments, depth, keyword, name }) => {
    const pointer = pointerFromSegments(segments);
    if (depth === MAX_SCHEMA_DEPTH + 1 && keyword !== undefined && DATA_NESTING_KEYWORDS.has(keyword)) {
      errors.push({ path: pointer, keyword: "maxDepth", message: `${pointer}: fields are nested more than ${MAX_SCHEMA_DEPTH} levels deep` });
    }
    if (isJsonObject(node.properties)) propertyCount += Object.keys(node.properties).length;
    for (const refKeyword of ["$ref", "$dynamicRef"]) {
      const ref = node[refKeyword];
      if (typeof ref !== "string") continue;
      const refPointer = pointerFromSegments([...segments, refKeyword]);
      if (!ref.startsWith("#")) {
        errors.push({
          path: refPointer,
          keyword: refKeyword,
          message: `${refPointer}: remote references are not allowed; use a local "#/$defs/..." reference`,
        });
      } else if (!resolvesLocally(schema, ref)) {
        errors.push({ path: refPointer, keyword: refKeyword, message: `${refPointer}: "${ref}" does not point to anything in this schema` });
      }
    }
    if (typeof node.pattern === "string" && !isValidPattern(node.pattern)) {
      const patternPointer = pointerFromSegments([...segments, "pattern"]);
      errors.push({ path: patternPointer, keyword: "pattern", message: `${patternPointer}: ${JSON.stringify(node.pattern)} is not a valid regular expression` });
    }
    for (const key of isJsonObject(node.patternProperties) ? Object.keys(node.patternProperties) : []) {
      if (isValidPattern(key)) continue;
      const keyPointer = pointerFromSegments([...segments, "patternProperties", key]);
      errors.push({ path: keyPointer, keyword: "patternProperties", message: `${keyPointer}: ${JSON.stringify(key)} is not a valid regular expression` });
    }
    if (typeof node.format === "string" && !knownFormats.has(node.format)) {
      const formatPointer = pointerFromSegments([...segments, "format"]);
      errors.push({
        path: formatPointer,
        keyword: "format",
        message: `${formatPointer}: unknown format "${node.format}"; use one of date, date-time, time, email, uri, uuid, hostname, ipv4, ipv6`,
      });
    }
    if (keyword === "properties" && name !== undefined && !CAMEL_CASE.test(name)) {
      const suggestion = toCamelCase(name);
      warnings.push({
        path: pointer,
        message: CAMEL_CASE.test(suggestion)
          ? `${pointer}: field names are usually camelCase, e.g. ${suggestion}`
          : `${pointer}: field names are usually camelCase`,
      });
    }
  });
  if (propertyCount > MAX_SCHEMA_PROPERTIES) {
    errors.push({
      path: "",
      keyword: "maxProperties",
      message: `The schema defines ${propertyCount} fields; the limit is ${MAX_SCHEMA_PROPERTIES}`,
    });
  }

  if (errors.length === 0) {
    try {
      compileSchema(schema);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      errors.push({ path: "", keyword: "compile", message: `The schema cannot be compiled: ${reason}` });
    }
  }

  if (errors.length === 0) return { ok: true, warnings };
  return { ok: false, errors: sortAndDeduplicate(errors), warnings };
}

const CAMEL_CASE = /^[a-z][a-zA-Z0-9]*$/;

function toCamelCase(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return words.map((w, i) => (i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())).join("");
}

export function isValidPattern(pattern: string) {
  // Ajv compiles patterns with the "u" flag, which rejects some escapes that plain RegExp allows.
  try {
    new RegExp(pattern, "u");
    return true;
  } catch {
    return false;
  }
}

function isDraft2020(value: unknown) {
  return value === JSON_SCHEMA_DRAFT_2020_12 || value === `${JSON_SCHEMA_DRAFT_2020_12}#`;
}

function resolvesLocally(root: TJsonSchema, ref: string): boolean {
  if (ref === "#") return true;
  if (!ref.startsWith("#/")) {
    const anchor = ref.slice(1);
    let found = false;
    walkSchema(root, ({ schema }) => {
      if (schema.$anchor === anchor || schema.$dynamicAnchor === anchor) found = true;
    });
    return found;
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(ref.slice(1));
  } catch {
    return false;
  }
  let current: unknown = root;
  for (const segment of segmentsFromPointer(decoded)) {
    if (Array.isArray(current)) current = current[Number(segment)];
    else if (isJsonObject(current) && Object.hasOwn(current, segment)) current = current[segment];
    else return false;
  }
  return current !== undefined;
}

function valueAt(root: unknown, pointer: string): unknown {
  let current = root;
  for (const segment of segmentsFromPointer(pointer)) {
    if (Array.isArray(current)) current = current[Number(segment)];
    else if (isJsonObject(current)) current = current[segment];
    else return undefined;
  }
  return current;
}

function translateMetaSchemaErrors(ajvErrors: ErrorObject[], schema: TJsonSchema): TValidationError[] {
  // A bad "type" fails the meta-schema's anyOf (one type name, or a list of them) three times
  // over; one sentence naming the allowed types says it better.
  const badTypePaths = new Set(ajvErrors.filter((e) => e.keyword === "anyOf" && e.instancePath.endsWith("/type")).map((e) => e.instancePath));
  const typeErrors = [...badTypePaths].map((path) => ({
    path,
    keyword: "type",
    message: `${path}: ${JSON.stringify(valueAt(schema, path))} is not a JSON Schema type; use string, number, integer, boolean, object, array or null`,
  }));
  const rest = translateAjvErrors(
    ajvErrors.filter((e) => !badTypePaths.has(e.instancePath)),
    ": ",
  );
  return [...typeErrors, ...rest];
}

// Errors that only say "one of the branches failed"; the branch's own errors say what to fix.
const WRAPPER_KEYWORDS = new Set(["anyOf", "oneOf", "if", "propertyNames"]);

function translateAjvErrors(ajvErrors: ErrorObject[], separator: " " | ": "): TValidationError[] {
  const { merged, rest } = mergeTypeAlternatives(ajvErrors, separator);
  const translated = [...merged, ...rest.map((error) => translateAjvError(error, separator))];
  const specific = translated.filter((e) => !WRAPPER_KEYWORDS.has(e.keyword));
  const kept = translated.filter(
    (e) => !WRAPPER_KEYWORDS.has(e.keyword) || !specific.some((s) => s.path === e.path || s.path.startsWith(`${e.path}/`)),
  );
  return sortAndDeduplicate(kept);
}

/**
 * `anyOf: [{ type: "string" }, { type: "null" }]` fails once per branch; when every branch only
 * disagrees on the type, one "must be a string or null" replaces the wrapper and its branches.
 */
function mergeTypeAlternatives(ajvErrors: ErrorObject[], separator: " " | ": ") {
  const merged: TValidationError[] = [];
  const consumed = new Set<ErrorObject>();
  for (const wrapper of ajvErrors) {
    if (wrapper.keyword !== "anyOf" && wrapper.keyword !== "oneOf") continue;
    if (consumed.has(wrapper)) continue;
    const branches = ajvErrors.filter((e) => e !== wrapper && e.schemaPath.startsWith(`${wrapper.schemaPath}/`));
    const onlyTypes = branches.length > 0 && branches.every((e) => e.keyword === "type" && e.instancePath === wrapper.instancePath);
    if (!onlyTypes) continue;
    const types = [...new Set(branches.flatMap((e) => typesOf(e.params as Record<string, unknown>)))];
    merged.push({ path: wrapper.instancePath, keyword: "type", message: `${displayPointer(wrapper.instancePath)}${separator}must be ${typePhrase(types)}` });
    consumed.add(wrapper);
    for (const branch of branches) consumed.add(branch);
  }
  return { merged, rest: ajvErrors.filter((e) => !consumed.has(e)) };
}

function typesOf(params: Record<string, unknown>): string[] {
  return Array.isArray(params.type) ? params.type.map(String) : String(params.type).split(",");
}

function sortAndDeduplicate(errors: TValidationError[]): TValidationError[] {
  const seen = new Set<string>();
  return errors
    .filter((e) => {
      const key = `${e.path}\u0000${e.keyword}\u0000${e.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => compareStrings(a.path, b.path) || compareStrings(a.keyword, b.keyword));
}

function compareStrings(a: string, b: string) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function translateAjvError(error: ErrorObject, separator: " " | ": "): TValidationError {
  const params = error.params as Record<string, unknown>;
  const at = (path: string, sentence: string, keyword = error.keyword): TValidationError => ({
    path,
    keyword,
    message: `${displayPointer(path)}${separator}${sentence}`,
  });
  const child = (name: unknown) => `${error.instancePath}/${escapePointerSegment(String(name))}`;
  const path = error.instancePath;

  if (error.propertyName !== undefined) {
    const named = child(error.propertyName);
    return { path: named, keyword: error.keyword, message: `${displayPointer(named)}: the name "${error.propertyName}" ${sentenceFor(error, params)}` };
  }
  switch (error.keyword) {
    case "required": {
      const missing = child(params.missingProperty);
      return { path: missing, keyword: "required", message: `${dottedName(missing)} is required` };
    }
    case "dependentRequired": {
      const missing = child(params.missingProperty);
      return {
        path: missing,
        keyword: "dependentRequired",
        message: `${dottedName(missing)} is required when ${String(params.property)} is present`,
      };
    }
    case "additionalProperties":
      return at(child(params.additionalProperty), "is not allowed (unknown field)");
    case "unevaluatedProperties":
      return at(child(params.unevaluatedProperty), "is not allowed (unknown field)");
    default:
      return at(path, sentenceFor(error, params));
  }
}

function dottedName(pointer: string) {
  return segmentsFromPointer(pointer).join(".");
}

function sentenceFor(error: ErrorObject, params: Record<string, unknown>): string {
  switch (error.keyword) {
    case "type":
      return `must be ${typePhrase(typesOf(params))}`;
    case "format":
      return formatSentence(String(params.format));
    case "enum":
      return `must be one of: ${(params.allowedValues as unknown[]).map(formatValue).join(", ")}`;
    case "const":
      return `must be exactly ${JSON.stringify(params.allowedValue)}`;
    case "minimum":
      return `must be at least ${String(params.limit)}`;
    case "maximum":
      return `must be at most ${String(params.limit)}`;
    case "exclusiveMinimum":
      return `must be greater than ${String(params.limit)}`;
    case "exclusiveMaximum":
      return `must be less than ${String(params.limit)}`;
    case "multipleOf":
      return `must be a multiple of ${String(params.multipleOf)}`;
    case "minLength":
      return `must be at least ${plural(params.limit, "character")}`;
    case "maxLength":
      return `must be at most ${plural(params.limit, "character")}`;
    case "pattern":
      return `must match the pattern ${String(params.pattern)}`;
    case "minItems":
      return `must have at least ${plural(params.limit, "item")}`;
    case "maxItems":
    case "items":
    case "additionalItems":
    case "unevaluatedItems":
      return `must have at most ${plural(params.limit, "item")}`;
    case "uniqueItems":
      // Ajv's i and j come in either order depending on the item type; name the earlier item first.
      return `must not contain duplicate items (items ${Math.min(Number(params.i), Number(params.j))} and ${Math.max(Number(params.i), Number(params.j))} are the same)`;
    case "minProperties":
      return `must have at least ${plural(params.limit, "field")}`;
    case "maxProperties":
      return `must have at most ${plural(params.limit, "field")}`;
    case "contains":
      return `must contain at least ${plural(params.minContains ?? 1, "matching item")}`;
    case "anyOf":
      return "must match at least one of the allowed shapes";
    case "oneOf":
      return params.passingSchemas ? "must match only one of the allowed shapes, but matches several" : "must match one of the allowed shapes";
    case "not":
      return "must not match the excluded shape";
    case "if":
      return `must match the "${String(params.failingKeyword)}" shape`;
    case "false schema":
      return "is not allowed";
    default:
      return error.message ?? `fails the "${error.keyword}" rule`;
  }
}

const TYPE_PHRASES: Record<string, string> = {
  string: "a string",
  number: "a number",
  integer: "an integer",
  boolean: "a boolean",
  object: "an object",
  array: "an array",
  null: "null",
};

function typePhrase(types: string[]): string {
  if (types.length === 1 && types[0] === "boolean") return "true or false";
  const phrases = types.map((t) => TYPE_PHRASES[t] ?? t);
  if (phrases.length <= 1) return phrases.join("");
  return `${phrases.slice(0, -1).join(", ")} or ${phrases.at(-1)}`;
}

const FORMAT_SENTENCES: Record<string, string> = {
  email: "must be a valid email address",
  date: "must be a date (YYYY-MM-DD)",
  "date-time": "must be a date-time (RFC 3339, e.g. 2026-01-31T12:00:00Z)",
  time: "must be a time (RFC 3339, e.g. 12:00:00Z)",
  duration: "must be an ISO 8601 duration (e.g. P3D)",
  uri: "must be an absolute URI (e.g. https://example.com/path)",
  url: "must be a URL (e.g. https://example.com/path)",
  "uri-reference": "must be a URI reference",
  uuid: "must be a UUID (e.g. 123e4567-e89b-12d3-a456-426614174000)",
  hostname: "must be a host name (e.g. example.com)",
  ipv4: "must be an IPv4 address",
  ipv6: "must be an IPv6 address",
  regex: "must be a valid regular expression",
};

function formatSentence(format: string) {
  return FORMAT_SENTENCES[format] ?? `must match the format "${format}"`;
}

function formatValue(value: unknown) {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function plural(count: unknown, noun: string) {
  return `${String(count)} ${noun}${count === 1 ? "" : "s"}`;
}

export type { ValidateFunction };
