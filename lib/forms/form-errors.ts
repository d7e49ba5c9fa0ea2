import type { ErrorSchema, ErrorTransformer, RJSFValidationError, UiSchema } from "@rjsf/utils";
import { isJsonObject, type TJsonSchema } from "@/lib/schemas/types";

// Validation messages of the generated forms. The browser validates with rjsf's Ajv (draft
// 2020-12 and the same formats as the server, components/custom-events/rjsf-validator.ts); the
// server validates again in fireEvent. Both kinds of error are said the same way here, with the
// field's label from the UI schema: "Amount must be a number", "Invoice number is required".
// No "server-only": the form components use this.

/** rjsf ids: the form's fields are `data_invoiceAmount`, `data_lines_0_amount`. */
export const FORM_ID_PREFIX = "data";
export const FORM_ID_SEPARATOR = "_";

export type TErrorSummaryItem = { fieldId: string; message: string };

/** rjsf writes error paths as ".lines.0.amount" (or "invoiceNumber" for a missing root field). */
export function errorPathSegments(property: string | undefined): string[] {
  if (!property) return [];
  return property.replace(/^\./, "").split(".").filter((segment) => segment !== "");
}

export function fieldIdFor(segments: readonly string[]): string {
  return [FORM_ID_PREFIX, ...segments].join(FORM_ID_SEPARATOR);
}

const isIndex = (segment: string) => /^\d+$/.test(segment);

/** The label staff see for a field: its UI schema title, else its schema title, else its name. */
export function fieldLabel(schema: TJsonSchema, uiSchema: UiSchema | null | undefined, segments: readonly string[]): string {
  let node: unknown = schema;
  let ui: unknown = uiSchema ?? {};
  let label = "The form";
  let item: number | undefined;
  for (const segment of segments) {
    const nodeObject = isJsonObject(node) ? node : {};
    const uiObject = isJsonObject(ui) ? ui : {};
    if (isIndex(segment) && (nodeObject.type === "array" || nodeObject.items !== undefined)) {
      node = nodeObject.items;
      ui = uiObject.items;
      item = Number(segment) + 1;
      continue;
    }
    node = isJsonObject(nodeObject.properties) ? nodeObject.properties[segment] : undefined;
    ui = uiObject[segment];
    const uiTitle = isJsonObject(ui) ? ui["ui:title"] : undefined;
    const schemaTitle = isJsonObject(node) ? node.title : undefined;
    label = typeof uiTitle === "string" && uiTitle ? uiTitle : typeof schemaTitle === "string" && schemaTitle ? schemaTitle : segment;
    item = undefined;
  }
  return item === undefined ? label : `${label} ${item}`;
}

const FORMAT_SENTENCES: Record<string, string> = {
  email: "must be an email address, e.g. name@example.com",
  date: "must be a date (YYYY-MM-DD)",
  "date-time": "must be a date and time, e.g. 2026-01-31T12:00:00Z",
  time: "must be a time, e.g. 12:00:00Z",
  uri: "must be a full URL, e.g. https://example.com/path",
  url: "must be a full URL, e.g. https://example.com/path",
  uuid: "must be a UUID, e.g. 123e4567-e89b-12d3-a456-426614174000",
  hostname: "must be a host name, e.g. example.com",
  ipv4: "must be an IPv4 address",
  ipv6: "must be an IPv6 address",
};

const TYPE_SENTENCES: Record<string, string> = {
  string: "must be text",
  number: "must be a number, e.g. 1250.00",
  integer: "must be a whole number",
  boolean: "must be yes or no",
  object: "must be a group of fields",
  array: "must be a list",
  null: "must be empty",
};

const plural = (count: unknown, noun: string) => `${String(count)} ${noun}${count === 1 ? "" : "s"}`;

/** The sentence after the label for one Ajv error (rjsf keeps Ajv's keyword and params). */
export function errorSentence(keyword: string | undefined, params: Record<string, unknown> | undefined, fallback = "is not valid"): string {
  const p = params ?? {};
  switch (keyword) {
    case "required":
      return "is required";
    case "type": {
      const types = (Array.isArray(p.type) ? p.type : String(p.type).split(",")).map(String).filter((t) => t !== "null");
      return types.length === 1 ? (TYPE_SENTENCES[types[0]!] ?? `must be ${types[0]}`) : `must be ${types.join(" or ")}`;
    }
    case "format":
      return FORMAT_SENTENCES[String(p.format)] ?? `must match the format "${String(p.format)}"`;
    case "enum":
      return `must be one of: ${((p.allowedValues as unknown[]) ?? []).map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join(", ")}`;
    case "const":
      return `must be exactly ${JSON.stringify(p.allowedValue)}`;
    case "minimum":
      return `must be at least ${String(p.limit)}`;
    case "maximum":
      return `must be at most ${String(p.limit)}`;
    case "exclusiveMinimum":
      return `must be greater than ${String(p.limit)}`;
    case "exclusiveMaximum":
      return `must be less than ${String(p.limit)}`;
    case "multipleOf":
      return `must be a multiple of ${String(p.multipleOf)}`;
    case "minLength":
      return p.limit === 1 ? "must not be empty" : `must be at least ${plural(p.limit, "character")}`;
    case "maxLength":
      return `must be at most ${plural(p.limit, "character")}`;
    case "pattern":
      return `must match the pattern ${String(p.pattern)}`;
    case "minItems":
      return `must have at least ${plural(p.limit, "item")}`;
    case "maxItems":
      return `must have at most ${plural(p.limit, "item")}`;
    case "uniqueItems":
      return "must not contain the same item twice";
    case "additionalProperties":
      return `has a field the event does not define (${String(p.additionalProperty)})`;
    default:
      return fallback;
  }
}

/** rjsf's `transformErrors`: every error becomes "<Label> <sentence>", inline and in the summary. */
export function formErrorTransformer(schema: TJsonSchema): ErrorTransformer {
  return (errors, uiSchema) =>
    errors.map((error) => {
      const message = `${fieldLabel(schema, uiSchema, errorPathSegments(error.property))} ${errorSentence(error.name, error.params, error.message)}`;
      return { ...error, message, stack: message };
    });
}

/** The summary's entries: one per message, each pointing at its field's input. */
export function summarizeErrors(errors: readonly RJSFValidationError[]): TErrorSummaryItem[] {
  const seen = new Set<string>();
  const items: TErrorSummaryItem[] = [];
  for (const error of errors) {
    const fieldId = fieldIdFor(errorPathSegments(error.property));
    const message = error.message ?? error.stack;
    if (seen.has(`${fieldId}\u0000${message}`)) continue;
    seen.add(`${fieldId}\u0000${message}`);
    items.push({ fieldId, message });
  }
  return items;
}

/** Each error in an ErrorSchema, as a list; rjsf's own `toErrorList` loses nothing we need. */
export function errorSchemaToSummary(errorSchema: ErrorSchema, segments: string[] = []): TErrorSummaryItem[] {
  const items: TErrorSummaryItem[] = [];
  for (const [key, value] of Object.entries(errorSchema)) {
    if (key === "__errors") {
      for (const message of (value as unknown as string[]) ?? []) items.push({ fieldId: fieldIdFor(segments), message });
    } else if (value && typeof value === "object") {
      items.push(...errorSchemaToSummary(value as ErrorSchema, [...segments, key]));
    }
  }
  return items;
}

function unescapeSegment(segment: string) {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}

/**
 * The server's field errors (fireEvent's data_invalid, as runAction's `fieldErrors`: a JSON
 * pointer without its leading slash → message) as rjsf `extraErrors`, said like the browser's.
 */
export function serverErrorsToErrorSchema(
  fieldErrors: Record<string, string>,
  schema: TJsonSchema,
  uiSchema: UiSchema | null | undefined,
): ErrorSchema {
  const root: Record<string, unknown> = {};
  for (const [key, serverMessage] of Object.entries(fieldErrors)) {
    const segments = key === "" ? [] : key.split("/").map(unescapeSegment);
    const pointer = key === "" ? "/" : `/${key}`;
    const dotted = segments.join(".");
    // fireEvent's messages start with the field ("/invoiceAmount must be ...", "invoiceNumber is required").
    const sentence = [pointer, dotted].reduce((text, prefix) => (prefix && text.startsWith(`${prefix} `) ? text.slice(prefix.length + 1) : text), serverMessage);
    const message = `${fieldLabel(schema, uiSchema, segments)} ${sentence}`;
    let node = root;
    for (const segment of segments) node = (node[segment] ??= {}) as Record<string, unknown>;
    node.__errors = [...((node.__errors as string[] | undefined) ?? []), message];
  }
  return root as ErrorSchema;
}
